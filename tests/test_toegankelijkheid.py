"""Accessibility in a real browser (issue #13).

axe-core checks the WCAG 2.0 and 2.1 rules of level A and AA on the pages of both editions, at
computer and phone width, in the light and the dark scheme. The keyboard alone (Tab, Shift+Tab,
Enter, Space) must reach and work every control of the finder, the verwijslijst, the list under a
map and the light/dark switch, with a visible focus ring on everything it reaches, and every page
starts with a working skip link "Naar de inhoud".

axe-core comes from the npm registry: ``scripts/test`` installs the pinned version in
``.venv/npm``; the pages get it from disk (no network). All browser work runs in one Chromium in a
background thread that ``conftest.py`` starts when collection finished (like tests/test_xss.py),
on the session's ``proef`` build, one page after another in one tab (so it takes about one core
beside the other tests); the tests only read what it saw.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import http.server
import json
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pytest

from conftest import CHROMIUM, PROJECT, maak_proef, serveer, vooruit
from wijkportaal.voorziening import TOEGANG_LABEL

AXE_MAP = PROJECT / ".venv" / "npm" / "node_modules" / "axe-core"
AXE_JS = AXE_MAP / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BREEDTES = {"computer": {"width": 1280, "height": 900}, "telefoon": {"width": 390, "height": 844}}
SCHEMA = {"licht": "default", "donker": "slate"}  # Material's names for the two colour schemes
# Only 127.0.0.1 is reachable (the publiek edition's map tiles fail at once); no background traffic.
CHROMIUM_ARGS = ["--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip

WIJK = "wijken/boswinkel-stadsveld/"
# The pages axe checks, per edition: (url, what to wait for first, how). Waits: "zoeker" (the finder
# is ready), "zoeken" (results, and the first one put on the verwijslijst, so the list shows too),
# "kaart" (the map is drawn). How: BEIDE = light at computer and phone width (the pages the issue
# names and the other kinds of record); VOL = also dark at computer width (a page of each template);
# DONKER_TELEFOON = also dark on the phone; LICHT = light at computer width only (further pages).
BEIDE, LICHT = ("licht computer", "licht telefoon"), ("licht computer",)
VOL = (*BEIDE, "donker computer")
DONKER_TELEFOON = (*BEIDE, "donker telefoon", "donker computer")
PAGINAS = {
    "intern": [
        ("", "", DONKER_TELEFOON),
        ("zoeken/", "zoeker", BEIDE),
        ("zoeken/?q=schulden", "zoeken", VOL),
        (WIJK, "kaart", VOL),
        ("voorzieningen/meubeldepot/", "", VOL),  # unconfirmed value, intern field, freshness
        ("methodieken/presentiebenadering/", "", VOL),
        ("werkinstructies/meubeldepot-aanmelden/", "", VOL),
        ("organisaties/alifa/", "", BEIDE),
        ("onderhoud/", "", BEIDE),
        ("wie-is-wie/team-huiselijk-geweld/", "", VOL),  # a person with a photo
        ("vragen/hoe-werkt-de-meldcode/", "", VOL),
        ("ontwikkelingen/doorbraakteam-opgericht/", "", VOL),
        ("wijkanalyse/", "", VOL),
        ("404.html", "", LICHT),
    ],
    "publiek": [
        ("", "", DONKER_TELEFOON),
        ("zoeken/", "zoeker", BEIDE),
        ("zoeken/?q=schulden", "zoeken", DONKER_TELEFOON),
        (WIJK, "kaart", DONKER_TELEFOON),
        ("voorzieningen/meubeldepot/", "", BEIDE),
        ("organisaties/alifa/", "", BEIDE),
        ("kaart/", "kaart", LICHT),
        ("voorzieningen/", "", LICHT),
        ("voorzieningen/hulp-om-de-hoek/", "kaart", LICHT),  # a small map, location bij benadering
        ("vragen/wat-is-een-indicatie/", "", LICHT),
        ("over/", "", LICHT),
        ("toegankelijkheid/", "", LICHT),
        ("privacy/", "", LICHT),
        ("woordenlijst/", "", LICHT),
        ("open-data/", "", LICHT),  # tables of fields
    ],
}

WACHT_OP = {
    "zoeker": "#wp-zoeker[data-tekstindex]",
    "zoeken": "#wp-resultaten li .wp-resultaat__lijst",
    "kaart": ".wp-kaart__vlak[data-markers]",
}


def axe_bron() -> tuple[str, str, str]:
    """axe.min.js, its Dutch messages and its version, from disk; a clear failure when missing."""
    js = AXE_JS
    if not js.is_file():
        pytest.fail(
            f"axe-core ontbreekt ({js.relative_to(PROJECT)}). Draai scripts/test, dat het installeert, of zelf:\n"
            "  npm install --prefix .venv/npm --no-audit --no-fund --save-exact axe-core@4.14.1",
            pytrace=False,
        )
    versie = json.loads((AXE_MAP / "package.json").read_text(encoding="utf-8"))["version"]
    return js.read_text(encoding="utf-8"), (AXE_MAP / "locales" / "nl.json").read_text(encoding="utf-8"), versie


# -- what the browser saw ---------------------------------------------------------------------


@dataclass
class Overtreding:
    regel: str
    impact: str
    uitleg: str
    doelen: list[str]


@dataclass
class Uitslag:
    """axe on one page, at one width, in one scheme."""

    editie: str
    url: str
    breedte: str
    schema: str
    overtredingen: list[Overtreding] = field(default_factory=list)
    fout: str = ""

    @property
    def plek(self) -> str:
        return f"{self.editie} /{self.url} ({self.breedte}, {self.schema})"


@dataclass
class Controles:
    """The checks of one keyboard scenario: (what, passed, detail)."""

    naam: str
    uitkomsten: list[tuple[str, bool, str]] = field(default_factory=list)

    def ok(self, wat: str, geslaagd: object, detail: object = "") -> bool:
        self.uitkomsten.append((wat, bool(geslaagd), "" if geslaagd else str(detail)))
        return bool(geslaagd)

    def mislukt(self) -> list[str]:
        return [f"{self.naam}: {wat}" + (f"\n      {detail}" if detail else "") for wat, goed, detail in self.uitkomsten if not goed]


@dataclass
class Veeg:
    axe_versie: str
    uitslagen: list[Uitslag]
    controles: dict[str, Controles]  # scenario -> checks
    zelftest: list[Overtreding]


# The element that has the focus: what it is, and whether the focus shows. The ring is an outline
# or shadow on the element itself, or: on the label of Material's light/dark switch (a hidden radio
# button), an outline on a tile around a link (:focus-within), a thicker or other stroke on the
# shape of a link in a drawing than on its neighbours.
FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const doel = e.matches("input.md-option") && e.nextElementSibling ? e.nextElementSibling : e;
  const s = getComputedStyle(doel);
  const omlijnd = t => t.outlineStyle !== "none" && parseFloat(t.outlineWidth) >= 1;
  let ring = omlijnd(s) || (s.boxShadow || "none") !== "none";
  for (let n = e.parentElement, i = 0; !ring && n && i < 3; n = n.parentElement, i++) ring = omlijnd(getComputedStyle(n));
  if (!ring && e.closest("svg")) {
    const vorm = x => x.querySelector("path, rect, circle, polygon");
    const ander = [...e.parentElement.children].find(x => x !== e && x.tagName === e.tagName && vorm(x));
    if (vorm(e) && ander) {
      const a = getComputedStyle(vorm(e)), b = getComputedStyle(vorm(ander));
      ring = a.stroke !== b.stroke || a.strokeWidth !== b.strokeWidth;
    }
  }
  let zicht = 1;
  for (let n = doel; n && n.nodeType === 1; n = n.parentElement) {
    const t = getComputedStyle(n);
    if (t.visibility === "hidden" || t.display === "none") zicht = 0;
    zicht *= parseFloat(t.opacity);
  }
  const r = doel.getBoundingClientRect();
  const inBeeld = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  const tekst = (e.getAttribute("aria-label") || e.innerText || e.value || "").trim().replace(/\\s+/g, " ").slice(0, 50);
  const klassen = [...e.classList].filter(k => k !== "focus-visible");
  const pad = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + klassen.slice(0, 3).map(k => "." + k).join("");
  const binnen = Object.entries({artikel: "#inhoud", kaart: ".wp-kaart", kaartlijst: ".wp-plaatsen",
    resultaten: "#wp-resultaten", verwijslijst: ".wp-verwijslijst__item", kopievak: ".wp-verwijslijst__kopievak"})
    .filter(([naam, css]) => e.closest(css)).map(([naam]) => naam);
  window.__wpNr = window.__wpNr || 0;
  e.__wpNr = e.__wpNr || ++window.__wpNr;
  const inhoud = document.getElementById("inhoud");
  const naInhoud = !!inhoud && (inhoud.contains(e) || !!(inhoud.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING));
  return {tag: e.tagName.toLowerCase(), id: e.id, klassen, pad, tekst, ring, zichtbaar: zicht > 0.5 && inBeeld, binnen,
          na_inhoud: naInhoud, nr: e.__wpNr};
}"""

