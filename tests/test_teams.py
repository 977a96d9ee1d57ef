"""Wie is wie: teams and roles (intern only), "Vraag het aan", and people only with their consent."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from conftest import FOTO_PERSOON, MARKER_PERSOON, PROJECT, inhoud, pagina, records, refs, titel
from wijkportaal.catalogus import laad_catalogus

TEAMS = records("teams")
METHODIEKEN = records("methodieken")
TAXONOMIE = yaml.safe_load((PROJECT / "data/taxonomie.yml").read_text(encoding="utf-8"))
STADSDELEN = yaml.safe_load((PROJECT / "data/gebieden/stadsdelen.yml").read_text(encoding="utf-8"))["stadsdelen"]


def _vraag_het_aan(html: str) -> dict[str, list[str]]:
    """{stadsdeel or 'Heel Enschede': [team refs]} of a page's "Vraag het aan" section ({} if none)."""
    if 'id="vraag-het-aan"' not in html:
        return {}
    sectie = html.split('id="vraag-het-aan"', 1)[1].split("</section>", 1)[0]
    uit = {}
    for kop, rij in re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", sectie, re.S):
        uit[unescape(kop)] = re.findall(r'data-team="([^"]+)"', rij)
    return uit


def _onder(thema: str) -> set[str]:
    hoofd = TAXONOMIE["themas"].get(thema)
    return {thema} | set((hoofd or {}).get("subthemas") or {})


# -- the sample data --------------------------------------------------------------------


def test_sample_data_has_the_teams_named_in_the_documents():
    wijkteams = {i: t for i, t in TEAMS.items() if t["soort_team"] == "wijkteam"}
    per_stadsdeel = {d: sorted(i for i, t in wijkteams.items() if t["stadsdeel"] == d) for d in STADSDELEN}
    assert {d: len(ids) for d, ids in per_stadsdeel.items()} == {"centrum": 1, "noord": 2, "oost": 2, "west": 2, "zuid": 2}
    for id_ in ("team-huiselijk-geweld", "frontoffice", "abc-team", "projectteam-methodieken", "kit-adviseurs"):
        assert id_ in TEAMS, id_
    assert TEAMS["team-huiselijk-geweld"]["werkgebied"] == "stedelijk"
    for id_, team in TEAMS.items():
        assert "mensen" not in team, f"{id_}: de voorbeeldgegevens noemen geen personen"
        assert team.get("zichtbaarheid", "intern") == "intern"
        assert team.get("bron") and team["beheer"]["laatst_gecontroleerd"]


# -- pages (the shared intern build) ----------------------------------------------------------


def test_every_team_has_its_page_under_wie_is_wie(site: Path):
    for id_, team in TEAMS.items():
        html = pagina(site, f"wie-is-wie/{id_}/")
        assert titel(html) == team["naam"]
        assert f'data-ref="teams/{id_}"' in html
    assert not (site / "teams").exists()


def test_overview_groups_the_teams_and_wijkteams_by_stadsdeel(site: Path):
    html = inhoud(pagina(site, "wie-is-wie/"))
    assert titel(pagina(site, "wie-is-wie/")) == "Wie is wie"
    assert sorted(refs(html)) == sorted(f"teams/{i}" for i in TEAMS)
    koppen = re.findall(r'<h2 id="([^"]+)"', html)
    assert koppen[:3] == ["wijkteam", "stedelijk-team", "toegang"] and koppen[-1] == "wie-weet"
    # every wijkteam sits under the heading of its own stadsdeel
    wijkteams = html.split('<h2 id="wijkteam"', 1)[1].split("<h2 ", 1)[0]
    for deel in re.split(r"(?=<h3 )", wijkteams)[1:]:
        kop = unescape(re.search(r"<h3[^>]*>(.*?)</h3>", deel).group(1))
        stadsdeel = next(d for d, v in STADSDELEN.items() if v["naam"] == kop)
        assert refs(deel) and all(TEAMS[r.split("/")[1]]["stadsdeel"] == stadsdeel for r in refs(deel)), kop
    # "Wie weet er iets van ...": each methodiek some team knows, linked to its "Vraag het aan"
    wie_weet = html.split('id="wie-weet"', 1)[1]
    for id_ in {m for t in TEAMS.values() for m in t.get("methodieken", [])}:
        n = sum(id_ in t.get("methodieken", []) for t in TEAMS.values())
        assert re.search(rf'href="\.\./methodieken/{id_}/#vraag-het-aan">[^<]+<span class="wp-aantal">\({n}\)', wie_weet), id_


