"""Atomic builds: a failing build leaves the previous site exactly as it was."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from conftest import kopieer_klein_project, mkdocs


def vingerafdruk(map_: Path) -> dict[str, str]:
    return {
        p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(map_.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def klein_gebouwd(tmp_path_factory) -> Path:
    """A small project (conftest.kopieer_klein_project) with its site built once: each build here takes a second."""
    project = kopieer_klein_project(tmp_path_factory.mktemp("atomisch") / "project")
    uit = mkdocs("build", "--strict", "-d", "site", cwd=project)
    assert uit.code == 0, uit.uitvoer
    return project


@pytest.fixture
def gebouwd(klein_gebouwd: Path, tmp_path: Path) -> Path:
    """A copy of the small project with a previous site in site/."""
    project = tmp_path / "project"
    shutil.copytree(klein_gebouwd, project)
    assert (project / "site/voorzieningen/meubeldepot/index.html").is_file()
    return project


def rest_van_bouw(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site-"))


def test_bad_data_leaves_previous_site(gebouwd: Path):
    voor = vingerafdruk(gebouwd / "site")
    pad = gebouwd / "data/voorzieningen/meubeldepot.yml"
    pad.write_text(pad.read_text(encoding="utf-8") + "toegang: soms\n", encoding="utf-8")
    uit = mkdocs("build", "-d", "site", cwd=gebouwd)
    assert uit.code != 0
    assert vingerafdruk(gebouwd / "site") == voor
    assert rest_van_bouw(gebouwd) == []


def test_plugin_error_halfway_leaves_previous_site(gebouwd: Path):
    voor = vingerafdruk(gebouwd / "site")
    (gebouwd / "kapot.py").write_text(
        "def on_page_content(html, page, config, files):\n"
        "    if page.file.src_uri == 'voorzieningen/meubeldepot.md':\n"
        "        raise RuntimeError('plugin kapot')\n"
        "    return html\n",
        encoding="utf-8",
    )
    config = gebouwd / "mkdocs.kapot.yml"
    config.write_text("INHERIT: mkdocs.yml\nhooks:\n  - kapot.py\n", encoding="utf-8")
    uit = mkdocs("build", "-f", "mkdocs.kapot.yml", "-d", "site", cwd=gebouwd)
    assert uit.code != 0
    assert "plugin kapot" in uit.uitvoer
    assert vingerafdruk(gebouwd / "site") == voor
    assert rest_van_bouw(gebouwd) == []


def test_strict_warning_leaves_previous_site(gebouwd: Path):
    voor = vingerafdruk(gebouwd / "site")
    (gebouwd / "docs/over.md").write_text("# Over\n\n[kapot](bestaat-niet.md)\n", encoding="utf-8")
    uit = mkdocs("build", "--strict", "-d", "site", cwd=gebouwd)
    assert uit.code != 0
    assert vingerafdruk(gebouwd / "site") == voor
    assert rest_van_bouw(gebouwd) == []


def test_successful_build_replaces_site_completely(gebouwd: Path):
    (gebouwd / "site/oud-bestand.html").write_text("weg ermee", encoding="utf-8")
    pad = gebouwd / "data/voorzieningen/meubeldepot.yml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("naam: Meubeldepot", "naam: Meubeldepot Nieuw"), encoding="utf-8")
    uit = mkdocs("build", "-d", "site", cwd=gebouwd)
    assert uit.code == 0, uit.uitvoer
    assert not (gebouwd / "site/oud-bestand.html").exists()
    assert "Meubeldepot Nieuw" in (gebouwd / "site/voorzieningen/meubeldepot/index.html").read_text(encoding="utf-8")
    assert rest_van_bouw(gebouwd) == []
    assert (gebouwd / "site").stat().st_mode & 0o005 == 0o005  # readable for a web server


def test_strict_data_warning_leaves_previous_site(gebouwd: Path):
    """A data warning under --strict: the build stops right after the check, the old site stays.
    (Warnings MkDocs itself finds later, such as a broken link, are counted too: the test above.)"""
    voor = vingerafdruk(gebouwd / "site")
    pad = gebouwd / "data/voorzieningen/meubeldepot.yml"
    tekst = pad.read_text(encoding="utf-8")
    assert "locaties:" not in tekst
    pad.write_text(tekst + "locaties:\n  - naam: Ergens\n", encoding="utf-8")
    uit = mkdocs("build", "--strict", "-d", "site", cwd=gebouwd)  # no -q: MkDocs does not count warnings under -q
    assert uit.code != 0, uit.uitvoer
    assert "data/voorzieningen/meubeldepot.yml:" in uit.uitvoer and ": waarschuwing:" in uit.uitvoer
    assert ": fout:" not in uit.uitvoer  # only a warning
    assert "Strikte bouw: de site is niet gebouwd" in uit.uitvoer
    assert vingerafdruk(gebouwd / "site") == voor
    assert rest_van_bouw(gebouwd) == []
