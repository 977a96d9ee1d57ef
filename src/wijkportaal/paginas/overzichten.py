"""Overview pages: all voorzieningen and organisaties, the kennisportaal lists,
thema's and doelgroepen, and the maintenance list."""

from __future__ import annotations

from typing import Iterator

from .. import adressen
from ..adressen import adres
from ..onderhoud import onderhoudslijsten
from ..team import Team
from ..werkinstructie import Werkinstructie
from . import teams
from .basis import Pagina, Weergave


def paginas(w: Weergave) -> Iterator[Pagina]:
    cat = w.cat
    yield w.render(
        "overzicht_voorzieningen.html", adressen.overzicht("voorzieningen"), "Voorzieningen",
        beschrijving="Alle voorzieningen van de sociale kaart van Enschede.",
        records=cat.voorzieningen,
    )  # fmt: skip
    if not cat.is_publiek():
        yield from kennisportaal(w)
        yield onderhoudspagina(w)
    yield w.render(
        "overzicht_organisaties.html", adressen.overzicht("organisaties"), "Organisaties",
        beschrijving="Organisaties op de sociale kaart van Enschede.",
        records=cat.organisaties,
    )  # fmt: skip
    yield from taxonomie(w)


def onderhoudspagina(w: Weergave, binnen: int = 60) -> Pagina:
    """/onderhoud/: per beheer-organisatie what is overdue or due soon (intern only)."""
    return w.render(
        "onderhoud.html", adressen.ONDERHOUD, "Onderhoud",
        lijsten=onderhoudslijsten(w.cat, binnen=binnen), binnen=binnen, dagen=w.cat.verouderd_na_dagen,
    )  # fmt: skip


def kennisportaal(w: Weergave) -> Iterator[Pagina]:
    """Overviews for staff only: methodieken and werkinstructies."""
    cat = w.cat
    yield w.render(
        "overzicht_methodieken.html", adressen.overzicht("methodieken"), "Methodieken",
        beschrijving="Methodieken en werkwijzen van de Wijkteams Enschede.",
        records=cat.methodieken,
    )  # fmt: skip
    per_proces: dict[str, list[Werkinstructie]] = {}
    for instructie in cat.werkinstructies:
        per_proces.setdefault(instructie.proces, []).append(instructie)
    yield w.render(
        "overzicht_werkinstructies.html", adressen.overzicht("werkinstructies"), "Werkinstructies",
        beschrijving="Werkinstructies voor medewerkers van de Wijkteams Enschede.",
        per_proces=[(w.tax.processen.get(p), per_proces[p]) for p in sorted(per_proces)],
    )  # fmt: skip


def taxonomie(w: Weergave) -> Iterator[Pagina]:
    cat, tax = w.cat, w.tax
    yield w.render("overzicht_themas.html", adressen.THEMAS, "Thema's", hoofdthemas=tax.hoofdthemas)
    for term in tax.themas.values():
        if not w.maakt(adres(term)):  # a live preview keeps this one (see Weergave.alleen)
            yield w.render("thema.html", adres(term), term.label)
            continue
        records = cat.met_thema(term.id)
        yield w.render(
            "thema.html", adres(term), term.label,
            beschrijving=f"Hulp en informatie over {term.label.lower()} in Enschede.",
            term=term, records=[r for r in records if not isinstance(r, Team)],
            vraag_teams=teams.vraag_het_aan(cat, [r for r in records if isinstance(r, Team)]),
        )  # fmt: skip
    yield w.render(
        "overzicht_doelgroepen.html", adressen.DOELGROEPEN, "Doelgroepen",
        doelgroepen=[(t, len(cat.met_doelgroep(t.id))) for t in tax.doelgroepen.values()],
    )  # fmt: skip
    for term in tax.doelgroepen.values():
        yield w.render("doelgroep.html", adres(term), term.label, term=term, records=cat.met_doelgroep(term.id))
