"""Make the PDOK answers in this folder (see README.md): run from the project folder with

    .venv/bin/python tests/voorbeelden/pdok/maak_antwoorden.py

They are not recordings of PDOK (this project's machines cannot reach it) but answers in
PDOK's documented format, made from the real Enschede geometry the project ships
(data/gebieden/buurten.geojson, the generalised CBS edition): every border is given points
every 15 metres that wander up to about 12 metres from the straight line, as real borders
follow streets, ditches and parcels. A border shared by two buurten gets the same points in
both (the wander depends only on its two ends), so the buurten still fit together exactly;
the wijken are the union of their buurten and the gemeente the union of all, as in the CBS
map. Deterministic: running it again gives the same files.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping, shape

HIER = Path(__file__).resolve().parent
PROJECT = HIER.parents[2]
JAAR = 2025
BASIS = f"https://api.pdok.nl/cbs/wijken-en-buurten-{JAAR}/ogc/v1"
QUERY = "crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FOGC%2F1.3%2FCRS84&f=json&gemeentecode=GM0153&limit=1000"
METER = np.array([111_320.0 * math.cos(math.radians(52.22)), 111_250.0])
STAP = 15.0  # metres between points
UITWIJKING = 12.0  # metres at most
PER_PAGINA = 40  # the buurten come in two pages


def _rng(a: tuple[float, float], b: tuple[float, float]) -> np.random.Generator:
    sleutel = json.dumps(sorted([list(a), list(b)])).encode()
    return np.random.default_rng(int.from_bytes(hashlib.sha256(sleutel).digest()[:8], "big"))


def _rand(a: tuple[float, float], b: tuple[float, float]) -> list[tuple[float, float]]:
    """The points between a and b (not a, not b): the same for (b, a), reversed."""
    omgedraaid = tuple(a) > tuple(b)
    if omgedraaid:
        a, b = b, a
    pa, pb = np.array(a) * METER, np.array(b) * METER
    lengte = float(np.linalg.norm(pb - pa))
    n = max(1, math.ceil(lengte / STAP))
    if n == 1:
        return []
    rng = _rng(a, b)
    golven = [(rng.uniform(40, 400), rng.uniform(0, 2 * math.pi), rng.uniform(0.3, 1.0)) for _ in range(4)]
    gewicht = sum(g[2] for g in golven)
    loodrecht = np.array([-(pb - pa)[1], (pb - pa)[0]]) / lengte
    amplitude = min(UITWIJKING, 0.12 * lengte)
    punten = []
    for i in range(1, n):
        t = i / n
        golf = sum(s * math.sin(2 * math.pi * t * lengte / l + f) for l, f, s in golven) / gewicht
        p = pa + (pb - pa) * t + loodrecht * amplitude * math.sin(math.pi * t) * golf
        punten.append(tuple(p / METER))
    return punten[::-1] if omgedraaid else punten


def _ring(ring) -> list[tuple[float, float]]:
    coords = [tuple(c) for c in ring.coords]
    uit = [coords[0]]
    for a, b in zip(coords, coords[1:]):
        uit += _rand(a, b) + [b]
    return uit


def _vorm(geometrie) -> Polygon | MultiPolygon:
    delen = [Polygon(_ring(p.exterior), [_ring(g) for g in p.interiors]) for p in getattr(geometrie, "geoms", [geometrie])]
    return delen[0] if len(delen) == 1 else MultiPolygon(delen)


def _afgerond(geometrie, decimalen: int = 7):
    return shapely.transform(geometrie, lambda xy: np.round(xy, decimalen))


def _pagina(collectie: str, features: list[dict], cursor: str = "", volgende: str = "", vorige: str = "") -> dict:
    def adres(c: str, f: str = "json") -> str:
        return f"{BASIS}/collections/{collectie}/items?" + (f"cursor={c}&" if c else "") + QUERY.replace("f=json", f"f={f}")

    links = [
        {"rel": "self", "title": "This document as GeoJSON", "type": "application/geo+json", "href": adres(cursor)},
        {"rel": "alternate", "title": "This document as JSON-FG", "type": "application/vnd.ogc.fg+json", "href": adres(cursor, "jsonfg")},
        {"rel": "alternate", "title": "This document as HTML", "type": "text/html", "href": adres(cursor, "html")},
    ]
    if volgende:
        links.append({"rel": "next", "title": "Next page", "type": "application/geo+json", "href": adres(volgende)})
    if vorige:
        links.append({"rel": "prev", "title": "Previous page", "type": "application/geo+json", "href": adres(vorige)})
    return {"links": links, "numberReturned": len(features), "timeStamp": "2026-11-30T10:12:31Z", "type": "FeatureCollection", "features": features}


def _feature(nummer: int, geometrie, eigenschappen: dict) -> dict:
    statistiek = {"aantal_inwoners": None, "omgevingsadressendichtheid": None, "gemiddelde_woningwaarde": None}
    return {"id": nummer, "type": "Feature", "geometry": mapping(_afgerond(geometrie)), "properties": {**eigenschappen, **statistiek}}


def main() -> None:
    lees = lambda naam: json.loads((PROJECT / "data/gebieden" / f"{naam}.geojson").read_text(encoding="utf-8"))["features"]
    buurten = {f["properties"]["statcode"]: (f["properties"]["statnaam"], shape(f["geometry"])) for f in lees("buurten")}
    wijknamen = {f["properties"]["statcode"]: f["properties"]["statnaam"] for f in lees("wijken")}
    assert shapely.coverage_is_valid([g for _, g in buurten.values()])
    fijn = {code: (naam, _vorm(g)) for code, (naam, g) in buurten.items()}
    assert all(g.is_valid for _, g in fijn.values()), [c for c, (_, g) in fijn.items() if not g.is_valid]
    assert shapely.coverage_is_valid([g for _, g in fijn.values()])
    wijken = {
        code: shapely.coverage_union_all([g for c, (_, g) in fijn.items() if c[2:8] == code[2:8]]) for code in sorted(wijknamen)
    }
    gemeente = shapely.coverage_union_all(list(wijken.values()))
    algemeen = {"gemeentecode": "GM0153", "gemeentenaam": "Enschede", "jaar": JAAR, "water": "NEE"}
    gemeenten = [_feature(153, gemeente, {"gemeentecode": "GM0153", "gemeentenaam": "Enschede", "jrstatcode": f"{JAAR}GM0153", "jaar": JAAR, "water": "NEE"})]
    wijk_features = [
        _feature(i, g, {"wijkcode": code, "wijknaam": wijknamen[code], "jrstatcode": f"{JAAR}{code}", **algemeen})
        for i, (code, g) in enumerate(wijken.items(), start=1501)
    ]
    buurt_features = [
        _feature(i, g, {"buurtcode": code, "buurtnaam": naam, "wijkcode": f"WK{code[2:8]}", "jrstatcode": f"{JAAR}{code}", **algemeen})
        for i, (code, (naam, g)) in enumerate(sorted(fijn.items()), start=15001)
    ]
    cursor = "Ahs%7CZ2VtZWVudGVjb2Rl"
    antwoorden = {
        "gemeenten.json.gz": _pagina("gemeenten", gemeenten),
        "wijken.json.gz": _pagina("wijken", wijk_features),
        "buurten-1.json.gz": _pagina("buurten", buurt_features[:PER_PAGINA], volgende=cursor),
        "buurten-2.json.gz": _pagina("buurten", buurt_features[PER_PAGINA:], cursor=cursor, vorige="Ahs%7CAAAAAAAAAAAA"),
    }
    for naam, antwoord in antwoorden.items():
        tekst = json.dumps(antwoord, ensure_ascii=False, indent=1).encode("utf-8")
        (HIER / naam).write_bytes(gzip.compress(tekst, mtime=0))
        punten = sum(shapely.get_num_coordinates(shape(f["geometry"])) for f in antwoord["features"])
        print(f"{naam}: {len(antwoord['features'])} objecten, {punten} punten, {len(tekst) // 1024} KB ({(HIER / naam).stat().st_size // 1024} KB gzip)")


if __name__ == "__main__":
    main()
