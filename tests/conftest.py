"""Shared fixtures: the project, throw-away copies of it, and built sites."""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import http.server
import os
import shutil
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.request
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pytest
import yaml as _yaml

PROJECT = Path(__file__).resolve().parent.parent
VOORBEELDEN = Path(__file__).resolve().parent / "voorbeelden"
BIN = Path(sys.executable).parent
VANDAAG = "2026-11-23"  # fixed "today" so builds are deterministic
# In the test process itself everything runs in one process (it has threads: forking it is not
# safe); the builds and commands that test wijkportaal.parallel ask for it in their own environment.
os.environ["WIJKPORTAAL_PARALLEL"] = "0"


def omgeving() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["WIJKPORTAAL_VANDAAG"] = VANDAAG
    env["PYTHONUTF8"] = "1"
    for naam in ("WIJKPORTAAL_REPOSITORY", "WIJKPORTAAL_PUBLIEK_URL", "WIJKPORTAAL_INTERN_URL", "WIJKPORTAAL_PARALLEL"):
        env.pop(naam, None)  # set by the GitHub workflows or by hand; tests choose their own
    return env


@dataclass
class Uitkomst:
    code: int
    uitvoer: str  # stdout and stderr together

    @property
    def regels(self) -> list[str]:
        return self.uitvoer.splitlines()


