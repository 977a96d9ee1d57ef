"""``wijkportaal gebieden bijwerken``: Enschede's CBS boundaries at full resolution, checked, into data/gebieden.

The steps:

1. fetch the gemeente, wijken and buurten from PDOK (:mod:`.gebieden_ophalen`);
2. convert them to the project's format: one GeoJSON Feature per area with ``statcode`` and
   ``statnaam``, longitude/latitude (WGS84) rounded to 6 decimals (about 10 cm), outer rings
   counter-clockwise as RFC 7946 asks;
3. check them, collecting every problem: codes and names present and Enschede's
   (GM0153, WK0153xx, BU0153xxxx), no code twice, valid polygons in Twente, one gemeente and at
   least one wijk and buurt, every buurt's wijk present and every buurt inside its wijk and every
   wijk inside the gemeente (within :data:`BINNEN_MARGE` metres: the layers are cut from one map,
   so a buurt further out belongs to another wijk);
4. simplify the outlines for the maps (``kaartgrenzen.geojson``, see below);
5. write everything to a temporary folder beside the files, load it back as the site will
   (:func:`.gebieden.laad_gebieden`, with ``stadsdelen.yml``, so a wijk that disappeared from
   the indeling is reported), and only then move the files into place; ``bron.yml`` and
   ``BRON.md`` are written with them, so the attribution under the maps, on /over/ and in the
   open data follows the data.

Nothing is written unless every check passes.

Water: the CBS map has areas that are only water (``water`` = "JA", along the coast and the
large lakes). Nobody lives or works there, so they are left out, and the report says which.
Enschede has none as far as we know.

Simplified outlines: the full-resolution boundaries have hundreds of points per buurt, and a map
page carries the outlines it draws. The maps draw them at two scales (:data:`.gebieden.SCHALEN`):
the whole city (all wijken: /kaart/, the finder, the drawing on the home page) and one wijk
with its buurten (the wijk pages). Per scale, shapely's coverage simplification (shared borders
simplified once, so neighbouring outlines keep meeting) runs with the smallest tolerance of
:data:`TOLERANTIES` whose result fits a budget of points (:data:`PUNTEN_STAD`, :data:`PUNTEN_WIJK`),
chosen so those pages stay within about 15% of their size with the generalised edition. The
precise outlines stay in ``wijken.geojson`` and ``buurten.geojson`` and are what points are
assigned with. How far the drawn lines stray from the precise ones (the largest Hausdorff
distance, in metres) goes into ``bron.yml`` and /over/.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import shutil
import tempfile
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
import yaml
from shapely.errors import ShapelyError
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

from .gebieden import (
    BRON,
    BUURT_PATROON,
    GEMEENTE_PATROON,
    KAARTGRENZEN,
    TWENTE,
    WIJK_PATROON,
    Gebiedsbron,
    laad_gebieden,
)
from .gebieden_ophalen import dienst, haal_op
from .problemen import Plek, Problemen

DECIMALEN = 6  # about 10 cm: the precise outlines
DECIMALEN_KAART = 5  # about 1 m: the drawn outlines
BINNEN_MARGE = 5.0  # metres a buurt may reach outside its wijk (rounding), a wijk outside the gemeente
OVERLAP_MARGE = 10.0  # square metres two buurten (or wijken) may share (rounding)
TOLERANTIES = (1, 2, 3, 5, 8, 12, 20, 30, 50, 80, 120, 200)  # metres, finest first
PUNTEN_STAD = 400  # all wijken together, at the scale of the whole city
PUNTEN_WIJK = 500  # one wijk and its buurten together

# Metres per degree around Enschede (52.22 N): plenty accurate over a city for tolerances and distances.
_METER = np.array([111_320.0 * math.cos(math.radians(52.22)), 111_250.0])

NAUWKEURIGHEID = "zo precies als het CBS ze vastlegt, afgerond op 6 decimalen (ongeveer 10 centimeter)"

# GEOS's reasons for an invalid shape (shapely.is_valid_reason), in Dutch.
ONGELDIG = {
    "Self-intersection": "de rand snijdt zichzelf",
    "Ring Self-intersection": "een rand raakt zichzelf",
    "Too few points in geometry component": "te weinig punten",
    "Hole lies outside shell": "een gat ligt buiten de rand",
    "Nested holes": "een gat ligt in een ander gat",
    "Nested shells": "een deel ligt in een ander deel",
    "Interior is disconnected": "de binnenkant is in stukken gedeeld",
    "Duplicate Rings": "een rand komt twee keer voor",
    "Invalid Coordinate": "een ongeldige coördinaat",
    "Ring is not closed": "een rand is niet gesloten",
}

# collection -> (soort, layer file, code field, name field, code pattern, code prefix)
LAGEN = {
    "gemeenten": ("gemeente", "gemeente.geojson", "gemeentecode", "gemeentenaam", GEMEENTE_PATROON, "GM0153"),
    "wijken": ("wijk", "wijken.geojson", "wijkcode", "wijknaam", WIJK_PATROON, "WK0153"),
    "buurten": ("buurt", "buurten.geojson", "buurtcode", "buurtnaam", BUURT_PATROON, "BU0153"),
}


@dataclass
class Gebiedsvlak:
    """One area as fetched, converted to the project's format."""

    soort: str  # gemeente, wijk, buurt
    code: str
    naam: str
    geometrie: BaseGeometry  # longitude/latitude, rounded

    @property
    def wijkcode(self) -> str:
        return f"WK{self.code[2:8]}" if self.soort == "buurt" else ""

    @property
    def in_meters(self) -> BaseGeometry:
        return _in_meters(self.geometrie)

    def __str__(self) -> str:
        return f"{self.soort} {self.code} ({re.sub(r'^Wijk [0-9]+ ', '', self.naam)})"


