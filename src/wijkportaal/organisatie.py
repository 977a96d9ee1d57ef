"""Organisatie: an organisation that offers services or maintains records."""

from __future__ import annotations

from dataclasses import dataclass

from . import schema as s
from .record import CONTACT, Controle, MetContact, Record, Voorbeelden, controleer_gedeeld, gedeelde_velden

TYPEN = {
    "welzijn": "welzijnsorganisatie",
    "zorg": "zorgaanbieder",
    "gemeente": "gemeente of gemeentelijke dienst",
    "onderwijs": "school of onderwijsinstelling",
    "vrijwilligers": "vrijwilligersorganisatie",
    "wonen": "woningcorporatie of wonen",
    "veiligheid": "veiligheid en justitie",
    "jeugd": "jeugdhulp en jeugdbescherming",
    "werk-en-inkomen": "werk, inkomen en schulden",
    "overig": "anders",
}

VELDEN = {
    **gedeelde_velden(
        Voorbeelden(
            id="wijkteams-enschede",
            naam="Wijkteams Enschede",
            samenvatting="Samenwerkingsverband van de gemeente Enschede en SMD. Negen wijkteams per stadsdeel en een "
            "stedelijk team Huiselijk Geweld helpen inwoners met vragen over zorg en ondersteuning.",
            beschrijving="De wijkteams werken **in de wijk**, dichtbij inwoners.",
            themas=["welzijn-en-gezondheid", "wonen"],
            onbevestigd={"type": "Afgeleid uit de website van de organisatie; nog niet nagevraagd."},
        ),
        themas_verplicht=False,
    ),
    "type": s.keuze("Soort organisatie.", TYPEN),
    "contact": CONTACT,
    "beheerders": s.lijst(
        "GitHub-namen of teams die wijzigingen in de records van deze organisatie mogen goedkeuren (voor CODEOWNERS).",
        s.tekst(
            "GitHub-naam (@naam) of GitHub-team (@organisatie/team).",
            "@wijkteams-enschede/kennisportaal",
            pattern=r"^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9_.-]+)?$",
            **{"x-foutmelding": "geen geldige GitHub-naam; schrijf @naam of @organisatie/team, bijvoorbeeld @wijkteams-enschede/kennisportaal"},
        ),
        uniqueItems=True,
    ),
}

SCHEMA = s.record_schema(
    "organisatie",
    "Organisatie",
    "Een organisatie die voorzieningen aanbiedt of records bijhoudt.",
    VELDEN,
    ["naam", "samenvatting", "type", "beheer"],
)


@dataclass
class Organisatie(MetContact, Record):
    SOORT = "organisaties"
    ENKELVOUD = "organisatie"
    STANDAARD_ZICHTBAARHEID = "publiek"

    @property
    def type(self) -> str:
        return self.data.get("type", "")

    @property
    def type_label(self) -> str:
        return TYPEN.get(self.type, "")

    @property
    def beheerders(self) -> list[str]:
        return self.data.get("beheerders", [])


def controleer(o: Organisatie, c: Controle) -> None:
    controleer_gedeeld(o, c)
