"""``wijkportaal nieuw``: a new record file with every required field, ready to fill in.

The file starts with the schema line editors read, then the fields of the kind in
groups (the order of :data:`INDELING`). Each field gets its Dutch description as a
``##`` comment. Required fields are written live: known values (naam, organisatie,
beheer, today's date; ``vaststelling: concept`` for a werkinstructie) as they are,
everything the partner must write or choose as a placeholder starting with
``VUL IN``. The validator warns at every placeholder (see ``schema.controleer_invulling``):
``wijkportaal validate`` passes on a fresh file, the strict build of a pull request
does not, so nothing made up can go live. Optional fields are commented-out
examples (``# veld: waarde``) taken from the schema's ``examples``, so they never drift
from what the validator accepts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import re
import textwrap
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

from .schema import ID_PATROON, INVULLEN, eerste_voorbeeld, is_invulplek
from .soorten import SOORTEN, Soort

BREEDTE = 88

# Where each field goes in a new file, in groups with a heading. Every field of a
# kind's schema appears exactly once (tested).
_LOOPTIJD = ("Zichtbaarheid en looptijd", ["zichtbaarheid", "status", "geldig_tot"])
_BEHEER = ("Beheer en bronnen", ["beheer", "bron", "gerelateerd", "onbevestigd", "id"])
_BEHEER_VOORZIENING = ("Beheer en bronnen", ["beheer", "bron", "gerelateerd", "onbevestigd", "id", "import"])
_INTERN = ("Alleen voor professionals", ["intern"])
INDELING: dict[str, list[tuple[str, list[str]]]] = {
    "voorziening": [
        ("Wat het is", ["naam", "samenvatting", "beschrijving", "themas", "doelgroepen", "leeftijd"]),
        ("Wie het aanbiedt en voor welk gebied", ["organisatie", "gebied"]),
        ("Hoe u de hulp krijgt", ["toegang", "aanmelden", "kosten", "kosten_toelichting", "kanalen", "talen"]),
        ("Contact en locaties", ["contact", "locaties"]),
        _LOOPTIJD,
        _BEHEER_VOORZIENING,
        _INTERN,
    ],
    "methodiek": [
        ("Wat het is", ["naam", "samenvatting", "beschrijving", "themas", "doelgroepen"]),
        ("De methodiek", ["doel", "werkwijze", "onderbouwing", "training", "bronnen", "eigenaar"]),
        _LOOPTIJD,
        _BEHEER,
        _INTERN,
    ],
    "werkinstructie": [
        ("Wat het is", ["naam", "samenvatting", "beschrijving", "themas"]),
        ("De instructie", ["proces", "wettelijk_kader", "stappen"]),
        ("Vaststelling", ["vaststelling", "versie", "vastgesteld_op", "herzien_voor", "eigenaar"]),
        _LOOPTIJD,
        _BEHEER,
        _INTERN,
    ],
    "organisatie": [
        ("Wat het is", ["naam", "samenvatting", "beschrijving", "type", "themas"]),
        ("Contact", ["contact"]),
        _LOOPTIJD,
        ("Beheer en bronnen", ["beheer", "beheerders", "bron", "gerelateerd", "onbevestigd", "id"]),
        _INTERN,
    ],
    "team": [
        ("Wat het is", ["naam", "samenvatting", "beschrijving", "soort_team"]),
        ("Waar en waarvan", ["stadsdeel", "werkgebied", "themas", "methodieken"]),
        ("Bereikbaarheid", ["bereikbaarheid", "contact"]),
        ("Mensen (alleen met hun toestemming)", ["mensen"]),
        _LOOPTIJD,
        _BEHEER,
        _INTERN,
    ],
    "vraag": [
        ("De vraag en het antwoord", ["naam", "samenvatting", "antwoord", "beschrijving", "themas", "doelgroepen"]),
        _LOOPTIJD,
        _BEHEER,
        _INTERN,
    ],
    "ontwikkeling": [
        ("Wat er gebeurt", ["naam", "samenvatting", "datum", "soort_ontwikkeling", "beschrijving", "themas", "betreft"]),
        _LOOPTIJD,
        _BEHEER,
        _INTERN,
    ],
}


HET_WOORDEN = {"team"}  # "Nieuw team", not "Nieuwe team"


class Geweigerd(Exception):
    """``wijkportaal nieuw`` refuses (the message is Dutch and shown as is)."""


@dataclass
class Nieuw:
    pad: Path
    id: str
    invulplekken: int


# --- ids ----------------------------------------------------------------------------


def maak_id(naam: str) -> str:
    """A file name from a name: lower case, accents folded, anything else a single '-'."""
    zonder_accenten = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", zonder_accenten.lower()).strip("-")


def soort_van(naam: str) -> Soort:
    """The kind by its singular or plural name ('voorziening' or 'voorzieningen')."""
    for soort in SOORTEN.values():
        if naam.lower() in (soort.enkelvoud, soort.map):
            return soort
    keuzes = ", ".join(s.enkelvoud for s in SOORTEN.values())
    raise Geweigerd(f"onbekende soort '{naam}'; kies uit {keuzes}")


# --- the file -----------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """YAML as the data files are written: lists indented under their key, scalar lists inline,
    dates plain, times in quotes, Markdown with line breaks as a block."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)

    def write_double_quoted(self, text: str, split: bool = True) -> None:
        super().write_double_quoted(text, split=False)  # a placeholder or a time: on one line, no '\' breaks


