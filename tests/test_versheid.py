"""Freshness: old records say so, stopped ones leave every list, /onderhoud/ and `wijkportaal stale`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import VANDAAG, Uitkomst, inhoud, pagina, refs
from wijkportaal.cli import main


@pytest.fixture(scope="module")
def project(proef: Path) -> Path:
    return proef


@pytest.fixture
def stale(project: Path, capsys, monkeypatch):
    """``wijkportaal stale ...`` in-process, in the project folder."""
    monkeypatch.chdir(project)

    def draai(*args: str) -> Uitkomst:
        code = main(["stale", *args])
        uit = capsys.readouterr()
        return Uitkomst(code, uit.out + uit.err)

    return draai


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
        gegevens = json.loads((project / site / "zoeken/gegevens.json").read_text(encoding="utf-8"))
        assert f"{ref}/" not in [d["url"] for d in gegevens["documenten"]]
        assert f"{ref}/" not in gegevens["voorzieningen"]
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
    assert 'data-ref="voorzieningen/meubeldepot" class="wp-' not in html  # fresh: not due (its unconfirmed value is: test_onbevestigd)
    assert "te laat" in html


def test_stale_command_matches(stale):
    uit = stale("--vandaag", VANDAAG)
    assert uit.code == 0, uit.uitvoer
    assert "data/voorzieningen/thuislozenloket.yml" in uit.uitvoer
    assert "binnenkort  laatst 2025-12-01  data/voorzieningen/woonstap.yml" in uit.uitvoer
    assert not [r for r in uit.regels if "meubeldepot.yml" in r and "laatst" in r]  # fresh: not due
    smd = stale("--organisatie", "smd-enschede-haaksbergen", "--vandaag", VANDAAG)
    assert smd.code == 0
    assert "Wijkteams Enschede (wijkteams-enschede)" not in smd.uitvoer
    assert "smd-enschede-haaksbergen" in smd.uitvoer
    onbekend = stale("--organisatie", "bestaat-niet")
    assert onbekend.code == 2


def test_today_is_injectable(stale):
    later = stale("--vandaag", "2030-01-01", "--organisatie", "smd-enschede-haaksbergen")
    vroeger = stale("--vandaag", "2021-01-01", "--organisatie", "smd-enschede-haaksbergen")
    assert "Stand op 1 januari 2030" in later.uitvoer
    assert later.uitvoer.count("te laat  ") > vroeger.uitvoer.count("te laat  ")