ANDERS_DAN = "t => document.getElementById('wp-aantal').textContent !== t"
GELIJK_AAN = "t => document.getElementById('wp-aantal').textContent === t"
RUST = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"  # two frames for the layout
# Transitions (Material fades the skip link, the header title, link colours, ...) end at once: axe
# and the focus checks see the colours and places a reader sees when the movement is over.
ZONDER_OVERGANGEN = """document.addEventListener("DOMContentLoaded", () => document.head.insertAdjacentHTML("beforeend",
  "<style>*, *::before, *::after { transition-duration: 0s !important; transition-delay: 0s !important;"
  + " animation-duration: 0s !important; animation-delay: 0s !important; }</style>"))"""

AXE_DRAAI = """async (tags) => {
  const r = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return r.violations.map(v => ({regel: v.id, impact: v.impact || "", uitleg: v.help,
    doelen: v.nodes.map(n => n.target.join(" ") + "  " + (n.failureSummary || "").split("\\n").slice(1, 2).join("").trim())}));
}"""


async def _laad_axe(p) -> None:
    """axe-core and its Dutch messages, from the test server (cached, so compiled once)."""
    await p.add_script_tag(url=AXE_URL)
    await p.add_script_tag(url=AXE_NL_URL)


async def _axe(p) -> list[Overtreding]:
    return [Overtreding(**v) for v in await p.evaluate(AXE_DRAAI, WCAG)]


