"""XSS: hostile text in any record field never runs, in the built files or in a browser.

A corpus of payloads (``voorbeelden/xss-payloads.txt``: script tags, ``<img onerror>``,
``javascript:`` and ``data:`` links raw and as Markdown, SVG, entities and mixed case,
attribute break-outs, iframe/object/form/style, elements whose id shadows one of the
page's own (Material's ``#__config``, a map's marker data), and the script-injection section of the Big List of Naughty Strings) is written with
``yaml.safe_dump`` into a copy of the project:

========================  ==============================================================
record                    fields (every payload in every field)
========================  ==============================================================
voorziening meubeldepot   beschrijving, aanmelden, intern.verwijsinformatie (Markdown);
                          kosten_toelichting, bron, locaties[0].naam/adres/plaats/
                          openingstijden_toelichting (text)
methodiek kies            beschrijving, werkwijze, training, intern.notities (Markdown);
                          doel, bronnen[0].titel, eigenaar, bron (text); an intern key
werkinstructie            beschrijving, stappen[0].beschrijving, intern.notities
meubeldepot-aanmelden     (Markdown); stappen[0].titel/rol, eigenaar, bron (text)
organisatie smd-...       beschrijving (Markdown); bron (text)
vraag wat-is-een-indicatie antwoord, beschrijving, intern.notities (Markdown); bron (text)
all of the above, plus    naam (at most 150 characters) and samenvatting (at most 300):
extra voorzieningen       the payloads packed into as many records as needed
xss-01, xss-02, ...
========================  ==============================================================

In a Markdown field every payload follows a sentinel paragraph of its own, and every
sentinel must come out as a paragraph: a payload that pulls the ones after it into a code
block, a list or a footnote (an unclosed fence, say) would test them in the wrong place.
Raw HTML in Markdown is text (see ``wijkportaal.opmaak``), so from records only what
Markdown itself makes reaches the sanitizer: its elements, and the attributes attr_list
sets (``{: onclick=... #__config .md-... }``), which the fields test. The sanitizer
itself is also tested on its own against every payload as raw HTML.

Both editions are built once per module. Then:

* static: every .html/.json/.xml file outside ``assets/`` is parsed with
  :mod:`html.parser` (the strings of the search index too: Material shows them as
  HTML): no script but Material's own (as on the pages without payloads) and the map's
  JSON data, no ``on*`` attribute, no ``javascript:``/``vbscript:``/``data:`` URL, no
  iframe/object/embed/style/base/... element, no id in the content that shadows one of
  the page's own; and, when Material's ``content.tooltips``
  feature is on, no markup in text that Material turns back into HTML (``title``
  attributes and clipped ``.md-ellipsis`` text become tooltips via ``innerHTML``);
* dynamic: every modified record page, every overview and one page of each kind of list
  is opened in headless Chromium (one browser, a few tabs), with traps for ``alert``,
  ``prompt``, ``confirm`` and ``window.__xss``; every element is hovered and focused,
  links, buttons, summaries and map markers are clicked, tooltip texts with markup get
  a real mouse hover; the search is used with a payload word and its first result
  opened (with Material's ``?h=`` highlighting). Only 127.0.0.1 is reachable.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import base64
import datetime as dt
import functools
import html
import http.server
import json
import re
import shutil
import threading
import xml.etree.ElementTree as ET
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import pytest
import yaml

from conftest import PROJECT, VOORBEELDEN, kopieer_project, mkdocs, titel, wijkportaal
from wijkportaal import opmaak

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PAYLOADBESTAND = VOORBEELDEN / "xss-payloads.txt"

VOORZIENING = "meubeldepot"
METHODIEK = "kies"
WERKINSTRUCTIE = "meubeldepot-aanmelden"
ORGANISATIE = "smd-enschede-haaksbergen"
VRAAG = "wat-is-een-indicatie"
ONTWIKKELING = "meubeldepot-subsidie-gestopt"
SCHEMA_KOP = {
    "voorzieningen": "voorziening",
    "methodieken": "methodiek",
    "werkinstructies": "werkinstructie",
    "ontwikkelingen": "ontwikkeling",
    "organisaties": "organisatie",
    "vragen": "vraag",
}
MAX_NAAM, MAX_SAMENVATTING = 150, 300
PLEK = (52.2215, 6.8937)  # the centre of Enschede


# -- the payloads ------------------------------------------------------------------------


def lees_payloads(pad: Path = PAYLOADBESTAND) -> list[str]:
    """One payload per line; '#' alone or '# ...' is a comment; ⏎ is a line break."""
    uit = []
    for regel in pad.read_text(encoding="utf-8").split("\n"):
        if not regel or regel == "#" or regel.startswith("# "):
            continue
        uit.append(regel.replace("⏎", "\n"))
    return uit


PAYLOADS = lees_payloads()
MARKER = re.compile(r"__xss|\b(?:alert|prompt|confirm)\s*\(", re.I)
NUMMER = re.compile(r"(?:alert|prompt|confirm)\((\d+)\)|__xss=(\d+)")


def ontsluierd(payload: str) -> list[str]:
    """The payload as written, entity-decoded, and its base64 parts decoded."""
    delen = [payload, html.unescape(payload)]
    for stuk in re.findall(r"base64,([A-Za-z0-9+/=]+)", payload):
        delen.append(base64.b64decode(stuk).decode("utf-8", "replace"))
    return delen


def heeft_marker(payload: str) -> bool:
    """The payload calls a numbered marker, written plainly, as entities or in base64."""
    return any(NUMMER.search(d) for d in ontsluierd(payload))


PAYLOAD_VAN: dict[str, list[str]] = {}  # marker number -> the payloads that call it
for _p in PAYLOADS:
    for _n in {a or b for d in ontsluierd(_p) for a, b in NUMMER.findall(d)}:
        PAYLOAD_VAN.setdefault(_n, []).append(_p)


def payload_met_nummer(tekst: str) -> str:
    """The payload a marker number in ``tekst`` (a dialog message, a trap hit) belongs to."""
    nummers = {a or b for a, b in NUMMER.findall(tekst)} | set(re.findall(r"^\s*(\d+)\s*$", tekst))
    gevonden = [p for n in sorted(nummers) for p in PAYLOAD_VAN.get(n, [])]
    return " | ".join(repr(p) for p in gevonden[:3]) or "?"


def verpak(payloads: list[str], maximum: int) -> list[str]:
    """Payloads joined by spaces into few strings of at most ``maximum`` characters
    (first fit, longest first: every extra string is an extra record and page to open)."""
    bakken: list[list[str]] = []
    for p in sorted((p for p in payloads if len(p) <= maximum), key=len, reverse=True):
        for bak in bakken:
            if len(" ".join(bak + [p])) <= maximum:
                bak.append(p)
                break
        else:
            bakken.append([p])
    return [" ".join(bak) for bak in bakken]


def markdown_veld(sentinel: str) -> tuple[str, list[str]]:
    """Markdown with every payload, each after a sentinel paragraph of its own, and one at the
    end; and the sentinels."""
    stukken = [sentinel]
    for i, p in enumerate(PAYLOADS):
        stukken += [f"{sentinel}n{i}x", p]
    stukken.append(f"{sentinel}einde")
    return "\n\n".join(stukken) + "\n", [s for s in stukken if s.startswith(sentinel)]


def tekst_veld(sentinel: str) -> str:
    return f"{sentinel}\n" + "\n".join(PAYLOADS)


# -- putting them into a copy of the project ---------------------------------------------------


@dataclass
class Injectie:
    """What was written where, to check that it arrived (and nothing ran)."""

    records: dict[str, str] = field(default_factory=dict)  # url -> edition ('intern' or 'beide')
    namen: dict[str, str] = field(default_factory=dict)  # url -> naam
    sentinels: dict[str, tuple[str, str]] = field(default_factory=dict)  # sentinel -> (url, 'intern'/'beide')
    tekstvelden: dict[str, tuple[str, str]] = field(default_factory=dict)  # sentinel -> (url, edition)
    samenvattingen: list[str] = field(default_factory=list)
    niet_in_naam: list[str] = field(default_factory=list)


def _lees(project: Path, soort: str, id_: str) -> dict:
    pad = project / "data" / soort / f"{id_}.yml"
    assert pad.is_file(), f"{pad} ontbreekt: kies in tests/test_xss.py een ander record"
    return yaml.safe_load(pad.read_text(encoding="utf-8"))


def _schrijf(project: Path, soort: str, id_: str, data: dict) -> None:
    kop = f"# yaml-language-server: $schema=../../schema/{SCHEMA_KOP[soort]}.json\n"
    tekst = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)
    (project / "data" / soort / f"{id_}.yml").write_text(kop + tekst, encoding="utf-8")


def vergiftig(project: Path) -> Injectie:
    inj = Injectie()
    namen = verpak(PAYLOADS, MAX_NAAM)
    samenvattingen = verpak(PAYLOADS, MAX_SAMENVATTING)
    inj.niet_in_naam = [p for p in PAYLOADS if len(p) > MAX_NAAM]
    assert not [p for p in PAYLOADS if len(p) > MAX_SAMENVATTING], "payload langer dan 300 tekens"
    inj.samenvattingen = samenvattingen

    def md(url: str, editie: str, naam: str) -> str:
        tekst, sentinels = markdown_veld(f"wpxss{naam}")
        inj.sentinels.update((s, (url, editie)) for s in sentinels)
        return tekst

    def tekst(url: str, editie: str, naam: str) -> str:
        sentinel = f"wpxss{naam}"
        inj.sentinels[sentinel] = (url, editie)
        inj.tekstvelden[sentinel] = (url, editie)
        return tekst_veld(sentinel)

    def naam_en_samenvatting(data: dict, url: str, editie: str) -> None:
        data["naam"] = namen.pop(0) if namen else data["naam"]
        data["samenvatting"] = samenvattingen[len(inj.records) % len(samenvattingen)]
        inj.records[url] = editie
        inj.namen[url] = data["naam"]

    # voorziening (publiek: both editions)
    url = f"voorzieningen/{VOORZIENING}/"
    v = _lees(project, "voorzieningen", VOORZIENING)
    naam_en_samenvatting(v, url, "beide")
    v["beschrijving"] = md(url, "beide", "vbeschrijving")
    v["aanmelden"] = md(url, "beide", "vaanmelden")
    v["kosten"] = v.get("kosten") or "gratis"
    v["kosten_toelichting"] = tekst(url, "beide", "vkostentoelichting")
    v["bron"] = tekst(url, "beide", "vbron")
    v.setdefault("intern", {})["verwijsinformatie"] = md(url, "intern", "vverwijsinformatie")
    v["locaties"] = [
        {
            "naam": tekst(url, "beide", "vlocatienaam"),
            "adres": tekst(url, "beide", "vlocatieadres"),
            "postcode": "7511 AB",
            "plaats": tekst(url, "beide", "vlocatieplaats"),
            "coordinaten": list(PLEK),
            "openingstijden": [{"dagen": ["ma", "wo"], "van": "09:00", "tot": "12:00"}],
            "openingstijden_toelichting": tekst(url, "beide", "vopeningstijdentoelichting"),
        }
    ]
    _schrijf(project, "voorzieningen", VOORZIENING, v)

    # methodiek (intern only)
    url = f"methodieken/{METHODIEK}/"
    m = _lees(project, "methodieken", METHODIEK)
    naam_en_samenvatting(m, url, "intern")
    m["beschrijving"] = md(url, "intern", "mbeschrijving")
    m["doel"] = tekst(url, "intern", "mdoel")
    m["werkwijze"] = md(url, "intern", "mwerkwijze")
    m["training"] = md(url, "intern", "mtraining")
    m["bronnen"] = [{"titel": tekst(url, "intern", "mbrontitel")}] + list(m.get("bronnen") or [])[1:]
    m["eigenaar"] = tekst(url, "intern", "meigenaar")
    m["bron"] = tekst(url, "intern", "mbron")
    m["intern"] = {"notities": md(url, "intern", "mnotities"), '<img src=x onerror="alert(991)">': "wpxsssleutel"}
    _schrijf(project, "methodieken", METHODIEK, m)

    # werkinstructie (intern only)
    url = f"werkinstructies/{WERKINSTRUCTIE}/"
    w = _lees(project, "werkinstructies", WERKINSTRUCTIE)
    naam_en_samenvatting(w, url, "intern")
    w["beschrijving"] = md(url, "intern", "wbeschrijving")
    w["stappen"][0] = {
        "titel": tekst(url, "intern", "wstaptitel"),
        "rol": tekst(url, "intern", "wstaprol"),
        "beschrijving": md(url, "intern", "wstapbeschrijving"),
    }
    w["eigenaar"] = tekst(url, "intern", "weigenaar")
    w["bron"] = tekst(url, "intern", "wbron")
    w.setdefault("intern", {})["notities"] = md(url, "intern", "wnotities")
    _schrijf(project, "werkinstructies", WERKINSTRUCTIE, w)

    # organisatie (publiek)
    url = f"organisaties/{ORGANISATIE}/"
    o = _lees(project, "organisaties", ORGANISATIE)
    naam_en_samenvatting(o, url, "beide")
    o["beschrijving"] = md(url, "beide", "obeschrijving")
    o["bron"] = tekst(url, "beide", "obron")
    _schrijf(project, "organisaties", ORGANISATIE, o)

    # vraag (publiek): the answer is also searched for names of records
    url = f"vragen/{VRAAG}/"
    q = _lees(project, "vragen", VRAAG)
    naam_en_samenvatting(q, url, "beide")
    q["antwoord"] = md(url, "beide", "qantwoord")
    q["beschrijving"] = md(url, "beide", "qbeschrijving")
    q["bron"] = tekst(url, "beide", "qbron")
    q.setdefault("intern", {})["notities"] = md(url, "intern", "qnotities")
    _schrijf(project, "vragen", VRAAG, q)
    # ontwikkeling (intern only): its page, the overview, the Atom feed, the voorziening it concerns
    url = f"ontwikkelingen/{ONTWIKKELING}/"
    on = _lees(project, "ontwikkelingen", ONTWIKKELING)
    naam_en_samenvatting(on, url, "intern")
    on["beschrijving"] = md(url, "intern", "onbeschrijving")
    on["bron"] = tekst(url, "intern", "onbron")
    on["betreft"] = [f"voorzieningen/{VOORZIENING}"]
    _schrijf(project, "ontwikkelingen", ONTWIKKELING, on)

    # the remaining names (and summaries) in extra voorzieningen, each with a place on the map
    nummer = 0
    while namen or len(inj.records) < len(samenvattingen):
        nummer += 1
        id_ = f"xss-{nummer:02d}"
        url = f"voorzieningen/{id_}/"
        extra = {
            "naam": f"XSS-test {nummer}",
            "samenvatting": "",
            "beschrijving": "Testrecord van tests/test_xss.py.",
            "themas": ["inrichting"],
            "organisatie": ORGANISATIE,
            "gebied": "stedelijk",
            "toegang": "vrij",
            "locaties": [{"naam": "Plek", "coordinaten": [round(PLEK[0] + nummer * 0.0004, 5), PLEK[1]]}],
            "beheer": {"organisatie": ORGANISATIE, "laatst_gecontroleerd": dt.date(2026, 11, 1)},
        }
        naam_en_samenvatting(extra, url, "beide")
        _schrijf(project, "voorzieningen", id_, extra)
    return inj


# -- building -----------------------------------------------------------------------------


@dataclass
class Xss:
    injectie: Injectie
    sites: dict[str, Path]  # edition -> built site with payloads


def bouw_xss(map_: Path) -> Xss:
    """A copy of the project with every payload in every field, built in both editions."""
    project = kopieer_project(map_ / "project")
    injectie = vergiftig(project)
    controle = wijkportaal("validate", "data", cwd=project)
    assert controle.code == 0, "de gegevens met payloads zijn ongeldig:\n" + controle.uitvoer
    opdrachten = {
        "intern": ("build", "-d", "site"),
        "publiek": ("build", "-f", "mkdocs.publiek.yml", "-d", "site-publiek"),
    }
    with ThreadPoolExecutor(len(opdrachten)) as pool:
        uitkomsten = {e: pool.submit(mkdocs, *args, cwd=project) for e, args in opdrachten.items()}
        for editie, toekomst in uitkomsten.items():
            uit = toekomst.result()
            assert uit.code == 0, f"bouw {editie} mislukt:\n{uit.uitvoer}"
    return Xss(injectie, sites={"intern": project / "site", "publiek": project / "site-publiek"})


# The build and the browser sweep are the slowest part of the suite and mostly wait on
# other processes (MkDocs, Chromium). conftest.py starts them in a background thread as
# soon as collection finished, so they run on the second core while the other tests run;
# the fixtures below then only collect the results (or start the work themselves when
# this module runs alone).
_VOORUIT: dict[str, concurrent.futures.Future] = {}


def start_op_achtergrond(map_: Path) -> None:
    if _VOORUIT:
        return
    pool = ThreadPoolExecutor(1, thread_name_prefix="xss")
    _VOORUIT["bouw"] = pool.submit(bouw_xss, map_)
    _VOORUIT["browser"] = pool.submit(lambda: bezoek_alles(_VOORUIT["bouw"].result()))
    pool.shutdown(wait=False)


@pytest.fixture(scope="module")
def xss(tmp_path_factory) -> Xss:
    start_op_achtergrond(tmp_path_factory.mktemp("xss"))
    return _VOORUIT["bouw"].result()


def gebouwde_bestanden(site: Path) -> list[Path]:
    return sorted(
        p for p in site.rglob("*")
        if p.suffix in {".html", ".json", ".geojson", ".xml"} and p.is_file() and "assets" not in p.relative_to(site).parts
    )  # fmt: skip


def url_van(site: Path, bestand: Path) -> str:
    rel = bestand.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


# -- static checks -----------------------------------------------------------------------------

URL_ATTRIBUTEN = {
    "href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "codebase",
    "cite", "longdesc", "dynsrc", "lowsrc", "ping", "manifest", "icon", "archive", "classid", "usemap",
}  # fmt: skip
GEVAARLIJKE_STIJL = re.compile(r"javascript:|expression\(|behavior:|-moz-binding")
ONVEILIGE_SCHEMAS = ("javascript:", "vbscript:", "data:", "livescript:", "mocha:")
# Elements that run or load active content whatever their attributes: none on a clean page.
GEVAARLIJK = {
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "style", "math", "template",
    "marquee", "xmp", "plaintext", "isindex", "noembed", "noframes", "textarea", "select", "video",
    "audio", "source", "track", "animate", "set", "animatetransform", "animatemotion", "foreignobject",
    "use", "portal", "bgsound", "blink", "layer", "ilayer", "keygen", "handler", "listener", "image",
}  # fmt: skip
# Elements Material's own page chrome uses: allowed only exactly as on the clean site.
ALS_SCHOON = {"form", "input", "button", "svg", "title", "body", "html", "head", "meta", "noscript"}
VOETNOOT_ID = re.compile(r"fn(?:ref\d*)?:")  # the ids Python-Markdown's footnotes make
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}


def schema_van(waarde: str) -> str:
    """The URL as a browser reads its scheme (WHATWG URL): control characters and spaces
    stripped from both ends, tabs and line breaks removed everywhere, lower case."""
    return re.sub(r"[\t\n\r]", "", waarde.strip("".join(map(chr, range(0x21))))).lower()


def zonder_witruimte(waarde: str) -> str:
    """CSS is read more loosely: every space and control character removed."""
    return re.sub(r"[\x00-\x20\x7f-\x9f\u200b\ufeff]+", "", waarde).lower()


def onveilig_url(waarde: str | None) -> bool:
    if waarde is None:
        return False
    return schema_van(waarde).startswith(ONVEILIGE_SCHEMAS)


def heeft_markup(tekst: str) -> bool:
    """Text that an HTML parser would turn into an element or comment."""
    return re.search(r"<[a-zA-Z!/?]", tekst) is not None


@dataclass
class Schoon:
    """What the clean site contains: script tags, inline scripts, chrome elements."""

    scripts: set = field(default_factory=set)
    signaturen: set = field(default_factory=set)


class Ontleder(HTMLParser):
    """Finds executable forms in one document (or one fragment of the search index)."""

    def __init__(self, schoon: Schoon | None, url: str, *, verzamel: Schoon | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.schoon, self.url, self.verzamel = schoon, url, verzamel
        self.bevindingen: list[str] = []
        self.tooltips: list[str] = []  # text Material renders as HTML if content.tooltips is on
        self.features: list[str] = []  # Material's features, from the page's __config
        self._script: tuple | None = None
        self._script_tekst: list[str] = []
        self._ellipsis = 0
        self._stapel: list[tuple[str, bool]] = []
        self._ids: list[tuple[str, bool, str]] = []  # (id, inside the article or a fragment, tag)

    # The parser hands every start tag here, with attribute values already unescaped.
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)
        if tag not in VOID:
            klassen = (dict(attrs).get("class") or "").split()
            ellipsis = "md-ellipsis" in klassen
            self._stapel.append((tag, ellipsis))
            self._ellipsis += ellipsis

    def handle_startendtag(self, tag, attrs) -> None:
        self._start(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self._einde_script()
        for i in range(len(self._stapel) - 1, -1, -1):
            if self._stapel[i][0] == tag:
                for _, ellipsis in self._stapel[i:]:
                    self._ellipsis -= ellipsis
                del self._stapel[i:]
                break

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_tekst.append(data)
        elif self._ellipsis and heeft_markup(data):
            self.tooltips.append(f"tekst in .md-ellipsis (kop, inhoudsopgave): {data.strip()[:160]!r}")

    def close(self) -> None:
        super().close()
        if self._script is not None:
            self._einde_script()
        # Scripts find their parts by id (Material's document.querySelector("#__config")
        # reads its whole configuration, kaart.js its markers from #kaartdata-...): an id in
        # record content must never shadow one of the page's own. Material's ids start with
        # "__"; the map data is in the article itself, so any other id used twice counts too
        # (but footnote ids: a record can have the same footnote in two fields).
        aantal = Counter(i for i, _, _ in self._ids)
        for i, binnen, tag in self._ids:
            if binnen and (i.startswith("__") or (aantal[i] > 1 and not VOETNOOT_ID.match(i))):
                self._meld(f"id dat een element van de pagina overschaduwt: <{tag} id={i!r}>")

    def _meld(self, wat: str) -> None:
        self.bevindingen.append(wat)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        handtekening = (tag, tuple(sorted(attrs, key=lambda a: (a[0], a[1] or ""))))
        if (id_ := dict(attrs).get("id")) and self.verzamel is None:
            binnen = self.schoon is None or any(t == "article" for t, _ in self._stapel)
            self._ids.append((id_, binnen, tag))
        for naam, waarde in attrs:
            kort = f"<{tag} {naam}={(waarde or '')[:120]!r}>"
            if naam.startswith("on"):
                self._meld(f"event-attribuut {kort}")
            elif naam in URL_ATTRIBUTEN and onveilig_url(waarde):
                self._meld(f"gevaarlijke URL {kort}")
            elif naam == "srcset" and any(onveilig_url(d.strip()) for d in (waarde or "").split(",")):
                self._meld(f"gevaarlijke URL {kort}")
            elif naam == "srcdoc":
                self._meld(f"srcdoc {kort}")
            elif naam == "style" and GEVAARLIJKE_STIJL.search(zonder_witruimte(waarde or "")):
                self._meld(f"gevaarlijke style {kort}")
            elif naam == "title" and waarde and heeft_markup(waarde):
                self.tooltips.append(f"title-attribuut {kort}")
        if self.verzamel is not None:
            self.verzamel.signaturen.add(handtekening)
        if tag == "link":
            doel = urlsplit(urljoin(f"http://127.0.0.1/{self.url}", dict(attrs).get("href") or ""))
            if doel.scheme != "http" or doel.netloc != "127.0.0.1":
                self._meld(f"link naar buiten de site {dict(attrs)}")
        if tag == "script":
            self._script = handtekening
            self._script_tekst = []
            return
        if tag in GEVAARLIJK or tag in ALS_SCHOON:
            if self.schoon is None or handtekening not in self.schoon.signaturen:
                if tag == "meta" and not {n for n, _ in attrs} - {"name", "content", "charset", "property"}:
                    return  # a description with the record's summary: content is an attribute, never markup
                beschreven = " ".join(f"{n}={(w or '')[:60]!r}" for n, w in attrs)
                self._meld(f"element <{tag} {beschreven}>")

    def _einde_script(self) -> None:
        handtekening, tekst = self._script, "".join(self._script_tekst)
        self._script = None
        attrs = dict(handtekening[1])
        if attrs.get("id") == "__config":
            try:
                self.features = list(json.loads(tekst).get("features") or [])
            except ValueError:
                pass
        if self.verzamel is not None:
            self.verzamel.scripts.add((handtekening, tekst.strip()))
            return
        if self.schoon is None:
            self._meld(f"script in tekst {tekst[:120]!r}")
            return
        if (handtekening, tekst.strip()) in self.schoon.scripts:
            return
        if "src" in attrs:
            pad = urlsplit(urljoin(f"http://127.0.0.1/{self.url}", attrs["src"] or ""))
            if pad.netloc != "127.0.0.1" or not pad.path.startswith("/assets/") or tekst.strip():
                self._meld(f"script src={attrs['src']!r}")
            return
        if (attrs.get("type") or "").lower() in {"application/json", "application/geo+json", "application/ld+json"}:
            try:
                json.loads(tekst)
            except ValueError:
                self._meld(f"JSON-script dat niet te lezen is (uitgebroken?): {tekst[:120]!r}")
            if "<" in tekst:
                self._meld(f"'<' in JSON-script: {tekst[:120]!r}")
            return
        if MARKER.search(tekst) or set(attrs) - {"type", "id"}:
            self._meld(f"inline script met payload: {tekst[:160]!r}")


def ontleed(tekst: str, url: str, schoon: Schoon | None) -> Ontleder:
    ontleder = Ontleder(schoon, url)
    ontleder.feed(tekst)
    ontleder.close()
    return ontleder


def strings_in(data, sleutel: str = "") -> list[tuple[str, str]]:
    """(key, string) for every string in a JSON document."""
    if isinstance(data, str):
        return [(sleutel, data)]
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in strings_in(v, k)]
    if isinstance(data, list):
        return [s for v in data for s in strings_in(v, sleutel)]
    return []


def toont_payload(tekst: str) -> bool:
    return "wpxss" in tekst or MARKER.search(tekst) is not None


def buiten_artikel(tekst: str) -> str:
    """A page without its <article>: Material's chrome (header, navigation, footer, scripts)."""
    begin = tekst.find("<article")
    einde = tekst.find("</article>", begin)
    return tekst if begin < 0 or einde < 0 else tekst[:begin] + tekst[einde + len("</article>") :]


