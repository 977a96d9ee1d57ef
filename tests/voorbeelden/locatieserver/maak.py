"""Makes the recorded answers of the PDOK Locatieserver (v3.1) the browser tests reply with.

Written to the documented format of ``suggest`` and ``lookup`` (https://api.pdok.nl/bzk/locatieserver/search/v3_1/ui/
and the Locatieserver wiki): a Solr answer ``{"response": {"numFound", "start", "maxScore", "numFoundExact", "docs"}}``,
for ``suggest`` with ``highlighting`` and ``spellcheck``; a ``lookup`` document has every field of a BAG address
or postcode, with ``centroide_ll`` as ``POINT(lon lat)``.

The geography is Enschede's (and Hengelo's, for an address outside the city): real street names, in the
wijk the test says (checked against data/gebieden by tests/test_dichtbij.py). House numbers, postcode
letters, ids and BAG numbers are made up. Run it again after a change:
``.venv/bin/python tests/voorbeelden/locatieserver/maak.py``.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

HIER = Path(__file__).resolve().parent

# (straat, huisnummer, postcode, woonplaats, gemeente, lat, lon)
ADRESSEN = {
    "oude-markt": [
        ("Oude Markt", 1, "7511GA", "Enschede", "Enschede", 52.219463, 6.895124),
        ("Oude Markt", 10, "7511GB", "Enschede", "Enschede", 52.219180, 6.894610),
        ("Oude Markt", 12, "7511GB", "Enschede", "Enschede", 52.219102, 6.894512),
        ("Oude Markt", 14, "7511GB", "Enschede", "Enschede", 52.219041, 6.894398),
    ],
    "het-rozendaal": [
        ("Het Rozendaal", 3, "7523XG", "Enschede", "Enschede", 52.232261, 6.893951),
        ("Het Rozendaal", 5, "7523XG", "Enschede", "Enschede", 52.232190, 6.894203),
    ],
    "wesselerbrinklaan": [
        ("Wesselerbrinklaan", 20, "7544AB", "Enschede", "Enschede", 52.198622, 6.872309),
        ("Wesselerbrinklaan", 22, "7544AB", "Enschede", "Enschede", 52.198570, 6.872501),
        ("Wesselerbrinklaan", 24, "7544AB", "Enschede", "Enschede", 52.198521, 6.872688),
    ],
    "gronausestraat": [
        ("Gronausestraat", 1210, "7533AA", "Enschede", "Enschede", 52.214203, 6.969011),
    ],
    "enschedesestraat-hengelo": [
        ("Enschedesestraat", 10, "7551EV", "Hengelo", "Hengelo", 52.258004, 6.806012),
    ],
}
# What someone types -> which addresses (and postcodes) the suggestions hold, best first.
VRAGEN = {
    "Oude Markt 1": [("adres", a) for a in ADRESSEN["oude-markt"]],
    "7523XG": [("postcode", ADRESSEN["het-rozendaal"][0])] + [("adres", a) for a in ADRESSEN["het-rozendaal"]],
    "Wesselerbrinklaan 2": [("adres", a) for a in ADRESSEN["wesselerbrinklaan"]],
    "Gronausestraat 1210": [("adres", a) for a in ADRESSEN["gronausestraat"]],
    "Enschedesestraat 10 Hengelo": [("adres", a) for a in ADRESSEN["enschedesestraat-hengelo"]],
    "Bestaatnietstraat 99": [],
}

# The CBS wijk and buurt PDOK would name (the site computes its own from data/gebieden).
CBS = {
    "Oude Markt": ("WK015300", "Wijk 00 Binnensingelgebied", "BU01530000", "City"),
    "Het Rozendaal": ("WK015304", "Wijk 04 Enschede-Noord", "BU01530402", "Roombeek-Roomveldje"),
    "Wesselerbrinklaan": ("WK015306", "Wijk 06 Enschede-Zuid", "BU01530606", "Wesselerbrink Noord-West"),
    "Gronausestraat": ("WK015308", "Wijk 08 Glanerbrug en omgeving", "BU01530803", "Eekmaat"),
    "Enschedesestraat": ("WK016405", "Wijk 05 Hengelo-Zuid", "BU01640500", "Hasseler Es"),
}
GEMEENTECODE = {"Enschede": "0153", "Hengelo": "0164"}


def _getal(tekst: str, lengte: int) -> str:
    return str(int(hashlib.sha256(tekst.encode()).hexdigest(), 16))[:lengte]


def _id(soort: str, tekst: str) -> str:
    return f"{soort}-" + hashlib.md5(tekst.encode()).hexdigest()


def rd(lat: float, lon: float) -> tuple[float, float]:
    """WGS84 to Rijksdriehoek (the approximation of Schreutelkamp and Strang van Hees, about a metre)."""
    dp, dl = 0.36 * (lat - 52.15517440), 0.36 * (lon - 5.38720621)
    r = {(0, 1): 190094.945, (1, 1): -11832.228, (2, 1): -114.221, (0, 3): -32.391, (1, 0): -0.705,
         (3, 1): -2.340, (1, 3): -0.608, (0, 2): -0.008, (2, 3): 0.148}  # fmt: skip
    s = {(1, 0): 309056.544, (0, 2): 3638.893, (2, 0): 73.077, (1, 2): -157.984, (3, 0): 59.788,
         (0, 1): 0.433, (2, 2): -6.439, (1, 1): -0.032, (0, 4): 0.092, (1, 4): -0.054}  # fmt: skip
    x = 155000 + sum(c * dp**p * dl**q for (p, q), c in r.items())
    y = 463000 + sum(c * dp**p * dl**q for (p, q), c in s.items())
    return round(x, 3), round(y, 3)


def document(soort: str, adres: tuple) -> dict:
    straat, nummer, postcode, woonplaats, gemeente, lat, lon = adres
    wijkcode, wijknaam, buurtcode, buurtnaam = CBS[straat]
    gm = GEMEENTECODE[gemeente]
    x, y = rd(lat, lon)
    gedeeld = {
        "bron": "BAG", "woonplaatscode": _getal(woonplaats, 4), "type": soort, "woonplaatsnaam": woonplaats,
        "gemeentecode": gm, "gemeentenaam": gemeente, "provinciecode": "PV23", "provincienaam": "Overijssel",
        "provincieafkorting": "OV", "straatnaam": straat, "straatnaam_verkort": straat, "postcode": postcode,
        "openbareruimte_id": f"{gm}300000{_getal(straat, 6)}", "openbareruimtetype": "Weg",
        "waterschapscode": "44", "waterschapsnaam": "Waterschap Vechtstromen",
        "centroide_ll": f"POINT({lon:.8f} {lat:.8f})", "centroide_rd": f"POINT({x} {y})",
    }  # fmt: skip
    if soort == "postcode":
        naam = f"{straat}, {postcode} {woonplaats}"
        return {**gedeeld, "id": _id("pcd", naam), "weergavenaam": naam, "identificatie": postcode}
    naam = f"{straat} {nummer}, {postcode} {woonplaats}"
    na = f"{gm}200000{_getal(naam, 6)}"
    ao = f"{gm}010000{_getal(naam + 'vbo', 6)}"
    return {
        **gedeeld, "id": _id("adr", naam), "weergavenaam": naam, "adrestype": "verblijfsobject",
        "huisnummer": nummer, "huis_nlt": str(nummer), "nummeraanduiding_id": na, "adresseerbaarobject_id": ao,
        "identificatie": f"{ao}-{na}", "rdf_seealso": f"https://bag.basisregistraties.overheid.nl/bag/id/nummeraanduiding/{na}",
        "wijkcode": wijkcode, "wijknaam": wijknaam, "buurtcode": buurtcode, "buurtnaam": buurtnaam,
        "gekoppeld_perceel": [f"ESE00-K-{_getal(naam + 'perceel', 4)}"],
        "geometrie_ll": f"POINT({lon:.8f} {lat:.8f})", "geometrie_rd": f"POINT({x} {y})",
    }  # fmt: skip


def _vet(naam: str, vraag: str) -> str:
    """Solr's highlighting: the words of the query in <b> (the site never shows this as HTML)."""
    for woord in sorted(set(vraag.split()), key=len, reverse=True):
        naam = re.sub(rf"(?<![\w>])({re.escape(woord)})", r"<b>\1</b>", naam, flags=re.I)
    return naam


