"""The finder (/zoeken/), the header search box and the verwijslijst in headless Chromium.

Expectations are computed here in Python from the site's own ``zoeken/gegevens.json``
(what each voorziening is, filters on and shows), never from the page's script.
The sample data has no opening hours or phone numbers, so the browser gets a copy of
``gegevens.json`` with a few fictional ones added (``PROEF``); nothing is committed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from conftest import MARKER_INTERN_RECORD, MARKER_WERKINSTRUCTIE, MARKERS, pagina, records, serveer

NU = "2026-11-23T10:00"  # a Monday, 10:00 in Enschede
KLAAR = '#wp-zoeker.wp-zoeker--klaar[data-tekstindex="geladen"]'  # both indexes loaded
TEGELS = "https://service.pdok.nl/"  # the only outside host a map page asks for (blocked in tests)
FILTERVELD = {"wijk": "wijken", "thema": "themas", "doelgroep": "doelgroepen", "toegang": "toegang",
              "kosten": "kosten", "kanaal": "kanalen", "taal": "talen"}  # fmt: skip

# Fictional contact details and opening hours, only in the browser's copy of gegevens.json.
PROEFLOCATIE = {"naam": "Proeflocatie", "adres": "Proefstraat 1", "postcode": "1234 AB", "plaats": "Enschede",
                "lat": 52.2215, "lon": 6.8937, "bij_benadering": False, "op_afspraak": False}  # fmt: skip
PROEF = {
    "voorzieningen/meubeldepot/": {"telefoon": "012 345 6789", "locaties": [dict(PROEFLOCATIE, open=[["ma", "09:00", "12:00"], ["wo", "09:00", "12:00"]])]},
    "voorzieningen/budgetbuddy/": {"locaties": [dict(PROEFLOCATIE, naam="Tweede proeflocatie", open=[["ma", "13:00", "17:00"]])]},
    "voorzieningen/vroeg-eropaf/": {"locaties": [dict(PROEFLOCATIE, naam="Derde proeflocatie", open=[["zo", "22:00", "11:00"]])]},
}  # fmt: skip
# Open on Monday 10:00: meubeldepot (9-12) and vroeg-eropaf (Sunday 22:00 till Monday 11:00).
OPEN_OM_TIEN = {"voorzieningen/meubeldepot/", "voorzieningen/vroeg-eropaf/"}

LEES = """() => ({
  voorzieningen: [...document.querySelectorAll('#wp-resultaten > li')].map(li => li.dataset.ref),
  aantal: Number(document.getElementById('wp-resultaten').dataset.aantal),
  anders: [...document.querySelectorAll('#wp-resultaten-anders > li')].map(li => li.dataset.ref),
  andersAantal: Number(document.getElementById('wp-resultaten-anders').dataset.aantal),
  opties: Object.fromEntries([...document.querySelectorAll('#wp-zoeker select')].map(
    s => [s.name, [...s.options].map(o => [o.value, o.textContent])])),
  open: document.querySelector('label[for=wp-filter-open]').textContent,
  melding: document.getElementById('wp-aantal').textContent,
  ms: Number(document.getElementById('wp-zoeker').dataset.ms),
  markers: document.querySelector('.wp-zoeken .wp-kaart__vlak').dataset.markers,
})"""


@pytest.fixture(scope="module")
def gegevens(site: Path) -> dict:
    data = json.loads((site / "zoeken/gegevens.json").read_text(encoding="utf-8"))
    for url, velden in PROEF.items():
        data["voorzieningen"][url].update(velden)
    return data


def met_proefgegevens(tab, gegevens: dict) -> None:
    tekst = json.dumps(gegevens, ensure_ascii=False)
    tab.pagina.route("**/zoeken/gegevens.json", lambda r: r.fulfill(status=200, content_type="application/json", body=tekst))


def lees(p) -> dict:
    while p.locator("#wp-meer-voorzieningen").count():  # show every result, not the first 50
        p.locator("#wp-meer-voorzieningen").click()
    return p.evaluate(LEES)


def is_open(v: dict, dag: str = "ma", minuut: int = 600) -> bool:
    vorige = {"ma": "zo", "di": "ma", "wo": "di", "do": "wo", "vr": "do", "za": "vr", "zo": "za"}[dag]
    for locatie in v["locaties"]:
        for d, van, tot in locatie["open"]:
            van_m, tot_m = (int(x[:2]) * 60 + int(x[3:]) for x in (van, tot))
            if d == dag and van_m <= minuut < (tot_m if tot_m > van_m else 24 * 60):
                return True
            if d == vorige and tot_m <= van_m and minuut < tot_m:
                return True
    return False


def past(v: dict, naam: str, waarde) -> bool:
    if waarde in ("", None, False):
        return True
    if naam == "leeftijd":
        van, tot = v["leeftijd"]
        return (van is None or van <= waarde) and (tot is None or waarde <= tot)
    if naam == "open":
        return is_open(v)
    if naam == "wijk" and v["stedelijk"]:
        return True
    veld = v[FILTERVELD[naam]]
    return waarde in (veld if isinstance(veld, list) else [veld])


def controleer(p, gegevens: dict, kandidaten: list[str], filters: dict) -> dict:
    """The page shows exactly the candidates passing ``filters``, and every option's count
    is the number of candidates that pass the OTHER filters and that option."""
    vz = gegevens["voorzieningen"]
    staat = lees(p)
    verwacht = [u for u in kandidaten if all(past(vz[u], n, w) for n, w in filters.items())]
    assert sorted(staat["voorzieningen"]) == sorted(verwacht), filters
    assert staat["aantal"] == len(verwacht)
    for naam, opties in staat["opties"].items():
        anderen = [u for u in kandidaten if all(past(vz[u], n, w) for n, w in filters.items() if n != naam)]
        for waarde, tekst in opties:
            n = int(re.search(r"\((\d+)\)$", tekst).group(1))
            assert n == sum(past(vz[u], naam, waarde) for u in anderen), (naam, waarde, tekst, filters)
    anderen = [u for u in kandidaten if all(past(vz[u], n, w) for n, w in filters.items() if n != "open")]
    assert staat["open"] == f"Nu open ({sum(is_open(vz[u]) for u in anderen)})"
    rijen = sum(1 for u in verwacht for l in vz[u]["locaties"] if l["lat"] is not None)
    p.locator(".wp-zoeken .wp-kaart__vlak").scroll_into_view_if_needed()  # the map is drawn when it is on screen
    p.wait_for_selector(f'.wp-zoeken .wp-kaart__vlak[data-markers="{rijen}"]')  # the map follows the list
    assert staat["ms"] < 50, f"{staat['ms']} ms"
    if verwacht:
        woord = "voorziening" if len(verwacht) == 1 else "voorzieningen"
        assert staat["melding"].startswith(f"{len(verwacht)} {woord} gevonden")
    return staat


def wacht_op_url(p, verwacht: list[tuple[str, str]]) -> None:
    """The URL's parameters become ``verwacht`` (the finder writes them shortly after a change)."""
    p.wait_for_function("v => JSON.stringify([...new URLSearchParams(location.search)]) === v", arg=json.dumps(verwacht, separators=(",", ":")))
    assert parse_qsl(urlsplit(p.url).query) == verwacht