@dataclass
class Uitkomst:
    """What ``bijwerken`` did: the report for the user, the problems, and whether files were written."""

    problemen: Problemen
    verslag: list[str] = field(default_factory=list)
    geschreven: bool = False


def _in_meters(geometrie: BaseGeometry) -> BaseGeometry:
    return shapely.transform(geometrie, lambda xy: xy * _METER)


def _in_graden(geometrie: BaseGeometry) -> BaseGeometry:
    return shapely.transform(geometrie, lambda xy: xy / _METER)


def _afgerond(geometrie: BaseGeometry, decimalen: int) -> BaseGeometry:
    return shapely.transform(geometrie, lambda xy: np.round(xy, decimalen))


def _punten(geometrieen) -> int:
    return int(sum(shapely.get_num_coordinates(g) for g in geometrieen))


# -- convert -------------------------------------------------------------------------------


def _van_enschede(code, eigenschappen: dict, voorvoegsel: str) -> bool:
    """Is this feature Enschede's? (By its code; by its gemeentecode when the code is unusable.)"""
    if isinstance(code, str) and code.startswith(voorvoegsel):
        return True
    return str(eigenschappen.get("gemeentecode", "")).removeprefix("GM") == "0153"


def _vorm(feature: dict, wat: str, pad: Path, problemen: Problemen) -> BaseGeometry | None:
    """The feature's geometry, rounded and valid, in Twente; None (with a problem) if it is not usable."""
    try:
        geometrie = shape(feature["geometry"])
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, ShapelyError) as fout:
        problemen.fout(pad, None, f"{wat}: geen bruikbare geometrie ({fout})")
        return None
    if geometrie.geom_type not in ("Polygon", "MultiPolygon") or geometrie.is_empty:
        problemen.fout(pad, None, f"{wat}: de geometrie is geen (multi)polygoon maar {geometrie.geom_type}")
        return None
    if not geometrie.is_valid:
        reden, _, plek = shapely.is_valid_reason(geometrie).partition("[")
        waar = f" bij lengte, breedte {plek.rstrip(']').replace(' ', ', ')}" if plek else ""
        problemen.fout(pad, None, f"{wat}: de vorm is ongeldig: {ONGELDIG.get(reden, reden)}{waar}")
        return None
    zuid, west, noord, oost = TWENTE
    x0, y0, x1, y1 = geometrie.bounds
    if not (west <= x0 and x1 <= oost and zuid <= y0 and y1 <= noord):
        problemen.fout(
            pad, None, f"{wat} ligt niet in Twente (lengte {x0:.4f} tot {x1:.4f}, breedte {y0:.4f} tot {y1:.4f}): "
            "zijn de coördinaten wel lengte en breedte in WGS84 (CRS84)?",
        )  # fmt: skip
        return None
    afgerond = _afgerond(geometrie, DECIMALEN)
    if not afgerond.is_valid:  # a zigzag of centimetres crossed itself: round on a grid that keeps it valid
        afgerond = shapely.set_precision(geometrie, 10.0**-DECIMALEN)
    return shapely.orient_polygons(afgerond)


