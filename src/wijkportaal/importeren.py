"""``wijkportaal import csv``: voorzieningen from a spreadsheet export of an existing sociale kaart.

The CSV is read with the ``csv`` module: UTF-8 with or without BOM, UTF-16 with BOM, or
Excel's Windows-1252; ``;``, ``,`` or tab as separator (the one that splits the header
into the most columns); quoted fields may hold line breaks. Its columns go to fields
through a *koppelbestand* (``--mapping``, schema ``schema/importkoppeling.json``) or by
their common Dutch names (:data:`HERKEND`, case and accents ignored). Each row becomes
one YAML record in ``data/voorzieningen/``, written in the field order of
``wijkportaal nieuw``:

- only what the CSV has (never guessed): a postcode only when it is one ("7511AB" is
  written "7511 AB"), a phone number, e-mail address or website only when it fits the
  schema's pattern; anything else is reported, located at its cell;
- what a record needs but its row does not give (a thema that maps, gebied, toegang, a
  samenvatting, a unique name, coordinates for an address) becomes a ``VUL IN``
  placeholder, the convention of ``wijkportaal nieuw``: the record validates with a
  warning per placeholder and cannot go live (strict build) until someone fills it in;
- a row that cannot become a record (empty, no name, the same as an earlier row, ...)
  is reported with its line; none disappears without a message;
- thema, doelgroep, toegang, kosten and gebied values match ids, labels and synonyms of
  the taxonomy (and names of wijken, buurten and stadsdelen); the koppelbestand maps the
  others. Unknown values are reported once each, with the rows they are in and a
  "bedoelt u" from the labels and synonyms;
- new records get ``zichtbaarheid: intern`` (unless the koppelbestand says otherwise):
  nobody has checked them yet, so they stay off the publiek edition until someone does;
- every record keeps ``import: {bron, sleutel}``. A later import from the same bron
  finds it by that key and updates the fields that come from the CSV; what the CSV does
  not give (a beschrijving written by hand, coordinates, kanalen, zichtbaarheid, ...) is
  kept, a placeholder never replaces a value and an empty cell never removes one.

Problems are :class:`~wijkportaal.problemen.Probleem` lines, located in the CSV (the
line where the row starts, the column where the cell starts) or in the koppelbestand.
Nothing raises for bad input.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import difflib
import io
import re
import textwrap
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import schema as s
from .catalogus import sorteersleutel
from .gebieden import Gebieden, laad_gebieden
from .laden import Bestand, laad_yaml
from .nieuw import BREEDTE, Geweigerd, controleer_organisatie, maak_id, plaatshouder, veldvolgorde, yaml_regels
from .problemen import Plek, Problemen
from .record import CONTACT
from .schema import is_invulplek, veldnaam
from .taxonomie import Taxonomie, laad_taxonomie
from .voorziening import KOSTEN_LABEL, LOCATIE, SCHEMA as VOORZIENING, TIJD_PATROON, TOEGANG_LABEL, VELDEN

MAX_BYTES = 20 * 1024 * 1024
ID_LENGTE = 60
BRON_BEGIN = "Geïmporteerd uit "

# --- the koppelbestand ----------------------------------------------------------------

# Where a column can go: target -> what it means (the schema's description of the choice).
DOELEN = {
    "naam": "de naam van de voorziening (verplicht)",
    "samenvatting": "een korte tekst van hoogstens 300 tekens; zonder deze kolom de eerste zinnen van de beschrijving",
    "beschrijving": "de omschrijving, ook met meerdere alinea's",
    "thema": "thema's, meerdere gescheiden door , ; | of /; waarden die geen thema zijn, koppelt u onder 'themas'",
    "doelgroep": "doelgroepen, meerdere gescheiden door , ; | of /; andere waarden koppelt u onder 'doelgroepen'",
    "leeftijd": "leeftijd als tekst, zoals 18+, 12-23, 12 t/m 23 jaar of t/m 17",
    "toegang": "vrij, verwijzing of indicatie; andere waarden koppelt u onder 'toegang'",
    "aanmelden": "hoe een inwoner of professional de hulp krijgt",
    "kosten": "gratis, eigen-bijdrage of betaald; andere waarden koppelt u onder 'kosten'",
    "kosten_toelichting": "toelichting op de kosten",
    "gebied": "stedelijk, namen van wijken, buurten of stadsdelen, of CBS-codes; andere waarden koppelt u onder 'gebied'",
    "telefoon": "telefoonnummer",
    "email": "e-mailadres",
    "website": "website, met https:// ervoor",
    "locatie": "naam van de plek (zonder deze kolom: de naam van de voorziening)",
    "adres": "straat en huisnummer van de plek",
    "postcode": "postcode van de plek",
    "plaats": "plaats van de plek",
    "openingstijden": "openingstijden als tekst; 'ma t/m vr 09:00-17:00' wordt dagen en tijden, anders een toelichting",
    "sleutel": "de vaste id van de regel in de bron: een nieuwe import werkt het record met die id bij",
    "overslaan": "deze kolom niet importeren (en er ook niet over melden)",
}
LIJSTDOELEN = {"thema", "doelgroep", "gebied"}  # several columns may go here; their values add up
SECTIES = {"thema": "themas", "doelgroep": "doelgroepen", "toegang": "toegang", "kosten": "kosten", "gebied": "gebied"}

# Column names recognised without a koppelbestand (compared without case, accents and punctuation).
HERKEND = {
    "naam": ["naam", "naam voorziening", "voorziening", "titel", "name"],
    "samenvatting": ["samenvatting", "korte omschrijving", "korte beschrijving"],
    "beschrijving": ["omschrijving", "beschrijving", "toelichting", "description"],
    "thema": ["thema", "themas", "thema's", "onderwerp", "onderwerpen", "categorie", "categorieën"],
    "doelgroep": ["doelgroep", "doelgroepen"],
    "leeftijd": ["leeftijd", "leeftijden"],
    "toegang": ["toegang"],
    "aanmelden": ["aanmelden", "aanmelding"],
    "kosten": ["kosten"],
    "kosten_toelichting": ["toelichting kosten", "kosten toelichting"],
    "gebied": ["gebied", "werkgebied", "wijk", "wijken"],
    "telefoon": ["telefoon", "telefoonnummer", "tel", "tel."],
    "email": ["email", "e-mail", "e-mailadres", "emailadres", "mail"],
    "website": ["website", "webadres", "internet", "url", "site"],
    "locatie": ["locatie", "locatienaam", "naam locatie"],
    "adres": ["adres", "bezoekadres", "straat", "straat en huisnummer"],
    "postcode": ["postcode"],
    "plaats": ["plaats", "woonplaats", "stad"],
    "openingstijden": ["openingstijden", "openingstijd", "geopend"],
    "sleutel": ["id", "sleutel"],
}

STANDAARD_VELDEN = ["toegang", "kosten", "gebied", "zichtbaarheid", "kanalen", "talen", "themas", "doelgroepen"]


def _waarden(beschrijving: str, doel: dict, voorbeeld: dict) -> dict:
    bronwaarde = s.tekst("Een waarde zoals die in de CSV staat (hoofdletters tellen niet).", next(iter(voorbeeld)))
    return s.vrije_mapping(beschrijving, doel, voorbeeld, sleutel=bronwaarde)


KOPPELING_SCHEMA = {
    "$schema": s.SCHEMA_DIALECT,
    "$id": "https://wijkportaal.enschede.example/schema/importkoppeling.json",
    "title": "Koppelbestand voor 'wijkportaal import csv'",
    "description": "Hoe de kolommen en waarden van een CSV-export van een andere sociale kaart in voorzieningen komen. "
    "Alles is optioneel: kolommen met een gewone naam (naam, omschrijving, adres, postcode, thema, ...) en waarden die "
    "al in data/taxonomie.yml staan, herkent de import zelf.",
    "type": "object",
    "properties": {
        "bron": s.tekst(
            "De naam van de sociale kaart of het systeem waar de CSV uit komt. Staat in 'bron' en 'import.bron' van "
            "elk record. Gebruik bij elke import uit dezelfde bron dezelfde naam: dan worden records bijgewerkt in "
            "plaats van opnieuw gemaakt, ook als het CSV-bestand een andere naam heeft.",
            "Sociale kaart Voorbeeldstad",
        ),
        "kolommen": s.vrije_mapping(
            "Welke kolom in welk veld komt, als 'kolom: veld'. Kolommen die hier niet staan, herkent de import aan "
            "hun naam, of meldt hij.",
            s.keuze("Het veld waar de kolom in komt.", DOELEN),
            {"Naam voorziening": "naam", "Omschrijving": "beschrijving", "Categorie": "thema", "Id": "sleutel"},
            sleutel=s.tekst("De naam van een kolom zoals in de eerste regel van de CSV.", "Naam voorziening"),
        ),
        "themas": _waarden(
            "Waarden uit de CSV die zelf geen thema zijn, met het thema dat ze worden.",
            s.id_veld("Id van een thema uit data/taxonomie.yml.", "schulden"),
            {"Geldzaken": "schulden"},
        ),
        "doelgroepen": _waarden(
            "Waarden uit de CSV die zelf geen doelgroep zijn, met de doelgroep die ze worden.",
            s.id_veld("Id van een doelgroep uit data/taxonomie.yml.", "ouderen"),
            {"Senioren": "ouderen"},
        ),
        "toegang": _waarden(
            "Waarden uit de kolom voor de toegang, met wat ze betekenen.", VELDEN["toegang"], {"Vrij toegankelijk": "vrij"}
        ),
        "kosten": _waarden("Waarden uit de kolom voor de kosten, met wat ze betekenen.", VELDEN["kosten"], {"Kosteloos": "gratis"}),
        "gebied": _waarden(
            "Waarden uit de kolom voor het werkgebied, met het gebied dat ze worden.", VELDEN["gebied"], {"Heel Enschede": "stedelijk"}
        ),
        "standaard": s.mapping(
            "Waarden voor elk record waarvoor de CSV niets (bruikbaars) geeft. Zet hier alleen wat voor de hele "
            "export klopt. Zonder 'zichtbaarheid' komen nieuwe records op 'intern' tot iemand ze heeft gecontroleerd.",
            {veld: VELDEN[veld] for veld in STANDAARD_VELDEN},
        ),
    },
    "additionalProperties": False,
}
_KOPPELING_VALIDATOR = s.validator(KOPPELING_SCHEMA)


@dataclass
class Koppeling:
    """A checked koppelbestand (or the empty one)."""

    bron: str = ""
    kolommen: dict[str, str] = field(default_factory=dict)  # column as written -> target
    waarden: dict[str, dict[str, Any]] = field(default_factory=dict)  # section -> {source value: target}
    standaard: dict[str, Any] = field(default_factory=dict)
    bestand: Bestand | None = None


def vouw(tekst: str) -> str:
    """Text to compare: accents and case folded, punctuation as spaces ('Thema's' -> 'thema s')."""
    zonder = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode("ascii").casefold()
    return " ".join(re.sub(r"[^a-z0-9+]+", " ", zonder).split())


# --- values that map to ids ---------------------------------------------------------


class Waardelijst:
    """Source values -> a field's values: ids, labels and synonyms, plus the koppelbestand's own entries."""

    def __init__(self, wat: str, sectie: str) -> None:
        self.wat = wat  # 'thema', for messages
        self.sectie = sectie  # 'themas': the section of the koppelbestand
        self.bekend: dict[str, Any] = {}
        self.dubbel: dict[str, list[str]] = {}  # a synonym of more than one term
        self.kandidaten: list[tuple[str, str]] = []  # (folded text, value) for suggestions
        self.labels: dict[str, str] = {}

    def voeg_toe(self, waarde: str, label: str, synoniemen: tuple[str, ...] = ()) -> None:
        self.labels[waarde] = label
        for tekst in (waarde, label):
            self.bekend[vouw(tekst)] = waarde
            self.kandidaten.append((vouw(tekst), waarde))
        for synoniem in synoniemen:
            self.kandidaten.append((vouw(synoniem), waarde))

    def sluit_af(self) -> None:
        """Synonyms count when they belong to one term only (ids and labels always win)."""
        per_synoniem: dict[str, list[str]] = {}
        for tekst, waarde in self.kandidaten:
            if waarde not in per_synoniem.setdefault(tekst, []):
                per_synoniem[tekst].append(waarde)
        for tekst, waarden in per_synoniem.items():
            if tekst in self.bekend:
                continue
            if len(waarden) == 1:
                self.bekend[tekst] = waarden[0]
            else:
                self.dubbel[tekst] = waarden

    def koppel(self, bronwaarde: str, waarde: Any) -> None:
        self.bekend[vouw(bronwaarde)] = waarde
        self.dubbel.pop(vouw(bronwaarde), None)

    def zoek(self, tekst: str) -> Any:
        return self.bekend.get(vouw(tekst))

    def suggesties(self, tekst: str) -> list[str]:
        """At most three values the source value probably means."""
        v = vouw(tekst)
        uit = list(self.dubbel.get(v, []))
        woorden = set(v.split())
        if len(v) >= 4:
            for kandidaat, waarde in self.kandidaten:
                if woorden <= set(kandidaat.split()) or (len(kandidaat) >= 4 and set(kandidaat.split()) <= woorden):
                    uit.append(waarde)
        teksten = [k for k, _ in self.kandidaten]
        for gelijk in difflib.get_close_matches(v, teksten, n=3, cutoff=0.75):
            uit += [w for k, w in self.kandidaten if k == gelijk]
        return list(dict.fromkeys(uit))[:3]

    def noem(self, waarden: list[str]) -> str:
        """"'schulden' (Schulden) of 'armoede-en-inkomen' (Armoede en inkomen)" (a stadsdeel by its name only)."""
        namen = [
            self.labels[w] if w.startswith("stadsdeel:") else f"'{w}' ({self.labels[w]})" if self.labels.get(w, w) != w else f"'{w}'"
            for w in waarden
        ]
        return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " of " + namen[-1]


def _taxonomielijst(wat: str, sectie: str, termen: dict) -> Waardelijst:
    lijst = Waardelijst(wat, sectie)
    for term in termen.values():
        lijst.voeg_toe(term.id, term.label, term.synoniemen)
    lijst.sluit_af()
    return lijst


def _keuzelijst(wat: str, sectie: str, labels: dict[str, str], extra: dict[str, str]) -> Waardelijst:
    """A fixed choice (toegang, kosten): its values and their labels ('Verwijzing nodig'), plus a few other words."""
    lijst = Waardelijst(wat, sectie)
    for waarde, label in labels.items():
        lijst.voeg_toe(waarde, label)
    for tekst, waarde in extra.items():
        lijst.kandidaten.append((vouw(tekst), waarde))
    lijst.sluit_af()
    return lijst


STEDELIJK = ("stedelijk", "heel enschede", "hele stad", "enschede", "gemeente enschede", "alle wijken")


def _gebiedlijst(gebieden: Gebieden) -> Waardelijst:
    lijst = Waardelijst("gebied", "gebied")
    lijst.labels["stedelijk"] = "heel Enschede"
    for tekst in STEDELIJK:
        lijst.bekend[vouw(tekst)] = "stedelijk"
        lijst.kandidaten.append((vouw(tekst), "stedelijk"))
    for stadsdeel in gebieden.stadsdelen.values():
        lijst.labels[f"stadsdeel:{stadsdeel.id}"] = f"stadsdeel {stadsdeel.naam}"
        for tekst in (stadsdeel.naam, f"stadsdeel {stadsdeel.naam}"):
            lijst.kandidaten.append((vouw(tekst), f"stadsdeel:{stadsdeel.id}"))
    for gebied in [*gebieden.buurten.values(), *gebieden.wijken.values()]:  # a wijk's name wins over a buurt's or a stadsdeel's
        lijst.voeg_toe(gebied.code, gebied.naam)
    lijst.sluit_af()
    return lijst


# --- reading the CSV ------------------------------------------------------------------


class Onleesbaar(Exception):
    """The file cannot be read as a CSV at all (the message is Dutch)."""

    def __init__(self, plek: Plek, bericht: str) -> None:
        super().__init__(bericht)
        self.plek = plek
        self.bericht = bericht


@dataclass
class Regel:
    """One record of the CSV: where it starts, its cells and where each cell starts."""

    nummer: int
    cellen: list[str]
    plekken: list[Plek]

    def plek(self, kolom: int | None) -> Plek:
        if kolom is not None and kolom < len(self.plekken):
            return self.plekken[kolom]
        return Plek(self.nummer, 1)

    def cel(self, kolom: int) -> str:
        return self.cellen[kolom].strip() if kolom < len(self.cellen) else ""


@dataclass
class Tabel:
    codering: str
    scheidingsteken: str
    kop: list[str]
    kopplekken: list[Plek]
    regels: list[Regel]


def _plek_van_byte(ruw: bytes, positie: int) -> Plek:
    voor = ruw[:positie]
    return Plek(voor.count(b"\n") + 1, positie - (voor.rfind(b"\n") + 1) + 1)


OPSLAAN_ALS_CSV = "sla het in Excel op als 'CSV UTF-8 (door komma's gescheiden)' en importeer dat bestand"


def _decodeer(ruw: bytes) -> tuple[str, str]:
    """The text and a Dutch name of its encoding."""
    if ruw.startswith(b"PK\x03\x04"):
        raise Onleesbaar(Plek(), f"dit is een Excel-werkmap (.xlsx) of een ander zip-bestand, geen CSV; {OPSLAAN_ALS_CSV}")
    if ruw.startswith(b"\xd0\xcf\x11\xe0"):
        raise Onleesbaar(Plek(), f"dit is een oud Excel-bestand (.xls), geen CSV; {OPSLAAN_ALS_CSV}")
    if ruw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return ruw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise Onleesbaar(Plek(), f"het bestand is geen geldige UTF-16-tekst; {OPSLAAN_ALS_CSV}") from None
    if ruw.startswith(codecs.BOM_UTF8):
        try:
            return ruw[len(codecs.BOM_UTF8) :].decode("utf-8"), "UTF-8 met BOM"
        except UnicodeDecodeError as fout:
            plek = _plek_van_byte(ruw, fout.start + len(codecs.BOM_UTF8))
            raise Onleesbaar(plek, "het bestand begint als UTF-8 maar is het hier niet; sla het opnieuw op als 'CSV UTF-8'") from None
    try:
        return ruw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return ruw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as fout:
        raise Onleesbaar(
            _plek_van_byte(ruw, fout.start),
            f"het bestand is geen UTF-8-tekst en ook geen Windows-1252 (Excel); {OPSLAAN_ALS_CSV}",
        ) from None


def _veldstarts(tekst: str, scheiding: str) -> list[list[int]]:
    """Per record, as csv.reader reads them (a blank line is a record too), the offset where each field starts.

    Only for locating messages; the values come from the csv module.
    """
    records: list[list[int]] = []
    i, n = 0, len(tekst)
    while i < n:
        starts, j, binnen = [i], i, False
        while j < n:
            teken = tekst[j]
            if binnen:
                if teken == '"':
                    if j + 1 < n and tekst[j + 1] == '"':
                        j += 2
                        continue
                    binnen = False
            elif teken == '"' and j == starts[-1]:
                binnen = True
            elif teken == scheiding:
                starts.append(j + 1)
            elif teken in "\r\n":
                break
            j += 1
        records.append(starts)
        j += 2 if tekst.startswith("\r\n", j) else 1
        i = j
    return records


def _csv_bericht(fout: csv.Error, scheiding: str) -> str:
    tekst = str(fout)
    if "unexpected end of data" in tekst:
        return 'een aanhalingsteken (") in deze regel wordt niet gesloten, tot het eind van het bestand'
    if "expected after" in tekst:
        teken = "tab" if scheiding == "\t" else f"'{scheiding}'"
        return (
            f'na een afsluitend aanhalingsteken (") moet het scheidingsteken {teken} komen; staat er een " midden '
            'in een tekst, schrijf het dan dubbel ("")'
        )
    if "field larger than field limit" in tekst:
        return f'een veld is langer dan {csv.field_size_limit()} tekens; wordt er een aanhalingsteken (") niet gesloten?'
    return "deze regel is geen geldige CSV"


def lees_csv(pad: Path) -> Tabel:
    """The CSV as a table; raises :class:`Onleesbaar` (Dutch, located) when it cannot be read."""
    try:
        grootte = pad.stat().st_size
        if grootte > MAX_BYTES:
            mb = 1024 * 1024
            raise Onleesbaar(Plek(), f"het bestand is te groot ({grootte // mb} MB; de grens is {MAX_BYTES // mb} MB)")
        ruw = pad.read_bytes()
    except FileNotFoundError:
        raise Onleesbaar(Plek(), "dit bestand bestaat niet") from None
    except IsADirectoryError:
        raise Onleesbaar(Plek(), "dit is een map, geen CSV-bestand") from None
    except OSError as fout:
        raise Onleesbaar(Plek(), f"kan het bestand niet lezen: {fout.strerror or fout}") from None
    tekst, codering = _decodeer(ruw)
    regelstarts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", tekst)]

    def plek(offset: int) -> Plek:
        i = bisect_right(regelstarts, offset) - 1
        return Plek(i + 1, offset - regelstarts[i] + 1)

    if "\x00" in tekst:
        raise Onleesbaar(plek(tekst.index("\x00")), "het bestand bevat nul-tekens; is het wel een CSV-bestand (tekst)?")
    regels = [r for r in tekst.splitlines() if r.strip()]
    if not regels:
        raise Onleesbaar(Plek(), "het bestand is leeg")
    # The separator that splits the header into the most columns (Dutch Excel writes ';').
    scheiding = max((";", ",", "\t"), key=lambda teken: len(next(csv.reader([regels[0]], delimiter=teken))))
    starts = _veldstarts(tekst, scheiding)
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding, strict=True)
    rijen: list[list[str]] = []
    while True:
        try:
            rij = next(lezer)
        except StopIteration:
            break
        except csv.Error as fout:
            record = starts[len(rijen)] if len(rijen) < len(starts) else [len(tekst)]
            # an unclosed quote opens the record's last field; other mistakes: where the record starts
            begin = record[-1] if "unexpected end of data" in str(fout) else record[0]
            raise Onleesbaar(plek(begin), _csv_bericht(fout, scheiding)) from None
        rijen.append(rij)
    if len(starts) < len(rijen):  # cannot happen for text the csv module reads; stay safe
        starts += [[len(tekst)]] * (len(rijen) - len(starts))
    records = [
        Regel(plek(start[0]).regel, rij, [plek(o) for o in start] if len(start) == len(rij) else [plek(start[0])] * len(rij))
        for rij, start in zip(rijen, starts)
    ]
    eerste = next((i for i, r in enumerate(records) if any(c.strip() for c in r.cellen)), None)
    if eerste is None:
        raise Onleesbaar(Plek(), "het bestand bevat alleen scheidingstekens, geen kolomnamen of gegevens")
    kop = records[eerste]
    return Tabel(codering, scheiding, [c.strip() for c in kop.cellen], kop.plekken, records[eerste + 1 :])


