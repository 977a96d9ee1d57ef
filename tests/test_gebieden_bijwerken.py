"""``wijkportaal gebieden bijwerken`` (#16): PDOK's answers become boundary files the project loads.

No network: ``urlopen`` in wijkportaal.gebieden_ophalen is replaced by :class:`NepPdok`, which
answers from tests/voorbeelden/pdok/ (answers in PDOK's format, see the README there), gzipped
as PDOK sends them. The command always runs on a copy of the project, never on data/gebieden.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import parse_qs, urlsplit

import pytest
import shapely
from shapely.geometry import mapping, shape

import wijkportaal.gebieden_ophalen as ophalen
from conftest import PROJECT, VOORBEELDEN, inhoud, kopieer_project, mkdocs, pagina, wijkportaal
from wijkportaal.catalogus import laad_catalogus
from wijkportaal.gebieden import BAND_VANAF, Vlak, _in_ring, laad_gebieden
from wijkportaal.gebieden_bijwerken import PUNTEN_STAD, PUNTEN_WIJK, bron_md
from wijkportaal.problemen import Problemen

PDOK = VOORBEELDEN / "pdok"
VANDAAG = "2026-11-30"
VERMELDING = "CBS / Kadaster, Wijk- en Buurtkaart 2025"


def lees(naam: str) -> dict:
    """A recorded answer as JSON."""
    return json.loads(gzip.decompress((PDOK / naam).read_bytes()))


class _Antwoord:
    def __init__(self, inhoud: bytes, headers: dict[str, str]) -> None:
        self._inhoud, self.headers = inhoud, headers

    def read(self) -> bytes:
        return self._inhoud

    def __enter__(self):
        return self

    def __exit__(self, *args) -> None:
        pass


class NepPdok:
    """Stands in for ``urlopen``: PDOK's answers from tests/voorbeelden/pdok/ (or changed ones), gzipped."""

    def __init__(self, **vervangen: dict) -> None:
        self.antwoorden = {p.name.removesuffix(".json.gz"): lees(p.name) for p in PDOK.glob("*.json.gz")}
        self.antwoorden.update(vervangen)
        self.verzoeken = []

    def __call__(self, verzoek, timeout=None):
        self.verzoeken.append((verzoek, timeout))
        adres = urlsplit(verzoek.full_url)
        query = parse_qs(adres.query)
        collectie = adres.path.split("/")[-2]
        naam = collectie if collectie != "buurten" else ("buurten-2" if "cursor" in query else "buurten-1")
        inhoud = gzip.compress(json.dumps(self.antwoorden[naam]).encode("utf-8"))
        return _Antwoord(inhoud, {"Content-Encoding": "gzip", "Content-Crs": f"<{ophalen.CRS84}>"})


def vingerafdruk(map_: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(map_.iterdir())}


def bijwerken(project: Path, pdok, monkeypatch, *extra: str):
    monkeypatch.setattr(ophalen, "urlopen", pdok)
    return wijkportaal("gebieden", "bijwerken", "--vandaag", VANDAAG, *extra, cwd=project)


@pytest.fixture(scope="module")
def bijgewerkt(tmp_path_factory) -> tuple[Path, NepPdok, object]:
    """A copy of the project after 'wijkportaal gebieden bijwerken' from the recorded answers."""
    project = kopieer_project(tmp_path_factory.mktemp("bijgewerkt") / "project")
    pdok = NepPdok()
    with pytest.MonkeyPatch.context() as mp:
        uit = bijwerken(project, pdok, mp)
    return project, pdok, uit


# -- the recorded answers become boundary files --------------------------------------------------