def zet_om(collectie: str, features: list, map_: Path, problemen: Problemen, water: list[str]) -> dict[str, Gebiedsvlak]:
    """Enschede's areas of one collection by code; other municipalities' features are skipped,
    water-only ones are skipped and added to ``water``."""
    soort, bestand, code_veld, naam_veld, patroon, voorvoegsel = LAGEN[collectie]
    pad = map_ / bestand
    uit: dict[str, Gebiedsvlak] = {}
    for nummer, feature in enumerate(features, start=1):
        eigenschappen = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(eigenschappen, dict):
            problemen.fout(pad, None, f"{soort} {nummer} van PDOK heeft geen eigenschappen (properties)")
            continue
        code = eigenschappen.get(code_veld)
        if not _van_enschede(code, eigenschappen, voorvoegsel):
            continue
        wat = f"{soort} {code}" if isinstance(code, str) and code else f"{soort} {nummer} van PDOK"
        if str(eigenschappen.get("water", "")).upper() == "JA":
            water.append(wat)
            continue
        naam = eigenschappen.get(naam_veld)
        bruikbaar = True
        if not (isinstance(code, str) and re.match(patroon, code)):
            problemen.fout(pad, None, f"{wat}: de code ('{code_veld}') ontbreekt of is geen code van Enschede")
            bruikbaar = False
        if not (isinstance(naam, str) and naam.strip()):
            problemen.fout(pad, None, f"{wat}: de naam ('{naam_veld}') ontbreekt")
            bruikbaar = False
        if soort == "buurt" and bruikbaar and eigenschappen.get("wijkcode") not in (None, f"WK{code[2:8]}"):
            problemen.fout(pad, None, f"{wat}: volgens PDOK in wijk {eigenschappen['wijkcode']}, volgens de code in WK{code[2:8]}")
            bruikbaar = False
        geometrie = _vorm(feature, wat, pad, problemen)
        if not bruikbaar or geometrie is None:
            continue
        if code in uit:
            problemen.fout(pad, None, f"{wat} komt twee keer voor")
            continue
        uit[code] = Gebiedsvlak(soort, code, naam.strip(), geometrie)
    return uit


# -- check ---------------------------------------------------------------------------------


def _steekt_uit(binnen: BaseGeometry, buiten: BaseGeometry) -> float:
    """How many metres ``binnen`` reaches outside ``buiten`` (both in metres)."""
    rest = binnen.difference(buiten)
    if rest.is_empty:
        return 0.0
    return float(shapely.distance(buiten, shapely.points(shapely.get_coordinates(rest))).max())