# --- values from cells ----------------------------------------------------------------


def _patroon(knoop: dict) -> re.Pattern:
    return re.compile(knoop["pattern"])


POSTCODE = _patroon(LOCATIE["properties"]["postcode"])
TELEFOON = _patroon(CONTACT["properties"]["telefoon"])
EMAIL = _patroon(CONTACT["properties"]["email"])
WEBSITE = _patroon(CONTACT["properties"]["website"])
SAMENVATTING_MAX = VELDEN["samenvatting"]["maxLength"]


def postcode(tekst: str) -> str | None:
    """'7511ab' -> '7511 AB'; None when it is not a postcode."""
    t = re.sub(r"\s+", "", tekst).upper()
    if not re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", t):
        return None
    waarde = f"{t[:4]} {t[4:]}"
    return waarde if POSTCODE.search(waarde) else None


def schone_tekst(tekst: str) -> str:
    """Line breaks as '\\n', no trailing spaces or tabs, at most one empty line in a row."""
    regels = [r.replace("\t", " ").rstrip() for r in tekst.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(regels)).strip()


def teksten(samenvatting: str, beschrijving: str) -> tuple[str | None, str | None]:
    """(samenvatting, beschrijving) from the columns: a samenvatting that fits, else the leading sentences
    of the first paragraph that fit (the whole text then goes to beschrijving). None: none fits."""
    samenvatting, beschrijving = schone_tekst(samenvatting), schone_tekst(beschrijving)
    bron = beschrijving
    if samenvatting:
        plat = " ".join(samenvatting.split())
        if len(plat) <= SAMENVATTING_MAX:
            return plat, beschrijving or None
        # too long for a samenvatting: the whole text goes into the beschrijving as well, nothing is lost
        beschrijving = f"{samenvatting}\n\n{beschrijving}" if beschrijving else samenvatting
        bron = samenvatting
    if not bron:
        return None, None
    plat = " ".join(bron.split("\n\n")[0].split())
    kort = ""
    for zin in re.split(r"(?<=[.!?])\s+", plat):
        if len(f"{kort} {zin}".strip()) > SAMENVATTING_MAX:
            break
        kort = f"{kort} {zin}".strip()
    if not kort:
        return None, beschrijving
    if kort == " ".join(beschrijving.split()):
        return kort, None  # the whole text is the samenvatting
    return kort, beschrijving


