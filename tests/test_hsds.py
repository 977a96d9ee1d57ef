"""The Open Referral HSDS 3.0 export (wijkportaal.hsds), in-process: no site build.

The files are validated against the HSDS 3.0 JSON Schemas in ../shared/hsds/ (read from
there, not copied), made stricter than they are published: no property the schema does not
name (so a misspelt field fails), ``datapackage_type`` date/time fields checked as dates and
times, and the formats (uuid, uri, email, date) checked.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
import uuid
from pathlib import Path
from typing import Any, Iterator

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from conftest import MARKER_INTERN_RECORD, MARKER_INTERN_VELD, MARKER_REDEN, wijzig
from wijkportaal import adressen, hsds
from wijkportaal.catalogus import Catalogus, laad_catalogus
from wijkportaal.voorziening import TALEN

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT.parent / "shared" / "hsds"
SITE_URL = "https://wijkportaal.enschede.example/"
VANDAAG = dt.date(2026, 11, 23)
EDITIES = ("intern", "publiek")

# Which schema each file's objects follow, and which file a reference field points into.
SCHEMA_VAN = {
    hsds.SERVICES: "compiled/service.json",
    hsds.ORGANIZATIONS: "compiled/organization.json",
    hsds.SERVICE_AT_LOCATIONS: "compiled/service_at_location.json",
    hsds.LOCATIONS: "location.json",
    hsds.TAXONOMIES: "taxonomy.json",
    hsds.TAXONOMY_TERMS: "taxonomy_term.json",
}
VERWIJZING_NAAR = {
    "organization_id": hsds.ORGANIZATIONS,
    "service_id": hsds.SERVICES,
    "location_id": hsds.LOCATIONS,
    "service_at_location_id": hsds.SERVICE_AT_LOCATIONS,
    "taxonomy_term_id": hsds.TAXONOMY_TERMS,
    "parent_id": hsds.TAXONOMY_TERMS,
    "taxonomy_id": hsds.TAXONOMIES,
}
LINK_ENTITY = {"service": hsds.SERVICES, "organization": hsds.ORGANIZATIONS}


# -- the schemas ----------------------------------------------------------------------------


def _streng(schema: Any) -> Any:
    """The schema (changed in place) with every object closed and the datapackage date/time types checked."""
    if isinstance(schema, list):
        for s in schema:
            _streng(s)
    if not isinstance(schema, dict):
        return schema
    for waarde in schema.values():
        _streng(waarde)  # also each schema under "properties" (the dict of them is no schema itself)
    if isinstance(schema.get("properties"), dict):
        schema["additionalProperties"] = False
    soort = schema.get("datapackage_type")
    if soort == "date" and "format" not in schema:
        schema["format"] = "date"
    elif soort == "datetime":
        schema["format"] = "date-time"
    elif soort == "time":
        schema["pattern"] = r"^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$|^24:00:00$"  # local time, see hsds.py
    return schema


@pytest.fixture(scope="module")
def validators() -> dict[str, Draft202012Validator]:
    return _validators()


def _validators() -> dict[str, Draft202012Validator]:
    if not SCHEMAS.is_dir():
        pytest.fail(
            f"de HSDS-schema's ontbreken: verwacht in {SCHEMAS} (de map shared/hsds naast de repository); "
            "zonder die map kan de HSDS-export niet worden gecontroleerd"
        )
    resources = []
    for pad in sorted(SCHEMAS.glob("*.json")):
        if pad.name != "openapi.json":
            inhoud = _streng(json.loads(pad.read_text(encoding="utf-8")))
            resources.append((pad.name, Resource.from_contents(inhoud, default_specification=DRAFT202012)))
    registry = Registry().with_resources(resources)
    uit = {}
    for bestand, schema in SCHEMA_VAN.items():
        inhoud = _streng(json.loads((SCHEMAS / schema).read_text(encoding="utf-8")))
        lijst = {"type": "array", "items": inhoud}
        uit[bestand] = Draft202012Validator(lijst, registry=registry, format_checker=FormatChecker())
    return uit


def test_strenge_schemas_vangen_fouten(validators):
    """The stricter schemas do catch what the published ones let through."""
    goed = {"id": str(uuid.uuid4()), "name": "Naam", "status": "active"}
    assert not list(validators[hsds.SERVICES].iter_errors([goed]))
    for fout in (
        {**goed, "naem": "tikfout"},
        {**goed, "id": "geen-uuid"},
        {**goed, "url": "geen adres"},
        {**goed, "email": "geen-email"},
        {**goed, "assured_date": "29-11-2026"},
        {**goed, "status": "actief"},
        {**goed, "schedules": [{"id": goed["id"], "opens_at": "9 uur"}]},
    ):
        assert list(validators[hsds.SERVICES].iter_errors([fout])), fout


# -- the exports ------------------------------------------------------------------------------


def _gegevens(cat: Catalogus, site_url: str = SITE_URL) -> dict[str, list[dict]]:
    """The export as written (the JSON text, parsed), by file name."""
    bestanden = hsds.bestanden(cat, site_url)
    assert all(pad.startswith(adressen.HSDS) for pad in bestanden)
    return {pad.removeprefix(adressen.HSDS): json.loads(tekst) for pad, tekst in bestanden.items()}


def _laad(data: Path, editie: str) -> Catalogus:
    cat, problemen = laad_catalogus(data, editie=editie, vandaag=VANDAAG)
    assert not problemen.fouten, [str(p) for p in problemen.fouten]
    return cat


@pytest.fixture(scope="module")
def catalogi() -> dict[str, Catalogus]:
    """The sample data, once per edition."""
    return {editie: _laad(ROOT / "data", editie) for editie in EDITIES}


@pytest.fixture(scope="module")
def exports(catalogi) -> dict[str, dict[str, list[dict]]]:
    return {editie: _gegevens(cat) for editie, cat in catalogi.items()}


@pytest.fixture(scope="module")
def varianten(tmp_path_factory) -> dict[str, Catalogus]:
    """A copy of the sample data with what it lacks: a location with an address, opening hours,
    accessibility, phone and e-mail (the schema's own made-up examples), and every status."""
    data = tmp_path_factory.mktemp("hsds") / "data"
    shutil.copytree(ROOT / "data", data)
    v = data / "voorzieningen"
    wijzig(
        v / "meubeldepot.yml",
        contact={"telefoon": "053 000 00 00", "email": "info@organisatie.example"},
        talen=["nl", "ar"],
        leeftijd={"van": 18, "tot": 27},
        locaties=[
            {"naam": "Depot", "plaats": "Enschede"},  # no address: no HSDS address (it needs all three)
            {
                "naam": "Wijkcentrum",
                "adres": "Voorbeeldstraat 1",
                "postcode": "7511 AB",
                "plaats": "Enschede",
                "coordinaten": [52.2067, 6.8762],
                "toegankelijkheid": ["rolstoeltoegankelijk", "lift"],
                "op_afspraak": True,
                "openingstijden": [
                    {"dagen": ["wo", "ma"], "van": "09:00", "tot": "12:30"},
                    {"dagen": ["vr"], "van": "13:00", "tot": "17:00"},
                ],
            },
        ],
    )
    wijzig(
        v / "meubeldepot.yml",
        intern={"verwijsinformatie": f"Geheim {MARKER_INTERN_VELD}"},
        onbevestigd={"toegang": f"Afgeleid {MARKER_REDEN}."},
    )
    wijzig(v / "abc-team.yml", samenvatting=f"Alleen intern {MARKER_INTERN_RECORD}.", zichtbaarheid="intern")
    wijzig(data / "organisaties/de-luisterlijn.yml", zichtbaarheid="intern")
    wijzig(v / "budgetbuddy.yml", status="gestopt")
    wijzig(v / "kies-training.yml", geldig_tot="2026-01-01")
    wijzig(v / "jeugdwerk-online.yml", status="tijdelijk-gesloten")
    return {editie: _laad(data, editie) for editie in EDITIES}


@pytest.fixture(scope="module")
def varianten_exports(varianten) -> dict[str, dict[str, list[dict]]]:
    return {editie: _gegevens(cat) for editie, cat in varianten.items()}


def _id(ref: str) -> str:
    return str(uuid.uuid5(hsds.NAMESPACE, ref))


def _service(export: dict[str, list[dict]], ref: str) -> dict:
    (service,) = [s for s in export[hsds.SERVICES] if s["id"] == _id(ref)]
    return service


def _objecten(waarde: Any) -> Iterator[dict]:
    """Every object in a JSON value, nested ones too."""
    if isinstance(waarde, dict):
        yield waarde
        for v in waarde.values():
            yield from _objecten(v)
    elif isinstance(waarde, list):
        for v in waarde:
            yield from _objecten(v)


def _teksten(waarde: Any) -> Iterator[str]:
    if isinstance(waarde, str):
        yield waarde
    elif isinstance(waarde, dict):
        for v in waarde.values():
            yield from _teksten(v)
    elif isinstance(waarde, list):
        for v in waarde:
            yield from _teksten(v)


# -- validation -------------------------------------------------------------------------------


@pytest.mark.parametrize("soort", ["voorbeeld", "varianten"])
@pytest.mark.parametrize("editie", EDITIES)
def test_elk_bestand_valideert(validators, exports, varianten_exports, soort, editie):
    export = (exports if soort == "voorbeeld" else varianten_exports)[editie]
    assert set(export) == set(SCHEMA_VAN) == {naam for naam, _ in hsds.BESCHRIJVING}
    for naam, lijst in export.items():
        assert lijst, f"{naam} is leeg"
        fouten = [f"{naam}{list(f.absolute_path)}: {f.message}" for f in validators[naam].iter_errors(lijst)]
        assert not fouten, "\n".join(fouten[:20])


def test_beschrijving_per_bestand():
    for naam, zin in hsds.BESCHRIJVING:
        assert naam.endswith(".json") and zin.endswith(".") and len(zin) < 160


def test_zonder_site_url_de_website_als_url(catalogi, validators):
    export = _gegevens(catalogi["publiek"], site_url="")
    assert not list(validators[hsds.SERVICES].iter_errors(export[hsds.SERVICES]))
    for v in catalogi["publiek"].voorzieningen:
        assert _service(export, v.ref).get("url") == v.contact.get("website")
    assert not any("term_uri" in t for t in export[hsds.TAXONOMY_TERMS])


# -- ids and references -------------------------------------------------------------------


def test_ids_stabiel_en_uniek(catalogi, exports):
    cat = catalogi["publiek"]
    assert hsds.bestanden(cat, SITE_URL) == hsds.bestanden(cat, SITE_URL)
    opnieuw = _laad(ROOT / "data", "publiek")  # loaded again: the ids do not depend on the run
    assert hsds.bestanden(opnieuw, SITE_URL) == hsds.bestanden(cat, SITE_URL)
    for editie, export in exports.items():
        for naam, lijst in export.items():
            ids = [o["id"] for o in lijst]
            assert len(ids) == len(set(ids)), f"{editie} {naam}: dubbele id"
        # An id names one thing: wherever objects with that id appear (nested, or as a summary in
        # an organization's services), their plain fields agree.
        per_id: dict[str, dict] = {}
        for obj in _objecten(list(export.values())):
            velden = {k: v for k, v in obj.items() if not isinstance(v, (list, dict))}
            eerder = per_id.setdefault(obj["id"], velden)
            gedeeld = velden.keys() & eerder.keys()
            assert {k: velden[k] for k in gedeeld} == {k: eerder[k] for k in gedeeld}, f"{editie}: id {obj['id']} voor twee dingen"
            eerder.update(velden)


def test_dezelfde_ids_in_beide_edities(exports):
    intern = {s["id"]: s["name"] for s in exports["intern"][hsds.SERVICES]}
    for s in exports["publiek"][hsds.SERVICES]:
        assert intern[s["id"]] == s["name"]


@pytest.mark.parametrize("editie", EDITIES)
def test_elke_verwijzing_bestaat(exports, varianten_exports, editie):
    for export in (exports[editie], varianten_exports[editie]):
        ids = {naam: {o["id"] for o in lijst} for naam, lijst in export.items()}
        aantal = 0
        for obj in _objecten(list(export.values())):
            for veld, doel in VERWIJZING_NAAR.items():
                if veld in obj:
                    aantal += 1
                    assert obj[veld] in ids[doel], f"{veld} {obj[veld]} staat niet in {doel}"
            if "link_id" in obj:
                assert obj["link_id"] in ids[LINK_ENTITY[obj["link_entity"]]]
        assert aantal > 100


# -- mapping ----------------------------------------------------------------------------------


def test_openingstijden_als_schedules(varianten, varianten_exports):
    export = varianten_exports["publiek"]
    service = _service(export, "voorzieningen/meubeldepot")
    depot, wijkcentrum = service["service_at_locations"]  # in the order of the data
    assert depot["location"]["name"] == "Depot" and "schedules" not in depot and "addresses" not in depot["location"]
    assert wijkcentrum["location"]["name"] == "Wijkcentrum"
    schedules = [{k: v for k, v in s.items() if k != "id"} for s in wijkcentrum["schedules"]]
    assert schedules == [
        {
            "service_at_location_id": wijkcentrum["id"],
            "freq": "WEEKLY",
            "byday": "MO,WE",
            "opens_at": "09:00:00",
            "closes_at": "12:30:00",
            "description": "Maandag en woensdag van 09:00 tot 12:30 uur (Nederlandse tijd).",
            "attending_type": "alleen op afspraak",
        },
        {
            "service_at_location_id": wijkcentrum["id"],
            "freq": "WEEKLY",
            "byday": "FR",
            "opens_at": "13:00:00",
            "closes_at": "17:00:00",
            "description": "Vrijdag van 13:00 tot 17:00 uur (Nederlandse tijd).",
            "attending_type": "alleen op afspraak",
        },
    ]
    assert wijkcentrum["description"] == "Alleen op afspraak."
    locatie = wijkcentrum["location"]
    assert (locatie["latitude"], locatie["longitude"]) == (52.2067, 6.8762)
    (adres,) = locatie["addresses"]
    assert {k: v for k, v in adres.items() if k not in ("id", "location_id")} == {
        "address_1": "Voorbeeldstraat 1",
        "postal_code": "7511 AB",
        "city": "Enschede",
        "state_province": "Overijssel",
        "country": "NL",
        "address_type": "physical",
    }
    assert [a["description"] for a in locatie["accessibility"]] == [
        "Het gebouw is toegankelijk met een rolstoel.",
        "Er is een lift.",
    ]
    # the same objects in the flat files
    assert wijkcentrum in export[hsds.SERVICE_AT_LOCATIONS]
    assert locatie in export[hsds.LOCATIONS]
    # contact, languages, ages
    assert service["email"] == "info@organisatie.example"
    assert [p["number"] for p in service["phones"]] == ["053 000 00 00"]
    assert [(t["code"], t["name"]) for t in service["languages"]] == [("nl", TALEN["nl"]), ("ar", "Arabisch")]
    assert (service["minimum_age"], service["maximum_age"]) == (18, 27)


def test_locatie_ids_volgen_de_plek_niet_de_volgorde(varianten):
    cat = varianten["publiek"]
    voor = {sal["location"]["name"]: sal["location"]["id"] for sal in _gegevens(cat)[hsds.SERVICE_AT_LOCATIONS]}
    v = cat.records["voorzieningen"]["meubeldepot"]
    omgedraaid = copy.copy(v)
    omgedraaid.locaties = list(reversed(v.locaties))
    cat2 = copy.copy(cat)
    cat2.records = {**cat.records, "voorzieningen": {**cat.records["voorzieningen"], "meubeldepot": omgedraaid}}
    na = {sal["location"]["name"]: sal["location"]["id"] for sal in _gegevens(cat2)[hsds.SERVICE_AT_LOCATIONS]}
    assert voor == na


def test_status(varianten_exports):
    intern = varianten_exports["intern"]
    verwacht = {
        "voorzieningen/budgetbuddy": "defunct",  # gestopt
        "voorzieningen/kies-training": "inactive",  # past geldig_tot
        "voorzieningen/jeugdwerk-online": "temporarily closed",
        "voorzieningen/meubeldepot": "active",
    }
    for ref, status in verwacht.items():
        assert _service(intern, ref)["status"] == status
    assert {s["status"] for s in intern[hsds.SERVICES]} == set(verwacht.values())
    # publiek: only what has a page there, so nothing that stopped or expired
    publiek = {s["id"] for s in varianten_exports["publiek"][hsds.SERVICES]}
    assert _id("voorzieningen/budgetbuddy") not in publiek and _id("voorzieningen/kies-training") not in publiek
    assert _id("voorzieningen/jeugdwerk-online") in publiek
    organisaties = varianten_exports["publiek"][hsds.ORGANIZATIONS]
    assert all(s["id"] in publiek for o in organisaties for s in o["services"])


def test_assured_date_en_velden(catalogi, exports):
    cat, export = catalogi["intern"], exports["intern"]
    for v in cat.soort_alle("voorzieningen"):
        service = _service(export, v.ref)
        assert service["assured_date"] == v.beheer["laatst_gecontroleerd"]
        assert service["url"] == SITE_URL + adressen.adres(v)
        assert service["name"] == v.naam and service["description"].startswith(v.samenvatting)
        gebieden = [a["name"] for a in service.get("service_areas", [])]
        if v.stedelijk:
            assert gebieden == ["Enschede"]
        else:
            assert gebieden == [(cat.gebieden.wijken.get(c) or cat.gebieden.buurten[c]).naam for c in v.gebiedcodes]
        termen = {(a["link_type"], a["taxonomy_term"]["code"]) for a in service["attributes"]}
        assert termen >= {("thema", t) for t in v.themas} | {("doelgroep", d) for d in v.doelgroepen}
        assert {code for soort, code in termen if soort == "onbevestigd"} <= set(v.onbevestigd)
        if v.kosten:
            assert "fees_description" in service
        labels = [cat.taxonomie.doelgroepen[d].label for d in v.doelgroepen]
        assert service.get("eligibility_description") == (f"Voor: {'; '.join(labels)}." if labels else None)
    # a subthema's term points to its hoofdthema
    termen = {t["code"]: t for t in export[hsds.TAXONOMY_TERMS]}
    for code, term in termen.items():
        ouder = cat.taxonomie.themas[code].ouder if code in cat.taxonomie.themas else None
        if ouder:
            assert term["parent_id"] == termen[ouder]["id"]
    assert [t["name"] for t in export[hsds.TAXONOMIES]] == ["Thema's", "Doelgroepen", "Nog niet bevestigd"]


# -- editions ---------------------------------------------------------------------------------


def _normaal(tekst: str) -> str:
    return " ".join(tekst.split())


@pytest.mark.parametrize("editie", EDITIES)
def test_nooit_intern(catalogi, exports, editie):
    """No intern: field and no reason under onbevestigd: of any record in the data, in either edition."""
    verborgen = [
        _normaal(str(waarde))
        for soort in catalogi["intern"].records
        for record in catalogi["intern"].soort_alle(soort)
        for waarde in [*record.intern.values(), *record.onbevestigd.values()]
    ]
    assert len(verborgen) > 50
    teksten = _normaal(" | ".join(_teksten(list(exports[editie].values()))))
    assert not [t for t in verborgen if t in teksten]


def test_nooit_intern_markeringen(varianten_exports):
    for editie, export in varianten_exports.items():
        tekst = json.dumps(export, ensure_ascii=False)
        assert MARKER_INTERN_VELD not in tekst and MARKER_REDEN not in tekst, editie
        assert (MARKER_INTERN_RECORD in tekst) == (editie == "intern")
        # the unconfirmed value itself is marked, as on the site
        attributen = _service(export, "voorzieningen/meubeldepot")["attributes"]
        assert [a["taxonomy_term"]["code"] for a in attributen if a["link_type"] == "onbevestigd"] == ["toegang"]


def test_publiek_alleen_publieke_records(catalogi, exports):
    intern, export = catalogi["intern"], exports["publiek"]
    verborgen = [v for v in intern.soort_alle("voorzieningen") if v.zichtbaarheid == "intern"]
    assert verborgen
    ids = {s["id"] for s in export[hsds.SERVICES]}
    assert ids == {_id(v.ref) for v in catalogi["publiek"].voorzieningen}
    assert not ids & {_id(v.ref) for v in verborgen}
    teksten = "\n".join(_teksten(list(export.values())))
    assert not [v.naam for v in verborgen if v.naam in teksten]


def test_publiek_geen_verwijzing_naar_interne_organisatie(varianten_exports):
    luisterlijn = _id("organisaties/de-luisterlijn")  # intern in the varianten, its voorziening publiek
    assert luisterlijn not in json.dumps(varianten_exports["publiek"])
    service = _service(varianten_exports["publiek"], "voorzieningen/de-luisterlijn")
    assert "organization_id" not in service and "organization" not in service
    assert _service(varianten_exports["intern"], "voorzieningen/de-luisterlijn")["organization_id"] == luisterlijn
