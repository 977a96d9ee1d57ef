"""Values a record marks as 'onbevestigd': said on the page in both editions (the reason
only intern), listed as work on /onderhoud/ and by `wijkportaal stale`, and honest in the finder."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import MARKER_REDEN, Uitkomst, inhoud, pagina, serveer
from wijkportaal.catalogus import laad_catalogus
from wijkportaal.cli import main

MELDING = "Nog niet bevestigd door de organisatie"


@pytest.mark.parametrize("site", ["site", "site-publiek"])
def test_the_page_says_the_value_is_not_confirmed(proef: Path, site: str):
    html = inhoud(pagina(proef / site, "voorzieningen/meubeldepot/"))
    assert f"<strong>{MELDING}:</strong>" in html and "toegang" in html
    kenmerken = html.split('<ul class="wp-kenmerken"', 1)[1].split("</ul>", 1)[0]
    assert "Verwijzing nodig (niet bevestigd)" in kenmerken
    # the reason is for staff only
    assert (MARKER_REDEN in html) == (site == "site")
    # a record without unconfirmed values says nothing of the kind
    assert MELDING not in inhoud(pagina(proef / site, "voorzieningen/woonstap/"))


def test_onderhoud_lists_unconfirmed_values_per_organisatie(proef: Path):
    html = inhoud(pagina(proef / "site", "onderhoud/"))
    blok = html.split('id="org-smd-enschede-haaksbergen"', 1)[1].split("<h2", 1)[0]
    assert 'class="wp-taken wp-te-bevestigen"' in blok
    assert '<tr data-ref="voorzieningen/meubeldepot" data-veld="toegang">' in blok
    assert MARKER_REDEN in blok
    assert "te bevestigen" in html.split('id="org-smd-enschede-haaksbergen"', 1)[1].split("</h2>", 1)[0]


def test_stale_lists_unconfirmed_values(proef: Path, capsys, monkeypatch):
    monkeypatch.chdir(proef)
    code = main(["stale", "--vandaag", "2026-11-23", "--organisatie", "smd-enschede-haaksbergen"])
    uit = Uitkomst(code, capsys.readouterr().out)
    assert uit.code == 0
    assert "  bevestigen  toegang  data/voorzieningen/meubeldepot.yml  Meubeldepot" in uit.regels
    assert any(r.startswith("Totaal:") and "met waarden om te bevestigen" in r for r in uit.regels)


def test_finder_says_when_a_filter_matched_an_unconfirmed_value(proef: Path, tabblad):
    with serveer(proef / "site-publiek") as adres:
        tab = tabblad()
        p = tab.pagina
        p.goto(f"{adres}/zoeken/?toegang=verwijzing")
        resultaat = p.locator('#wp-resultaten > li[data-ref="voorzieningen/meubeldepot/"]')
        resultaat.wait_for()
        assert resultaat.locator(".wp-resultaat__onbevestigd").inner_text() == f"{MELDING}: toegang. Vraag het na."
        assert "(niet bevestigd)" in resultaat.locator(".wp-toegang").inner_text()
        # without that filter the result carries no such note
        p.goto(f"{adres}/zoeken/?q=meubeldepot")
        resultaat.wait_for()
        assert resultaat.locator(".wp-resultaat__onbevestigd").count() == 0
        assert tab.fouten == []


def test_onbevestigd_must_name_a_field_the_record_has(tmp_path: Path, project_kopie: Path):
    pad = project_kopie / "data/voorzieningen/meubeldepot.yml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data.pop("kosten_toelichting", None)
    data["onbevestigd"] = {"kosten_toelichting": "afgeleid", "naam": "geraden", "toegang": "afgeleid"}
    pad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _, problemen = laad_catalogus(project_kopie / "data", basis=project_kopie)
    berichten = sorted(p.bericht for p in problemen.fouten)
    assert berichten == [
        "'onbevestigd' noemt 'kosten_toelichting', maar dat veld staat niet in dit record; voeg het toe of haal 'kosten_toelichting' hier weg",
        "'onbevestigd': 'naam' is geen waarde die de organisatie bevestigt",
    ], berichten


def test_a_concept_werkinstructie_says_so_and_claims_no_version(tmp_path: Path, project_kopie: Path):
    from wijkportaal.paginas import Paginamaker

    pad = project_kopie / "data/werkinstructies/meubeldepot-aanmelden.yml"
    weg = ("versie:", "vastgesteld_op:", "eigenaar:", "vaststelling:")
    regels = [r for r in pad.read_text(encoding="utf-8").splitlines() if not r.startswith(weg)]
    pad.write_text("\n".join(regels) + "\nvaststelling: concept\n", encoding="utf-8")
    catalogus, problemen = laad_catalogus(project_kopie / "data", basis=project_kopie)
    assert not problemen.fouten, problemen.fouten
    html = Paginamaker(catalogus).recordpagina(catalogus.records["werkinstructies"]["meubeldepot-aanmelden"]).html
    assert "Concept, samengesteld uit bronnen." in html
    assert "<dt>Versie</dt>" not in html and "<dt>Eigenaar</dt>" not in html
    # without 'vaststelling: concept' a version and an owner are required
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    _, problemen = laad_catalogus(project_kopie / "data", basis=project_kopie)
    assert sorted(p.bericht.split(";")[0] for p in problemen.fouten) == [
        "verplicht veld 'eigenaar' ontbreekt", "verplicht veld 'versie' ontbreekt"
    ]
