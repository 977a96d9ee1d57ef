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