async def _focus(p) -> dict | None:
    return await p.evaluate(FOCUS)


async def _tab(p, c: Controles, terug: bool = False) -> dict | None:
    """One Tab (or Shift+Tab); the focused element must show its focus."""
    await p.keyboard.press("Shift+Tab" if terug else "Tab")
    f = await _focus(p)
    if f is not None:
        c.ok(f"focus zichtbaar op {f['pad']} {f['tekst']!r}", f["ring"] and f["zichtbaar"], f)
    return f


async def _wacht(p, js: str, arg=None, seconden: float = 20) -> bool:
    """Wait until ``js(arg)`` is true in the page; False when it does not come."""
    try:
        await p.wait_for_function(js, arg=arg, timeout=seconden * 1000)
        return True
    except Exception:
        return False


async def _tab_tot(p, c: Controles, test, wat: str, maximum: int = 80, terug: bool = False) -> dict | None:
    """Tab until ``test(focus)`` holds; None (and a failed check) when it never does."""
    for _ in range(maximum):
        f = await _tab(p, c, terug)
        if f is not None and test(f):
            return f
    c.ok(f"met Tab bereikbaar: {wat}", False, f"niet bereikt in {maximum} keer Tab")
    return None


# -- axe over the pages -----------------------------------------------------------------------


async def _pagina(p, adres: str, editie: str, url: str, actie: str, hoe: tuple[str, ...], overslaan: Controles) -> list[Uitslag]:
    """axe at the widths and in the schemes of ``hoe``; on the way, the skip link of the page."""
    await p.set_viewport_size(BREEDTES["computer"])
    await p.goto(f"{adres}/{url}", wait_until="load")
    if actie in WACHT_OP:
        await p.locator(WACHT_OP[actie]).first.wait_for(state="attached", timeout=30000)
    await _overslaan(p, f"{editie} /{url}", overslaan)
    if actie == "zoeken":
        await p.locator("#wp-resultaten li .wp-resultaat__lijst").first.click()
        await p.locator(".wp-verwijslijst__item").first.wait_for(timeout=30000)
    await _laad_axe(p)
    uit = []
    nu = ("licht", "computer")
    for stap in hoe:
        schema, breedte = stap.split()
        if schema != nu[0]:
            await p.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{SCHEMA[schema]}')")
        if breedte != nu[1]:
            await p.set_viewport_size(BREEDTES[breedte])
        nu = (schema, breedte)
        await p.evaluate(RUST)
        uitslag = Uitslag(editie, url, breedte, schema)
        try:
            uitslag.overtredingen = await _axe(p)
        except Exception as fout:
            uitslag.fout = str(fout)
        uit.append(uitslag)
    return uit


