"""Vragen en antwoorden: the overview ``/vragen/`` grouped by hoofdthema (each question once,
under the hoofdthema of its first thema), and what a question page links to ("In dit antwoord").

Both editions have the overview: the intern one with every question, the publiek one
("Veelgestelde vragen") with the questions marked ``zichtbaarheid: publiek`` only, because
the catalogue of that edition holds nothing else.
"""

from __future__ import annotations

from typing import Iterator

from .. import adressen
from ..record import Record
from ..vraag import GENOEMDE_SOORTEN, Vraag, genoemd
from .basis import Pagina, Weergave


def paginas(w: Weergave) -> Iterator[Pagina]:
    cat, tax = w.cat, w.tax
    vragen: list[Vraag] = cat.soort("vragen")  # type: ignore[assignment]
    per_thema: dict[str, list[Vraag]] = {}
    for v in vragen:  # each question once: under the hoofdthema of its first thema
        hoofd = next((h for h in (tax.hoofdthema(t) for t in v.themas) if h), "overig")
        per_thema.setdefault(hoofd, []).append(v)
    volgorde = [t.id for t in tax.hoofdthemas] + ["overig"]
    groepen = [(tax.themas.get(t), per_thema[t]) for t in volgorde if t in per_thema]
    if cat.is_publiek():
        titel, beschrijving = "Veelgestelde vragen", "Antwoorden op vragen die inwoners van Enschede vaak stellen."
    else:
        titel, beschrijving = "Vragen en antwoorden", "Vragen en antwoorden voor medewerkers van de Wijkteams Enschede."
    yield w.render(
        "overzicht_vragen.html", adressen.overzicht("vragen"), titel, beschrijving=beschrijving,
        groepen=groepen, aantal=len(vragen),
    )  # fmt: skip


def in_dit_antwoord(w: Weergave, vraag: Vraag) -> list[Record]:
    """The records in ``gerelateerd``, then the voorzieningen, werkinstructies and methodieken the
    answer mentions by name; only current records of this edition (``cat.zoek``)."""
    cat = w.cat
    kandidaten = [r for soort in GENOEMDE_SOORTEN for r in cat.soort(soort)]
    refs = [*vraag.gerelateerd, *(r.ref for r in genoemd(vraag.antwoord, kandidaten))]
    gevonden = (cat.zoek(ref) for ref in dict.fromkeys(refs))
    return [r for r in gevonden if r is not None and r.ref != vraag.ref]