def _tekst(dumper: yaml.SafeDumper, waarde: str):
    if is_invulplek(waarde):  # a placeholder stands out, as in a new file
        return dumper.represent_scalar("tag:yaml.org,2002:str", waarde, style='"')
    if "\n" in waarde:
        return dumper.represent_scalar("tag:yaml.org,2002:str", waarde, style="|")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", waarde):  # plain, like every date in data/ (the loader keeps it text)
        return dumper.represent_scalar("tag:yaml.org,2002:timestamp", waarde)
    if re.fullmatch(r"\d{2}:\d{2}", waarde):
        return dumper.represent_scalar("tag:yaml.org,2002:str", waarde, style='"')
    return dumper.represent_str(waarde)


def _lijst(dumper: yaml.SafeDumper, waarde: list):
    inline = all(not isinstance(x, (dict, list)) for x in waarde)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", waarde, flow_style=inline)


_Dumper.add_representer(str, _tekst)
_Dumper.add_representer(list, _lijst)


def veldvolgorde(enkelvoud: str) -> list[str]:
    """The fields of a kind in the order of a new file (also the order 'wijkportaal import' writes)."""
    return [veld for _, velden in INDELING[enkelvoud] for veld in velden]


def yaml_regels(naam: str, waarde: Any) -> list[str]:
    """One field as YAML lines, written as the data files are (see :class:`_Dumper`)."""
    tekst = yaml.dump({naam: waarde}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=BREEDTE - 10)
    return tekst.rstrip("\n").split("\n")


def _uitleg(tekst: str, inspringing: str) -> list[str]:
    breedte = BREEDTE - len(inspringing) - 3
    return [f"{inspringing}## {regel}" for regel in textwrap.wrap(tekst, breedte, break_on_hyphens=False)]


def plaatshouder(knoop: dict) -> str:
    """The 'VUL IN' text of a required field: what to write, from the schema."""
    if "enum" in knoop:
        *eerst, laatst = knoop["enum"]
        return f"{INVULLEN}: kies {', '.join(eerst)} of {laatst}"
    zin = re.split(r"(?<=\.)\s", knoop.get("description", ""), maxsplit=1)[0].rstrip(".")
    tekst = f"{INVULLEN}: {zin}"
    if (knoop.get("type") != "string" or "pattern" in knoop) and "examples" in knoop and "bijvoorbeeld" not in zin:
        voorbeeld = json.dumps(eerste_voorbeeld(knoop), ensure_ascii=False).replace('"', "")
        tekst += f", bijvoorbeeld {voorbeeld}"
    return tekst


def _veld(naam: str, knoop: dict, verplicht: bool, inspringing: str, bekend: dict, voorbeelden: dict) -> list[str]:
    """The lines of one field: its description, then its known value, a placeholder or a commented example."""
    regels = _uitleg(knoop.get("description", ""), inspringing)
    if naam in bekend and not isinstance(bekend[naam], dict):
        return regels + [f"{inspringing}{regel}" for regel in yaml_regels(naam, bekend[naam])]
    if not verplicht:
        voorbeeld = voorbeelden.get(naam, eerste_voorbeeld(knoop))
        return regels + [f"{inspringing}# {regel}".rstrip() for regel in yaml_regels(naam, voorbeeld)]
    if knoop.get("type") == "object" and "properties" in knoop:
        return regels + [f"{inspringing}{naam}:"] + _velden(knoop, inspringing + "  ", bekend.get(naam, {}))
    items = knoop.get("items", {})
    if knoop.get("type") == "array" and items.get("type") == "object":
        # One item with its own fields; its first line becomes the list item ('- ').
        binnen = _velden(items, inspringing + "    ", {})
        eerste = next(i for i, r in enumerate(binnen) if not r.lstrip().startswith("#"))
        binnen = [r.replace(inspringing + "    ", inspringing + "  ", 1) for r in binnen[:eerste]] + [
            inspringing + "  - " + binnen[eerste].lstrip()
        ] + binnen[eerste + 1 :]
        return regels + [f"{inspringing}{naam}:"] + binnen
    return regels + [f"{inspringing}{naam}: {json.dumps(plaatshouder(knoop), ensure_ascii=False)}"]


