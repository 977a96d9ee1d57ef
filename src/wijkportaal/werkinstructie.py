"""Werkinstructie: a work procedure for wijkteam staff. Schema, model and checks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import schema as s
from .record import GEDEELD_VERPLICHT, Controle, Record, controleer_gedeeld, datum_of_none, gedeelde_velden, id_veld

VELDEN = {
    **gedeelde_velden(),
    "proces": id_veld("Het werkproces waar deze instructie bij hoort (processen in data/taxonomie.yml)."),
    "wettelijk_kader": s.lijst(
        "Wetten en regels (wettelijke_kaders in data/taxonomie.yml), bijvoorbeeld wmo, jeugdwet, meldcode.",
        id_veld("Id van een wettelijk kader."),
        uniqueItems=True,
    ),
    "stappen": s.lijst(
        "De stappen, in volgorde.",
        s.mapping(
            "Eén stap.",
            {
                "titel": s.tekst("Korte titel van de stap."),
                "beschrijving": s.tekst("Markdown: wat u in deze stap doet."),
                "rol": s.tekst("Wie deze stap uitvoert (rol, geen naam)."),
            },
            ["titel"],
        ),
        minItems=1,
    ),
    "versie": {
        "type": ["string", "number"],
        "description": "Versienummer, bijvoorbeeld \"1.2\" (tussen aanhalingstekens).",
    },
    "vastgesteld_op": s.datum("Datum waarop deze versie is vastgesteld."),
    "herzien_voor": s.datum("Datum waarvoor de instructie opnieuw moet worden bekeken."),
    "eigenaar": s.tekst("Team of rol die eigenaar is van de instructie."),
}

SCHEMA = s.record_schema(
    "werkinstructie",
    "Werkinstructie",
    "Een werkinstructie (procedure) voor medewerkers van de Wijkteams Enschede.",
    VELDEN,
    GEDEELD_VERPLICHT + ["proces", "stappen", "versie", "eigenaar"],
)


@dataclass
class Werkinstructie(Record):
    SOORT = "werkinstructies"
    ENKELVOUD = "werkinstructie"
    STANDAARD_ZICHTBAARHEID = "intern"

    @property
    def proces(self) -> str:
        return self._tekst("proces")

    @property
    def wettelijk_kader(self) -> list[str]:
        return [w for w in self.data.get("wettelijk_kader") or [] if isinstance(w, str)]

    @property
    def stappen(self) -> list[dict]:
        return [st for st in self.data.get("stappen") or [] if isinstance(st, dict)]

    @property
    def versie(self) -> str:
        # YAML reads 1.10 as the number 1.1: show exactly what was written.
        return self.bestand.ruw.get(("versie",), str(self.data.get("versie") or ""))

    @property
    def vastgesteld_op(self) -> dt.date | None:
        return datum_of_none(self.data.get("vastgesteld_op"))

    @property
    def herzien_voor(self) -> dt.date | None:
        return datum_of_none(self.data.get("herzien_voor"))

    @property
    def eigenaar(self) -> str:
        return self._tekst("eigenaar")

    def zoektekst(self) -> str:
        return " ".join(f"{st.get('titel', '')} {st.get('beschrijving', '')}" for st in self.stappen)


def controleer(w: Werkinstructie, c: Controle) -> None:
    controleer_gedeeld(w, c)
    b, data = w.bestand, w.data
    if isinstance(data.get("proces"), str) and data["proces"] not in c.taxonomie.processen:
        c.meld_onbekend(b, ("proces",), "proces", data["proces"], c.taxonomie.processen)
    kaders = data.get("wettelijk_kader")
    for i, kader in enumerate(kaders if isinstance(kaders, list) else []):
        if isinstance(kader, str) and kader not in c.taxonomie.wettelijke_kaders:
            c.meld_onbekend(b, ("wettelijk_kader", i), "wettelijk kader", kader, c.taxonomie.wettelijke_kaders)
    vastgesteld, herzien = w.vastgesteld_op, w.herzien_voor
    if vastgesteld and herzien and herzien < vastgesteld:
        c.problemen.fout(b.pad, b.plek(("herzien_voor",)), "'herzien_voor' ligt vóór 'vastgesteld_op'")