GEEN_LEEFTIJD = {"alle leeftijden", "alle", "iedereen", "nvt", "n.v.t.", "-", "geen"}


def leeftijd(tekst: str) -> dict | None:
    """{van, tot} from '18+', 'vanaf 18 jaar', '12-23', '12 t/m 23 jaar', 't/m 17', '65 en ouder'; {} for
    'alle leeftijden'; None when it cannot be read without guessing ('tot 18': up to 17 or 18?)."""
    t = tekst.strip().casefold().replace("–", "-").replace("tot en met", "t/m")
    if t in GEEN_LEEFTIJD:
        return {}
    t = " ".join(re.sub(r"\b(jaar|jr)\b\.?", " ", t).split())
    van = tot = None
    if m := re.fullmatch(r"(\d{1,3}) ?\+|(?:vanaf|va\.?) (\d{1,3})|(\d{1,3}) (?:en|of) ouder", t):
        van = int(next(g for g in m.groups() if g))
    elif m := re.fullmatch(r"(\d{1,3}) ?(?:-|t/m) ?(\d{1,3})", t):
        van, tot = int(m.group(1)), int(m.group(2))
    elif m := re.fullmatch(r"t/m (\d{1,3})|(\d{1,3}) (?:en|of) jonger", t):
        tot = int(next(g for g in m.groups() if g))
    else:
        return None
    if any(x is not None and x > 120 for x in (van, tot)) or (van is not None and tot is not None and van > tot):
        return None
    return {k: v for k, v in (("van", van), ("tot", tot)) if v is not None}


