"""Maps: the right places at the right coordinates, no outside hosts, usable in a browser."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT, inhoud, pagina
from wijkportaal.catalogus import laad_catalogus
from wijkportaal.paginas import Paginamaker

CATALOGUS, _ = laad_catalogus(PROJECT / "data")


def kaartdata(html: str, naam: str) -> list[list]:
    m = re.search(rf'<script type="application/json" id="kaartdata-{naam}">(.*?)</script>', html, re.S)
    assert m, f"geen kaartdata '{naam}'"
    return json.loads(m.group(1))


def wijk_urls(site: Path) -> dict[str, str]:
    html = inhoud(pagina(site, "wijken/"))
    return {c: "wijken/" + h for c, h in re.findall(r'data-wijk="(WK\d+)"><a href="([^"]+)"', html)}


@pytest.mark.parametrize("wijk", sorted(CATALOGUS.gebieden.wijken))
def test_wijk_map_holds_exactly_its_places(site: Path, wijk: str):
    url = wijk_urls(site)[wijk]
    html = pagina(site, url)
    rijen = kaartdata(html, "wijk")
    gekregen = sorted((r[4].rstrip("/").split("/")[-1], r[0], r[1]) for r in rijen)
    verwacht = sorted(
        (v.id, round(l.coordinaten[0], 5), round(l.coordinaten[1], 5))
        for v in CATALOGUS.voorzieningen for l in v.locaties if l.coordinaten and l.wijkcode == wijk
    )  # fmt: skip
    assert gekregen == verwacht
    # the coordinates are those written in the YAML files
    for id_, lat, lon in gekregen:
        data = yaml.safe_load((PROJECT / f"data/voorzieningen/{id_}.yml").read_text(encoding="utf-8"))
        assert [lat, lon] in [[round(x, 5) for x in l["coordinaten"]] for l in data["locaties"]]
    # the same places as text
    lijst = inhoud(html).split('id="plaatsen"', 1)[1]
    assert len(re.findall(r'<li data-ref="voorzieningen/', lijst.split("</ul>", 1)[0])) == len(rijen)


def test_overview_map_has_every_located_voorziening(site: Path):
    rijen = kaartdata(pagina(site, "kaart/"), "overzicht")
    verwacht = sum(1 for v in CATALOGUS.voorzieningen for l in v.locaties if l.coordinaten)
    assert len(rijen) == verwacht > 0


def test_voorziening_page_shows_buurt_and_wijk(site: Path):
    html = inhoud(pagina(site, "voorzieningen/hulp-om-de-hoek/"))
    assert "Buurt: Boswinkel-De Braker, wijk:" in html
    assert "Locatie bij benadering" in html
    assert len(kaartdata(html, "voorziening")) == 1


class Bronnen(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.adressen: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video") and a.get("src"):
            self.adressen.append(a["src"])
        if tag == "link" and a.get("href") and (a.get("rel") or "") != "canonical":
            self.adressen.append(a["href"])


def test_no_page_loads_anything_from_another_host(site: Path):
    for pad in site.rglob("*.html"):
        parser = Bronnen()
        parser.feed(pad.read_text(encoding="utf-8"))
        buiten = [a for a in parser.adressen if re.match(r"^(https?:)?//", a)]
        assert buiten == [], f"{pad.relative_to(site)} laadt {buiten}"
    for css in site.rglob("*.css"):
        assert not re.search(r"url\((['\"]?)(https?:)?//", css.read_text(encoding="utf-8")), css


def test_tiles_are_configurable_and_can_be_switched_off(proef: Path):
    # the session's test project builds its intern site with 'kaart_tegels: ""' (conftest.proef)
    assert "kaart_tegels: ''" in (proef / "mkdocs.zonder-tegels.yml").read_text(encoding="utf-8")
    html = pagina(proef / "site", "kaart/")
    assert "service.pdok.nl" not in html and "L.tileLayer" not in html
    assert "CBS / Kadaster" in html


def test_default_tiles_are_pdok_with_attribution(site: Path):
    html = pagina(site, "kaart/")
    assert "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png" in html
    assert "Kaartgegevens &copy; Kadaster" in html or "Kaartgegevens \\u0026copy; Kadaster" in html


# -- validation ---------------------------------------------------------------------------


def voeg_locatie_toe(project: Path, id_: str, locatie: dict, **velden) -> None:
    pad = project / f"data/voorzieningen/{id_}.yml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data.setdefault("locaties", []).append(locatie)
    data.update(velden)
    pad.write_text("# yaml-language-server: $schema=../../schema/voorziening.json\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def controleer(project: Path) -> list[str]:
    """The problems of a project's data, as the command line prints them (in-process)."""
    _, problemen = laad_catalogus(project / "data", basis=project)
    return [str(p) for p in problemen]


