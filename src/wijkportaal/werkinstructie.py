"""Werkinstructie: a work procedure for wijkteam staff. Schema, model and checks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import schema as s
from .record import GEDEELD_VERPLICHT, Controle, Record, Voorbeelden, controleer_gedeeld, datum, gedeelde_velden
from .schema import id_veld

VELDEN = {
    **gedeelde_velden(
        Voorbeelden(
            id="frontoffice-triage",
            naam="Triage door de frontoffice en het ABC-team",
            samenvatting="Hoe de stedelijke frontoffice telefonische hulpvragen uitvraagt, de urgentie inschat met "
            "hulp van het ABC-team en een melding doorzet naar het wijkteam.",
            beschrijving="De stedelijke frontoffice is voor veel nieuwe inwoners het **eerste aanspreekpunt** "
            "van de wijkteams.",
            themas=["welzijn-en-gezondheid", "opvoeden-en-opgroeien"],
            onbevestigd={"proces": "Afgeleid uit de bron; nog niet nagevraagd bij de eigenaar van de instructie."},
        )
    ),
    "proces": id_veld("Het werkproces waar deze instructie bij hoort (processen in data/taxonomie.yml).", "toegang"),
    "wettelijk_kader": s.lijst(
        "Wetten en regels (wettelijke_kaders in data/taxonomie.yml), bijvoorbeeld wmo, jeugdwet, meldcode.",
        id_veld("Id van een wettelijk kader.", "wmo"),
        ["wmo", "jeugdwet"],
        uniqueItems=True,
    ),
    "stappen": s.lijst(
        "De stappen, in volgorde.",
        s.mapping(
            "Eén stap.",
            {
                "titel": s.tekst("Korte titel van de stap.", "Hulpvraag uitvragen"),
                "beschrijving": s.tekst(
                    "Markdown: wat u in deze stap doet.", "Stel gerichte vragen en breng de situatie in kaart."
                ),
                "rol": s.tekst("Wie deze stap uitvoert (rol, geen naam).", "frontoffice-medewerker"),
            },
            ["titel"],
        ),
        minItems=1,
    ),
    "vaststelling": s.keuze(
        "Of de instructie formeel is vastgesteld.",
        {
            "vastgesteld": "formeel vastgesteld, met versie en eigenaar (standaard)",
            "concept": "concept, samengesteld uit bronnen; niet formeel vastgesteld (versie, datum en eigenaar mogen ontbreken)",
        },
    ),
    "versie": s.veld(
        "Versienummer, bijvoorbeeld 1.2 of \"2024-1\". Het wordt getoond zoals u het schrijft.",
        "1.2",
        type=["string", "number"],
    ),
    "vastgesteld_op": s.datum("Datum waarop deze versie is vastgesteld."),
    "herzien_voor": s.datum("Datum waarvoor de instructie opnieuw moet worden bekeken.", "2026-03-01"),
    "eigenaar": s.tekst("Team of rol die eigenaar is van de instructie.", "Team Kennisportaal"),
}

SCHEMA = s.record_schema(
    "werkinstructie",
    "Werkinstructie",
    "Een werkinstructie (procedure) voor medewerkers van de Wijkteams Enschede.",
    VELDEN,
    GEDEELD_VERPLICHT + ["proces", "stappen"],
)


@dataclass
class Werkinstructie(Record):
    SOORT = "werkinstructies"
    ENKELVOUD = "werkinstructie"
    STANDAARD_ZICHTBAARHEID = "intern"

    @property
    def proces(self) -> str:
        return self.data.get("proces", "")

    @property
    def wettelijk_kader(self) -> list[str]:
        return self.data.get("wettelijk_kader", [])

    @property
    def stappen(self) -> list[dict]:
        return self.data.get("stappen", [])

    @property
    def is_concept(self) -> bool:
        return self.data.get("vaststelling") == "concept"

    @property
    def versie(self) -> str:
        return str(self.data.get("versie", ""))  # numbers are kept as written (1.10, not 1.1)

    @property
    def vastgesteld_op(self) -> dt.date | None:
        return datum(self.data.get("vastgesteld_op"))

    @property
    def herzien_voor(self) -> dt.date | None:
        return datum(self.data.get("herzien_voor"))

    @property
    def eigenaar(self) -> str:
        return self.data.get("eigenaar", "")

    def zoektekst(self) -> str:
        return " ".join(f"{st.get('titel', '')} {st.get('beschrijving', '')}" for st in self.stappen)


def controleer(w: Werkinstructie, c: Controle) -> None:
    controleer_gedeeld(w, c)
    b = w.bestand
    if w.proces and c.taxonomie.processen and w.proces not in c.taxonomie.processen:
        c.meld_onbekend(
            b, ("proces",), "proces", w.proces, c.taxonomie.processen,
            f"kies uit {', '.join(sorted(c.taxonomie.processen))} (zie 'processen' in data/taxonomie.yml)",
        )  # fmt: skip
    c.controleer_termen(w, "wettelijk_kader", "wettelijk kader", c.taxonomie.wettelijke_kaders, "wettelijke_kaders")
    if not w.is_concept:
        for veld in ("versie", "eigenaar"):
            if veld not in w.data:
                c.problemen.fout(
                    b.pad, b.plek(()), f"verplicht veld '{veld}' ontbreekt; of zet 'vaststelling: concept' als de "
                    "instructie is samengesteld uit bronnen en niet formeel is vastgesteld",
                )
    vastgesteld, herzien = w.vastgesteld_op, w.herzien_voor
    if vastgesteld and herzien and herzien < vastgesteld:
        c.problemen.fout(b.pad, b.plek(("herzien_voor",)), "'herzien_voor' ligt vóór 'vastgesteld_op'")