async def _overslaan(p, plek: str, c: Controles) -> None:
    """The first Tab reaches "Naar de inhoud", visibly; Enter puts the focus on the article, and the next Tab stays in it."""
    f = await _tab(p, c)
    if not c.ok(f"{plek}: eerste Tab bereikt 'Naar de inhoud'", f and f["tekst"] == "Naar de inhoud", f):
        return
    await p.keyboard.press("Enter")
    f = await _focus(p)
    c.ok(f"{plek}: Enter zet de focus op de inhoud", f and f["id"] == "inhoud", f)
    f = await _tab(p, c)
    # (or, on a page with nothing to focus after the title, round to the skip link again)
    c.ok(f"{plek}: de volgende Tab gaat verder in of na de inhoud", f is None or f["na_inhoud"] or "md-skip" in f["klassen"], f)
    await p.evaluate("document.activeElement && document.activeElement.blur()")


async def _zelftest(p, adres: str) -> list[Overtreding]:
    """axe, as it is loaded and run here, does report a link told apart by colour only and an image without alt."""
    await p.goto(f"{adres}/", wait_until="load")
    await p.evaluate("""() => document.querySelector("#inhoud").insertAdjacentHTML("afterbegin",
      '<p id="wp-zelftest">Tekst met <a href="#" style="text-decoration:none;color:#3a3a3a">een link</a> erin. <img src="x.png"></p>')""")
    await _laad_axe(p)
    return await _axe(p)


# -- the keyboard -----------------------------------------------------------------------------


