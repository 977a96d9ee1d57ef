"""The JSON Schemas in schema/ are what the code checks, and valid for editors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import PROJECT
from wijkportaal.cli import alle_schemas, schrijf_schemas


def test_schema_files_are_up_to_date(tmp_path: Path):
    schrijf_schemas(tmp_path)
    for pad in tmp_path.glob("*.json"):
        vastgelegd = PROJECT / "schema" / pad.name
        assert vastgelegd.exists(), f"schema/{pad.name} ontbreekt; draai 'wijkportaal schema'"
        assert json.loads(vastgelegd.read_text(encoding="utf-8")) == json.loads(pad.read_text(encoding="utf-8")), (
            f"schema/{pad.name} is verouderd; draai 'wijkportaal schema'"
        )


@pytest.mark.parametrize("naam", sorted(alle_schemas()))
def test_schema_is_valid_and_described(naam: str):
    schema = json.loads((PROJECT / "schema" / f"{naam}.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    for veld, definitie in schema.get("properties", {}).items():
        assert definitie.get("description"), f"{naam}.{veld} heeft geen beschrijving"


@pytest.mark.parametrize("soort", ["voorziening", "methodiek", "werkinstructie", "organisatie", "vraag"])
def test_fixed_field_names(soort: str):
    schema = json.loads((PROJECT / "schema" / f"{soort}.json").read_text(encoding="utf-8"))
    gedeeld = {"id", "naam", "samenvatting", "beschrijving", "themas", "zichtbaarheid", "status", "geldig_tot", "beheer", "bron", "gerelateerd", "intern"}
    assert gedeeld <= set(schema["properties"])
    assert schema["additionalProperties"] is False


def velden(knoop: dict, pad: str = "") -> list[tuple[str, dict]]:
    """Every field node of a schema, at every depth: properties, list items, free keys and their values."""
    uit = []
    kinderen = [(f"{pad}.{naam}", sub) for naam, sub in knoop.get("properties", {}).items()]
    if isinstance(knoop.get("items"), dict):
        kinderen.append((f"{pad}[]", knoop["items"]))
    kinderen += [(f"{pad}[{i}]", sub) for i, sub in enumerate(knoop.get("prefixItems", []))]
    if isinstance(knoop.get("additionalProperties"), dict):
        kinderen.append((f"{pad}.<waarde>", knoop["additionalProperties"]))
    if isinstance(knoop.get("propertyNames"), dict):
        kinderen.append((f"{pad}.<sleutel>", knoop["propertyNames"]))
    for naam, sub in kinderen:
        uit.append((naam, sub))
        uit += velden(sub, naam)
    return uit


@pytest.mark.parametrize("naam", sorted(alle_schemas()))
def test_every_field_at_every_depth_has_a_description_and_examples_that_fit(naam: str):
    """Editors show the description and the examples as help; `wijkportaal nieuw` writes the examples."""
    from jsonschema import FormatChecker

    schema = json.loads((PROJECT / "schema" / f"{naam}.json").read_text(encoding="utf-8"))
    alle = velden(schema)
    assert len(alle) > 5
    for pad, knoop in alle:
        assert knoop.get("description", "").strip(), f"{naam}{pad} heeft geen beschrijving"
        assert knoop.get("examples"), f"{naam}{pad} heeft geen voorbeeld"
        geldig = Draft202012Validator(knoop, format_checker=FormatChecker())
        for voorbeeld in knoop["examples"]:
            fouten = [f.message for f in geldig.iter_errors(voorbeeld)]
            assert not fouten, f"{naam}{pad}: voorbeeld {voorbeeld!r} past niet: {fouten}"


MAPPEN = {"voorziening": "voorzieningen", "methodiek": "methodieken", "werkinstructie": "werkinstructies", "organisatie": "organisaties", "vraag": "vragen"}


@pytest.mark.parametrize("soort", sorted(MAPPEN))
def test_ids_in_examples_exist_in_the_data(soort: str):
    """An example that names a thema, doelgroep, proces, organisatie or record names one that exists."""
    import yaml

    taxonomie = yaml.safe_load((PROJECT / "data/taxonomie.yml").read_text(encoding="utf-8"))
    themas = set(taxonomie["themas"]) | {s for t in taxonomie["themas"].values() for s in t.get("subthemas", {})}
    records = {f"{map_.name}/{p.stem}" for map_ in (PROJECT / "data").iterdir() if map_.is_dir() for p in map_.glob("*.yml")}
    organisaties = {r.split("/")[1] for r in records if r.startswith("organisaties/")}
    bekend = {
        ".themas": themas, ".themas[]": themas,
        ".doelgroepen": set(taxonomie["doelgroepen"]), ".doelgroepen[]": set(taxonomie["doelgroepen"]),
        ".proces": set(taxonomie["processen"]),
        ".wettelijk_kader": set(taxonomie["wettelijke_kaders"]), ".wettelijk_kader[]": set(taxonomie["wettelijke_kaders"]),
        ".organisatie": organisaties, ".beheer.organisatie": organisaties,
        ".gerelateerd": records, ".gerelateerd[]": records,
        ".id": {p.stem for p in (PROJECT / "data" / MAPPEN[soort]).glob("*.yml")},
    }  # fmt: skip
    schema = json.loads((PROJECT / "schema" / f"{soort}.json").read_text(encoding="utf-8"))
    gezien = set()
    for pad, knoop in velden(schema):
        if pad not in bekend:
            continue
        gezien.add(pad)
        for voorbeeld in knoop["examples"]:
            for waarde in voorbeeld if isinstance(voorbeeld, list) else [voorbeeld]:
                assert waarde in bekend[pad], f"{soort}{pad}: voorbeeld '{waarde}' bestaat niet in data/"
    assert {".themas", ".gerelateerd", ".beheer.organisatie", ".id"} <= gezien
    onbevestigd = schema["properties"]["onbevestigd"]
    assert set(onbevestigd["examples"][0]) <= set(schema["properties"]), "onbevestigd noemt een veld dat deze soort niet heeft"


def test_vscode_recommends_the_yaml_extension_and_maps_each_data_file_to_the_schema_its_header_names():
    """Belt and braces: the header line of each file and .vscode/settings.json agree."""
    import fnmatch

    instellingen = json.loads((PROJECT / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in json.loads((PROJECT / ".vscode/extensions.json").read_text(encoding="utf-8"))["recommendations"]
    assert instellingen["yaml.validate"] and instellingen["yaml.hover"] and instellingen["yaml.completion"]
    assert instellingen["[yaml]"]["editor.tabSize"] == 2 and instellingen["[yaml]"]["editor.insertSpaces"]
    koppeling = instellingen["yaml.schemas"]
    assert {Path(s).stem for s in koppeling} == set(alle_schemas())
    bestanden = [p for p in (PROJECT / "data").rglob("*.yml")]
    assert len(bestanden) > 100
    for pad in bestanden:
        naam = pad.relative_to(PROJECT).as_posix()
        schemas = [s for s, globs in koppeling.items() if any(fnmatch.fnmatch(naam, g) for g in globs)]
        kop = pad.read_text(encoding="utf-8").splitlines()[0]
        assert kop.startswith("# yaml-language-server: $schema="), naam
        assert len(schemas) == 1 and (pad.parent / kop.split("=", 1)[1]).resolve() == (PROJECT / schemas[0]).resolve(), naam
