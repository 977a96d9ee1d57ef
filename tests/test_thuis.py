"""The home pages (three ways in, "Liever met iemand praten?", the kennisportaal for staff)
and the glossary ("Wat betekent dit?", /woordenlijst/), on the shared builds and in-process."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import PROJECT, VANDAAG, inhoud, mkdocs, pagina, serveer, wijzig
from wijkportaal.catalogus import laad_catalogus
from wijkportaal.gebieden import _slug
from wijkportaal.paginas import Paginamaker
from wijkportaal.paginas.thuis import controleer_iconen
from wijkportaal.problemen import Problemen

DATA = PROJECT / "data"
TAXONOMIE = yaml.safe_load((DATA / "taxonomie.yml").read_text(encoding="utf-8"))
WOORDEN = yaml.safe_load((DATA / "woordenlijst.yml").read_text(encoding="utf-8"))["woorden"]
WIJKEN = {
    f["properties"]["statcode"]: re.sub(r"^Wijk \d+ ", "", f["properties"]["statnaam"])
    for f in json.loads((DATA / "gebieden/wijken.geojson").read_text(encoding="utf-8"))["features"]
}


@pytest.fixture(scope="module", params=["intern", "publiek"])
def thuis(request, tmp_path_factory) -> tuple[str, Path, str]:
    """(edition, site, the home page's article)."""
    if request.param == "intern":
        site = request.getfixturevalue("site")
    else:
        site = request.getfixturevalue("proef") / "site-publiek"
    return request.param, site, inhoud(pagina(site, ""))


@pytest.fixture(scope="module")
def publiek(proef: Path) -> Path:
    return proef / "site-publiek"


class Elementen(HTMLParser):
    """Every element with its attributes and its text (nested text counts for each ancestor)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.alle: list[dict] = []
        self._open: list[dict] = []

    def handle_starttag(self, tag, attrs):
        e = {"tag": tag, **{k: v or "" for k, v in attrs}, "_tekst": "", "_in": [o["tag"] + "." + o.get("class", "") for o in self._open]}
        self.alle.append(e)
        if tag not in {"input", "br", "img", "meta", "link", "path", "circle"}:
            self._open.append(e)

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i]["tag"] == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        for e in self._open:
            e["_tekst"] += data


def elementen(html: str, tag: str | None = None, **attrs) -> list[dict]:
    p = Elementen()
    p.feed(html)
    return [
        e for e in p.alle
        if (tag is None or e["tag"] == tag) and all(v in e.get(k.rstrip("_"), "").split() for k, v in attrs.items())
    ]  # fmt: skip


def sectie(html: str, anker: str) -> str:
    """The <section> headed by the h2 with id ``anker``."""
    m = re.search(rf'<section[^>]*aria-labelledby="{anker}"[^>]*>.*?</section>', html, re.S)
    assert m, f"geen sectie {anker}"
    return m.group(0)


def tekst(s: str) -> str:
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", s)).split())


def bestaat(site: Path, van: str, href: str) -> bool:
    doel = urlsplit(urljoin(f"http://x/{van}", href)).path.lstrip("/")
    return (site / doel / "index.html").is_file()


# -- three ways in, on both homes ------------------------------------------------------------


def test_every_wijk_is_a_link_on_the_drawing_and_in_the_list(thuis):
    _, site, html = thuis
    blok = sectie(html, "wijken")
    for naam, kandidaat in (("tekening", "wp-wijkenkaart__wijk"), ("lijst", None)):
        if kandidaat:
            links = elementen(blok, "a", class_=kandidaat)
        else:
            links = [e for e in elementen(blok, "a") if any(i.startswith("ol.wp-wijkkeuze__lijst") for i in e["_in"])]
        gevonden = {}
        for a in links:
            assert bestaat(site, "", a["href"]), (naam, a["href"])
            gevonden[a["href"]] = re.sub(r"^\d+ ", "", a["aria-label"]) if kandidaat else a["_tekst"].strip()
        verwacht = {f"wijken/{_slug(n)}/": n for n in WIJKEN.values()}
        assert gevonden == verwacht, naam
    # the drawing: one outline per wijk (path data), a number that matches the list
    tekening = elementen(blok, "svg", class_="wp-wijkenkaart")[0]
    assert tekening.get("aria-label")
    nummers = {a["data-wijk"]: a["_tekst"].strip() for a in elementen(blok, "a", class_="wp-wijkenkaart__wijk")}
    assert all(a["aria-label"].startswith(a["_tekst"].strip() + " ") for a in elementen(blok, "a", class_="wp-wijkenkaart__wijk"))
    lijst = {li["data-wijk"]: li["value"] for li in elementen(blok, "li") if "data-wijk" in li}
    assert nummers == lijst and sorted(map(int, lijst.values())) == list(range(1, len(WIJKEN) + 1))
    assert blok.count("<path d=\"M") == len(WIJKEN)


def test_the_seven_themes_link_to_their_pages_with_an_icon(thuis):
    _, site, html = thuis
    blok = sectie(html, "onderwerpen")
    tegels = elementen(blok, "a", class_="wp-tegel__link")
    assert [a["_tekst"].strip() for a in tegels] == [t["label"] for t in TAXONOMIE["themas"].values()]
    assert len(tegels) == 7
    for a, (id_, thema) in zip(tegels, TAXONOMIE["themas"].items()):
        assert a["href"] == f"themas/{id_}/" and bestaat(site, "", a["href"])
        assert thema["icoon"].startswith("material/")
    iconen = elementen(blok, "svg", class_="wp-icoon")
    assert len(iconen) == 7 and all(i["aria-hidden"] == "true" and i["focusable"] == "false" for i in iconen)
    assert len(set(re.findall(r'<path d="([^"]+)"', blok))) == 7


def test_search_form_opens_the_finder_with_q(thuis):
    _, site, html = thuis
    form = elementen(html, "form", class_="wp-thuis-zoek")
    assert len(form) == 1
    assert form[0]["method"] == "get" and form[0]["role"] == "search" and bestaat(site, "", form[0]["action"])
    assert form[0]["action"] == "zoeken/"
    invoer = elementen(html, "input", id="wp-thuis-q")
    assert invoer and invoer[0]["name"] == "q"
    assert elementen(html, "label", **{"for": "wp-thuis-q"})[0]["_tekst"].strip()
    assert elementen(html, "button", class_="wp-thuis-zoek__knop")[0]["type"] == "submit"


# -- "Liever met iemand praten?" -------------------------------------------------------------


def _contact_in_data() -> dict[str, set[str]]:
    waarden: dict[str, set[str]] = {"telefoon": set(), "website": set()}
    for pad in DATA.glob("*/*.yml"):
        contact = (yaml.safe_load(pad.read_text(encoding="utf-8")) or {}).get("contact") or {}
        for sleutel in waarden:
            if contact.get(sleutel):
                waarden[sleutel].add(str(contact[sleutel]))
    return waarden


def test_talk_block_shows_only_contact_details_from_the_data(thuis):
    _, site, html = thuis
    blok = sectie(html, "praten")
    data = _contact_in_data()
    organisatie = yaml.safe_load((DATA / "organisaties/wijkteams-enschede.yml").read_text(encoding="utf-8"))
    frontoffice = yaml.safe_load((DATA / "voorzieningen/frontoffice-wijkteams-enschede.yml").read_text(encoding="utf-8"))
    assert not organisatie["contact"].get("telefoon") and not (frontoffice.get("contact") or {}).get("telefoon")
    # no number in the data: no tel: link and nothing that looks like a phone number
    assert "tel:" not in blok
    assert not re.search(r"\d{3}[\s-]?\d{3,}", tekst(blok))
    assert "telefoonnummer staat op de" in tekst(blok)
    buiten = [a["href"] for a in elementen(blok, "a") if a["href"].startswith("http")]
    assert buiten == [organisatie["contact"]["website"]] and set(buiten) <= data["website"]
    binnen = {a["href"] for a in elementen(blok, "a") if not a["href"].startswith(("http", "#"))}
    assert binnen == {"voorzieningen/frontoffice-wijkteams-enschede/", "voorzieningen/wijkwijzers/"}
    assert all(bestaat(site, "", h) for h in binnen)
    assert "WijkWijzer" in tekst(blok) and "geen verwijzing nodig" in tekst(blok)  # wijkwijzers: toegang vrij


def test_talk_block_shows_a_phone_number_when_the_data_has_one(tmp_path: Path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    nummer = "053 000 0000"  # never on the site: only in this copy
    wijzig(data / "organisaties/wijkteams-enschede.yml", **{"contact.telefoon": nummer})
    catalogus, problemen = laad_catalogus(data, vandaag=dt.date.fromisoformat(VANDAAG), editie="publiek")
    assert not problemen.fouten
    blok = Paginamaker(catalogus).blok("praten", "")
    assert [a["href"] for a in elementen(blok, "a") if a["href"].startswith("tel:")] == ["tel:0530000000"]
    assert nummer in tekst(blok) and "telefoonnummer staat op de" not in tekst(blok)
    # the WijkWijzers and the frontoffice not in the edition: no route to them, the number stays
    for id_ in ("wijkwijzers", "frontoffice-wijkteams-enschede"):
        wijzig(data / f"voorzieningen/{id_}.yml", zichtbaarheid="intern")
    catalogus, problemen = laad_catalogus(data, vandaag=dt.date.fromisoformat(VANDAAG), editie="publiek")
    assert not problemen.fouten, [str(p) for p in problemen.fouten]
    blok = Paginamaker(catalogus).blok("praten", "")
    assert "WijkWijzer" not in blok and "voorzieningen/" not in blok and "tel:0530000000" in blok


# -- the two editions --------------------------------------------------------------------------


def test_intern_home_has_the_kennisportaal_and_the_recent_block(site: Path):
    html = inhoud(pagina(site, ""))
    blok = sectie(html, "kennisportaal")
    hrefs = [a["href"] for a in elementen(blok, "a", class_="wp-tegel__link")]
    for naar in ("methodieken/", "werkinstructies/", "onderhoud/", "vragen/", "wie-is-wie/", "ontwikkelingen/", "wijkanalyse/"):
        assert naar in hrefs and bestaat(site, "", naar), naar
    assert "#recent-gewijzigd" in hrefs
    assert 'id="recent-gewijzigd"' in html and "<!-- wijkportaal:" not in html
    aantal = len(list((DATA / "methodieken").glob("*.yml")))
    assert f"{aantal} werkwijzen" in tekst(blok)
    # the order of a staff member's day: search, kennisportaal, thema's, wijken, talk, recent
    volgorde = [html.index(s) for s in ('class="wp-thuis-zoek"', 'id="kennisportaal"', 'id="onderwerpen"', 'id="wijken"', 'id="praten"', 'id="recent-gewijzigd"')]
    assert volgorde == sorted(volgorde)


def test_publiek_home_is_for_residents(publiek: Path):
    html = inhoud(pagina(publiek, ""))
    assert 'id="kennisportaal"' not in html and "onderhoud/" not in html and "methodieken/" not in html
    assert "Waar zoekt u hulp bij?" in html
    assert re.search(r'<a href="#praten">', html)  # near the top: the way to a person
    assert html.index('href="#praten"') < html.index('class="wp-thuis-zoek"')


# -- the glossary ------------------------------------------------------------------------------


def _uitleg(woord: str) -> str:
    return " ".join(WOORDEN[woord]["uitleg"].split())


def test_toegang_label_is_explained_next_to_it_on_a_publiek_voorziening_page(proef: Path, publiek: Path):
    voorzieningen = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (proef / "data/voorzieningen").glob("*.yml")}
    for toegang, label in (("verwijzing", "Verwijzing nodig"), ("vrij", "Zonder verwijzing")):
        id_ = next(
            i for i, v in sorted(voorzieningen.items())
            if v["toegang"] == toegang and v.get("zichtbaarheid", "publiek") == "publiek"
            and not (v.get("status") or v.get("geldig_tot") or v.get("onbevestigd"))
        )  # fmt: skip
        html = inhoud(pagina(publiek, f"voorzieningen/{id_}/"))
        m = re.search(r'<ul class="wp-kenmerken".*?</ul>\s*(<details class="wp-uitleg[^"]*">.*?</details>)', html, re.S)
        assert m, id_
        assert label in html
        uitleg = m.group(1)
        assert "<summary>Wat betekent dit?</summary>" in uitleg
        woorden = {d["data-woord"]: d["_tekst"].strip() for d in elementen(uitleg, "dt")}
        assert woorden["verwijzing"] == "Verwijzing"
        dd = re.search(r'<dt data-woord="verwijzing">.*?<dd>(.*?)</dd>', uitleg, re.S).group(1)
        assert tekst(dd).startswith(_uitleg("verwijzing"))
        alle = [a["href"] for a in elementen(uitleg, "a")]
        assert all(bestaat(publiek, f"voorzieningen/{id_}/", h) for h in alle) and "../../woordenlijst/" in alle
        # staff know the words: the intern edition has no block
        assert "wp-uitleg" not in pagina(proef / "site", f"voorzieningen/{id_}/")


def test_words_in_an_answer_are_explained_but_not_the_one_the_page_is_about(publiek: Path):
    html = inhoud(pagina(publiek, "vragen/wat-is-een-indicatie/"))
    uitleg = re.search(r'<details class="wp-uitleg[^"]*">.*?</details>', html, re.S).group(0)
    woorden = [d["data-woord"] for d in elementen(uitleg, "dt")]
    assert "beschikking" in woorden and "indicatie" not in woorden and "ondersteuningsplan" not in woorden
    assert "../ik-ben-het-niet-eens-met-een-besluit/" in uitleg  # 'Lees meer' of beschikking


def test_lists_with_labels_explain_them_once(publiek: Path):
    for url in ("voorzieningen/", "themas/wonen/", "wijken/enschede-zuid/"):
        html = inhoud(pagina(publiek, url))
        assert html.count('<details class="wp-uitleg') == 1, url
        assert "<summary>Wat betekenen de labels?</summary>" in html and 'data-woord="verwijzing"' in html, url


def test_glossary_page_lists_every_word_with_working_links(publiek: Path, site: Path):
    for s in (publiek, site):
        html = inhoud(pagina(s, "woordenlijst/"))
        termen = elementen(html, "dt")
        assert {t["id"] for t in termen} == set(WOORDEN)
        assert [t["_tekst"].strip().casefold() for t in termen] == sorted(w["woord"].casefold() for w in WOORDEN.values())
        for a in elementen(html, "a"):
            assert bestaat(s, "woordenlijst/", a["href"]), a["href"]
        assert tekst(html).count("Lees meer") == sum(1 for w in WOORDEN.values() if w.get("meer"))


def test_glossary_and_icon_mistakes_are_reported_with_their_place(tmp_path: Path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    with (data / "woordenlijst.yml").open("a", encoding="utf-8") as f:
        f.write("  dubbel:\n    woord: Indicaties\n    uitleg: Nog eens.\n    meer: vragen/wat-is-een-indicatei\n")
    regels = (data / "woordenlijst.yml").read_text(encoding="utf-8").splitlines()
    catalogus, problemen = laad_catalogus(data, vandaag=dt.date.fromisoformat(VANDAAG), basis=tmp_path)
    meldingen = [str(p) for p in problemen.fouten]
    assert f"data/woordenlijst.yml:{len(regels) - 2}:12: fout: het woord 'Indicaties' staat al bij 'indicatie'; een woord kan maar één uitleg hebben" in meldingen
    assert any(m.startswith(f"data/woordenlijst.yml:{len(regels)}:11: fout: onbekende verwijzing 'vragen/wat-is-een-indicatei'") and "bedoelt u 'vragen/wat-is-een-indicatie'?" in m for m in meldingen), meldingen
    iconen = Problemen(basis=tmp_path)
    controleer_iconen(catalogus, lambda naam: naam != "material/home", iconen)
    regel = next(i for i, r in enumerate((data / "taxonomie.yml").read_text(encoding="utf-8").splitlines(), 1) if r.strip() == "icoon: material/home")
    assert [str(p) for p in iconen] == [
        f"data/taxonomie.yml:{regel}:12: waarschuwing: onbekend icoon 'material/home': de site heeft geen icoon met die naam; "
        "kies er een uit https://pictogrammers.com/library/mdi/ en schrijf material/<naam>"
    ]


def test_strict_build_fails_on_an_unknown_icon_or_block(klein_project: Path):
    index = klein_project / "docs/index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n<!-- wijkportaal:bestaat-niet -->\n", encoding="utf-8")
    taxonomie = klein_project / "data/taxonomie.yml"
    taxonomie.write_text(taxonomie.read_text(encoding="utf-8").replace("icoon: material/wallet", "icoon: material/bestaat-niet"), encoding="utf-8")
    uit = mkdocs("build", "--strict", cwd=klein_project)
    assert uit.code != 0
    assert re.search(r"WARNING +- +data/taxonomie\.yml:\d+:12: waarschuwing: onbekend icoon 'material/bestaat-niet'", uit.uitvoer), uit.uitvoer
    assert "docs/index.md: onbekend blok '<!-- wijkportaal:bestaat-niet -->'; kies uit zoekvak, onderwerpen," in uit.uitvoer


# -- in the browser: the drawing works with the keyboard ---------------------------------------


def test_a_wijk_on_the_drawing_is_reached_with_tab_and_opened_with_enter(publiek: Path, tabblad):
    with serveer(publiek) as adres:
        tab = tabblad(390, 844)
        p = tab.pagina
        p.goto(adres + "/")
        p.locator(".wp-tegels--onderwerpen a").last.focus()  # the last thema tile; the drawing comes next
        p.keyboard.press("Tab")
        actief = p.evaluate("[document.activeElement.getAttribute('aria-label'), document.activeElement.getAttribute('href')]")
        eerste = p.locator("a.wp-wijkenkaart__wijk").first
        assert actief == [eerste.get_attribute("aria-label"), eerste.get_attribute("href")]
        lijn = p.evaluate("getComputedStyle(document.activeElement.querySelector('path')).strokeWidth")
        assert float(lijn.rstrip("px")) > 4  # the focused wijk is drawn with a wider outline
        assert not tab.fouten and not tab.buiten  # the home page asks nothing of other hosts
        with p.expect_navigation(wait_until="commit"):  # the wijk page opens (its map need not load)
            p.keyboard.press("Enter")
        assert p.url == adres + "/" + actief[1]