def zonder_recent(tekst: str) -> str:
    """A page without its "Recent gewijzigd" block (the home page's list of changed records)."""
    return re.sub(r'<section class="wp-recent".*?</section>', "", tekst, flags=re.S)


def schoon_van(site: Path) -> Schoon:
    """Scripts and chrome elements of the pages that show no payload: Material's own.

    They are the same on every page at the same folder depth, and every depth has
    pages without payloads (hand-written pages, untouched records, 404.html). The home
    page lists recently changed records (with payloads) in its article: the rest of the
    page (its chrome and the blocks made from the taxonomy and the wijken: search form,
    icons, the drawing of the wijken), when that shows no payload, counts as clean (the
    only other page at its depth, 404.html, has no search box in its header).
    """
    schoon = Schoon()
    for bestand in gebouwde_bestanden(site):
        if bestand.suffix != ".html":
            continue
        tekst = bestand.read_text(encoding="utf-8")
        if toont_payload(tekst):
            tekst = zonder_recent(tekst)
        if toont_payload(tekst):
            tekst = buiten_artikel(tekst)
            if toont_payload(tekst):
                continue
        ontleder = Ontleder(None, url_van(site, bestand), verzamel=schoon)
        ontleder.feed(tekst)
        ontleder.close()
    return schoon