def _velden(
    knoop: dict, inspringing: str, bekend: dict, voorbeelden: dict | None = None, volgorde: list[str] | None = None
) -> list[str]:
    verplicht = set(knoop.get("required", []))
    regels: list[str] = []
    for naam in volgorde or list(knoop["properties"]):
        regels += _veld(naam, knoop["properties"][naam], naam in verplicht, inspringing, bekend, voorbeelden or {})
    return regels


def record_tekst(soort: Soort, naam: str, id_: str, organisatie: str, vandaag: dt.date) -> str:
    """The text of a new record file."""
    bekend: dict[str, Any] = {
        "naam": naam,
        "beheer": {"organisatie": organisatie, "laatst_gecontroleerd": vandaag.isoformat()},
    }
    if soort.enkelvoud == "voorziening":
        bekend["organisatie"] = organisatie
    if soort.enkelvoud == "werkinstructie":
        bekend["vaststelling"] = "concept"
    regels = [
        f"# yaml-language-server: $schema=../../schema/{soort.enkelvoud}.json",
        f"## {'Nieuw' if soort.enkelvoud in HET_WOORDEN else 'Nieuwe'} {soort.enkelvoud}, gemaakt met 'wijkportaal nieuw' "
        f"op {vandaag.isoformat()}.",
        f"## 1. Vervang elke waarde die begint met \"{INVULLEN}\". Zolang die er staat, komt dit record",
        "##    niet op de site.",
        "## 2. Regels met één # zijn voorbeelden. Wilt u zo'n veld gebruiken, haal dan '# ' weg en",
        "##    zet de echte waarde erin. Regels met ## zijn uitleg.",
        "## Verzin niets: vul alleen in wat de organisatie zelf publiceert (zie CONTRIBUTING.md).",
    ]
    for kop, velden in INDELING[soort.enkelvoud]:
        regels += ["", f"## ---- {kop} ----"]
        regels += _velden(soort.schema, "", bekend, {"id": id_}, velden)  # id: optional, the file name
    return "\n".join(regels) + "\n"


# --- writing ------------------------------------------------------------------------


def controleer_organisatie(data: Path, organisatie: str) -> None:
    """Raise :class:`Geweigerd` (with a "bedoelt u") unless ``data/organisaties/<organisatie>.yml`` exists."""
    map_ = data / "organisaties"
    if (map_ / f"{organisatie}.yml").is_file():
        return
    bestaand = sorted(p.stem for p in map_.glob("*.yml"))
    lijkt = [i for i in bestaand if organisatie and organisatie in i]
    lijkt += [i for i in difflib.get_close_matches(organisatie, bestaand, n=3, cutoff=0.6) if i not in lijkt]
    bericht = f"onbekende organisatie '{organisatie}': er is geen bestand {(map_ / organisatie).as_posix()}.yml"
    if lijkt:
        bericht += f"; bedoelt u {' of '.join(repr(i) for i in lijkt[:3])}?"
    else:
        bericht += (
            f"; kies een id uit {map_.as_posix()}/ (de bestandsnaam zonder .yml), of maak de organisatie eerst "
            "met: wijkportaal nieuw organisatie \"Naam\""
        )
    raise Geweigerd(bericht)


