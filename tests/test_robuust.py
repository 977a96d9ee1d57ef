"""No input crashes the validator: every field replaced by every awkward value.

For a complete voorziening, methodiek, werkinstructie and team (every field filled in),
each field at the top level, one level down and inside the first list item is
replaced, one at a time, by each value in WAARDEN (for a team only its own fields:
the shared ones are varied in the other kinds). All variants (about 1,500 files) go
into one copy of the project together with the ten-mistake file, and:

* the core checks them in-process: no exception; every problem is located inside
  its file; every message is Dutch; every rejected variant has a message on the
  lines of the value that was replaced; values no field accepts are rejected;
  the ten-mistake file still gets exactly its own ten messages; the validated
  part of every file fits its schema (only required fields may be missing);
* ``wijkportaal validate`` and ``mkdocs build`` run once on the same folder:
  located messages, no traceback, nothing built;
* every accepted variant is rendered by the core into its page, and so is the
  valid part of every variant (what the live preview shows while data has errors).

Positions are looked up with PyYAML's own node marks, independent of the loader
under test.
"""

from __future__ import annotations

import copy
import re
from html.parser import HTMLParser
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from conftest import BIN, VOORBEELDEN, draai, kopieer_project, mkdocs, png_1x1, wijkportaal
from wijkportaal.adressen import adres, overzicht
from wijkportaal.catalogus import laad_catalogus
from wijkportaal.laden import laad_yaml
from wijkportaal.paginas import Paginamaker, overzichten
from wijkportaal.problemen import Problemen
from wijkportaal.schema import controleer_schema
from wijkportaal.soorten import SOORTEN

WAARDEN = {
    "null": None,
    "getal": 42,
    "boolean": True,
    "tekst": "zomaar tekst",
    "lege-tekst": "",
    "lege-lijst": [],
    "lege-mapping": {},
    "gemengde-lijst": [1, "twee", None, [3], {"vier": 4}],
    "lijst-van-mappings": [{"a": 1}, {"b": [2]}],
    "onmogelijke-datum": "2024-02-30",
    "html": '<script>alert("x")</script><b onmouseover="alert(1)">vet</b>',
}
NOOIT_GELDIG = {"null", "gemengde-lijst", "lijst-van-mappings"}  # no field accepts these
DATUMVELDEN = {("geldig_tot",), ("beheer", "laatst_gecontroleerd"), ("vastgesteld_op",), ("herzien_voor",)}