DAGEN = {
    "ma": "ma", "maandag": "ma", "di": "di", "dinsdag": "di", "wo": "wo", "woensdag": "wo", "do": "do",
    "donderdag": "do", "vr": "vr", "vrijdag": "vr", "za": "za", "zaterdag": "za", "zo": "zo", "zondag": "zo",
}  # fmt: skip
DAGVOLGORDE = ["ma", "di", "wo", "do", "vr", "za", "zo"]
_TIJD = r"(\d{1,2})(?:[:.](\d{2}))?"


def _dagen(tekst: str) -> list[str] | None:
    dagen: list[str] = []
    for stuk in re.split(r",|&|\ben\b", tekst):
        stuk = stuk.strip()
        if m := re.fullmatch(r"([a-z]+)\.? ?(?:-|t/m) ?([a-z]+)\.?", stuk):
            van, tot = DAGEN.get(m.group(1)), DAGEN.get(m.group(2))
            if van is None or tot is None or DAGVOLGORDE.index(van) > DAGVOLGORDE.index(tot):
                return None
            dagen += DAGVOLGORDE[DAGVOLGORDE.index(van) : DAGVOLGORDE.index(tot) + 1]
        elif stuk.rstrip(".") in DAGEN:
            dagen.append(DAGEN[stuk.rstrip(".")])
        else:
            return None
    return dagen if dagen and len(set(dagen)) == len(dagen) else None


def _tijd(uur: str, minuut: str | None) -> str | None:
    tijd = f"{int(uur):02d}:{minuut or '00'}"
    return tijd if re.match(TIJD_PATROON, tijd) else None


def openingstijden(tekst: str) -> list[dict] | None:
    """Blocks {dagen, van, tot} when every part of the text reads as days and a time span
    ('ma t/m vr 9.00-17.00 uur; za 10:00 - 12:00'); None otherwise (then it is kept as text)."""
    blokken = []
    for deel in re.split(r"[;\n]", tekst.casefold().replace("–", "-").replace("tot en met", "t/m")):
        deel = deel.strip().rstrip(".")
        if not deel:
            continue
        m = re.fullmatch(rf"([a-z ,.&/-]+?) ?:? ?(?:van )?{_TIJD} ?(?:-|tot) ?{_TIJD}(?: ?uur)?", deel)
        if not m:
            return None
        dagen, van, tot = _dagen(m.group(1)), _tijd(m.group(2), m.group(3)), _tijd(m.group(4), m.group(5))
        if not dagen or not van or not tot or van >= tot:
            return None
        blokken.append({"dagen": dagen, "van": van, "tot": tot})
    return blokken or None


# --- rows to fields -------------------------------------------------------------------

CSV, STANDAARD, INVULLEN = "csv", "standaard", "invullen"  # where a value comes from


@dataclass
class Invoer:
    """What one row gives: each field with where its value comes from (see :func:`_voeg_samen`)."""

    regel: Regel
    naam: str
    sleutel: str
    velden: dict[str, tuple[Any, str]] = field(default_factory=dict)
    contact: dict[str, str] = field(default_factory=dict)
    locatie: dict[str, tuple[Any, str]] = field(default_factory=dict)
    naam_uniek: bool = True


@dataclass
class Onbekend:
    lijst: Waardelijst
    waarde: str
    plek: Plek
    regels: list[int] = field(default_factory=list)


