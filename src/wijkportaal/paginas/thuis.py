"""The home pages' generated blocks, and /woordenlijst/.

The home pages are hand-written (``docs/index.md``, ``docs/index.publiek.md``); where
one has a marker ``<!-- wijkportaal:<naam> -->`` the site engine puts the block of
that name, made here from the catalogue, so the wijken, the thema's and the contact
details always come from the data:

=====================  ==================================================================
``zoekvak``            a search form that opens the finder (``zoeken/?q=...``), and the address
                       field of Hulp dichtbij (``zoeken/?wijk=...&bij=...``)
``onderwerpen``        the seven hoofdthema's as tiles with an icon and examples
``wijken``             a drawing of the wijken (each a link) beside a plain list
``praten``             for people who prefer to talk: the phone route and the WijkWijzers
``kennisportaal``      quick entries for staff (intern edition only)
``recent-gewijzigd``   the records changed last (see :mod:`.ontwikkelingen`)
=====================  ==================================================================

The drawing of the wijken is an inline SVG made from the CBS outlines in
``data/gebieden``: one link per wijk with its name, numbered like the list next to
it, and usable with the keyboard. Icons come from the site engine's icon set
through :attr:`Weergave.iconen` (names in ``data/taxonomie.yml``); without one the
tiles show their words only.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from .. import adressen
from ..adressen import adres, relatief
from ..catalogus import Catalogus
from ..codeowners import HUISORGANISATIE
from ..dichtbij import GEBIEDENBESTAND
from ..gebieden import Gebied, Vlak
from ..onderhoud import onderhoudslijsten
from ..problemen import Problemen
from . import ontwikkelingen
from .basis import Pagina, Weergave
from .zoeken import DICHTBIJ_SCRIPTS

MARKER = re.compile(r"<!-- wijkportaal:([a-z][a-z-]*) -->")
BLOKKEN = ("zoekvak", "onderwerpen", "wijken", "praten", "kennisportaal", "recent-gewijzigd")

# The two routes for people who prefer to talk (records; a route whose record is not in
# the edition is left out): the phone line of the wijkteams, and the WijkWijzers.
FRONTOFFICE = "voorzieningen/frontoffice-wijkteams-enschede"
WIJKWIJZERS = "voorzieningen/wijkwijzers"

# Icons of the kennisportaal entries (names in the site engine's icon set, like the thema's).
KENNIS_ICONEN = {
    "methodieken": "material/book-open-variant",
    "werkinstructies": "material/clipboard-list",
    "vragen": "material/chat-question",
    "teams": "material/account-group",
    "ontwikkelingen": "material/timeline-clock",
    "wijkanalyse": "material/table-large",
    "onderhoud": "material/wrench-clock",
    "recent": "material/history",
}


def blok(w: Weergave, naam: str, url: str, data: Path | None = None) -> str | None:
    """The HTML of block ``naam`` for the page at ``url``; None for a name that is no block."""
    if naam == "recent-gewijzigd":
        return ontwikkelingen.recent_blok(w, url, data)
    maker = {
        "zoekvak": zoekvak,
        "onderwerpen": onderwerpen,
        "wijken": wijken,
        "praten": praten,
        "kennisportaal": kennisportaal,
    }.get(naam)
    return maker(w, url) if maker else None


def _fragment(w: Weergave, template: str, url: str, **extra) -> str:
    return w.render(template, url, "", **extra).html


def icoon(w: Weergave, naam: str) -> Markup:
    """An icon from the engine's icon set as inline SVG, hidden from screen readers; empty if unknown."""
    svg = w.iconen(naam) if (w.iconen and naam) else None
    if not svg or not svg.lstrip().startswith("<svg"):
        return Markup("")
    svg = svg.strip().replace("<svg", '<svg class="wp-icoon" aria-hidden="true" focusable="false"', 1)
    return Markup(svg)


def controleer_iconen(cat: Catalogus, bestaat: Callable[[str], bool], problemen: Problemen) -> None:
    """A hoofdthema's ``icoon`` must name an icon the site engine has (a warning at the value)."""
    tax = cat.taxonomie
    for id_, plek in tax.icoonplekken.items():
        naam = tax.themas[id_].icoon
        if not bestaat(naam):
            problemen.waarschuwing(
                tax.pad or "taxonomie.yml", plek,
                f"onbekend icoon '{naam}': de site heeft geen icoon met die naam; kies er een uit "
                "https://pictogrammers.com/library/mdi/ en schrijf material/<naam>",
            )  # fmt: skip


# -- the blocks --------------------------------------------------------------------------------


def zoekvak(w: Weergave, url: str) -> str:
    """The search form, and under it the address field of Hulp dichtbij (when a geocoder is configured):
    a chosen address opens the finder with the wijk and the point (``zoeken/?wijk=...&bij=...``)."""
    return _fragment(
        w, "thuis_zoekvak.html", url, zoeken=adressen.ZOEKEN, icoon=lambda n: icoon(w, n),
        gebieden=relatief(url, "") + GEBIEDENBESTAND, scripts=Markup(w.assets(url, (), DICHTBIJ_SCRIPTS)),
    )  # fmt: skip


