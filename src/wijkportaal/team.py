"""Team: who is who in the wijkteams, as teams and roles (``/wie-is-wie/``). Schema, model and checks.

Staff only (``ALLEEN_INTERN``): a team never reaches the publiek edition. A team
may name people, but only with their consent written in the data: every person
needs ``toestemming`` (the date they agreed), and a photo also ``foto_toestemming``.
People without consent are never shown, whatever else is wrong with the file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from . import schema as s
from .gebieden import BUURT_PATROON, WIJK_PATROON
from .record import CONTACT, Controle, MetContact, Record, Voorbeelden, controleer_gedeeld, datum, gedeelde_velden
from .schema import id_lijst, id_veld

SOORT_TEAM = {
    "wijkteam": "een van de negen wijkteams, gericht op een stadsdeel",
    "stedelijk-team": "specialistisch team voor heel Enschede, zoals het team Huiselijk Geweld",
    "toegang": "waar hulpvragen binnenkomen, zoals de frontoffice",
    "ondersteuning": "ondersteunt de wijkteams, bijvoorbeeld met methodieken, kwaliteit of administratie",
    "leerkring": "medewerkers, beleid en management die rond één thema kennis delen",
}
# Headings of the overview, in this order.
SOORT_TEAM_KOP = {
    "wijkteam": "Wijkteams per stadsdeel",
    "stedelijk-team": "Stedelijke teams",
    "toegang": "Toegang",
    "ondersteuning": "Ondersteuning",
    "leerkring": "Leerkringen",
}
SOORT_TEAM_LABEL = {
    "wijkteam": "Wijkteam",
    "stedelijk-team": "Stedelijk team",
    "toegang": "Toegang",
    "ondersteuning": "Ondersteuning",
    "leerkring": "Leerkring",
}

FOTOMAP = "fotos"  # photos live in data/teams/fotos/
FOTO_PATROON = r"^[a-z0-9]+(-[a-z0-9]+)*\.(jpg|jpeg|png|webp)$"

PERSOON = s.mapping(
    "Eén persoon. Alleen met toestemming van die persoon: zonder datum bij 'toestemming' komt niemand op de site.",
    {
        "naam": s.tekst(
            "Naam van de persoon, zoals die zelf wil dat collega's hem of haar vinden. Het voorbeeld is verzonnen.",
            "Sam Voorbeeld",
            verzonnen=True,
            maxLength=100,
        ),
        "rol": s.tekst("Rol of functie in het team.", "KIES-coach", maxLength=100),
        "expertise": s.tekst(
            "Waar collega's deze persoon voor kunnen vragen (gewone tekst).", "KIES-training voor de onderbouw", maxLength=300
        ),
        "toestemming": s.datum(
            "Verplicht: de datum waarop deze persoon toestemming gaf om in het interne portaal te staan. "
            "Trekt iemand de toestemming in, haal de persoon dan weg.",
            "2024-03-01",
        ),
        "foto": s.tekst(
            "Bestandsnaam van een foto in data/teams/fotos/ (kleine letters, .jpg, .png of .webp). Alleen met "
            "'foto_toestemming'.",
            "sam-voorbeeld.jpg",
            verzonnen=True,
            pattern=FOTO_PATROON,
            **{"x-foutmelding": "geen geldige bestandsnaam; schrijf bijvoorbeeld sam-voorbeeld.jpg (.jpg, .png of .webp)"},
        ),
        "foto_toestemming": s.datum(
            "De datum waarop deze persoon toestemming gaf voor de foto. Zonder deze datum wordt de foto niet getoond.",
            "2024-03-01",
        ),
    },
    ["naam", "toestemming"],
    **{
        s.VERPLICHT_UITLEG: {
            "toestemming": "zet hier de datum waarop deze persoon toestemming gaf om in het portaal te staan "
            "(JJJJ-MM-DD), of haal de persoon weg"
        }
    },
)

VELDEN = {
    **gedeelde_velden(
        Voorbeelden(
            id="team-huiselijk-geweld",
            naam="Stedelijk team Huiselijk Geweld",
            samenvatting="Specialistisch team voor heel Enschede. Wijkteammedewerkers zetten het in bij stalking, "
            "kindermishandeling, complexe scheidingen en geweld van een (ex-)partner.",
            beschrijving="Het team kwam er in 2023 bij en wordt gezien als het **tiende wijkteam**.",
            themas=["huiselijk-geweld", "kinderen-en-echtscheiding"],
            onbevestigd={"werkgebied": "Afgeleid uit de teamnaam van 2017; nog niet nagevraagd bij het team."},
        ),
        themas_verplicht=False,
    ),
    "soort_team": s.keuze("Wat voor team dit is.", SOORT_TEAM, "stedelijk-team"),
    "stadsdeel": id_veld(
        "Het stadsdeel van een wijkteam: een id uit data/gebieden/stadsdelen.yml. Zo staat het team in 'Wie is wie' "
        "en onder 'Vraag het aan' bij zijn stadsdeel.",
        "west",
    ),
    "werkgebied": s.veld(
        "Voor welk gebied het team werkt: 'stedelijk' (heel Enschede) of een lijst van CBS-wijkcodes (WK015302) "
        "en/of CBS-buurtcodes (BU01530201). Weet u alleen het stadsdeel, noem dan de wijken van het stadsdeel "
        "(data/gebieden/stadsdelen.yml) en zet bij 'onbevestigd' dat de precieze buurten niet bekend zijn.",
        "stedelijk",
        ["BU01530201", "BU01530901"],
        anyOf=[
            {"const": "stedelijk"},
            {
                "type": "array",
                "minItems": 1,
                "uniqueItems": True,
                "items": {"type": "string", "pattern": f"{WIJK_PATROON}|{BUURT_PATROON}"},
            },
        ],
        **{"x-foutmelding": "schrijf 'stedelijk' of een lijst van CBS-codes, bijvoorbeeld [WK015302, BU01530201]"},
    ),
    "methodieken": id_lijst(
        "Methodieken (ids uit data/methodieken/) waarin het team getraind is of waar het veel van weet.",
        ["kies", "presentiebenadering"],
    ),
    "bereikbaarheid": s.tekst(
        "Markdown: hoe collega's en inwoners het team bereiken. Alleen wat de organisatie zelf zegt of publiceert.",
        "Wijkteammedewerkers schakelen het team in. Inwoners bellen de frontoffice van de Wijkteams Enschede.",
    ),
    "contact": CONTACT,
    "mensen": s.lijst(
        "Mensen in het team die met naam in het portaal willen staan. Alleen met hun toestemming (datum bij "
        "'toestemming'); nooit op de openbare site. Een team hoeft geen mensen te noemen.",
        PERSOON,
    ),
}

# A team is for staff only: 'zichtbaarheid' may be left out, and the example says so.
VELDEN["zichtbaarheid"] = {
    **VELDEN["zichtbaarheid"],
    "description": "Een team staat alleen in het interne portaal; u hoeft dit veld niet in te vullen. "
    "'publiek' is een fout.",
    "examples": ["intern"],
}

SCHEMA = s.record_schema(
    "team",
    "Team",
    "Een team of rol binnen de Wijkteams Enschede, voor 'Wie is wie' in het interne portaal.",
    VELDEN,
    ["naam", "samenvatting", "soort_team", "werkgebied", "beheer"],
)


@dataclass(frozen=True)
class Persoon:
    """A person who agreed to be listed; ``foto`` only when they agreed to the photo too."""

    naam: str
    rol: str
    expertise: str
    toestemming: dt.date
    foto: str


@dataclass
class Team(MetContact, Record):
    SOORT = "teams"
    ENKELVOUD = "team"
    STANDAARD_ZICHTBAARHEID = "intern"
    ALLEEN_INTERN = True

    @property
    def soort_team(self) -> str:
        return self.data.get("soort_team", "")

    @property
    def soort_team_label(self) -> str:
        return SOORT_TEAM_LABEL.get(self.soort_team, "")

    @property
    def stadsdeel(self) -> str:
        return self.data.get("stadsdeel", "")

    @property
    def stedelijk(self) -> bool:
        return self.data.get("werkgebied") == "stedelijk"

    @property
    def gebiedcodes(self) -> list[str]:
        werkgebied = self.data.get("werkgebied")
        return werkgebied if isinstance(werkgebied, list) else []

    @property
    def methodieken(self) -> list[str]:
        return self.data.get("methodieken", [])

    @property
    def bereikbaarheid(self) -> str:
        return self.data.get("bereikbaarheid", "")

    @property
    def mensen(self) -> list[Persoon]:
        """Only the people who gave consent; a photo only with its own consent (and when the file is there)."""
        uit = []
        for p in self.data.get("mensen", []):
            toestemming = datum(p.get("toestemming"))
            if toestemming is None or "naam" not in p:
                continue  # reported by the checks; never shown
            foto = p.get("foto", "")
            if not (foto and p.get("foto_toestemming") and self.fotobestand(foto).is_file()):
                foto = ""
            uit.append(Persoon(p["naam"], p.get("rol", ""), p.get("expertise", ""), toestemming, foto))
        return uit

    def fotobestand(self, foto: str) -> Path:
        return self.bestand.pad.parent / FOTOMAP / foto

    def zoektekst(self) -> str:
        mensen = " ".join(f"{p.naam} {p.rol} {p.expertise}" for p in self.mensen)
        return " ".join([self.bereikbaarheid, mensen])


def controleer(t: Team, c: Controle) -> None:
    controleer_gedeeld(t, c)
    b = t.bestand
    stadsdelen = c.gebieden.stadsdelen
    if t.stadsdeel and stadsdelen and t.stadsdeel not in stadsdelen:
        c.meld_onbekend(
            b, ("stadsdeel",), "stadsdeel", t.stadsdeel, stadsdelen,
            f"kies uit {', '.join(stadsdelen)} (zie data/gebieden/stadsdelen.yml)",
        )  # fmt: skip
    if t.soort_team == "wijkteam" and t.stedelijk:
        c.problemen.fout(
            b.pad, b.plek(("werkgebied",)), "een wijkteam werkt in een stadsdeel, niet in heel Enschede; "
            "vul 'stadsdeel' in en eventueel de CBS-codes, of kies een andere 'soort_team'",
        )  # fmt: skip
    if c.gebieden.wijken:
        eigen = stadsdelen.get(t.stadsdeel)
        for i, code in enumerate(t.gebiedcodes):
            if code not in c.gebieden.codes:
                c.meld_onbekend(b, ("werkgebied", i), "wijk- of buurtcode", code, c.gebieden.codes)
                continue
            wijk = next(iter(c.gebieden.wijken_van_codes([code])), "")
            ander = c.gebieden.stadsdeel_van(wijk)
            if eigen is not None and ander is not None and ander.id != eigen.id:
                c.problemen.fout(
                    b.pad, b.plek(("werkgebied", i)),
                    f"{code} ligt in stadsdeel {ander.naam}, niet in stadsdeel {eigen.naam}; controleer 'stadsdeel' "
                    "of de code",
                )  # fmt: skip
    for i, methodiek in enumerate(t.methodieken):
        if not c.bestaat("methodieken", methodiek):
            c.meld_onbekend(
                b, ("methodieken", i), "methodiek", methodiek, c.ids.get("methodieken", set()),
                "kies een id van een bestand in data/methodieken/",
            )  # fmt: skip
    for i, persoon in enumerate(t.data.get("mensen", [])):
        foto = persoon.get("foto")
        if not foto or foto in PERSOON["properties"]["foto"]["examples"]:
            continue  # the made-up example gets its own warning (schema.controleer_invulling)
        if "foto_toestemming" not in b.data["mensen"][i]:  # as written: a wrong date is reported as such
            c.problemen.fout(
                b.pad, b.plek(("mensen", i, "foto")), "een foto alleen met toestemming: zet de datum waarop deze "
                "persoon toestemming gaf bij 'foto_toestemming', of haal de foto weg",
            )  # fmt: skip
        elif not t.fotobestand(foto).is_file():
            c.problemen.fout(
                b.pad, b.plek(("mensen", i, "foto")),
                f"de foto '{foto}' staat niet in data/teams/{FOTOMAP}/; voeg het bestand toe of controleer de naam",
            )  # fmt: skip
