"""/over/, /toegankelijkheid/ and /privacy/ in both editions, checked against the built site,
the data and the configuration; the footer links; the print styles in Chromium (#13).

Only the session builds: ``site`` (intern, default map tiles, no repository) and ``proef``
(intern without map tiles but with a repository, and publiek with both)."""

from __future__ import annotations

import html as _html
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from conftest import PROJECT, REPOSITORY, inhoud, pagina
from wijkportaal.gebieden import laad_gebieden
from wijkportaal.kaart import PDOK_ATTRIBUTIE, PDOK_BRT
from wijkportaal.problemen import Problemen

PAGINAS = ("over/", "toegankelijkheid/", "privacy/")
MAANDEN = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"


def tekst(site: Path, url: str) -> str:
    """The article of a built page as plain text, whitespace collapsed."""
    zonder_inline = re.sub(r"</?(?:a|em|strong|code|span)\b[^>]*>", "", inhoud(pagina(site, url)))
    return " ".join(_html.unescape(re.sub(r"<[^>]+>", " ", zonder_inline)).split())


def kop(html: str) -> str:
    """The page's h1 as text (hand-written pages carry a permalink in it)."""
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    return _html.unescape(re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", h1)).strip()


def config(naam: str = "mkdocs.yml") -> dict:
    return yaml_load((PROJECT / naam).read_text(encoding="utf-8"))


def plugin_optie(naam: str, standaard):
    (opties,) = [p["wijkportaal"] for p in config()["plugins"] if isinstance(p, dict) and "wijkportaal" in p]
    return opties.get(naam, standaard)


def edities(site: Path, proef: Path) -> dict[str, Path]:
    return {"intern": site, "publiek": proef / "site-publiek"}


def test_pages_exist_in_both_editions_each_in_its_own_words(site: Path, proef: Path):
    for editie, map_ in edities(site, proef).items():
        for url in PAGINAS:
            assert kop(pagina(map_, url)), (editie, url)
        assert kop(pagina(map_, "toegankelijkheid/")) == "Toegankelijkheid"
        assert kop(pagina(map_, "privacy/")) == "Privacy"
    # the publiek edition has its own (plain language) versions, without the notes for staff
    intern, publiek = (tekst(m, "toegankelijkheid/") for m in edities(site, proef).values())
    assert "Voor beheerders" in intern and "Voor beheerders" not in publiek
    assert "Wat kunt u doen?" in publiek
    assert "Wie is wie" in tekst(site, "privacy/") and "Wie is wie" not in tekst(proef / "site-publiek", "privacy/")


def test_over_gives_the_attribution_of_the_boundaries_and_the_tiles(site: Path, proef: Path):
    # the attribution as the source of the boundaries asks for it, made from data/gebieden/bron.yml
    # (written by 'wijkportaal gebieden bijwerken', tests/test_gebieden_bijwerken.py), as BRON.md gives it
    vermelding = f"Bron: {laad_gebieden(PROJECT / 'data/gebieden', Problemen()).bron.vermelding}"
    assert vermelding == "Bron: CBS / Kadaster, Wijk- en Buurtkaart 2023 (wijken, gemeente) en 2024 (buurten)"
    assert f"**{vermelding}**" in " ".join((PROJECT / "data/gebieden/BRON.md").read_text(encoding="utf-8").split())
    tegels = urlsplit(plugin_optie("kaart_tegels", PDOK_BRT)).hostname
    attributie = _html.unescape(plugin_optie("kaart_attributie", PDOK_ATTRIBUTIE))
    for map_ in edities(site, proef).values():
        over = tekst(map_, "over/")
        assert vermelding in over
        assert f"De achtergrond van de kaarten: {attributie}." in over and tegels in over
        assert "Wijkteams Enschede" in over
    # intern without tiles: the page says there is no base map, names no tile server
    zonder = tekst(proef / "site", "over/")
    assert "geen achtergrondkaart" in zonder and tegels not in zonder and vermelding in zonder


def _geladen_hosts(map_: Path) -> set[str]:
    """Every other host a page of the built site loads something from: elements that load
    (scripts, images, frames, media, stylesheets) and addresses inside inline scripts (the
    tile URL template of the maps). Links (<a href>) are not loads."""
    hosts = set()
    for pad in map_.rglob("*.html"):
        tekst_ = pad.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|img|iframe|source|audio|video|embed|object|link|track)\b[^>]*>", tekst_):
            if 'rel="canonical"' in tag:
                continue
            for adres in re.findall(r'\b(?:src|href|data|srcset|poster)="((?:https?:)?//[^"]+)"', tag):
                hosts.add(urlsplit(adres if ":" in adres.split("/")[0] else "https:" + adres).hostname)
        # (structured data, application/ld+json, names addresses but loads nothing)
        for script in re.findall(r"<script\b(?![^>]*application/ld\+json)[^>]*>(.*?)</script>", tekst_, re.S):
            hosts.update(urlsplit(u).hostname for u in re.findall(r"https?://[^\s\"'\\<>)]+", script))
    return hosts


