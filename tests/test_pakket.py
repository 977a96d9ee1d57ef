"""What a newcomer meets: the package as pip installs it, the commands, titles, docs.

The wheel test builds a real wheel and installs it (not editable) into a fresh
virtual environment, without network: the fresh environment borrows the
dependencies from the test interpreter's site-packages through a ``.pth`` line.
A directory added by a ``.pth`` line is not a site directory, so the editable
install's own ``.pth`` hook stays inactive and ``wijkportaal`` can only come from
the wheel.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import BIN, PROJECT, haal, omgeving, pagina, titel, vrije_poort, wacht_op
from wijkportaal.soorten import SOORTEN

ASSETS = PROJECT / "src/wijkportaal/assets"
VENDOR = [
    "vendor/leaflet/leaflet.js",
    "vendor/leaflet/leaflet.css",
    "vendor/leaflet/images/marker-icon.png",
    "vendor/markercluster/leaflet.markercluster.js",
    "vendor/markercluster/MarkerCluster.css",
    "vendor/markercluster/MarkerCluster.Default.css",
    "kaart.js",
    "kaart.css",
]


def omgeving_zonder_banneruitzetter() -> dict[str, str]:
    """The test environment, but without NO_MKDOCS_2_WARNING: the commands must set it themselves."""
    env = omgeving()
    env.pop("NO_MKDOCS_2_WARNING", None)
    env.pop("PYTHONPATH", None)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def draai(*args, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=omgeving_zonder_banneruitzetter(),
        capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


def geen_banner(uitvoer: str) -> None:
    assert "end of life" not in uitvoer.lower(), uitvoer
    assert "zensical" not in uitvoer.lower(), uitvoer


@dataclass
class Verse:
    python: Path
    site_packages: Path
    wiel: Path


@pytest.fixture(scope="module")
def vers(tmp_path_factory) -> Verse:
    """The project built as a wheel and installed (not editable) in a fresh venv."""
    werk = tmp_path_factory.mktemp("pakket")
    # build from a clean copy of the sources: no stale build/ or egg-info can slip in
    bron = werk / "bron"
    negeer = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for map_ in ("src", "plugins"):
        shutil.copytree(PROJECT / map_, bron / map_, ignore=negeer)
    for bestand in ("pyproject.toml", "README.md"):
        shutil.copy(PROJECT / bestand, bron / bestand)
    wielen = werk / "wielen"
    uit = draai(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                "-w", wielen, bron, cwd=werk)  # fmt: skip
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert "deprecat" not in (uit.stdout + uit.stderr).lower(), uit.stdout + uit.stderr  # e.g. license as a TOML table
    (wiel,) = wielen.glob("wijkportaal-*.whl")

    venv = werk / "venv"
    uit = draai(sys.executable, "-m", "venv", "--without-pip", venv, cwd=werk)
    assert uit.returncode == 0, uit.stderr
    python = venv / "bin" / "python"
    uit = draai(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=werk)
    site_packages = Path(uit.stdout.strip())
    assert site_packages.is_relative_to(venv), uit.stdout + uit.stderr
    # the dependencies (mkdocs, material, folium, ...) from the test interpreter
    (site_packages / "afhankelijkheden.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    uit = draai(sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", site_packages, wiel,
                cwd=werk)  # fmt: skip
    assert uit.returncode == 0, uit.stdout + uit.stderr
    return Verse(python, site_packages, wiel)


def test_wheel_holds_the_vendored_maps_and_licences(vers: Verse):
    with zipfile.ZipFile(vers.wiel) as wiel:
        namen = set(wiel.namelist())
        metadata = wiel.read(next(n for n in namen if n.endswith(".dist-info/METADATA"))).decode()
    for pad in VENDOR:
        assert f"wijkportaal/assets/{pad}" in namen
    assert {"wijkportaal/templates/voorziening.html", "wijkportaal/templates/_macros.html"} <= namen
    assert "License-Expression: EUPL-1.2 AND BSD-2-Clause AND MIT" in metadata
    licenties = [n for n in namen if ".dist-info/licenses/" in n]
    assert any(n.endswith("vendor/leaflet/LICENSE") for n in licenties), licenties
    assert any(n.endswith("vendor/markercluster/LICENSE") for n in licenties), licenties


def test_site_built_with_the_installed_wheel_has_working_maps(vers: Verse, klein_project: Path):
    project = klein_project
    uit = draai(vers.python, "-c", "import wijkportaal, wijkportaal_mkdocs; "
                "print(wijkportaal.__file__); print(wijkportaal_mkdocs.__file__)", cwd=project)  # fmt: skip
    bestanden = [Path(r) for r in uit.stdout.split()]
    assert len(bestanden) == 2 and all(b.is_relative_to(vers.site_packages) for b in bestanden), uit.stdout + uit.stderr

    # 'wijkportaal bouw' from the installed package (python -m: the console script is not on PATH here)
    uit = draai(vers.python, "-m", "wijkportaal.cli", "bouw", cwd=project)
    assert uit.returncode == 0, uit.stdout + uit.stderr
    geen_banner(uit.stdout + uit.stderr)
    site = project / "site"
    for pad in VENDOR:
        gebouwd = site / "assets/wijkportaal" / pad
        assert gebouwd.is_file(), f"{pad} ontbreekt in de site"
        assert gebouwd.read_bytes() == (ASSETS / pad).read_bytes()
    kaart = pagina(site, "kaart")
    assert "assets/wijkportaal/vendor/leaflet/leaflet.js" in kaart
    assert "assets/wijkportaal/vendor/markercluster/leaflet.markercluster.js" in kaart
    # the templates came along too: record pages are rendered
    meubeldepot = pagina(site, "voorzieningen/meubeldepot")
    assert 'class="wp-record wp-voorziening"' in meubeldepot
    assert titel(meubeldepot) == "Meubeldepot"


def test_bouw_fails_outside_the_project_with_a_dutch_message(tmp_path: Path):
    uit = draai(BIN / "wijkportaal", "bouw", "--publiek", cwd=tmp_path)
    assert uit.returncode == 2
    assert "fout: mkdocs.publiek.yml niet gevonden" in uit.stderr
    assert not (tmp_path / "site-publiek").exists()


# -- wijkportaal bekijk -----------------------------------------------------------------








def html_titel(html_: str) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", html_, re.S).group(1)).strip()


def kop(html_: str) -> str:
    """The text of the H1, without the permalink anchor of hand-written pages."""
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html_, re.S).group(1)
    return html.unescape(re.sub(r"<a class=\"headerlink\".*?</a>", "", h1, flags=re.S)).strip()


def test_bekijk_publiek_serves_the_public_edition_and_stops_cleanly(klein_project: Path):
    poort = vrije_poort()
    url = f"http://127.0.0.1:{poort}/"
    proces = subprocess.Popen(
        [str(BIN / "wijkportaal"), "bekijk", "--publiek", "-a", f"127.0.0.1:{poort}"],
        cwd=klein_project, env=omgeving_zonder_banneruitzetter(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, start_new_session=True,
    )  # fmt: skip
    try:
        assert wacht_op(lambda: haal(url) is not None, 90), "bekijk kwam niet op"
        start = haal(url)
        assert html_titel(start) == "Sociale kaart Enschede"
        assert kop(start) == "Waar kan ik terecht?"
        # SIGTERM to 'wijkportaal' reaches MkDocs: the server really stops
        proces.terminate()
        proces.wait(timeout=15)
        assert wacht_op(lambda: haal(url) is None, 15), "mkdocs serve draait nog na het stoppen"
    finally:
        if proces.poll() is None:
            os.killpg(proces.pid, signal.SIGKILL)
        uitvoer = proces.communicate(timeout=15)[0]
        try:
            os.killpg(proces.pid, signal.SIGKILL)  # nothing may be left behind
        except ProcessLookupError:
            pass
    geen_banner(uitvoer)


# -- page titles (the session build) -------------------------------------------------------


def test_home_title_is_the_site_name_once_and_record_titles_add_it(site: Path):
    start = pagina(site, "")
    assert html_titel(start) == "Wijkportaal Enschede"
    assert kop(start) == "Wijkportaal Enschede"
    assert html_titel(pagina(site, "voorzieningen/meubeldepot")) == "Meubeldepot - Wijkportaal Enschede"


# -- CONTRIBUTING.md ----------------------------------------------------------------------


def test_contributing_field_table_names_every_top_level_field():
    tekst = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    tabel = tekst[tekst.index("## De velden") :]
    eerste_kolom = [regel.split("|")[1] for regel in tabel.splitlines() if regel.startswith("| `")]
    genoemd = {naam.split(".")[0] for kolom in eerste_kolom for naam in re.findall(r"`([a-z_.]+)`", kolom)}
    for soort in (s.enkelvoud for s in SOORTEN.values()):
        schema = json.loads((PROJECT / "schema" / f"{soort}.json").read_text(encoding="utf-8"))
        ontbreekt = set(schema["properties"]) - genoemd
        assert not ontbreekt, f"{soort}: {sorted(ontbreekt)} staan niet in de tabel in CONTRIBUTING.md"
