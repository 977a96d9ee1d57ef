"""The glossary (data/woordenlijst.yml): hard words explained in plain Dutch (B1).

Partners extend it like any data file. The site explains a word where it appears:
a "Wat betekent dit?" block on a voorziening or vraag page lists the words in its
labels (toegang, kosten) and texts, and ``/woordenlijst/`` lists them all. An entry
may point to a record that says more (``meer: vragen/wat-is-een-indicatie``);
that reference is checked like any other.

The file is optional: without it the glossary is empty and nothing is explained.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from . import schema as s
from .laden import laad_yaml
from .problemen import Problemen
from .record import REF_PATROON

BESTAND = "woordenlijst.yml"

_VOORBEELD = {
    "woord": "indicatie",
    "ook": ["indicaties"],
    "uitleg": (
        "Een besluit van de gemeente dat u recht hebt op bepaalde hulp, bijvoorbeeld begeleiding of hulp "
        "in het huishouden. Eerst praat u met het wijkteam over uw vraag. Daarna beslist de gemeente."
    ),
    "meer": "vragen/wat-is-een-indicatie",
    "bron": "Vraag 'Wat is een indicatie?' (data/vragen/wat-is-een-indicatie.yml)",
}

SCHEMA = {
    "$schema": s.SCHEMA_DIALECT,
    "$id": "https://wijkportaal.enschede.example/schema/woordenlijst.json",
    "title": "Woordenlijst",
    "description": "Moeilijke woorden met een uitleg in eenvoudige taal (B1). De site legt ze uit waar ze staan.",
    "type": "object",
    "properties": {
        "woorden": s.vrije_mapping(
            "De woorden, per id.",
            s.mapping(
                "Eén woord met zijn uitleg.",
                {
                    "woord": s.tekst("Het woord zoals het op de site staat, meestal in kleine letters.", _VOORBEELD["woord"]),
                    "ook": s.lijst(
                        "Andere vormen van hetzelfde woord die de site ook herkent, zoals het meervoud.",
                        s.tekst("Een andere vorm van het woord.", _VOORBEELD["ook"][0]),
                        _VOORBEELD["ook"],
                    ),
                    "uitleg": s.tekst(
                        "Wat het woord betekent, in gewone tekst van hoogstens 300 tekens. Schrijf korte zinnen "
                        "en spreek de lezer aan met 'u'.",
                        _VOORBEELD["uitleg"],
                        maxLength=300,
                    ),
                    "meer": s.tekst(
                        "Een record dat er meer over vertelt, als vragen/wat-is-een-indicatie. De site linkt "
                        "ernaar als het in de editie staat.",
                        _VOORBEELD["meer"],
                        pattern=REF_PATROON,
                        **{"x-foutmelding": "geen geldige verwijzing: schrijf <soort>/<id>, bijvoorbeeld vragen/wat-is-een-indicatie"},
                    ),
                    "bron": s.tekst("Waar de uitleg op steunt.", _VOORBEELD["bron"]),
                },
                ["woord", "uitleg"],
                _VOORBEELD,
            ),
            {"indicatie": _VOORBEELD},
            sleutel=s.id_veld("Id van het woord.", "indicatie"),
        ),
    },
    "required": ["woorden"],
    "additionalProperties": False,
}

_VALIDATOR = s.validator(SCHEMA)


def _vouw(tekst: str) -> str:
    """Lower case without accents, so 'Geïndiceerd' and 'geindiceerd' are the same word."""
    return unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode().casefold()


@dataclass(frozen=True)
class Begrip:
    """One word of the glossary."""

    id: str
    woord: str
    uitleg: str
    ook: tuple[str, ...] = ()
    meer: str = ""  # a record ref, or ""
    bron: str = ""

    @property
    def vormen(self) -> tuple[str, ...]:
        return (self.woord, *self.ook)


@dataclass
class Woordenlijst:
    begrippen: dict[str, Begrip] = field(default_factory=dict)  # in the order of the file
    _patroon: re.Pattern | None = field(default=None, init=False, repr=False)
    _per_vorm: dict[str, Begrip] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        vormen = {}
        for begrip in self.begrippen.values():
            for vorm in begrip.vormen:
                vormen.setdefault(_vouw(vorm), begrip)
        self._per_vorm = vormen
        if vormen:
            # Longest first, so "eigen bijdrage" wins over a shorter word inside it; whole words only.
            alternatieven = "|".join(re.escape(v) for v in sorted(vormen, key=len, reverse=True))
            self._patroon = re.compile(rf"(?<!\w)(?:{alternatieven})(?!\w)")

    def __bool__(self) -> bool:
        return bool(self.begrippen)

    def __iter__(self):
        return iter(sorted(self.begrippen.values(), key=lambda b: _vouw(b.woord)))

    def in_teksten(self, teksten: Iterable[str]) -> list[Begrip]:
        """The glossary words that occur in ``teksten``, in order of first appearance (each once)."""
        if self._patroon is None:
            return []
        gevonden: dict[str, Begrip] = {}
        for tekst in teksten:
            for m in self._patroon.finditer(_vouw(tekst or "")):
                begrip = self._per_vorm[m.group(0)]
                gevonden.setdefault(begrip.id, begrip)
        return list(gevonden.values())


def laad_woordenlijst(pad: Path, problemen: Problemen) -> tuple[Woordenlijst, list[tuple[str, tuple]]]:
    """The glossary, and (ref, position) of every ``meer`` to check once all record ids are known."""
    if not pad.exists():
        return Woordenlijst(), []
    bestand = laad_yaml(pad, problemen)
    if bestand is None:
        return Woordenlijst(), []
    if not isinstance(bestand.data, dict):
        problemen.fout(pad, None, "de woordenlijst moet een groep velden zijn (woorden: ...)")
        return Woordenlijst(), []
    data = s.controleer_schema(bestand, SCHEMA, problemen, _VALIDATOR)
    begrippen: dict[str, Begrip] = {}
    gezien: dict[str, str] = {}  # folded form -> id of the entry that has it
    verwijzingen = []
    for id_, w in data.get("woorden", {}).items():
        if "woord" not in w or "uitleg" not in w:
            continue  # reported by the schema
        begrip = Begrip(
            id=id_, woord=w["woord"], uitleg=w["uitleg"], ook=tuple(w.get("ook", ())), meer=w.get("meer", ""), bron=w.get("bron", "")
        )
        for i, vorm in enumerate(begrip.vormen):
            ander = gezien.setdefault(_vouw(vorm), id_)
            if ander != id_:
                plek = bestand.plek(("woorden", id_, "woord") if i == 0 else ("woorden", id_, "ook", i - 1))
                problemen.fout(pad, plek, f"het woord '{vorm}' staat al bij '{ander}'; een woord kan maar één uitleg hebben")
        begrippen[id_] = begrip
        if begrip.meer:
            verwijzingen.append((begrip.meer, bestand.plek(("woorden", id_, "meer"))))
    return Woordenlijst(begrippen), verwijzingen


def controleer_meer(pad: Path, verwijzingen: list[tuple[str, tuple]], ids: dict[str, set[str]], problemen: Problemen) -> None:
    """Each ``meer`` names a record that exists."""
    for ref, plek in verwijzingen:
        soort, id_ = ref.split("/", 1)
        if id_ not in ids.get(soort, set()):
            bericht = f"onbekende verwijzing '{ref}': er is geen bestand data/{soort}/{id_}.yml"
            beter = difflib.get_close_matches(id_, sorted(ids.get(soort, set())), n=1, cutoff=0.75)
            if beter:
                bericht += f"; bedoelt u '{soort}/{beter[0]}'?"
            problemen.fout(pad, plek, bericht)
