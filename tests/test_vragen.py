"""Vragen en antwoorden: the sample questions, their pages, the links to what an answer
mentions, the publiek/intern split, search, and located validation errors.

Pages are read from the shared session builds (``site``: intern; ``proef``: both editions);
names in answers and validation run in-process.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape
from pathlib import Path

import yaml
from lunr.index import Index

from conftest import PROJECT, inhoud, pagina, records, refs, titel
from wijkportaal import zoekindex
from wijkportaal.catalogus import laad_catalogus
from wijkportaal.laden import Bestand
from wijkportaal.methodiek import Methodiek
from wijkportaal.voorziening import Voorziening
from wijkportaal.vraag import genoemd
from wijkportaal.werkinstructie import Werkinstructie

VRAGEN = records("vragen")
TAXONOMIE = yaml.safe_load((PROJECT / "data/taxonomie.yml").read_text(encoding="utf-8"))
PUBLIEK = {i for i, v in VRAGEN.items() if v.get("zichtbaarheid") == "publiek"}
INTERN = set(VRAGEN) - PUBLIEK
VANDAAG = dt.date(2026, 11, 23)


def sectie(html: str, anker: str) -> str:
    """The HTML of one <h2 id=anker> section, up to the next h2."""
    return html.split(f'<h2 id="{anker}"', 1)[1].split("<h2", 1)[0]


def hoofdthema(thema: str) -> str:
    for hoofd, waarde in TAXONOMIE["themas"].items():
        if thema == hoofd or thema in (waarde.get("subthemas") or {}):
            return hoofd
    raise KeyError(thema)


# -- the sample data ------------------------------------------------------------------------


def test_at_least_15_questions_from_the_documents_for_staff_and_residents():
    assert len(VRAGEN) >= 15
    assert len(PUBLIEK) >= 5 and len(INTERN) >= 5
    for id_, v in VRAGEN.items():
        assert v["naam"].endswith("?"), id_  # the name is the question
        assert v["antwoord"].strip() and v["samenvatting"].strip(), id_
        assert re.search(r"regels? \d+", v["bron"]), f"{id_}: bron zonder regelnummers"
        assert v["beheer"]["laatst_gecontroleerd"] in {
            dt.date(2017, 12, 31), dt.date(2019, 9, 6), dt.date(2020, 12, 31), dt.date(2024, 1, 4), dt.date(2024, 7, 1)
        }, id_  # the date of a source document
    for id_ in PUBLIEK:  # residents are addressed as "u"
        assert re.search(r"\b[Uu]\b", VRAGEN[id_]["antwoord"]), id_
    namen = {v["naam"] for v in VRAGEN.values()}
    assert {"Wat is een indicatie?", "Wat doet het ABC-team?", "Wat verandert er met de Wams?"} <= namen


# -- pages ------------------------------------------------------------------------------------


def test_question_page_shows_the_answer_and_links_what_it_mentions(site: Path):
    html = inhoud(pagina(site, "vragen/hoe-werkt-de-meldcode/"))
    assert titel(html) == VRAGEN["hoe-werkt-de-meldcode"]["naam"]
    antwoord = sectie(html, "antwoord")
    assert "<ol>" in antwoord and "<strong>Is er acuut gevaar? Bel dan 112.</strong>" in antwoord  # Markdown
    genoemd_in_antwoord = refs(sectie(html, "in-dit-antwoord"))
    # first the records in gerelateerd, then those the answer names (each once)
    assert genoemd_in_antwoord == [
        "werkinstructies/meldcode-huiselijk-geweld-en-kindermishandeling",
        "voorzieningen/aandachtsfunctionarissen-ontspoorde-mantelzorg",
        "voorzieningen/veilig-thuis-twente",
        "voorzieningen/team-huiselijk-geweld",
    ]
    # every link of the section leads to a page that exists
    for href in re.findall(r'href="([^"]+)"', sectie(html, "in-dit-antwoord")):
        assert (site / "vragen/hoe-werkt-de-meldcode" / href / "index.html").resolve().is_file(), href
    # a question named in gerelateerd of another question shows that one as a back-link
    assert "vragen/wat-doet-het-stedelijk-team-huiselijk-geweld" in refs(sectie(html, "genoemd-in"))
    assert "alleen medewerkers" in sectie(html, "gegevens")


def test_overview_lists_each_question_once_under_the_hoofdthema_of_its_first_thema(site: Path):
    html = inhoud(pagina(site, "vragen/"))
    assert titel(html) == "Vragen en antwoorden"  # the engine titles an overview after its navigation entry
    assert sorted(refs(html)) == sorted(f"vragen/{i}" for i in VRAGEN)
    for id_, v in VRAGEN.items():
        assert f"vragen/{id_}" in refs(sectie(html, f"thema-{hoofdthema(v['themas'][0])}")), id_
    assert html.count("Ook voor inwoners</span>") == len(PUBLIEK) + 1  # each publiek one, and the explanation
    start = pagina(site, "")
    assert re.search(r'<a href="vragen/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Vragen en antwoorden\s*</span>', start)  # in the navigation


# -- names in answers ---------------------------------------------------------------------------


def _record(klasse, id_: str, naam: str):
    return klasse(id=id_, bestand=Bestand(Path(f"{id_}.yml"), {"naam": naam}), data={"naam": naam})


def test_names_in_an_answer_are_found_as_whole_words_in_any_case_and_across_lines():
    depot = _record(Voorziening, "meubeldepot", "Meubeldepot")
    kies = _record(Methodiek, "kies", "KIES")  # one short word: never looked for
    abc = _record(Voorziening, "abc-team", "ABC-team (ondersteuning frontoffice)")
    meldcode = _record(Werkinstructie, "meldcode", "Meldcode huiselijk geweld en kindermishandeling")
    veilig = _record(Voorziening, "veilig-thuis-twente", "Veilig Thuis Twente")
    veilig_kort = _record(Voorziening, "veilig-thuis", "Veilig Thuis")
    alle = [depot, kies, abc, meldcode, veilig, veilig_kort]

    def vind(tekst: str) -> list[str]:
        return [r.id for r in genoemd(tekst, alle)]

    assert vind("Verwijs naar het MEUBELDEPOT.") == ["meubeldepot"]
    assert vind("Het Meubeldepotje en het tweede-meubeldepot tellen niet.") == []
    assert vind("Doe mee aan KIES.") == []
    assert vind("Vraag het ABC-team.") == ["abc-team"]  # without the explanation in brackets
    assert vind("Lees de meldcode huiselijk\ngeweld en   kindermishandeling.") == ["meldcode"]
    assert vind("Bel Veilig Thuis Twente, niet Veilig Thuis.") == ["veilig-thuis-twente", "veilig-thuis"]
    assert vind("Bel Veilig Thuis Twente.") == ["veilig-thuis-twente"]  # the longest name wins
    assert vind("[Zie hier](https://example.org/meubeldepot) en **Meubeldepot**.") == ["meubeldepot"]


# -- editions -------------------------------------------------------------------------------


def test_publiek_edition_has_only_the_publiek_questions_as_veelgestelde_vragen(proef: Path):
    publiek, intern = proef / "site-publiek", proef / "site"
    html = inhoud(pagina(publiek, "vragen/"))
    assert titel(html) == "Veelgestelde vragen"
    assert sorted(refs(html)) == sorted(f"vragen/{i}" for i in PUBLIEK)
    assert re.search(r'href="vragen/"[^>]*>\s*Veelgestelde vragen\s*</a>', pagina(publiek, ""))
    for id_ in INTERN:
        assert not (publiek / "vragen" / id_).exists(), id_
        assert (intern / "vragen" / id_ / "index.html").is_file(), id_
    # not in any file of the publiek site, the search data included
    namen = [VRAGEN[i]["naam"] for i in INTERN] + [VRAGEN[i]["samenvatting"].split(".")[0] for i in INTERN]
    for bestand in publiek.rglob("*"):
        if bestand.suffix in (".html", ".json", ".xml"):
            tekst = unescape(bestand.read_text(encoding="utf-8"))
            assert not [n for n in namen if n in tekst], bestand
    # a publiek question links an intern werkinstructie only in the intern edition
    assert "werkinstructies/ondersteuningsplan-en-beschikking" in refs(inhoud(pagina(intern, "vragen/wat-is-een-indicatie/")))
    vraag = inhoud(pagina(publiek, "vragen/wat-is-een-indicatie/"))
    assert refs(sectie(vraag, "in-dit-antwoord")) == ["vragen/ik-ben-het-niet-eens-met-een-besluit", "vragen/hoe-kom-ik-in-contact-met-het-wijkteam"]
    assert "werkinstructies/" not in vraag and "Zichtbaar voor" not in vraag


def test_questions_are_found_by_the_words_of_the_question(proef: Path):
    for editie, ids in (("site", set(VRAGEN)), ("site-publiek", PUBLIEK)):
        zoeken = proef / editie / "zoeken"
        gegevens = json.loads((zoeken / "gegevens.json").read_text(encoding="utf-8"))
        docs = gegevens["documenten"]
        vragen = {d["url"]: d for d in docs if d["soort"] == "vragen"}
        assert set(vragen) == {f"vragen/{i}/" for i in ids}, editie
        for id_ in ids:
            d = vragen[f"vragen/{id_}/"]
            assert d["naam"] == VRAGEN[id_]["naam"] and set(VRAGEN[id_]["themas"]) <= set(d["themas"])
        index = Index.load(zoekindex.uit_compact(json.loads((zoeken / "index.json").read_text(encoding="utf-8"))))
        gevonden = [docs[int(r["ref"])]["url"] for r in index.search("indicatie")]
        assert gevonden[0] == "vragen/wat-is-een-indicatie/", gevonden[:3]
        abc = [docs[int(r["ref"])]["url"] for r in index.search("abc team")]
        assert ("vragen/wat-doet-het-abc-team/" in abc) == (editie == "site"), abc


# -- validation ---------------------------------------------------------------------------------


FOUT = """\
# yaml-language-server: $schema=../../schema/vraag.json
naam: Waarom werkt dit niet?
samenvatting: Omdat er fouten in staan.
antwoord: "   "
themas: [geld-en-werk]
doelgroepen: [bewoners]
zichtbaarheid: openbaar
beheer:
  organisatie: wijkteams-enschede
  laatst_gecontroleerd: 2024-01-04