def test_the_recorded_answers_become_boundaries_the_project_loads(bijgewerkt):
    project, _, uit = bijgewerkt
    assert uit.code == 0, uit.uitvoer
    assert "Traceback" not in uit.uitvoer
    assert uit.regels[0] == (
        "Opgehaald bij PDOK (https://api.pdok.nl/cbs/wijken-en-buurten-2025/ogc/v1): 1 gemeente, 10 wijken en 70 buurten."
    )
    assert "Geschreven in data/gebieden: gemeente.geojson, wijken.geojson, buurten.geojson, kaartgrenzen.geojson, bron.yml, BRON.md." in uit.regels
    assert "Controle van alle gegevens met de nieuwe grenzen (wijkportaal validate):" in uit.regels
    assert "Geen problemen gevonden in" in uit.regels[-1]

    problemen = Problemen()
    gebieden = laad_gebieden(project / "data/gebieden", problemen)
    assert not list(problemen)
    bron_wijken = {f["properties"]["wijkcode"]: f for f in lees("wijken.json.gz")["features"]}
    bron_buurten = {f["properties"]["buurtcode"]: f for f in lees("buurten-1.json.gz")["features"] + lees("buurten-2.json.gz")["features"]}
    assert set(gebieden.wijken) == set(bron_wijken) and len(gebieden.wijken) == 10
    assert set(gebieden.buurten) == set(bron_buurten) and len(gebieden.buurten) == 70
    assert gebieden.wijken["WK015302"].naam == "Boswinkel - Stadsveld"  # 'Wijk 02 ' dropped, as before
    assert gebieden.buurten["BU01530201"].naam == "Boswinkel-De Braker"
    # the precise outlines: every point PDOK gave, rounded to 6 decimals, outer rings counter-clockwise
    for code, feature in bron_buurten.items():
        precies = shape(gebieden.buurten[code].geometrie)
        assert shapely.get_num_coordinates(precies) == shapely.get_num_coordinates(shape(feature["geometry"]))
        assert shapely.hausdorff_distance(precies, shape(feature["geometry"])) < 1e-6
        assert precies.is_valid and precies.equals(shapely.orient_polygons(precies))
    regel = (project / "data/gebieden/buurten.geojson").read_text(encoding="utf-8").splitlines()[1]
    assert max(len(getal.split(".")[1]) for getal in regel.replace("]", ",").replace("[", ",").split(",") if "." in getal) == 6
    # a simplified outline to draw for every wijk at both scales and for every buurt up close
    for wijk in gebieden.wijken.values():
        assert set(wijk.tekening) == {"stad", "wijk"}
    assert all(set(b.tekening) == {"wijk"} for b in gebieden.buurten.values())
    assert sum(shapely.get_num_coordinates(shape(w.geometrie_voor("stad"))) for w in gebieden.wijken.values()) <= PUNTEN_STAD


def test_the_attribution_follows_the_data(bijgewerkt):
    project, _, _ = bijgewerkt
    bron = laad_gebieden(project / "data/gebieden", Problemen()).bron
    assert bron.vermelding == VERMELDING and bron.volledig
    assert bron.attributie == f"Bron gebiedsgrenzen: {VERMELDING}"
    assert bron.opgehaald == VANDAAG and bron.adres == "https://api.pdok.nl/cbs/wijken-en-buurten-2025/ogc/v1"
    assert set(dict(bron.kaartlijnen)) == {"stad", "wijk"}
    bron_md_tekst = (project / "data/gebieden/BRON.md").read_text(encoding="utf-8")
    assert bron_md_tekst == bron_md(bron, 10, 70)
    assert f"**Bron: {VERMELDING}**, volledige resolutie." in " ".join(bron_md_tekst.split())


def test_the_command_asks_pdok_for_enschede_in_crs84_page_by_page(bijgewerkt):
    _, pdok, _ = bijgewerkt
    adressen = [urlsplit(v.full_url) for v, _ in pdok.verzoeken]
    assert [a.path.split("/")[-2] for a in adressen] == ["gemeenten", "wijken", "buurten", "buurten"]
    for adres, (verzoek, wachttijd) in zip(adressen, pdok.verzoeken):
        assert adres.scheme == "https" and adres.netloc == "api.pdok.nl"
        assert adres.path.startswith("/cbs/wijken-en-buurten-2025/ogc/v1/collections/")
        query = parse_qs(adres.query)
        assert query["gemeentecode"] == ["GM0153"] and query["f"] == ["json"] and query["limit"] == ["1000"]
        assert query["crs"] == ["http://www.opengis.net/def/crs/OGC/1.3/CRS84"]
        assert verzoek.get_header("User-agent").startswith("wijkportaal/") and wachttijd == ophalen.WACHTTIJD
        assert "gzip" in verzoek.get_header("Accept-encoding")
    # the second page of buurten is the 'next' link of the first, as PDOK gave it
    volgende = next(l["href"] for l in lees("buurten-1.json.gz")["links"] if l["rel"] == "next")
    assert pdok.verzoeken[3][0].full_url == volgende


