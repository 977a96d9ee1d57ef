"""The built site in headless Chromium (Debian's package, no download): search, phone width, no outside requests."""

from __future__ import annotations


def test_header_search_finds_a_record_in_dutch(tabblad, adres):
    tab = tabblad()
    pagina = tab.pagina
    pagina.goto(f"{adres}/")
    pagina.locator(".wp-zoekvak__invoer").fill("meubels")
    suggestie = pagina.locator(".wp-zoekvak__suggestie").first
    suggestie.wait_for(timeout=15000)
    refs = pagina.locator(".wp-zoekvak__suggestie[data-ref]").evaluate_all("els => els.map(e => e.dataset.ref)")
    assert any("voorzieningen/meubeldepot/" in r for r in refs), refs
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