BEHEER = {"organisatie": "smd-enschede-haaksbergen", "laatst_gecontroleerd": "2026-06-01", "gecontroleerd_door": "Proefteam"}
GEDEELD = {
    "id": "",  # filled in per file
    "beschrijving": "Een **fictief** record voor de robuustheidstest.\n\n- een\n- twee\n",
    "themas": ["schulden"],
    "zichtbaarheid": "publiek",
    "status": "actief",
    "geldig_tot": "2030-01-01",
    "beheer": BEHEER,
    "bron": "Verzonnen voor de tests",
    "gerelateerd": ["voorzieningen/meubeldepot"],
    "intern": {"notities": "Alleen voor de test."},
}
BASIS = {
    "voorzieningen": {
        "naam": "Proefvoorziening",
        "samenvatting": "Een fictieve voorziening.",
        **GEDEELD,
        "organisatie": "smd-enschede-haaksbergen",
        "doelgroepen": ["alle-inwoners"],
        "leeftijd": {"van": 18, "tot": 99},
        "gebied": ["WK015302"],
        "toegang": "vrij",
        "aanmelden": "Loop binnen.",
        "kosten": "gratis",
        "kosten_toelichting": "Niets.",
        "kanalen": ["fysiek"],
        "contact": {"telefoon": "14053", "email": "proef@example.org", "website": "https://example.org"},
        "onbevestigd": {"kosten": "Proef: afgeleid, niet bevestigd."},
        "talen": ["nl"],
        "import": {"bron": "Proefbron", "sleutel": "PROEF-1"},
        "locaties": [
            {
                "naam": "Proeflocatie",
                "adres": "Proefstraat 1",
                "postcode": "7500 AA",
                "plaats": "Enschede",
                "coordinaten": [52.2067, 6.8762],
                "coordinaten_bij_benadering": True,
                "toegankelijkheid": ["lift"],
                "openingstijden": [{"dagen": ["ma"], "van": "09:00", "tot": "12:00"}],
                "op_afspraak": False,
                "openingstijden_toelichting": "Niet op feestdagen.",
            }
        ],
    },
    "methodieken": {
        "naam": "Proefmethodiek",
        "samenvatting": "Een fictieve methodiek.",
        **GEDEELD,
        "doel": "Testen.",
        "doelgroepen": ["alle-inwoners"],
        "onderbouwing": "praktijkervaring",
        "werkwijze": "Zo.",
        "training": "Geen.",
        "bronnen": [{"titel": "Een bron", "url": "https://example.org/bron"}],
        "onbevestigd": {"onderbouwing": "Proef: niet bevestigd."},
        "eigenaar": "Proefteam",
    },
    "werkinstructies": {
        "naam": "Proefinstructie",
        "samenvatting": "Een fictieve werkinstructie.",
        **GEDEELD,
        "proces": "samenwerking",
        "wettelijk_kader": ["wmo"],
        "stappen": [{"titel": "Eerste stap", "beschrijving": "Doe iets.", "rol": "wijkcoach"}],
        "vaststelling": "vastgesteld",
        "versie": "1.0",
        "vastgesteld_op": "2026-01-01",
        "onbevestigd": {"herzien_voor": "Proef: niet bevestigd."},
        "herzien_voor": "2027-01-01",
        "eigenaar": "Proefteam",
    },
    "teams": {
        "naam": "Proefteam",
        "samenvatting": "Een fictief team.",
        **GEDEELD,
        "zichtbaarheid": "intern",  # a team is for staff only
        "soort_team": "wijkteam",
        "stadsdeel": "west",
        "werkgebied": ["BU01530201"],
        "methodieken": ["kies"],
        "bereikbaarheid": "Via de frontoffice.",
        "contact": {"website": "https://example.org"},
        "onbevestigd": {"werkgebied": "Proef: niet bevestigd."},
        "mensen": [
            {
                "naam": "Proefpersoon", "rol": "wijkcoach", "expertise": "KIES", "toestemming": "2026-01-05",
                "foto": "proef.png", "foto_toestemming": "2026-01-05",
            }  # fmt: skip
        ],
    },
    "vragen": {
        "naam": "Wat is een proefvraag?",
        "samenvatting": "Een fictieve vraag.",
        **GEDEELD,
        "zichtbaarheid": "publiek",
        "antwoord": "Een **antwoord** met het Meubeldepot erin.",
        "doelgroepen": ["alle-inwoners"],
        "onbevestigd": {"antwoord": "Proef: niet bevestigd."},
    },
    "ontwikkelingen": {
        "naam": "Een proefontwikkeling",
        "samenvatting": "Een fictieve ontwikkeling.",
        **GEDEELD,
        "zichtbaarheid": "intern",  # an ontwikkeling is for staff only
        "datum": "2024-07",
        "soort_ontwikkeling": "pilot",
        "betreft": ["voorzieningen/meubeldepot"],
        "onbevestigd": {"datum": "Proef: niet bevestigd."},
    },
}

# The shared fields are varied in the first three kinds; later kinds vary only their own
# fields (and zichtbaarheid, which a staff-only kind checks itself), to keep the test quick.
GEDEELDE_VELDEN = (set(GEDEELD) | {"naam", "samenvatting", "onbevestigd"}) - {"zichtbaarheid"}
ALLEEN_EIGEN_VELDEN = {"teams", "vragen", "ontwikkelingen"}

ENGELS = re.compile(
    r"\b(is not|does not|should|expected|Additional properties|Failed validating|is too (long|short)|"
    r"non-empty|unexpected|Traceback|Error|is a required property)\b"
)