def test_locations_land_in_the_new_buurten(bijgewerkt):
    project, _, _ = bijgewerkt
    oud, _ = laad_catalogus(PROJECT / "data", vandaag=None)
    nieuw, problemen = laad_catalogus(project / "data", vandaag=None)
    assert not problemen.fouten
    locaties = [(v.id, i, l) for v in nieuw.soort_alle("voorzieningen") for i, l in enumerate(v.locaties) if l.coordinaten]
    in_enschede = [(v, i, l) for v, i, l in locaties if nieuw.gebieden.in_enschede(*l.coordinaten)]
    assert len(in_enschede) >= 8
    assert all(l.buurtcode and l.wijkcode == f"WK{l.buurtcode[2:8]}" for _, _, l in in_enschede)
    # the outlines moved by metres, not more: the sample locations stay in their wijk
    vorige = {(v.id, i): l.wijkcode for v in oud.soort_alle("voorzieningen") for i, l in enumerate(v.locaties)}
    assert all(vorige[(v, i)] == l.wijkcode for v, i, l in in_enschede)
    # and a point inside each buurt (from the answers, not from our files) lands in that buurt
    for feature in lees("buurten-1.json.gz")["features"] + lees("buurten-2.json.gz")["features"]:
        punt = shape(feature["geometry"]).point_on_surface()
        assert nieuw.gebieden.buurt_bij(punt.y, punt.x).code == feature["properties"]["buurtcode"]


# -- offline, HTTP errors, nonsense: one Dutch message, nothing written ---------------------------


def _weigert(fout: Exception):
    def urlopen(verzoek, timeout=None):
        raise fout

    return urlopen


class _GeenJson(NepPdok):
    def __call__(self, verzoek, timeout=None):
        return _Antwoord(b"<html>Onderhoud</html>", {})


@pytest.mark.parametrize(
    ("pdok", "melding"),
    [
        (_weigert(URLError(OSError(101, "Network is unreachable"))), "Kan PDOK niet bereiken (Network is unreachable): controleer de internetverbinding."),
        (_weigert(URLError(TimeoutError("timed out"))), "PDOK antwoordde niet binnen 60 seconden"),
        (_weigert(HTTPError("https://api.pdok.nl/x", 404, "Not Found", {}, None)), "PDOK kent dit adres niet (HTTP 404"),
        (_weigert(HTTPError("https://api.pdok.nl/x", 503, "Service Unavailable", {}, None)), "PDOK gaf een fout (HTTP 503 Service Unavailable"),
        (_weigert(HTTPError("https://api.pdok.nl/x", 400, "Bad Request", {}, None)), "het filter op gemeentecode niet"),
        (_GeenJson(), "PDOK gaf geen geldige JSON terug"),
    ],
    ids=["offline", "te-traag", "jaar-bestaat-niet", "storing", "filter-onbekend", "geen-json"],
)
def test_without_a_usable_answer_nothing_changes(project_kopie: Path, monkeypatch, pdok, melding: str):
    voor = vingerafdruk(project_kopie / "data/gebieden")
    uit = bijwerken(project_kopie, pdok, monkeypatch, "--jaar", "2025")
    assert uit.code == 2
    assert uit.regels == [f"fout: {uit.regels[0].removeprefix('fout: ')}"] and melding in uit.uitvoer
    assert uit.uitvoer.rstrip().endswith("De huidige grenzen in data/gebieden/ blijven ongewijzigd.")
    assert "Traceback" not in uit.uitvoer
    assert vingerafdruk(project_kopie / "data/gebieden") == voor


