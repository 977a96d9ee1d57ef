"""Search text: Python (index) and the browser (queries) make exactly the same terms.

The index is built with lunr.py and ``wijkportaal.zoektaal``; the browser searches
it with the vendored lunr.js, lunr-languages' Dutch stemmer and ``assets/zoektaal.js``.
A word the two sides tokenize or stem differently can never be found, so these
tests run the browser half in headless Chromium and compare it with Python on:

- every word in ``tests/voorbeelden/woorden-nl.txt``: the words of two or more
  letters in ``data/`` and the lowercase words of the seed documents (public reports
  of the Enschede wijkteams; lowercase only, so no names of people), built once;
- every line of text in ``data/`` (capitals, diacritics, hyphens, punctuation, URLs)
  and a list of awkward phrases below;
- a small index built in Python, serialized, loaded with ``lunr.Index.load`` and
  searched on both sides.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from lunr.index import Index

from conftest import PROJECT, VOORBEELDEN
from wijkportaal import zoektaal

ASSETS = PROJECT / "src/wijkportaal/assets"
SCRIPTS = [
    ASSETS / "vendor/lunr/lunr.js",
    ASSETS / "vendor/lunr/lunr.stemmer.support.js",
    ASSETS / "vendor/lunr/lunr.nl.js",
    ASSETS / "zoektaal.js",
    ASSETS / "zoekindex.js",
]

LASTIGE_ZINNEN = [
    "Financiën op orde",
    "FINANCIËN, schulden én één coördinator!",
    "Schuldhulpverlening voor inwoners (18+)",
    "Thuislozen en dakloosheid",
    "e-mail: info@voorbeeld.nl of www.voorbeeld.nl/contact",
    "0-18 jaar; 18–23 jaar — 65+ (ouderen)",
    "ma t/m vr 9.00-17.00 uur",
    "‘Zo meldt u zich aan’: „bel ons” of «mail»",
    "Naïef, reünie, geïnteresseerd, café, crème brûlée, Curaçao",
    "Ĳsselmeer ĳs IJs ﬁets ﬂat Œuvre straße øresund Łódź",
    "schuld\u00adhulp\u00adverlening (met zachte afbreekstreepjes)",
    "niet\u00a0afbreken\u202fhier\u2007en\u2009daar",
    "regel\u2028scheiding\u2029alinea\u0085volgende\x1cveld\x1fveld",
    "zero\u200bwidth\ufeffbom",
    "min\u2212teken en gedachte\u2013streep en \u2011vaste\u2010koppeltekens",
    "ΟΔΟΣ Σίσυφος Ἀθῆναι İstanbul ǅemal ǈubljana",
    "Ｆｕｌｌｗｉｄｔｈ ＡＢＣ １２３ ① ² ½ ™ ℌilbert Ω Å K",
    "emoji 😀 a😀en a😀e o😀s i😀en 👍🏽 hulp👍",
    "𝔉𝔯𝔞𝔨𝔱𝔲𝔯 𝐁𝐨𝐥𝐝 (wiskundige letters)",
    "'s-Hertogenbosch, 't Hofje, d'r, zo'n, auto's, cd'tje",
    "...!!!??? --- ___ *** ### @@@",
    "A B c d e ij y",
    "meubeldepot.nl/aanmelden?id=12&x=ja#boven",
    "C++ C# .NET node.js 3D 2e 1ste 20e-eeuws",
    "\tTAB\ttekst\nnieuwe regel\r\nwindows\x0bverticaal\x0cformfeed",
    "Kindermishandeling, huiselijk geweld: Veilig Thuis",
    "Vluchtelingen, statushouders en nieuwkomers",
    "budgetbuddy's budgetbuddies budgetbuddy",
    "WIJKTEAM-MEDEWERKERS-OVERLEG",
    # nonspacing marks outside U+0300-U+036F: both sides drop every Mn, not one block
    "vector x\u20d7 שָׁלוֹם مَرْحَبًا हिन्दी Việt a\u1dc0b c\ufe20d",
]


def tekstregels() -> list[str]:
    """Every line of every text value in data/ (names, summaries, bodies, addresses)."""
    regels: set[str] = set()

    def loop(waarde):
        if isinstance(waarde, str):
            regels.update(r.strip() for r in waarde.splitlines() if r.strip())
        elif isinstance(waarde, dict):
            for v in waarde.values():
                loop(v)
        elif isinstance(waarde, list):
            for v in waarde:
                loop(v)

    for pad in sorted((PROJECT / "data").rglob("*.yml")):
        loop(yaml.safe_load(pad.read_text(encoding="utf-8")))
    return sorted(regels)


@pytest.fixture(scope="module")
def pagina(browser):
    """A blank page with lunr, the Dutch stemmer and zoektaal.js (no network at all)."""
    context = browser.new_context()
    pagina = context.new_page()
    fouten: list[str] = []
    pagina.on("pageerror", lambda e: fouten.append(str(e)))
    pagina.route("**/*", lambda r: r.abort())
    pagina.set_content("<!doctype html><html lang='nl'><meta charset='utf-8'><title>zoektaal</title><body></body></html>")
    for script in SCRIPTS:
        pagina.add_script_tag(path=str(script))
    assert pagina.evaluate("typeof window.wijkportaalZoektaal") == "object", fouten
    yield pagina
    assert fouten == []
    context.close()


def in_browser(pagina, teksten: list[str]) -> list[list[list[str]]]:
    """[[word, stem], ...] per text, from the browser half."""
    return pagina.evaluate(
        "teksten => teksten.map(t => wijkportaalZoektaal.woorden(t).map(w => [w, wijkportaalZoektaal.stam(w)]))",
        teksten,
    )


def in_python(teksten: list[str]) -> list[list[list[str]]]:
    return [[[w, zoektaal.stam(w)] for w in zoektaal.woorden(t)] for t in teksten]


def verschillen(teksten, python, browser) -> list[str]:
    return [f"{t!r}: python {p} browser {b}" for t, p, b in zip(teksten, python, browser) if p != b]


def test_python_pipeline_on_known_words():
    assert zoektaal.normaliseer("Financiën ÉÉN Curaçao") == "financien een curacao"
    assert zoektaal.woorden("  Schuld-hulp, (één) ‘wijkteam’!  ma–vr ... 18+ www.x.nl. ") == [
        "schuld", "hulp", "een", "wijkteam", "ma", "vr", "18", "www.x.nl",
    ]  # fmt: skip
    assert zoektaal.woorden("schuld\u00adhulp\u00a0team") == ["schuldhulp", "team"]
    assert zoektaal.woorden(None) == zoektaal.woorden("") == zoektaal.woorden("-- !? --") == []
    # Snowball's original Dutch algorithm, not the Snowball 3 one (which gives
    # schuldhulpverleen, thuisloos, verslaaf)
    gevallen = {
        "schuldhulpverlening": "schuldhulpverlen",
        "schuldhulpverleningen": "schuldhulpverlen",
        "thuislozen": "thuisloz",
        "verslaving": "verslav",
        "mantelzorgers": "mantelzorger",
        "financien": "financien",
    }
    assert {w: zoektaal.stam(w) for w in gevallen} == gevallen


def test_browser_makes_the_same_words_and_stems_as_python(pagina):
    woorden = (VOORBEELDEN / "woorden-nl.txt").read_text(encoding="utf-8").split()
    zinnen = tekstregels() + LASTIGE_ZINNEN
    assert len(woorden) > 5000 and len(zinnen) > 300

    python_woorden, browser_woorden = in_python(woorden), in_browser(pagina, woorden)
    python_zinnen, browser_zinnen = in_python(zinnen), in_browser(pagina, zinnen)
    fout = verschillen(woorden, python_woorden, browser_woorden) + verschillen(zinnen, python_zinnen, browser_zinnen)
    termen = sum(len(x) for x in python_woorden + python_zinnen)
    assert fout == [], f"{len(fout)} van {len(woorden)} woorden en {len(zinnen)} zinnen verschillen:\n" + "\n".join(fout[:30])

    # not trivially equal: most words are stemmed, and every word list entry is one word
    assert all(len(x) == 1 for x in python_woorden)
    gestemd = sum(1 for x in python_woorden if x[0][0] != x[0][1])
    assert gestemd > len(woorden) / 3, f"maar {gestemd} van {len(woorden)} woorden gestemd"
    assert termen > 20_000, termen


DOCUMENTEN = [
    {"id": "schuld", "naam": "Schuldhulpverlening voor inwoners", "tekst": "Hulp bij schulden en betalingsachterstanden."},
    {"id": "geld", "naam": "Financiën op orde", "tekst": "Budgetcoaching: uw geldzaken weer op orde."},
    {"id": "dak", "naam": "Thuislozen en dakloosheid", "tekst": "Opvang voor dakloze inwoners."},
    {"id": "zorg", "naam": "Mantelzorgers", "tekst": "Steun voor mantelzorgers – bel of stuur een e-mail."},
    {"id": "jeugd", "naam": "Jongerenwerk", "tekst": "Activiteiten voor jongeren van 12–23 jaar in de wijk."},
]

ZOEKVRAGEN = {
    "financien": ["geld"],
    "Financiën": ["geld"],
    "FINANCIEN": ["geld"],
    "schuldhulpverleningen": ["schuld"],
    "Schuldhulpverlening": ["schuld"],
    "thuisloze": ["dak"],
    "thuisloos~1": ["dak"],  # old Dutch stems: thuisloos -> thuislos, thuislozen -> thuisloz
    "+dakloze +inwoners": ["dak"],
    "mantelzorger": ["zorg"],
    "jongere": ["jeugd"],
    "e-mail": ["zorg"],
    "e\ufe63mail": ["zorg"],  # SMALL HYPHEN-MINUS: one query term, split by wp-trimmer after NFKD
    "geldzaken": ["geld"],
    "onbekendwoord": [],
}


def test_index_built_in_python_is_searched_alike_in_the_browser(pagina):
    b = zoektaal.bouwer()
    b.ref("id")
    b.field("naam", boost=10)
    b.field("tekst")
    for doc in DOCUMENTEN:
        b.add(doc)
    index = b.build()
    data = json.loads(json.dumps(index.serialize()))
    assert data["pipeline"] == ["wp-trimmer", "wp-stopwoorden", "wp-stemmer-nl"]
    # the index holds normalised, stemmed terms only, no stop words
    assert not {"voor", "en", "op", "van", "de"} & {t for t, _ in data["invertedIndex"]}
    termen = [t for t, _ in data["invertedIndex"]]
    assert "financien" in termen and "schuldhulpverlen" in termen and "thuisloz" in termen
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9.@]*[a-z0-9]|[a-z0-9]", t) for t in termen), termen

    python = {q: [r["ref"] for r in Index.load(data).search(q)] for q in ZOEKVRAGEN}
    browser = pagina.evaluate(
        """([data, vragen]) => {
            const index = lunr.Index.load(data);
            return Object.fromEntries(vragen.map(q => [q, index.search(q).map(r => r.ref)]));
        }""",
        [data, list(ZOEKVRAGEN)],
    )
    assert python == ZOEKVRAGEN
    assert browser == python


def test_stop_words_are_the_same_in_the_browser(pagina):
    browser = pagina.evaluate("() => wijkportaalZoektaal.stopwoorden")
    assert browser == sorted(zoektaal.STOPWOORDEN)
    assert pagina.evaluate("() => wijkportaalZoektaal.isStopwoord('voor') && !wijkportaalZoektaal.isStopwoord('hulp')")


def test_compact_index_decodes_the_same_in_the_browser(pagina):
    """assets/zoekindex.js rebuilds exactly what zoekindex.uit_compact() rebuilds, and searches alike."""
    from wijkportaal import zoekindex
    from wijkportaal.catalogus import laad_catalogus

    cat, _ = laad_catalogus(PROJECT / "data")
    docs = zoekindex.documenten(cat)
    for velden, vragen in ((zoekindex.VELDEN, ["meubels", "geldzorgen", "opvoeden jongeren", "budgetbudy~1"]),
                           (zoekindex.TEKSTVELDEN, ["aanmeldformulier", "wijkcoach"])):  # fmt: skip
        data = json.loads(json.dumps(zoekindex.compact(zoekindex.tel(docs, velden))))
        python = zoekindex.uit_compact(data)
        browser = pagina.evaluate("(data) => wijkportaalZoekindex.uitCompact(data)", data)
        assert browser["invertedIndex"] == json.loads(json.dumps(python["invertedIndex"]))
        verschil = [
            (a[0], x, y) for a, b in zip(python["fieldVectors"], browser["fieldVectors"])
            for x, y in zip(a[1], b[1]) if abs(x - y) > 0.0011
        ]  # fmt: skip
        assert [a[0] for a in python["fieldVectors"]] == [b[0] for b in browser["fieldVectors"]]
        assert verschil == []
        index = Index.load(python)
        verwacht = {q: [r["ref"] for r in index.search(q)] for q in vragen}
        gevonden = pagina.evaluate(
            """([data, vragen]) => {
                const index = wijkportaalZoekindex.index(data);
                return Object.fromEntries(vragen.map(q => [q, index.search(q).map(r => r.ref)]));
            }""",
            [data, vragen],
        )
        assert all(verwacht.values()) and gevonden == verwacht