def paden(data) -> list[tuple]:
    """Every field at the top level, one level down, and inside the first list item."""
    uit = []
    for sleutel, waarde in data.items():
        uit.append((sleutel,))
        if isinstance(waarde, dict):
            uit += [(sleutel, k) for k in waarde]
        if isinstance(waarde, list) and waarde:
            uit.append((sleutel, 0))
            if isinstance(waarde[0], dict):
                uit += [(sleutel, 0, k) for k in waarde[0]]
    return uit


def te_varieren(soort: str) -> list[tuple]:
    gedeeld = GEDEELDE_VELDEN if soort in ALLEEN_EIGEN_VELDEN else set()
    return [p for p in paden(BASIS[soort]) if p[0] not in gedeeld]


def zet(data, pad: tuple, waarde) -> None:
    for deel in pad[:-1]:
        data = data[deel]
    data[pad[-1]] = copy.deepcopy(waarde)


@dataclass
class Variant:
    soort: str
    id: str
    pad: tuple
    waarde: str

    @property
    def bestand(self) -> str:
        return f"data/{self.soort}/{self.id}.yml"


def _foto(data: Path) -> None:
    """The photo the base team names (its person consented to it)."""
    (data / "teams/fotos").mkdir(parents=True, exist_ok=True)
    (data / "teams/fotos/proef.png").write_bytes(png_1x1())


def adres_van(v: Variant) -> str:
    return f"{overzicht(v.soort)}{v.id}/"


def knoopregels(tekst: str, pad: tuple) -> tuple[int, int]:
    """First and last line (1-based) of the key and value at ``pad``, from PyYAML's marks."""
    knoop, begin = yaml.compose(tekst), None
    for deel in pad:
        if isinstance(deel, int):
            knoop = knoop.value[deel]
            begin = begin or knoop.start_mark.line
        else:
            sleutel, knoop = next((k, v) for k, v in knoop.value if k.value == deel)
            begin = sleutel.start_mark.line
    eind = knoop.end_mark.line - (1 if knoop.end_mark.column == 0 else 0)
    return begin + 1, max(begin, eind) + 1


@dataclass
class Proef:
    project: Path
    varianten: list[Variant]
    problemen: list
    tien_fouten: set[str]
    catalogus: object  # the catalogue of all variants (with errors): what the live preview shows


@pytest.fixture(scope="module")
def proef(tmp_path_factory) -> Proef:
    project = kopieer_project(tmp_path_factory.mktemp("robuust") / "project")
    data = project / "data"
    _foto(data)
    varianten = []
    for soort, basis in BASIS.items():
        for i, pad in enumerate(te_varieren(soort)):
            for naam, waarde in WAARDEN.items():
                id_ = f"proef-{soort[:4]}-{i:02d}-{naam}"
                record = copy.deepcopy(basis)
                record["id"] = id_
                record["naam"] = f"{basis['naam']} {i} {naam}"  # no accidental duplicates
                zet(record, pad, waarde)
                (data / soort / f"{id_}.yml").write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False))
                varianten.append(Variant(soort, id_, pad, naam))
    # the ten mistakes on their own, then among all the variants
    shutil.copy(VOORBEELDEN / "tien-fouten.yml", data / "voorzieningen/tien-fouten.yml")
    alleen = kopieer_project(tmp_path_factory.mktemp("tien") / "project")
    shutil.copy(VOORBEELDEN / "tien-fouten.yml", alleen / "data/voorzieningen/tien-fouten.yml")
    _, tien = laad_catalogus(alleen / "data", basis=alleen)
    catalogus, problemen = laad_catalogus(data, basis=project)
    return Proef(project, varianten, list(problemen), {str(p) for p in tien}, catalogus)


def test_every_field_is_varied(proef: Proef):
    for soort in BASIS:
        gevarieerd = {v.pad for v in proef.varianten if v.soort == soort}
        velden = set(SOORTEN[soort].schema["properties"])
        if soort in ALLEEN_EIGEN_VELDEN:
            velden -= GEDEELDE_VELDEN
        assert velden <= {p[0] for p in gevarieerd}, soort
        assert any(len(p) == 3 for p in gevarieerd) or soort in {"methodieken", "vragen", "ontwikkelingen"}
    assert len(proef.varianten) > 1000


