"""ProperDocs, the maintained continuation of MkDocs 1.x, builds the same site (issue #11).

One strict ProperDocs build of the sample data (intern edition, same fixed date and
environment as the shared MkDocs build) is compared with the session's MkDocs build.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BIN, Bouw, draai, inhoud, omgeving, titel

_GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def bestanden(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def properdocs_site(bouw: Bouw, tmp_path_factory) -> Path:
    """The same project as the MkDocs build, built once by ProperDocs into its own folder."""
    doel = tmp_path_factory.mktemp("properdocs") / "site"
    uit = draai(BIN / "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(doel), cwd=bouw.project)
    assert uit.code == 0, uit.uitvoer
    assert "WARNING" not in uit.uitvoer, uit.uitvoer
    return doel


def test_properdocs_builds_the_same_files(properdocs_site: Path, site: Path):
    verwacht = bestanden(site)
    assert len(verwacht) > 200
    assert bestanden(properdocs_site) == verwacht


def test_it_really_was_properdocs(properdocs_site: Path, site: Path):
    start = (properdocs_site / "index.html").read_text(encoding="utf-8")
    assert "ProperDocs" in _GENERATOR.search(start).group(1)
    assert "ProperDocs" not in _GENERATOR.search((site / "index.html").read_text(encoding="utf-8")).group(1)


def test_every_page_has_the_same_title_heading_and_article(properdocs_site: Path, site: Path):
    paginas = [p for p in bestanden(site) if p.endswith("index.html")]
    assert len(paginas) > 100
    for pad in paginas:
        mk = (site / pad).read_text(encoding="utf-8")
        pd = (properdocs_site / pad).read_text(encoding="utf-8")
        assert _TITLE.search(pd).group(1) == _TITLE.search(mk).group(1), pad
        assert titel(pd) == titel(mk), pad
        assert inhoud(pd) == inhoud(mk), pad
    # a few pages by name, so a broken comparison cannot pass on empty pages
    assert titel((properdocs_site / "voorzieningen/meubeldepot/index.html").read_text(encoding="utf-8"))
    assert titel((properdocs_site / "index.html").read_text(encoding="utf-8")) == titel(
        (site / "index.html").read_text(encoding="utf-8")
    )


def test_the_search_files_are_identical(properdocs_site: Path, site: Path):
    zoekbestanden = [p for p in bestanden(site) if p.startswith("zoeken/") and p.endswith(".json")]
    assert len(zoekbestanden) >= 3
    for pad in zoekbestanden:
        assert (properdocs_site / pad).read_bytes() == (site / pad).read_bytes(), pad


def test_strict_warning_counter_hears_properdocs_own_warnings():
    """ProperDocs logs its own warnings (a broken link) under 'properdocs', not 'mkdocs': the atomic
    build must count them, or a strict build would swap in a site that ProperDocs then rejects."""
    script = (
        "import logging\n"
        "from properdocs.__main__ import State\n"  # what the properdocs command sets up: aliases and loggers
        "staat = State()\n"
        "from wijkportaal_mkdocs.atomisch import Teller\n"
        "teller = Teller.start()\n"
        "logging.getLogger('properdocs.structure.pages').warning('link naar niets')\n"
        "logging.getLogger('mkdocs.plugins.wijkportaal').warning('gegevens')\n"
        "print(teller.aantal)\n"
    )
    uit = subprocess.run([sys.executable, "-c", script], env=omgeving(), capture_output=True, text=True, timeout=60)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip() == "2"
