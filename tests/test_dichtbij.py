"""Hulp dichtbij: search from an address, nearest first (issue #16), in headless Chromium.

The browser never reaches PDOK: a route for api.pdok.nl (registered after the ``tabblad`` fixture's
own, so it wins) answers from recorded Locatieserver answers in ``tests/voorbeelden/locatieserver/``
(made by ``maak.py`` there, in the documented format), and records every request. Expectations
are computed here in Python: distances with the haversine formula, the wijk and buurt of a point
with ``wijkportaal.gebieden`` on the project's own boundaries.

The sample data has few locations, so the browser gets a copy of ``zoeken/gegevens.json`` with
fictional ones added (``PROEF``); nothing is committed.
"""

from __future__ import annotations

import datetime as dt
import html as _html
import json
import math
import re
from pathlib import Path
from urllib.parse import parse_qs, parse_qsl, urlsplit

import pytest
import yaml

from conftest import PROJECT, VANDAAG, VOORBEELDEN, pagina, wijzig
from wijkportaal import adressen, dichtbij, hsds, voorziening, zoekindex
from wijkportaal.catalogus import laad_catalogus
from wijkportaal.gebieden import Gebied, Gebieden, Vlak, laad_gebieden
from wijkportaal.paginas import Paginamaker
from wijkportaal.problemen import Problemen

LOCATIESERVER = VOORBEELDEN / "locatieserver"
PDOK = "https://api.pdok.nl/"
NU = "2026-11-23T10:00"  # a Monday, 10:00 in Enschede
KLAAR = "#wp-zoeker.wp-zoeker--klaar"
GEBIEDEN = laad_gebieden(PROJECT / "data/gebieden", Problemen())

# Fictional places, only in the browser's copy of gegevens.json (all four voorzieningen are stedelijk).
PROEFLOCATIE = {"adres": "Proefstraat 1", "postcode": "1234 AB", "plaats": "Enschede", "bij_benadering": False, "op_afspraak": False}
PROEF = {
    "voorzieningen/meubeldepot/": [dict(PROEFLOCATIE, naam="Proeflocatie Centrum", lat=52.22003, lon=6.89604, open=[["ma", "09:00", "12:00"]])],
    "voorzieningen/budgetbuddy/": [
        dict(PROEFLOCATIE, naam="Proeflocatie Noord", lat=52.23304, lon=6.89311, open=[["ma", "13:00", "17:00"]],
             bereikbaarheid="Bus 1, halte Proefplein."),
        dict(PROEFLOCATIE, naam="Proeflocatie Zuid", lat=52.19907, lon=6.87302, open=[]),
    ],
    "voorzieningen/vroeg-eropaf/": [dict(PROEFLOCATIE, naam="Proeflocatie Glanerbrug", lat=52.21398, lon=6.96791, open=[["zo", "22:00", "11:00"]])],
    "voorzieningen/stadsbank/": [dict(PROEFLOCATIE, naam="Proeflocatie Oost", lat=52.22497, lon=6.91998, bij_benadering=True, open=[])],
}  # fmt: skip
OPEN_OM_TIEN = {"voorzieningen/meubeldepot/", "voorzieningen/vroeg-eropaf/"}

# What the tests type, the suggestion they choose (by number) and the wijk that address lies in.
ADRESSEN = {
    "Oude Markt 1": (0, "WK015300"),  # Binnensingelgebied, buurt City
    "7523XG": (0, "WK015304"),  # a postcode: Het Rozendaal, Enschede-Noord
    "Wesselerbrinklaan 2": (1, "WK015306"),  # Enschede-Zuid
    "Gronausestraat 1210": (0, "WK015308"),  # Glanerbrug
    "Enschedesestraat 10 Hengelo": (0, None),  # outside Enschede
}

LEES = """() => [...document.querySelectorAll('#wp-resultaten > li')].map(li => ({
  ref: li.dataset.ref,
  afstand: li.dataset.afstand === undefined ? null : Number(li.dataset.afstand),
  tekst: (li.querySelector('.wp-afstand') || {}).textContent || null,
  route: (li.querySelector('.wp-resultaat__route a') || {}).href || null,
}))"""


# -- the recorded Locatieserver --------------------------------------------------------------


def antwoord(pad: str) -> str:
    return (LOCATIESERVER / pad).read_text(encoding="utf-8")


def suggesties(vraag: str) -> list[dict]:
    return json.loads(antwoord(f"suggest/{re.sub(r'[^a-z0-9]+', '-', vraag.lower()).strip('-')}.json"))["response"]["docs"]


