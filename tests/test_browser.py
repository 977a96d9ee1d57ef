"""The built site in headless Chromium (Debian's package, no download): search, phone width, no outside requests."""

from __future__ import annotations


def test_search_finds_a_record_in_dutch(tabblad, adres):
    tab = tabblad()
    pagina = tab.pagina
    pagina.goto(f"{adres}/")
    pagina.locator("label.md-search__icon, .md-search__input").first.click()
    pagina.locator(".md-search__input").fill("meubels")
    resultaat = pagina.locator(".md-search-result__link").first
    resultaat.wait_for(timeout=15000)
    hrefs = pagina.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert any("voorzieningen/meubeldepot/" in h for h in hrefs), hrefs
    assert tab.buiten == [] and tab.fouten == []


def test_record_page_fits_a_phone(tabblad, adres):
    tab = tabblad(360, 780)
    pagina = tab.pagina
    for url in ("voorzieningen/meubeldepot/", "wijken/", "werkinstructies/"):
        pagina.goto(f"{adres}/{url}")
        breedte = pagina.evaluate("document.documentElement.scrollWidth")
        assert breedte <= 360, f"{url} is {breedte}px breed op een telefoon"
    pagina.goto(f"{adres}/voorzieningen/meubeldepot/")
    badge = pagina.locator(".wp-toegang").first
    assert badge.is_visible()
    assert badge.inner_text() == "Verwijzing nodig"
    assert tab.buiten == []
