"""`wijkportaal import csv`: a sociale-kaart export becomes records that validate and render.

The sample (tests/voorbeelden/sociale-kaart-export.csv, fictional rows with the usual
problems: a BOM, ';', a multi-line omschrijving, values that need the koppelbestand, a
duplicate name, a row without a name, an empty row, a postcode without its space, a
duplicated row) is imported once by the real command into a copy of the small project;
the other cases run the command in-process (``cli.main``) on their own small copy.
No MkDocs build: the record pages are rendered by the core.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from conftest import VOORBEELDEN, kopieer_klein_project, mkdocs, wijkportaal
from wijkportaal.catalogus import laad_catalogus
from wijkportaal.cli import main
from wijkportaal.importeren import leeftijd, openingstijden, postcode, teksten
from wijkportaal.nieuw import veldvolgorde
from wijkportaal.paginas import Paginamaker

CSV = VOORBEELDEN / "sociale-kaart-export.csv"
KOPPELING = VOORBEELDEN / "sociale-kaart-mapping.yml"
V = "data/voorzieningen"

NIEUW = [
    ("buurtkamer-de-voorbeeldhoek", 2),
    ("spreekuur-geldzaken-voorbeeldwijk", 3),
    ("taalcafe-het-proefwoord", 6),
    ("buurtkamer-de-voorbeeldhoek-2", 9),
    ("opvoedpunt-de-testtuin", 10),
    ("klusdienst-de-proefhamer", 11),
    ("jongerenplek-de-voorbeeldzolder", 12),
    ("maatjesproject-voorbeeld", 13),
    ("mantelzorgsalon-proefpand", 14),
    ("wandelgroep-proefpad", 15),
]
IN_TE_VULLEN = {
    "buurtkamer-de-voorbeeldhoek": "locaties.coordinaten",
    "spreekuur-geldzaken-voorbeeldwijk": "locaties.coordinaten",
    "buurtkamer-de-voorbeeldhoek-2": "naam, locaties.coordinaten",
    "opvoedpunt-de-testtuin": "toegang",
    "klusdienst-de-proefhamer": "themas, gebied",
    "jongerenplek-de-voorbeeldzolder": "locaties.coordinaten",
    "maatjesproject-voorbeeld": "themas",
    "mantelzorgsalon-proefpand": "locaties.coordinaten",
    "wandelgroep-proefpad": "locaties.coordinaten",
}
# The report about the CSV itself: (line, the text the column points at, message).
MELDINGEN = [
    (6, '"Ontmoeting; Taal"', "waarschuwing: onbekend thema 'Taal' (regel 6); niets lijkt erop. Zet de waarde in het "
     "koppelbestand onder 'themas'"),
    (7, ";Hulp bij", "fout: regel zonder naam; niet geïmporteerd. Vul de naam in de CSV in en importeer opnieuw"),
    (8, ";;;", "waarschuwing: lege regel; overgeslagen"),
    (9, "Buurtkamer De Voorbeeldhoek;", "waarschuwing: de naam 'Buurtkamer De Voorbeeldhoek' staat ook in regel 2; dit "
     "record krijgt een naam om in te vullen. Is het dezelfde voorziening op een andere plek, zet de locatie dan bij "
     "de eerste en verwijder dit record"),
    (10, "Op afspraak;", "waarschuwing: onbekende waarde voor toegang 'Op afspraak' (regel 10); niets lijkt erop. Zet "
     "de waarde in het koppelbestand onder 'toegang'"),
    (10, "info at testtuin.example;", "waarschuwing: e-mailadres 'info at testtuin.example' is geen geldig e-mailadres; "
     "niet overgenomen"),
    (11, "Klussen;", "waarschuwing: onbekend thema 'Klussen' (regel 11); niets lijkt erop. Zet de waarde in het "
     "koppelbestand onder 'themas'"),
    (11, "zie website;", "waarschuwing: telefoonnummer 'zie website' is geen telefoonnummer (alleen cijfers, spaties, "
     "'-' en eventueel +31); niet overgenomen"),
    (13, "Eenzaamheid;", "waarschuwing: onbekend thema 'Eenzaamheid' (regel 13); bedoelt u 'ontmoeting-en-eenzaamheid' "
     "(Ontmoeting en eenzaamheid)? Zet de waarde in het koppelbestand onder 'themas'"),
    (13, "75111;", "waarschuwing: postcode '75111' is geen geldige postcode (vier cijfers en twee letters); niet overgenomen"),
    (16, "SK-012;", "waarschuwing: dezelfde gegevens als regel 15; niet nog een keer geïmporteerd"),
]  # fmt: skip


@dataclass
class Import:
    project: Path
    code: int
    regels: list[str]


@pytest.fixture(scope="module")
def eerste(tmp_path_factory) -> Import:
    """The sample imported by the real command, from the project folder (as a beheerder runs it)."""
    project = kopieer_klein_project(tmp_path_factory.mktemp("import") / "project")
    shutil.copy(CSV, project / CSV.name)
    uit = wijkportaal("import", "csv", CSV.name, "--organisatie", "wijkteams-enschede", "--mapping", KOPPELING, cwd=project)
    return Import(project, uit.code, uit.regels)


def importeer(project: Path, capsys, monkeypatch, *args: str) -> tuple[int, list[str]]:
    """The command in-process (the same code as the subprocess, a tenth of the time)."""
    monkeypatch.chdir(project)
    code = main(["import", "csv", *map(str, args), "--vandaag", "2026-11-23"])
    return code, capsys.readouterr().out.splitlines()


def wijst_naar(tekst: str, meldingen: list[str]) -> list[tuple[str, str]]:
    """(what each message's line:column points at in ``tekst``, up to the next ',', and the message itself)."""
    regels = tekst.split("\n")
    uit = []
    for melding in meldingen:
        _, regel, kolom, bericht = melding.split(":", 3)
        daar = regels[int(regel) - 1][int(kolom) - 1 :]
        uit.append((daar.split(",")[0] + ("," if "," in daar else ""), bericht.strip()))
    return uit


def blok(regels: list[str], kop: str) -> list[str]:
    """The indented lines under a heading of the report."""
    begin = regels.index(kop) + 1
    uit = []
    for regel in regels[begin:]:
        if not regel.startswith("  "):
            break
        uit.append(regel.strip())
    return uit


# -- the sample ----------------------------------------------------------------------------


def test_the_sample_report_is_exact_and_every_message_points_at_its_cell(eerste: Import):
    r = eerste.regels
    assert eerste.code == 1, "\n".join(r)  # a row was left out (no name): the command says so with its exit code
    assert r[0] == "Gelezen: sociale-kaart-export.csv (UTF-8 met BOM, scheidingsteken ';'), 12 regels met gegevens."
    meldingen = [regel for regel in r if regel.startswith("sociale-kaart-export.csv:")]
    csv_regels = CSV.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").split("\n")
    assert len(meldingen) == len(MELDINGEN), "\n".join(meldingen)
    for melding, (nummer, daar, bericht) in zip(meldingen, MELDINGEN):
        pad, regel, kolom, rest = melding.split(":", 3)
        assert (int(regel), rest.strip()) == (nummer, bericht), melding
        assert csv_regels[nummer - 1][int(kolom) - 1 :].startswith(daar), melding
    assert blok(r, "Nieuw:") == [f"{V}/{id_}.yml (regel {n})" for id_, n in NIEUW]
    assert blok(r, 'Nog in te vullen (zolang er "VUL IN" staat, komt een record niet op de site):') == [
        f"{V}/{id_}.yml (regel {n}): {IN_TE_VULLEN[id_]}" for id_, n in NIEUW if id_ in IN_TE_VULLEN
    ]
    assert "Nieuwe records staan op 'zichtbaarheid: intern'. Zet ze op 'publiek' als de organisatie ze heeft gecontroleerd." in r
    assert "Resultaat: nieuw: 10, bijgewerkt: 0, ongewijzigd: 0, niet geïmporteerd: 2." in r
    # then the validation of the written files, as 'wijkportaal validate' prints it: placeholders only
    controle = r[r.index("Controle van de geïmporteerde records (wijkportaal validate):") + 1 :]
    assert controle[-1] == "Gevonden: 11 waarschuwingen in 9 bestanden."
    for regel in controle[:-1]:
        assert re.fullmatch(rf"{V}/[a-z0-9-]+\.yml:\d+:\d+: waarschuwing: nog niet ingevuld: .*", regel), regel


def test_the_records_validate_with_only_their_placeholders_as_warnings(eerste: Import):
    catalogus, problemen = laad_catalogus(eerste.project / "data", basis=eerste.project)
    assert not problemen.fouten, [str(p) for p in problemen.fouten]
    gevonden: dict[str, set[str]] = {}
    for p in problemen.waarschuwingen:
        assert p.bericht.startswith("nog niet ingevuld: vervang de voorbeeldtekst bij '"), p
        gevonden.setdefault(Path(p.pad).stem, set()).add(p.bericht.split("'")[1])
    assert gevonden == {id_: set(velden.split(", ")) for id_, velden in IN_TE_VULLEN.items()}
    assert len(catalogus.records["voorzieningen"]) == 1 + len(NIEUW)  # the Meubeldepot and the ten
    publiek, _ = laad_catalogus(eerste.project / "data", editie="publiek", basis=eerste.project)
    assert set(publiek.records["voorzieningen"]) == {"meubeldepot"}  # intern until someone checked them


def test_the_records_render_into_their_pages(eerste: Import):
    catalogus, _ = laad_catalogus(eerste.project / "data", basis=eerste.project)
    maker = Paginamaker(catalogus)
    paginas = {id_: maker.recordpagina(catalogus.records["voorzieningen"][id_]) for id_, _ in NIEUW}
    html = {id_: pagina.html for id_, pagina in paginas.items()}
    assert paginas["taalcafe-het-proefwoord"].titel == "Taalcafé Het Proefwoord"
    assert paginas["buurtkamer-de-voorbeeldhoek-2"].titel.startswith("VUL IN: een eigen naam (regel 9)")
    assert "Een huiskamer in de wijk: koffie drinken" in html["buurtkamer-de-voorbeeldhoek"]
    assert "7511 AB" in html["buurtkamer-de-voorbeeldhoek"] and "Voorbeeldstraat 12" in html["buurtkamer-de-voorbeeldhoek"]
    assert "10:00" in html["buurtkamer-de-voorbeeldhoek"] and "https://voorbeeldhoek.example/" in html["buurtkamer-de-voorbeeldhoek"]
    assert "<p>U hoeft geen afspraak te maken. Neem uw brieven mee.</p>" in html["spreekuur-geldzaken-voorbeeldwijk"]
    assert "2e dinsdag van de maand 19:30-21:30" in html["mantelzorgsalon-proefpand"]


def test_the_imported_records_build_into_the_site(eerste: Import):
    """The round trip ends in a real build: the intern edition lists them, also in its open data.
    (Not --strict: the placeholders are warnings, and a strict build refuses them, as it should.)"""
    uit = mkdocs("build", "-d", "site", cwd=eerste.project)
    assert uit.code == 0, uit.uitvoer
    site = eerste.project / "site"
    for id_, _ in NIEUW:
        assert (site / "voorzieningen" / id_ / "index.html").is_file(), id_
    data = json.loads((site / "open-data/voorzieningen.json").read_text(encoding="utf-8"))
    assert {v["id"] for v in data["voorzieningen"]} == {"meubeldepot", *(id_ for id_, _ in NIEUW)}
    strikt = mkdocs("build", "--strict", "-d", "site-strikt", cwd=eerste.project)
    assert strikt.code == 1 and "nog niet ingevuld" in strikt.uitvoer
    assert not (eerste.project / "site-strikt").exists()


def test_a_record_is_readable_yaml_in_the_order_of_a_new_file(eerste: Import):
    pad = eerste.project / V / "spreekuur-geldzaken-voorbeeldwijk.yml"
    assert pad.read_text(encoding="utf-8") == """\
# yaml-language-server: $schema=../../schema/voorziening.json
## Overgenomen uit Sociale kaart Voorbeeldstad met 'wijkportaal import csv'. Een nieuwe
## import uit die bron werkt de velden uit de bron bij; wat er alleen hier staat
## (beschrijving, coördinaten, ...) blijft staan. Vervang elke waarde die begint met
## "VUL IN"; zolang die er staat, komt dit record niet op de site.
naam: Spreekuur Geldzaken Voorbeeldwijk
samenvatting: Heeft u vragen over rekeningen, post of schulden? Kom langs op het
  spreekuur. Een vrijwilliger kijkt met u mee.
beschrijving: |-
  Heeft u vragen over rekeningen, post of schulden? Kom langs op het spreekuur. Een vrijwilliger kijkt met u mee.

  U hoeft geen afspraak te maken. Neem uw brieven mee.
themas: [schulden]
doelgroepen: [mensen-met-schulden]
organisatie: wijkteams-enschede
gebied: stedelijk
toegang: vrij
kosten: gratis
locaties:
  - naam: Spreekuur Geldzaken Voorbeeldwijk
    adres: Proefweg 3
    postcode: 7512 XY
    plaats: Enschede
    coordinaten: "VUL IN: Plaats op de kaart als [breedtegraad, lengtegraad] (WGS84), bijvoorbeeld [52.2067, 6.8762]"
    openingstijden:
      - dagen: [di]
        van: "13:30"
        tot: "15:30"
zichtbaarheid: intern
beheer:
  organisatie: wijkteams-enschede
  laatst_gecontroleerd: 2026-11-23
bron: Geïmporteerd uit sociale-kaart-export.csv (Sociale kaart Voorbeeldstad) op
  2026-11-23
import:
  bron: Sociale kaart Voorbeeldstad
  sleutel: SK-002
"""
    volgorde = veldvolgorde("voorziening")
    for id_, _ in NIEUW:
        data = yaml.safe_load((eerste.project / V / f"{id_}.yml").read_text(encoding="utf-8"))
        assert list(data) == sorted(data, key=volgorde.index), id_
    buurtkamer = yaml.safe_load((eerste.project / V / "buurtkamer-de-voorbeeldhoek.yml").read_text(encoding="utf-8"))
    assert buurtkamer["gebied"] == ["WK015303", "WK015304"]  # 'Stadsdeel Noord': its wijken
    assert buurtkamer["doelgroepen"] == ["ouderen", "alleenstaanden"]  # 'Senioren' through the koppelbestand
    assert buurtkamer["leeftijd"] == {"van": 18}
    assert buurtkamer["locaties"][0]["openingstijden"] == [{"dagen": ["ma", "di", "wo", "do", "vr"], "van": "10:00", "tot": "12:00"}]
    jongeren = yaml.safe_load((eerste.project / V / "jongerenplek-de-voorbeeldzolder.yml").read_text(encoding="utf-8"))
    assert jongeren["leeftijd"] == {"van": 12, "tot": 23}
    assert jongeren["locaties"][0]["openingstijden"] == [
        {"dagen": ["vr"], "van": "19:00", "tot": "22:00"}, {"dagen": ["za"], "van": "14:00", "tot": "17:00"}
    ]  # fmt: skip
    maatjes = yaml.safe_load((eerste.project / V / "maatjesproject-voorbeeld.yml").read_text(encoding="utf-8"))
    assert "locaties" not in maatjes and maatjes["toegang"] == "verwijzing"  # the postcode was no postcode; 'Verwijzing nodig'


# -- re-import ---------------------------------------------------------------------------------


def test_a_reimport_updates_the_changed_record_keeps_what_partners_added_and_duplicates_nothing(tmp_path, capsys, monkeypatch):
    project = kopieer_klein_project(tmp_path / "project")
    code, _ = importeer(project, capsys, monkeypatch, CSV, "--organisatie", "wijkteams-enschede", "--mapping", KOPPELING)
    assert code == 1
    # A partner fills in what was missing and adds a description; the old system changes one row and drops another.
    buurtkamer = project / V / "buurtkamer-de-voorbeeldhoek.yml"
    tekst = buurtkamer.read_text(encoding="utf-8")
    tekst = re.sub(r'coordinaten: "VUL IN[^\n]*', "coordinaten: [52.2301, 6.895]", tekst)
    tekst = tekst.replace("zichtbaarheid: intern", "zichtbaarheid: publiek") + "kanalen: [fysiek]\n"
    tekst = tekst.replace("themas:", "beschrijving: Door de partner zelf geschreven.\nthemas:")
    buurtkamer.write_text(tekst, encoding="utf-8")
    klus = project / V / "klusdienst-de-proefhamer.yml"
    klus.write_text(re.sub(r'themas: "VUL IN[^\n]*', "themas: [wonen]", klus.read_text(encoding="utf-8")), encoding="utf-8")
    export = CSV.read_bytes().decode("utf-8-sig").replace("Een huiskamer in de wijk", "Een gezellige huiskamer in de wijk")
    export = "".join(r for r in export.splitlines(keepends=True) if not r.startswith("SK-011;"))
    (project / "export-december.csv").write_text(export, encoding="utf-8-sig", newline="")
    voor = sorted(p.name for p in (project / V).iterdir())

    code, r = importeer(project, capsys, monkeypatch, "export-december.csv", "--organisatie", "wijkteams-enschede", "--mapping", KOPPELING)
    assert code == 1
    assert blok(r, "Bijgewerkt:") == [f"{V}/buurtkamer-de-voorbeeldhoek.yml (regel 2)"]
    assert "Nieuw:" not in r
    assert blok(r, "Niet meer in export-december.csv (niet verwijderd; kijk of ze nog bestaan):") == [f"{V}/mantelzorgsalon-proefpand.yml"]
    assert "Resultaat: nieuw: 0, bijgewerkt: 1, ongewijzigd: 8, niet geïmporteerd: 2." in r
    assert sorted(p.name for p in (project / V).iterdir()) == voor  # no duplicates
    data = yaml.safe_load(buurtkamer.read_text(encoding="utf-8"))
    assert data["samenvatting"].startswith("Een gezellige huiskamer in de wijk")  # from the CSV: updated
    assert data["beschrijving"] == "Door de partner zelf geschreven."  # only here: kept
    assert data["locaties"][0]["coordinaten"] == [52.2301, 6.895]
    assert (data["zichtbaarheid"], data["kanalen"]) == ("publiek", ["fysiek"])
    assert data["bron"] == "Geïmporteerd uit export-december.csv (Sociale kaart Voorbeeldstad) op 2026-11-23"
    assert data["import"] == {"bron": "Sociale kaart Voorbeeldstad", "sleutel": "SK-001"}
    assert yaml.safe_load(klus.read_text(encoding="utf-8"))["themas"] == ["wonen"]  # a placeholder never replaces a value
    assert f"{V}/klusdienst-de-proefhamer.yml (regel 11): gebied" in blok(r, 'Nog in te vullen (zolang er "VUL IN" staat, komt een record niet op de site):')

    code, r = importeer(project, capsys, monkeypatch, "export-december.csv", "--organisatie", "wijkteams-enschede", "--mapping", KOPPELING)
    assert "Resultaat: nieuw: 0, bijgewerkt: 0, ongewijzigd: 9, niet geïmporteerd: 2." in r
    _, problemen = laad_catalogus(project / "data", basis=project)
    assert not problemen.fouten, [str(p) for p in problemen.fouten]


# -- other inputs --------------------------------------------------------------------------------

EXCEL = (
    'Naam,Omschrijving,Thema,Doelgroep,Toegang,Gebied,Adres,Postcode,Plaats,Website,Toelichting kosten,Aanbieder\r\n'
    '"Café Ons Plein","Koffie, thee en een goed gesprek.\r\nElke dag open.",Ontmoeting en eenzaamheid,Ouderen,'
    'Zonder verwijzing,Glanerbrug en omgeving,Voorbeeldweg 7,7547ab,Enschede,www.onsplein.example,'
    '"€ 1,50 per kopje",Stichting Voorbeeld\r\n'
    'Meubeldepot,"Een tweede depot, van een andere organisatie.",Inrichting,,vrij,stedelijk,,,,,,\r\n'
)


def test_excel_windows_1252_with_commas_and_no_koppelbestand(tmp_path, capsys, monkeypatch):
    project = kopieer_klein_project(tmp_path / "project")
    (project / "excel.csv").write_bytes(EXCEL.encode("cp1252"))
    code, r = importeer(project, capsys, monkeypatch, "excel.csv", "--organisatie", "wijkteams-enschede")
    assert r[0] == "Gelezen: excel.csv (Windows-1252, scheidingsteken ','), 2 regels met gegevens."
    assert wijst_naar(EXCEL, r[1:3]) == [
        ("Aanbieder\r", "waarschuwing: kolom 'Aanbieder' wordt niet geïmporteerd; koppel hem aan een veld in het "
         "koppelbestand (kolommen), of zet hem daar op 'overslaan'"),
        ("www.onsplein.example,", "waarschuwing: website 'www.onsplein.example' is geen geldig webadres (begin met "
         "https://); niet overgenomen"),
    ]  # fmt: skip
    assert r[3] == ""
    # the Meubeldepot of another organisation keeps its file; this one gets the organisation in its id
    assert blok(r, "Nieuw:") == [f"{V}/cafe-ons-plein.yml (regel 2)", f"{V}/meubeldepot-wijkteams-enschede.yml (regel 4)"]
    assert code == 0, "\n".join(r)
    cafe = yaml.safe_load((project / V / "cafe-ons-plein.yml").read_text(encoding="utf-8"))
    assert cafe["naam"] == "Café Ons Plein" and cafe["kosten_toelichting"] == "€ 1,50 per kopje"
    assert cafe["samenvatting"] == "Koffie, thee en een goed gesprek. Elke dag open."
    assert "beschrijving" not in cafe  # all of it fits in the samenvatting
    assert (cafe["themas"], cafe["doelgroepen"], cafe["toegang"], cafe["gebied"]) == (
        ["ontmoeting-en-eenzaamheid"], ["ouderen"], "vrij", ["WK015308"]
    )  # fmt: skip
    assert cafe["locaties"][0]["postcode"] == "7547 AB" and "contact" not in cafe
    assert cafe["import"] == {"bron": "excel.csv", "sleutel": "wijkteams-enschede/cafe-ons-plein"}
    _, problemen = laad_catalogus(project / "data", basis=project)
    assert not problemen.fouten, [str(p) for p in problemen.fouten]


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path, capsys, monkeypatch):
    project = kopieer_klein_project(tmp_path / "project")
    tekst = "Naam\tThema\tToegang\tGebied\r\nBuurtmoestuin Proefgrond\tOntmoeting en eenzaamheid\tvrij\tstedelijk\r\n"
    (project / "unicode.txt").write_bytes(tekst.encode("utf-16"))  # with its BOM, as Excel writes it
    code, r = importeer(project, capsys, monkeypatch, "unicode.txt", "--organisatie", "wijkteams-enschede")
    assert r[0] == "Gelezen: unicode.txt (UTF-16, scheidingsteken tab), 1 regel met gegevens."
    assert blok(r, 'Nog in te vullen (zolang er "VUL IN" staat, komt een record niet op de site):') == [
        f"{V}/buurtmoestuin-proefgrond.yml (regel 2): samenvatting"
    ]
    assert code == 0