def onderwerpen(w: Weergave, url: str) -> str:
    tax = w.tax
    tegels = [
        (t, [s.label for s in tax.subthemas(t.id)][:3], len(w.cat.met_thema(t.id)))
        for t in tax.hoofdthemas
    ]  # fmt: skip
    return _fragment(w, "thuis_onderwerpen.html", url, tegels=tegels, icoon=lambda n: icoon(w, n))


def wijken(w: Weergave, url: str) -> str:
    gebieden = w.cat.gebieden
    lijst = sorted(gebieden.wijken.values(), key=lambda g: g.naam.casefold())
    nummers = {wijk.code: i for i, wijk in enumerate(lijst, start=1)}
    rijen = [
        (nummers[wijk.code], wijk, sorted((b.naam for b in gebieden.buurten_van(wijk.code)), key=str.casefold))
        for wijk in lijst
    ]  # fmt: skip
    kaart = wijkenkaart(w.cat, nummers, lambda wijk: relatief(url, adres(wijk)))
    return _fragment(w, "thuis_wijken.html", url, rijen=rijen, kaart=Markup(kaart))


def praten(w: Weergave, url: str) -> str:
    cat = w.cat
    frontoffice, wijkwijzers = cat.zoek(FRONTOFFICE), cat.zoek(WIJKWIJZERS)
    huis = cat.zoek(f"organisaties/{HUISORGANISATIE}")
    telefoon = next((r.contact.get("telefoon") for r in (frontoffice, huis) if r is not None and r.contact.get("telefoon")), "")
    website = next((r.contact.get("website") for r in (huis, frontoffice) if r is not None and r.contact.get("website")), "")
    return _fragment(
        w, "thuis_praten.html", url, frontoffice=frontoffice, wijkwijzers=wijkwijzers, huis=huis,
        telefoon=telefoon, website=website, domein=urlsplit(website).netloc.removeprefix("www.") if website else "",
        icoon=lambda n: icoon(w, n),
    )  # fmt: skip


def kennisportaal(w: Weergave, url: str) -> str:
    """Quick entries for staff; nothing in the publiek edition (those pages are not in it)."""
    cat = w.cat
    if cat.is_publiek():
        return ""
    lijsten = onderhoudslijsten(cat)
    te_laat = sum(l.te_laat for l in lijsten)
    te_bevestigen = sum(len(l.te_bevestigen) for l in lijsten)
    tegels = [
        ("methodieken", adressen.overzicht("methodieken"), "Methodieken", f"{len(cat.methodieken)} werkwijzen, met doel en onderbouwing"),
        ("werkinstructies", adressen.overzicht("werkinstructies"), "Werkinstructies", f"{len(cat.werkinstructies)} instructies, per werkproces"),
        ("vragen", adressen.overzicht("vragen"), "Vragen en antwoorden", f"{len(cat.soort('vragen'))} vragen over werkwijzen en regels"),
        ("teams", adressen.overzicht("teams"), "Wie is wie", f"{len(cat.soort('teams'))} teams en wie waar veel van weet"),
        ("ontwikkelingen", adressen.overzicht("ontwikkelingen"), "Ontwikkelingen", "Nieuwe wetten, pilots en veranderingen"),
        ("wijkanalyse", adressen.WIJKANALYSE, "Wijkanalyse", "Wat er per wijk is, en waar iets ontbreekt"),
        ("onderhoud", adressen.ONDERHOUD, "Onderhoud", f"{te_laat} te laat gecontroleerd, {te_bevestigen} met waarden om na te vragen"),
    ]  # fmt: skip
    return _fragment(w, "thuis_kennisportaal.html", url, tegels=tegels, iconen=KENNIS_ICONEN, icoon=lambda n: icoon(w, n))


# -- /woordenlijst/ ----------------------------------------------------------------------------


def woordenlijstpagina(w: Weergave) -> Pagina:
    """/woordenlijst/, alphabetical; there even without a glossary, so links to it never break."""
    return w.render(
        "woordenlijst.html", adressen.WOORDENLIJST, "Woordenlijst",
        beschrijving="Moeilijke woorden uitgelegd in gewone taal, zoals indicatie, beschikking en verwijzing.",
        begrippen=list(w.cat.woordenlijst),
    )  # fmt: skip


# -- the drawing of the wijken -----------------------------------------------------------------

BREEDTE = 1000  # width of the drawing's coordinate system


@dataclass
class _Tekening:
    hoogte: int
    paden: dict[str, str]  # wijk code -> SVG path data
    labels: dict[str, tuple[float, float]]  # wijk code -> where its number goes


_tekeningen: dict[tuple, _Tekening] = {}