def punt_van(doc_id: str) -> tuple[float, float]:
    doc = json.loads(antwoord(f"lookup/{doc_id}.json"))["response"]["docs"][0]
    lon, lat = map(float, re.fullmatch(r"POINT\((\S+) (\S+)\)", doc["centroide_ll"]).groups())
    return lat, lon


def met_locatieserver(tab, verzoeken: list[str], status: int = 200) -> None:
    """Answer api.pdok.nl from the recordings (an unknown query: the recorded empty answer)."""

    def beantwoord(route):
        url = urlsplit(route.request.url)
        verzoeken.append(route.request.url)
        q = parse_qs(url.query)
        if url.path.endswith("/suggest"):
            naam = LOCATIESERVER / "suggest" / (re.sub(r"[^a-z0-9]+", "-", q["q"][0].lower()).strip("-") + ".json")
            body = naam.read_text(encoding="utf-8") if naam.is_file() else antwoord("suggest/bestaatnietstraat-99.json")
        else:
            body = antwoord(f"lookup/{q['id'][0]}.json")
        route.fulfill(status=status, content_type="application/json", body=body, headers={"Access-Control-Allow-Origin": "*"})

    tab.pagina.route(f"{PDOK}**", beantwoord)


def zonder_locatieserver(tab, verzoeken: list[str]) -> None:
    """api.pdok.nl cannot be reached (as on a network that blocks it)."""
    tab.pagina.route(f"{PDOK}**", lambda r: (verzoeken.append(r.request.url), r.abort("connectionfailed")))


# -- the finder's data, with the fictional places ----------------------------------------------


@pytest.fixture(scope="module")
def gegevens(site: Path) -> dict:
    data = json.loads((site / "zoeken/gegevens.json").read_text(encoding="utf-8"))
    for url, locaties in PROEF.items():
        assert data["voorzieningen"][url]["stedelijk"], url
        data["voorzieningen"][url]["locaties"] = locaties
    return data


def met_proefgegevens(tab, gegevens: dict) -> None:
    tekst = json.dumps(gegevens, ensure_ascii=False)
    tab.pagina.route("**/zoeken/gegevens.json", lambda r: r.fulfill(status=200, content_type="application/json", body=tekst))


def vinder(tabblad, adres: str, gegevens: dict, verzoeken: list[str], query: str = "", breedte: int = 1280, werkt: bool = True):
    tab = tabblad(breedte)
    met_proefgegevens(tab, gegevens)
    (met_locatieserver if werkt else zonder_locatieserver)(tab, verzoeken)
    p = tab.pagina
    p.set_default_timeout(10000)
    p.goto(f"{adres}/zoeken/?{query}{'&' if query else ''}nu={NU}")
    p.wait_for_selector(KLAAR)
    return tab, p


def lees(p) -> list[dict]:
    while p.locator("#wp-meer-voorzieningen").count():
        p.locator("#wp-meer-voorzieningen").click()
    return p.evaluate(LEES)


def kies(p, veld: str, vraag: str, nummer: int, pijltjes: bool = True) -> tuple[float, float]:
    """Type an address, choose suggestion `nummer` with the arrow keys and Enter (or, without
    `pijltjes`, Enter alone: the first suggestion); the point, rounded as in the URL."""
    vorig = p.get_attribute("#wp-zoeker", "data-bij") if veld == "#wp-zoek-adres" else None
    p.fill(veld, vraag)
    opties = p.locator(f"{veld}-suggesties [role=option]")
    docs = suggesties(vraag)
    namen = [d["weergavenaam"] for d in docs]
    p.wait_for_function(
        "([v, namen]) => document.querySelector(v).getAttribute('aria-expanded') === 'true' && JSON.stringify("
        "[...document.querySelectorAll(v + '-suggesties [role=option]')].map(o => o.textContent)) === JSON.stringify(namen)",
        arg=[veld, namen],
    )  # fmt: skip
    if pijltjes:
        for _ in range(nummer + 1):
            p.press(veld, "ArrowDown")
        assert p.get_attribute(veld, "aria-activedescendant") == opties.nth(nummer).get_attribute("id")
        assert opties.nth(nummer).get_attribute("aria-selected") == "true"
    else:
        assert nummer == 0 and not p.get_attribute(veld, "aria-activedescendant")
    p.press(veld, "Enter")
    lat, lon = punt_van(docs[nummer]["id"])
    punt = (round(lat, 4), round(lon, 4))
    if veld == "#wp-zoek-adres":
        bij = f"{punt[0]:.4f},{punt[1]:.4f}"
        assert bij != vorig
        p.wait_for_selector(f'#wp-zoeker[data-bij="{bij}"]')
    return punt


