"""Areas of Enschede: CBS wijken and buurten (with boundaries) and the stadsdelen.

Boundaries come from data/gebieden/*.geojson (CBS / Kadaster, Wijk- en
Buurtkaart); stadsdelen from data/gebieden/stadsdelen.yml. Points are assigned to
a buurt by point-in-polygon (ray casting, with a bounding-box test first; long
rings, as in the full-resolution CBS edition, are cut into horizontal bands so a
test only looks at the edges near the point's latitude).

``bron.yml`` says where the boundaries come from (year per layer, edition); the maps,
/over/ and the open data show the attribution made from it (:class:`Gebiedsbron`).
``kaartgrenzen.geojson``, when present, holds simplified outlines for drawing
(:data:`SCHALEN`); the precise ones stay for assigning points. Both files are
written by ``wijkportaal gebieden bijwerken`` (:mod:`.gebieden_bijwerken`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from . import schema as s
from .laden import laad_yaml
from .problemen import Plek, Problemen

GEMEENTE_PATROON = r"^GM0153$"
WIJK_PATROON = r"^WK0153[0-9]{2}$"
BUURT_PATROON = r"^BU0153[0-9]{4}$"

# Twente, roughly: for regional services that are 'stedelijk' but located elsewhere.
TWENTE = (52.05, 6.25, 52.55, 7.10)  # south, west, north, east

STADSDELEN_SCHEMA = {
    "$schema": s.SCHEMA_DIALECT,
    "$id": "https://wijkportaal.enschede.example/schema/stadsdelen.json",
    "title": "Stadsdelen",
    "description": "Stadsdelen van Enschede en de CBS-wijken die erbij horen.",
    "type": "object",
    "properties": {
        "afgeleid": s.ja_nee("true als de indeling is afgeleid en niet uit een bron komt."),
        "stadsdelen": s.vrije_mapping(
            "Stadsdelen per id.",
            s.mapping(
                "Eén stadsdeel.",
                {
                    "naam": s.tekst("Naam van het stadsdeel.", "West"),
                    "wijken": s.lijst(
                        "CBS-wijkcodes in dit stadsdeel.",
                        s.tekst("CBS-wijkcode, bijvoorbeeld WK015302.", "WK015302", pattern=WIJK_PATROON),
                        ["WK015302", "WK015307"],
                    ),
                },
                ["naam", "wijken"],
            ),
            {"west": {"naam": "West", "wijken": ["WK015302", "WK015307"]}},
            sleutel=s.id_veld("Id van het stadsdeel.", "west"),
        ),
    },
    "required": ["stadsdelen"],
    "additionalProperties": False,
}


_STADSDELEN_VALIDATOR = s.validator(STADSDELEN_SCHEMA)

BRON = "bron.yml"
KAARTGRENZEN = "kaartgrenzen.geojson"
LAGEN = ("gemeente", "wijken", "buurten")
EDITIES = {
    "gegeneraliseerd": "de vereenvoudigde uitgave van het CBS (ongeveer 100 meter nauwkeurig)",
    "volledige resolutie": "de precieze grenzen, zoals het CBS ze vastlegt",
}

BRON_SCHEMA = {
    "$schema": s.SCHEMA_DIALECT,
    "$id": "https://wijkportaal.enschede.example/schema/gebiedsbron.json",
    "title": "Bron van de gebiedsgrenzen",
    "description": "Waar de grenzen in data/gebieden vandaan komen. 'wijkportaal gebieden bijwerken' schrijft dit "
    "bestand; de site maakt er de bronvermelding onder de kaarten, op /over/ en in de open data van.",
    "type": "object",
    "properties": {
        "bron": s.tekst("De bron zoals het CBS vraagt haar te noemen, zonder jaartal.", "CBS / Kadaster, Wijk- en Buurtkaart"),
        "jaren": s.mapping(
            "Het jaar van de Wijk- en Buurtkaart per laag.",
            {laag: s.geheel_getal(f"Jaar van de laag {laag}.", 2000, 2100, 2025) for laag in LAGEN},
            list(LAGEN),
        ),
        "editie": s.keuze("Welke uitgave van de kaart.", EDITIES, "volledige resolutie"),
        "herkomst": s.tekst(
            "Waar de bestanden vandaan komen, in een zin.",
            "PDOK, de OGC API Features van CBS Wijken en Buurten 2025",
        ),
        "adres": s.tekst(
            "Het adres van de dienst of de verzameling waar de bestanden vandaan komen.",
            "https://api.pdok.nl/cbs/wijken-en-buurten-2025/ogc/v1",
        ),
        "opgehaald": s.datum("Wanneer de grenzen zijn opgehaald.", "2026-11-30"),
        "nauwkeurigheid": s.tekst("Hoe nauwkeurig de grenzen in de bestanden zijn, in woorden.", "ongeveer 10 centimeter"),
        "kaartlijnen": s.mapping(
            "Hoeveel meter de kaarten de grenzen hooguit vereenvoudigen (kaartgrenzen.geojson), per schaal.",
            {
                "stad": s.geheel_getal("Op de kaarten van de hele stad, in meters.", 0, 1000, 40),
                "wijk": s.geheel_getal("Op de kaart van een wijk met haar buurten, in meters.", 0, 1000, 5),
            },
            ["stad", "wijk"],
        ),
    },
    "required": ["bron", "jaren", "editie", "herkomst"],
    "additionalProperties": False,
}

_BRON_VALIDATOR = s.validator(BRON_SCHEMA)

# The scales the maps draw outlines at (kaartgrenzen.geojson): the whole city (/kaart/, the
# finder, the drawing on the home page: all wijken) and one wijk up close with its buurten.
SCHALEN = ("stad", "wijk")


@dataclass(frozen=True)
class Gebiedsbron:
    """Where the boundaries come from (``bron.yml``), and the attribution made from it."""

    bron: str = "CBS / Kadaster, Wijk- en Buurtkaart"
    jaren: tuple[tuple[str, int], ...] = ()  # (laag, jaar) in the order of LAGEN
    editie: str = ""
    herkomst: str = ""
    adres: str = ""
    opgehaald: str = ""  # JJJJ-MM-DD
    nauwkeurigheid: str = ""
    kaartlijnen: tuple[tuple[str, int], ...] = ()  # (schaal, meters)

    @property
    def vermelding(self) -> str:
        """'CBS / Kadaster, Wijk- en Buurtkaart 2025', or with the layers when their years differ:
        '... 2023 (wijken, gemeente) en 2024 (buurten)' (without years when unknown)."""
        per_jaar: dict[int, list[str]] = {}
        for laag, jaar in sorted(self.jaren, key=lambda lj: ("wijken", "gemeente", "buurten").index(lj[0])):
            per_jaar.setdefault(jaar, []).append(laag)
        if len(per_jaar) == 1:
            return f"{self.bron} {next(iter(per_jaar))}"
        delen = [f"{jaar} ({', '.join(lagen)})" for jaar, lagen in sorted(per_jaar.items())]
        return " ".join([self.bron, ", ".join(delen[:-1]), "en", delen[-1]]) if delen else self.bron

    @property
    def attributie(self) -> str:
        """The line under every map."""
        return f"Bron gebiedsgrenzen: {self.vermelding}"

    @property
    def volledig(self) -> bool:
        return self.editie == "volledige resolutie"


def _slug(tekst: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", tekst.lower()).strip("-")


Ring = list[tuple[float, float]]  # (lon, lat)


def _randen(ring: Ring) -> Iterator[tuple[float, float, float, float]]:
    """Every edge of a ring as (x, y of a point, x, y of the point before it), the order the ray test uses."""
    vorige = ring[-1]
    for punt in ring:
        yield punt[0], punt[1], vorige[0], vorige[1]
        vorige = punt


def _kruist(lon: float, lat: float, randen) -> bool:
    """Ray casting: does a ray from the point eastwards cross these edges an odd number of times?"""
    binnen = False
    for xi, yi, xj, yj in randen:
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            binnen = not binnen
    return binnen


def _in_ring(lon: float, lat: float, ring: Ring) -> bool:
    return _kruist(lon, lat, _randen(ring))


BAND_VANAF = 64  # rings with more points than this are cut into bands
PUNTEN_PER_BAND = 16


@dataclass
class _Banden:
    """A long ring cut into horizontal bands, each with the edges that reach into it.

    An edge the ray can cross spans the point's latitude, so it is in the point's band:
    the test over one band gives the same answer as the test over the whole ring."""

    y0: float
    hoogte: float
    banden: list[list[tuple[float, float, float, float]]]

    @classmethod
    def van(cls, ring: Ring) -> "_Banden":
        ys = [y for _, y in ring]
        y0, y1 = min(ys), max(ys)
        aantal = max(1, len(ring) // PUNTEN_PER_BAND)
        hoogte = (y1 - y0) / aantal or 1.0
        banden: list[list[tuple[float, float, float, float]]] = [[] for _ in range(aantal)]
        for rand in _randen(ring):
            laag, hoog = sorted((rand[1], rand[3]))
            for k in range(min(aantal - 1, int((laag - y0) / hoogte)), min(aantal - 1, int((hoog - y0) / hoogte)) + 1):
                banden[k].append(rand)
        return cls(y0, hoogte, banden)

    def bevat(self, lon: float, lat: float) -> bool:
        k = int((lat - self.y0) / self.hoogte)
        if k < 0:
            return False
        return _kruist(lon, lat, self.banden[min(k, len(self.banden) - 1)])


@dataclass
class Vlak:
    """A (multi)polygon: a list of polygons, each an outer ring and holes."""

    polygonen: list[list[Ring]]
    bbox: tuple[float, float, float, float] = field(init=False)  # min lon, min lat, max lon, max lat
    _banden: dict[int, _Banden] = field(init=False, default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        punten = [p for poly in self.polygonen for ring in poly for p in ring]
        self.bbox = (
            min(p[0] for p in punten),
            min(p[1] for p in punten),
            max(p[0] for p in punten),
            max(p[1] for p in punten),
        )

    def _in(self, lon: float, lat: float, ring: Ring) -> bool:
        if len(ring) <= BAND_VANAF:
            return _in_ring(lon, lat, ring)
        banden = self._banden.get(id(ring))
        if banden is None:
            banden = self._banden[id(ring)] = _Banden.van(ring)
        return banden.bevat(lon, lat)

    @classmethod
    def uit_geojson(cls, geometrie: dict) -> "Vlak":
        if geometrie["type"] == "Polygon":
            polys = [geometrie["coordinates"]]
        elif geometrie["type"] == "MultiPolygon":
            polys = geometrie["coordinates"]
        else:
            raise ValueError(f"geometrie van type {geometrie['type']} wordt niet ondersteund")
        return cls([[[(float(x), float(y)) for x, y, *_ in ring] for ring in poly] for poly in polys])

    def bevat(self, lat: float, lon: float) -> bool:
        x0, y0, x1, y1 = self.bbox
        if not (x0 <= lon <= x1 and y0 <= lat <= y1):
            return False
        for poly in self.polygonen:
            if self._in(lon, lat, poly[0]) and not any(self._in(lon, lat, gat) for gat in poly[1:]):
                return True
        return False


@dataclass
class Gebied:
    """A CBS wijk or buurt."""

    code: str
    naam: str
    soort: str  # "wijk" or "buurt"
    vlak: Vlak  # the precise outline: for assigning points
    geometrie: dict = field(repr=False)
    wijkcode: str = ""  # for a buurt: its wijk
    tekening: dict[str, dict] = field(default_factory=dict, repr=False)  # schaal -> simplified outline (kaartgrenzen)
    _tekenvlakken: dict[str, Vlak] = field(default_factory=dict, repr=False, compare=False)

    @property
    def slug(self) -> str:
        return _slug(self.naam)

    def geometrie_voor(self, schaal: str) -> dict:
        """The outline to draw at ``schaal`` (one of SCHALEN): simplified when kaartgrenzen.geojson has it."""
        return self.tekening.get(schaal, self.geometrie)

    def tekenvlak(self, schaal: str) -> Vlak:
        """The outline to draw at ``schaal``, as a Vlak (for drawings made here, like the home page's)."""
        if schaal not in self.tekening:
            return self.vlak
        if schaal not in self._tekenvlakken:
            self._tekenvlakken[schaal] = Vlak.uit_geojson(self.tekening[schaal])
        return self._tekenvlakken[schaal]


@dataclass
class Stadsdeel:
    id: str
    naam: str
    wijken: list[str]


@dataclass
class Gebieden:
    wijken: dict[str, Gebied] = field(default_factory=dict)
    buurten: dict[str, Gebied] = field(default_factory=dict)
    stadsdelen: dict[str, Stadsdeel] = field(default_factory=dict)
    gemeente: Vlak | None = None
    bron: Gebiedsbron = field(default_factory=Gebiedsbron)
    # Where a point lies, remembered: a location is placed more than once (checked, then placed),
    # and under serve the same Gebieden serve every rebuild (catalogus.Laadcache).
    _buurt_bij: dict[tuple[float, float], Gebied | None] = field(default_factory=dict, repr=False, compare=False)
    _in_enschede: dict[tuple[float, float], bool] = field(default_factory=dict, repr=False, compare=False)

    @property
    def codes(self) -> set[str]:
        return set(self.wijken) | set(self.buurten)

    def buurten_van(self, wijkcode: str) -> list[Gebied]:
        return [b for b in self.buurten.values() if b.wijkcode == wijkcode]

    def buurt_bij(self, lat: float, lon: float) -> Gebied | None:
        punt = (lat, lon)
        if punt not in self._buurt_bij:
            self._buurt_bij[punt] = next((b for b in self.buurten.values() if b.vlak.bevat(lat, lon)), None)
        return self._buurt_bij[punt]

    def wijk_bij(self, lat: float, lon: float) -> Gebied | None:
        buurt = self.buurt_bij(lat, lon)
        if buurt is not None:
            return self.wijken.get(buurt.wijkcode)
        for wijk in self.wijken.values():
            if wijk.vlak.bevat(lat, lon):
                return wijk
        return None

    def in_enschede(self, lat: float, lon: float) -> bool:
        punt = (lat, lon)
        if punt not in self._in_enschede:
            vlak = self.gemeente
            self._in_enschede[punt] = vlak.bevat(lat, lon) if vlak is not None else self.wijk_bij(lat, lon) is not None
        return self._in_enschede[punt]

    @staticmethod
    def in_twente(lat: float, lon: float) -> bool:
        zuid, west, noord, oost = TWENTE
        return zuid <= lat <= noord and west <= lon <= oost

    def wijken_van_codes(self, codes: list[str]) -> set[str]:
        """The wijk codes that a list of wijk/buurt codes covers."""
        uit = set()
        for code in codes:
            if code in self.wijken:
                uit.add(code)
            elif code in self.buurten:
                uit.add(self.buurten[code].wijkcode)
        return uit

    def stadsdeel_van(self, wijkcode: str) -> Stadsdeel | None:
        for stadsdeel in self.stadsdelen.values():
            if wijkcode in stadsdeel.wijken:
                return stadsdeel
        return None


def _features(pad: Path, problemen: Problemen) -> list:
    """The features of a GeoJSON FeatureCollection file (none, with a problem, if it is not one)."""
    try:
        data = json.loads(pad.read_text(encoding="utf-8"))
    except OSError as fout:
        problemen.fout(pad, None, f"kan het bestand niet lezen: {fout.strerror or fout}")
        return []
    except (json.JSONDecodeError, UnicodeDecodeError) as fout:
        regel = getattr(fout, "lineno", 1)
        kolom = getattr(fout, "colno", 1)
        problemen.fout(pad, Plek(regel, kolom), f"geen geldige GeoJSON: {getattr(fout, 'msg', fout)}")
        return []
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        problemen.fout(pad, None, "geen GeoJSON FeatureCollection: 'features' met een lijst ontbreekt")
        return []
    return features


def _waarom(fout: Exception) -> str:
    """Why a GeoJSON feature is unusable, in words: a missing property by name, not a Python error."""
    if isinstance(fout, KeyError):
        return f"'{fout.args[0]}' ontbreekt"
    if isinstance(fout, (TypeError, IndexError)):
        return "de vorm of de eigenschappen zijn niet zoals GeoJSON ze beschrijft"
    return str(fout)


def _lees_geojson(pad: Path, soort: str, problemen: Problemen) -> list[Gebied]:
    gebieden = []
    for nummer, feature in enumerate(_features(pad, problemen), start=1):
        try:
            eigenschappen = feature["properties"]
            code = eigenschappen["statcode"]
            naam = re.sub(r"^Wijk \d+ ", "", eigenschappen.get("statnaam") or code)
            gebieden.append(
                Gebied(
                    code=code,
                    naam=naam,
                    soort=soort,
                    vlak=Vlak.uit_geojson(feature["geometry"]),
                    geometrie=feature["geometry"],
                    wijkcode=f"WK{code[2:8]}" if soort == "buurt" else "",
                )
            )
        except (KeyError, TypeError, ValueError, IndexError) as fout:
            problemen.fout(pad, None, f"object {nummer} is geen bruikbare {soort}: {_waarom(fout)}")
    return gebieden


def _lees_kaartgrenzen(pad: Path, gebieden: Gebieden, problemen: Problemen) -> None:
    """The simplified outlines for drawing; they must belong to exactly these wijken and buurten."""
    alle = {**gebieden.wijken, **gebieden.buurten}
    opnieuw = "draai 'wijkportaal gebieden bijwerken' opnieuw, of verwijder dit bestand"
    for nummer, feature in enumerate(_features(pad, problemen), start=1):
        try:
            code, schaal = feature["properties"]["statcode"], feature["properties"]["schaal"]
            Vlak.uit_geojson(feature["geometry"])
        except (KeyError, TypeError, ValueError, IndexError) as fout:
            problemen.fout(pad, None, f"object {nummer} is geen bruikbare kaartgrens: {_waarom(fout)}")
            continue
        if code not in alle or schaal not in SCHALEN:
            problemen.fout(pad, None, f"object {nummer} ({code}, schaal {schaal}) hoort niet bij de grenzen in deze map; {opnieuw}")
            continue
        alle[code].tekening[schaal] = feature["geometry"]
    nodig = [(c, schaal) for c in gebieden.wijken for schaal in SCHALEN] + [(c, "wijk") for c in gebieden.buurten]
    ontbreekt = [f"{c} ({schaal})" for c, schaal in nodig if schaal not in alle[c].tekening]
    if ontbreekt:
        problemen.fout(pad, None, f"de vereenvoudigde grens ontbreekt voor {', '.join(ontbreekt[:5])}"
                       f"{' en meer' if len(ontbreekt) > 5 else ''}; {opnieuw}")  # fmt: skip


def laad_bron(pad: Path, problemen: Problemen) -> Gebiedsbron:
    """``bron.yml``; without it the attribution names the source without years."""
    if not pad.exists():
        return Gebiedsbron()
    bestand = laad_yaml(pad, problemen)
    if bestand is None:
        return Gebiedsbron()
    if not isinstance(bestand.data, dict):
        problemen.fout(bestand.pad, None, "bron.yml moet een groep velden zijn (bron: ..., jaren: ...)")
        return Gebiedsbron()
    data = s.controleer_schema(bestand, BRON_SCHEMA, problemen, _BRON_VALIDATOR)
    jaren = data.get("jaren", {})
    return Gebiedsbron(
        bron=data.get("bron", Gebiedsbron.bron),
        jaren=tuple((laag, jaren[laag]) for laag in LAGEN if laag in jaren),
        editie=data.get("editie", ""),
        herkomst=data.get("herkomst", ""),
        adres=data.get("adres", ""),
        opgehaald=data.get("opgehaald", ""),
        nauwkeurigheid=data.get("nauwkeurigheid", ""),
        kaartlijnen=tuple(data.get("kaartlijnen", {}).items()),
    )


def laad_gebieden(map_: Path, problemen: Problemen) -> Gebieden:
    gebieden = Gebieden()
    for gebied in _lees_geojson(map_ / "wijken.geojson", "wijk", problemen):
        gebieden.wijken[gebied.code] = gebied
    for gebied in _lees_geojson(map_ / "buurten.geojson", "buurt", problemen):
        gebieden.buurten[gebied.code] = gebied
    gemeente = map_ / "gemeente.geojson"
    if gemeente.exists():
        vlakken = _lees_geojson(gemeente, "gemeente", problemen)
        if vlakken:
            gebieden.gemeente = vlakken[0].vlak
    if (map_ / KAARTGRENZEN).exists():
        _lees_kaartgrenzen(map_ / KAARTGRENZEN, gebieden, problemen)
    gebieden.bron = laad_bron(map_ / BRON, problemen)
    bestand = laad_yaml(map_ / "stadsdelen.yml", problemen)
    if bestand is not None and not isinstance(bestand.data, dict):
        problemen.fout(bestand.pad, None, "stadsdelen.yml moet een groep velden zijn (stadsdelen: ...)")
    elif bestand is not None:
        data = s.controleer_schema(bestand, STADSDELEN_SCHEMA, problemen, _STADSDELEN_VALIDATOR)
        for id_, waarde in data.get("stadsdelen", {}).items():
            wijken = waarde.get("wijken", [])
            for i, wijk in enumerate(wijken):
                if wijk not in gebieden.wijken:
                    problemen.fout(bestand.pad, bestand.plek(("stadsdelen", id_, "wijken", i)), f"onbekende wijk '{wijk}'")
            gebieden.stadsdelen[id_] = Stadsdeel(id_, waarde.get("naam", id_), wijken)
    return gebieden