def _tekening(wijken: list[Gebied]) -> _Tekening:
    """Project the outlines (lon/lat, equirectangular at the city's latitude) onto the drawing.

    The outlines are those the maps of the whole city draw (``tekenvlak("stad")``: simplified
    when the boundaries are the full-resolution edition); points are rounded to whole units of a
    1000-wide drawing and repeats dropped, which keeps the page small for any edition.
    """
    vlakken = {w.code: w.tekenvlak("stad") for w in wijken}
    sleutel = tuple((w.code, vlakken[w.code].bbox, len(vlakken[w.code].polygonen)) for w in wijken)
    if sleutel in _tekeningen:
        return _tekeningen[sleutel]
    x0 = min(v.bbox[0] for v in vlakken.values())
    y0 = min(v.bbox[1] for v in vlakken.values())
    x1 = max(v.bbox[2] for v in vlakken.values())
    y1 = max(v.bbox[3] for v in vlakken.values())
    schaal_x = math.cos(math.radians((y0 + y1) / 2))
    marge = 10
    factor = (BREEDTE - 2 * marge) / ((x1 - x0) * schaal_x)
    hoogte = round((y1 - y0) * factor) + 2 * marge

    def punt(lon: float, lat: float) -> tuple[int, int]:
        return round(marge + (lon - x0) * schaal_x * factor), round(marge + (y1 - lat) * factor)

    paden, labels = {}, {}
    for wijk in wijken:
        delen = []
        for polygoon in vlakken[wijk.code].polygonen:
            for ring in polygoon:
                xy: list[tuple[int, int]] = []
                for lon, lat in ring:
                    p = punt(lon, lat)
                    if not xy or xy[-1] != p:
                        xy.append(p)
                if len(xy) > 1 and xy[0] == xy[-1]:
                    xy.pop()
                if len(xy) < 3:
                    continue
                delen.append("M" + " ".join(f"{x} {y}" for x, y in xy) + "Z")
        paden[wijk.code] = "".join(delen)
        labels[wijk.code] = _labelpunt(vlakken[wijk.code], punt, factor, schaal_x, x0, y1, marge)
    tekening = _Tekening(hoogte, paden, labels)
    _tekeningen[sleutel] = tekening
    return tekening


def _labelpunt(vlak: Vlak, punt, factor: float, schaal_x: float, x0: float, y1: float, marge: int) -> tuple[float, float]:
    """A point well inside the wijk's largest part, for its number: of a grid of points
    inside it, the one furthest from its edges (a coarse 'pole of inaccessibility')."""
    grootste = max(vlak.polygonen, key=lambda p: abs(_oppervlak(p[0])))
    ringen = [[punt(lon, lat) for lon, lat in ring] for ring in grootste]
    xs = [x for ring in ringen for x, _ in ring]
    ys = [y for ring in ringen for _, y in ring]
    beste, afstand = None, -1.0
    stappen = 24
    for i in range(1, stappen):
        for j in range(1, stappen):
            x = min(xs) + (max(xs) - min(xs)) * i / stappen
            y = min(ys) + (max(ys) - min(ys)) * j / stappen
            lon = x0 + (x - marge) / (factor * schaal_x)
            lat = y1 - (y - marge) / factor
            if not vlak.bevat(lat, lon):
                continue
            d = min(_afstand_tot_rand(x, y, ring) for ring in ringen)
            if d > afstand:
                beste, afstand = (x, y), d
    if beste is None:  # a sliver: the middle of its box
        beste = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    return round(beste[0]), round(beste[1])


def _oppervlak(ring) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1])) / 2


def _afstand_tot_rand(x: float, y: float, ring: list[tuple[int, int]]) -> float:
    beste = math.inf
    for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1]):
        dx, dy = bx - ax, by - ay
        lengte = dx * dx + dy * dy
        t = 0.0 if lengte == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / lengte))
        beste = min(beste, math.hypot(x - (ax + t * dx), y - (ay + t * dy)))
    return beste


def wijkenkaart(cat: Catalogus, nummers: dict[str, int], link: Callable[[Gebied], str]) -> str:
    """The inline SVG: every wijk a link named after it, with its number from the list (the number is in
    the link's name too: what you see is what you can say to voice control)."""
    wijken = sorted(cat.gebieden.wijken.values(), key=lambda g: g.code)
    if not wijken:
        return ""
    t = _tekening(wijken)
    delen = [
        f'<svg class="wp-wijkenkaart" viewBox="0 0 {BREEDTE} {t.hoogte}" role="group" '
        'aria-label="Kaart van de wijken van Enschede">'
    ]
    for wijk in wijken:
        x, y = t.labels[wijk.code]
        nummer = nummers.get(wijk.code, "")
        delen.append(
            f'<a class="wp-wijkenkaart__wijk" href="{escape(link(wijk))}" aria-label="{nummer} {escape(wijk.naam)}" data-wijk="{wijk.code}">'
            f'<path d="{t.paden[wijk.code]}"/>'
            f'<g class="wp-wijkenkaart__nummer" aria-hidden="true"><circle cx="{x}" cy="{y}" r="32"/>'
            f'<text x="{x}" y="{y}" dy=".35em">{nummer}</text></g></a>'
        )
    delen.append("</svg>")
    return "".join(delen)
