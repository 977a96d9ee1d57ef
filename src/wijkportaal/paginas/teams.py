"""Wie is wie (intern only): the teams overview, and "Vraag het aan" for thema and methodiek pages.

Teams are staff-only records, so the publiek catalogue has none: there the
overview is not made and every "Vraag het aan" list is empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .. import adressen
from ..adressen import adres
from ..catalogus import Catalogus
from ..gebieden import Gebied
from ..team import SOORT_TEAM_KOP, Team
from .basis import Pagina, Weergave

HELE_STAD = "Heel Enschede"


def teams(cat: Catalogus) -> list[Team]:
    return cat.soort("teams")  # type: ignore[return-value]


@dataclass(frozen=True)
class Werkgebied:
    """Where a team works, for people: its stadsdeel (or the whole city) and the named wijken/buurten."""

    kop: str  # "Noord", "Heel Enschede", ...
    gebieden: list[Gebied]  # the wijken and buurten of 'werkgebied', as far as known

    @property
    def namen(self) -> str:
        return ", ".join(g.naam for g in self.gebieden)


def werkgebied(cat: Catalogus, team: Team) -> Werkgebied:
    g = cat.gebieden
    gebieden = [x for x in (g.wijken.get(c) or g.buurten.get(c) for c in team.gebiedcodes) if x is not None]
    if team.stedelijk:
        return Werkgebied(HELE_STAD, [])
    stadsdeel = g.stadsdelen.get(team.stadsdeel)
    if stadsdeel is None:  # no stadsdeel given: the one its wijken lie in, if they agree
        delen = {d.naam for d in (g.stadsdeel_van(w) for w in g.wijken_van_codes(team.gebiedcodes)) if d}
        stadsdeel_naam = delen.pop() if len(delen) == 1 else "Overige gebieden"
    else:
        stadsdeel_naam = stadsdeel.naam
    return Werkgebied(stadsdeel_naam, gebieden)


def wijken_van(cat: Catalogus, team: Team) -> set[str]:
    """The wijk codes a team serves: its werkgebied, else its stadsdeel, and every wijk when city-wide."""
    g = cat.gebieden
    if team.stedelijk:
        return set(g.wijken)
    if team.gebiedcodes:
        return g.wijken_van_codes(team.gebiedcodes)
    stadsdeel = g.stadsdelen.get(team.stadsdeel)
    return set(stadsdeel.wijken) if stadsdeel else set()


def vraag_het_aan(cat: Catalogus, gevonden: list[Team]) -> list[tuple[str, list[tuple[Team, Werkgebied]]]]:
    """Teams grouped by where they work: stadsdelen in their own order, then the whole city.

    So "who in my wijk knows about KIES?" is answered by looking under the reader's stadsdeel.
    """
    volgorde = [d.naam for d in cat.gebieden.stadsdelen.values()]
    groepen: dict[str, list[tuple[Team, Werkgebied]]] = {}
    for team in gevonden:
        gebied = werkgebied(cat, team)
        groepen.setdefault(gebied.kop, []).append((team, gebied))
    sleutel = {naam: i for i, naam in enumerate(volgorde + [HELE_STAD])}
    return sorted(groepen.items(), key=lambda kv: (sleutel.get(kv[0], len(sleutel)), kv[0]))


def recordgegevens(cat: Catalogus, team: Team) -> dict:
    """What a team's own page shows besides the record: its stadsdeel, areas and methodieken."""
    gebieden = [x for x in (cat.gebieden.wijken.get(c) or cat.gebieden.buurten.get(c) for c in team.gebiedcodes) if x]
    methodieken = [m for m in (cat.zoek(f"methodieken/{id_}") for id_ in team.methodieken) if m is not None]
    return {"stadsdeel": cat.gebieden.stadsdelen.get(team.stadsdeel), "gebieden": gebieden, "methodieken": methodieken}


def met_methodiek(cat: Catalogus, methodiek: str) -> list[Team]:
    return [t for t in teams(cat) if methodiek in t.methodieken]


def in_wijk(cat: Catalogus, wijkcode: str) -> list[Team]:
    """The wijkteams that serve this wijk (city-wide teams serve every wijk and are left out)."""
    return [t for t in teams(cat) if t.soort_team == "wijkteam" and wijkcode in wijken_van(cat, t)]


def paginas(w: Weergave) -> Iterator[Pagina]:
    """/wie-is-wie/: the teams, grouped by what kind of team they are (intern only)."""
    if w.cat.is_publiek():
        return
    alle = teams(w.cat)
    groepen = []
    for soort, kop in SOORT_TEAM_KOP.items():
        deze = [t for t in alle if t.soort_team == soort]
        if deze:
            groepen.append((soort, kop, vraag_het_aan(w.cat, deze) if soort == "wijkteam" else [("", [(t, None) for t in deze])]))
    yield w.render(
        "overzicht_teams.html", adressen.overzicht("teams"), "Wie is wie",
        beschrijving="Teams en rollen van de Wijkteams Enschede: wie doet wat, waar, en wie weet waarvan.",
        groepen=groepen, aantal=len(alle), wie_weet=_wie_weet(w.cat, alle),
    )  # fmt: skip


def _wie_weet(cat: Catalogus, alle: list[Team]) -> dict[str, list[tuple[object, int]]]:
    """Every thema and methodiek some team knows about, with the number of teams (for "Wie weet er iets van ...")."""
    themas = []
    for term in cat.taxonomie.themas.values():
        onder = cat.taxonomie.onder(term.id)
        aantal = sum(1 for t in alle if onder & set(t.themas))
        if aantal:
            themas.append((term, aantal))
    methodieken = []
    for m in cat.methodieken:
        aantal = sum(1 for t in alle if m.id in t.methodieken)
        if aantal:
            methodieken.append((m, aantal))
    return {"themas": themas, "methodieken": methodieken}


def fotos(cat: Catalogus) -> Iterator[tuple[str, Path]]:
    """(site path, file) of every photo whose person consented to it; nothing in the publiek edition."""
    for team in teams(cat):
        for persoon in team.mensen:
            if persoon.foto:
                yield fotoadres(team, persoon.foto), team.fotobestand(persoon.foto)


def fotoadres(team: Team, foto: str) -> str:
    return f"{adres(team)}{foto}"