@dataclass
class Importeur:
    """The state of one import run."""

    csvpad: Path
    data: Path
    organisatie: str
    vandaag: dt.date
    problemen: Problemen
    koppeling: Koppeling
    lijsten: dict[str, Waardelijst]
    gebieden: Gebieden
    onbekend: dict[tuple[str, str], Onbekend] = field(default_factory=dict)

    def meld(self, regel: Regel, kolom: int | None, bericht: str, fout: bool = False) -> None:
        (self.problemen.fout if fout else self.problemen.waarschuwing)(self.csvpad, regel.plek(kolom), bericht)

    # -- columns --

    def kolommen(self, tabel: Tabel) -> dict[int, str] | None:
        """Column index -> target; None (with a fout) when the columns cannot be used."""
        voor = len(self.problemen.fouten)
        doelen: dict[int, str] = {}
        gevouwen = [vouw(k) for k in tabel.kop]
        bestand = self.koppeling.bestand
        for kolom, doel in self.koppeling.kolommen.items():
            plek = bestand.sleutelplek(("kolommen", kolom)) if bestand else None
            if kolom in tabel.kop:
                doelen[tabel.kop.index(kolom)] = doel
            elif vouw(kolom) in gevouwen:
                doelen[gevouwen.index(vouw(kolom))] = doel
            else:
                bericht = f"kolom '{kolom}' staat niet in {self.problemen.toon_pad(self.csvpad)}"
                beter = difflib.get_close_matches(kolom, tabel.kop, n=1, cutoff=0.6)
                alle = ", ".join(repr(k) for k in tabel.kop if k)
                bericht += f"; bedoelt u '{beter[0]}'?" if beter else f"; de kolommen zijn: {alle}"
                self.problemen.fout(bestand.pad if bestand else self.csvpad, plek, bericht)
        # Names recognised by themselves, except for a single field the koppelbestand already gives a column.
        gekoppeld = {d for d in doelen.values() if d not in LIJSTDOELEN}
        herkend = {vouw(naam): doel for doel, namen in HERKEND.items() for naam in namen if doel not in gekoppeld}
        for i, naam in enumerate(gevouwen):
            if i not in doelen and naam in herkend:
                doelen[i] = herkend[naam]
        for i, naam in enumerate(gevouwen):
            if doelen.get(i, "overslaan") != "overslaan" and gevouwen.index(naam) != i:
                self.problemen.fout(
                    self.csvpad, tabel.kopplekken[i],
                    f"kolom '{tabel.kop[i]}' staat twee keer in de eerste regel; geef de kolommen verschillende namen",
                )  # fmt: skip
        per_doel: dict[str, list[int]] = {}
        for i, doel in sorted(doelen.items()):
            per_doel.setdefault(doel, []).append(i)
        for doel, kolommen in per_doel.items():
            if doel not in LIJSTDOELEN and doel != "overslaan" and len(kolommen) > 1:
                namen = " en ".join(f"'{tabel.kop[i]}'" for i in kolommen)
                self.problemen.fout(
                    self.csvpad, tabel.kopplekken[kolommen[1]],
                    f"de kolommen {namen} gaan allebei naar '{doel}'; kies er één in het koppelbestand (kolommen) "
                    "en zet de andere op 'overslaan'",
                )  # fmt: skip
        if "naam" not in per_doel:
            self.problemen.fout(
                self.csvpad, Plek(tabel.kopplekken[0].regel, 1),
                f"geen kolom met de naam van de voorziening; de kolommen zijn: {', '.join(repr(k) for k in tabel.kop if k)}. "
                "Koppel er een in een koppelbestand (--mapping), bijvoorbeeld kolommen: {\"Naam\": naam}",
            )  # fmt: skip
        for i, naam in enumerate(tabel.kop):
            if i in doelen:
                continue
            if not naam:
                if any(r.cel(i) for r in tabel.regels):
                    self.problemen.waarschuwing(
                        self.csvpad, tabel.kopplekken[i], f"kolom {i + 1} heeft geen naam en wordt niet geïmporteerd"
                    )
                continue
            self.problemen.waarschuwing(
                self.csvpad, tabel.kopplekken[i],
                f"kolom '{naam}' wordt niet geïmporteerd; koppel hem aan een veld in het koppelbestand (kolommen), "
                "of zet hem daar op 'overslaan'",
            )  # fmt: skip
        return doelen if len(self.problemen.fouten) == voor else None

    # -- values --

    def _waarden(self, doel: str, regel: Regel, kolommen: list[int]) -> list[Any]:
        """The known values of a list target (thema, doelgroep, gebied) in a row; unknown ones are collected."""
        lijst = self.lijsten[doel]
        gevonden: list[Any] = []
        for kolom in kolommen:
            cel = regel.cel(kolom)
            if not cel:
                continue
            heel = lijst.zoek(cel)
            delen = [cel] if heel is not None else [d.strip() for d in re.split(r"[,;|/\n]", cel) if d.strip()]
            for deel in delen:
                waarde = lijst.zoek(deel)
                if waarde is None:
                    sleutel = (lijst.sectie, vouw(deel))
                    onbekend = self.onbekend.setdefault(sleutel, Onbekend(lijst, deel, regel.plek(kolom)))
                    if regel.nummer not in onbekend.regels:
                        onbekend.regels.append(regel.nummer)
                    continue
                for w in waarde if isinstance(waarde, list) else [waarde]:
                    if w not in gevonden:
                        gevonden.append(w)
        return gevonden

    def _keuze(self, doel: str, regel: Regel, kolom: int) -> str | None:
        cel = regel.cel(kolom)
        if not cel:
            return None
        lijst = self.lijsten[doel]
        waarde = lijst.zoek(cel)
        if waarde is None:
            onbekend = self.onbekend.setdefault((lijst.sectie, vouw(cel)), Onbekend(lijst, cel, regel.plek(kolom)))
            if regel.nummer not in onbekend.regels:
                onbekend.regels.append(regel.nummer)
        return waarde

    def _gebied(self, codes: list[str]) -> Any:
        """'stedelijk' wins; a stadsdeel becomes its wijken."""
        if "stedelijk" in codes:
            return "stedelijk"
        uit: list[str] = []
        for code in codes:
            if code.startswith("stadsdeel:"):
                stadsdeel = self.gebieden.stadsdelen.get(code.split(":", 1)[1])
                uit += stadsdeel.wijken if stadsdeel else []
            else:
                uit.append(code)
        return list(dict.fromkeys(uit))

    def invoer(self, regel: Regel, doelen: dict[int, str]) -> Invoer | None:
        """The fields one row gives (None: nothing to import, reported)."""
        per_doel: dict[str, list[int]] = {}
        for i, doel in sorted(doelen.items()):
            per_doel.setdefault(doel, []).append(i)

        def cel(doel: str) -> str:
            return regel.cel(per_doel[doel][0]) if doel in per_doel else ""

        def kolom(doel: str) -> int | None:
            return per_doel[doel][0] if doel in per_doel else None

        naam = " ".join(cel("naam").split())
        if not naam:
            self.meld(
                regel, kolom("naam"), "regel zonder naam; niet geïmporteerd. Vul de naam in de CSV in en importeer opnieuw", fout=True
            )
            return None
        sleutel = cel("sleutel") or f"{self.organisatie}/{maak_id(naam)[:ID_LENGTE] or 'voorziening'}"
        inv = Invoer(regel, naam, sleutel)
        velden = inv.velden
        velden["naam"] = (naam, CSV)

        samenvatting, beschrijving = teksten(cel("samenvatting"), cel("beschrijving"))
        if samenvatting:
            velden["samenvatting"] = (samenvatting, CSV)
        else:
            velden["samenvatting"] = (plaatshouder(VELDEN["samenvatting"]), INVULLEN)
            if cel("samenvatting") or cel("beschrijving"):
                bron = "samenvatting" if cel("samenvatting") else "beschrijving"
                self.meld(
                    regel, kolom(bron),
                    f"de eerste zin is langer dan {SAMENVATTING_MAX} tekens en past niet als samenvatting; de hele "
                    "tekst staat in 'beschrijving', schrijf zelf een korte samenvatting",
                )  # fmt: skip
        if beschrijving:
            velden["beschrijving"] = (beschrijving, CSV)

        for doel, veld in (("thema", "themas"), ("doelgroep", "doelgroepen")):
            waarden = self._waarden(doel, regel, per_doel.get(doel, []))
            self._lijstveld(velden, veld, waarden, verplicht=veld == "themas")
        if "leeftijd" in per_doel and cel("leeftijd"):
            jaren = leeftijd(cel("leeftijd"))
            if jaren is None:
                self.meld(
                    regel, kolom("leeftijd"),
                    f"leeftijd '{cel('leeftijd')}' is niet zeker te lezen; niet overgenomen. Schrijf bijvoorbeeld 18+, "
                    "12-23 of t/m 17, of vul 'leeftijd' zelf in",
                )  # fmt: skip
            elif jaren:
                velden["leeftijd"] = (jaren, CSV)
        codes = self._waarden("gebied", regel, per_doel.get("gebied", []))
        if codes:
            velden["gebied"] = (self._gebied(codes), CSV)
        for veld in ("toegang", "kosten"):
            waarde = self._keuze(veld, regel, kolom(veld)) if veld in per_doel else None
            if waarde:
                velden[veld] = (waarde, CSV)
        for veld in ("gebied", "toegang", "kosten", "kanalen", "talen"):  # zichtbaarheid: only a new record's
            if veld not in velden and veld in self.koppeling.standaard:
                velden[veld] = (self.koppeling.standaard[veld], STANDAARD)
        for veld in ("gebied", "toegang"):  # required
            if veld not in velden:
                velden[veld] = (plaatshouder(VELDEN[veld]), INVULLEN)
        for veld in ("aanmelden", "kosten_toelichting"):
            if cel(veld):
                velden[veld] = (schone_tekst(cel(veld)), CSV)

        for doel, naam, patroon, wat in (
            ("telefoon", "telefoonnummer", TELEFOON, "geen telefoonnummer (alleen cijfers, spaties, '-' en eventueel +31)"),
            ("email", "e-mailadres", EMAIL, "geen geldig e-mailadres"),
            ("website", "website", WEBSITE, "geen geldig webadres (begin met https://)"),
        ):
            waarde = " ".join(cel(doel).split())
            if doel == "email":
                waarde = re.sub(r"^mailto:", "", waarde, flags=re.I)
            if not waarde:
                continue
            if patroon.search(waarde):
                inv.contact[doel] = waarde
            else:
                self.meld(regel, kolom(doel), f"{naam} '{waarde}' is {wat}; niet overgenomen")
        self._locatie(inv, cel, kolom)
        return inv

    def _lijstveld(self, velden: dict, veld: str, waarden: list[str], verplicht: bool) -> None:
        if waarden:
            velden[veld] = (waarden, CSV)
        elif veld in self.koppeling.standaard:
            velden[veld] = (self.koppeling.standaard[veld], STANDAARD)
        elif verplicht:
            velden[veld] = (plaatshouder(VELDEN[veld]), INVULLEN)

    def _locatie(self, inv: Invoer, cel: Callable[[str], str], kolom: Callable[[str], int | None]) -> None:
        """A location when the row has a place: an address, postcode, location name or opening hours."""
        loc = inv.locatie
        if cel("postcode"):
            waarde = postcode(cel("postcode"))
            if waarde:
                loc["postcode"] = (waarde, CSV)
            else:
                self.meld(
                    inv.regel, kolom("postcode"),
                    f"postcode '{cel('postcode')}' is geen geldige postcode (vier cijfers en twee letters); niet overgenomen",
                )  # fmt: skip
        if cel("adres"):
            loc["adres"] = (" ".join(cel("adres").split()), CSV)
        tijden = cel("openingstijden")
        if tijden:
            blokken = openingstijden(tijden)
            if blokken:
                loc["openingstijden"] = (blokken, CSV)
            else:
                loc["openingstijden_toelichting"] = (" ".join(tijden.split()), CSV)
        if cel("locatie"):
            loc["naam"] = (" ".join(cel("locatie").split()), CSV)
        if not loc:
            return  # a plaats alone ('Enschede') is not a location
        if cel("plaats"):
            loc["plaats"] = (" ".join(cel("plaats").split()), CSV)
        loc.setdefault("naam", (inv.naam, STANDAARD))
        # Coordinates are never guessed: a placeholder, so the location cannot go live without its place on the map.
        loc["coordinaten"] = (plaatshouder(LOCATIE["properties"]["coordinaten"]), INVULLEN)

    def meld_onbekende_waarden(self) -> None:
        """One warning per distinct unknown value, at its first cell, with the rows and a suggestion."""
        for onbekend in self.onbekend.values():
            lijst = onbekend.lijst
            nummers = onbekend.regels
            regels = f"regel {nummers[0]}"
            if len(nummers) > 1:
                regels = "regels " + ", ".join(map(str, nummers[:-1])) + f" en {nummers[-1]}"
            wat = {"thema": "onbekend thema", "doelgroep": "onbekende doelgroep", "gebied": "onbekend gebied"}.get(
                lijst.wat, f"onbekende waarde voor {lijst.wat}"
            )
            bericht = f"{wat} '{onbekend.waarde}' ({regels})"
            beter = lijst.suggesties(onbekend.waarde)
            if beter:
                bericht += f"; bedoelt u {lijst.noem(beter)}?"
            else:
                bericht += "; niets lijkt erop."
            bericht += f" Zet de waarde in het koppelbestand onder '{lijst.sectie}'"
            self.problemen.waarschuwing(self.csvpad, onbekend.plek, bericht)