# The XML files of the site: the sitemap and the Atom feed of the ontwikkelingen.
XML_NAAMRUIMTEN = {"http://www.sitemaps.org/schemas/sitemap/0.9", "http://www.w3.org/2005/Atom"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def xml_controle(tekst: str, rel: str) -> list[str]:
    """An XML file is safe when it parses and holds only sitemap or Atom elements with safe links:
    a browser that opens it runs nothing (an element in the XHTML or SVG namespace could run)."""
    if re.search(r"<\?xml-stylesheet|<!DOCTYPE|<!ENTITY", tekst, re.I):
        return [f"{rel}: stylesheet, doctype of entity in XML"]
    try:
        root = ET.fromstring(tekst.encode("utf-8"))
    except ET.ParseError as fout:
        return [f"{rel}: geen geldige XML ({fout})"]
    bevindingen = []
    for el in root.iter():
        naamruimte = el.tag[1:].split("}", 1)[0] if el.tag.startswith("{") else ""
        if naamruimte not in XML_NAAMRUIMTEN:
            bevindingen.append(f"{rel}: element {el.tag!r} buiten de naamruimte van sitemap of Atom")
        for naam, waarde in el.attrib.items():
            vreemd = "}" in naam and naam != XML_LANG  # no attributes from other namespaces (xlink:href, xml:base)
            if naam.startswith("on") or vreemd or (naam in URL_ATTRIBUTEN and onveilig_url(waarde)):
                bevindingen.append(f"{rel}: attribuut {naam}={waarde[:120]!r} op {el.tag!r}")
    return bevindingen


@functools.lru_cache(maxsize=None)
def statische_controle(site: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(executable forms, markup Material would render) over every built file of one edition."""
    schoon = schoon_van(site)
    bevindingen, tooltips = [], []
    for bestand in gebouwde_bestanden(site):
        rel, url = bestand.relative_to(site).as_posix(), url_van(site, bestand)
        tekst = bestand.read_text(encoding="utf-8")
        if bestand.suffix in {".json", ".geojson"}:
            # The site's search files: assets/zoeken.js puts every string into the page as
            # text (textContent; test_search_script_never_writes_html checks that), so a
            # string is only dangerous as a link target. The open data holds the partners'
            # text as they wrote it (the /open-data/ page says so: show it as text); its
            # links must still be safe. Any other JSON is treated as HTML.
            als_tekst = rel.startswith(("zoeken/", "open-data/"))
            for i, (sleutel, s) in enumerate(strings_in(json.loads(tekst))):
                if not als_tekst:
                    bevindingen += [f"{rel} [{sleutel} {i}]: {b}" for b in ontleed(s, url, None).bevindingen]
                if sleutel in {"location", "url", "href", "website", "uri", "serviceUrl"} and onveilig_url(s):
                    bevindingen.append(f"{rel} [{sleutel} {i}]: gevaarlijke URL {s[:120]!r}")
            continue
        if bestand.suffix == ".xml":
            bevindingen += xml_controle(tekst, rel)
            continue
        o = ontleed(tekst, url, schoon if bestand.suffix == ".html" else None)
        bevindingen += [f"{rel}: {b}" for b in o.bevindingen]
        if "content.tooltips" in o.features:
            tooltips += [f"{rel}: {b}" for b in o.tooltips]
        if bestand.suffix == ".html" and len(re.findall(r"<title\b", tekst, re.I)) != 1:
            bevindingen.append(f"{rel}: meer dan één <title>")
    return tuple(bevindingen), tuple(tooltips)


def rapport(regels, kop: str, maximum: int = 40) -> str:
    regels = list(dict.fromkeys(regels))
    tekst = "\n  ".join(regels[:maximum])
    meer = f"\n  ... en nog {len(regels) - maximum}" if len(regels) > maximum else ""
    return f"{kop} ({len(regels)}):\n  {tekst}{meer}"


# -- the corpus itself -----------------------------------------------------------------------------


def test_payload_corpus_covers_every_kind():
    tekst = "\n".join(PAYLOADS)
    assert len(PAYLOADS) >= 150, len(PAYLOADS)
    verplicht = {
        "script tag": r"<script>", "img onerror": r"<img src=x onerror=", "javascript: raw": r"^javascript:",
        "data: raw": r"^data:text/html", "javascript: Markdown": r"\]\(javascript:",
        "data: Markdown image": r"!\[[^\]]*\]\(data:", "svg onload": r"<svg onload=", "svg script": r"<svg><script>",
        "mixed case": r"<ScRiPt>", "entities": r"&#x3C;script&#x3E;", "tab in scheme": r"jav&#x09;ascript:",
        "quote break-out": r'^" onmouseover="', "single quote autofocus": r"^' autofocus onfocus='",
        "iframe": r"<iframe", "object": r"<object", "form": r"<form", "style": r"<style>", "BLNS": r"<IMG SRC=&#106;",
        "clobbering": r"\{: #__config \}", "clobbering raw": r'<p id="__config">', "map data": r"#kaartdata-",
    }  # fmt: skip
    ontbrekend = [k for k, patroon in verplicht.items() if not re.search(patroon, tekst, re.M)]
    assert not ontbrekend, ontbrekend
    zonder_marker = [p for p in PAYLOADS if not heeft_marker(p)]
    # Only BLNS lines that load an outside script or break parsing have no marker of their own.
    assert all(re.search(r"ha\.ckers\.org|jscript|plaintext|%%30|^perl", p) for p in zonder_marker), zonder_marker
    dubbel = {n: ps for n, ps in PAYLOAD_VAN.items() if len(ps) > 1}
    assert not dubbel, f"markernummers dubbel gebruikt: {dubbel}"


@pytest.mark.parametrize("voetnoot_scheiding", [":", "-"])
def test_sanitizer_alone_leaves_nothing_executable(voetnoot_scheiding: str):
    """Raw HTML no longer reaches the sanitizer from Markdown, but the sanitizer is the last
    line: every payload as raw HTML, alone and all together, comes out with nothing that
    runs, no id but a footnote id, no class of the site or theme; cleaning again changes
    nothing (what a browser parses is what was checked)."""
    voetnoot_id = re.compile(rf"fn(?:ref\d*)?{re.escape(voetnoot_scheiding)}")
    bevindingen = []
    for payload in PAYLOADS + ["\n".join(PAYLOADS)]:
        schoon = opmaak.schoon(payload, voetnoot_scheiding)
        kort = repr(payload[:80])
        bevindingen += [f"{kort}: {b}" for b in ontleed(schoon, "voorzieningen/x/", None).bevindingen]
        bevindingen += [f"{kort}: id {i!r}" for i in re.findall(r'\bid="([^"]*)"', schoon) if not voetnoot_id.match(i)]
        klassen = [k for w in re.findall(r'\bclass="([^"]*)"', schoon) for k in w.split()]
        bevindingen += [f"{kort}: class {k!r}" for k in klassen if re.match(r"(md|wp|leaflet)-", k)]
        if opmaak.schoon(schoon, voetnoot_scheiding) != schoon:
            bevindingen.append(f"{kort}: opnieuw schoonmaken verandert de uitvoer: {schoon[:120]!r}")
    assert not bevindingen, rapport(bevindingen, "payloads die de sanitizer doorlaat")
    # the restrictions themselves: footnote ids stay, other ids and the site's classes go
    assert opmaak.schoon(f'<li id="fn{voetnoot_scheiding}1" class="wp-melding md-typeset eigen">x</li>', voetnoot_scheiding) == (
        f'<li id="fn{voetnoot_scheiding}1" class="eigen">x</li>'
    )


def test_every_payload_reaches_the_pages(xss: Xss):
    """The test is only as good as its reach: every field shows up where expected, escaped."""
    inj = xss.injectie
    for editie, site in xss.sites.items():
        paginas: dict[str, str] = {}
        for sentinel, (url, waar) in inj.sentinels.items():
            pad = site / url / "index.html"
            if waar == "intern" and editie == "publiek":
                continue
            assert pad.is_file(), f"{editie}: {url} is niet gebouwd"
            if url not in paginas:
                paginas[url] = pad.read_text(encoding="utf-8")
            # In a Markdown field each sentinel is a paragraph of its own: a payload before it
            # did not pull the rest of the field into a code block, a list or a footnote.
            verwacht = sentinel if sentinel in inj.tekstvelden else f"<p>{sentinel}</p>"
            assert verwacht in paginas[url], f"{editie}: {verwacht} staat niet op {url}"
        for sentinel, (url, waar) in inj.tekstvelden.items():
            if waar == "intern" and editie == "publiek":
                continue
            zichtbaar = html.unescape((site / url / "index.html").read_text(encoding="utf-8"))
            weg = [p for p in PAYLOADS if p not in zichtbaar]
            assert not weg, f"{editie}: {url} toont niet elke payload letterlijk in {sentinel}: {weg[:5]}"
        for url, naam in inj.namen.items():
            if inj.records[url] == "intern" and editie == "publiek":
                continue
            assert titel((site / url / "index.html").read_text(encoding="utf-8")) == naam.strip(), url
    # every payload went into naam (except the few longer than 150 characters) and samenvatting
    in_namen = " ".join(inj.namen.values())
    assert all(p in in_namen for p in PAYLOADS if p not in inj.niet_in_naam)
    assert len(inj.niet_in_naam) <= 5, inj.niet_in_naam
    assert all(any(p in s for s in inj.samenvattingen) for p in PAYLOADS)
    # intern-only text never reaches the publiek edition
    publiek = "\n".join(b.read_text(encoding="utf-8") for b in gebouwde_bestanden(xss.sites["publiek"]))
    intern = {s for s, (_, waar) in inj.sentinels.items() if waar == "intern"} | {"wpxsssleutel"}
    # a sentinel may run into the text after it (the search index): look at every start of each word
    lek = sorted({w[:n] for w in set(re.findall(r"wpxss\w+", publiek)) for n in range(5, len(w) + 1)} & intern)
    assert not lek, lek


@pytest.mark.parametrize("editie", ["intern", "publiek"])
def test_no_executable_payload_in_built_files(xss: Xss, editie: str):
    bevindingen, _ = statische_controle(xss.sites[editie])
    assert not bevindingen, rapport(bevindingen, f"uitvoerbare payloads in de {editie}e site")


@pytest.mark.parametrize("editie", ["intern", "publiek"])
def test_no_markup_in_text_that_material_renders_as_html(xss: Xss, editie: str):
    """With the content.tooltips feature on, Material puts title attributes and clipped
    .md-ellipsis text (page title in the header, table of contents) into a tooltip with
    innerHTML: an escaped '<' in such text is markup again in the browser. Without the
    feature the browser shows a title as plain text, and nothing is reported."""
    _, tooltips = statische_controle(xss.sites[editie])
    assert not tooltips, rapport(tooltips, f"markup die Material als HTML toont ({editie})")


def test_search_script_never_writes_html():
    """Record text reaches the finder and the header box only through textContent."""
    for naam in ("zoeken.js", "kaart.js", "zoekindex.js", "zoektaal.js"):
        bron = (PROJECT / "src/wijkportaal/assets" / naam).read_text(encoding="utf-8")
        schrijvers = re.findall(r"(innerHTML|outerHTML|insertAdjacentHTML|document\.write)\s*[+=(]", bron)
        if naam == "zoeken.js":  # one fixed SVG icon, no data
            assert len(schrijvers) == 1 and "knop.innerHTML =\n      '<svg" in bron, schrijvers
        else:
            assert schrijvers == [], (naam, schrijvers)


def test_static_check_finds_what_it_should():
    """The checker itself: every kind of executable form is reported, the clean forms are not."""
    schoon = Schoon()
    ontleder = Ontleder(None, "", verzamel=schoon)
    ontleder.feed('<html><head><title>t</title><script src="assets/x.js"></script></head><body><p>ok</p></body></html>')
    ontleder.close()
    gevallen = {
        "<script>alert(1)</script>": True,
        '<script src="https://evil.example/x.js"></script>': True,
        '<img src=x onerror="alert(1)">': True,
        '<a href=" jav&#x09;ascript:alert(1)">x</a>': True,
        '<a href="DATA:text/html,x">x</a>': True,
        '<a href="java\x01script:alert(1)">x</a>': False,  # not a scheme for a browser either
        '<a href="jav ascript:alert(1)">x</a>': False,
        "<iframe></iframe>": True,
        '<div style="background:url(javascript:alert(1))">': True,
        '<script type="application/json">{"a": "</script><script>alert(1)</script>': True,
        '<p id="__config">{"features": ["content.tooltips"]}</p>': True,
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>": False,
        '<p id="fn:1">noot</p><p id="fn:1">noot</p>': False,
        '<p id="kaartdata-x">[]</p><script type="application/json" id="kaartdata-x">[]</script>': True,
        '<a href="https://example.org" title="&quot; onmouseover=&quot;x">x</a>': False,
        '<script src="assets/x.js"></script>': False,
    }
    for stuk, gevaarlijk in gevallen.items():
        o = ontleed(f'<article>{stuk}</article><script id="__config"></script>', "voorzieningen/x/", schoon)
        assert bool(o.bevindingen) == gevaarlijk, (stuk, o.bevindingen)
    config = '<script id="__config" type="application/json">{"features": ["content.tooltips"]}</script>'
    o = ontleed(config + '<a title="&lt;img src=x onerror=alert(1)&gt;">x</a>', "", schoon)
    assert o.tooltips and o.features == ["content.tooltips"]
    assert ontleed('<span class="md-ellipsis">&lt;img src=x&gt;</span>', "", schoon).tooltips
    assert not ontleed('<span class="md-ellipsis">Over &amp; uit</span><a title="a &gt; b">x</a>', "", schoon).tooltips


# -- in a browser ---------------------------------------------------------------------------------

VALSTRIKKEN = r"""
(() => {
  const treffers = [];
  Object.defineProperty(window, "__xssTreffers", { value: treffers });
  let waarde;
  Object.defineProperty(window, "__xss", {
    configurable: false,
    get() { return waarde; },
    set(v) { waarde = v; treffers.push("window.__xss=" + String(v)); },
  });
  for (const naam of ["alert", "prompt", "confirm"]) {
    const echt = window[naam];
    window[naam] = function (...args) {
      treffers.push(naam + "(" + args.map(String).join(",") + ")");
      return echt.apply(this, args);
    };
  }
  // Clicking must not leave the page, except for a javascript: link (that is what we look for).
  document.addEventListener("click", (e) => {
    const a = e.target instanceof Element ? e.target.closest("a[href]") : null;
    if (a && !(a instanceof HTMLAnchorElement && a.protocol === "javascript:")) e.preventDefault();
  }, true);
  document.addEventListener("submit", (e) => {
    const actie = (e.submitter && e.submitter.formAction) || e.target.action || "";
    if (!/^\s*javascript:/i.test(actie)) e.preventDefault();
  }, true);
})();
"""

# Inline event handlers react to synthetic events: every element that has one (after
# Material and the map have done their work) is hovered, focused and clicked; so are the
# links, buttons, summaries and markers of the article. (Listeners that scripts added
# themselves only matter for a real pointer: see ZWEEFDOELEN.)
VEEG = r"""
async (wachten) => {
  const slaap = (ms) => new Promise((r) => setTimeout(r, ms));
  const met_handler = () => [...document.querySelectorAll("*")].filter(
    (el) => el.getAttributeNames().some((n) => n.toLowerCase().startsWith("on")));
  const bedien = "article a[href], article button, article summary, article input, article [tabindex], "
    + "article .leaflet-marker-icon, article .marker-cluster";
  const doelen = new Set([...met_handler(), ...document.querySelectorAll(bedien)]);
  for (const el of doelen) {
    // a click can re-render part of the page (the finder's results): an element that left
    // the document is out of a person's reach, and the traps on document would not see it
    if (!el.isConnected) continue;
    for (const soort of ["pointerover", "pointerenter", "mouseover", "mouseenter", "mousemove"]) {
      el.dispatchEvent(new MouseEvent(soort, { bubbles: !soort.endsWith("enter"), cancelable: true, view: window }));
    }
    el.dispatchEvent(new FocusEvent("focus"));
    el.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
    try { el.focus({ preventScroll: true }); } catch (e) {}
    try { el.click(); } catch (e) {}
  }
  await slaap(wachten);
  // what appeared after the clicks (map popups, tooltips, new handlers) gets the same treatment
  const nieuw = [...met_handler(), ...document.querySelectorAll(".leaflet-popup a, .md-tooltip2 a")]
    .filter((el) => !doelen.has(el));
  for (const el of nieuw) {
    if (!el.isConnected) continue;
    el.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    try { el.click(); } catch (e) {}
  }
  if (nieuw.length) await slaap(wachten);
  return { doelen: doelen.size, nieuw: nieuw.length };
}
"""

# Material's tooltips (feature content.tooltips) only open for a real pointer, so
# everything whose tooltip text holds a '<' (a title attribute, clipped .md-ellipsis text
# that Material copies into a title, a map marker) gets a real mouse hover. Text without
# '<' cannot become an element, whatever Material does with it; without the feature the
# browser shows a title as plain text.
TOOLTIPS_AAN = r"""
() => {
  const config = document.getElementById("__config");
  return (config ? JSON.parse(config.textContent).features || [] : []).includes("content.tooltips");
}
"""

ZWEEFDOELEN = r"""
() => {
  const doelen = [];
  const gezien = new Set();
  const markup = (t) => /<[a-zA-Z!\/?]/.test(t || "");
  document.querySelectorAll("[title], .md-ellipsis, .leaflet-marker-icon").forEach((el) => {
    const tekst = el.getAttribute("title") || (el.classList.contains("md-ellipsis") ? el.textContent : "");
    const soort = el.tagName + (el.closest(".md-header") ? "@kop" : el.closest(".md-nav") ? "@nav" : "") + tekst;
    if (markup(tekst) && !gezien.has(soort)) {
      gezien.add(soort);
      doelen.push(el);
    }
  });
  // the header last: it shows the page title only after scrolling down
  doelen.sort((a, b) => Number(!!a.closest(".md-header")) - Number(!!b.closest(".md-header")));
  doelen.forEach((el, i) => el.setAttribute("data-wpxss-zweef", String(i)));
  return doelen.length;
}
"""

ZWEEF_NAAR = r"""
(i) => {
  const el = document.querySelector(`[data-wpxss-zweef="${i}"]`);
  if (!el) return null;
  // "instant": Material scrolls smoothly, and a pointer that stands still while the page
  // scrolls under it does not enter anything
  if (el.closest(".md-header")) window.scrollTo({ top: 600, behavior: "instant" });
  else el.scrollIntoView({ block: "center", inline: "center", behavior: "instant" });
  const r = el.getBoundingClientRect();
  return r.width && r.height ? [r.x + Math.min(r.width / 2, 40), r.y + r.height / 2] : null;
}
"""


LOKAAL = "http://127.0.0.1"
# Nothing but 127.0.0.1 is reachable, and every request elsewhere that is not an image is
# reported (see Tabblad). Requests for anything but an image are aborted with page.route(),
# as in test_browser.py; images, above all the dozens of map tiles a page asks for, are
# left to Chromium's resolver, which knows no other host: sending them through Python as
# well made every page several times slower.
NIET_LOKAAL = re.compile(r"^(?!http://127\.0\.0\.1[:/])(?!.*\.(?:png|jpe?g|gif|webp)(?:\?|$))")
BUITEN_ONBEREIKBAAR = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"

# A page that runs payloads in five ways, to show that the browser checks catch them.
ZELFTEST = "__wpxss_zelftest__/"
ZELFTEST_HTML = (
    "<!doctype html><title>t</title>"
    '<script id="__config" type="application/json">{"features": ["content.tooltips"]}</script>'
    '<article><a href="javascript:window.__xss=1">a</a>'
    '<span onmouseover="alert(2)">b</span><img src=x onerror="prompt(3)">'
    '<p title="&lt;b&gt;" onmouseenter="if (event.isTrusted) alert(4)">alleen echt zweven</p>'
    '<script src="https://buiten.example/x.js"></script></article>'
)


class _StilleHandler(http.server.SimpleHTTPRequestHandler):

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        if "/assets/" in self.path:  # let the browser keep Material and Leaflet between pages
            self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def _stuur(self, inhoud: str, soort: str) -> None:
        data = inhoud.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", soort)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        pad = urlsplit(self.path).path
        if pad == f"/{ZELFTEST}":
            self._stuur(ZELFTEST_HTML, "text/html; charset=utf-8")
        else:
            super().do_GET()


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # the browser closing a connection early is not our business


def serveer(map_: Path) -> http.server.ThreadingHTTPServer:
    """Serve a built site on 127.0.0.1 (with the self-test page)."""
    server = _Server(("127.0.0.1", 0), functools.partial(_StilleHandler, directory=str(map_)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def adres_van(server: http.server.ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


OVERZICHTEN = ("", "voorzieningen/", "organisaties/", "methodieken/", "werkinstructies/", "onderhoud/", "kaart/")


def te_bezoeken(xss: Xss, editie: str) -> list[str]:
    """Every record page with payloads (in the publiek edition only the ones not already seen
    with the same template in the intern edition), every overview, one page per kind of list."""
    site = xss.sites[editie]
    met_payload = paginas_met_payloads(site)
    urls = [
        url for url, waar in xss.injectie.records.items()
        if (editie == "intern" or (waar == "beide" and not url.startswith("voorzieningen/xss-")))
    ]  # fmt: skip
    urls += [u for u in OVERZICHTEN if u in met_payload]
    for soort in ("wijken/", "themas/", "doelgroepen/"):
        urls += [u for u in met_payload if u.startswith(soort) and u != soort][:1]
    return list(dict.fromkeys(urls))


def paginas_met_payloads(site: Path) -> list[str]:
    """Every built page that shows (escaped) payload text."""
    uit = []
    for bestand in gebouwde_bestanden(site):
        if bestand.suffix == ".html" and bestand.name == "index.html":
            if toont_payload(bestand.read_text(encoding="utf-8")):
                uit.append(url_van(site, bestand))
    return uit


@dataclass
class Bezoek:
    url: str
    adres: str = ""
    treffers: list[str] = field(default_factory=list)
    dialogen: list[str] = field(default_factory=list)
    buiten: list[str] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)
    xss: object = None
    info: dict = field(default_factory=dict)

    def problemen(self) -> list[str]:
        uit = [f"{self.url}: dialoog {d!r} ← {payload_met_nummer(d)}" for d in self.dialogen]
        uit += [f"{self.url}: {t} ← {payload_met_nummer(t)}" for t in self.treffers if t.startswith("window.__xss")]
        if self.xss is not None:
            uit.append(f"{self.url}: window.__xss = {self.xss!r}")
        uit += [f"{self.url}: verzoek naar buiten {b}" for b in self.buiten]
        uit += [f"{self.url}: {f}" for f in self.fouten]
        return uit


class Tabblad:
    """One browser tab that visits page after page (a new tab per page costs a new process)."""

    def __init__(self, pagina, wachten: int) -> None:
        self.pagina, self.wachten = pagina, wachten
        self.bezoek = Bezoek("")

    @classmethod
    async def open(cls, context, wachten: int) -> "Tabblad":
        tab = cls(await context.new_page(), wachten)

        async def dialoog(d) -> None:
            tab.bezoek.dialogen.append(d.message)
            await d.dismiss()

        def verzoek(v) -> None:
            # Images (map tiles, images in record Markdown) cannot run anything; the rest can.
            if not v.url.startswith(LOKAAL) and v.resource_type != "image":
                tab.bezoek.buiten.append(f"{v.resource_type} {v.url[:120]}")

        tab.pagina.on("dialog", dialoog)
        tab.pagina.on("request", verzoek)
        await tab.pagina.route(NIET_LOKAAL, lambda r: r.abort())
        return tab

    async def _oogst(self) -> None:
        try:
            self.bezoek.treffers += await self.pagina.evaluate("Array.from(window.__xssTreffers || [])")
            self.bezoek.xss = await self.pagina.evaluate("window.__xss")
        except Exception as fout:  # the page navigated away: that is a finding too
            self.bezoek.fouten.append(f"pagina niet meer te lezen na de acties ({self.pagina.url}): {fout}")

    async def _doorzoek(self) -> None:
        """Hover what Material turns into tooltips, then hover, focus and click everything."""
        p = self.pagina
        tooltips = await p.evaluate(TOOLTIPS_AAN)  # without the feature the browser shows a title as text
        if tooltips:
            await p.wait_for_timeout(250)  # Material gives clipped text a title once it is visible
        for i in range(await p.evaluate(ZWEEFDOELEN) if tooltips else 0):
            plek = await p.evaluate(ZWEEF_NAAR, i)
            if plek:
                await p.mouse.move(*plek)
                await p.mouse.move(plek[0] + 1, plek[1])
                await p.wait_for_timeout(300)  # Material opens one tooltip at a time, after the last one closed
        await p.mouse.move(1, 1)
        self.bezoek.info.update(await p.evaluate(VEEG, self.wachten))

    async def bezoek_pagina(self, adres: str, url: str) -> Bezoek:
        self.bezoek = Bezoek(url, adres)
        try:
            await self.pagina.goto(f"{adres}/{url}", wait_until="load")
            await self._doorzoek()
            await self._oogst()
        except Exception as fout:
            self.bezoek.fouten.append(f"fout: {fout}")
        return self.bezoek

    async def zoek(self, adres: str, woord: str, adres_resultaat: str) -> list[Bezoek]:
        """Search on ``adres``: suggestions in the header box, then the finder's results;
        open the first result on ``adres_resultaat``."""
        self.bezoek = zoeker = Bezoek(f"zoeken naar {woord!r}", adres)
        p, hrefs = self.pagina, []
        try:
            await p.goto(f"{adres}/", wait_until="load")
            await p.locator(".wp-zoekvak__invoer").fill(woord)
            await p.locator(".wp-zoekvak__suggestie").first.wait_for(timeout=30000)
            zoeker.info["suggesties"] = await p.locator(".wp-zoekvak__suggestie").count()
            await self._doorzoek()
            await self._oogst()
            await p.goto(f"{adres}/zoeken/?q={quote(woord)}", wait_until="load")
            await p.locator("#wp-zoeker[data-tekstindex]").wait_for(timeout=30000)
            resultaten = p.locator("#wp-resultaten li a[href], #wp-resultaten-anders li a[href]")
            await resultaten.first.wait_for(timeout=30000)
            zoeker.info["resultaten"] = await resultaten.count()
            hrefs = await resultaten.evaluate_all("els => els.map(e => e.getAttribute('href'))")
            await self._doorzoek()
            await self._oogst()
        except Exception as fout:
            zoeker.fouten.append(f"fout: {fout}")
        bezoeken = [zoeker]
        for href in hrefs[:1]:
            doel = urljoin(f"{adres}/zoeken/", href).removeprefix(f"{adres}/")
            bezoeken.append(await self.bezoek_pagina(adres_resultaat, doel))
        return bezoeken


async def _in_de_browser(taken: list[tuple], tabs: int = 2, wachten: int = 50) -> list[Bezoek]:
    """Runs ('pagina', adres, url) and ('zoeken', adres, (woord, adres_resultaat)) tasks over a few tabs."""
    from playwright.async_api import async_playwright

    wachtrij: asyncio.Queue = asyncio.Queue()
    for taak in taken:
        wachtrij.put_nowait(taak)
    bezoeken: list[Bezoek] = []

    async def werker(context) -> None:
        tab = await Tabblad.open(context, wachten)
        while not wachtrij.empty():
            soort, adres, wat = wachtrij.get_nowait()
            if soort == "pagina":
                bezoeken.append(await tab.bezoek_pagina(adres, wat))
            else:
                bezoeken.extend(await tab.zoek(adres, *wat))
        await tab.pagina.close()

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=[BUITEN_ONBEREIKBAAR])
        try:
            context = await browser.new_context(viewport={"width": 1280, "height": 900})
            await context.add_init_script(VALSTRIKKEN)
            await asyncio.gather(*(werker(context) for _ in range(min(tabs, len(taken)))))
        finally:
            await browser.close()
    return bezoeken


def bezoek_alles(xss: Xss) -> dict[str, list[Bezoek]]:
    """Every browser visit, both editions in one browser: {'intern': [...], 'publiek': [...], 'zelftest': [...]}.

    'zoeken' serves the intern site again, for the search."""
    assert CHROMIUM, "chromium ontbreekt: installeer het Debian-pakket 'chromium'"
    servers = {editie: serveer(site) for editie, site in xss.sites.items()}
    servers["zoeken"] = serveer(xss.sites["intern"])
    adressen = {editie: adres_van(server) for editie, server in servers.items()}
    try:
        taken = [("zoeken", adressen["zoeken"], ("onerror", adressen["intern"])), ("pagina", adressen["intern"], ZELFTEST)]
        for editie in ("intern", "publiek"):
            taken += [("pagina", adressen[editie], url) for url in te_bezoeken(xss, editie)]
        editie_van = {adres: "intern" if editie == "zoeken" else editie for editie, adres in adressen.items()}
        uit: dict[str, list[Bezoek]] = {"intern": [], "publiek": [], "zelftest": []}
        # Its own event loop in its own thread: the session's shared (sync) Chromium holds the main thread's loop.
        with concurrent.futures.ThreadPoolExecutor(1) as draad:
            bezoeken = draad.submit(asyncio.run, _in_de_browser(taken)).result()
        for bezoek in bezoeken:
            uit["zelftest" if bezoek.url == ZELFTEST else editie_van[bezoek.adres]].append(bezoek)
        return uit
    finally:
        for server in servers.values():
            server.shutdown()
            server.server_close()


@pytest.fixture(scope="module")
def in_de_browser(xss: Xss) -> dict[str, list[Bezoek]]:
    return _VOORUIT["browser"].result()


def test_browser_traps_work(in_de_browser):
    """A payload that does run is caught: the traps, the dialog handler, the sweep, the real hover."""
    (bezoek,) = in_de_browser["zelftest"]
    assert sorted(bezoek.dialogen) == ["2", "3", "4"], bezoek
    assert "window.__xss=1" in bezoek.treffers and bezoek.xss == 1, bezoek
    assert bezoek.buiten == ["script https://buiten.example/x.js"], bezoek


@pytest.mark.parametrize("editie", ["intern", "publiek"])
def test_no_payload_runs_in_the_browser(xss: Xss, in_de_browser, editie: str):
    bezoeken = in_de_browser[editie]
    bezocht = {b.url for b in bezoeken}
    assert set(te_bezoeken(xss, editie)) <= bezocht, "niet elke pagina is bezocht"
    problemen = [p for b in bezoeken for p in b.problemen()]
    kop = f"payloads die in de browser draaien ({editie}, {len(bezoeken)} bezoeken)"
    assert not problemen, rapport(problemen, kop, 60)
    zoekers = [b for b in bezoeken if b.url.startswith("zoeken")]
    assert all(b.info.get("resultaten") for b in zoekers), [(b.url, b.info) for b in zoekers]
    if editie == "intern":
        assert zoekers, "de zoekfunctie is niet gebruikt"
