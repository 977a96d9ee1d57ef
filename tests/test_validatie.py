"""The validator: one located Dutch message per mistake, from the CLI and from mkdocs build."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import VOORBEELDEN, mkdocs, wijkportaal
from wijkportaal.soorten import SOORTEN

BESTAND = "data/voorzieningen/tien-fouten.yml"
REGEL = re.compile(r"^(?P<pad>[^:\s]+):(?P<regel>\d+):(?P<kolom>\d+): (?P<niveau>fout|waarschuwing): (?P<bericht>.+)$")

# (line, column, a fragment of the message) for each of the ten mistakes in tien-fouten.yml
TIEN_FOUTEN = {
    "ontbrekend verplicht veld": (3, 1, "verplicht veld 'samenvatting' ontbreekt"),
    "id ongelijk aan bestandsnaam": (3, 5, "id 'andere-naam' is niet gelijk aan de bestandsnaam 'tien-fouten.yml'"),
    "dubbele sleutel": (5, 1, "veld 'naam' staat twee keer in dezelfde mapping (eerst op regel 4)"),
    "onbekende verwijzing": (6, 20, "onbekend thema 'schuldhulp'"),
    "verkeerde keuzewaarde": (9, 10, "'soms' is geen geldige waarde voor 'toegang'; kies uit: vrij, verwijzing, indicatie"),
    "onbekend veld met suggestie": (10, 1, "onbekend veld 'telefoonnummer'; bedoelt u 'contact.telefoon'?"),
    "leeftijd omgedraaid": (12, 3, "leeftijd 'van' (18) is groter dan 'tot' (12)"),
    "coordinaten": (16, 18, "coördinaten [6.89, 52.22] liggen buiten Enschede; zijn breedte- en lengtegraad verwisseld?"),
    "ongeldige datum": (19, 25, "'2024-02-30' is geen geldige datum"),
    "syntaxfout": (21, 12, "YAML-syntaxfout: het bestand houdt onverwacht op"),
}


def meldingen(regels: list[str]) -> list[dict]:
    """Every 'pad:regel:kolom: niveau: bericht' line, wherever it is in the output."""
    uit = []
    for regel in regels:
        regel = re.sub(r"^(ERROR|WARNING)\s+-\s+", "", regel.strip())
        m = REGEL.match(regel)
        if m:
            uit.append(m.groupdict())
    return uit


@pytest.fixture
def met_tien_fouten(project_kopie: Path) -> Path:
    shutil.copy(VOORBEELDEN / "tien-fouten.yml", project_kopie / BESTAND)
    return project_kopie


def test_sample_data_is_clean(project_kopie: Path):
    uit = wijkportaal("validate", "data", cwd=project_kopie)
    assert uit.code == 0, uit.uitvoer
    assert "Geen problemen gevonden" in uit.uitvoer


@pytest.mark.parametrize("soort", sorted(TIEN_FOUTEN))
def test_validate_reports_each_mistake_located(met_tien_fouten: Path, soort: str):
    uit = wijkportaal("validate", "data", cwd=met_tien_fouten)
    assert uit.code == 1
    regel, kolom, tekst = TIEN_FOUTEN[soort]
    gevonden = [
        m for m in meldingen(uit.regels)
        if m["pad"] == BESTAND and int(m["regel"]) == regel and int(m["kolom"]) == kolom and tekst in m["bericht"]
    ]  # fmt: skip
    assert gevonden, f"verwacht {BESTAND}:{regel}:{kolom}: ... {tekst}\nkreeg:\n{uit.uitvoer}"
    assert gevonden[0]["niveau"] == "fout"


def test_validate_reports_exactly_ten_errors(met_tien_fouten: Path):
    uit = wijkportaal("validate", "data", cwd=met_tien_fouten)
    fouten = [m for m in meldingen(uit.regels) if m["niveau"] == "fout"]
    assert len(fouten) == 10, uit.uitvoer
    assert all(m["pad"] == BESTAND for m in fouten)
    assert uit.regels[-1] == "Gevonden: 10 fouten in 1 bestand."


def test_validate_one_file_shows_only_that_file(met_tien_fouten: Path):
    schoon = wijkportaal("validate", "data/voorzieningen/meubeldepot.yml", cwd=met_tien_fouten)
    assert schoon.code == 0, schoon.uitvoer
    fout = wijkportaal("validate", BESTAND, cwd=met_tien_fouten)
    assert fout.code == 1
    assert len(meldingen(fout.regels)) == 10


def test_mkdocs_build_fails_with_the_same_messages_and_writes_nothing(met_tien_fouten: Path):
    site = met_tien_fouten / "site"
    site.mkdir()
    (site / "vorige-versie.html").write_text("oude site", encoding="utf-8")
    cli = wijkportaal("validate", "data", cwd=met_tien_fouten)
    bouw = mkdocs("build", "-d", str(site), cwd=met_tien_fouten)
    assert bouw.code != 0
    assert sorted(map(str, meldingen(bouw.regels))) == sorted(map(str, meldingen(cli.regels)))
    assert "10 fouten in 1 bestand. De site is niet gebouwd" in bouw.uitvoer
    assert "Traceback" not in bouw.uitvoer
    # nothing written, nothing cleaned
    assert [p.name for p in site.iterdir()] == ["vorige-versie.html"]
    assert (site / "vorige-versie.html").read_text(encoding="utf-8") == "oude site"


def test_build_into_missing_folder_creates_nothing(met_tien_fouten: Path):
    bouw = mkdocs("build", "-d", "nieuw", cwd=met_tien_fouten)
    assert bouw.code != 0
    assert not (met_tien_fouten / "nieuw").exists()


def test_unknown_reference_suggests_close_match(project_kopie: Path):
    pad = project_kopie / "data/voorzieningen/meubeldepot.yml"
    tekst = pad.read_text(encoding="utf-8").replace(
        "organisatie: smd-enschede-haaksbergen\ngebied", "organisatie: smd-enschede-haaksberge\ngebied"
    )
    pad.write_text(tekst, encoding="utf-8")
    uit = wijkportaal("validate", "data", cwd=project_kopie)
    assert uit.code == 1
    assert any(
        "onbekende organisatie 'smd-enschede-haaksberge'; bedoelt u 'smd-enschede-haaksbergen'?" in m["bericht"]
        for m in meldingen(uit.regels)
    ), uit.uitvoer


def test_duplicate_naam_and_organisatie_is_an_error(project_kopie: Path):
    bron = project_kopie / "data/voorzieningen/meubeldepot.yml"
    shutil.copy(bron, project_kopie / "data/voorzieningen/meubeldepot-kopie.yml")
    uit = wijkportaal("validate", "data", cwd=project_kopie)
    assert uit.code == 1
    berichten = [m for m in meldingen(uit.regels) if m["pad"].endswith("meubeldepot-kopie.yml")]
    assert any("dezelfde naam 'Meubeldepot' en organisatie als data/voorzieningen/meubeldepot.yml" in m["bericht"] for m in berichten)


def test_reversed_opening_hours(project_kopie: Path):
    pad = project_kopie / "data/voorzieningen/meubeldepot.yml"
    pad.write_text(
        pad.read_text(encoding="utf-8")
        + "locaties:\n  - naam: Depot\n    openingstijden:\n      - dagen: [ma]\n        van: \"17:00\"\n        tot: \"09:00\"\n",
        encoding="utf-8",
    )
    uit = wijkportaal("validate", "data", cwd=project_kopie)
    assert uit.code == 1
    (melding,) = [m for m in meldingen(uit.regels) if "meubeldepot.yml" in m["pad"] and m["niveau"] == "fout"]
    assert "17:00" in melding["bericht"] and "09:00" in melding["bericht"]
    regels = pad.read_text(encoding="utf-8").splitlines()
    assert "van:" in regels[int(melding["regel"]) - 1] or "tot:" in regels[int(melding["regel"]) - 1]


def test_missing_path_exit_code(project_kopie: Path):
    uit = wijkportaal("validate", "bestaat-niet", cwd=project_kopie)
    assert uit.code == 2
    assert "bestaat niet" in uit.uitvoer


# -- messages a partner got stuck on (checked in-process: the CLI's main() is called directly) --


def valideer_in_proces(project: Path, capsys, monkeypatch, *paden: str) -> tuple[int, list[str]]:
    from wijkportaal.cli import main

    monkeypatch.chdir(project)
    monkeypatch.setenv("WIJKPORTAAL_VANDAAG", "2026-11-23")
    code = main(["validate", *paden])
    return code, capsys.readouterr().out.splitlines()


def vervang(pad: Path, oud: str, nieuw: str) -> None:
    tekst = pad.read_text(encoding="utf-8")
    assert oud in tekst, f"{oud!r} staat niet in {pad}"
    pad.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")


@pytest.mark.parametrize("nummer", ["0537654321", "14053", "053 123 45 67"])
def test_phone_number_written_as_digits_is_accepted_as_written(project_kopie: Path, capsys, monkeypatch, nummer: str):
    pad = project_kopie / "data/voorzieningen/meubeldepot.yml"
    with pad.open("a", encoding="utf-8") as f:
        f.write(f"contact:\n  telefoon: {nummer}\n")
    code, regels = valideer_in_proces(project_kopie, capsys, monkeypatch, "data/voorzieningen/meubeldepot.yml")
    assert code == 0, regels
    from wijkportaal.catalogus import laad_catalogus

    catalogus, _ = laad_catalogus(project_kopie / "data")
    assert catalogus.records["voorzieningen"]["meubeldepot"].contact["telefoon"] == nummer  # not octal 91... or 14053.0


def test_bad_phone_number_says_what_to_write(project_kopie: Path, capsys, monkeypatch):
    pad = project_kopie / "data/voorzieningen/meubeldepot.yml"
    with pad.open("a", encoding="utf-8") as f:
        f.write("contact:\n  telefoon: bel 053-1234567\n")
    code, regels = valideer_in_proces(project_kopie, capsys, monkeypatch, "data/voorzieningen/meubeldepot.yml")
    assert code == 1
    (melding,) = [m for m in meldingen(regels) if m["niveau"] == "fout"]
    assert "geen geldig telefoonnummer; schrijf alleen cijfers, spaties en '-', bijvoorbeeld 053 123 45 67" in melding["bericht"]


def test_unknown_thema_and_doelgroep_point_to_the_taxonomy(project_kopie: Path, capsys, monkeypatch):
    pad = project_kopie / "data/voorzieningen/meubeldepot.yml"
    tekst = pad.read_text(encoding="utf-8")
    tekst = re.sub(r"^themas: .*$", "themas: [huisraad]", tekst, count=1, flags=re.M)
    tekst = re.sub(r"^doelgroepen: .*$", "doelgroepen: [iedereen]", tekst, count=1, flags=re.M)
    pad.write_text(tekst, encoding="utf-8")
    code, regels = valideer_in_proces(project_kopie, capsys, monkeypatch, "data/voorzieningen/meubeldepot.yml")
    assert code == 1
    berichten = [m["bericht"] for m in meldingen(regels)]
    thema = next(b for b in berichten if "thema 'huisraad'" in b)
    assert "data/taxonomie.yml" in thema and "geld-en-werk" in thema
    doelgroep = next(b for b in berichten if "doelgroep 'iedereen'" in b)
    assert "data/taxonomie.yml" in doelgroep and "alle-inwoners" in doelgroep and "mantelzorgers" in doelgroep


def test_misspelled_required_field_is_one_message_on_its_line(project_kopie: Path, capsys, monkeypatch):
    pad = project_kopie / "data/voorzieningen/meubeldepot.yml"
    vervang(pad, "\nsamenvatting:", "\nsamenvating:")
    regelnummer = next(i for i, r in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1) if r.startswith("samenvating:"))
    code, regels = valideer_in_proces(project_kopie, capsys, monkeypatch, "data/voorzieningen/meubeldepot.yml")
    assert code == 1
    fouten = [m for m in meldingen(regels) if m["niveau"] == "fout"]
    assert len(fouten) == 1, regels
    assert int(fouten[0]["regel"]) == regelnummer
    assert fouten[0]["bericht"] == "onbekend veld 'samenvating'; bedoelt u 'samenvatting'? Dat veld is verplicht"


def test_one_file_summary_names_the_file_and_the_folder_counts_records(project_kopie: Path, capsys, monkeypatch):
    code, regels = valideer_in_proces(project_kopie, capsys, monkeypatch, "data/voorzieningen/meubeldepot.yml")
    assert code == 0
    assert regels == ["Geen problemen gevonden in data/voorzieningen/meubeldepot.yml."]
    code, regels = valideer_in_proces(project_kopie, capsys, monkeypatch, "data")
    aantal = sum(len(list((project_kopie / "data" / s).glob("*.yml"))) for s in SOORTEN)
    assert regels == [f"Geen problemen gevonden in {aantal} records."]


def test_wrong_typed_values_from_the_issue_are_located_errors(project_kopie: Path, capsys, monkeypatch):
    """organisatie: [x], organisatie: {a: [1]} and toegankelijkheid: [{lift: ja}] crashed the validator."""
    bron = project_kopie / "data/voorzieningen/meubeldepot.yml"
    varianten = {
        "lijst": "organisatie: [x]",
        "mapping": "organisatie: {a: [1]}",
    }
    for naam, regel in varianten.items():
        tekst = re.sub(r"^organisatie: .*$", regel, bron.read_text(encoding="utf-8"), count=1, flags=re.M)
        (project_kopie / f"data/voorzieningen/org-{naam}.yml").write_text(tekst.replace("naam: Meubeldepot", f"naam: Depot {naam}"), encoding="utf-8")
    (project_kopie / "data/voorzieningen/toegankelijk.yml").write_text(
        bron.read_text(encoding="utf-8").replace("naam: Meubeldepot", "naam: Depot toegankelijk")
        + "locaties:\n  - naam: Depot\n    coordinaten: [52.2215, 6.8937]\n    toegankelijkheid: [{lift: ja}]\n",
        encoding="utf-8",
    )
    code, regels = valideer_in_proces(project_kopie, capsys, monkeypatch, "data")
    assert code == 1
    paden = {m["pad"] for m in meldingen(regels) if m["niveau"] == "fout"}
    assert paden == {
        "data/voorzieningen/org-lijst.yml", "data/voorzieningen/org-mapping.yml", "data/voorzieningen/toegankelijk.yml"
    }, regels  # fmt: skip
    assert any("'organisatie' moet tekst zijn, maar is een lijst" in r for r in regels), regels
    assert any("'locaties.toegankelijkheid'" in r for r in regels), regels


def test_a_broken_taxonomy_or_boundary_file_is_reported_there_not_in_every_record(project_kopie: Path):
    from wijkportaal.catalogus import laad_catalogus

    data = project_kopie / "data"
    (data / "taxonomie.yml").write_text("themas: [1]\ndoelgroepen: {Foo_Bar: {label: x}}\nprocessen: 5\n", encoding="utf-8")
    (data / "gebieden/wijken.geojson").write_text("[1, 2]", encoding="utf-8")
    (data / "gebieden/stadsdelen.yml").write_text("- a\n", encoding="utf-8")
    _, problemen = laad_catalogus(data, basis=project_kopie)
    assert {p.pad for p in problemen} == {"data/taxonomie.yml", "data/gebieden/wijken.geojson", "data/gebieden/stadsdelen.yml"}
    assert any("'themas' moet een groep velden" in p.bericht for p in problemen)
    assert any("'Foo_Bar' in 'doelgroepen' is geen geldige id" in p.bericht and p.regel == 2 for p in problemen)


def test_on_github_actions_each_problem_is_also_a_workflow_annotation(met_tien_fouten: Path, capsys, monkeypatch):
    """GitHub's documented syntax: ::error file={name},line={line},col={col}::{message}, message escaped."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, regels = valideer_in_proces(met_tien_fouten, capsys, monkeypatch, "data")
    assert code == 1
    annotaties = [r for r in regels if r.startswith("::")]
    gewoon = meldingen(regels)
    assert len(annotaties) == len(gewoon) >= 10  # every problem twice: readable line and annotation
    patroon = re.compile(r"^::(error|warning) file=([^,:]+),line=(\d+),col=(\d+)::(.+)$")
    for annotatie, melding in zip(annotaties, gewoon):
        m = patroon.match(annotatie)
        assert m, annotatie
        assert m.group(1) == {"fout": "error", "waarschuwing": "warning"}[melding["niveau"]]
        assert (m.group(2), m.group(3), m.group(4)) == (melding["pad"], melding["regel"], melding["kolom"])
        assert "\n" not in m.group(5) and "%0A" not in melding["bericht"]
    regel, kolom, tekst = TIEN_FOUTEN["verkeerde keuzewaarde"]
    assert f"::error file={BESTAND},line={regel},col={kolom}::{tekst}" in annotaties


