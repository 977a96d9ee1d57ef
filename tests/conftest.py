"""Shared fixtures: the project, throw-away copies of it, and built sites."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
VOORBEELDEN = Path(__file__).resolve().parent / "voorbeelden"
BIN = Path(sys.executable).parent
VANDAAG = "2026-11-23"  # fixed "today" so builds are deterministic


def omgeving() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["WIJKPORTAAL_VANDAAG"] = VANDAAG
    env["PYTHONUTF8"] = "1"
    return env


@dataclass
class Uitkomst:
    code: int
    uitvoer: str  # stdout and stderr together

    @property
    def regels(self) -> list[str]:
        return self.uitvoer.splitlines()


def draai(*args: str, cwd: Path) -> Uitkomst:
    proces = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=omgeving(), capture_output=True, text=True, timeout=300
    )
    return Uitkomst(proces.returncode, proces.stdout + proces.stderr)


def mkdocs(*args: str, cwd: Path) -> Uitkomst:
    return draai(BIN / "mkdocs", *args, cwd=cwd)


def wijkportaal(*args: str, cwd: Path) -> Uitkomst:
    return draai(BIN / "wijkportaal", *args, cwd=cwd)


def kopieer_project(doel: Path) -> Path:
    """A copy of everything a build needs, to change freely in a test."""
    doel.mkdir(parents=True, exist_ok=True)
    for naam in ("data", "docs", "overrides"):
        if (PROJECT / naam).is_dir():
            shutil.copytree(PROJECT / naam, doel / naam)
    for bestand in PROJECT.glob("mkdocs*.yml"):
        shutil.copy(bestand, doel / bestand.name)
    return doel


@pytest.fixture
def project_kopie(tmp_path: Path) -> Path:
    return kopieer_project(tmp_path / "project")


@dataclass
class Bouw:
    project: Path
    site: Path
    log: Uitkomst


@pytest.fixture(scope="session")
def bouw(tmp_path_factory) -> Bouw:
    """The sample data built once with --strict (intern edition)."""
    werk = kopieer_project(tmp_path_factory.mktemp("bouw") / "project")
    uit = mkdocs("build", "--strict", "-d", str(werk / "site"), cwd=werk)
    assert uit.code == 0, uit.uitvoer
    return Bouw(werk, werk / "site", uit)


@pytest.fixture(scope="session")
def site(bouw: Bouw) -> Path:
    return bouw.site


# -- reading the built site -------------------------------------------------------------

import re as _re
import html as _html

import yaml as _yaml


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