def test_a_wrong_year_or_a_folder_that_is_no_data_folder_is_said_plainly(tmp_path: Path, monkeypatch):
    uit = wijkportaal("gebieden", "bijwerken", "--jaar", "twintig", cwd=tmp_path)
    assert uit.code == 2 and "'twintig' is geen jaartal (JJJJ)" in uit.uitvoer
    uit = bijwerken(tmp_path, NepPdok(), monkeypatch, "--gegevens", "elders")
    assert uit.code == 2 and "elders/gebieden:1:1: fout: deze map bestaat niet" in uit.uitvoer


# -- boundaries that do not add up: every problem reported, nothing written ----------------------


def _verschoven(feature: dict, meters: float) -> dict:
    """The feature moved east by ``meters``."""
    graden = meters / 68_200
    geometrie = shapely.transform(shape(feature["geometry"]), lambda xy: xy + [graden, 0])
    return {**feature, "geometry": mapping(geometrie)}


def test_boundaries_that_do_not_add_up_are_all_reported_and_nothing_is_written(project_kopie: Path, monkeypatch):
    eerste, tweede = lees("buurten-1.json.gz"), lees("buurten-2.json.gz")
    per_code = {f["properties"]["buurtcode"]: i for i, f in enumerate(eerste["features"])}
    features = eerste["features"]
    features[per_code["BU01530001"]] = _verschoven(features[per_code["BU01530001"]], 2500)  # Lasonder, Zeggelt
    features[per_code["BU01530201"]]["properties"]["buurtnaam"] = ""  # Boswinkel-De Braker
    del features[per_code["BU01530202"]]["properties"]["buurtcode"]
    features[per_code["BU01530202"]]["properties"]["gemeentecode"] = "GM0153"
    features[per_code["BU01530203"]]["properties"]["wijkcode"] = "WK015303"
    features.append(json.loads(json.dumps(features[per_code["BU01530204"]])))  # twice
    vlinder = [[6.90, 52.22], [6.91, 52.23], [6.91, 52.22], [6.90, 52.23], [6.90, 52.22]]  # crosses itself
    features[per_code["BU01530205"]]["geometry"] = {"type": "Polygon", "coordinates": [vlinder]}
    features[per_code["BU01530206"]] = _verschoven(features[per_code["BU01530206"]], -300_000)  # in the North Sea
    wijken = lees("wijken.json.gz")
    wijken["features"] = [f for f in wijken["features"] if f["properties"]["wijkcode"] != "WK015308"]
    eerste["numberReturned"], wijken["numberReturned"] = len(features), len(wijken["features"])
    voor = vingerafdruk(project_kopie / "data/gebieden")

    uit = bijwerken(project_kopie, NepPdok(**{"buurten-1": eerste, "buurten-2": tweede, "wijken": wijken}), monkeypatch)

    assert uit.code == 2, uit.uitvoer
    fouten = [r.split(": fout: ", 1)[1] for r in uit.regels if ": fout: " in r]
    assert all(r.startswith("data/gebieden/") for r in uit.regels if ": fout: " in r)
    verwacht = [
        "buurt BU01530001 (Lasonder, Zeggelt) ligt tot ", "buurt BU01530201: de naam ('buurtnaam') ontbreekt",
        f"buurt {per_code['BU01530202'] + 1} van PDOK: de code ('buurtcode') ontbreekt of is geen code van Enschede",
        "buurt BU01530203: volgens PDOK in wijk WK015303, volgens de code in WK015302",
        "buurt BU01530204 komt twee keer voor", "buurt BU01530205: de vorm is ongeldig: de rand snijdt zichzelf bij lengte, breedte 6.905, 52.225",
        "buurt BU01530206 ligt niet in Twente", "hoort bij wijk WK015308, maar die wijk gaf PDOK niet",
    ]  # fmt: skip
    for begin in verwacht:
        assert any(begin in f for f in fouten), (begin, fouten)
    uitsteeksel = next(f for f in fouten if "BU01530001" in f and "buiten" in f)
    assert uitsteeksel.endswith(" m buiten haar wijk WK015300 (Binnensingelgebied)")
    assert int(uitsteeksel.split(" ligt tot ")[1].split(" ")[0]) > 1000
    # moved onto its neighbours: they overlap
    assert any(f.startswith("buurt BU01530001 (Lasonder, Zeggelt) en buurt BU0153") and "overlappen" in f for f in fouten)
    assert uit.regels[-1].startswith("Gevonden: ") and uit.regels[-1].endswith(
        "Er is niets geschreven. De huidige grenzen in data/gebieden/ blijven ongewijzigd."
    )
    assert "Traceback" not in uit.uitvoer
    assert vingerafdruk(project_kopie / "data/gebieden") == voor