# -- Python's side of the sums -------------------------------------------------------------------


def afstand(a: tuple[float, float], b: tuple[float, float]) -> float:
    r = math.radians
    h = math.sin(r(b[0] - a[0]) / 2) ** 2 + math.cos(r(a[0])) * math.cos(r(b[0])) * math.sin(r(b[1] - a[1]) / 2) ** 2
    return 2 * 6371008.8 * math.asin(min(1, math.sqrt(h)))


def afstand_tekst(meter: float) -> str:
    if meter < 50:
        return "minder dan 50 m"
    if meter < 995:
        return f"{round(meter / 10) * 10} m"
    if meter < 9950:
        return f"{round(meter / 100) / 10:.1f} km".replace(".", ",")
    return f"{round(meter / 1000)} km"


def dichtste(v: dict, punt) -> tuple[float, dict] | None:
    plekken = [(afstand(punt, (l["lat"], l["lon"])), l) for l in v["locaties"] if l["lat"] is not None]
    return min(plekken, key=lambda x: x[0]) if plekken else None


def verwachte_volgorde(basis: list[str], vz: dict, punt, wijk: str | None) -> list[str]:
    """The base order (by name) filtered on the wijk (stedelijk ones stay), nearest first, without a place last."""
    over = [u for u in basis if wijk is None or vz[u]["stedelijk"] or wijk in vz[u]["wijken"]]
    return sorted(over, key=lambda u: (d[0] if (d := dichtste(vz[u], punt)) else math.inf))


def plek_tekst(lat: float, lon: float) -> str:
    wijk = GEBIEDEN.wijk_bij(lat, lon)
    if wijk is None or not GEBIEDEN.in_enschede(lat, lon):
        return "Dit adres ligt niet in Enschede."
    buurt = GEBIEDEN.buurt_bij(lat, lon)
    return f"Uw adres ligt in {'buurt ' + buurt.naam + ', ' if buurt else ''}wijk {wijk.naam}."


def gebieden_uit_json(tekst: str) -> Gebieden:
    """The boundaries the browser gets, read back into the Python model."""
    data = json.loads(tekst)

    def vlak(polygonen):
        return Vlak([[list(zip(ring[0::2], ring[1::2])) for ring in poly] for poly in polygonen])

    g = Gebieden()
    for code, naam, polygonen in data["wijken"]:
        g.wijken[code] = Gebied(code, naam, "wijk", vlak(polygonen), {})
    for code, naam, wijkcode, polygonen in data["buurten"]:
        g.buurten[code] = Gebied(code, naam, "buurt", vlak(polygonen), {}, wijkcode)
    g.gemeente = vlak(data["gemeente"]) if data["gemeente"] else None
    return g


# -- the tests -----------------------------------------------------------------------------------


def test_the_recordings_lie_where_the_tests_say():
    """Each recorded address lies in the wijk the tests claim, by the project's own boundaries, well
    inside it; and the recordings are what maak.py makes (nobody edited them by hand)."""
    for vraag, (nummer, wijk) in ADRESSEN.items():
        lat, lon = punt_van(suggesties(vraag)[nummer]["id"])
        gevonden = GEBIEDEN.wijk_bij(lat, lon)
        assert (gevonden.code if gevonden and GEBIEDEN.in_enschede(lat, lon) else None) == wijk, vraag
    import importlib.util

    spec = importlib.util.spec_from_file_location("maak_locatieserver", LOCATIESERVER / "maak.py")
    maak = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maak)
    for vraag in maak.VRAGEN:
        assert json.loads(antwoord(f"suggest/{maak.slug(vraag)}.json")) == maak.suggest(vraag), vraag