def test_privacy_names_exactly_what_the_site_loads_from_elsewhere(site: Path, proef: Path):
    tegels = urlsplit(plugin_optie("kaart_tegels", PDOK_BRT)).hostname
    for map_ in edities(site, proef).values():
        assert _geladen_hosts(map_) == {tegels}
        privacy = tekst(map_, "privacy/")
        assert f"de achtergrond van de kaart op bij {tegels}" in privacy
        assert "Dit is de enige andere server waar deze site iets van laadt." in privacy
        assert "Geen cookies" in privacy or "geen cookies" in privacy
        assert "Google Analytics" in privacy and "verwijslijst" in privacy
    # the pages with a map are the ones the privacy page names: Kaart, the finder, wijken, voorzieningen
    met_kaart = {pad.relative_to(site).parts[0] for pad in site.rglob("index.html")
                 if tegels in "".join(re.findall(r"<script\b[^>]*>(.*?)</script>", pad.read_text(encoding="utf-8"), re.S))}
    assert met_kaart == {"kaart", "zoeken", "wijken", "voorzieningen"}
    assert "op de pagina Kaart, op de zoekpagina, op de pagina van elke wijk en op de pagina van een voorziening" in tekst(site, "privacy/")
    # without tiles nothing at all comes from elsewhere, and the page says so
    assert _geladen_hosts(proef / "site") == set()
    zonder = tekst(proef / "site", "privacy/")
    assert "laadt dus niets van andere servers" in zonder and tegels not in zonder


def test_the_site_has_no_cookies_analytics_or_outside_fonts(site: Path):
    # what Material would add: Google Fonts (font), analytics and a cookie consent (extra),
    # repository statistics fetched from GitHub's API (repo_url)
    for naam in ("mkdocs.yml", "mkdocs.publiek.yml"):  # the publiek one inherits from mkdocs.yml
        c = config(naam)
        assert c.get("theme", {"font": False})["font"] is False
        assert not {"analytics", "consent"} & set(c.get("extra") or {})
        assert "repo_url" not in c
    for pad in [*site.rglob("*.html"), *(site / "assets/wijkportaal").rglob("*.js")]:
        inhoud_ = pad.read_text(encoding="utf-8")
        assert "document.cookie" not in inhoud_, pad
        assert not re.search(r"googletagmanager|google-analytics|gtag\(|matomo|plausible", inhoud_), pad
    # the finder keeps the verwijslijst in the browser, under the key the privacy page names
    assert 'var OPSLAG = "wijkportaal-verwijslijst"' in (site / "assets/wijkportaal/zoeken.js").read_text(encoding="utf-8")
    assert "wijkportaal-verwijslijst" in tekst(site, "privacy/")


def test_privacy_mentions_the_colour_choice_exactly_when_there_is_one(site: Path):
    # Material remembers a chosen light/dark scheme in the browser (localStorage '__palette'),
    # only when mkdocs.yml offers a toggle: then the privacy pages must say so.
    keuze = 'data-md-component="palette"' in pagina(site, "")
    noemt = "licht of donker" in tekst(site, "privacy/")
    assert noemt == keuze, (
        "mkdocs.yml biedt een keuze tussen licht en donker: zeg op docs/privacy.md en docs/privacy.publiek.md "
        "dat de browser die keuze onthoudt ('licht of donker')" if keuze else
        "docs/privacy.md noemt een keuze tussen licht en donker die de site niet heeft"
    )
    for bestand in ("docs/privacy.md", "docs/privacy.publiek.md"):
        assert ("licht of donker" in (PROJECT / bestand).read_text(encoding="utf-8")) == keuze, bestand


def test_toegankelijkheid_follows_the_model_and_says_what_to_do_instead(site: Path, proef: Path):
    for map_ in edities(site, proef).values():
        verklaring = tekst(map_, "toegankelijkheid/")
        assert "toegankelijkheidsverklaring" in verklaring
        assert "WCAG 2.1" in verklaring and "niveau AA" in verklaring
        assert re.search(r"\bC[:,] eerste maatregelen genomen", verklaring)
        assert "axe-core" in verklaring and "toetsenbord" in verklaring
        assert re.search(rf"\b\d{{1,2}} ({MAANDEN}) 20\d\d\b", verklaring)  # the date of the statement
        # the alternative it promises for the maps is really there, word for word
        assert '"Sla de kaart over en ga naar de lijst"' in verklaring
        assert "Sla de kaart over en ga naar de lijst" in pagina(map_, "kaart/")
        assert "Zoeken werkt" in verklaring or "Zoeken vraagt" in verklaring
        # the lists it names as the way without JavaScript work without it: plain links on the page
        html = inhoud(pagina(map_, "toegankelijkheid/"))
        for doel in ("voorzieningen/", "wijken/", "themas/"):
            assert f'href="../{doel}"' in html, doel