def test_a_wijk_the_stadsdelen_still_name_stops_the_update(project_kopie: Path, monkeypatch):
    """A wijk gone from the new map (with its buurten) while stadsdelen.yml still names it: found when
    the new files are loaded back as the site will, before anything is put in place."""
    wijken, eerste, tweede = lees("wijken.json.gz"), lees("buurten-1.json.gz"), lees("buurten-2.json.gz")
    for pagina_ in (wijken, eerste, tweede):
        pagina_["features"] = [f for f in pagina_["features"] if f["properties"]["wijkcode"] != "WK015307"]
        pagina_["numberReturned"] = len(pagina_["features"])
    voor = vingerafdruk(project_kopie / "data/gebieden")
    uit = bijwerken(project_kopie, NepPdok(wijken=wijken, **{"buurten-1": eerste, "buurten-2": tweede}), monkeypatch)
    assert uit.code == 2
    assert any(r.startswith("data/gebieden/stadsdelen.yml:") and "onbekende wijk 'WK015307'" in r for r in uit.regels), uit.uitvoer
    assert "Niet meer in de nieuwe grenzen: BU01530700, BU01530701" in uit.uitvoer
    assert vingerafdruk(project_kopie / "data/gebieden") == voor
    assert not list((project_kopie / "data/gebieden").glob(".bijwerken-*"))


def test_water_only_areas_are_left_out(project_kopie: Path, monkeypatch):
    tweede = lees("buurten-2.json.gz")
    voorbeeld = tweede["features"][0]
    water = {**voorbeeld, "properties": {**voorbeeld["properties"], "buurtcode": "BU01539999", "buurtnaam": "Water (fictief)", "water": "JA"}}
    tweede["features"].append(water)
    tweede["numberReturned"] = len(tweede["features"])
    uit = bijwerken(project_kopie, NepPdok(**{"buurten-2": tweede}), monkeypatch)
    assert uit.code == 0, uit.uitvoer
    assert "Overgeslagen omdat ze alleen water zijn: buurt BU01539999." in uit.regels
    gebieden = laad_gebieden(project_kopie / "data/gebieden", Problemen())
    assert len(gebieden.buurten) == 70 and "BU01539999" not in gebieden.buurten


def test_a_server_that_ignores_the_filter_is_stopped_at_the_first_page(project_kopie: Path, monkeypatch):
    """Without the filter PDOK would send the whole country, page after page: the first page with
    another municipality's areas stops the command."""
    eerste = lees("buurten-1.json.gz")
    voorbeeld = eerste["features"][0]
    eerste["features"].insert(0, {**voorbeeld, "properties": {**voorbeeld["properties"], "buurtcode": "BU00030000", "gemeentecode": "GM0003"}})
    eerste["numberReturned"] = len(eerste["features"])
    pdok = NepPdok(**{"buurten-1": eerste})
    voor = vingerafdruk(project_kopie / "data/gebieden")
    uit = bijwerken(project_kopie, pdok, monkeypatch)
    assert uit.code == 2
    assert "PDOK gaf ook gebieden van andere gemeenten (GM0003): het filter op gemeente GM0153 werkte niet" in uit.uitvoer
    assert [urlsplit(v.full_url).path.split("/")[-2] for v, _ in pdok.verzoeken][-1] == "buurten" and len(pdok.verzoeken) == 3
    assert vingerafdruk(project_kopie / "data/gebieden") == voor


# -- paging --------------------------------------------------------------------------------------