def suggest(vraag: str) -> dict:
    docs = [document(soort, adres) for soort, adres in VRAGEN[vraag]]
    scores = [round(14.2 - 1.37 * i, 6) for i in range(len(docs))]
    return {
        "response": {
            "numFound": len(docs), "start": 0, "maxScore": scores[0] if scores else 0.0, "numFoundExact": True,
            "docs": [{"type": d["type"], "weergavenaam": d["weergavenaam"], "id": d["id"], "score": s} for d, s in zip(docs, scores)],
        },
        "highlighting": {d["id"]: {"suggest": [_vet(d["weergavenaam"], vraag)]} for d in docs},
        "spellcheck": {"suggestions": [], "collations": []},
    }  # fmt: skip


def lookup(doc: dict) -> dict:
    return {"response": {"numFound": 1, "start": 0, "maxScore": 15.758, "numFoundExact": True, "docs": [doc]}}


def slug(vraag: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", vraag.lower()).strip("-")


def main() -> None:
    for map_ in ("suggest", "lookup"):
        (HIER / map_).mkdir(exist_ok=True)
        for oud in (HIER / map_).glob("*.json"):
            oud.unlink()
    for vraag in VRAGEN:
        (HIER / "suggest" / f"{slug(vraag)}.json").write_text(json.dumps(suggest(vraag), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        for soort, adres in VRAGEN[vraag]:
            doc = document(soort, adres)
            (HIER / "lookup" / f"{doc['id']}.json").write_text(json.dumps(lookup(doc), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