# --- the koppelbestand, checked -------------------------------------------------------


def laad_koppeling(
    pad: Path, problemen: Problemen, taxonomie: Taxonomie, lijsten: dict[str, Waardelijst], gebieden: Gebieden
) -> Koppeling | None:
    """The koppelbestand, checked against its schema and the taxonomy; None (with located errors) when it is wrong."""
    voor = len(problemen.fouten)
    bestand = laad_yaml(pad, problemen)
    if bestand is None:
        return None
    if not isinstance(bestand.data, dict):
        problemen.fout(pad, bestand.plek(()), "het koppelbestand moet een groep velden zijn (bron, kolommen, themas, ...)")
        return None
    data = s.controleer_schema(bestand, KOPPELING_SCHEMA, problemen, _KOPPELING_VALIDATOR)
    termen = {"themas": taxonomie.themas, "doelgroepen": taxonomie.doelgroepen}
    wat = {"themas": "thema", "doelgroepen": "doelgroep"}

    def controleer_id(sectie: str, id_: str, plek_pad: tuple) -> None:
        if termen[sectie] and id_ not in termen[sectie]:
            lijst = lijsten["thema" if sectie == "themas" else "doelgroep"]
            beter = lijst.suggesties(id_)
            bericht = f"{'onbekend' if sectie == 'themas' else 'onbekende'} {wat[sectie]} '{id_}'"
            bericht += f"; bedoelt u {lijst.noem(beter)}?" if beter else f"; kies een id uit '{sectie}' in data/taxonomie.yml"
            problemen.fout(pad, bestand.plek(plek_pad), bericht)

    for sectie in ("themas", "doelgroepen"):
        for bronwaarde, id_ in data.get(sectie, {}).items():
            controleer_id(sectie, id_, (sectie, bronwaarde))
        for i, id_ in enumerate(data.get("standaard", {}).get(sectie, [])):
            controleer_id(sectie, id_, ("standaard", sectie, i))
    gebieden_ = [(("gebied", k), v) for k, v in data.get("gebied", {}).items()]
    if "gebied" in data.get("standaard", {}):
        gebieden_.append((("standaard", "gebied"), data["standaard"]["gebied"]))
    for plek_pad, waarde in gebieden_:
        for i, code in enumerate(waarde if isinstance(waarde, list) else []):
            if gebieden.codes and code not in gebieden.codes:
                beter = difflib.get_close_matches(code, sorted(gebieden.codes), n=1, cutoff=0.7)
                problemen.fout(
                    pad, bestand.plek(plek_pad + (i,)),
                    f"onbekende wijk- of buurtcode '{code}'" + (f"; bedoelt u '{beter[0]}'?" if beter else ""),
                )  # fmt: skip
    if len(problemen.fouten) > voor:
        return None
    waarden = {sectie: data.get(sectie, {}) for sectie in ("themas", "doelgroepen", "toegang", "kosten", "gebied")}
    return Koppeling(data.get("bron", ""), data.get("kolommen", {}), waarden, data.get("standaard", {}), bestand)


# --- existing records -----------------------------------------------------------------


@dataclass
class Bestaand:
    pad: Path
    data: dict | None  # None: the file cannot be read (reported by validate)
    tekst: str

    @property
    def sleutel(self) -> tuple[str, str] | None:
        koppeling = (self.data or {}).get("import")
        if isinstance(koppeling, dict) and isinstance(koppeling.get("bron"), str) and isinstance(koppeling.get("sleutel"), str):
            return koppeling["bron"], koppeling["sleutel"]
        return None


def bestaande_records(map_: Path) -> dict[str, Bestaand]:
    """Every voorziening file by id, with its data as written (numbers typed as text stay text)."""
    uit = {}
    for pad in sorted(map_.glob("*.y*ml")):
        try:
            tekst = pad.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            uit[pad.stem] = Bestaand(pad, None, "")
            continue
        bestand = laad_yaml(pad, Problemen())  # its problems are validate's to report
        data = None
        if bestand is not None and isinstance(bestand.data, dict) and not bestand.syntaxfout:
            data = s.getallen_als_tekst(bestand.data, VOORZIENING, bestand)
        uit[pad.stem] = Bestaand(pad, data, tekst)
    return uit


# --- merging and writing ------------------------------------------------------------------


def _zet(doel: dict, veld: str, waarde: Any, herkomst: str) -> None:
    """A value from the CSV always; a default or placeholder only where there is nothing (or a placeholder)."""
    if herkomst == CSV or veld not in doel or is_invulplek(doel[veld]):
        doel[veld] = waarde


def _orden(waarde: Any, knoop: dict) -> Any:
    """Groups in the schema's order (the top level in the order of a new file); unknown keys last."""
    if isinstance(waarde, dict) and "properties" in knoop:
        volgorde = veldvolgorde("voorziening") if knoop is VOORZIENING else list(knoop["properties"])
        sleutels = [k for k in volgorde if k in waarde] + [k for k in waarde if k not in volgorde]
        return {k: _orden(waarde[k], knoop["properties"].get(k, {})) for k in sleutels}
    if isinstance(waarde, list) and isinstance(knoop.get("items"), dict):
        return [_orden(x, knoop["items"]) for x in waarde]
    return waarde