def test_address_suggests_sorts_by_distance_and_restores_from_the_url(tabblad, adres, gegevens):
    verzoeken: list[str] = []
    tab, p = vinder(tabblad, adres, gegevens, verzoeken)
    vz = gegevens["voorzieningen"]
    basis = [r["ref"] for r in lees(p)]  # no address: by name
    assert all(r["afstand"] is None for r in lees(p))
    assert verzoeken == []  # nothing is asked before someone types

    punt = kies(p, "#wp-zoek-adres", "Oude Markt 1", 0)
    # one suggest (with what was typed, limited to addresses and postcodes in Twente, Enschede first), one lookup
    assert len(verzoeken) == 2, verzoeken
    suggest, lookup = (parse_qs(urlsplit(u).query) for u in verzoeken)
    assert urlsplit(verzoeken[0]).path == "/bzk/locatieserver/search/v3_1/suggest" and suggest["q"] == ["Oude Markt 1"]
    assert suggest["fq"][0].startswith("type:(adres OR postcode) AND gemeentenaam:(") and '"Enschede"' in suggest["fq"][0]
    assert (suggest["lat"], suggest["lon"]) == (["52.2215"], ["6.8937"])
    assert urlsplit(verzoeken[1]).path.endswith("/lookup") and lookup == {"id": [suggesties("Oude Markt 1")[0]["id"]]}

    # the wijk is set, the list is in order of distance, the URL has the point and not the address
    assert p.input_value("#wp-filter-wijk") == "WK015300"
    assert p.text_content("#wp-zoek-adres-blok .wp-dichtbij__plek") == plek_tekst(*punt)
    assert plek_tekst(*punt) == "Uw adres ligt in buurt City, wijk Binnensingelgebied."
    rijen = lees(p)
    verwacht = verwachte_volgorde(basis, vz, punt, "WK015300")
    assert [r["ref"] for r in rijen] == verwacht
    assert "voorzieningen/familiehuis-boswinkel/" not in verwacht and "voorzieningen/wijkteam-centrum/" in verwacht
    for r in rijen:
        d = dichtste(vz[r["ref"]], punt)
        if d is None:
            assert r["afstand"] is None and r["tekst"] is None and r["route"] is None
            continue
        assert abs(r["afstand"] - d[0]) <= 1, r
        assert r["tekst"] == afstand_tekst(d[0]) + (" (ongeveer)" if d[1]["bij_benadering"] else ""), r
        if d[1]["bij_benadering"]:  # the middle of a buurt is not a place to walk to
            assert r["route"] is None, r
        else:
            assert r["route"] == dichtbij.routelink((d[1]["lat"], d[1]["lon"]), punt), r
    assert any(dichtste(vz[r["ref"]], punt) and dichtste(vz[r["ref"]], punt)[1]["bij_benadering"] for r in rijen)  # both kinds seen
    assert any(r["route"] for r in rijen)
    assert rijen[0]["ref"] == "voorzieningen/meubeldepot/" and rijen[0]["tekst"] == "90 m"
    assert p.text_content("#wp-aantal").endswith("Wat het dichtst bij is, staat bovenaan.")
    budget = p.locator('#wp-resultaten li[data-ref="voorzieningen/budgetbuddy/"]')
    assert "Proeflocatie Noord" in budget.locator(".wp-resultaat__adres").text_content()  # the nearest of its two
    assert budget.locator(".wp-resultaat__bereikbaarheid").text_content() == "Zo komt u er: Bus 1, halte Proefplein."
    bij = f"{punt[0]:.4f},{punt[1]:.4f}"
    p.wait_for_function("b => new URLSearchParams(location.search).get('bij') === b", arg=bij)
    assert parse_qsl(urlsplit(p.url).query) == [("wijk", "WK015300"), ("bij", bij), ("nu", NU)]
    opgeslagen = p.evaluate("JSON.stringify([location.href, document.cookie, {...localStorage}, {...sessionStorage}, history.state])")
    assert "Markt" not in opgeslagen and "7511" not in opgeslagen
    # the point on the map
    kaart = p.locator(".wp-zoeken .wp-kaart__vlak")
    assert kaart.get_attribute("data-plek") == f"{punt[0]},{punt[1]}"
    assert p.locator(".wp-zoeken .wp-kaart__plek").count() == 1

    # the URL, opened elsewhere, gives the same list, wijk and marker without asking the geocoder
    elders: list[str] = []
    tab2, p2 = vinder(tabblad, adres, gegevens, elders, query=f"wijk=WK015300&bij={bij}", werkt=False)
    assert [r["ref"] for r in lees(p2)] == verwacht
    assert p2.input_value("#wp-filter-wijk") == "WK015300" and p2.input_value("#wp-zoek-adres") == ""
    p2.wait_for_function("t => document.querySelector('#wp-zoek-adres-blok .wp-dichtbij__plek').textContent === t", arg=plek_tekst(*punt))
    assert p2.locator(".wp-zoeken .wp-kaart__vlak").get_attribute("data-plek") == f"{punt[0]},{punt[1]}"
    assert elders == [] and tab2.fouten == []

    # "Adres wissen": the order by name again, the wijk the address chose goes too
    p.get_by_role("button", name="Adres wissen").click()
    p.wait_for_selector("#wp-zoeker:not([data-bij])")
    assert [r["ref"] for r in lees(p)] == basis and p.input_value("#wp-filter-wijk") == ""
    assert parse_qsl(urlsplit(p.url).query) == [("nu", NU)]
    assert kaart.get_attribute("data-plek") == "" and p.locator(".wp-zoeken .wp-kaart__plek").count() == 0
    assert tab.fouten == [] and all(b.startswith("https://service.pdok.nl/") for b in tab.buiten), tab.buiten