def test_the_base_records_are_valid(tmp_path: Path):
    project = kopieer_project(tmp_path / "project")
    _foto(project / "data")
    for soort, basis in BASIS.items():
        record = {**basis, "id": "proef-basis"}
        (project / "data" / soort / "proef-basis.yml").write_text(yaml.safe_dump(record, allow_unicode=True))
    _, problemen = laad_catalogus(project / "data", basis=project)
    assert list(problemen) == []


def test_other_files_keep_all_their_problems(proef: Proef):
    gevonden = {str(p) for p in proef.problemen if p.pad == "data/voorzieningen/tien-fouten.yml"}
    assert len(proef.tien_fouten) == 10
    assert gevonden == proef.tien_fouten
    echte = {p.pad for p in proef.problemen if not Path(p.pad).name.startswith(("proef-", "tien-fouten"))}
    assert echte == set(), "de voorbeelddata kreeg meldingen door de proefbestanden"


def test_every_problem_is_located_and_dutch(proef: Proef):
    regels = {}
    for p in proef.problemen:
        if p.pad not in regels:
            regels[p.pad] = len((proef.project / p.pad).read_text(encoding="utf-8").splitlines())
        assert 1 <= p.regel <= regels[p.pad] and p.kolom >= 1, str(p)
        assert not ENGELS.search(p.bericht), f"Engelse melding: {p}"


def test_every_rejected_variant_has_a_message_at_the_value(proef: Proef):
    per_bestand: dict[str, list] = {}
    for p in proef.problemen:
        if p.is_fout:
            per_bestand.setdefault(p.pad, []).append(p)
    zonder = []
    for v in proef.varianten:
        fouten = per_bestand.get(v.bestand, [])
        verwacht_fout = (
            v.waarde in NOOIT_GELDIG
            or (v.pad in DATUMVELDEN and v.waarde != "lege-mapping")
            or (v.waarde == "lege-mapping" and not isinstance(_basiswaarde(v), dict))
        )
        if verwacht_fout:
            assert fouten, f"{v.bestand}: {v.pad} = {v.waarde} is ten onrechte goedgekeurd"
        if fouten:
            tekst = (proef.project / v.bestand).read_text(encoding="utf-8")
            eerste, laatste = knoopregels(tekst, v.pad)
            if not any(eerste <= f.regel <= laatste for f in fouten):
                zonder.append(f"{v.bestand} ({'.'.join(map(str, v.pad))}, regels {eerste}-{laatste}): {fouten}")
    assert not zonder, "\n".join(zonder[:20])


def _basiswaarde(v: Variant):
    data = BASIS[v.soort]
    for deel in v.pad:
        data = data[deel]
    return data


def test_validated_part_fits_the_schema(proef: Proef):
    """What the checks and pages get never breaks the schema, except a missing required field."""
    for v in proef.varianten:
        problemen = Problemen()
        bestand = laad_yaml(proef.project / v.bestand, problemen)
        soort = SOORTEN[v.soort]
        zoals_geschreven = copy.deepcopy(bestand.data)
        geldig = controleer_schema(bestand, soort.schema, problemen, soort.validator)
        assert bestand.data == zoals_geschreven, f"{v.bestand}: de controle veranderde de gegevens zelf"
        rest = [f for f in soort.validator.iter_errors(geldig) if f.validator != "required"]
        assert not rest, f"{v.bestand}: {[f.message for f in rest]}"


def test_validate_command_on_all_variants(proef: Proef):
    # in two processes (wijkportaal.parallel, as for a large data folder): the same messages, in the
    # same order, as the in-process (one process) load of the fixture
    uit = draai(BIN / "wijkportaal", "validate", "data", cwd=proef.project, env={"WIJKPORTAAL_PARALLEL": "1"})
    assert uit.code == 1
    assert "Traceback" not in uit.uitvoer
    *meldingen, slot = uit.regels
    assert all(re.match(r"^data/[^:]+:\d+:\d+: (fout|waarschuwing): ", r) for r in meldingen), uit.uitvoer[:2000]
    assert meldingen == [str(p) for p in proef.problemen]
    assert slot.startswith("Gevonden: ")