def test_vraag_het_aan_on_methodiek_pages_lists_the_teams_by_stadsdeel(site: Path):
    for id_ in METHODIEKEN:
        verwacht = {f"teams/{t}" for t, team in TEAMS.items() if id_ in team.get("methodieken", [])}
        groepen = _vraag_het_aan(inhoud(pagina(site, f"methodieken/{id_}/")))
        assert {r for rij in groepen.values() for r in rij} == verwacht, id_
    kies = _vraag_het_aan(inhoud(pagina(site, "methodieken/kies/")))
    assert list(kies) == ["Centrum", "Noord", "Oost", "West", "Zuid"]  # the order of stadsdelen.yml
    assert sorted(kies["Zuid"]) == ["teams/wijkteam-zuid-helmerhoek-stroinkslanden", "teams/wijkteam-zuid-wesselerbrink"]
    assert "Nog niet bevestigd" in inhoud(pagina(site, "methodieken/kies/")).split('id="vraag-het-aan"')[1]


@pytest.mark.parametrize("thema", ["huiselijk-geweld", "schulden", "kinderen-en-echtscheiding", "geld-en-werk"])
def test_vraag_het_aan_on_thema_pages(site: Path, thema: str):
    html = inhoud(pagina(site, f"themas/{thema}/"))
    verwacht = {f"teams/{i}" for i, t in TEAMS.items() if _onder(thema) & set(t.get("themas", []))}
    groepen = _vraag_het_aan(html)
    assert verwacht and {r for rij in groepen.values() for r in rij} == verwacht
    assert not [r for r in refs(html) if r.startswith("teams/")], "teams staan alleen onder 'Vraag het aan'"
    if thema == "huiselijk-geweld":
        assert "teams/team-huiselijk-geweld" in groepen["Heel Enschede"]


def test_wijk_page_names_the_wijkteams_of_that_wijk(site: Path):
    html = inhoud(pagina(site, "wijken/enschede-zuid/"))
    genoemd = re.search(r'<p class="wp-wijkteams">(.*?)</p>', html, re.S).group(1)
    assert "Wijkteam Zuid Wesselerbrink" in genoemd and "Wijkteam Zuid Helmerhoek/Stroinkslanden" in genoemd
    assert "Noord" not in genoemd


def test_team_page_shows_werkgebied_methodieken_and_links_back(site: Path):
    html = inhoud(pagina(site, "wie-is-wie/wijkteam-west-boswinkel-boekelo/"))
    gegevens = html.split('<dl class="wp-gegevens">', 1)[1].split("</dl>", 1)[0]
    assert "Stadsdeel West" in gegevens and "Boswinkel-De Braker" in gegevens and "Dorp Boekelo" in gegevens
    assert 'href="../../wijken/boswinkel-stadsveld/"' in gegevens
    assert 'href="../../methodieken/kies/"' in gegevens
    assert "voorzieningen/wijkteam-west" in refs(html)  # zie ook
    voorziening = inhoud(pagina(site, "voorzieningen/wijkteam-west/"))
    assert "teams/wijkteam-west-boswinkel-boekelo" in refs(voorziening)


def test_teams_are_in_the_intern_search_index(site: Path):
    gegevens = json.loads((site / "zoeken/gegevens.json").read_text(encoding="utf-8"))
    teams = {d["url"]: d for d in gegevens["documenten"] if d["soort"] == "teams"}
    assert set(teams) == {f"wie-is-wie/{i}/" for i in TEAMS}
    assert teams["wie-is-wie/team-huiselijk-geweld/"]["themas"]


