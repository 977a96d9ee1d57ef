"""The taxonomy (data/taxonomie.yml): thema's, doelgroepen, processen, wettelijke kaders.

Thema's have two levels: the seven official help themes of the wijkteams, each
with sub-themes. Every entry has a label and synonyms (used by search).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import schema as s
from .laden import laad_yaml
from .problemen import Plek, Problemen


ICOON_PATROON = r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)+$"


def _term_schema(beschrijving: str, voorbeeld: dict[str, dict], met_subthemas: bool = False, met_naam: bool = False) -> dict:
    """A section of the taxonomy: terms by id. ``voorbeeld`` is one real term of that section."""
    (term_id, term), = voorbeeld.items()
    velden = {
        "label": s.tekst("Naam zoals die op de site staat.", term["label"]),
        "synoniemen": s.lijst(
            "Andere woorden waarmee mensen zoeken.", s.tekst("Synoniem.", term["synoniemen"][0]), term["synoniemen"]
        ),
        "beschrijving": s.tekst("Korte uitleg.", term["beschrijving"]),
    }
    if met_naam:
        velden["naam"] = s.tekst("Volledige naam van de wet.", term["naam"])
    if met_subthemas:  # the hoofdthema's: they have an icon on the home page
        velden["icoon"] = s.tekst(
            "Icoon op de startpagina: de naam van een icoon uit de iconenset van de site (Material Design "
            "Icons), als material/home. Zie https://pictogrammers.com/library/mdi/ voor de namen.",
            term["icoon"],
            pattern=ICOON_PATROON,
            **{"x-foutmelding": "geen geldige naam van een icoon; schrijf bijvoorbeeld material/home"},
        )
        velden["subthemas"] = _term_schema("Subthema's van dit hoofdthema, per id.", term["subthemas"])
    return s.vrije_mapping(
        beschrijving,
        s.mapping("Eén term.", velden, ["label"], term),
        voorbeeld,
        sleutel=s.id_veld("Id.", term_id),
    )


_INRICHTING = {
    "label": "Inrichting",
    "synoniemen": ["meubels", "witgoed", "spullen", "inboedel"],
    "beschrijving": "Meubels en spullen voor in huis.",
}

SCHEMA = {
    "$schema": s.SCHEMA_DIALECT,
    "$id": "https://wijkportaal.enschede.example/schema/taxonomie.json",
    "title": "Taxonomie",
    "description": "Thema's, doelgroepen, processen en wettelijke kaders van het wijkportaal.",
    "type": "object",
    "properties": {
        "themas": _term_schema(
            "Hoofdthema's (de zeven hulpthema's) met hun subthema's.",
            {
                "wonen": {
                    "label": "Wonen",
                    "synoniemen": ["woning", "huis", "huisvesting"],
                    "beschrijving": "Een huis vinden, houden en inrichten.",
                    "icoon": "material/home",
                    "subthemas": {"inrichting": _INRICHTING},
                }
            },
            met_subthemas=True,
        ),
        "doelgroepen": _term_schema(
            "Doelgroepen.",
            {
                "mantelzorgers": {
                    "label": "Mantelzorgers",
                    "synoniemen": ["mantelzorger", "naasten"],
                    "beschrijving": "Mensen die zorgen voor een naaste.",
                }
            },
        ),
        "processen": _term_schema(
            "Werkprocessen waar werkinstructies bij horen.",
            {
                "toegang": {
                    "label": "Toegang en aanmelding",
                    "synoniemen": ["aanmelden", "intake", "frontoffice", "triage"],
                    "beschrijving": "Hoe een hulpvraag binnenkomt bij het wijkteam.",
                }
            },
        ),
        "wettelijke_kaders": _term_schema(
            "Wetten en regels waar werkinstructies op steunen.",
            {
                "wmo": {
                    "label": "Wmo 2015",
                    "naam": "Wet maatschappelijke ondersteuning 2015",
                    "synoniemen": ["wmo"],
                    "beschrijving": "De wet voor ondersteuning door de gemeente.",
                }
            },
            met_naam=True,
        ),
    },
    "required": ["themas", "doelgroepen", "processen", "wettelijke_kaders"],
    "additionalProperties": False,
}


@dataclass(frozen=True)
class Term:
    """One thema, doelgroep, proces or wettelijk kader."""

    id: str
    label: str
    synoniemen: tuple[str, ...] = ()
    beschrijving: str = ""
    ouder: str | None = None  # for a sub-theme: its hoofdthema
    naam: str = ""
    icoon: str = ""  # a hoofdthema's icon name (material/home); the site engine finds the picture
    soort: str = "themas"  # the taxonomy section: themas, doelgroepen, processen, wettelijke_kaders


@dataclass
class Taxonomie:
    themas: dict[str, Term] = field(default_factory=dict)
    doelgroepen: dict[str, Term] = field(default_factory=dict)
    processen: dict[str, Term] = field(default_factory=dict)
    wettelijke_kaders: dict[str, Term] = field(default_factory=dict)
    pad: Path | None = None  # the file, for messages about its values
    icoonplekken: dict[str, Plek] = field(default_factory=dict)  # hoofdthema id -> where its icoon is written

    @property
    def hoofdthemas(self) -> list[Term]:
        return [t for t in self.themas.values() if t.ouder is None]

    def subthemas(self, hoofd: str) -> list[Term]:
        return [t for t in self.themas.values() if t.ouder == hoofd]

    def hoofdthema(self, thema: str) -> str | None:
        term = self.themas.get(thema)
        if term is None:
            return None
        return term.ouder or term.id

    def hoofdthema_label(self, themas: list[str]) -> str:
        """The label of the first hoofdthema among ``themas`` (for map layers), or 'Overig'."""
        for thema in themas:
            hoofd = self.hoofdthema(thema)
            if hoofd:
                return self.themas[hoofd].label
        return "Overig"

    def onder(self, thema: str) -> set[str]:
        """The thema itself and, for a hoofdthema, all its sub-themes."""
        return {thema} | {t.id for t in self.subthemas(thema)}


def _terms(data: dict, soort: str, ouder: str | None = None) -> dict[str, Term]:
    return {
        id_: Term(
            id=id_,
            label=waarde.get("label", id_),
            synoniemen=tuple(waarde.get("synoniemen", ())),
            beschrijving=waarde.get("beschrijving", ""),
            ouder=ouder,
            naam=waarde.get("naam", ""),
            icoon=waarde.get("icoon", ""),
            soort=soort,
        )
        for id_, waarde in data.items()
    }


_VALIDATOR = s.validator(SCHEMA)


def laad_taxonomie(pad: Path, problemen: Problemen) -> Taxonomie:
    bestand = laad_yaml(pad, problemen)
    if bestand is None or not isinstance(bestand.data, dict):
        if bestand is not None:
            problemen.fout(pad, None, "de taxonomie moet een groep velden zijn (themas, doelgroepen, ...)")
        return Taxonomie()
    data = s.controleer_schema(bestand, SCHEMA, problemen, _VALIDATOR)
    taxonomie = Taxonomie(
        doelgroepen=_terms(data.get("doelgroepen", {}), "doelgroepen"),
        processen=_terms(data.get("processen", {}), "processen"),
        wettelijke_kaders=_terms(data.get("wettelijke_kaders", {}), "wettelijke_kaders"),
        pad=pad,
    )
    themas = data.get("themas", {})
    for hoofd_id, hoofd in _terms(themas, "themas").items():
        taxonomie.themas[hoofd_id] = hoofd
        if hoofd.icoon:
            taxonomie.icoonplekken[hoofd_id] = bestand.plek(("themas", hoofd_id, "icoon"))
        for sub_id, sub in _terms(themas[hoofd_id].get("subthemas", {}), "themas", ouder=hoofd_id).items():
            if sub_id in taxonomie.themas:
                problemen.fout(
                    pad, bestand.sleutelplek(("themas", hoofd_id, "subthemas", sub_id)), f"thema-id '{sub_id}' bestaat al"
                )
                continue
            taxonomie.themas[sub_id] = sub
    return taxonomie