gerelateerd:
  - werkinstructies/keukentafelgesprekken
"""


ZONDER_ANTWOORD = """\
# yaml-language-server: $schema=../../schema/vraag.json
naam: Waar is het antwoord?
samenvatting: Het antwoord ontbreekt.
themas: [geld-en-werk]
beheer:
  organisatie: wijkteams-enschede
  laatst_gecontroleerd: 2024-01-04
"""


def test_mistakes_in_a_question_are_located_errors(project_kopie: Path):
    (project_kopie / "data/vragen/fout.yml").write_text(FOUT, encoding="utf-8")
    (project_kopie / "data/vragen/zonder-antwoord.yml").write_text(ZONDER_ANTWOORD, encoding="utf-8")
    _, problemen = laad_catalogus(project_kopie / "data", vandaag=VANDAAG, basis=project_kopie)
    gevonden = {(p.pad, p.regel, p.kolom, p.niveau.value): p.bericht for p in problemen}
    pad = "data/vragen/fout.yml"
    assert gevonden == {
        (pad, 4, 11, "fout"): "'antwoord': '   ' is leeg; schrijf het antwoord op de vraag",
        (pad, 6, 15, "fout"): gevonden.get((pad, 6, 15, "fout"), "?"),
        (pad, 7, 16, "fout"): gevonden.get((pad, 7, 16, "fout"), "?"),
        (pad, 12, 5, "fout"): "onbekende verwijzing 'werkinstructies/keukentafelgesprekken': er is geen bestand "
        "data/werkinstructies/keukentafelgesprekken.yml; bedoelt u 'werkinstructies/keukentafelgesprek'?",
        ("data/vragen/zonder-antwoord.yml", 2, 1, "fout"): "verplicht veld 'antwoord' ontbreekt",
    }, [str(p) for p in problemen]
    assert gevonden[(pad, 6, 15, "fout")].startswith("onbekende doelgroep 'bewoners'")
    assert "'openbaar' is geen geldige waarde voor 'zichtbaarheid'" in gevonden[(pad, 7, 16, "fout")]