async def _zoeker(context, adres: str) -> Controles:
    """The finder and the verwijslijst, from the skip link on, with the keyboard only."""
    c = Controles("zoeker")
    p = await context.new_page()
    await p.goto(f"{adres}/zoeken/", wait_until="load")
    await p.locator(WACHT_OP["zoeker"]).wait_for(state="attached", timeout=30000)
    aantal = p.locator("#wp-aantal")
    await p.keyboard.press("Tab")
    await p.keyboard.press("Enter")  # Naar de inhoud
    f = await _tab(p, c)
    c.ok("na 'Naar de inhoud' komt het zoekveld", f and f["id"] == "wp-zoek-q", f)
    await p.keyboard.type("schulden")
    await p.keyboard.press("Enter")
    c.ok("de zoekvraag staat in het adres", await _wacht(p, "() => /[?&]q=schulden/.test(location.search)"))
    voor = await aantal.inner_text()
    c.ok("zoeken met Enter: resultaten", "gevonden" in voor and not voor.startswith("Geen"), voor)

    f = await _tab(p, c)
    c.ok("Tab: de knop Zoeken", f and f["tekst"] == "Zoeken", f)
    f = await _tab(p, c)
    c.ok("Tab: Filters (uitklappen)", f and f["tag"] == "summary", f)
    open_ = "() => document.getElementById('wp-filters').open"
    was = await p.evaluate(open_)
    await p.keyboard.press("Enter")
    c.ok("Enter klapt de filters in of uit", await p.evaluate(open_) != was)
    await p.keyboard.press("Space")
    c.ok("Spatie klapt ze terug", await p.evaluate(open_) == was)
    if not was:
        await p.keyboard.press("Enter")

    filters = ["wp-filter-" + n for n in ("wijk", "thema", "doelgroep", "toegang", "kosten", "kanaal", "taal", "leeftijd", "open")]
    bereikt = []
    for _ in filters:
        f = await _tab(p, c)
        bereikt.append(f and f["id"])
        if f and f["id"] == "wp-filter-toegang":  # a select: the arrow keys choose
            await p.keyboard.press("ArrowDown")
            c.ok("een filter kiezen met de pijltjes", await p.evaluate("document.getElementById('wp-filter-toegang').value"))
            c.ok("de resultaten volgen het filter", await _wacht(p, ANDERS_DAN, voor), voor)
            await p.keyboard.press("ArrowUp")
        if f and f["id"] == "wp-filter-leeftijd":
            await p.keyboard.type("12")
            c.ok("leeftijd typen", await p.evaluate("document.getElementById('wp-filter-leeftijd').value") == "12")
            await p.keyboard.press("Backspace")
            await p.keyboard.press("Backspace")
        if f and f["id"] == "wp-filter-open":
            await p.keyboard.press("Space")
            c.ok("'Nu open' aan met Spatie", await p.evaluate("document.getElementById('wp-filter-open').checked"))
            await p.keyboard.press("Space")
    c.ok("Tab gaat langs elk filter, in volgorde", bereikt == filters, bereikt)
    c.ok("alle filters weer uit: dezelfde resultaten", await _wacht(p, GELIJK_AAN, voor), voor)

    # the results: the name, then its button; Space and Enter put it on the verwijslijst
    for toets in ("Space", "Enter"):
        f = await _tab(p, c)
        c.ok("Tab: de naam van een resultaat", f and f["tag"] == "a" and "resultaten" in f["binnen"], f)
        f = await _tab(p, c)
        if not c.ok("Tab: de knop 'Op de verwijslijst'", f and "wp-resultaat__lijst" in f["klassen"], f):
            break
        await p.keyboard.press(toets)
        ingedrukt = await p.evaluate("document.activeElement.getAttribute('aria-pressed')")
        c.ok(f"'Op de verwijslijst' met {toets}", ingedrukt == "true", ingedrukt)
    teller = await p.locator(".wp-naar-verwijslijst a").inner_text()
    c.ok("twee voorzieningen op de verwijslijst", teller == "Naar de verwijslijst (2)", teller)

    # back to "Naar de verwijslijst" (before the results) and along the list
    f = await _tab_tot(p, c, lambda f: f["tekst"].startswith("Naar de verwijslijst"), "link 'Naar de verwijslijst'", terug=True)
    if f is not None:
        await p.keyboard.press("Enter")
        f = await _tab(p, c)
        c.ok("na 'Naar de verwijslijst': de eerste voorziening op de lijst", f and f["tag"] == "a" and "verwijslijst" in f["binnen"], f)
    f = await _tab_tot(p, c, lambda f: "wp-verwijslijst__weg" in f["klassen"], "knop 'Van de verwijslijst halen'")
    if f is not None:
        await p.keyboard.press("Enter")
        over = await p.locator(".wp-verwijslijst__item").count()
        f = await _focus(p)
        c.ok("'Van de verwijslijst halen' met Enter: er blijft één over", over == 1, over)
        c.ok("de focus gaat naar de volgende knop", f and "wp-verwijslijst__weg" in f["klassen"], f)
    await p.evaluate("() => { window.__afgedrukt = 0; window.print = () => { window.__afgedrukt += 1; }; }")
    f = await _tab_tot(p, c, lambda f: f["tekst"] == "Afdrukken", "knop 'Afdrukken'", maximum=5)
    if f is not None:
        await p.keyboard.press("Enter")
        afgedrukt = await p.evaluate("window.__afgedrukt")
        c.ok("'Afdrukken' met Enter", afgedrukt == 1, afgedrukt)
    f = await _tab_tot(p, c, lambda f: f["tekst"] == "Kopiëren als tekst", "knop 'Kopiëren als tekst'", maximum=3)
    if f is not None:
        await p.keyboard.press("Space")
        await _wacht(p, "() => /gekopieerd|kopiëren/i.test(document.querySelector('.wp-verwijslijst__melding').textContent)")
        melding = await p.locator(".wp-verwijslijst__melding").inner_text()
        c.ok("'Kopiëren als tekst' met Spatie", "gekopieerd" in melding, melding)
        klembord = await p.evaluate("navigator.clipboard.readText()")
        c.ok("de verwijslijst staat als tekst op het klembord", klembord.startswith("Verwijslijst (") and "1. " in klembord, klembord[:200])
    f = await _tab_tot(p, c, lambda f: f["tekst"] == "Lijst leegmaken", "knop 'Lijst leegmaken'", maximum=3)
    if f is not None:
        await p.keyboard.press("Enter")
        c.ok("'Lijst leegmaken' met Enter", await p.locator(".wp-verwijslijst__item").count() == 0)
        f = await _focus(p)
        c.ok("de focus gaat naar de kop van de lijst", f and f["id"] == "verwijslijst", f)
    await p.close()
    return c