def _paginas(*volgende: str | None):
    """urlopen answering page after page, each with the given next link (None: the last page)."""
    antwoorden = iter(volgende)

    def urlopen(verzoek, timeout=None):
        href = next(antwoorden)
        links = [{"rel": "next", "href": href}] if href else []
        inhoud = json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature"}], "numberReturned": 1, "links": links})
        return _Antwoord(inhoud.encode(), {})

    return urlopen


def test_paging_follows_next_links_on_pdok_only(monkeypatch):
    basis = ophalen.dienst(2025)
    monkeypatch.setattr(ophalen, "urlopen", _paginas(f"{basis}/collections/buurten/items?cursor=a", "items?cursor=b", None))
    assert len(ophalen.haal_collectie(basis, "buurten")) == 3  # a relative next link too
    monkeypatch.setattr(ophalen, "urlopen", _paginas("https://elders.example/items?cursor=a"))
    with pytest.raises(ophalen.PdokFout, match="op een andere server"):
        ophalen.haal_collectie(basis, "buurten")
    monkeypatch.setattr(ophalen, "urlopen", _paginas(f"{basis}/collections/buurten/items?cursor=a", f"{basis}/collections/buurten/items?cursor=a"))
    with pytest.raises(ophalen.PdokFout, match="al is opgehaald"):
        ophalen.haal_collectie(basis, "buurten")
    monkeypatch.setattr(ophalen, "urlopen", _paginas(*(f"{basis}/collections/buurten/items?cursor={i}" for i in range(60))))
    with pytest.raises(ophalen.PdokFout, match="het filter op gemeente GM0153 werkte"):
        ophalen.haal_collectie(basis, "buurten")


def test_coordinates_in_another_crs_are_refused(monkeypatch):
    class InRd(NepPdok):
        def __call__(self, verzoek, timeout=None):
            antwoord = super().__call__(verzoek, timeout)
            antwoord.headers["Content-Crs"] = "<http://www.opengis.net/def/crs/EPSG/0/28992>"
            return antwoord

    monkeypatch.setattr(ophalen, "urlopen", InRd())
    with pytest.raises(ophalen.PdokFout, match="EPSG/0/28992 in plaats van CRS84"):
        ophalen.haal_op(2025)


# -- point in polygon on long rings ----------------------------------------------------------------


def test_long_rings_give_the_same_answer_as_plain_ray_casting(bijgewerkt):
    project, _, _ = bijgewerkt
    gebieden = laad_gebieden(project / "data/gebieden", Problemen())
    lang = [b for b in gebieden.buurten.values() if any(len(ring) > BAND_VANAF for poly in b.vlak.polygonen for ring in poly)]
    assert len(lang) > 30
    rng = random.Random(16)
    for buurt in lang:
        x0, y0, x1, y1 = buurt.vlak.bbox
        vers = Vlak(buurt.vlak.polygonen)
        for _ in range(60):
            lon, lat = rng.uniform(x0, x1), rng.uniform(y0, y1)
            plat = any(_in_ring(lon, lat, p[0]) and not any(_in_ring(lon, lat, g) for g in p[1:]) for p in buurt.vlak.polygonen)
            assert vers.bevat(lat, lon) == plat
        # points on the ring itself, where bands meet
        for lon, lat in buurt.vlak.polygonen[0][0][::7]:
            plat = any(_in_ring(lon, lat, p[0]) and not any(_in_ring(lon, lat, g) for g in p[1:]) for p in buurt.vlak.polygonen)
            assert vers.bevat(lat, lon) == plat


# -- the committed files ---------------------------------------------------------------------------


def test_bron_md_is_made_from_bron_yml():
    gebieden = laad_gebieden(PROJECT / "data/gebieden", Problemen())
    verwacht = bron_md(gebieden.bron, len(gebieden.wijken), len(gebieden.buurten))
    assert (PROJECT / "data/gebieden/BRON.md").read_text(encoding="utf-8") == verwacht, (
        "data/gebieden/BRON.md past niet bij bron.yml; 'wijkportaal gebieden bijwerken' schrijft beide"
    )


# -- the site with full-resolution boundaries ----------------------------------------------------


