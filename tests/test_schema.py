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


@pytest.mark.parametrize("soort", ["voorziening", "methodiek", "werkinstructie", "organisatie"])
def test_fixed_field_names(soort: str):
    schema = json.loads((PROJECT / "schema" / f"{soort}.json").read_text(encoding="utf-8"))
    gedeeld = {"id", "naam", "samenvatting", "beschrijving", "themas", "zichtbaarheid", "status", "geldig_tot", "beheer", "bron", "gerelateerd", "intern"}
    assert gedeeld <= set(schema["properties"])
    assert schema["additionalProperties"] is False