def test_a_record_of_the_same_organisation_without_a_link_is_not_touched(tmp_path, capsys, monkeypatch):
    project = kopieer_klein_project(tmp_path / "project")
    depot = project / V / "meubeldepot.yml"
    voor = depot.read_text(encoding="utf-8")
    (project / "smd.csv").write_text("Naam;Thema\nMeubeldepot;Inrichting\n", encoding="utf-8")
    code, r = importeer(project, capsys, monkeypatch, "smd.csv", "--organisatie", "smd-enschede-haaksbergen")
    assert code == 1
    assert (
        "smd.csv:2:1: fout: 'Meubeldepot' van smd-enschede-haaksbergen bestaat al: data/voorzieningen/meubeldepot.yml, "
        "zonder koppeling met deze bron; niet geïmporteerd. Moet de import dat record bijwerken, zet er dan in: "
        'import: {bron: "smd.csv", sleutel: "smd-enschede-haaksbergen/meubeldepot"}'
    ) in r
    assert "Resultaat: nieuw: 0, bijgewerkt: 0, ongewijzigd: 0, niet geïmporteerd: 1." in r
    assert depot.read_text(encoding="utf-8") == voor


KAPOT = {
    "open-aanhalingsteken": (
        b'Naam;Omschrijving\r\nEen;"Nooit gesloten\r\nTwee;x\r\n',
        'kapot.csv:2:5: fout: een aanhalingsteken (") in deze regel wordt niet gesloten, tot het eind van het bestand',
    ),
    "excel-werkmap": (
        b"PK\x03\x04\x14\x00\x06\x00",
        "kapot.csv:1:1: fout: dit is een Excel-werkmap (.xlsx) of een ander zip-bestand, geen CSV; sla het in Excel op "
        "als 'CSV UTF-8 (door komma's gescheiden)' en importeer dat bestand",
    ),
    "leeg": (b"\r\n\r\n", "kapot.csv:1:1: fout: het bestand is leeg"),
    "geen-naam": (
        "Omschrijving;Adres\nIets;Ergens\n".encode(),
        "kapot.csv:1:1: fout: geen kolom met de naam van de voorziening; de kolommen zijn: 'Omschrijving', 'Adres'. "
        'Koppel er een in een koppelbestand (--mapping), bijvoorbeeld kolommen: {"Naam": naam}',
    ),
    "te-veel-velden": (
        "Naam;Thema\nEen;schulden;over\n".encode(),
        "kapot.csv:2:14: fout: deze regel heeft 3 velden en de eerste regel 2; staat er een ';' in een tekst zonder "
        "aanhalingstekens? Niet geïmporteerd",
    ),
}


