"""The built site in headless Chromium (Debian's package, no download): search, phone width, no outside requests."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class _StilleHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def adres(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_StilleHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM, "chromium ontbreekt: installeer het Debian-pakket 'chromium'"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM)
        yield b
        b.close()


def nieuwe_pagina(browser, breedte: int = 1280, hoogte: int = 900):
    pagina = browser.new_page(viewport={"width": breedte, "height": hoogte})
    buiten: list[str] = []

    def route(r):
        if r.request.url.startswith("http://127.0.0.1"):
            r.continue_()
        else:
            buiten.append(r.request.url)
            r.abort()

    pagina.route("**/*", route)
    return pagina, buiten


def test_search_finds_a_record_in_dutch(browser, adres):
    pagina, buiten = nieuwe_pagina(browser)
    pagina.goto(f"{adres}/")
    pagina.locator("label.md-search__icon, .md-search__input").first.click()
    pagina.locator(".md-search__input").fill("meubels")
    resultaat = pagina.locator(".md-search-result__link").first
    resultaat.wait_for(timeout=15000)
    hrefs = pagina.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert any("voorzieningen/meubeldepot/" in h for h in hrefs), hrefs
    assert buiten == []


def test_record_page_fits_a_phone(browser, adres):
    pagina, buiten = nieuwe_pagina(browser, 360, 780)
    for url in ("voorzieningen/meubeldepot/", "wijken/", "werkinstructies/"):
        pagina.goto(f"{adres}/{url}")
        breedte = pagina.evaluate("document.documentElement.scrollWidth")
        assert breedte <= 360, f"{url} is {breedte}px breed op een telefoon"
    badge = pagina.goto(f"{adres}/voorzieningen/meubeldepot/") and pagina.locator(".wp-toegang").first
    assert badge.is_visible()
    assert badge.inner_text() == "Verwijzing nodig"
    assert buiten == []
