"""Pages about places: the wijken overview, a page per wijk with its map, and /kaart/."""

from __future__ import annotations

from typing import Iterator

from .. import adressen
from ..adressen import adres
from ..gebieden import Gebied
from ..voorziening import Voorziening
from . import teams
from .basis import Pagina, Weergave


def paginas(w: Weergave) -> Iterator[Pagina]:
    yield kaartpagina(w)
    yield w.render("overzicht_wijken.html", adressen.WIJKEN, "Wijken", stadsdelen=_stadsdelen(w))
    for wijk in sorted(w.cat.gebieden.wijken.values(), key=lambda g: g.code):
        if w.maakt(adres(wijk)):
            yield wijkpagina(w, wijk)
        else:  # not its map and lists either
            yield w.render("wijk.html", adres(wijk), f"Wijk {wijk.naam}")


def kaartpagina(w: Weergave) -> Pagina:
    """/kaart/: every current voorziening with a location, on the wijken of Enschede."""
    voorzieningen = [v for v in w.cat.voorzieningen if any(l.coordinaten for l in v.locaties)]
    wijken = sorted(w.cat.gebieden.wijken.values(), key=lambda g: g.code)
    kaart = w.kaart(
        adressen.KAART, "overzicht", voorzieningen, wijken=wijken, hoogte="34rem",
        omschrijving="Kaart van Enschede met alle voorzieningen", lijst_anker="plaatsen",
    )  # fmt: skip
    return w.render(
        "kaart.html", adressen.KAART, "Kaart", kaart=kaart, plaatsen=w.plaatsen(voorzieningen),
        beschrijving="Kaart van Enschede met de plekken waar u hulp vindt.",
    )  # fmt: skip


def _stadsdelen(w: Weergave) -> list[tuple[str, list[tuple[Gebied, int]]]]:
    gebieden = w.cat.gebieden
    groepen: list[tuple[str, list[tuple[Gebied, int]]]] = []
    geplaatst: set[str] = set()
    for stadsdeel in gebieden.stadsdelen.values():
        wijken = [gebieden.wijken[c] for c in stadsdeel.wijken if c in gebieden.wijken]
        geplaatst |= {wijk.code for wijk in wijken}
        groepen.append((stadsdeel.naam, [(wijk, len(w.cat.in_wijk(wijk.code)[0])) for wijk in wijken]))
    rest = [wijk for c, wijk in sorted(gebieden.wijken.items()) if c not in geplaatst]
    if rest:
        groepen.append(("Overige wijken", [(wijk, len(w.cat.in_wijk(wijk.code)[0])) for wijk in rest]))
    return groepen


def wijkpagina(w: Weergave, wijk: Gebied) -> Pagina:
    tax = w.tax
    hier, stedelijk = w.cat.in_wijk(wijk.code)
    per_thema: dict[str, list[Voorziening]] = {}
    for v in hier:
        hoofden = dict.fromkeys(h for h in (tax.hoofdthema(t) for t in v.themas) if h)
        for hoofd in hoofden or ["overig"]:
            per_thema.setdefault(hoofd, []).append(v)
    volgorde = [t.id for t in tax.hoofdthemas] + ["overig"]
    groepen = [(tax.themas.get(t), per_thema[t]) for t in volgorde if t in per_thema]
    buurten = sorted(w.cat.gebieden.buurten_van(wijk.code), key=lambda b: b.naam)
    op_kaart = [v for v in hier if any(l.wijkcode == wijk.code for l in v.locaties)]
    kaart = w.kaart(
        adres(wijk), "wijk", op_kaart, wijken=[wijk], buurten=buurten,
        omschrijving=f"Kaart van de wijk {wijk.naam} met de voorzieningen", lijst_anker="plaatsen",
    )  # fmt: skip
    return w.render(
        "wijk.html", adres(wijk), f"Wijk {wijk.naam}", kaart=kaart, plaatsen=w.plaatsen(op_kaart, wijk.code),
        beschrijving=f"Voorzieningen in de wijk {wijk.naam} in Enschede.",
        wijk=wijk, groepen=groepen, hier=hier, stedelijk=stedelijk, aantal=len(hier),
        stadsdeel=w.cat.gebieden.stadsdeel_van(wijk.code), buurten=buurten, teams=teams.in_wijk(w.cat, wijk.code),
    )  # fmt: skip
