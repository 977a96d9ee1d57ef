"""Two editions from the same data; nothing internal ever reaches the publiek edition."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import inhoud, kopieer_project, mkdocs, pagina, records, refs, wijkportaal

MARKER_INTERN_RECORD = "MARKERINTERNRECORD7f3a"
MARKER_INTERN_VELD = "MARKERINTERNVELD9c1b"
MARKER_WERKINSTRUCTIE = "MARKERWERKINSTRUCTIE42de"
MARKERS = (MARKER_INTERN_RECORD, MARKER_INTERN_VELD, MARKER_WERKINSTRUCTIE)


def wijzig(pad: Path, **velden) -> None:
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data.update(velden)
    pad.write_text(
        "# yaml-language-server: $schema=../../schema/x.json\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def met_markers(tmp_path_factory) -> Path:
    project = kopieer_project(tmp_path_factory.mktemp("edities") / "project")
    data = project / "data"
    # 1. an intern voorziening, linked from a publiek one
    wijzig(data / "voorzieningen/abc-team.yml", samenvatting=f"Alleen intern {MARKER_INTERN_RECORD}.", zichtbaarheid="intern")
    meubeldepot = yaml.safe_load((data / "voorzieningen/meubeldepot.yml").read_text(encoding="utf-8"))
    # 2. an intern: field of a publiek record
    wijzig(
        data / "voorzieningen/meubeldepot.yml",
        intern={"verwijsinformatie": f"Geheim {MARKER_INTERN_VELD}"},
        gerelateerd=meubeldepot.get("gerelateerd", []) + ["voorzieningen/abc-team"],
    )
    # 3. a werkinstructie (intern by default)
    wijzig(data / "werkinstructies/meubeldepot-aanmelden.yml", samenvatting=f"Procedure {MARKER_WERKINSTRUCTIE}.")
    assert wijkportaal("validate", "data", cwd=project).code == 0
    for config, uit in (("mkdocs.yml", "site"), ("mkdocs.publiek.yml", "site-publiek")):
        bouw = mkdocs("build", "--strict", "-f", config, "-d", uit, cwd=project)
        assert bouw.code == 0, bouw.uitvoer
    return project


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
    assert "Hulp in Enschede" in html
    assert "Sociale kaart Enschede" in html
    assert "Methodieken" not in html and "Werkinstructies" not in html


def test_publiek_lists_only_publiek_voorzieningen(met_markers: Path):
    alle = records("voorzieningen", met_markers / "data")
    publiek = {f"voorzieningen/{i}" for i, v in alle.items() if v.get("zichtbaarheid", "publiek") == "publiek" and v.get("status") != "gestopt"}
    gelijst = set(refs(inhoud(pagina(met_markers / "site-publiek", "voorzieningen/"))))
    assert gelijst == publiek