def voeg_samen(oud: dict, inv: Invoer) -> dict:
    """The record after this import: ``oud`` (empty for a new one) with the row's fields."""
    nieuw = {k: (dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v) for k, v in oud.items()}
    for veld, (waarde, herkomst) in inv.velden.items():
        _zet(nieuw, veld, waarde, herkomst)
    if inv.contact:
        contact = nieuw.get("contact")
        nieuw["contact"] = {**(contact if isinstance(contact, dict) else {}), **inv.contact}
    if inv.locatie:
        locaties = nieuw.get("locaties")
        if not isinstance(locaties, list) or not locaties:
            locaties = [{}]
        if isinstance(locaties[0], dict):
            eerste = dict(locaties[0])
            for veld, (waarde, herkomst) in inv.locatie.items():
                _zet(eerste, veld, waarde, herkomst)
            locaties = [eerste, *locaties[1:]]
        nieuw["locaties"] = locaties
    return _orden(nieuw, VOORZIENING)


def invulplekken(data: Any, pad: tuple = ()) -> list[str]:
    """The fields (dotted) that still hold a 'VUL IN' placeholder."""
    if is_invulplek(data):
        return [veldnaam(pad)]
    if isinstance(data, dict):
        return [v for k, w in data.items() for v in invulplekken(w, pad + (k,))]
    if isinstance(data, list):
        return [v for i, w in enumerate(data) for v in invulplekken(w, pad + (i,))]
    return []


def record_tekst(data: dict, bron: str) -> str:
    uitleg = (
        f"Overgenomen uit {bron} met 'wijkportaal import csv'. Een nieuwe import uit die bron werkt de velden uit de "
        "bron bij; wat er alleen hier staat (beschrijving, coördinaten, ...) blijft staan."
    )
    if invulplekken(data):
        uitleg += ' Vervang elke waarde die begint met "VUL IN"; zolang die er staat, komt dit record niet op de site.'
    regels = ["# yaml-language-server: $schema=../../schema/voorziening.json"]
    regels += ["## " + r for r in textwrap.wrap(uitleg, BREEDTE - 3, break_on_hyphens=False)]
    for veld, waarde in data.items():
        regels += yaml_regels(veld, waarde)
    return "\n".join(regels) + "\n"


# --- the import -----------------------------------------------------------------------------


@dataclass
class Geimporteerd:
    pad: Path
    regel: int
    status: str  # nieuw, bijgewerkt, ongewijzigd
    open: list[str]


@dataclass
class Uitkomst:
    problemen: Problemen
    csvpad: Path
    gestopt: bool = False  # the input could not be used: nothing written
    codering: str = ""
    scheidingsteken: str = ""
    aantal_regels: int = 0
    records: list[Geimporteerd] = field(default_factory=list)
    niet_geimporteerd: int = 0
    niet_meer_in_bron: list[Path] = field(default_factory=list)
    zichtbaarheid: str = "intern"

    def aantal(self, status: str) -> int:
        return sum(1 for r in self.records if r.status == status)

    def verslag(self) -> list[str]:
        """What the command prints, in Dutch (the problems first, one per line)."""
        toon = self.problemen.toon_pad
        regels = [str(p) for p in self.problemen]
        if self.gestopt:
            regels.append(f"Niets geïmporteerd: {self.problemen.samenvatting()}")
            return regels
        teken = {";": "';'", ",": "','", "\t": "tab"}[self.scheidingsteken]
        kop = (f"Gelezen: {toon(self.csvpad)} ({self.codering}, scheidingsteken {teken}), "
               f"{self.aantal_regels} {'regel' if self.aantal_regels == 1 else 'regels'} met gegevens.")  # fmt: skip
        regels.insert(0, kop)
        for status in ("nieuw", "bijgewerkt"):
            lijst = [r for r in self.records if r.status == status]
            if lijst:
                regels += ["", f"{status.capitalize()}:"] + [f"  {toon(r.pad)} (regel {r.regel})" for r in lijst]
        open_ = [r for r in self.records if r.open]
        if open_:
            regels += ["", 'Nog in te vullen (zolang er "VUL IN" staat, komt een record niet op de site):']
            regels += [f"  {toon(r.pad)} (regel {r.regel}): {', '.join(r.open)}" for r in open_]
        if self.niet_meer_in_bron:
            regels += ["", f"Niet meer in {toon(self.csvpad)} (niet verwijderd; kijk of ze nog bestaan):"]
            regels += [f"  {toon(p)}" for p in self.niet_meer_in_bron]
        if self.aantal("nieuw"):
            regels += ["", f"Nieuwe records staan op 'zichtbaarheid: {self.zichtbaarheid}'."]
            if self.zichtbaarheid == "intern":
                regels[-1] += " Zet ze op 'publiek' als de organisatie ze heeft gecontroleerd."
        regels += [
            "",
            f"Resultaat: nieuw: {self.aantal('nieuw')}, bijgewerkt: {self.aantal('bijgewerkt')}, "
            f"ongewijzigd: {self.aantal('ongewijzigd')}, niet geïmporteerd: {self.niet_geimporteerd}.",
        ]
        return regels


def _nieuwe_id(naam: str, bezet: set[str], bestaand: set[str], organisatie: str) -> str:
    basis = maak_id(naam)
    if len(basis) > ID_LENGTE:
        basis = basis[:ID_LENGTE].rsplit("-", 1)[0]
    basis = basis or "voorziening"
    if basis not in bezet:
        return basis
    if basis in bestaand and f"{basis}-{organisatie}" not in bezet:
        return f"{basis}-{organisatie}"  # another organisation's record with this name
    n = 2
    while f"{basis}-{n}" in bezet:
        n += 1
    return f"{basis}-{n}"