async def _kaartlijst(context, adres: str) -> Controles:
    """A wijk page: past the map to its list with the map's skip link, along every place, open one."""
    c = Controles("kaartlijst")
    p = await context.new_page()
    await p.goto(f"{adres}/{WIJK}", wait_until="load")
    await p.locator(WACHT_OP["kaart"]).wait_for(state="attached", timeout=30000)
    links = await p.locator(".wp-plaatsen a").count()
    c.ok("de lijst onder de kaart heeft links", links > 0, links)
    await p.keyboard.press("Tab")
    await p.keyboard.press("Enter")  # Naar de inhoud
    f = await _tab_tot(p, c, lambda f: "wp-kaart__overslaan" in f["klassen"], "'Sla de kaart over'", maximum=15)
    if f is not None:
        await p.keyboard.press("Enter")
        bereikt = []
        for _ in range(links):
            f = await _tab(p, c)
            if not (f and "kaartlijst" in f["binnen"]):
                break
            bereikt.append(f["tekst"])
        c.ok("na 'Sla de kaart over' gaat Tab langs elke plek in de lijst", len(bereikt) == links, (links, bereikt))
        await p.keyboard.press("Shift+Tab")
        async with p.expect_navigation(timeout=30000):
            await p.keyboard.press("Enter")
        c.ok("Enter opent de voorziening", "/voorzieningen/" in p.url, p.url)
    await p.close()
    return c


async def _schakelaar(context, adres: str) -> Controles:
    """The light/dark switch in the header: reachable with Tab, Enter switches and back."""
    c = Controles("licht/donker")
    p = await context.new_page()
    await p.goto(f"{adres}/", wait_until="load")
    schema = "() => document.body.getAttribute('data-md-color-scheme')"
    c.ok("de pagina begint licht", await p.evaluate(schema) == "default")
    f = await _tab_tot(p, c, lambda f: "md-option" in f["klassen"], "de knop licht/donker", maximum=10)
    if f is not None:
        await p.keyboard.press("Enter")
        c.ok("Enter: donker", await p.evaluate(schema) == "slate")
        f = await _focus(p)
        c.ok("focus zichtbaar op de knop na het wisselen", f and f["ring"] and f["zichtbaar"], f)
        c.ok("de knop heet nu 'Lichte weergave'", f and f["tekst"] == "Lichte weergave", f)
        await p.keyboard.press("Enter")
        c.ok("Enter: weer licht", await p.evaluate(schema) == "default")
    await p.close()
    return c


async def _rondgang(context, adres: str, url: str, breedte: str, actie: str = "") -> Controles:
    """Tab through a whole page: every element the focus lands on shows it."""
    c = Controles(f"rondgang /{url} ({breedte})")
    p = await context.new_page()
    await p.set_viewport_size(BREEDTES[breedte])
    await p.goto(f"{adres}/{url}", wait_until="load")
    if actie in WACHT_OP:
        await p.locator(WACHT_OP[actie]).first.wait_for(state="attached", timeout=30000)
    if actie == "zoeken":
        await p.locator("#wp-resultaten li .wp-resultaat__lijst").first.click()
        await p.evaluate("document.activeElement.blur()")
    gezien: set[int] = set()
    for _ in range(400):
        f = await _tab(p, c)
        if f is None or f["nr"] in gezien:
            break  # past the end: the focus left the page or came round
        gezien.add(f["nr"])
    c.ok("de rondgang bereikte elementen", len(gezien) > 5, len(gezien))
    await p.close()
    return c


async def _badges(context, adres: str) -> Controles:
    """The toegang badges carry a word and an icon of their own, not only a colour."""
    c = Controles("toegangsbadges")
    p = await context.new_page()
    await p.goto(f"{adres}/voorzieningen/", wait_until="load")
    echt = await p.evaluate("[...new Set([...document.querySelectorAll('.wp-toegang')].map(b => b.className))]")
    c.ok("de pagina toont toegangsbadges", echt, echt)
    # every kind the data may hold, also the ones the sample data lacks, as the templates write them
    await p.evaluate("""labels => document.querySelector("#inhoud").insertAdjacentHTML("beforeend", Object.entries(labels)
      .map(([soort, label]) => `<span class="wp-badge wp-toegang wp-toegang--${soort}">${label}</span>`).join(" "))""", TOEGANG_LABEL)
    soorten = await p.evaluate("""() => {
      const uit = {};
      for (const b of document.querySelectorAll(".wp-toegang")) {
        const soort = [...b.classList].find(k => k.startsWith("wp-toegang--")).slice(12);
        uit[soort] = {tekst: b.textContent.trim(), icoon: getComputedStyle(b, "::before").maskImage
                      || getComputedStyle(b, "::before").webkitMaskImage};
      }
      return uit;
    }""")
    c.ok("elke soort toegang heeft een badge", set(soorten) == set(TOEGANG_LABEL), soorten)
    c.ok("elke badge zegt het in woorden", all(s["tekst"] for s in soorten.values()), soorten)
    iconen = [s["icoon"] for s in soorten.values()]
    c.ok("elke soort heeft een eigen icoon", all(i and i != "none" for i in iconen) and len(set(iconen)) == len(iconen), soorten)
    await p.close()
    return c