def maak_record(
    soortnaam: str, naam: str, *, data: Path, organisatie: str | None = None, id_: str | None = None, vandaag: dt.date
) -> Nieuw:
    """Write a new record file; raises :class:`Geweigerd` (in Dutch) instead of overwriting or guessing."""
    soort = soort_van(soortnaam)
    naam = naam.strip()
    if not naam or "\n" in naam:
        raise Geweigerd("geef de naam van het record op één regel, bijvoorbeeld \"Buurthuis De Kamer\"")
    maximaal = soort.schema["properties"]["naam"].get("maxLength", 150)
    if len(naam) > maximaal:
        raise Geweigerd(f"de naam is te lang ({len(naam)} tekens; hoogstens {maximaal})")
    if id_ is None:
        id_ = maak_id(naam)
        if not id_:
            raise Geweigerd(f"uit de naam '{naam}' valt geen id te maken; kies er een met --id")
    elif not re.match(ID_PATROON, id_):
        raise Geweigerd(f"'{id_}' is geen geldige id: alleen kleine letters, cijfers en streepjes, bijvoorbeeld 'buurthuis-de-kamer'")
    map_ = data / soort.map
    if not map_.is_dir():
        raise Geweigerd(f"de map {map_.as_posix()} bestaat niet; start in de map van het project of geef de datamap met --data")
    if organisatie is None:
        if soort.enkelvoud != "organisatie":
            raise Geweigerd(
                f"geef met --organisatie de id van de organisatie die deze {soort.enkelvoud} bijhoudt, "
                "bijvoorbeeld --organisatie wijkteams-enschede"
            )
        organisatie = id_  # a new organisation maintains its own record
    else:
        controleer_organisatie(data, organisatie)
    pad = map_ / f"{id_}.yml"
    for bestaand in (pad, pad.with_suffix(".yaml")):
        if bestaand.exists():
            raise Geweigerd(f"bestaat al: {bestaand.as_posix()}; kies een andere naam of gebruik --id")
    tekst = record_tekst(soort, naam, id_, organisatie, vandaag)
    try:
        with open(pad, "x", encoding="utf-8", newline="\n") as uit:  # 'x': never overwrite
            uit.write(tekst)
    except FileExistsError:
        raise Geweigerd(f"bestaat al: {pad.as_posix()}; kies een andere naam of gebruik --id") from None
    invulplekken = sum(1 for regel in tekst.splitlines() if f'"{INVULLEN}' in regel and not regel.lstrip().startswith("#"))
    return Nieuw(pad, id_, invulplekken)


# --- command line -------------------------------------------------------------------


def voeg_opdracht_toe(sub: argparse._SubParsersAction, datum: Callable[[str], dt.date]) -> None:
    p = sub.add_parser(
        "nieuw",
        help="maak een nieuw record met alle verplichte velden en voorbeelden",
        description="Maak een nieuw bestand in data/ met alle verplichte velden (in te vullen) en de andere "
        "velden als voorbeeld. Overschrijft nooit een bestaand bestand.",
    )
    *eerste, laatste = [s.enkelvoud for s in SOORTEN.values()]
    p.add_argument("soort", metavar="SOORT", help=f"{', '.join(eerste)} of {laatste}")
    p.add_argument("naam", metavar="NAAM", help='de naam, tussen aanhalingstekens, bijvoorbeeld "Buurthuis De Kamer"')
    p.add_argument("--organisatie", metavar="ID", help="de organisatie die het record bijhoudt (niet nodig bij een nieuwe organisatie)")
    p.add_argument("--id", metavar="ID", help="de id (bestandsnaam) zelf kiezen; standaard gemaakt uit de naam")
    p.add_argument("--data", type=Path, default=Path("data"), help="de map met gegevens (standaard: data)")
    p.add_argument("--vandaag", type=datum, help="doe alsof het vandaag deze datum is (JJJJ-MM-DD)")


def voer_uit(args: argparse.Namespace) -> int:
    from .catalogus import vandaag_uit_omgeving

    try:
        nieuw = maak_record(
            args.soort, args.naam, data=args.data, organisatie=args.organisatie, id_=args.id,
            vandaag=args.vandaag or vandaag_uit_omgeving(),
        )  # fmt: skip
    except Geweigerd as reden:
        print(f"fout: {reden}")
        return 1
    pad = nieuw.pad.as_posix()
    print(f"Geschreven: {pad}")
    print()
    print("Volgende stappen:")
    print(f"  1. Open {pad} en vervang elke waarde die begint met \"{INVULLEN}\" ({nieuw.invulplekken} plekken).")
    print("  2. Wilt u een veld met een voorbeeld (# ...) gebruiken? Haal '# ' weg en zet de echte waarde erin.")
    print("     Verzin niets: alleen wat de organisatie zelf publiceert.")
    print(f"  3. Controleer het bestand: wijkportaal validate {pad}")
    print(f"     Zolang er \"{INVULLEN}\" staat, krijgt u een waarschuwing en komt het record niet op de site.")
    return 0