def test_the_address_sets_the_wijk_in_three_wijken_and_none_outside_enschede(tabblad, adres, gegevens):
    verzoeken: list[str] = []
    tab, p = vinder(tabblad, adres, gegevens, verzoeken, breedte=390)  # on a phone
    vz = gegevens["voorzieningen"]
    basis = [r["ref"] for r in lees(p)]
    for vraag, (nummer, wijk) in ADRESSEN.items():
        punt = kies(p, "#wp-zoek-adres", vraag, nummer)
        assert p.input_value("#wp-filter-wijk") == (wijk or ""), vraag
        tekst = p.text_content("#wp-zoek-adres-blok .wp-dichtbij__plek")
        assert tekst.startswith(plek_tekst(*punt)), (vraag, tekst)
        assert [r["ref"] for r in lees(p)] == verwachte_volgorde(basis, vz, punt, wijk), vraag
        assert p.evaluate("document.documentElement.scrollWidth") <= 390
    # Enter right after typing (the list of the address before is still there): the first new suggestion
    p.fill("#wp-zoek-adres", "Oude Markt 1")
    p.press("#wp-zoek-adres", "Enter")
    lat, lon = punt_van(suggesties("Oude Markt 1")[0]["id"])
    p.wait_for_selector(f'#wp-zoeker[data-bij="{lat:.4f},{lon:.4f}"]')
    assert p.input_value("#wp-filter-wijk") == "WK015300"
    assert tab.fouten == []


def test_open_nu_dichtbij_is_one_click(tabblad, adres, gegevens):
    verzoeken: list[str] = []
    tab, p = vinder(tabblad, adres, gegevens, verzoeken)
    knop = p.get_by_role("button", name="Open nu, dichtbij")
    knop.click()  # no address yet: the filter is on, the focus goes to the address field with a hint
    assert p.is_checked("#wp-filter-open")
    assert p.evaluate("document.activeElement.id") == "wp-zoek-adres"
    assert p.text_content("#wp-zoek-adres-blok .wp-dichtbij__plek").startswith("Typ uw adres of postcode")
    punt = kies(p, "#wp-zoek-adres", "Wesselerbrinklaan 2", 0, pijltjes=False)  # Enter: the first suggestion
    vz = gegevens["voorzieningen"]
    open_nu = sorted(OPEN_OM_TIEN, key=lambda u: dichtste(vz[u], punt)[0])
    assert [r["ref"] for r in lees(p)] == open_nu
    assert dict(parse_qsl(urlsplit(p.url).query))["open"] == "1"
    # with an address already chosen, the one click does both
    p.uncheck("#wp-filter-open")
    assert len(lees(p)) > 2
    knop.click()
    assert [r["ref"] for r in lees(p)] == open_nu
    assert tab.fouten == []


def test_without_the_geocoder_the_field_offers_the_wijken(tabblad, adres, gegevens):
    verzoeken: list[str] = []
    tab, p = vinder(tabblad, adres, gegevens, verzoeken, werkt=False)
    wijken = p.locator("#wp-zoek-adres-blok .wp-dichtbij__wijken")
    assert not wijken.is_visible()
    p.fill("#wp-zoek-adres", "Oude Markt 1")
    wijken.wait_for()
    assert p.text_content("#wp-zoek-adres-blok .wp-dichtbij__melding") == "Adressen zoeken lukt nu niet. Kies uw wijk:"
    links = wijken.get_by_role("link")
    assert sorted(links.all_text_contents()) == sorted(w.naam for w in GEBIEDEN.wijken.values())
    assert len(verzoeken) == 1
    wijken.get_by_role("link", name="Enschede-Noord").click()
    assert p.input_value("#wp-filter-wijk") == "WK015304"
    p.wait_for_function("() => new URLSearchParams(location.search).get('wijk') === 'WK015304'")
    vz = gegevens["voorzieningen"]
    assert all(vz[r["ref"]]["stedelijk"] or "WK015304" in vz[r["ref"]]["wijken"] for r in lees(p))
    assert tab.fouten == []

    # a geocoder that answers with an error: the same
    tab, p = vinder(tabblad, adres, gegevens, verzoeken)
    p.unroute(f"{PDOK}**")
    met_locatieserver(tab, verzoeken, status=503)
    p.fill("#wp-zoek-adres", "Oude Markt 1")
    p.locator("#wp-zoek-adres-blok .wp-dichtbij__wijken").wait_for()
    assert p.text_content("#wp-zoek-adres-blok .wp-dichtbij__melding") == "Adressen zoeken lukt nu niet. Kies uw wijk:"
    assert tab.fouten == []