async def _alles(adressen: dict[str, str]) -> Veeg:
    """Everything, one thing after another in one browser: at most about one core, beside the other tests."""
    from playwright.async_api import async_playwright

    intern, publiek = adressen["intern"], adressen["publiek"]
    scenarios = {
        "zoeker": lambda ctx: _zoeker(ctx, intern),
        "kaartlijst": lambda ctx: _kaartlijst(ctx, publiek),
        "licht/donker": lambda ctx: _schakelaar(ctx, publiek),
        "toegangsbadges": lambda ctx: _badges(ctx, intern),
        "rondgang start": lambda ctx: _rondgang(ctx, intern, "", "computer"),
        "rondgang start publiek": lambda ctx: _rondgang(ctx, publiek, "", "computer"),
        "rondgang voorziening": lambda ctx: _rondgang(ctx, publiek, "voorzieningen/meubeldepot/", "telefoon"),
        "rondgang zoeken": lambda ctx: _rondgang(ctx, publiek, "zoeken/?q=schulden", "telefoon", "zoeken"),
    }
    uitslagen: list[Uitslag] = []
    controles = {"naar de inhoud": Controles("naar de inhoud")}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = await browser.new_context()
            await context.add_init_script(ZONDER_OVERGANGEN)
            p = await context.new_page()
            zelftest = await _zelftest(p, intern)
            for editie, paginas in PAGINAS.items():
                for url, actie, hoe in paginas:
                    try:
                        uitslagen += await _pagina(p, adressen[editie], editie, url, actie, hoe, controles["naar de inhoud"])
                    except Exception:
                        uitslagen.append(Uitslag(editie, url, "-", "-", fout=traceback.format_exc(limit=2)))
            await context.close()
            for naam, maak in scenarios.items():
                context = await browser.new_context(viewport=BREEDTES["computer"])  # its own localStorage
                await context.add_init_script(ZONDER_OVERGANGEN)
                await context.grant_permissions(["clipboard-read", "clipboard-write"])
                try:
                    controles[naam] = await maak(context)
                except Exception:
                    controles[naam] = Controles(naam)
                    controles[naam].ok("scenario liep tot het eind", False, traceback.format_exc(limit=3))
                finally:
                    await context.close()
        finally:
            await browser.close()
    return Veeg("", uitslagen, controles, zelftest)


AXE_URL, AXE_NL_URL = "/__axe__/axe.min.js", "/__axe__/nl.js"