def controleer(gemeenten: dict, wijken: dict, buurten: dict, map_: Path, problemen: Problemen) -> None:
    """The checks that need the three layers together (each feature was checked when converted)."""
    if len(gemeenten) != 1:
        problemen.fout(map_ / "gemeente.geojson", None, f"PDOK gaf {len(gemeenten)} gemeenten Enschede (GM0153), verwacht één")
    if not wijken:
        problemen.fout(map_ / "wijken.geojson", None, "PDOK gaf geen wijken van Enschede (GM0153)")
    if not buurten:
        problemen.fout(map_ / "buurten.geojson", None, "PDOK gaf geen buurten van Enschede (GM0153)")
    in_meters = {code: g.in_meters for code, g in {**gemeenten, **wijken, **buurten}.items()}
    for buurt in buurten.values():
        wijk = wijken.get(buurt.wijkcode)
        if wijk is None:
            problemen.fout(map_ / "buurten.geojson", None, f"{buurt} hoort bij wijk {buurt.wijkcode}, maar die wijk gaf PDOK niet")
        elif (meters := _steekt_uit(in_meters[buurt.code], in_meters[wijk.code])) > BINNEN_MARGE:
            problemen.fout(map_ / "buurten.geojson", None, f"{buurt} ligt tot {meters:.0f} m buiten haar {wijk}")
    for gemeente in gemeenten.values():
        for wijk in wijken.values():
            if (meters := _steekt_uit(in_meters[wijk.code], in_meters[gemeente.code])) > BINNEN_MARGE:
                problemen.fout(map_ / "wijken.geojson", None, f"{wijk} ligt tot {meters:.0f} m buiten de {gemeente}")
    for laag, gebieden in (("wijken.geojson", wijken), ("buurten.geojson", buurten)):
        for a, b, oppervlak in _overlappend([(g, in_meters[g.code]) for g in gebieden.values()]):
            problemen.fout(map_ / laag, None, f"{a} en {b} overlappen ({oppervlak:.0f} m²): een punt daar hoort bij beide")


def _overlappend(gebieden: list[tuple[Gebiedsvlak, BaseGeometry]]):
    """Pairs of areas of one layer that share more than OVERLAP_MARGE square metres, with that area."""
    vormen = [vorm for _, vorm in gebieden]
    boom = shapely.STRtree(vormen)
    for i, j in zip(*boom.query(vormen, predicate="intersects")):
        if i < j and (oppervlak := vormen[i].intersection(vormen[j]).area) > OVERLAP_MARGE:
            yield gebieden[i][0], gebieden[j][0], oppervlak


# -- simplify for the maps -----------------------------------------------------------------


def _vereenvoudigd(vormen: list[BaseGeometry], tolerantie: float) -> list[BaseGeometry]:
    """Neighbouring outlines simplified together (shared borders once); each on its own when they
    do not form a clean coverage (gaps or overlaps)."""
    if shapely.coverage_is_valid(vormen):
        try:
            uit = list(shapely.coverage_simplify(vormen, tolerantie))
        except ShapelyError:
            uit = [shapely.simplify(v, tolerantie, preserve_topology=True) for v in vormen]
    else:
        uit = [shapely.simplify(v, tolerantie, preserve_topology=True) for v in vormen]
    return [v if u.is_empty else u for v, u in zip(vormen, uit)]  # a sliver that vanished keeps its outline


def _binnen_budget(maak, budget: int) -> list[BaseGeometry]:
    """The simplification (``maak(tolerantie)`` -> outlines) with the smallest tolerance that fits ``budget`` points."""
    for tolerantie in TOLERANTIES:
        vormen = maak(tolerantie)
        if _punten(vormen) <= budget:
            break
    return vormen


def _afwijking(precies: list[BaseGeometry], getekend: list[BaseGeometry]) -> float:
    return max((float(shapely.hausdorff_distance(a, b)) for a, b in zip(precies, getekend)), default=0.0)


@dataclass
class Kaartgrenzen:
    features: list[dict]
    punten: dict[str, int]  # schaal -> points, for the report (wijk: the largest wijk)
    afwijking: dict[str, int]  # schaal -> metres the drawn lines stray at most