def test_home_page_opens_the_finder_with_wijk_and_point(tabblad, adres):
    verzoeken: list[str] = []
    tab = tabblad()
    met_locatieserver(tab, verzoeken)
    p = tab.pagina
    p.goto(f"{adres}/")
    assert verzoeken == []
    punt = kies(p, "#wp-thuis-adres", "7523XG", 0)  # a postcode
    p.wait_for_url(re.compile(r"/zoeken/\?"))
    assert parse_qsl(urlsplit(p.url).query) == [("wijk", "WK015304"), ("bij", f"{punt[0]:.4f},{punt[1]:.4f}")]
    p.wait_for_selector(KLAAR)
    p.wait_for_function("t => document.querySelector('#wp-zoek-adres-blok .wp-dichtbij__plek').textContent === t", arg=plek_tekst(*punt))
    assert p.input_value("#wp-filter-wijk") == "WK015304"
    assert len(verzoeken) == 2 and tab.fouten == []

    # the home page without the geocoder: the message and the wijken, each opening the finder
    tab = tabblad()
    zonder_locatieserver(tab, verzoeken)
    p = tab.pagina
    p.goto(f"{adres}/")
    p.fill("#wp-thuis-adres", "Oude Markt 1")
    p.locator("#wp-thuis-adres-blok .wp-dichtbij__wijken").wait_for()
    link = p.locator("#wp-thuis-adres-blok .wp-dichtbij__wijken").get_by_role("link", name="Binnensingelgebied")
    assert link.get_attribute("href") == "zoeken/?wijk=WK015300"
    assert tab.fouten == []


def test_suggestions_are_text_never_html(tabblad, adres, gegevens):
    verzoeken: list[str] = []
    tab, p = vinder(tabblad, adres, gegevens, verzoeken)
    boos = '<img src=x onerror="window.geraakt=1">Straat 1, 7511AA Enschede'
    body = json.dumps({"response": {"numFound": 1, "start": 0, "maxScore": 1.0, "numFoundExact": True,
                                    "docs": [{"type": "adres", "weergavenaam": boos, "id": "adr-1", "score": 1.0}]},
                       "highlighting": {"adr-1": {"suggest": [f"<b>{boos}</b>"]}}})  # fmt: skip
    p.route(f"{PDOK}**", lambda r: r.fulfill(status=200, content_type="application/json", body=body))
    p.fill("#wp-zoek-adres", "Straat 1")
    optie = p.locator("#wp-zoek-adres-suggesties [role=option]")
    optie.wait_for()
    assert optie.text_content() == boos and optie.locator("img").count() == 0
    assert p.evaluate("window.geraakt") is None and tab.fouten == []


def test_browser_places_points_exactly_as_python_does(tabblad, adres, site: Path):
    """The boundaries file holds the project's boundaries, and the browser's point-in-polygon gives
    the same buurt, wijk and 'in Enschede' as gebieden.py on it, for a grid over the city and around it."""
    tekst = (site / "zoeken/gebieden.json").read_text(encoding="utf-8")
    assert tekst == dichtbij.gebieden_json(GEBIEDEN)
    g = gebieden_uit_json(tekst)
    vakken = [w.vlak.bbox for w in GEBIEDEN.wijken.values()]
    x0, y0 = min(b[0] for b in vakken), min(b[1] for b in vakken)
    x1, y1 = max(b[2] for b in vakken), max(b[3] for b in vakken)
    punten = [(y0 - 0.01 + (y1 - y0 + 0.02) * j / 29, x0 - 0.01 + (x1 - x0 + 0.02) * i / 29) for i in range(30) for j in range(30)]
    punten += [punt_van(suggesties(v)[n]["id"]) for v, (n, _) in ADRESSEN.items()]
    tab = tabblad()
    p = tab.pagina
    p.goto(f"{adres}/zoeken/")
    gekregen = p.evaluate(
        """punten => wijkportaalDichtbij.laadGebieden(new URL('gebieden.json', location.href).href).then(g =>
             punten.map(([lat, lon]) => { const x = g.plek({lat, lon});
               return [x.buurt && x.buurt.code, x.wijk && x.wijk.code, x.inEnschede]; }))""",
        punten,
    )
    verwacht = []
    for lat, lon in punten:
        buurt, wijk = g.buurt_bij(lat, lon), g.wijk_bij(lat, lon)
        verwacht.append([buurt and buurt.code, wijk and wijk.code, g.in_enschede(lat, lon)])
    assert gekregen == verwacht
    assert sum(1 for _, w, _ in verwacht if w) > 300 and sum(1 for _, w, _ in verwacht if not w) > 50  # both kinds tested
    assert tab.fouten == []


