"""Two editions from the same data; nothing internal ever reaches the publiek edition."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MARKERS, VANDAAG, inhoud, pagina, records, refs


@pytest.fixture(scope="module")
def met_markers(proef: Path) -> Path:
    return proef


def alle_bestanden(site: Path):
    for pad in site.rglob("*"):
        if pad.is_file():
            yield pad


def test_publiek_edition_contains_no_internal_content_anywhere(met_markers: Path):
    site = met_markers / "site-publiek"
    bestanden = list(alle_bestanden(site))
    assert len(bestanden) > 100
    for pad in bestanden:
        inhoud_ = pad.read_bytes()
        for marker in MARKERS:
            assert marker.encode() not in inhoud_, f"{marker} lekt in {pad.relative_to(site)}"


def test_intern_edition_contains_the_markers(met_markers: Path):
    site = met_markers / "site"
    alles = b"".join(p.read_bytes() for p in alle_bestanden(site) if p.suffix in {".html", ".json"})
    for marker in MARKERS:
        assert marker.encode() in alles


def test_publiek_edition_has_no_kennisportaal_pages(met_markers: Path):
    site = met_markers / "site-publiek"
    assert not (site / "werkinstructies").exists()
    assert not (site / "methodieken").exists()
    assert not (site / "onderhoud").exists()
    assert not (site / "voorzieningen/abc-team").exists()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "werkinstructies/" not in sitemap and "abc-team" not in sitemap


def test_links_to_internal_records_are_left_out_not_dead(met_markers: Path):
    publiek = inhoud(pagina(met_markers / "site-publiek", "voorzieningen/meubeldepot/"))
    assert "abc-team" not in publiek
    assert "werkinstructies/" not in publiek
    assert "Alleen voor medewerkers" not in publiek
    intern = inhoud(pagina(met_markers / "site", "voorzieningen/meubeldepot/"))
    assert "voorzieningen/abc-team" in refs(intern)
    assert "Alleen voor medewerkers" in intern


def test_publiek_home_is_for_residents(met_markers: Path):
    html = pagina(met_markers / "site-publiek", "")
    assert "Waar kan ik terecht?" in html
    assert "Sociale kaart Enschede" in html
    assert "Methodieken" not in html and "Werkinstructies" not in html


def test_publiek_lists_only_publiek_voorzieningen(met_markers: Path):
    alle = records("voorzieningen", met_markers / "data")
    publiek = {
        f"voorzieningen/{i}" for i, v in alle.items()
        if v.get("zichtbaarheid", "publiek") == "publiek" and v.get("status") != "gestopt" and str(v.get("geldig_tot", "9999")) >= VANDAAG
    }  # fmt: skip
    gelijst = set(refs(inhoud(pagina(met_markers / "site-publiek", "voorzieningen/"))))
    assert gelijst == publiek