# -- consent and the publiek edition (the shared proef builds) -------------------------------


def test_a_consenting_person_and_photo_are_shown_intern_only(proef: Path):
    intern = inhoud(pagina(proef / "site", "wie-is-wie/team-huiselijk-geweld/"))
    assert MARKER_PERSOON in intern and f'src="{FOTO_PERSOON}"' in intern
    assert (proef / "site/wie-is-wie/team-huiselijk-geweld" / FOTO_PERSOON).read_bytes()[:4] == b"\x89PNG"
    publiek = proef / "site-publiek"
    assert not (publiek / "wie-is-wie").exists()
    assert not list(publiek.rglob(FOTO_PERSOON))
    assert "wie-is-wie" not in (publiek / "sitemap.xml").read_text(encoding="utf-8")
    gegevens = json.loads((publiek / "zoeken/gegevens.json").read_text(encoding="utf-8"))
    assert not [d for d in gegevens["documenten"] if d["soort"] == "teams" or "wie-is-wie" in d["url"]]
    for url in ("themas/huiselijk-geweld/", "wijken/enschede-zuid/", "voorzieningen/team-huiselijk-geweld/"):
        html = inhoud(pagina(publiek, url))
        assert "Vraag het aan" not in html and "wie-is-wie" not in html and "wp-wijkteams" not in html, url


TEAM = """\
# yaml-language-server: $schema=../../schema/team.json
naam: Proefteam
samenvatting: Een team voor de test.
soort_team: wijkteam
stadsdeel: noord
werkgebied: [BU01530201]
methodieken: [kies, presentiebenadring]
mensen:
  - naam: Iemand Zonder Toestemming
    rol: wijkcoach
  - naam: Iemand Met Toestemming
    toestemming: 2026-01-05
    foto: iemand.jpg
  - naam: Nog Iemand
    toestemming: 2026-01-05
    foto: ontbreekt.png
    foto_toestemming: 2026-01-05
zichtbaarheid: publiek
beheer:
  organisatie: wijkteams-enschede
  laatst_gecontroleerd: 2026-01-05
"""


def test_consent_and_werkgebied_errors_are_located_and_dutch(project_kopie: Path):
    (project_kopie / "data/teams/proefteam.yml").write_text(TEAM, encoding="utf-8")
    catalogus, problemen = laad_catalogus(project_kopie / "data", basis=project_kopie)
    meldingen = {(p.regel, p.kolom): p.bericht for p in problemen if p.pad == "data/teams/proefteam.yml"}
    assert all(p.pad == "data/teams/proefteam.yml" for p in problemen), [str(p) for p in problemen]
    assert all(p.is_fout for p in problemen)
    assert meldingen == {
        (9, 5): "verplicht veld 'toestemming' ontbreekt in 'mensen'; zet hier de datum waarop deze persoon "
        "toestemming gaf om in het portaal te staan (JJJJ-MM-DD), of haal de persoon weg",
        (13, 11): "een foto alleen met toestemming: zet de datum waarop deze persoon toestemming gaf bij "
        "'foto_toestemming', of haal de foto weg",
        (16, 11): "de foto 'ontbreekt.png' staat niet in data/teams/fotos/; voeg het bestand toe of controleer de naam",
        (6, 14): "BU01530201 ligt in stadsdeel West, niet in stadsdeel Noord; controleer 'stadsdeel' of de code",
        (7, 21): "onbekende methodiek 'presentiebenadring'; bedoelt u 'presentiebenadering'? Of kies een id van een "
        "bestand in data/methodieken/",
        (18, 16): "een team is alleen voor medewerkers (intern); haal 'zichtbaarheid: publiek' weg",
    }
    # even while the file has errors (the live preview renders it), nobody without consent shows
    team = catalogus.records["teams"]["proefteam"]
    assert [(p.naam, p.foto) for p in team.mensen] == [("Iemand Met Toestemming", ""), ("Nog Iemand", "")]