def draai(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Uitkomst:
    proces = subprocess.run(
        [str(a) for a in args], cwd=cwd, env={**omgeving(), **(env or {})}, capture_output=True, text=True, timeout=300
    )
    return Uitkomst(proces.returncode, proces.stdout + proces.stderr)


def mkdocs(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Uitkomst:
    return draai(BIN / "mkdocs", *args, cwd=cwd, env=env)


_CLI_SLOT = threading.Lock()


def wijkportaal(*args: str, cwd: Path) -> Uitkomst:
    """The command line, run in this process (the same ``main`` as the installed command, without
    starting Python and importing everything again: a tenth of the time). Its working folder and
    environment are those of the command run in ``cwd``; ``draai(BIN / "wijkportaal", ...)`` runs
    the real program where that matters (tests/test_pakket.py)."""
    import io

    from wijkportaal.cli import main

    uit, fout = io.StringIO(), io.StringIO()
    with _CLI_SLOT, contextlib.ExitStack() as stapel:
        oud_cwd, oud_env = os.getcwd(), dict(os.environ)
        stapel.callback(os.chdir, oud_cwd)
        stapel.callback(lambda: (os.environ.clear(), os.environ.update(oud_env)))
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(omgeving())
        stapel.enter_context(contextlib.redirect_stdout(uit))
        stapel.enter_context(contextlib.redirect_stderr(fout))
        try:
            code = main([str(a) for a in args])
        except SystemExit as einde:  # argparse: wrong options
            code = einde.code if isinstance(einde.code, int) else 1
    return Uitkomst(code or 0, uit.getvalue() + fout.getvalue())


def kopieer_project(doel: Path) -> Path:
    """A copy of everything a build needs, to change freely in a test."""
    doel.mkdir(parents=True, exist_ok=True)
    for naam in ("data", "docs", "overrides"):
        if (PROJECT / naam).is_dir():
            shutil.copytree(PROJECT / naam, doel / naam)
    for bestand in PROJECT.glob("mkdocs*.yml"):
        shutil.copy(bestand, doel / bestand.name)
    return doel


def kopieer_klein_project(doel: Path) -> Path:
    """The smallest valid project: taxonomy, boundaries, two organisations and the Meubeldepot
    (without its links to other records), no glossary. Builds in about a second, for tests of the build itself."""
    kopieer_project(doel)
    data = doel / "data"
    for map_ in data.iterdir():
        if map_.is_dir() and map_.name != "gebieden":
            for bestand in map_.glob("*.yml"):
                if bestand.relative_to(data).as_posix() not in KLEIN:
                    bestand.unlink()
    (data / "woordenlijst.yml").unlink()  # it points to vragen the small project does not have
    meubeldepot = data / "voorzieningen/meubeldepot.yml"
    regels = meubeldepot.read_text(encoding="utf-8").splitlines(keepends=True)
    meubeldepot.write_text("".join(r for r in regels if not r.startswith("gerelateerd:")), encoding="utf-8")
    return doel


KLEIN = {"organisaties/smd-enschede-haaksbergen.yml", "organisaties/wijkteams-enschede.yml", "voorzieningen/meubeldepot.yml"}


@pytest.fixture
def klein_project(tmp_path: Path) -> Path:
    return kopieer_klein_project(tmp_path / "klein")


@pytest.fixture
def project_kopie(tmp_path: Path) -> Path:
    return kopieer_project(tmp_path / "project")


@dataclass
class Bouw:
    project: Path
    site: Path
    log: Uitkomst


# -- session builds, started in the background ---------------------------------------------
#
# The shared builds are MkDocs subprocesses: while one runs, the test process mostly waits,
# so one of the two cores idles. pytest_collection_finish (below) starts the builds the
# selected tests need in background threads right away; each fixture then only waits for
# its result (or starts the build itself when nothing did).

_ACHTERGROND = concurrent.futures.ThreadPoolExecutor(2, thread_name_prefix="bouw")
_VOORUIT: dict[str, concurrent.futures.Future] = {}


def vooruit(naam: str, maak, tmp_path_factory) -> concurrent.futures.Future:
    """The background build ``naam`` (made by ``maak(folder)``), started now if it was not yet."""
    if naam not in _VOORUIT:
        _VOORUIT[naam] = _ACHTERGROND.submit(maak, tmp_path_factory.mktemp(naam))
    return _VOORUIT[naam]


def maak_bouw(map_: Path) -> Bouw:
    werk = kopieer_project(map_ / "project")
    # in two processes, as a large site is built (wijkportaal.parallel): every test of this build checks that path
    uit = mkdocs("build", "--strict", "-d", str(werk / "site"), cwd=werk, env={"WIJKPORTAAL_PARALLEL": "1"})
    assert uit.code == 0, uit.uitvoer
    return Bouw(werk, werk / "site", uit)


@pytest.fixture(scope="session")
def bouw(tmp_path_factory) -> Bouw:
    """The sample data built once with --strict (intern edition)."""
    return vooruit("bouw", maak_bouw, tmp_path_factory).result()


@pytest.fixture(scope="session")
def site(bouw: Bouw) -> Path:
    return bouw.site


# Marker strings that must reach the intern edition and never the publiek one.
MARKER_INTERN_RECORD = "MARKERINTERNRECORD7f3a"
MARKER_INTERN_VELD = "MARKERINTERNVELD9c1b"
MARKER_WERKINSTRUCTIE = "MARKERWERKINSTRUCTIE42de"
MARKER_REDEN = "MARKERONBEVESTIGDREDEN5e1c"  # the reason why a value is unconfirmed: intern only
MARKER_PERSOON = "MARKERPERSOON3b8d"  # a person who consented to be in 'Wie is wie': intern only
FOTO_PERSOON = "proef-persoon.png"  # their photo (consented too): intern only
REPOSITORY = "https://github.com/voorbeeld-organisatie/wijkportaal"  # set in the proef builds only
MARKERS = (MARKER_INTERN_RECORD, MARKER_INTERN_VELD, MARKER_WERKINSTRUCTIE, MARKER_REDEN, MARKER_PERSOON)


def wijzig(pad: Path, **velden) -> None:
    """Set fields of a record file (``beheer.laatst_gecontroleerd`` for a nested one)."""
    data = _yaml.safe_load(pad.read_text(encoding="utf-8"))
    for sleutel, waarde in velden.items():
        doel = data
        *ouders, laatste = sleutel.split(".")
        for ouder in ouders:
            doel = doel[ouder]
        doel[laatste] = waarde
    pad.write_text(
        "# yaml-language-server: $schema=../../schema/x.json\n" + _yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )


def png_1x1() -> bytes:
    """A valid PNG of one transparent pixel, for a photo in the proef data."""
    def blok(soort: bytes, inhoud: bytes) -> bytes:
        return struct.pack(">I", len(inhoud)) + soort + inhoud + struct.pack(">I", zlib.crc32(soort + inhoud))

    kop = blok(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0))
    return b"\x89PNG\r\n\x1a\n" + kop + blok(b"IDAT", zlib.compress(b"\x00" * 5)) + blok(b"IEND", b"")


@pytest.fixture(scope="session")
def proef(tmp_path_factory) -> Path:
    """A copy of the sample data with the situations the edition, freshness and unconfirmed-value
    tests need, built once per edition (``site/``, intern and without map tiles, and ``site-publiek/``)."""
    return vooruit("proef", maak_proef, tmp_path_factory).result()


def maak_proef(map_: Path) -> Path:
    project = kopieer_project(map_ / "project")
    v = project / "data/voorzieningen"
    # editions: an intern voorziening linked from a publiek one, an intern: field, a werkinstructie
    wijzig(v / "abc-team.yml", samenvatting=f"Alleen intern {MARKER_INTERN_RECORD}.", zichtbaarheid="intern")
    gerelateerd = _yaml.safe_load((v / "meubeldepot.yml").read_text(encoding="utf-8")).get("gerelateerd", [])
    wijzig(
        v / "meubeldepot.yml",
        intern={"verwijsinformatie": f"Geheim {MARKER_INTERN_VELD}"},
        gerelateerd=gerelateerd + ["voorzieningen/abc-team"],
    )
    wijzig(project / "data/werkinstructies/meubeldepot-aanmelden.yml", samenvatting=f"Procedure {MARKER_WERKINSTRUCTIE}.")
    # freshness: stopped, expired, temporarily closed, freshly checked, due soon
    wijzig(v / "budgetbuddy.yml", status="gestopt")
    wijzig(v / "kies-training.yml", geldig_tot="2026-01-01")
    wijzig(v / "jeugdwerk-online.yml", status="tijdelijk-gesloten")
    wijzig(v / "meubeldepot.yml", **{"beheer.laatst_gecontroleerd": "2026-10-01"})
    wijzig(v / "woonstap.yml", **{"beheer.laatst_gecontroleerd": "2025-12-01"})
    # an unconfirmed value with its (intern) reason
    wijzig(v / "meubeldepot.yml", onbevestigd={"toegang": f"Afgeleid uit de verwijstabel {MARKER_REDEN}."})
    # wie is wie: a person who consented, with a photo they consented to
    toestemming = {"toestemming": "2026-01-05", "foto_toestemming": "2026-01-05"}
    wijzig(
        project / "data/teams/team-huiselijk-geweld.yml",
        mensen=[{"naam": MARKER_PERSOON, "rol": "aandachtsfunctionaris", "foto": FOTO_PERSOON, **toestemming}],
    )
    (project / "data/teams/fotos").mkdir()
    (project / "data/teams/fotos" / FOTO_PERSOON).write_bytes(png_1x1())
    # and plugin options: maps without a base map (tests/test_kaart.py) and without the address
    # search (tests/test_dichtbij.py), links to the repository (tests/test_bewerken.py)
    (project / "mkdocs.zonder-tegels.yml").write_text(
        "INHERIT: mkdocs.yml\nplugins:\n  - wijkportaal:\n      kaart_tegels: ''\n      geocoder: ''\n"
        f"      repository: {REPOSITORY}\n      tak: hoofdtak\n", encoding="utf-8"
    )
    publiek = (project / "mkdocs.publiek.yml").read_text(encoding="utf-8")  # INHERIT does not chain
    regel = 'repository: !ENV [WIJKPORTAAL_REPOSITORY, ""]'
    assert publiek.count(regel) == 1
    (project / "mkdocs.proef-publiek.yml").write_text(publiek.replace(regel, f"repository: {REPOSITORY}"), encoding="utf-8")
    opdrachten = (("mkdocs.zonder-tegels.yml", "site"), ("mkdocs.proef-publiek.yml", "site-publiek"))
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        uitkomsten = [pool.submit(mkdocs, "build", "--strict", "-f", c, "-d", u, cwd=project) for c, u in opdrachten]
        for toekomst in uitkomsten:
            bouw = toekomst.result()
            assert bouw.code == 0, bouw.uitvoer
    return project


GEDEELDE_BOUW = {"bouw", "proef"}


# Modules whose browser sweep runs in the background (see pytest_collection_finish): last.
ACHTERGROND_MODULES = ("test_xss.py", "test_toegankelijkheid.py")


# With the shared builds or the browser: the part of the suite ``--deel met-bouw`` runs.
MET_BOUW = GEDEELDE_BOUW | {"browser", "tabblad"}


def pytest_addoption(parser) -> None:
    parser.addoption(
        "--deel", choices=("met-bouw", "zonder-bouw"),
        help="alleen de modules met (of zonder) de gedeelde bouw en de browser; scripts/test draait beide "
        "delen tegelijk, elk op een eigen kern",
    )  # fmt: skip


def _van_conftest(item) -> set[str]:
    """The fixtures an item uses that are this file's (a module may have its own 'proef')."""
    info = getattr(item, "_fixtureinfo", None)
    namen = set(getattr(item, "fixturenames", ()))
    if info is None:
        return namen
    return {n for n in namen if (defs := info.name2fixturedefs.get(n)) and defs[-1].func.__module__ == __name__}


def pytest_collection_modifyitems(session, config, items) -> None:
    """Modules that need no shared build run first, so the background builds (started when
    collection finished) are ready by the time a module asks for them; the modules that only
    read a background browser sweep come last. Modules stay whole. With ``--deel``, only the
    modules of that part (whole modules: a module uses the shared builds or the browser, or not)."""
    nodig: dict[str, bool] = {}
    met_bouw: dict[str, bool] = {}
    for item in items:
        naam, fixtures = item.path.name, _van_conftest(item)
        nodig[naam] = nodig.get(naam, False) or bool(GEDEELDE_BOUW & fixtures)
        met_bouw[naam] = met_bouw.get(naam, False) or bool(MET_BOUW & fixtures) or naam in ACHTERGROND_MODULES
    deel = config.getoption("deel")
    if deel:
        houden = [item for item in items if met_bouw[item.path.name] == (deel == "met-bouw")]
        config.hook.pytest_deselected(items=[item for item in items if item not in set(houden)])
        items[:] = houden
    laatst = {naam: i + 1 for i, naam in enumerate(ACHTERGROND_MODULES)}
    items.sort(key=lambda item: (laatst.get(item.path.name, 0), nodig[item.path.name]))


def pytest_collection_finish(session) -> None:
    """Start the builds the selected tests need in the background: the shared builds, the
    XSS build with its browser sweep (see tests/test_xss.py), and the accessibility sweep
    over the proef build (tests/test_toegankelijkheid.py). Nothing with --collect-only."""
    if session.config.option.collectonly:
        return
    nodig = {naam for item in session.items for naam in getattr(item, "fixturenames", ())}
    modules = {item.path.name for item in session.items}
    fabriek = session.config._tmp_path_factory
    if "bouw" in nodig:
        vooruit("bouw", maak_bouw, fabriek)
    if "proef" in nodig or "test_toegankelijkheid.py" in modules:
        vooruit("proef", maak_proef, fabriek)
    module = sys.modules.get("test_xss")
    if module is not None and "test_xss.py" in modules:
        module.start_op_achtergrond(fabriek.mktemp("xss"))
    module = sys.modules.get("test_toegankelijkheid")
    if module is not None and "test_toegankelijkheid.py" in modules and module.AXE_JS.is_file():
        # after the XSS sweep: two browser sweeps at once would only slow the other tests down
        xss = sys.modules.get("test_xss")
        eerst = list(xss._VOORUIT.values()) if xss is not None and "test_xss.py" in modules else []
        module.start_op_achtergrond(vooruit("proef", maak_proef, fabriek), eerst)  # (no axe-core: its tests say so)


# -- reading the built site -------------------------------------------------------------

import re as _re
import html as _html


def pagina(site: Path, url: str) -> str:
    """The HTML of a built page by its directory URL ('voorzieningen/meubeldepot/')."""
    pad = site / url / "index.html"
    assert pad.is_file(), f"pagina {url} bestaat niet"
    return pad.read_text(encoding="utf-8")


def inhoud(html: str) -> str:
    """Only the article of a Material page (no navigation, header or footer)."""
    begin = html.index("<article")
    return html[begin : html.index("</article>", begin)]


def refs(html: str) -> list[str]:
    """The records listed in a piece of HTML (list items carry data-ref)."""
    return _re.findall(r'<li class="wp-lijst__item" data-ref="([^"]+)"', html)


def titel(html: str) -> str:
    return _html.unescape(_re.search(r"<h1[^>]*>(.*?)</h1>", html, _re.S).group(1)).strip()


def records(soort: str, data: Path | None = None) -> dict[str, dict]:
    """The raw records of one kind, read with plain PyYAML (independent of the code under test)."""
    data = data or PROJECT / "data"
    return {p.stem: _yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((data / soort).glob("*.yml"))}


# -- servers started by a test: a free port, polling instead of sleeping -------------------


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def haal(url: str) -> str | None:
    """The page, or None (not there, or no answer within 5 s: a hanging server fails a poll)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as antwoord:
            return antwoord.read().decode("utf-8")
    except OSError:
        return None


def wacht_op(test, seconden: float) -> bool:
    """Poll ``test`` until it is true (True) or the time is up (False)."""
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if test():
            return True
        time.sleep(0.2)
    return False


# -- one Chromium for the whole session, and built sites served on localhost ----------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# As the machine's closed network expects: no background connections from Chromium.
CHROMIUM_ARGS = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


class _StilleHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serveer(map_: Path, handler: type[http.server.SimpleHTTPRequestHandler] | None = None) -> Iterator[str]:
    """Serve a built site on a free localhost port (with ``handler``, default a quiet file server); yields its address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler or _StilleHandler, directory=str(map_)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def adres(site: Path) -> Iterator[str]:
    """The shared intern build, served."""
    with serveer(site) as a:
        yield a


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's package, never a download) for every browser test."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "chromium ontbreekt: installeer het Debian-pakket 'chromium'"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Tabblad:
    """A page whose requests to other hosts are blocked and recorded, with its script errors."""

    pagina: object
    buiten: list[str] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)


@pytest.fixture
def tabblad(browser) -> Iterator[callable]:
    """Open pages (desktop size unless given); closed after the test."""
    geopend = []

    def open_(breedte: int = 1280, hoogte: int = 900) -> Tabblad:
        context = browser.new_context(viewport={"width": breedte, "height": hoogte})
        geopend.append(context)
        tab = Tabblad(context.new_page())
        tab.pagina.on("pageerror", lambda e: tab.fouten.append(str(e)))

        def route(r):
            if r.request.url.startswith("http://127.0.0.1"):
                r.continue_()
            else:
                tab.buiten.append(r.request.url)
                r.abort()

        tab.pagina.route("**/*", route)
        return tab

    yield open_
    for context in geopend:
        context.close()