@pytest.mark.parametrize("geval", sorted(KAPOT))
def test_a_broken_csv_gives_a_located_dutch_message_not_a_traceback(geval, tmp_path, capsys, monkeypatch):
    project = kopieer_klein_project(tmp_path / "project")
    inhoud, bericht = KAPOT[geval]
    (project / "kapot.csv").write_bytes(inhoud)
    code, r = importeer(project, capsys, monkeypatch, "kapot.csv", "--organisatie", "wijkteams-enschede")
    assert bericht in r, "\n".join(r)
    assert code == (1 if geval == "te-veel-velden" else 2)
    assert sorted(p.name for p in (project / V).iterdir()) == ["meubeldepot.yml"]
    if code == 2:
        assert r[-1] == "Niets geïmporteerd: 1 fout in 1 bestand."


def test_a_bad_koppelbestand_is_reported_at_its_lines(tmp_path, capsys, monkeypatch):
    project = kopieer_klein_project(tmp_path / "project")
    shutil.copy(CSV, project / "export.csv")
    (project / "koppeling.yml").write_text(
        "bron: Proef\nkolommen:\n  Categorie: themaa\nthemas:\n  Geldzaken: geldzorgen\nstandaard:\n  toegang: open\n"
        "extra: ja\n",
        encoding="utf-8",
    )
    code, r = importeer(project, capsys, monkeypatch, "export.csv", "--organisatie", "wijkteams-enschede", "--mapping", "koppeling.yml")
    assert code == 2
    assert r == [
        "koppeling.yml:3:14: fout: 'themaa' is geen geldige waarde voor 'kolommen.Categorie'; bedoelt u 'thema'?",
        "koppeling.yml:5:14: fout: onbekend thema 'geldzorgen'; bedoelt u 'schulden' (Schulden)?",
        "koppeling.yml:7:12: fout: 'open' is geen geldige waarde voor 'standaard.toegang'; kies uit: vrij, verwijzing, indicatie",
        "koppeling.yml:8:1: fout: onbekend veld 'extra'; toegestaan zijn: bron, kolommen, themas, doelgroepen, toegang, "
        "kosten, gebied, standaard",
        "Niets geïmporteerd: 4 fouten in 1 bestand.",
    ]
    (project / "koppeling.yml").write_text("kolommen:\n  Naam voorzienig: naam\n", encoding="utf-8")
    code, r = importeer(project, capsys, monkeypatch, "export.csv", "--organisatie", "wijkteams-enschede", "--mapping", "koppeling.yml")
    assert code == 2
    assert "koppeling.yml:2:3: fout: kolom 'Naam voorzienig' staat niet in export.csv; bedoelt u 'Naam voorziening'?" in r
    assert sorted(p.name for p in (project / V).iterdir()) == ["meubeldepot.yml"]


