"""`wijkportaal nieuw`: a new record validates, its placeholders are warnings, its examples fit.

Most checks call the core in-process on one copy of the project holding one new file
of each kind (loading the catalogue takes a tenth of a second); the command line
itself runs once as a subprocess.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT, wijkportaal
from wijkportaal.catalogus import laad_catalogus
from wijkportaal.nieuw import INDELING, Geweigerd, maak_id, maak_record
from wijkportaal.schema import ID_PATROON
from wijkportaal.soorten import SOORTEN

VANDAAG = dt.date(2026, 11, 23)
SOORTEN_ = {s.enkelvoud: s for s in SOORTEN.values()}
# What a partner must still write or choose in a fresh file of each kind.
IN_TE_VULLEN = {
    "voorziening": {"samenvatting", "themas", "gebied", "toegang"},
    "methodiek": {"samenvatting", "themas", "doel"},
    "werkinstructie": {"samenvatting", "themas", "proces", "stappen.titel"},
    "organisatie": {"samenvatting", "type"},
    "team": {"samenvatting", "soort_team", "werkgebied"},
    "vraag": {"samenvatting", "themas", "antwoord"},
    "ontwikkeling": {"samenvatting", "datum", "soort_ontwikkeling"},
}
# The made-up examples (phone, e-mail, website, street, url) that are warned about if left in.
VERZONNEN = {
    "voorziening": {"contact.telefoon", "contact.email", "contact.website", "locaties.adres", "locaties.bereikbaarheid"},
    "methodiek": {"bronnen.url"},
    "werkinstructie": set(),
    "organisatie": {"contact.telefoon", "contact.email", "contact.website"},
    "team": {"contact.telefoon", "contact.email", "contact.website", "mensen.naam", "mensen.foto"},
    "vraag": set(),
    "ontwikkeling": set(),
}


@pytest.fixture
def nieuwe(project_kopie: Path) -> dict[str, Path]:
    """One new record of each kind in a copy of the project."""
    paden = {}
    for soort in SOORTEN_:
        organisatie = None if soort == "organisatie" else "wijkteams-enschede"
        nieuw = maak_record(soort, f"Proef {soort} Ünïté", data=project_kopie / "data", organisatie=organisatie, vandaag=VANDAAG)
        paden[soort] = nieuw.pad
    return paden


def problemen(project: Path) -> list:
    _, gevonden = laad_catalogus(project / "data", vandaag=VANDAAG, basis=project)
    return list(gevonden)


def per_bestand(gevonden: list, paden: dict[str, Path], project: Path) -> dict[str, list]:
    namen = {p.relative_to(project).as_posix(): soort for soort, p in paden.items()}
    assert {p.pad for p in gevonden} <= set(namen), [str(p) for p in gevonden]  # nothing elsewhere
    uit: dict[str, list] = {soort: [] for soort in paden}
    for p in gevonden:
        uit[namen[p.pad]].append(p)
    return uit


def veld_in(bericht: str) -> str:
    return re.search(r"'([a-z_.]+)'", bericht).group(1)


def voorbeeld_voor(schema: dict, sleutel: str):
    """The first example of the field called ``sleutel``, searched breadth-first through the schema."""
    rij = [schema]
    while rij:
        knoop = rij.pop(0)
        if sleutel in knoop.get("properties", {}):
            return knoop["properties"][sleutel]["examples"][0]
        rij += list(knoop.get("properties", {}).values())
        if isinstance(knoop.get("items"), dict):
            rij.append(knoop["items"])
    raise KeyError(sleutel)


def vul_in(pad: Path, schema: dict) -> None:
    """Replace each placeholder by the schema's example for that field (as a partner would, with real values)."""
    regels = []
    for regel in pad.read_text(encoding="utf-8").splitlines():
        m = re.match(r'^(\s*(?:- )?)([a-z_]+): "VUL IN[^"]*"$', regel)
        if m:
            regel = f"{m.group(1)}{m.group(2)}: {json.dumps(voorbeeld_voor(schema, m.group(2)), ensure_ascii=False)}"
        regels.append(regel)
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")


def haal_commentaar_weg(pad: Path) -> None:
    """Uncomment every example line ('# veld: ...'), as a partner would; '##' lines are explanations."""
    regels = pad.read_text(encoding="utf-8").splitlines()
    regels = regels[:1] + [re.sub(r"^(\s*)#(?!#) ?", r"\1", r) for r in regels[1:]]
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")


def test_a_new_record_of_each_kind_validates_with_exactly_its_placeholders_as_warnings(nieuwe, project_kopie: Path):
    gevonden = per_bestand(problemen(project_kopie), nieuwe, project_kopie)
    for soort, pad in nieuwe.items():
        assert all(not p.is_fout for p in gevonden[soort]), [str(p) for p in gevonden[soort]]
        assert {veld_in(p.bericht) for p in gevonden[soort]} == IN_TE_VULLEN[soort], [str(p) for p in gevonden[soort]]
        regels = pad.read_text(encoding="utf-8").splitlines()
        for p in gevonden[soort]:
            assert p.bericht.startswith("nog niet ingevuld: vervang de voorbeeldtekst"), p
            assert regels[p.regel - 1][p.kolom - 1 :].startswith('"VUL IN'), p  # located at the value
        keuze = {"voorziening": "toegang", "organisatie": "type"}.get(soort)
        if keuze:
            assert any(f"'{keuze}'" in p.bericht and "kies uit: " in p.bericht for p in gevonden[soort])


