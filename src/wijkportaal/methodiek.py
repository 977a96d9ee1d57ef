"""Methodiek: a method or approach in the kennisportaal. Schema, model and checks."""

from __future__ import annotations

from dataclasses import dataclass

from . import schema as s
from .record import (
    GEDEELD_VERPLICHT,
    Controle,
    MetDoelgroepen,
    Record,
    Voorbeelden,
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
    **gedeelde_velden(
        Voorbeelden(
            id="presentiebenadering",
            naam="Presentiebenadering",
            samenvatting="Wijkteammedewerkers zijn aanwezig op plekken waar inwoners met hun vragen komen, zoals "
            "scholen, huisartsen en WijkWijzers. Ze benaderen inwoners actief.",
            beschrijving="De Wijkteams Enschede werken al lange tijd volgens de **presentiebenadering** (Baart, 2001).",
            themas=["welzijn-en-gezondheid"],
            onbevestigd={"onderbouwing": "Afgeleid uit de literatuur; nog niet bevestigd door de eigenaar van de methodiek."},
        )
    ),
    "doel": s.tekst(
        "Waar de methodiek voor is.",
        "Inwoners vroeg en dichtbij helpen door als wijkteam aanwezig te zijn op de plekken waar hulpvragen ontstaan.",
    ),
    "doelgroepen": id_lijst("Doelgroepen uit data/taxonomie.yml.", ["alle-inwoners", "professionals"]),
    "onderbouwing": s.keuze("Hoe sterk de methodiek is onderbouwd.", ONDERBOUWING, "theoretisch-onderbouwd"),
    "werkwijze": s.tekst(
        "Markdown: hoe de methodiek wordt toegepast.",
        "Medewerkers zijn **aanwezig op vindplekken** waar de vraag zich voordoet, offline en online.",
    ),
    "training": s.tekst(
        "Markdown: wie traint, hoe u getraind wordt.", "Nieuwe medewerkers volgen de training in hun eerste half jaar."
    ),
    "bronnen": s.lijst(
        "Literatuur en documenten.",
        s.mapping(
            "Eén bron.",
            {
                "titel": s.tekst("Titel van de bron.", "Ontwikkelagenda Wijkteams Enschede 2024-2027"),
                "url": s.tekst(
                    "Adres van de bron, met https://. Het voorbeeld bestaat niet.",
                    "https://www.organisatie.example/ontwikkelagenda.pdf",
                    verzonnen=True,
                    pattern=r"^https?://[^\s]+$",
                    **{"x-foutmelding": "geen geldig adres; begin met https://"},
                ),
            },
            ["titel"],
        ),
    ),
    "eigenaar": s.tekst("Team dat de methodiek bijhoudt, bijvoorbeeld Projectteam Methodieken.", "SMD Enschede-Haaksbergen"),
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