def importeer_csv(
    csvpad: Path, *, data: Path, organisatie: str, koppelbestand: Path | None = None, vandaag: dt.date, basis: Path | None = None
) -> Uitkomst:
    """Import ``csvpad`` into ``data/voorzieningen/``. Raises :class:`Geweigerd` for a wrong
    organisation or data folder; everything about the files is in the returned problems."""
    problemen = Problemen(basis=basis)
    uitkomst = Uitkomst(problemen, csvpad)
    map_ = data / "voorzieningen"
    if not map_.is_dir():
        raise Geweigerd(f"de map {map_.as_posix()} bestaat niet; start in de map van het project of geef de datamap met --data")
    controleer_organisatie(data, organisatie)

    taxonomie = laad_taxonomie(data / "taxonomie.yml", Problemen())
    gebieden = laad_gebieden(data / "gebieden", Problemen())
    lijsten = {
        "thema": _taxonomielijst("thema", "themas", taxonomie.themas),
        "doelgroep": _taxonomielijst("doelgroep", "doelgroepen", taxonomie.doelgroepen),
        "toegang": _keuzelijst("toegang", "toegang", TOEGANG_LABEL, {"vrij toegankelijk": "vrij"}),
        "kosten": _keuzelijst("kosten", "kosten", KOSTEN_LABEL, {"kosteloos": "gratis"}),
        "gebied": _gebiedlijst(gebieden),
    }
    koppeling = Koppeling()
    if koppelbestand is not None:
        gelezen = laad_koppeling(koppelbestand, problemen, taxonomie, lijsten, gebieden)
        if gelezen is None:
            uitkomst.gestopt = True
            return uitkomst
        koppeling = gelezen
        for doel, sectie in SECTIES.items():
            for bronwaarde, waarde in koppeling.waarden.get(sectie, {}).items():
                lijsten[doel].koppel(bronwaarde, waarde)
    imp = Importeur(csvpad, data, organisatie, vandaag, problemen, koppeling, lijsten, gebieden)

    try:
        tabel = lees_csv(csvpad)
    except Onleesbaar as fout:
        problemen.fout(csvpad, fout.plek, fout.bericht)
        uitkomst.gestopt = True
        return uitkomst
    uitkomst.codering, uitkomst.scheidingsteken = tabel.codering, tabel.scheidingsteken
    doelen = imp.kolommen(tabel)
    if doelen is None:
        uitkomst.gestopt = True
        return uitkomst

    # Rows to fields; rows that cannot be records are reported here.
    invoer: list[Invoer] = []
    eerder_inhoud: dict[tuple, int] = {}
    eerder_naam: dict[str, Invoer] = {}
    eerder_sleutel: dict[str, int] = {}
    sleutelkolom = [i for i, d in doelen.items() if d == "sleutel"]
    gebruikt = sorted(i for i, d in doelen.items() if d not in ("overslaan", "sleutel"))
    for regel in tabel.regels:
        if not any(c.strip() for c in regel.cellen):
            imp.meld(regel, None, "lege regel; overgeslagen")
            continue
        uitkomst.aantal_regels += 1
        extra = [i for i in range(len(tabel.kop), len(regel.cellen)) if regel.cel(i)]
        if extra:
            teken = "tab" if tabel.scheidingsteken == "\t" else f"'{tabel.scheidingsteken}'"
            imp.meld(
                regel, extra[0],
                f"deze regel heeft {len(regel.cellen)} velden en de eerste regel {len(tabel.kop)}; staat er een {teken} "
                "in een tekst zonder aanhalingstekens? Niet geïmporteerd",
                fout=True,
            )  # fmt: skip
            uitkomst.niet_geimporteerd += 1
            continue
        inhoud = tuple(" ".join(regel.cel(i).split()) for i in gebruikt)
        if inhoud in eerder_inhoud:
            imp.meld(regel, None, f"dezelfde gegevens als regel {eerder_inhoud[inhoud]}; niet nog een keer geïmporteerd")
            uitkomst.niet_geimporteerd += 1
            continue
        eerder_inhoud[inhoud] = regel.nummer
        inv = imp.invoer(regel, doelen)
        if inv is None:
            uitkomst.niet_geimporteerd += 1
            continue
        if inv.sleutel in eerder_sleutel:
            imp.meld(
                regel, sleutelkolom[0] if sleutelkolom else None,
                f"de sleutel '{inv.sleutel}' staat ook in regel {eerder_sleutel[inv.sleutel]}; niet geïmporteerd. "
                "Elke regel van de bron hoort een eigen id te hebben",
                fout=True,
            )  # fmt: skip
            uitkomst.niet_geimporteerd += 1
            continue
        vorige = eerder_naam.get(sorteersleutel(inv.naam))
        if vorige is not None:
            naamkolom = next(i for i, d in doelen.items() if d == "naam")
            imp.meld(
                regel, naamkolom,
                f"de naam '{inv.naam}' staat ook in regel {vorige.regel.nummer}; dit record krijgt een naam om in te "
                "vullen. Is het dezelfde voorziening op een andere plek, zet de locatie dan bij de eerste en verwijder dit record",
            )  # fmt: skip
            inv.naam_uniek = False
            kort = inv.naam if len(inv.naam) <= 80 else inv.naam[:79] + "…"
            plaatshouder_naam = f"VUL IN: een eigen naam (regel {regel.nummer}); '{kort}' staat ook in regel {vorige.regel.nummer}"
            inv.velden["naam"] = (plaatshouder_naam, INVULLEN)
            if not sleutelkolom or not regel.cel(sleutelkolom[0]):
                n = 2
                while f"{inv.sleutel}-{n}" in eerder_sleutel:
                    n += 1
                inv.sleutel = f"{inv.sleutel}-{n}"
        else:
            eerder_naam[sorteersleutel(inv.naam)] = inv
        eerder_sleutel[inv.sleutel] = regel.nummer
        invoer.append(inv)
    imp.meld_onbekende_waarden()

    # Match, merge, write.
    bron = koppeling.bron or csvpad.name
    bronzin = f"{BRON_BEGIN}{csvpad.name}" + (f" ({koppeling.bron})" if koppeling.bron else "") + f" op {vandaag.isoformat()}"
    bestaande = bestaande_records(map_)
    op_sleutel = {b.sleutel: id_ for id_, b in bestaande.items() if b.sleutel}
    op_naam = {
        (sorteersleutel(b.data["naam"]), b.data.get("organisatie")): id_
        for id_, b in bestaande.items()
        if b.data and isinstance(b.data.get("naam"), str)
    }
    for id_, b in bestaande.items():
        if b.data is None and "import:" in b.tekst:
            problemen.waarschuwing(
                b.pad, None,
                "dit record is niet te lezen, dus ook niet te herkennen als het uit deze bron komt; los eerst de fouten op "
                "(wijkportaal validate), anders kan de import het dubbel maken",
            )  # fmt: skip
    bezet = set(bestaande)
    uitkomst.zichtbaarheid = koppeling.standaard.get("zichtbaarheid", "intern")
    for inv in invoer:
        id_ = op_sleutel.get((bron, inv.sleutel))
        if id_ is None and inv.naam_uniek:
            zelfde = op_naam.get((sorteersleutel(inv.naam), organisatie))
            if zelfde is not None:
                naamkolom = next(i for i, d in doelen.items() if d == "naam")
                imp.meld(
                    inv.regel, naamkolom,
                    f"'{inv.naam}' van {organisatie} bestaat al: {problemen.toon_pad(bestaande[zelfde].pad)}, zonder "
                    f"koppeling met deze bron; niet geïmporteerd. Moet de import dat record bijwerken, zet er dan in: "
                    f'import: {{bron: "{bron}", sleutel: "{inv.sleutel}"}}',
                    fout=True,
                )  # fmt: skip
                uitkomst.niet_geimporteerd += 1
                continue
        if id_ is not None:
            b = bestaande[id_]
            if b.data is None:
                imp.meld(
                    inv.regel, None,
                    f"{problemen.toon_pad(b.pad)} is niet te lezen; niet bijgewerkt. Los eerst de fouten op (wijkportaal validate)",
                    fout=True,
                )  # fmt: skip
                uitkomst.niet_geimporteerd += 1
                continue
            oud = b.data
            nieuw = voeg_samen(oud, inv)
            if nieuw == oud:
                status = "ongewijzigd"
            else:
                status = "bijgewerkt"
                if isinstance(nieuw.get("bron"), str) and nieuw["bron"].startswith(BRON_BEGIN):
                    nieuw["bron"] = bronzin
                try:
                    b.pad.write_text(record_tekst(nieuw, bron), encoding="utf-8", newline="\n")
                except OSError as fout:
                    imp.meld(inv.regel, None, f"kan {problemen.toon_pad(b.pad)} niet schrijven: {fout.strerror or fout}", fout=True)
                    uitkomst.niet_geimporteerd += 1
                    continue
            uitkomst.records.append(Geimporteerd(b.pad, inv.regel.nummer, status, invulplekken(nieuw)))
            continue
        id_ = _nieuwe_id(inv.naam, bezet, set(bestaande), organisatie)
        bezet.add(id_)
        basis_velden = {
            "organisatie": organisatie,
            "zichtbaarheid": koppeling.standaard.get("zichtbaarheid", "intern"),
            "beheer": {"organisatie": organisatie, "laatst_gecontroleerd": vandaag.isoformat()},
            "bron": bronzin,
            "import": {"bron": bron, "sleutel": inv.sleutel},
        }
        nieuw = voeg_samen(basis_velden, inv)
        pad = map_ / f"{id_}.yml"
        try:
            with open(pad, "x", encoding="utf-8", newline="\n") as uit:  # never overwrite
                uit.write(record_tekst(nieuw, bron))
        except FileExistsError:
            imp.meld(inv.regel, None, f"{problemen.toon_pad(pad)} bestaat al; niet geïmporteerd", fout=True)
            uitkomst.niet_geimporteerd += 1
            continue
        except OSError as fout:
            imp.meld(inv.regel, None, f"kan {problemen.toon_pad(pad)} niet schrijven: {fout.strerror or fout}", fout=True)
            uitkomst.niet_geimporteerd += 1
            continue
        uitkomst.records.append(Geimporteerd(pad, inv.regel.nummer, "nieuw", invulplekken(nieuw)))

    in_deze = {(bron, inv.sleutel) for inv in invoer}
    uitkomst.niet_meer_in_bron = [
        b.pad for b in bestaande.values()
        if b.sleutel and b.sleutel[0] == bron and b.sleutel not in in_deze and (b.data or {}).get("organisatie") == organisatie
    ]  # fmt: skip
    return uitkomst