def test_mkdocs_build_on_all_variants_fails_cleanly(proef: Proef):
    uit = mkdocs("build", "-d", "site", cwd=proef.project)
    assert uit.code != 0
    assert "Traceback" not in uit.uitvoer
    assert "De site is niet gebouwd" in uit.uitvoer
    assert not (proef.project / "site").exists()


def test_accepted_variants_render(proef: Proef, tmp_path: Path):
    met_fout = {p.pad for p in proef.problemen if p.is_fout}
    goed = [v for v in proef.varianten if v.bestand not in met_fout]
    assert len(goed) > 100
    project = kopieer_project(tmp_path / "project")
    _foto(project / "data")
    for v in goed:
        shutil.copy(proef.project / v.bestand, project / v.bestand)
    catalogus, problemen = laad_catalogus(project / "data", basis=project)
    assert not problemen.fouten, problemen.fouten[:5]
    maker = Paginamaker(catalogus)
    records = {adres(r): r for r in catalogus.met_pagina()}
    for v in goed:
        pagina = maker.recordpagina(records[adres_van(v)])
        assert f'data-ref="{v.soort}/{v.id}"' in pagina.html
        assert not _actieve_html(pagina.html), f"{v.bestand}: {_actieve_html(pagina.html)}"


class _Zoeker(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.gevonden: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and not dict(attrs).get("type") == "application/json" and "alert" in self.rawdata:
            pass  # the map's own scripts; payload scripts are caught by the text check below
        for naam, _ in attrs:
            if naam.startswith("on"):
                self.gevonden.append(f"<{tag} {naam}>")

    def handle_data(self, data):
        if self.lasttag == "script" and 'alert("x")' in data:
            self.gevonden.append("script met de payload")


def _actieve_html(tekst: str) -> list[str]:
    """Event attributes or the payload as a script: the HTML value did more than show as text."""
    zoeker = _Zoeker()
    zoeker.feed(tekst)
    return zoeker.gevonden


def test_the_valid_part_of_every_variant_renders(proef: Proef):
    """The live preview shows data with errors (minus the wrong values): that must render too.
    (The intern edition: it has every page and every field the publiek one has.)"""
    assert [p for p in proef.problemen if p.is_fout]
    maker = Paginamaker(proef.catalogus)
    records = {adres(r): r for r in proef.catalogus.met_pagina()}
    paginas = {url: maker.recordpagina(r) for url, r in records.items() if "/proef-" in url}
    assert list(overzichten.paginas(maker.weergave))  # the overviews list them all too
    getoond = [v for v in proef.varianten if adres_van(v) in paginas]
    assert len(getoond) > 900
    for v in getoond:
        assert not _actieve_html(paginas[adres_van(v)].html), v.bestand


def test_the_quick_schema_check_agrees_with_jsonschema_on_every_variant(proef: Proef):
    """schema.snel_geldig (fastjsonschema) lets a valid file skip jsonschema: on every variant,
    valid or not, both must give the same verdict (also on dates: jsonschema's formats are used)."""
    from wijkportaal.schema import getallen_als_tekst, snel_geldig

    oordelen = {True: 0, False: 0}
    for v in proef.varianten:
        soort = SOORTEN[v.soort]
        bestand = laad_yaml(proef.project / v.bestand, Problemen())
        if bestand is None or not isinstance(bestand.data, dict):
            continue
        data = getallen_als_tekst(bestand.data, soort.schema, bestand)
        geldig = not any(True for _ in soort.validator.iter_errors(data))
        assert snel_geldig(soort.schema)(data) == geldig, (v.bestand, v.pad, v.waarde)
        oordelen[geldig] += 1
    assert oordelen[True] > 200 and oordelen[False] > 1000, oordelen