def zoek(p, vraag: str) -> dict:
    p.fill("#wp-zoek-q", vraag)
    return lees(p)


def test_finder_query_filters_counts_and_url(tabblad, adres, gegevens):
    tab = tabblad()
    met_proefgegevens(tab, gegevens)
    p = tab.pagina
    p.set_default_timeout(10000)
    p.goto(f"{adres}/zoeken/?nu={NU}")
    p.wait_for_selector(KLAAR)
    vz = gegevens["voorzieningen"]
    alle = sorted(vz)

    # no words: every voorziening, by name
    staat = controleer(p, gegevens, alle, {})
    assert staat["voorzieningen"] == [u for _, u in sorted((d["naam"].lower(), d["url"]) for d in gegevens["documenten"] if d["url"] in vz)]
    assert staat["melding"] == f"{len(alle)} voorzieningen gevonden."

    # a plain query; the best result first
    staat = zoek(p, "meubels")
    assert staat["voorzieningen"][0] == "voorzieningen/meubeldepot/"
    assert "werkinstructies/meubeldepot-aanmelden/" in staat["anders"]  # intern: the kennisportaal too

    # two words: the documents that match both (AND); "opvoeden " is a finished word
    a, b, ab = (set(zoek(p, q)["voorzieningen"]) for q in ("opvoeden ", "jongeren", "opvoeden jongeren"))
    assert ab and ab == a & b and len(ab) < len(a) and len(ab) < len(b), (a, b, ab)

    # compound parts, one typo, synonyms from the taxonomie
    schulden = {u for u, v in vz.items() if "schulden" in v["themas"]}
    assert "voorzieningen/budgetbuddy/" in schulden
    assert "voorzieningen/budgetbuddy/" in zoek(p, "hulpverlening")["voorzieningen"]
    assert "voorzieningen/budgetbuddy/" in zoek(p, "schuld")["voorzieningen"]
    meldcode = "werkinstructies/meldcode-huiselijk-geweld-en-kindermishandeling/"
    assert meldcode in zoek(p, "mishandeling")["anders"]
    assert zoek(p, "budgetbudy")["voorzieningen"][0] == "voorzieningen/budgetbuddy/"
    assert schulden <= set(zoek(p, "geldzorgen")["voorzieningen"])
    geen = zoek(p, "xqzwvk")
    assert geen["voorzieningen"] == [] and geen["melding"].startswith("Geen voorzieningen gevonden")

    # every filter, its counts and the other filters' counts; the URL follows
    kandidaten = alle
    p.fill("#wp-zoek-q", "")
    keuzes = {
        "thema": "schulden", "wijk": "WK015302", "doelgroep": "jongeren", "toegang": "vrij",
        "kosten": "gratis", "kanaal": "online", "taal": "ar",
    }  # fmt: skip
    for naam, waarde in keuzes.items():
        p.select_option(f"#wp-filter-{naam}", waarde)
        staat = controleer(p, gegevens, kandidaten, {naam: waarde})
        assert staat["voorzieningen"], f"{naam}={waarde} vindt niets"
        if naam == "wijk":  # a wijk finds its own voorzieningen and those for all of Enschede
            assert any(not vz[u]["stedelijk"] for u in staat["voorzieningen"])
            assert any(vz[u]["stedelijk"] for u in staat["voorzieningen"])
        wacht_op_url(p, [(naam, waarde), ("nu", NU)])
        if naam == "thema":  # a hoofdthema finds its subthema's voorzieningen
            p.select_option("#wp-filter-thema", "geld-en-werk")
            assert schulden <= set(lees(p)["voorzieningen"])
        p.select_option(f"#wp-filter-{naam}", "")
    # counts marked when zero, but the option stays
    p.select_option("#wp-filter-taal", "ar")
    assert p.locator("#wp-filter-thema option.wp-optie--leeg").count() > 0
    p.select_option("#wp-filter-taal", "")

    # leeftijd: in the range, open bounds, no range = for everyone
    p.fill("#wp-filter-leeftijd", "2")
    staat = controleer(p, gegevens, kandidaten, {"leeftijd": 2})
    assert "voorzieningen/familiecentrum-enschede-west/" in staat["voorzieningen"]  # 0-4
    assert "voorzieningen/jeugdwerk-online/" not in staat["voorzieningen"]  # 10-27
    assert "voorzieningen/sterker-verwerkingsgroep/" not in staat["voorzieningen"]  # 23+
    p.fill("#wp-filter-leeftijd", "30")
    assert "voorzieningen/sterker-verwerkingsgroep/" in lees(p)["voorzieningen"]
    p.fill("#wp-filter-leeftijd", "")

    # nu open (?nu= is Monday 10:00 in Enschede); without opening hours never open
    p.check("#wp-filter-open")
    staat = controleer(p, gegevens, kandidaten, {"open": True})
    assert set(staat["voorzieningen"]) == OPEN_OM_TIEN
    # a real moment goes through Intl in Europe/Amsterdam (UTC+1 in November); no ?nu= now
    p.evaluate("history.replaceState(null, '', location.pathname + '?open=1')")

    def om(utc: str) -> list[str]:
        p.evaluate(f"window.wijkportaalNu = new Date(Date.UTC({utc})); document.getElementById('wp-zoek-q').dispatchEvent(new Event('input'))")
        return lees(p)["voorzieningen"]

    assert om("2026, 10, 23, 11, 30") == []  # Monday 12:30: the morning blocks are over, the afternoon starts at 13:00
    assert om("2026, 10, 23, 12, 15") == ["voorzieningen/budgetbuddy/"]  # Monday 13:15
    p.evaluate(f"window.wijkportaalNu = undefined; history.replaceState(null, '', location.pathname + '?open=1&nu={NU}')")
    p.uncheck("#wp-filter-open")

    # query and filters together; the URL holds them all, in the agreed names
    p.fill("#wp-zoek-q", "hulp")
    kandidaten = lees(p)["voorzieningen"]
    p.select_option("#wp-filter-thema", "opvoeden-en-opgroeien")
    p.fill("#wp-filter-leeftijd", "14")
    controleer(p, gegevens, kandidaten, {"thema": "opvoeden-en-opgroeien", "leeftijd": 14})
    wacht_op_url(p, [("q", "hulp"), ("thema", "opvoeden-en-opgroeien"), ("leeftijd", "14"), ("nu", NU)])

    # the verwijslijst: two voorzieningen on it (they stay for the next test's reload)
    p.fill("#wp-filter-leeftijd", "")
    p.select_option("#wp-filter-thema", "")
    p.fill("#wp-zoek-q", "meubels")
    knop = p.locator('#wp-resultaten > li[data-ref="voorzieningen/meubeldepot/"] .wp-resultaat__lijst')
    assert knop.get_attribute("aria-pressed") == "false" and knop.inner_text() == "Op de verwijslijst"
    knop.click()
    assert knop.get_attribute("aria-pressed") == "true"
    p.fill("#wp-zoek-q", "budgetbuddy")
    p.locator('#wp-resultaten > li[data-ref="voorzieningen/budgetbuddy/"] .wp-resultaat__lijst').click()
    assert p.locator("#wp-verwijslijst .wp-verwijslijst__item").count() == 2
    assert json.loads(p.evaluate("localStorage.getItem('wijkportaal-verwijslijst')")) == [
        "voorzieningen/meubeldepot/", "voorzieningen/budgetbuddy/"]  # fmt: skip

    # URL restore and the list after a reload
    p.goto(f"{adres}/zoeken/?q=schuld&thema=schulden&leeftijd=30&nu={NU}")
    p.wait_for_selector(KLAAR)
    assert p.input_value("#wp-zoek-q") == "schuld"
    assert p.input_value("#wp-filter-thema") == "schulden"
    assert p.input_value("#wp-filter-leeftijd") == "30"
    assert not p.is_checked("#wp-filter-open")
    staat = lees(p)
    assert "voorzieningen/budgetbuddy/" in staat["voorzieningen"]
    assert all("schulden" in vz[u]["themas"] for u in staat["voorzieningen"])
    lijst = p.locator("#wp-verwijslijst")
    assert lijst.locator(".wp-verwijslijst__item").count() == 2
    assert p.locator('#wp-resultaten > li[data-ref="voorzieningen/budgetbuddy/"] .wp-resultaat__lijst').get_attribute("aria-pressed") == "true"

    # print: only the verwijslijst, with the details of each voorziening
    p.emulate_media(media="print")
    assert lijst.is_visible()
    for verborgen in ("#wp-zoeker", "#wp-resultaten", "#wp-aantal", ".wp-zoeken .wp-kaart", "article h1", ".md-header", ".wp-verwijslijst__knoppen"):
        assert not p.locator(verborgen).first.is_visible(), verborgen
    p.wait_for_selector("#wp-verwijslijst .wp-verwijslijst__item[data-compleet] >> nth=1", state="attached")
    afdruk = lijst.inner_text()
    aanmelden = " ".join(records("voorzieningen")["meubeldepot"]["aanmelden"].split()[:6])
    for tekst in ("Meubeldepot", "012 345 6789", "Proefstraat 1, 1234 AB Enschede", "maandag 09:00-12:00",
                  "Zo meldt u zich aan", aanmelden, "Budgetbuddy", "Gemaakt op"):  # fmt: skip
        assert tekst in afdruk, (tekst, afdruk)
    assert "Van de verwijslijst halen" not in afdruk
    p.emulate_media(media="screen")

    # copy as text: the clipboard API, and the textarea when there is none
    p.evaluate("navigator.clipboard.writeText = t => { window.__kopie = t; return Promise.resolve(); }")
    p.get_by_role("button", name="Kopiëren als tekst").click()
    p.wait_for_function("window.__kopie !== undefined")
    kopie = p.evaluate("window.__kopie")
    assert "1. Meubeldepot" in kopie and "Telefoon: 012 345 6789" in kopie and "2. Budgetbuddy" in kopie
    assert f"Zo meldt u zich aan: {aanmelden}" in kopie
    assert f"{adres}/voorzieningen/meubeldepot/" in kopie
    assert "gekopieerd" in lijst.locator(".wp-verwijslijst__melding").inner_text()
    p.evaluate("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    p.get_by_role("button", name="Kopiëren als tekst").click()
    vak = p.get_by_label("De verwijslijst als tekst")
    assert vak.is_visible() and "Telefoon: 012 345 6789" in vak.input_value()

    # remove one, then empty the list
    weg = lijst.locator('li[data-ref="voorzieningen/budgetbuddy/"]').get_by_role("button", name="Van de verwijslijst halen")
    assert weg.get_attribute("aria-describedby")  # says which voorziening
    weg.click()
    assert lijst.locator(".wp-verwijslijst__item").count() == 1
    p.get_by_role("button", name="Lijst leegmaken").click()
    assert lijst.locator(".wp-verwijslijst__item").count() == 0
    assert not p.locator(".wp-verwijslijst__knoppen").is_visible()
    assert p.evaluate("localStorage.getItem('wijkportaal-verwijslijst')") == "[]"
    assert tab.fouten == []
    assert all(b.startswith(TEGELS) for b in tab.buiten), tab.buiten


def test_header_box_suggests_opens_and_submits(tabblad, adres):
    tab = tabblad()
    p = tab.pagina
    p.goto(f"{adres}/over/")
    assert p.evaluate("typeof window.lunr") == "undefined"  # loaded on first focus only
    vak = p.locator(".wp-zoekvak__invoer")
    vak.focus()
    p.wait_for_selector(".wp-zoekvak[data-geladen]")
    vak.press_sequentially("meubel")
    opties = p.locator(".wp-zoekvak__suggestie")
    opties.first.wait_for()
    assert 1 <= opties.count() <= 6
    assert vak.get_attribute("role") == "combobox" and vak.get_attribute("aria-expanded") == "true"
    eerste = opties.first.get_attribute("data-ref")
    assert eerste == "voorzieningen/meubeldepot/"
    vak.press("Escape")
    assert not p.locator(".wp-zoekvak__suggesties").is_visible()
    vak.press("ArrowDown")  # opens the list again, on the first suggestion
    assert vak.get_attribute("aria-activedescendant") == opties.first.get_attribute("id")
    assert opties.first.get_attribute("aria-selected") == "true"
    vak.press("Enter")
    p.wait_for_url(f"{adres}/{eerste}")

    # Enter without a chosen suggestion: the finder with the query
    vak = p.locator(".wp-zoekvak__invoer")
    vak.focus()
    vak.press_sequentially("budget")
    p.locator(".wp-zoekvak__suggestie").first.wait_for()
    vak.press("Enter")
    p.wait_for_url(f"{adres}/zoeken/?q=budget")
    p.wait_for_selector(KLAAR)
    assert p.input_value("#wp-zoek-q") == "budget"
    assert "voorzieningen/budgetbuddy/" in lees(p)["voorzieningen"]
    assert tab.fouten == []


def test_finder_and_header_box_on_a_phone(tabblad, adres):
    tab = tabblad(390, 844)
    p = tab.pagina
    p.goto(f"{adres}/zoeken/?q=hulp&thema=geld-en-werk")
    p.wait_for_selector(KLAAR)
    assert lees(p)["aantal"] > 0
    assert p.evaluate("document.documentElement.scrollWidth") <= 390
    # the header box is a button that opens the field over the title
    invoer = p.locator(".wp-zoekvak__invoer")
    knop = p.locator(".wp-zoekvak__knop")
    assert not invoer.is_visible() and knop.is_visible()
    assert knop.get_attribute("aria-expanded") == "false"
    knop.click()
    assert invoer.is_visible() and knop.get_attribute("aria-expanded") == "true"
    assert p.evaluate("document.activeElement.id") == "wp-zoekvak-q"
    invoer.press_sequentially("schuld")
    lijst = p.locator(".wp-zoekvak__suggesties")
    lijst.wait_for()
    vlak = lijst.bounding_box()
    assert vlak["x"] >= 0 and vlak["x"] + vlak["width"] <= 390
    assert p.evaluate("document.documentElement.scrollWidth") <= 390
    # on the finder itself, Enter puts the query into the finder (the filters stay)
    invoer.press("Enter")
    assert p.input_value("#wp-zoek-q") == "schuld"
    assert p.evaluate("document.activeElement.id") == "wp-zoek-q"
    assert "voorzieningen/budgetbuddy/" in lees(p)["voorzieningen"]
    assert not invoer.is_visible()
    # Escape closes the field and gives the focus back to the button
    knop.click()
    invoer.press("Escape")
    assert not invoer.is_visible() and p.evaluate("document.activeElement.classList.contains('wp-zoekvak__knop')")
    assert tab.fouten == []


def test_theme_doelgroep_and_wijk_pages_link_to_the_finder(site: Path):
    assert '<a href="../../zoeken/?thema=schulden">Zoek in deze lijst met filters</a>' in pagina(site, "themas/schulden/")
    assert '<a href="../../zoeken/?doelgroep=jongeren">Zoek in deze lijst met filters</a>' in pagina(site, "doelgroepen/jongeren/")
    wijk = next(p for p in (site / "wijken").iterdir() if p.is_dir())
    code = re.search(r'data-wijk="(WK\d+)"', (wijk / "index.html").read_text(encoding="utf-8")).group(1)
    assert f'<a href="../../zoeken/?wijk={code}">Zoek in deze lijst met filters</a>' in pagina(site, f"wijken/{wijk.name}/")


def test_publiek_index_has_no_internal_text(proef: Path, tabblad):
    def zoekbestanden(editie: str) -> str:  # every file the finder loads (index terms are lowercase)
        return " ".join(p.read_text(encoding="utf-8") for p in sorted((proef / editie / "zoeken").glob("*.json"))).lower()

    publiek_tekst, intern_tekst = zoekbestanden("site-publiek"), zoekbestanden("site")
    for marker in MARKERS:
        assert marker.lower() not in publiek_tekst, marker
    # the intern edition finds the intern record and the werkinstructie (intern: fields are not indexed at all)
    for marker in (MARKER_INTERN_RECORD, MARKER_WERKINSTRUCTIE):
        assert marker.lower() in intern_tekst, marker
    publiek = json.loads((proef / "site-publiek/zoeken/gegevens.json").read_text(encoding="utf-8"))
    soorten = {d["soort"] for d in publiek["documenten"]}
    assert "voorzieningen" in soorten and "organisaties" in soorten
    assert not soorten & {"methodieken", "werkinstructies"}, soorten
    assert publiek["editie"] == "publiek"
    assert not any(d["url"].startswith(("werkinstructies/", "methodieken/")) for d in publiek["documenten"])
    # the publiek finder: voorzieningen and pages, nothing of the kennisportaal
    tab = tabblad()
    with serveer(proef / "site-publiek") as publiek_adres:
        p = tab.pagina
        p.goto(f"{publiek_adres}/zoeken/?q=meubeldepot")
        p.wait_for_selector(KLAAR)
        staat = lees(p)
        assert "voorzieningen/meubeldepot/" in staat["voorzieningen"]
        assert not any(u.startswith(("werkinstructies/", "methodieken/")) for u in staat["anders"])
        assert p.locator("#anders").text_content() == "Pagina's"
    assert tab.fouten == []
