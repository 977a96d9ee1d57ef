"""Methodiek: a method or approach in the kennisportaal. Schema, model and checks."""

from __future__ import annotations

from dataclasses import dataclass

from . import schema as s
from .record import (
    GEDEELD_VERPLICHT,
    Controle,
    MetDoelgroepen,
    Record,
    controleer_doelgroepen,
    controleer_gedeeld,
    gedeelde_velden,
)
from .schema import id_lijst

ONDERBOUWING = {
    "effectief": "bewezen effectief in onderzoek",
    "goed-onderbouwd": "goed onderbouwd (erkend, met een duidelijke verandertheorie)",
    "theoretisch-onderbouwd": "onderbouwd met theorie",
    "praktijkervaring": "gebaseerd op ervaring in de praktijk",
}
ONDERBOUWING_LABEL = {
    "effectief": "Effectief",
    "goed-onderbouwd": "Goed onderbouwd",
    "theoretisch-onderbouwd": "Theoretisch onderbouwd",
    "praktijkervaring": "Praktijkervaring",
}

VELDEN = {
    **gedeelde_velden(),
    "doel": s.tekst("Waar de methodiek voor is."),
    "doelgroepen": id_lijst("Doelgroepen uit data/taxonomie.yml."),
    "onderbouwing": s.keuze("Hoe sterk de methodiek is onderbouwd.", ONDERBOUWING),
    "werkwijze": s.tekst("Markdown: hoe de methodiek wordt toegepast."),
    "training": s.tekst("Markdown: wie traint, hoe u getraind wordt."),
    "bronnen": s.lijst(
        "Literatuur en documenten.",
        s.mapping(
            "Eén bron.",
            {
                "titel": s.tekst("Titel van de bron."),
                "url": s.tekst(
                    "Adres van de bron, met https://.",
                    pattern=r"^https?://[^\s]+$",
                    **{"x-foutmelding": "geen geldig adres; begin met https://"},
                ),
            },
            ["titel"],
        ),
    ),
    "eigenaar": s.tekst("Team dat de methodiek bijhoudt, bijvoorbeeld Projectteam Methodieken."),
}

SCHEMA = s.record_schema(
    "methodiek",
    "Methodiek",
    "Een methodiek of werkwijze uit het kennisportaal van de Wijkteams Enschede.",
    VELDEN,
    GEDEELD_VERPLICHT + ["doel"],
)


@dataclass
class Methodiek(MetDoelgroepen, Record):
    SOORT = "methodieken"
    ENKELVOUD = "methodiek"
    STANDAARD_ZICHTBAARHEID = "intern"

    @property
    def doel(self) -> str:
        return self.data.get("doel", "")

    @property
    def onderbouwing_label(self) -> str:
        return ONDERBOUWING_LABEL.get(self.data.get("onderbouwing", ""), "")

    @property
    def bronnen(self) -> list[dict]:
        return self.data.get("bronnen", [])

    def zoektekst(self) -> str:
        return " ".join([self.doel, self.data.get("werkwijze", "")])


def controleer(m: Methodiek, c: Controle) -> None:
    controleer_gedeeld(m, c)
    controleer_doelgroepen(m, c)
