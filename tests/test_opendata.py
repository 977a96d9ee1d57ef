"""Open data: /open-data/ with JSON, CSV and GeoJSON of the voorzieningen in both editions,
and schema.org JSON-LD on every voorziening page.

The built files come from the shared proef builds (an intern voorziening, an intern field, a reason
for an unconfirmed value, a stopped, an expired and a temporarily closed voorziening); details that
need other data are checked in-process on the catalogue.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import geojson
import pytest

from conftest import MARKER_INTERN_VELD, MARKER_REDEN, PROJECT, records
from wijkportaal import export, hsds, structuurdata
from wijkportaal.catalogus import laad_catalogus
from wijkportaal.paginas import Paginamaker

EDITIES = {"intern": "site", "publiek": "site-publiek"}
BESTANDEN = ("voorzieningen.json", "voorzieningen.csv", "voorzieningen.geojson")


@pytest.fixture(scope="module")
def sites(proef: Path) -> dict[str, Path]:
    return {editie: proef / map_ for editie, map_ in EDITIES.items()}


@pytest.fixture(scope="module")
def als_json(sites) -> dict[str, dict]:
    return {e: json.loads((s / "open-data/voorzieningen.json").read_text(encoding="utf-8")) for e, s in sites.items()}


@pytest.fixture(scope="module")
def catalogi() -> dict[str, object]:
    return {e: laad_catalogus(PROJECT / "data", editie=e, vandaag=dt.date(2026, 11, 23))[0] for e in EDITIES}


def _per_id(export_: dict) -> dict[str, dict]:
    return {v["id"]: v for v in export_["voorzieningen"]}


# -- the files and the page ------------------------------------------------------------------


@pytest.mark.parametrize("editie", EDITIES)
def test_both_editions_have_the_files_and_a_page_that_links_them(sites, editie):
    site = sites[editie]
    html = (site / "open-data/index.html").read_text(encoding="utf-8")
    for naam in BESTANDEN:
        assert (site / "open-data" / naam).stat().st_size > 1000
        assert f'href="./{naam}" download' in html, naam  # relative to /open-data/ itself
    assert 'href="open-data/"' in (site / "index.html").read_text(encoding="utf-8")  # in the navigation
    for naam, _ in hsds.BESCHRIJVING:  # HSDS 3.0 (validated in tests/test_hsds.py)
        assert isinstance(json.loads((site / "open-data/hsds" / naam).read_text(encoding="utf-8")), list)
        assert f'href="./hsds/{naam}" download' in html, naam
    for kolom in export.KOLOMMEN:  # every column documented
        assert f"<code>{kolom.naam}</code>" in html
    assert "CC BY 4.0" in html and "CBS / Kadaster" in html
    assert ("Interne editie" in html) == (editie == "intern")


def test_the_json_holds_the_current_voorzieningen_of_the_edition(als_json, proef):
    alle = records("voorzieningen", proef / "data")
    intern, publiek = _per_id(als_json["intern"]), _per_id(als_json["publiek"])
    # stopped and expired are not current; temporarily closed is
    for weg in ("budgetbuddy", "kies-training"):
        assert weg not in intern and weg not in publiek
    assert intern["jeugdwerk-online"]["status"] == "tijdelijk-gesloten"
    # the publiek file has exactly the publiek current records
    verwacht = {
        i for i, r in alle.items()
        if r.get("zichtbaarheid", "publiek") == "publiek" and i not in ("budgetbuddy", "kies-training")
    }  # fmt: skip
    assert set(publiek) == verwacht
    assert "abc-team" in intern and "abc-team" not in publiek
    assert als_json["publiek"]["aantal"] == len(publiek) and als_json["publiek"]["editie"] == "publiek"


def test_fields_are_those_of_the_yaml_file_plus_the_computed_ones(als_json, proef):
    bestand = records("voorzieningen", proef / "data")["meubeldepot"]
    intern = _per_id(als_json["intern"])["meubeldepot"]
    for veld, waarde in bestand.items():
        assert intern[veld] == waarde, veld
    assert intern["url"] == "voorzieningen/meubeldepot/"
    assert intern["organisatie_naam"] and all(set(w) == {"code", "naam"} for w in intern["wijken"])
    publiek = _per_id(als_json["publiek"])["meubeldepot"]
    assert "intern" not in publiek and MARKER_INTERN_VELD in json.dumps(intern)
    assert "voorzieningen/abc-team" in intern["gerelateerd"]
    assert "voorzieningen/abc-team" not in publiek.get("gerelateerd", [])  # an intern record: left out
    assert not any(r.startswith("werkinstructies/") for r in publiek.get("gerelateerd", []))
    assert publiek["onbevestigd"] == ["toegang"]  # the reason is for staff only
    assert MARKER_REDEN in intern["onbevestigd"]["toegang"]


def test_locations_carry_their_buurt_and_wijk(als_json, catalogi):
    gebieden = catalogi["intern"].gebieden
    geplaatst = 0
    for v in als_json["intern"]["voorzieningen"]:
        for locatie in v.get("locaties", []):
            if "coordinaten" not in locatie:
                continue
            buurt = gebieden.buurt_bij(*locatie["coordinaten"])
            if buurt is not None:
                assert locatie["buurt"] == {"code": buurt.code, "naam": buurt.naam}
                assert locatie["wijk"]["code"] == buurt.wijkcode
                geplaatst += 1
    assert geplaatst >= 5


def test_the_csv_opens_in_dutch_excel(sites, als_json):
    for editie, site in sites.items():
        ruw = (site / "open-data/voorzieningen.csv").read_bytes()
        assert ruw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
        tekst = ruw.decode("utf-8-sig")
        assert "\r\n" in tekst
        rijen = list(csv.DictReader(io.StringIO(tekst, newline=""), delimiter=";"))
        namen = [k.naam for k in export.KOLOMMEN] + (["intern"] if editie == "intern" else [])
        assert list(rijen[0]) == namen
        voorzieningen = als_json[editie]["voorzieningen"]
        assert len(rijen) == sum(max(1, len(v.get("locaties", []))) for v in voorzieningen)  # a row per location
        assert {r["id"] for r in rijen} == {v["id"] for v in voorzieningen}
        met_plek = [r for r in rijen if r["breedtegraad"]]
        assert met_plek and all(re.fullmatch(r"5[0-9],\d+", r["breedtegraad"]) for r in met_plek)  # decimal comma
        assert all(re.fullmatch(r"[67],\d+", r["lengtegraad"]) for r in met_plek)
        meubeldepot = next(r for r in rijen if r["id"] == "meubeldepot")
        assert (MARKER_INTERN_VELD in meubeldepot.get("intern", "")) == (editie == "intern")


def test_csv_cells_never_start_a_formula(catalogi):
    cat = catalogi["publiek"]
    v = cat.voorzieningen[0]
    oud = dict(v.data)
    try:
        v.data["naam"] = '=HYPERLINK("https://evil.example","klik")'
        v.data["samenvatting"] = "@SUM(1+1)"
        v.data["contact"] = {"telefoon": "+31 53 000 00 00"}
        rij = next(r for r in csv.DictReader(io.StringIO(export.als_csv(cat).lstrip("\ufeff")), delimiter=";") if r["id"] == v.id)
    finally:
        v.data.clear()
        v.data.update(oud)
    assert rij["naam"] == "'" + '=HYPERLINK("https://evil.example","klik")'
    assert rij["samenvatting"] == "'@SUM(1+1)"
    assert rij["telefoon"] == "'+31 53 000 00 00"


def test_the_geojson_is_valid_with_a_point_per_located_place(sites, als_json):
    for editie, site in sites.items():
        tekst = (site / "open-data/voorzieningen.geojson").read_text(encoding="utf-8")
        verzameling = geojson.loads(tekst)
        assert verzameling.is_valid, verzameling.errors()
        assert verzameling["type"] == "FeatureCollection" and "crs" not in verzameling
        verwacht = sum(1 for v in als_json[editie]["voorzieningen"] for l in v.get("locaties", []) if "coordinaten" in l)
        assert len(verzameling["features"]) == verwacht > 0
        for feature in verzameling["features"]:
            lon, lat = feature["geometry"]["coordinates"]
            assert 6.5 < lon < 7.2 and 52.0 < lat < 52.5  # RFC 7946 order: longitude first
            assert feature["properties"]["url"].startswith("voorzieningen/")
        ids = [f["id"] for f in verzameling["features"]]
        assert len(ids) == len(set(ids))


def test_exports_are_the_same_on_every_build(catalogi):
    cat = catalogi["intern"]
    assert export.bestanden(cat) == export.bestanden(cat)
    absoluut = export.bestanden(cat, site_url="https://kaart.example/enschede")
    assert '"url": "https://kaart.example/enschede/voorzieningen/meubeldepot/"' in absoluut["open-data/voorzieningen.json"]


# -- JSON-LD on the voorziening pages ------------------------------------------------------


class _LdJson(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.blokken: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        self._in = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        if self._in:
            self.blokken.append("")

    def handle_endtag(self, tag):
        self._in = False

    def handle_data(self, data):
        if self._in:
            self.blokken[-1] += data


def ld_json(html: str) -> list[dict]:
    ontleder = _LdJson()
    ontleder.feed(html)
    return [json.loads(b) for b in ontleder.blokken]


@pytest.mark.parametrize("editie", EDITIES)
def test_every_current_voorziening_page_has_valid_json_ld(sites, als_json, editie):
    site = sites[editie]
    for v in als_json[editie]["voorzieningen"]:
        blokken = ld_json((site / v["url"] / "index.html").read_text(encoding="utf-8"))
        assert len(blokken) == 1, v["id"]
        ld = blokken[0]
        assert ld["@context"] == "https://schema.org"
        assert ld["@type"] in {"Service", "GovernmentService"}
        assert ld["name"] == v["naam"] and ld["description"] == v["samenvatting"]
        assert ld["identifier"] == f"voorzieningen/{v['id']}"
        assert ld["provider"]["name"] == v["organisatie_naam"]
        assert ld["areaServed"]
        if v.get("locaties"):
            plekken = [k["serviceLocation"] for k in ld["availableChannel"] if "serviceLocation" in k]
            assert len(plekken) == len(v["locaties"])
    gestopt = site / "voorzieningen/budgetbuddy/index.html"
    if gestopt.exists():  # intern keeps a page for a stopped voorziening: no structured data as if it ran
        assert ld_json(gestopt.read_text(encoding="utf-8")) == []


def test_json_ld_describes_hours_area_and_audience_and_cannot_break_out(catalogi):
    cat = catalogi["intern"]
    v = next(v for v in cat.voorzieningen if v.locaties and v.locaties[0].coordinaten)
    locatie = v.locaties[0]
    oud_tijden, oud_naam, oud_gebied = locatie.openingstijden, v.data["naam"], v.data["gebied"]
    wijk = next(iter(cat.gebieden.wijken.values()))
    try:
        locatie.openingstijden = [{"dagen": ["ma", "wo"], "van": "09:00", "tot": "12:30"}]
        v.data["naam"] = "Buurthuis </script><script>alert(1)</script> & co"
        v.data["gebied"] = [wijk.code]
        html = Paginamaker(cat, site_url="https://kaart.example/").recordpagina(v).kop
    finally:
        locatie.openingstijden, v.data["naam"], v.data["gebied"] = oud_tijden, oud_naam, oud_gebied
    assert html.count("</script>") == 1 and "<script>" not in html  # only its own closing tag
    ld = ld_json(html)[0]
    assert ld["name"] == "Buurthuis </script><script>alert(1)</script> & co"
    assert ld["url"] == f"https://kaart.example/voorzieningen/{v.id}/"
    assert ld["hoursAvailable"] == [{
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": ["https://schema.org/Monday", "https://schema.org/Wednesday"],
        "opens": "09:00", "closes": "12:30",
    }]  # fmt: skip
    assert ld["areaServed"] == [{"@type": "Place", "name": wijk.naam, "identifier": wijk.code,
                                 "containedInPlace": structuurdata._ENSCHEDE}]  # fmt: skip
    plek = ld["availableChannel"][0]["serviceLocation"]
    assert plek["geo"] == {"@type": "GeoCoordinates", "latitude": locatie.coordinaten[0], "longitude": locatie.coordinaten[1]}