@contextlib.contextmanager
def serveer_met_axe(map_: Path, axe: dict[str, bytes]) -> Iterator[str]:
    """A built site on a free localhost port, with axe-core beside it (``axe``: path -> script).
    Everything may be cached (nothing changes during the sweep): every script is compiled once."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def end_headers(self) -> None:
            self.send_header("Cache-Control", "max-age=3600")
            super().end_headers()

        def do_GET(self) -> None:
            if self.path in axe:
                self.send_response(200)
                self.send_header("Content-Type", "text/javascript; charset=utf-8")
                self.send_header("Content-Length", str(len(axe[self.path])))
                self.end_headers()
                self.wfile.write(axe[self.path])
            else:
                super().do_GET()

    with serveer(map_, Handler) as adres:
        yield adres


def veeg(project: Path) -> Veeg:
    """Everything the browser checks, on the proef build (both editions); its own thread and event loop."""
    js, nl, versie = axe_bron()
    axe = {AXE_URL: js.encode("utf-8"), AXE_NL_URL: f"axe.configure({{locale: {nl}}});".encode("utf-8")}
    with serveer_met_axe(project / "site", axe) as intern, serveer_met_axe(project / "site-publiek", axe) as publiek:
        with concurrent.futures.ThreadPoolExecutor(1) as draad:
            uit = draad.submit(asyncio.run, _alles({"intern": intern, "publiek": publiek})).result()
    uit.axe_versie = versie
    return uit


# conftest.pytest_collection_finish starts the sweep as soon as collection finished; it waits for
# the proef build in its own thread, then runs on the second core while other tests run.
_VOORUIT: dict[str, concurrent.futures.Future] = {}


def start_op_achtergrond(proef: concurrent.futures.Future, eerst: list[concurrent.futures.Future] = ()) -> None:
    """The sweep, in its own thread, once the proef build and the background work ``eerst`` are done."""

    def na_het_andere() -> Veeg:
        concurrent.futures.wait(eerst)
        return veeg(proef.result())

    if not _VOORUIT:
        pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="toegankelijkheid")
        _VOORUIT["veeg"] = pool.submit(na_het_andere)
        pool.shutdown(wait=False)


@pytest.fixture(scope="module")
def gezien(tmp_path_factory) -> Veeg:
    axe_bron()  # a missing axe-core fails here, with its own message
    start_op_achtergrond(vooruit("proef", maak_proef, tmp_path_factory))
    return _VOORUIT["veeg"].result()


# -- the tests --------------------------------------------------------------------------------


def verwacht() -> set[tuple[str, str, str, str]]:
    """(edition, url, width, scheme) of every axe run PAGINAS asks for."""
    return {(e, url, *reversed(stap.split())) for e, paginas in PAGINAS.items() for url, _, hoe in paginas for stap in hoe}


def test_axe_is_loaded_and_reports_what_it_should(gezien: Veeg):
    assert gezien.axe_versie.startswith("4."), gezien.axe_versie
    regels = {o.regel for o in gezien.zelftest}
    assert {"link-in-text-block", "image-alt"} <= regels, gezien.zelftest


def rapport(uitslagen: list[Uitslag], per_plek: int = 5) -> str:
    """The violations per rule (id, impact, help), then where: page, width, scheme, elements."""
    per_regel: dict[str, list[str]] = {}
    for u in uitslagen:
        for o in u.overtredingen:
            doelen = [f"      {d}\n" for d in o.doelen[:per_plek]]
            if len(o.doelen) > per_plek:
                doelen.append(f"      ... en nog {len(o.doelen) - per_plek}\n")
            per_regel.setdefault(f"{o.regel} ({o.impact}): {o.uitleg}", []).append(f"  {u.plek}\n" + "".join(doelen))
    return "".join(f"\n{regel}\n" + "".join(plekken) for regel, plekken in sorted(per_regel.items()))


@pytest.mark.parametrize("editie", ["intern", "publiek"])
def test_no_axe_violations(gezien: Veeg, editie: str):
    """WCAG 2.0 and 2.1, A and AA: not one violation, at either width, in either scheme."""
    uitslagen = [u for u in gezien.uitslagen if u.editie == editie]
    fouten = [f"{u.plek}: {u.fout}" for u in uitslagen if u.fout]
    assert not fouten, "axe kon niet overal draaien:\n" + "\n".join(fouten)
    gedaan = {(u.editie, u.url, u.breedte, u.schema) for u in uitslagen}
    assert {v for v in verwacht() if v[0] == editie} <= gedaan, "niet elke pagina is gecontroleerd"
    tekst = rapport(uitslagen)
    assert not tekst, f"axe-core {gezien.axe_versie} vond overtredingen van WCAG 2.0/2.1 A/AA ({editie}):{tekst}"


def meld(c: Controles) -> str:
    return "\n".join(c.mislukt())


@pytest.mark.parametrize("scenario", ["naar de inhoud", "zoeker", "kaartlijst", "licht/donker", "toegangsbadges"])
def test_keyboard(gezien: Veeg, scenario: str):
    """Each scenario's checks (see _overslaan, _zoeker, _kaartlijst, _schakelaar, _badges)."""
    c = gezien.controles[scenario]
    assert c.uitkomsten, f"{scenario}: niets gecontroleerd"
    assert not c.mislukt(), meld(c)


def test_skip_link_on_every_page(gezien: Veeg):
    """Every page checked for a skip link (test_keyboard["naar de inhoud"] holds what was found)."""
    c = gezien.controles["naar de inhoud"]
    gecontroleerd = {wat.split(": ")[0] for wat, _, _ in c.uitkomsten if wat.endswith("'Naar de inhoud'") and ": " in wat}
    assert gecontroleerd == {f"{e} /{url}" for e, paginas in PAGINAS.items() for url, _, _ in paginas}


@pytest.mark.parametrize("pagina", ["start", "start publiek", "voorziening", "zoeken"])
def test_focus_is_always_visible(gezien: Veeg, pagina: str):
    """Tab through the whole page: every element that gets the focus shows it."""
    c = gezien.controles[f"rondgang {pagina}"]
    assert not c.mislukt(), meld(c)
