"""Freshness: old records say so, stopped ones leave every list, /onderhoud/ and `wijkportaal stale`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import VANDAAG, inhoud, kopieer_project, mkdocs, pagina, refs, wijkportaal


def zet(pad: Path, **velden) -> None:
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    for sleutel, waarde in velden.items():
        if "." in sleutel:
            a, b = sleutel.split(".")
            data[a][b] = waarde
        else:
            data[sleutel] = waarde
    pad.write_text("# yaml-language-server: $schema=../../schema/x.json\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = kopieer_project(tmp_path_factory.mktemp("versheid") / "project")
    v = project / "data/voorzieningen"
    zet(v / "budgetbuddy.yml", status="gestopt")
    zet(v / "kies-training.yml", geldig_tot="2026-01-01")
    zet(v / "jeugdwerk-online.yml", status="tijdelijk-gesloten")
    zet(v / "meubeldepot.yml", **{"beheer.laatst_gecontroleerd": "2026-10-01"})  # fresh
    zet(v / "woonstap.yml", **{"beheer.laatst_gecontroleerd": "2025-12-01"})  # due within 60 days
    for config, uit in (("mkdocs.yml", "site"), ("mkdocs.publiek.yml", "site-publiek")):
        bouw = mkdocs("build", "--strict", "-f", config, "-d", uit, cwd=project)
        assert bouw.code == 0, bouw.uitvoer
    return project


def test_old_record_shows_notice_in_both_editions(project: Path):
    for site in ("site", "site-publiek"):
        html = inhoud(pagina(project / site, "voorzieningen/thuislozenloket/"))
        assert "Mogelijk verouderd:</strong> laatst gecontroleerd op" in html
    vers = inhoud(pagina(project / "site", "voorzieningen/meubeldepot/"))
    assert "Mogelijk verouderd" not in vers


def test_werkinstructie_past_review_date_warns_staff(project: Path):
    html = inhoud(pagina(project / "site", "werkinstructies/meldcode-huiselijk-geweld-en-kindermishandeling/"))
    assert "Herziening nodig:</strong> deze werkinstructie had vóór 4 januari 2025" in html


@pytest.mark.parametrize("id_", ["budgetbuddy", "kies-training"])
def test_stopped_voorziening_leaves_lists_search_but_keeps_intern_page(project: Path, id_: str):
    ref = f"voorzieningen/{id_}"
    for site in ("site", "site-publiek"):
        assert ref not in refs(inhoud(pagina(project / site, "voorzieningen/")))
        for wijk in (project / site / "wijken").iterdir():
            if wijk.is_dir():
                assert ref not in refs(inhoud(pagina(project / site, f"wijken/{wijk.name}/")))
        for thema in (project / site / "themas").iterdir():
            if thema.is_dir():
                assert ref not in refs(inhoud(pagina(project / site, f"themas/{thema.name}/")))
        index = json.loads((project / site / "search/search_index.json").read_text(encoding="utf-8"))
        assert not [d for d in index["docs"] if d["location"].startswith(f"{ref}/")]
    html = inhoud(pagina(project / "site", f"{ref}/"))
    assert "Deze voorziening bestaat niet meer." in html
    assert not (project / "site-publiek" / ref).exists()


def test_temporarily_closed_stays_listed_with_notice(project: Path):
    assert "voorzieningen/jeugdwerk-online" in refs(inhoud(pagina(project / "site-publiek", "voorzieningen/")))
    assert "Tijdelijk gesloten." in inhoud(pagina(project / "site-publiek", "voorzieningen/jeugdwerk-online/"))


def test_onderhoud_page_lists_overdue_and_due_per_organisatie(project: Path):
    html = inhoud(pagina(project / "site", "onderhoud/"))
    assert 'id="org-smd-enschede-haaksbergen"' in html
    assert 'data-ref="voorzieningen/thuislozenloket" class="wp-te-laat"' in html
    assert 'data-ref="voorzieningen/woonstap" class="wp-binnenkort"' in html
    assert 'data-ref="voorzieningen/meubeldepot"' not in html
    assert "te laat" in html


def test_stale_command_matches(project: Path):
    uit = wijkportaal("stale", "--vandaag", VANDAAG, cwd=project)
    assert uit.code == 0, uit.uitvoer
    assert "data/voorzieningen/thuislozenloket.yml" in uit.uitvoer
    assert "binnenkort  laatst 2025-12-01  data/voorzieningen/woonstap.yml" in uit.uitvoer
    assert "data/voorzieningen/meubeldepot.yml" not in uit.uitvoer
    smd = wijkportaal("stale", "--organisatie", "smd-enschede-haaksbergen", "--vandaag", VANDAAG, cwd=project)
    assert smd.code == 0
    assert "Wijkteams Enschede (wijkteams-enschede)" not in smd.uitvoer
    assert "smd-enschede-haaksbergen" in smd.uitvoer
    onbekend = wijkportaal("stale", "--organisatie", "bestaat-niet", cwd=project)
    assert onbekend.code == 2


def test_today_is_injectable(project: Path):
    later = wijkportaal("stale", "--vandaag", "2030-01-01", "--organisatie", "smd-enschede-haaksbergen", cwd=project)
    vroeger = wijkportaal("stale", "--vandaag", "2021-01-01", "--organisatie", "smd-enschede-haaksbergen", cwd=project)
    assert "Stand op 1 januari 2030" in later.uitvoer
    assert later.uitvoer.count("te laat  ") > vroeger.uitvoer.count("te laat  ")
