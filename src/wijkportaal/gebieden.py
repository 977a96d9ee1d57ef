"""Areas of Enschede: CBS wijken and buurten (with boundaries) and the stadsdelen.

Boundaries come from data/gebieden/*.geojson (CBS / Kadaster, Wijk- en
Buurtkaart); stadsdelen from data/gebieden/stadsdelen.yml. Points are assigned to
a buurt by point-in-polygon (ray casting, with a bounding-box test first).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import schema as s
from .laden import laad_yaml
from .problemen import Plek, Problemen

ATTRIBUTIE = "Bron gebiedsgrenzen: CBS / Kadaster, Wijk- en Buurtkaart 2023 (wijken) en 2024 (buurten)"

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


def _slug(tekst: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", tekst.lower()).strip("-")


Ring = list[tuple[float, float]]  # (lon, lat)


def _in_ring(lon: float, lat: float, ring: Ring) -> bool:
    binnen = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            binnen = not binnen
        j = i
    return binnen


@dataclass
class Vlak:
    """A (multi)polygon: a list of polygons, each an outer ring and holes."""

    polygonen: list[list[Ring]]
    bbox: tuple[float, float, float, float] = field(init=False)  # min lon, min lat, max lon, max lat

    def __post_init__(self) -> None:
        punten = [p for poly in self.polygonen for ring in poly for p in ring]
        self.bbox = (
            min(p[0] for p in punten),
            min(p[1] for p in punten),
            max(p[0] for p in punten),
            max(p[1] for p in punten),
        )

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
            if _in_ring(lon, lat, poly[0]) and not any(_in_ring(lon, lat, gat) for gat in poly[1:]):
                return True
        return False


@dataclass
class Gebied:
    """A CBS wijk or buurt."""

    code: str
    naam: str
    soort: str  # "wijk" or "buurt"
    vlak: Vlak
    geometrie: dict = field(repr=False)
    wijkcode: str = ""  # for a buurt: its wijk

    @property
    def slug(self) -> str:
        return _slug(self.naam)


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


def _lees_geojson(pad: Path, soort: str, problemen: Problemen) -> list[Gebied]:
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
    gebieden = []
    for nummer, feature in enumerate(features, start=1):
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
            problemen.fout(pad, None, f"object {nummer} is geen bruikbare {soort}: {fout}")
    return gebieden


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
