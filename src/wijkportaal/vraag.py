"""Vraag: a question with its answer (vragen en antwoorden). Schema, model, checks, and the
records an answer mentions by name.

The record contract: ``naam`` is the question itself ("Wat is een indicatie?"),
``samenvatting`` the short answer in plain text and ``antwoord`` the full answer in
Markdown. Questions are for staff unless marked ``zichtbaarheid: publiek`` (residents'
common questions, written in plain language).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from . import schema as s
from .record import (
    GEDEELD_VERPLICHT,
    Controle,
    MetDoelgroepen,
    Record,
    Voorbeelden,
    controleer_doelgroepen,
    controleer_gedeeld,
    gedeelde_velden,
)
from .schema import id_lijst

_VOORBEELD_ANTWOORD = (
    "Voor sommige hulp hebt u een **indicatie** nodig. Dat is een besluit van de gemeente dat u recht hebt op "
    "die hulp. U krijgt dat besluit op papier: de beschikking."
)

_GEDEELD = gedeelde_velden(
    Voorbeelden(
        id="wat-is-een-indicatie",
        naam="Wat is een indicatie?",
        samenvatting="Een indicatie is een besluit van de gemeente dat u recht hebt op bepaalde hulp. Het "
        "wijkteam bekijkt eerst samen met u wat u nodig hebt.",
        beschrijving="Inwoners vragen dit vaak na een gesprek met het wijkteam.",
        themas=["wmo-en-eigen-bijdrage"],
        onbevestigd={"antwoord": "Samengesteld uit de bronnen; nog niet nagevraagd bij de gemeente."},
    )
)

VELDEN = {
    **_GEDEELD,
    "naam": s.tekst(
        "De vraag zelf, zoals iemand hem stelt, met een vraagteken. Bij een vraag van inwoners: eenvoudige taal.",
        "Wat is een indicatie?",
        maxLength=150,
    ),
    "samenvatting": s.tekst(
        "Het korte antwoord: één of twee zinnen gewone tekst (geen Markdown), hoogstens 300 tekens. Staat in "
        "lijsten en zoekresultaten en bovenaan de pagina.",
        _GEDEELD["samenvatting"]["examples"][0],
        maxLength=300,
    ),
    "beschrijving": s.tekst(
        "Achtergrond bij de vraag in Markdown, bijvoorbeeld waarom hij vaak gesteld wordt. Het antwoord zelf staat "
        "in 'antwoord'.",
        "Inwoners vragen dit vaak na een gesprek met het wijkteam.",
    ),
    "antwoord": s.tekst(
        "Het volledige antwoord in Markdown. Noem voorzieningen, werkinstructies en methodieken bij hun naam: de "
        "pagina linkt er dan vanzelf naar. Bij een vraag van inwoners: eenvoudige taal, spreek de lezer aan met 'u'.",
        _VOORBEELD_ANTWOORD,
        pattern=r"\S",
        **{"x-foutmelding": "leeg; schrijf het antwoord op de vraag"},
    ),
    "doelgroepen": id_lijst("Voor wie de vraag is (doelgroepen uit data/taxonomie.yml).", ["alle-inwoners"]),
}

SCHEMA = s.record_schema(
    "vraag",
    "Vraag",
    "Een vraag met het antwoord (vragen en antwoorden) van de Wijkteams Enschede. De naam is de vraag.",
    VELDEN,
    GEDEELD_VERPLICHT + ["antwoord"],
)


@dataclass
class Vraag(MetDoelgroepen, Record):
    SOORT = "vragen"
    ENKELVOUD = "vraag"
    STANDAARD_ZICHTBAARHEID = "intern"

    @property
    def antwoord(self) -> str:
        return self.data.get("antwoord", "")

    def zoektekst(self) -> str:
        return self.antwoord


def controleer(v: Vraag, c: Controle) -> None:
    controleer_gedeeld(v, c)
    controleer_doelgroepen(v, c)


# -- the records an answer mentions --------------------------------------------------------

# The kinds whose names are looked for in an answer.
GENOEMDE_SOORTEN = ("voorzieningen", "werkinstructies", "methodieken")
MIN_TEKENS = 6  # a one-word name must be at least this long ("KIES" is not looked for, "Meubeldepot" is)


def zoeknamen(record: Record) -> list[str]:
    """The names a text may mention ``record`` by: its name, and its name without a trailing
    explanation in brackets ("ABC-team (ondersteuning frontoffice)" → "ABC-team"). Only names of
    at least two words or six characters, so short words do not link by accident."""
    naam = " ".join(record.naam.split())
    namen = [naam]
    kort = re.sub(r"\s*\([^()]*\)$", "", naam)
    if kort and kort != naam:
        namen.append(kort)
    return [n for n in namen if len(n.split()) >= 2 or len(n) >= MIN_TEKENS]


def _patroon(naam: str) -> re.Pattern:
    """Whole words, any case, any white space (also a line break) between the words."""
    woorden = r"\s+".join(re.escape(w) for w in naam.split())
    return re.compile(rf"(?<![\w-]){woorden}(?![\w-])", re.IGNORECASE)


def _leesbare_tekst(markdown: str) -> str:
    """The words of Markdown as a reader sees them: link targets and HTML tags left out."""
    tekst = re.sub(r"\]\([^)]*\)", "]", markdown)
    tekst = re.sub(r"<[^>]*>", " ", tekst)
    return re.sub(r"[*_`]+", "", tekst)


def genoemd(markdown: str, kandidaten: Iterable[Record]) -> list[Record]:
    """The records among ``kandidaten`` whose name occurs in ``markdown``, in order of first mention.

    Where names overlap, the longest wins ("Veilig Thuis Twente", not also a record called
    "Veilig Thuis"); records with exactly the same name all count.
    """
    tekst = _leesbare_tekst(markdown)
    treffers: list[tuple[int, int, Record]] = []
    for record in kandidaten:
        for naam in zoeknamen(record):
            treffers += [(m.start(), m.end(), record) for m in _patroon(naam).finditer(tekst)]
    gekozen: list[tuple[int, int, Record]] = []
    for begin, eind, record in sorted(treffers, key=lambda t: (t[0] - t[1], t[0])):
        if all((begin, eind) == (b, e) or eind <= b or begin >= e for b, e, _ in gekozen):
            gekozen.append((begin, eind, record))
    uit: dict[str, Record] = {}
    for _, _, record in sorted(gekozen, key=lambda t: t[0]):
        uit.setdefault(record.ref, record)
    return list(uit.values())
