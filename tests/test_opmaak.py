"""Record Markdown: rendered with the site's extensions, raw HTML never passes through."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from conftest import PROJECT, inhoud, mkdocs, pagina
from wijkportaal.opmaak import Opmaak, datum

# The extensions the site really uses, so that every test here sees what a build sees.
# Read with MkDocs' own loader: mkdocs.yml uses its !ENV tag.
from mkdocs.utils.yaml import yaml_load  # noqa: E402

SITE_EXTENSIES = yaml_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]


def opmaak() -> Opmaak:
    namen, instellingen = [], {}
    for e in SITE_EXTENSIES:
        if isinstance(e, dict):
            (naam, conf), = e.items()
            namen.append(naam)
            instellingen[naam] = conf
        else:
            namen.append(e)
    return Opmaak(namen, instellingen)


def test_markdown_with_site_extensions():
    html = opmaak().markdown("!!! note \"Let op\"\n    Neem een **legitimatie** mee.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert '<div class="admonition note">' in html
    assert "<strong>legitimatie</strong>" in html
    assert "<table>" in html


def test_headings_in_records_start_below_the_page_sections():
    html = opmaak().markdown("# Kop\n\n## Tweede\n")
    assert "<h3" in html and "<h4" in html and "<h1" not in html and "<h2" not in html


def test_raw_html_is_shown_as_text():
    html = opmaak().markdown('Hallo <script>alert(1)</script> en <b onclick="x()">vet</b>')
    assert "<script" not in html and "<b " not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# Places in a field where raw HTML must stay text as much as in a plain paragraph. The
# indented ones, and the ones after stray backticks, are where the old regex-based escaping
# guessed "code" and let raw HTML through.
PLEKKEN = {
    "alinea": "{html}\n",
    "vervolg van een lijstpunt": "- punt\n\n{ingesprongen}\n",
    "admonition": "!!! note\n{ingesprongen}\n",
    "inklapbaar blok": '??? note "Meer"\n{ingesprongen}\n',
    "na een ingesprongen regel": "Tekst\n\n    ingesprongen\n\n{html}\n",
    "tussen losse backticks": "Een ` hier.\n\n{html}\n\nEn ` daar.\n",
    "na een losse backtick": "`a` en een losse ` hier.\n\n{html} en `c`\n",
}
RAUWE_HTML = {
    "<b>x</b>": ("&lt;b&gt;x&lt;/b&gt;", "<b>"),
    "<!-- opmerking -->": ("&lt;!-- opmerking --&gt;", "<!--"),
    "<script>alert(1)</script>": ("&lt;script&gt;alert(1)&lt;/script&gt;", "<script"),
    '<div markdown="1">\n*binnen*\n</div>': ('&lt;div markdown="1"&gt;', "<div markdown"),
}


@pytest.mark.parametrize("plek", PLEKKEN)
@pytest.mark.parametrize("rauw", RAUWE_HTML)
def test_raw_html_is_text_everywhere_in_a_field(plek: str, rauw: str):
    tekst = PLEKKEN[plek].format(html=rauw, ingesprongen=textwrap.indent(rauw, "    "))
    html = opmaak().markdown(tekst)
    als_tekst, als_element = RAUWE_HTML[rauw]
    assert als_tekst in html, html
    assert als_element not in html, html


CODE = {
    "backticks in een zin": "Gebruik `<b>` niet.",
    "dubbele backticks": "Gebruik ``<b>` en `<i>`` niet.",
    "``` blok": "```\n<b>\n```\n",
    "```html blok": "```html\n<b>\n```\n",
    "~~~ blok": "~~~\n<b>\n~~~\n",
    "ingesprongen blok": "Voorbeeld:\n\n    <b>\n",
    "blok in een lijstpunt": "- punt\n\n    ```\n    <b>\n    ```\n",
    "blok in een admonition": "!!! note\n    ~~~\n    <b>\n    ~~~\n",
}


@pytest.mark.parametrize("soort", CODE)
def test_code_is_escaped_exactly_once(soort: str):
    html = opmaak().markdown(CODE[soort])
    assert "<code" in html, html
    zonder_kleuren = re.sub(r"</?span\b[^>]*>", "", html)  # Pygments wraps each token in a span
    assert "&lt;b&gt;" in zonder_kleuren, html
    assert "&amp;lt;" not in html and "<b>" not in html, html


def test_entities_and_autolinks_work_as_in_markdown():
    html = opmaak().markdown("Zorg &amp; Welzijn, &lt;b&gt; blijft tekst. Zie <https://example.org/?a=1&b=2>.")
    assert "Zorg &amp; Welzijn" in html and "&lt;b&gt; blijft tekst" in html and "<b>" not in html
    assert 'href="https://example.org/?a=1&amp;b=2"' in html


def test_records_cannot_set_ids_of_the_page():
    """An id could shadow an element a script looks up (Material's #__config, the map data)."""
    html = opmaak().markdown(
        'Config\n{: #__config }\n\nKaart\n{: #kaartdata-wijk-1 }\n\n### Kop {: #over }\n\nNoot[^1] en nog eens[^1].\n\n[^1]: Uitleg.\n'
    )
    assert "__config" not in html and "kaartdata" not in html and 'id="over"' not in html, html
    # footnotes keep the ids their links point to
    assert re.findall(r'\bid="([^"]*)"', html) == ["fnref:1", "fnref2:1", "fn:1"], html
    assert 'href="#fn:1"' in html and 'href="#fnref:1"' in html


def test_sanitizer_allows_footnote_ids_only():
    from wijkportaal.opmaak import schoon

    assert schoon('<p id="__config">x</p><span id="kaartdata-a">y</span>') == "<p>x</p><span>y</span>"
    assert schoon('<sup id="fnref:a"></sup><li id="fn:a"></li>') == '<sup id="fnref:a"></sup><li id="fn:a"></li>'
    assert schoon('<li id="fn-a"></li>', voetnoot_scheiding="-") == '<li id="fn-a"></li>'
    assert schoon('<li id="fn-a"></li>') == "<li></li>"


def test_records_cannot_use_classes_of_the_site_or_theme():
    html = opmaak().markdown("Let op\n{: .wp-melding .wp-melding--gestopt .md-banner .leaflet-top .marker-cluster .eigen }\n")
    assert '<p class="eigen">Let op</p>' in html, html
    html = opmaak().markdown('!!! warning "Let op"\n    Tekst.\n\n??? note "Meer"\n    Tekst.\n')
    assert 'class="admonition warning"' in html and 'class="admonition-title"' in html and '<details class="note">' in html


def test_dangerous_links_and_attributes_are_removed():
    html = opmaak().markdown("[klik](javascript:alert(1)) [mail](mailto:a@b.nl) ![x](data:image/svg+xml;base64,AAAA){: onerror=alert(1) }")
    assert "javascript:" not in html
    assert "onerror" not in html
    assert "data:image" not in html
    assert 'href="mailto:a@b.nl"' in html


def test_code_keeps_its_angle_brackets():
    html = opmaak().markdown("Gebruik `<br>` niet.")
    assert "<code>&lt;br&gt;</code>" in html


def test_dutch_dates():
    import datetime as dt

    assert datum(dt.date(2026, 11, 23)) == "23 november 2026"


def test_built_page_escapes_raw_html_in_every_field(project_kopie: Path):
    pad = project_kopie / "data/voorzieningen/meubeldepot.yml"
    data = pad.read_text(encoding="utf-8")
    data = data.replace("naam: Meubeldepot", 'naam: Meubeldepot <img src=x onerror="alert(1)">')
    data += (
        "kosten_toelichting: '<script>alert(2)</script>'\n"
        "contact:\n  telefoon: 053 000 00 00\n  email: info@example.org\n"
    )
    data = data.replace("Het Meubeldepot helpt", "<iframe src='https://example.org'></iframe> Het Meubeldepot helpt")
    pad.write_text(data, encoding="utf-8")
    uit = mkdocs("build", "-d", "site", cwd=project_kopie)
    assert uit.code == 0, uit.uitvoer
    html = pagina(project_kopie / "site", "voorzieningen/meubeldepot/")
    artikel = inhoud(html)
    for bestand in (project_kopie / "site").rglob("*"):
        # zoeken/*.json hold record text as data that zoeken.js shows with textContent
        # (tests/test_xss.py: test_search_script_never_writes_html and the browser sweep);
        # open-data/ holds it as the partners wrote it, for reuse as text (the page says so)
        als_tekst = bestand.suffix == ".json" and bestand.relative_to(project_kopie / "site").parts[0] in {"zoeken", "open-data"}
        if bestand.suffix in {".html", ".json", ".xml", ".js"} and "assets" not in bestand.parts and not als_tekst:
            tekst = bestand.read_text(encoding="utf-8")
            for gevaar in ("<script>alert", "<iframe", "<img src=x", 'onerror="alert'):
                assert gevaar not in tekst, f"{gevaar} in {bestand}"
    # the JSON-LD in the page's head: the same text, with < > & as JSON escapes
    assert '"name":"Meubeldepot \\u003cimg src=x' in html
    assert "<title>Meubeldepot &lt;img src=x" in html
    assert "&lt;img src=x onerror=" in artikel
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in artikel
    assert 'href="tel:0530000000"' in artikel
    assert 'href="mailto:info@example.org"' in artikel