@pytest.fixture(scope="module")
def site_bijgewerkt(bijgewerkt) -> Path:
    project, _, _ = bijgewerkt
    uit = mkdocs("build", "--strict", "-d", str(project / "site"), cwd=project)
    assert uit.code == 0, uit.uitvoer
    return project / "site"


def _kaartpaginas(site: Path) -> list[str]:
    return ["", "kaart/", "zoeken/", *sorted(f"wijken/{p.parent.name}/" for p in (site / "wijken").glob("*/index.html"))]


def test_map_pages_stay_small(site: Path, site_bijgewerkt: Path):
    """The full-resolution outlines would make /kaart/ nine times its size; the simplified ones keep
    every page with a map within 20% of its size with the generalised edition."""
    paginas = _kaartpaginas(site)
    assert len(paginas) == 13 and paginas == _kaartpaginas(site_bijgewerkt)
    for url in paginas:
        voor, na = ((m / url / "index.html").stat().st_size for m in (site, site_bijgewerkt))
        assert na <= 1.2 * voor, (url, voor, na)
    # and a wijk page draws its wijk and every buurt of it, from kaartgrenzen.geojson
    project = site_bijgewerkt.parent
    gebieden = laad_gebieden(project / "data/gebieden", Problemen())
    html = pagina(site_bijgewerkt, "wijken/boswinkel-stadsveld/")
    assert html.count('"code": "BU015302') == len(gebieden.buurten_van("WK015302")) and html.count('"code": "WK015302"') == 1
    getekend = [gebieden.wijken["WK015302"], *gebieden.buurten_van("WK015302")]
    assert sum(shapely.get_num_coordinates(shape(g.geometrie_voor("wijk"))) for g in getekend) <= PUNTEN_WIJK


def test_the_site_names_the_new_source(site_bijgewerkt: Path):
    for url in ("kaart/", "wijken/boswinkel-stadsveld/", "zoeken/"):
        assert f'<p class="wp-kaart__bron">Bron gebiedsgrenzen: {VERMELDING}.' in pagina(site_bijgewerkt, url)
    over = " ".join(inhoud(pagina(site_bijgewerkt, "over/")).split())
    assert f"<strong>Bron: {VERMELDING}</strong>, volledige resolutie." in over
    assert "opgehaald op 30 november 2026" in over and "met de precieze grenzen aan een buurt toegewezen" in over
    data = json.loads((site_bijgewerkt / "open-data/voorzieningen.json").read_text(encoding="utf-8"))
    assert data["bronvermelding"].endswith(f"Bron gebiedsindeling: {VERMELDING}.")
    # the drawing on the home page (from the outlines for the whole city) has every wijk as a link
    assert pagina(site_bijgewerkt, "").count('<a class="wp-wijkenkaart__wijk"') == 10


def test_unusable_boundary_objects_are_said_in_words(tmp_path: Path):
    """A hand-edited boundary file: a missing property is named, a broken shape is said plainly,
    never a bare Python error; every problem is located in its file."""
    import shutil

    map_ = tmp_path / "gebieden"
    shutil.copytree(PROJECT / "data/gebieden", map_)
    wijken = json.loads((map_ / "wijken.geojson").read_text(encoding="utf-8"))
    del wijken["features"][0]["properties"]["statcode"]
    wijken["features"][1]["geometry"] = None
    (map_ / "wijken.geojson").write_text(json.dumps(wijken), encoding="utf-8")
    (map_ / "kaartgrenzen.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"statcode": "WK015300"}, "geometry": None},
    ]}), encoding="utf-8")  # fmt: skip
    problemen = Problemen()
    laad_gebieden(map_, problemen)
    meldingen = [str(p) for p in problemen.fouten]
    assert any("wijken.geojson:" in m and "object 1 is geen bruikbare wijk: 'statcode' ontbreekt" in m for m in meldingen), meldingen
    assert any("wijken.geojson:" in m and "object 2 is geen bruikbare wijk: de vorm of de eigenschappen" in m for m in meldingen), meldingen
    assert any("kaartgrenzen.geojson:" in m and "geen bruikbare kaartgrens: 'schaal' ontbreekt" in m for m in meldingen), meldingen
    assert not [m for m in meldingen if "Error" in m or "NoneType" in m]