def test_a_new_record_has_the_header_the_known_values_and_today(nieuwe):
    for soort, pad in nieuwe.items():
        tekst = pad.read_text(encoding="utf-8")
        bestaand = next((PROJECT / "data" / SOORTEN_[soort].map).glob("*.yml")).read_text(encoding="utf-8")
        assert tekst.splitlines()[0] == bestaand.splitlines()[0] == f"# yaml-language-server: $schema=../../schema/{soort}.json"
        data = yaml.safe_load(tekst)
        assert pad.stem == f"proef-{soort}-unite" and re.match(ID_PATROON, pad.stem)
        assert data["naam"] == f"Proef {soort} Ünïté"
        beheerder = pad.stem if soort == "organisatie" else "wijkteams-enschede"
        assert data["beheer"] == {"organisatie": beheerder, "laatst_gecontroleerd": VANDAAG}
        assert "id" not in data  # only as an example: the file name is the id
    assert yaml.safe_load(nieuwe["voorziening"].read_text(encoding="utf-8"))["organisatie"] == "wijkteams-enschede"
    assert yaml.safe_load(nieuwe["werkinstructie"].read_text(encoding="utf-8"))["vaststelling"] == "concept"


def test_filled_in_there_are_no_warnings_and_the_uncommented_examples_fit(nieuwe, project_kopie: Path):
    for soort, pad in nieuwe.items():
        vul_in(pad, SOORTEN_[soort].schema)
        assert ': "VUL IN' not in pad.read_text(encoding="utf-8")
    assert problemen(project_kopie) == []

    for pad in nieuwe.values():
        haal_commentaar_weg(pad)
    gevonden = per_bestand(problemen(project_kopie), nieuwe, project_kopie)
    for soort, pad in nieuwe.items():
        data = yaml.safe_load(pad.read_text(encoding="utf-8"))
        assert set(data) == set(SOORTEN_[soort].schema["properties"])  # every field, now live
        assert all(not p.is_fout for p in gevonden[soort]), [str(p) for p in gevonden[soort]]
        # only the made-up contact data is left to replace, each a warning at its line
        assert {veld_in(p.bericht) for p in gevonden[soort]} == VERZONNEN[soort], [str(p) for p in gevonden[soort]]
        assert all("verzonnen voorbeeld uit het schema" in p.bericht for p in gevonden[soort])


def test_every_field_of_each_kind_has_one_place_in_a_new_file():
    for soort, groepen in INDELING.items():
        velden = [veld for _, lijst in groepen for veld in lijst]
        assert sorted(velden) == sorted(SOORTEN_[soort].schema["properties"]), soort


def test_the_id_is_made_from_the_name():
    assert maak_id("Café Ünïty & Co. ('t Nije Terphoes)") == "cafe-unity-co-t-nije-terphoes"
    assert maak_id("  Buurthuis  De--Kamer!  ") == "buurthuis-de-kamer"
    with pytest.raises(Geweigerd, match="geen id te maken; kies er een met --id"):
        maak_record("voorziening", "!!!", data=PROJECT / "data", organisatie="wijkteams-enschede", vandaag=VANDAAG)


def test_command_line_writes_validates_and_refuses_to_overwrite_or_guess(project_kopie: Path, capsys, monkeypatch):
    from wijkportaal.cli import main

    uit = wijkportaal("nieuw", "voorziening", "--organisatie", "smd-enschede-haaksbergen", "Buurthuis De Kamer", cwd=project_kopie)
    pad = project_kopie / "data/voorzieningen/buurthuis-de-kamer.yml"
    assert uit.code == 0, uit.uitvoer
    assert "Geschreven: data/voorzieningen/buurthuis-de-kamer.yml" in uit.uitvoer
    assert 'vervang elke waarde die begint met "VUL IN" (4 plekken)' in uit.uitvoer
    assert "wijkportaal validate data/voorzieningen/buurthuis-de-kamer.yml" in uit.uitvoer
    assert f"laatst_gecontroleerd: {VANDAAG.isoformat()}" in pad.read_text(encoding="utf-8")  # WIJKPORTAAL_VANDAAG

    check = wijkportaal("validate", "data/voorzieningen/buurthuis-de-kamer.yml", cwd=project_kopie)
    assert check.code == 0, check.uitvoer
    assert [r for r in check.regels if ": waarschuwing: nog niet ingevuld" in r] == check.regels[:4]
    assert check.regels[4:] == ["Gevonden: 4 waarschuwingen in 1 bestand."]

    monkeypatch.chdir(project_kopie)
    voor = {p: p.read_bytes() for p in (project_kopie / "data/voorzieningen").iterdir()}
    weigeringen = {
        ("voorziening", "--organisatie", "smd-enschede-haaksbergen", "Buurthuis De Kamer"):
            "fout: bestaat al: data/voorzieningen/buurthuis-de-kamer.yml; kies een andere naam of gebruik --id",
        ("voorziening", "--organisatie", "wijkteams-enschede", "Iets", "--id", "meubeldepot"):
            "fout: bestaat al: data/voorzieningen/meubeldepot.yml; kies een andere naam of gebruik --id",
        ("voorziening", "--organisatie", "smd", "Buurthuis Het Hoekje"):
            "fout: onbekende organisatie 'smd': er is geen bestand data/organisaties/smd.yml; "
            "bedoelt u 'smd-enschede-haaksbergen'?",
        ("voorziening", "Buurthuis Het Hoekje"): "fout: geef met --organisatie de id van de organisatie",
        ("activiteit", "--organisatie", "alifa", "Iets"): "fout: onbekende soort 'activiteit'; kies uit voorziening,",
    }  # fmt: skip
    for argumenten, bericht in weigeringen.items():
        assert main(["nieuw", *argumenten]) == 1, argumenten
        assert capsys.readouterr().out.startswith(bericht), argumenten
    assert {p: p.read_bytes() for p in (project_kopie / "data/voorzieningen").iterdir()} == voor  # nothing written or changed