def kaartgrenzen(wijken: dict[str, Gebiedsvlak], buurten: dict[str, Gebiedsvlak]) -> Kaartgrenzen:
    """The simplified outlines the maps draw, per scale."""
    features: list[dict] = []

    def feature(code: str, schaal: str, vorm_m: BaseGeometry) -> None:
        vorm = shapely.orient_polygons(_afgerond(_in_graden(vorm_m), DECIMALEN_KAART))
        features.append({"type": "Feature", "properties": {"statcode": code, "schaal": schaal}, "geometry": mapping(vorm)})

    codes = sorted(wijken)
    precies = [wijken[c].in_meters for c in codes]
    stad = _binnen_budget(lambda t: _vereenvoudigd(precies, t), PUNTEN_STAD)
    for code, vorm in zip(codes, stad):
        feature(code, "stad", vorm)
    afwijking = {"stad": _afwijking(precies, stad), "wijk": 0.0}
    grootste = 0
    for code in codes:
        eigen = sorted(c for c, b in buurten.items() if b.wijkcode == code)
        fijn = [buurten[c].in_meters for c in eigen]
        if not fijn:  # a wijk without buurten: only its outline
            (omtrek,) = _binnen_budget(lambda t: _vereenvoudigd([wijken[code].in_meters], t), PUNTEN_WIJK)
            getekend = []
        else:

            def maak(tolerantie: float) -> list[BaseGeometry]:
                delen = _vereenvoudigd(fijn, tolerantie)
                return [shapely.union_all(delen), *delen]  # the wijk is its buurten together

            omtrek, *getekend = _binnen_budget(maak, PUNTEN_WIJK)
        feature(code, "wijk", omtrek)
        for buurtcode, vorm in zip(eigen, getekend):
            feature(buurtcode, "wijk", vorm)
        grootste = max(grootste, _punten([omtrek, *getekend]))
        afwijking["wijk"] = max(afwijking["wijk"], _afwijking([wijken[code].in_meters, *fijn], [omtrek, *getekend]))
    return Kaartgrenzen(
        features,
        {"stad": _punten(stad), "wijk": grootste},
        {schaal: math.ceil(meters) for schaal, meters in afwijking.items()},
    )


# -- write ---------------------------------------------------------------------------------


def featurecollection(features: list[dict]) -> str:
    """GeoJSON with one feature per line (small diffs when the boundaries change)."""
    regels = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(regels) + "\n]}\n"


def _laag(gebieden: dict[str, Gebiedsvlak]) -> str:
    return featurecollection([
        {"type": "Feature", "id": code, "properties": {"statcode": code, "statnaam": g.naam}, "geometry": mapping(g.geometrie)}
        for code, g in sorted(gebieden.items())
    ])  # fmt: skip


def bron_yml(bron: Gebiedsbron) -> str:
    velden = {
        "bron": bron.bron,
        "jaren": dict(bron.jaren),
        "editie": bron.editie,
        "herkomst": bron.herkomst,
        "adres": bron.adres,
        "opgehaald": bron.opgehaald,
        "nauwkeurigheid": bron.nauwkeurigheid,
        "kaartlijnen": dict(bron.kaartlijnen),
    }
    kop = (
        "# yaml-language-server: $schema=../../schema/gebiedsbron.json\n"
        "#\n"
        "# Waar de grenzen in deze map vandaan komen. 'wijkportaal gebieden bijwerken' schrijft dit\n"
        "# bestand (en BRON.md). De site maakt er de bronvermelding van onder de kaarten, op de\n"
        "# pagina Over en in de open data.\n"
    )
    return kop + yaml.safe_dump({k: v for k, v in velden.items() if v}, allow_unicode=True, sort_keys=False, width=100)