def test_outlines_for_the_browser_are_simplified_within_a_metre():
    """Precise boundaries (thousands of points) are thinned for the browser: no point of the original
    lies further than the tolerance (plus the rounding) from the thinned outline, and a coarse outline
    stays as it is."""
    import random

    from wijkportaal.gebieden import Vlak

    rnd = random.Random(16)
    schaal = math.cos(math.radians(52.22))
    ring = [(6.89 + 0.01 * math.cos(2 * math.pi * i / 4000) / schaal + rnd.uniform(-3e-6, 3e-6),
             52.22 + 0.01 * math.sin(2 * math.pi * i / 4000)) for i in range(4000)]  # fmt: skip
    ring.append(ring[0])

    def dunner(r):  # what the browser gets for one ring, as (lon, lat) points
        plat = dichtbij._vlak(Vlak([[r]]))[0][0]
        return list(zip(plat[::2], plat[1::2]))

    dun = dunner(ring)
    assert 20 < len(dun) < len(ring) / 4 and dun[0] == dun[-1]
    grens = dichtbij.TOLERANTIE + 10**-dichtbij.DECIMALEN

    def afwijking(origineel, dun):  # the furthest an original point lies from the thinned outline (degrees of latitude)
        def tot_lijn(p, a, b):
            (px, py), (ax, ay), (bx, by) = ((x * schaal, y) for x, y in (p, a, b))
            dx, dy = bx - ax, by - ay
            t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
            return math.hypot(px - ax - t * dx, py - ay - t * dy)

        return max(min(tot_lijn(p, a, b) for a, b in zip(dun, dun[1:])) for p in origineel)

    assert afwijking(ring, dun) <= grens
    # the project's coarse outlines keep (nearly) every point
    ringen = [r for g in [*GEBIEDEN.wijken.values(), *GEBIEDEN.buurten.values()] for poly in g.vlak.polygonen for r in poly]
    dunne = [dunner(r) for r in ringen]
    assert all(afwijking(r, d) <= grens for r, d in zip(ringen, dunne))
    assert sum(map(len, dunne)) >= 0.95 * sum(map(len, ringen))


def test_pages_without_script_offer_the_wijken_and_no_field_sends_an_address(site: Path):
    for url, id_ in (("zoeken/", "wp-zoek-adres"), ("", "wp-thuis-adres")):
        html = pagina(site, url)
        blok = re.search(rf'<div class="wp-dichtbij" id="{id_}-blok"[^>]*>', html).group(0)
        assert " hidden" in blok and f'data-geocoder="{dichtbij.PDOK_LOCATIESERVER}"' in blok
        veld = re.search(rf'<input[^>]*id="{id_}"[^>]*>', html).group(0)
        assert " name=" not in veld and 'autocomplete="off"' in veld  # never part of a form's URL
        zonder = re.findall(r"<noscript>(.*?)</noscript>", html, re.S)
        links = re.findall(r'<a href="([^"]+)" data-wijk="(WK\d+)">', "".join(zonder))
        assert sorted(c for _, c in links) == sorted(GEBIEDEN.wijken)
        assert all("wijken/" in h for h, _ in links)  # the wijk pages: they work without script
    assert '<script src="./assets/wijkportaal/dichtbij.js"></script>' in pagina(site, "")


def test_without_a_geocoder_there_is_no_address_field(proef: Path):
    # conftest.proef builds its intern site with 'geocoder: ""'
    for url in ("zoeken/", ""):
        html = pagina(proef / "site", url)
        assert "wp-zoek-adres\"" not in html and 'id="wp-thuis-adres"' not in html and "api.pdok.nl" not in html
    assert 'data-geocoder=""' in pagina(proef / "site", "zoeken/")  # a bij= URL still sorts by distance
    privacy = pagina(proef / "site", "privacy/")
    assert "Deze site heeft geen zoeken op adres." in privacy
    publiek = pagina(proef / "site-publiek", "privacy/")
    assert "<strong>api.pdok.nl</strong>" in publiek and "Uw adres gaat niet naar deze site" in publiek