def test_location_without_coordinates_is_a_warning_and_listed_not_drawn(project_kopie: Path):
    # (that a strict build then fails and publishes nothing: test_atomisch)
    voeg_locatie_toe(project_kopie, "meubeldepot", {"naam": "Depot zonder plek", "plaats": "Enschede"})
    catalogus, problemen = laad_catalogus(project_kopie / "data", basis=project_kopie)
    assert not problemen.fouten
    (melding,) = [str(p) for p in problemen.waarschuwingen]
    assert re.match(r"data/voorzieningen/meubeldepot\.yml:\d+:\d+: waarschuwing: locatie zonder 'coordinaten' staat niet op de kaart", melding)
    html = Paginamaker(catalogus).recordpagina(catalogus.records["voorzieningen"]["meubeldepot"]).html
    assert "Depot zonder plek" in html
    assert "kaartdata-voorziening" not in html


def test_location_outside_gebied_is_a_warning(project_kopie: Path):
    # Glanerbrug lies in WK015308; the voorziening says it serves only WK015302
    voeg_locatie_toe(project_kopie, "familiehuis-boswinkel", {"naam": "Elders", "coordinaten": [52.2135, 6.9700]})
    meldingen = controleer(project_kopie)
    assert len(meldingen) == 1 and ": waarschuwing: " in meldingen[0], meldingen
    assert "die niet onder 'gebied' valt" in meldingen[0]


def test_stedelijk_may_lie_in_twente_but_not_a_wijk_service(project_kopie: Path):
    hengelo = {"naam": "Hengelo", "coordinaten": [52.2658, 6.7931]}
    voeg_locatie_toe(project_kopie, "meubeldepot", hengelo)  # stedelijk
    assert controleer(project_kopie) == []
    voeg_locatie_toe(project_kopie, "familiehuis-boswinkel", hengelo)
    meldingen = controleer(project_kopie)
    assert any("fout: " in m and "liggen buiten Enschede (alleen een stedelijke voorziening mag elders in Twente liggen)" in m for m in meldingen)


# -- in the browser -------------------------------------------------------------------------

def offline_pagina(tabblad):
    tab = tabblad()
    return tab.pagina, tab.buiten, tab.fouten


@pytest.mark.parametrize("url,grenzen", [("kaart/", True), ("wijken/boswinkel-stadsveld/", True), ("voorzieningen/hulp-om-de-hoek/", False)])
def test_map_draws_without_any_outside_request(tabblad, adres, url, grenzen):
    p, geblokkeerd, fouten = offline_pagina(tabblad)
    p.goto(f"{adres}/{url}")
    p.wait_for_selector(".wp-kaart__vlak[data-markers]")
    assert fouten == []
    assert int(p.locator(".wp-kaart__vlak").first.get_attribute("data-markers")) > 0
    assert p.locator(".leaflet-marker-icon").count() > 0
    if grenzen:
        assert p.locator("path.leaflet-interactive").count() > 0
    assert all(u.startswith("https://service.pdok.nl/") for u in geblokkeerd), geblokkeerd


def test_marker_popup_has_a_working_link(tabblad, adres):
    p, _, _ = offline_pagina(tabblad)
    p.goto(f"{adres}/wijken/boswinkel-stadsveld/")
    p.wait_for_selector(".wp-kaart__vlak[data-markers]")
    marker = p.locator(".leaflet-marker-icon:not(.marker-cluster)").first
    assert marker.get_attribute("title")
    marker.dispatch_event("click")  # the marker may sit under the sticky header or a cluster
    link = p.locator(".leaflet-popup-content a")
    link.wait_for()
    assert p.locator(".leaflet-popup-content .wp-toegang").count() == 1
    titel = marker.get_attribute("title")
    link.dispatch_event("click")
    p.wait_for_url(re.compile(r".*/voorzieningen/[a-z0-9-]+/$"))
    assert p.locator("article h1").inner_text() == titel


def test_keyboard_is_not_trapped_in_the_map(tabblad, adres):
    p, _, _ = offline_pagina(tabblad)
    p.goto(f"{adres}/wijken/boswinkel-stadsveld/")
    p.wait_for_selector(".wp-kaart__vlak[data-markers]")
    p.locator(".wp-kaart__overslaan").focus()
    buiten_kaart = False
    for _ in range(60):
        p.keyboard.press("Tab")
        if p.evaluate("!document.activeElement.closest('.wp-kaart')"):
            buiten_kaart = True
            break
    assert buiten_kaart, "Tab blijft in de kaart hangen"