def bron_md(bron: Gebiedsbron, wijken: int, buurten: int) -> str:
    """data/gebieden/BRON.md, from bron.yml and the number of wijken and buurten."""
    herkomst = f"Ze komen uit {bron.herkomst}" if bron.herkomst else "Hun herkomst is niet vastgelegd"
    if bron.opgehaald:
        herkomst += f", opgehaald op {bron.opgehaald}"
    if bron.adres:
        herkomst += f". Adres: <{bron.adres}>"
    editie = {"volledige resolutie": ", volledige resolutie", "gegeneraliseerd": ", gegeneraliseerde editie"}.get(bron.editie, "")
    alinea = [
        f"`gemeente.geojson`, `wijken.geojson` en `buurten.geojson` zijn de grenzen van de gemeente Enschede "
        f"(GM0153), haar {wijken} CBS-wijken en haar {buurten} CBS-buurten: GeoJSON in WGS84 (lengte, breedte), "
        "één object per regel, met de eigenschappen `statcode` (bijvoorbeeld `WK015302`, `BU01530201`) en "
        "`statnaam`. Een buurt hoort bij de wijk met dezelfde eerste zes cijfers: `BU01530201` ligt in `WK015302`.",
        f"**Bron: {bron.vermelding}**{editie}. {herkomst}. Het CBS publiceert deze gegevens als open data; "
        "noem de bron zoals hierboven, met het jaartal.",
    ]
    if bron.volledig:
        lijnen = dict(bron.kaartlijnen)
        alinea.append(
            f"Nauwkeurigheid: {bron.nauwkeurigheid or NAUWKEURIGHEID}. Locaties worden met deze precieze grenzen aan "
            "een buurt toegewezen. De kaarten tekenen vereenvoudigde lijnen uit `kaartgrenzen.geojson`"
            + (f": op de kaarten van de hele stad tot ongeveer {lijnen['stad']} meter van de grens, op de kaart "
               f"van een wijk met haar buurten tot ongeveer {lijnen['wijk']} meter." if lijnen else ".")  # fmt: skip
        )
    else:
        alinea.append(
            f"Nauwkeurigheid: {bron.nauwkeurigheid or 'onbekend'}. Deze uitgave is vereenvoudigd: goed genoeg om een "
            "wijk op de kaart te tekenen en een punt aan een buurt toe te wijzen, maar een punt vlak bij een grens "
            "kan in de buurman terechtkomen. Voor de precieze grenzen: zie hieronder."
        )
    bijwerken = [
        "De opdracht haalt de grenzen op bij PDOK (de OGC API Features van de CBS Wijk- en Buurtkaart), "
        "controleert ze (codes en namen, geldige vormen, elke buurt binnen haar wijk, elke wijk binnen de "
        "gemeente) en schrijft ze hier, met vereenvoudigde lijnen voor de kaarten (`kaartgrenzen.geojson`), "
        "`bron.yml` en dit bestand. Daarna controleert ze alle gegevens (`wijkportaal validate`). Bij een fout, "
        "of zonder internet, schrijft ze niets. Bekijk de wijziging met `git diff --stat data/gebieden`; "
        "terugzetten kan met `git checkout data/gebieden`. Zie ook README.md, 'Gebiedsgrenzen bijwerken'.",
        "`stadsdelen.yml` is geen CBS-indeling maar een afgeleide indeling die beheerders zelf kunnen corrigeren.",
    ]
    vul = lambda tekst: textwrap.fill(tekst, width=92, break_long_words=False, break_on_hyphens=False)  # noqa: E731
    delen = [
        "# Bron van de gebiedsgrenzen",
        "<!-- 'wijkportaal gebieden bijwerken' schrijft dit bestand, uit bron.yml. Wijzig het niet met de hand. -->",
        *map(vul, alinea),
        "## Bijwerken",
        "Met internet:\n\n    wijkportaal gebieden bijwerken              # het nieuwste jaar bij PDOK\n"
        "    wijkportaal gebieden bijwerken --jaar 2024",
        *map(vul, bijwerken),
    ]
    return "\n\n".join(delen) + "\n"


def _schrijf(map_: Path, bestanden: dict[str, str], problemen: Problemen) -> bool:
    """Write ``bestanden`` into ``map_`` once they load without errors as the site loads them."""
    tijdelijk = Path(tempfile.mkdtemp(prefix=".bijwerken-", dir=map_))
    try:
        for naam, tekst in bestanden.items():
            (tijdelijk / naam).write_text(tekst, encoding="utf-8", newline="\n")
        if (map_ / "stadsdelen.yml").is_file():
            shutil.copyfile(map_ / "stadsdelen.yml", tijdelijk / "stadsdelen.yml")
        controle = Problemen()
        laad_gebieden(tijdelijk, controle)
        for p in controle:
            problemen.voeg_toe(map_ / Path(p.pad).name, Plek(p.regel, p.kolom), p.niveau, p.bericht)
        if controle.fouten:
            return False
        for naam in bestanden:
            os.replace(tijdelijk / naam, map_ / naam)
        return True
    finally:
        shutil.rmtree(tijdelijk, ignore_errors=True)