def test_geocoder_option_is_checked():
    assert dichtbij.controleer_geocoder("") is None
    assert dichtbij.controleer_geocoder(dichtbij.PDOK_LOCATIESERVER) is None
    for fout in ("http://api.pdok.nl/x/", "https://api.pdok.nl/x", "https://api.pdok.nl/x/?a=1", "api.pdok.nl/"):
        assert "'geocoder' moet een https-adres zijn" in dichtbij.controleer_geocoder(fout), fout


def test_voorziening_page_has_a_route_an_address_to_copy_and_how_to_get_there(project_kopie: Path, tabblad, adres, site: Path):
    bestand = project_kopie / "data/voorzieningen/familiehuis-boswinkel.yml"
    locaties = yaml.safe_load(bestand.read_text(encoding="utf-8"))["locaties"]
    assert locaties[0]["coordinaten_bij_benadering"]  # as in the sample data: the middle of the buurt
    catalogus, _ = laad_catalogus(project_kopie / "data", vandaag=dt.date.fromisoformat(VANDAAG))
    html = Paginamaker(catalogus).recordpagina(catalogus.records["voorzieningen"]["familiehuis-boswinkel"]).html
    assert "Locatie bij benadering" in html and 'class="wp-route"' not in html  # no route to a guessed point
    assert "data-kopieer" not in html  # no street address: nothing to copy
    locaties[0].update(adres="Proefstraat 1", postcode="1234 AB", plaats="Enschede", bereikbaarheid="Proefbus 99, halte Proefhalte.",
                       coordinaten_bij_benadering=False)  # fmt: skip
    wijzig(bestand, locaties=locaties)
    catalogus, problemen = laad_catalogus(project_kopie / "data", vandaag=dt.date.fromisoformat(VANDAAG))
    assert not problemen.fouten, [str(f) for f in problemen.fouten]
    v = catalogus.records["voorzieningen"]["familiehuis-boswinkel"]
    html = Paginamaker(catalogus).recordpagina(v).html
    assert '<p class="wp-bereikbaarheid">Zo komt u er: Proefbus 99, halte Proefhalte.</p>' in html
    route = _html.escape(dichtbij.routelink(v.locaties[0].coordinaten), quote=True)
    assert route == "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&amp;route=%3B52.2067%2C6.8762"
    assert f'<a href="{route}" rel="noopener noreferrer" referrerpolicy="no-referrer">Route</a> (OpenStreetMap)' in html
    assert '<p class="wp-adres" data-kopieer>Proefstraat 1<br>1234 AB Enschede</p>' in html
    assert "Adres kopiëren" not in html  # the script makes that button: without script there is nothing to click
    # in the browser: the built page with this article; the button copies the address as one line
    gebouwd = pagina(site, "voorzieningen/familiehuis-boswinkel/")
    begin, einde = gebouwd.index(">", gebouwd.index("<article")) + 1, gebouwd.index("</article>")
    met_adres = gebouwd[:begin] + html + gebouwd[einde:]
    tab = tabblad()
    p = tab.pagina
    p.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=adres)
    p.route("**/voorzieningen/familiehuis-boswinkel/", lambda r: r.fulfill(status=200, content_type="text/html", body=met_adres))
    p.goto(f"{adres}/voorzieningen/familiehuis-boswinkel/")
    p.get_by_role("button", name="Adres kopiëren").click()
    p.wait_for_function("() => document.querySelector('.wp-kopieer__melding').textContent === 'Het adres is gekopieerd.'")
    assert p.evaluate("navigator.clipboard.readText()") == "Proefstraat 1, 1234 AB Enschede"
    assert tab.fouten == []
    locations = json.loads(hsds.bestanden(catalogus, "")[f"{adressen.HSDS}{hsds.LOCATIONS}"])
    assert [l.get("transportation") for l in locations if l["name"] == v.locaties[0].naam] == ["Proefbus 99, halte Proefhalte."]
    data = json.loads(zoekindex.bestanden(catalogus)[zoekindex.GEGEVENSBESTAND])
    assert data["voorzieningen"]["voorzieningen/familiehuis-boswinkel/"]["locaties"][0]["bereikbaarheid"] == "Proefbus 99, halte Proefhalte."
    # the schema's example is made up: copying it is a warning
    locaties[0]["bereikbaarheid"] = voorziening.LOCATIE["properties"]["bereikbaarheid"]["examples"][0]
    wijzig(bestand, locaties=locaties)
    _, problemen = laad_catalogus(project_kopie / "data", vandaag=dt.date.fromisoformat(VANDAAG))
    assert any("bereikbaarheid" in str(w) and "verzonnen voorbeeld" in str(w) for w in problemen.waarschuwingen)
