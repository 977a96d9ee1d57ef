"""Loading YAML safely, with a line and column for every value."""

from __future__ import annotations

from pathlib import Path

from wijkportaal.laden import MAX_BYTES, laad_tekst, laad_yaml
from wijkportaal.problemen import Problemen


def laad(tekst: str):
    problemen = Problemen()
    bestand = laad_tekst(tekst, Path("x.yml"), problemen)
    return bestand, [str(p) for p in problemen.gesorteerd()]


def test_positions_of_keys_and_values():
    bestand, fouten = laad("naam: Test\nbeheer:\n  organisatie: smd\nthemas: [a, b]\n")
    assert fouten == []
    assert (bestand.plek(("beheer", "organisatie")).regel, bestand.plek(("beheer", "organisatie")).kolom) == (3, 16)
    assert (bestand.sleutelplek(("beheer", "organisatie")).regel, bestand.sleutelplek(("beheer", "organisatie")).kolom) == (3, 3)
    assert (bestand.plek(("themas", 1)).regel, bestand.plek(("themas", 1)).kolom) == (4, 13)


def test_duplicate_key_is_an_error_and_first_value_wins():
    bestand, fouten = laad("naam: Eerste\nnaam: Tweede\n")
    assert fouten == ["x.yml:2:1: fout: veld 'naam' staat twee keer in dezelfde mapping (eerst op regel 1); alleen de eerste waarde telt"]
    assert bestand.data["naam"] == "Eerste"


def test_dates_and_times_stay_text():
    bestand, fouten = laad("datum: 2024-01-04\ntijd: 12:30\nversie: 1.0\n")
    assert fouten == []
    assert bestand.data["datum"] == "2024-01-04"
    assert isinstance(bestand.data["tijd"], str)


def test_language_specific_tags_are_refused():
    bestand, fouten = laad("naam: !!python/object/apply:os.system ['echo gehackt']\n")
    assert len(fouten) == 1 and fouten[0].startswith("x.yml:1:7: fout:")


def test_syntax_error_still_reports_other_problems():
    bestand, fouten = laad('naam: "open\nnaam: dubbel\nnaam: x\n')
    assert any("YAML-syntaxfout" in f for f in fouten)


def test_file_above_size_limit_is_refused(tmp_path: Path):
    pad = tmp_path / "groot.yml"
    pad.write_text("naam: " + "x" * (MAX_BYTES + 10), encoding="utf-8")
    problemen = Problemen(basis=tmp_path)
    assert laad_yaml(pad, problemen) is None
    (melding,) = [str(p) for p in problemen]
    assert melding.startswith("groot.yml:1:1: fout:") and "groot" in melding


def test_absurd_nesting_is_refused_quickly():
    bestand, fouten = laad("a: " + "[" * 200 + "]" * 200 + "\n")
    assert any("diep" in f for f in fouten), fouten


def test_billion_laughs_is_refused():
    tekst = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 9):
        tekst += f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 10) + "]\n"
    bestand, fouten = laad(tekst)
    assert fouten, "an exponential alias bomb must be refused"


def test_not_utf8(tmp_path: Path):
    pad = tmp_path / "latin.yml"
    pad.write_bytes("naam: café".encode("latin-1"))
    problemen = Problemen(basis=tmp_path)
    laad_yaml(pad, problemen)
    (melding,) = [str(p) for p in problemen]
    assert "UTF-8" in melding


def test_the_load_cache_reads_only_changed_files_and_keeps_their_problems(tmp_path):
    """catalogus.Laadcache (the live preview): an unchanged file is not read again, a changed one
    is, and the problems of a file come back on every load for as long as they are there."""
    from conftest import kopieer_klein_project
    from wijkportaal.catalogus import Laadcache, laad_catalogus

    project = kopieer_klein_project(tmp_path / "klein")
    data, cache = project / "data", Laadcache()
    eerst, problemen = laad_catalogus(data, basis=project, cache=cache)
    assert not problemen.fouten
    org = data / "organisaties/wijkteams-enschede.yml"
    v = data / "voorzieningen/meubeldepot.yml"
    v.write_text(v.read_text(encoding="utf-8").replace("toegang: ", "toegang: ergens-", 1), encoding="utf-8")
    tweede, problemen = laad_catalogus(data, basis=project, cache=cache)
    assert tweede.records["organisaties"]["wijkteams-enschede"] is eerst.records["organisaties"]["wijkteams-enschede"]
    fouten = [str(p) for p in problemen.fouten]
    assert len(fouten) == 1 and fouten[0].startswith("data/voorzieningen/meubeldepot.yml:") and "toegang" in fouten[0]
    _, opnieuw = laad_catalogus(data, basis=project, cache=cache)  # unchanged: the same problem again
    assert [str(p) for p in opnieuw.fouten] == fouten
    v.write_text(v.read_text(encoding="utf-8").replace("toegang: ergens-", "toegang: ", 1), encoding="utf-8")
    org.write_text(org.read_text(encoding="utf-8").replace("naam: Wijkteams Enschede", "naam: Wijkteams Enschede (nieuw)", 1), encoding="utf-8")
    derde, problemen = laad_catalogus(data, basis=project, cache=cache)
    assert not problemen.fouten
    assert derde.records["organisaties"]["wijkteams-enschede"].naam == "Wijkteams Enschede (nieuw)"


def test_the_load_cache_keeps_the_areas_until_a_file_of_them_changes(tmp_path):
    """Laadcache.gebieden: under serve the areas (and where each location lies) are loaded once;
    a changed boundary file loads them again."""
    from conftest import kopieer_project
    from wijkportaal.catalogus import Laadcache, laad_catalogus

    project = kopieer_project(tmp_path / "project")
    data, cache = project / "data", Laadcache()
    eerst, _ = laad_catalogus(data, basis=project, cache=cache)
    tweede, _ = laad_catalogus(data, basis=project, cache=cache)
    assert tweede.gebieden is eerst.gebieden
    locaties = [l for v in tweede.voorzieningen for l in v.locaties if l.coordinaten]
    assert locaties and all(l.wijkcode for l in locaties)
    stadsdelen = data / "gebieden/stadsdelen.yml"
    stadsdelen.write_text(stadsdelen.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    derde, problemen = laad_catalogus(data, basis=project, cache=cache)
    assert derde.gebieden is not eerst.gebieden and not problemen.fouten
    assert [l.wijkcode for v in derde.voorzieningen for l in v.locaties if l.coordinaten] == [l.wijkcode for l in locaties]