def _verschil(map_: Path, wijken: dict, buurten: dict) -> list[str]:
    """Which wijk and buurt codes are new or gone compared with the files there now."""
    huidig = laad_gebieden(map_, Problemen())
    oud, nieuw = huidig.codes, set(wijken) | set(buurten)
    regels = []
    if nieuw - oud:
        regels.append(f"Nieuw ten opzichte van de huidige grenzen: {', '.join(sorted(nieuw - oud))}.")
    if oud - nieuw:
        regels.append(f"Niet meer in de nieuwe grenzen: {', '.join(sorted(oud - nieuw))}.")
    return regels


def bijwerken(data: Path, jaar: int, vandaag: dt.date, basis: Path | None = None) -> Uitkomst:
    """Fetch, convert, check, simplify and write the boundaries of ``jaar`` into ``data/gebieden``.

    Raises :class:`.gebieden_ophalen.PdokFout` when PDOK cannot be reached or answers nonsense."""
    map_ = Path(data) / "gebieden"
    uitkomst = Uitkomst(Problemen(basis=basis))
    problemen = uitkomst.problemen
    if not map_.is_dir():
        problemen.fout(map_, None, "deze map bestaat niet; geef met --gegevens de map met gegevens op (standaard: data)")
        return uitkomst
    opgehaald = haal_op(jaar)
    water: list[str] = []
    lagen = {collectie: zet_om(collectie, opgehaald[collectie], map_, problemen, water) for collectie in LAGEN}
    gemeenten, wijken, buurten = lagen["gemeenten"], lagen["wijken"], lagen["buurten"]
    uitkomst.verslag.append(
        f"Opgehaald bij PDOK ({dienst(jaar)}): {len(gemeenten)} gemeente, {len(wijken)} wijken en {len(buurten)} buurten."
    )
    if water:
        uitkomst.verslag.append(f"Overgeslagen omdat ze alleen water zijn: {', '.join(water)}.")
    controleer(gemeenten, wijken, buurten, map_, problemen)
    if problemen.fouten:
        return uitkomst
    uitkomst.verslag += _verschil(map_, wijken, buurten)
    lijnen = kaartgrenzen(wijken, buurten)
    uitkomst.verslag.append(
        f"Kaartlijnen: de hele stad {lijnen.punten['stad']} punten (tot ongeveer {lijnen.afwijking['stad']} m van de "
        f"grens), de grootste wijk met haar buurten {lijnen.punten['wijk']} punten (tot ongeveer "
        f"{lijnen.afwijking['wijk']} m)."
    )
    bron = Gebiedsbron(
        jaren=tuple((laag, jaar) for laag in ("gemeente", "wijken", "buurten")),
        editie="volledige resolutie",
        herkomst=f"PDOK, de OGC API Features van CBS Wijken en Buurten {jaar}",
        adres=dienst(jaar),
        opgehaald=vandaag.isoformat(),
        nauwkeurigheid=NAUWKEURIGHEID,
        kaartlijnen=tuple(lijnen.afwijking.items()),
    )
    bestanden = {
        "gemeente.geojson": _laag(gemeenten),
        "wijken.geojson": _laag(wijken),
        "buurten.geojson": _laag(buurten),
        KAARTGRENZEN: featurecollection(lijnen.features),
        BRON: bron_yml(bron),
        "BRON.md": bron_md(bron, len(wijken), len(buurten)),
    }
    uitkomst.geschreven = _schrijf(map_, bestanden, problemen)
    if uitkomst.geschreven:
        uitkomst.verslag.append(f"Geschreven in {problemen.toon_pad(map_)}: {', '.join(bestanden)}.")
    return uitkomst