def test_an_unknown_organisation_is_refused_with_a_suggestion(tmp_path, capsys, monkeypatch):
    project = kopieer_klein_project(tmp_path / "project")
    code, r = importeer(project, capsys, monkeypatch, CSV, "--organisatie", "wijkteams")
    assert code == 2
    assert r == ["fout: onbekende organisatie 'wijkteams': er is geen bestand data/organisaties/wijkteams.yml; bedoelt u 'wijkteams-enschede'?"]
    code, r = importeer(project, capsys, monkeypatch, CSV)
    assert code == 2 and r[0].startswith("fout: geef met --organisatie de id van de organisatie")


# -- reading values without guessing -------------------------------------------------------------


def test_values_are_read_only_when_there_is_no_doubt():
    assert [postcode(p) for p in ("7511ab", "7511 AB", " 7511  ab ", "0511 AB", "75111", "7511 A")] == [
        "7511 AB", "7511 AB", "7511 AB", None, None, None,
    ]  # fmt: skip
    assert [leeftijd(t) for t in ("18+", "vanaf 18 jaar", "65 jaar en ouder", "0 - 4 jaar", "12 tot en met 23", "t/m 17")] == [
        {"van": 18}, {"van": 18}, {"van": 65}, {"van": 0, "tot": 4}, {"van": 12, "tot": 23}, {"tot": 17},
    ]  # fmt: skip
    assert [leeftijd(t) for t in ("tot 18", "jong", "23-12", "200+")] == [None] * 4  # up to 17 or 18? which way round?
    assert leeftijd("Alle leeftijden") == {}
    assert openingstijden("Maandag t/m vrijdag van 9.00 tot 17.00 uur") == [
        {"dagen": ["ma", "di", "wo", "do", "vr"], "van": "09:00", "tot": "17:00"}
    ]
    assert openingstijden("ma, wo en vr: 9-12; za 10:00 - 12:30") == [
        {"dagen": ["ma", "wo", "vr"], "van": "09:00", "tot": "12:00"}, {"dagen": ["za"], "van": "10:00", "tot": "12:30"},
    ]  # fmt: skip
    for tekst in ("op afspraak", "ma 9-12, 13-17", "di 14:00-12:00", "vr t/m ma 9-17", "elke dag 9-17"):
        assert openingstijden(tekst) is None, tekst  # kept as text (openingstijden_toelichting)
    lang = "Eerste zin. " + "Woord " * 60 + "einde."
    assert teksten("", lang) == ("Eerste zin.", lang)
    assert teksten("", "Eén alinea die past.") == ("Eén alinea die past.", None)
    assert teksten("", "Woord " * 80) == (None, ("Woord " * 80).strip())  # no sentence fits: to fill in
    assert teksten(lang, "Meer uitleg.") == ("Eerste zin.", f"{lang.strip()}\n\nMeer uitleg.")  # nothing lost