def test_annotation_escapes_what_github_would_read_as_syntax():
    from wijkportaal.problemen import Niveau, Probleem

    p = Probleem("data/a,b:c.yml", 3, 7, Niveau.WAARSCHUWING, "100% fout\nregel twee\r")
    assert p.als_annotatie() == "::warning file=data/a%2Cb%3Ac.yml,line=3,col=7::100%25 fout%0Aregel twee%0D"


def test_without_github_actions_no_annotations(met_tien_fouten: Path, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    _, regels = valideer_in_proces(met_tien_fouten, capsys, monkeypatch, "data")
    assert meldingen(regels) and not [r for r in regels if r.startswith("::")]


# -- the three mistakes made while following CONTRIBUTING.md as a new partner (issue #11) --


def test_dutch_date_order_gets_the_date_as_it_should_be_written(project_kopie: Path, capsys, monkeypatch):
    vervang(project_kopie / "data/voorzieningen/meubeldepot.yml", "laatst_gecontroleerd: 2020-12-31", "laatst_gecontroleerd: 29-11-2026")
    code, regels = valideer_in_proces(project_kopie, capsys, monkeypatch, "data/voorzieningen/meubeldepot.yml")
    assert code == 1
    (melding,) = meldingen(regels)
    assert melding["bericht"].endswith("'29-11-2026' is geen geldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2024-03-01. Bedoelt u 2026-11-29?")


def test_a_tab_is_one_message_not_also_a_missing_field(project_kopie: Path, capsys, monkeypatch):
    vervang(project_kopie / "data/voorzieningen/meubeldepot.yml", "  organisatie: smd-enschede-haaksbergen", "\torganisatie: smd-enschede-haaksbergen")
    code, regels = valideer_in_proces(project_kopie, capsys, monkeypatch, "data/voorzieningen/meubeldepot.yml")
    assert code == 1
    (melding,) = meldingen(regels)
    assert melding["bericht"] == "YAML-syntaxfout: tab-teken gevonden: spring in met spaties, niet met tabs"


def test_a_colon_in_text_shows_the_line_with_quotes(project_kopie: Path, capsys, monkeypatch):
    vervang(project_kopie / "data/voorzieningen/meubeldepot.yml", "kosten: gratis\n", "kosten: gratis\nkosten_toelichting: Let op: alleen op afspraak\n")
    code, regels = valideer_in_proces(project_kopie, capsys, monkeypatch, "data/voorzieningen/meubeldepot.yml")
    assert code == 1
    (melding,) = meldingen(regels)
    assert melding["bericht"].endswith('Schrijf bijvoorbeeld: kosten_toelichting: "Let op: alleen op afspraak"')