def test_a_problem_is_reported_where_the_configuration_says(site: Path, proef: Path):
    website = yaml.safe_load((PROJECT / "data/organisaties/wijkteams-enschede.yml").read_text(encoding="utf-8"))["contact"]["website"]
    # no repository configured: the house organisation's website from its record
    html = inhoud(pagina(site, "toegankelijkheid/"))
    assert f'<a href="{website}">hun website</a>' in html and "issues/new" not in html
    # repository configured: the issue form for problems with the site, and the website for people without GitHub
    for map_ in (proef / "site", proef / "site-publiek"):
        html = inhoud(pagina(map_, "toegankelijkheid/"))
        assert f'href="{REPOSITORY}/issues/new?template=probleem-melden.yml"' in html
        assert f'<a href="{website}">hun website</a>' in html
        assert "iedereen kan uw melding lezen" in html
    assert (PROJECT / ".github/ISSUE_TEMPLATE/probleem-melden.yml").is_file()


@pytest.mark.parametrize("url", ["", "voorzieningen/meubeldepot/", "wijken/boswinkel-stadsveld/", "privacy/"])
def test_every_page_links_the_three_pages_in_its_footer(site: Path, url: str):
    html = pagina(site, url)
    voet = html[html.index('<nav class="wp-voet"') :]
    voet = voet[: voet.index("</nav>")]
    links = dict((tekst_, href) for href, tekst_ in re.findall(r'<a href="([^"]+)">([^<]+)</a>', voet))
    assert set(links) == {"Over deze site", "Toegankelijkheid", "Privacy"}
    for href in links.values():
        doel = posixpath.normpath(posixpath.join(url, href))
        assert (site / doel / "index.html").is_file(), (url, href)


def test_nav_has_the_pages_under_over(site: Path, proef: Path):
    for naam, sectie in (("mkdocs.yml", "Over dit portaal"), ("mkdocs.publiek.yml", "Over deze site")):
        (over,) = [x[sectie] for x in config(naam)["nav"] if isinstance(x, dict) and sectie in x]
        assert [list(x.values())[0] for x in over] == ["over.md", "toegankelijkheid.md", "privacy.md", "open-data/index.md"]


# -- print ---------------------------------------------------------------------------------


def test_record_pages_print_cleanly(tabblad, adres, site: Path):
    tab = tabblad()
    p = tab.pagina
    def css(selector: str, eigenschap: str, pseudo: str | None = None) -> str:
        return p.evaluate(
            "([s, e, ps]) => getComputedStyle(document.querySelector(s), ps).getPropertyValue(e)", [selector, eigenschap, pseudo]
        )

    # a voorziening with a location and a map
    p.goto(f"{adres}/voorzieningen/speeltuin-boswinkel/")
    p.emulate_media(media="print")
    for weg in (".md-header", ".md-tabs", ".md-sidebar--primary", ".wp-zoekvak", ".wp-kaart", ".md-footer"):
        assert not p.locator(weg).first.is_visible(), weg
    assert p.locator(".wp-locatie").first.is_visible()  # the places stay, as text
    assert css(".wp-locatie", "break-inside") == "avoid"
    assert p.locator(".wp-toegang").first.is_visible()
    assert css(".wp-toegang", "color") == "rgb(0, 0, 0)"
    assert css(".wp-toegang", "background-color") == "rgba(0, 0, 0, 0)"
    assert css(".wp-toegang", "border-top-style") == "solid"  # the badge keeps its outline, and its words
    assert css("article h1", "color") == "rgb(0, 0, 0)"

    # links to other sites show where they go, unless the text is the address already
    p.goto(f"{adres}/voorzieningen/onlinehulpenschede/")
    p.emulate_media(media="print")
    in_tekst = '.wp-record a[href="https://www.onlinehulpenschede.nl/"]:not(dl a)'
    assert css(in_tekst, "content", "::after") == '" (https://www.onlinehulpenschede.nl/)"'
    assert css('dl.wp-gegevens a[href^="http"]', "content", "::after") == "none"
    assert css(".wp-label", "content", "::after") == "none"

    # a werkinstructie: each step on one page where it fits
    p.goto(f"{adres}/werkinstructies/meubeldepot-aanmelden/")
    p.emulate_media(media="print")
    assert css("ol.wp-stappen > li", "break-inside") == "avoid"
    assert css("ol.wp-stappen > li h3", "break-after") == "avoid"
    assert tab.fouten == []


def test_relative_links_are_what_posixpath_makes():
    """adressen.relatief() takes a shortcut; it must give what posixpath.relpath gives, for every
    page of the site to every other kind of page (and to a file folder such as the feed's)."""
    import posixpath

    from wijkportaal.adressen import relatief
    from wijkportaal.catalogus import laad_catalogus
    from wijkportaal.paginas import Paginamaker

    cat, _ = laad_catalogus(PROJECT / "data")
    urls = sorted({p.url for p in Paginamaker(cat).paginas()})
    doelen = [u for i, u in enumerate(urls) if i % 7 == 0] + ["", "ontwikkelingen/", "open-data/hsds/", "zoeken/"]

    def oud(van: str, naar: str) -> str:
        pad = posixpath.relpath(naar.rstrip("/") or ".", van.rstrip("/") or ".")
        return "./" if pad == "." else pad + "/"

    assert len(urls) > 150
    for van in urls:
        for naar in doelen:
            assert relatief(van, naar) == oud(van, naar), (van, naar)
