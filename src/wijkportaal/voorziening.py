"""Voorziening: a service or facility on the sociale kaart. Schema, model and checks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from . import schema as s
from .gebieden import BUURT_PATROON, WIJK_PATROON
from .record import (
    CONTACT,
    GEDEELD_VERPLICHT,
    Controle,
    Record,
    controleer_doelgroepen,
    controleer_gedeeld,
    gedeelde_velden,
    id_lijst,
    id_veld,
)

TOEGANG = {
    "vrij": "zonder verwijzing en zonder indicatie, u kunt zo binnenlopen of bellen",
    "verwijzing": "een verwijzing van een professional is nodig",
    "indicatie": "een beschikking (indicatie) van de gemeente is nodig",
}
TOEGANG_LABEL = {"vrij": "Zonder verwijzing", "verwijzing": "Verwijzing nodig", "indicatie": "Indicatie nodig"}
KOSTEN = {"gratis": "gratis", "eigen-bijdrage": "er is een eigen bijdrage", "betaald": "u betaalt zelf"}
KOSTEN_LABEL = {"gratis": "Gratis", "eigen-bijdrage": "Eigen bijdrage", "betaald": "Betaald"}
KANALEN = {
    "fysiek": "langskomen op een locatie",
    "telefonisch": "bellen",
    "online": "via internet (chat, video, website)",
    "huisbezoek": "een medewerker komt bij u thuis",
}
KANAAL_LABEL = {"fysiek": "Langskomen", "telefonisch": "Telefonisch", "online": "Online", "huisbezoek": "Huisbezoek"}
DAGEN = {"ma": "maandag", "di": "dinsdag", "wo": "woensdag", "do": "donderdag", "vr": "vrijdag", "za": "zaterdag", "zo": "zondag"}
TOEGANKELIJKHEID = {
    "rolstoeltoegankelijk": "het gebouw is toegankelijk met een rolstoel",
    "invalidentoilet": "er is een aangepast toilet",
    "lift": "er is een lift",
    "ringleiding": "er is een ringleiding voor mensen met een gehoorapparaat",
    "invalidenparkeerplaats": "er is een gehandicaptenparkeerplaats",
    "prikkelarm": "er is een rustige, prikkelarme ruimte",
}
TALEN = {
    "nl": "Nederlands", "en": "Engels", "de": "Duits", "fr": "Frans", "es": "Spaans", "pl": "Pools",
    "tr": "Turks", "ar": "Arabisch", "ti": "Tigrinya", "uk": "Oekraïens", "ru": "Russisch",
    "fa": "Perzisch", "so": "Somalisch", "zgh": "Tamazight", "pap": "Papiaments", "ro": "Roemeens",
    "bg": "Bulgaars", "ku": "Koerdisch", "prs": "Dari", "ps": "Pasjtoe", "sgn": "Gebarentaal",
}
TIJD_PATROON = r"^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$"

LOCATIE = s.mapping(
    "Een plek waar de voorziening te vinden is.",
    {
        "naam": s.tekst("Naam van de plek, bijvoorbeeld het wijkcentrum."),
        "adres": s.tekst("Straat en huisnummer."),
        "postcode": s.tekst(
            "Postcode, bijvoorbeeld 7511 AB.",
            pattern=r"^[1-9][0-9]{3} ?[A-Z]{2}$",
            **{"x-foutmelding": "geen geldige postcode (vier cijfers en twee hoofdletters, bijvoorbeeld 7511 AB)"},
        ),
        "plaats": s.tekst("Plaats."),
        "coordinaten": {
            "type": "array",
            "description": "Plaats op de kaart als [breedtegraad, lengtegraad] (WGS84), bijvoorbeeld [52.2215, 6.8937].",
            "prefixItems": [
                {"type": "number", "minimum": -90, "maximum": 90, "description": "Breedtegraad (in Enschede ongeveer 52.2)."},
                {"type": "number", "minimum": -180, "maximum": 180, "description": "Lengtegraad (in Enschede ongeveer 6.9)."},
            ],
            "minItems": 2,
            "maxItems": 2,
            "x-foutmelding": "geen geldige coördinaten; schrijf [breedtegraad, lengtegraad], bijvoorbeeld [52.2215, 6.8937]",
        },
        "coordinaten_bij_benadering": {
            "type": "boolean",
            "description": "true als de coördinaten niet het precieze adres zijn (bijvoorbeeld het midden van de buurt).",
        },
        "toegankelijkheid": s.lijst(
            "Voorzieningen voor toegankelijkheid.", s.keuze("Toegankelijkheid.", TOEGANKELIJKHEID), uniqueItems=True
        ),
        "openingstijden": s.lijst(
            "Openingstijden: per regel de dagen en de tijd van-tot.",
            s.mapping(
                "Eén blok openingstijd.",
                {
                    "dagen": s.lijst("Dagen.", s.keuze("Dag.", DAGEN), minItems=1, uniqueItems=True),
                    "van": s.tekst(
                        "Begintijd, bijvoorbeeld \"09:00\".",
                        pattern=TIJD_PATROON,
                        **{"x-foutmelding": "geen geldige tijd; schrijf UU:MM tussen aanhalingstekens, bijvoorbeeld \"09:00\""},
                    ),
                    "tot": s.tekst(
                        "Eindtijd, bijvoorbeeld \"12:30\".",
                        pattern=TIJD_PATROON,
                        **{"x-foutmelding": "geen geldige tijd; schrijf UU:MM tussen aanhalingstekens, bijvoorbeeld \"12:30\""},
                    ),
                },
                ["dagen", "van", "tot"],
            ),
        ),
        "op_afspraak": {"type": "boolean", "description": "true als u alleen op afspraak terecht kunt."},
        "openingstijden_toelichting": s.tekst("Toelichting op de openingstijden, bijvoorbeeld over feestdagen."),
    },
    ["naam"],
)

VELDEN = {
    **gedeelde_velden(),
    "organisatie": id_veld("Id van de organisatie die deze voorziening aanbiedt (data/organisaties/<id>.yml)."),
    "doelgroepen": id_lijst("Doelgroepen uit data/taxonomie.yml."),
    "leeftijd": s.mapping(
        "Leeftijd in jaren waarvoor de voorziening is (van en/of tot).",
        {
            "van": {"type": "integer", "minimum": 0, "maximum": 120, "description": "Vanaf deze leeftijd."},
            "tot": {"type": "integer", "minimum": 0, "maximum": 120, "description": "Tot en met deze leeftijd."},
        },
    ),
    "gebied": {
        "description": "Waar de voorziening voor is: 'stedelijk' (heel Enschede) of een lijst van CBS-wijkcodes "
        "(WK015302) en/of CBS-buurtcodes (BU01530201).",
        "anyOf": [
            {"const": "stedelijk"},
            {
                "type": "array",
                "minItems": 1,
                "uniqueItems": True,
                "items": {"type": "string", "pattern": f"{WIJK_PATROON}|{BUURT_PATROON}"},
            },
        ],
        "x-foutmelding": "schrijf 'stedelijk' of een lijst van CBS-codes, bijvoorbeeld [WK015302, BU01530201]",
    },
    "toegang": s.keuze("Hoe u de hulp krijgt.", TOEGANG),
    "aanmelden": s.tekst("Markdown: hoe krijgt u deze hulp? De volgende stap voor een inwoner of een professional."),
    "kosten": s.keuze("Wat het kost.", KOSTEN),
    "kosten_toelichting": s.tekst("Toelichting op de kosten."),
    "kanalen": s.lijst("Hoe u de hulp krijgt.", s.keuze("Kanaal.", KANALEN), uniqueItems=True),
    "contact": CONTACT,
    "talen": s.lijst(
        "Talen waarin de hulp wordt gegeven, als ISO 639-codes (nl, en, ar, tr, ...).",
        s.keuze("Taalcode.", TALEN),
        uniqueItems=True,
    ),
    "locaties": s.lijst("Plekken waar de voorziening te vinden is.", LOCATIE),
}

SCHEMA = s.record_schema(
    "voorziening",
    "Voorziening",
    "Een voorziening op de sociale kaart: hulp, activiteit, ontmoetingsplek of hulplijn in Enschede.",
    VELDEN,
    GEDEELD_VERPLICHT + ["organisatie", "gebied", "toegang"],
)


def _getal(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


@dataclass
class Locatie:
    naam: str
    adres: str
    postcode: str
    plaats: str
    coordinaten: tuple[float, float] | None
    bij_benadering: bool
    toegankelijkheid: list[str]
    openingstijden: list[dict]
    op_afspraak: bool
    toelichting: str
    buurtcode: str = ""
    wijkcode: str = ""

    @classmethod
    def uit_data(cls, data: dict) -> "Locatie":
        coord = data.get("coordinaten")
        geldig = isinstance(coord, list) and len(coord) == 2 and all(_getal(c) for c in coord)
        return cls(
            naam=str(data.get("naam") or ""),
            adres=str(data.get("adres") or ""),
            postcode=str(data.get("postcode") or ""),
            plaats=str(data.get("plaats") or ""),
            coordinaten=(float(coord[0]), float(coord[1])) if geldig else None,
            bij_benadering=data.get("coordinaten_bij_benadering") is True,
            toegankelijkheid=[t for t in data.get("toegankelijkheid") or [] if t in TOEGANKELIJKHEID],
            openingstijden=[o for o in data.get("openingstijden") or [] if isinstance(o, dict)],
            op_afspraak=data.get("op_afspraak") is True,
            toelichting=str(data.get("openingstijden_toelichting") or ""),
        )


@dataclass
class Voorziening(Record):
    SOORT = "voorzieningen"
    ENKELVOUD = "voorziening"
    STANDAARD_ZICHTBAARHEID = "publiek"

    def __post_init__(self) -> None:
        self.locaties = [Locatie.uit_data(l) for l in self.data.get("locaties") or [] if isinstance(l, dict)]

    @property
    def organisatie(self) -> str:
        return self._tekst("organisatie")

    @property
    def doelgroepen(self) -> list[str]:
        return self._teksten("doelgroepen")

    @property
    def stedelijk(self) -> bool:
        return self.data.get("gebied") == "stedelijk"

    @property
    def gebiedcodes(self) -> list[str]:
        gebied = self.data.get("gebied")
        return [g for g in gebied if isinstance(g, str)] if isinstance(gebied, list) else []

    @property
    def toegang(self) -> str:
        return self._tekst("toegang")

    @property
    def toegang_label(self) -> str:
        return TOEGANG_LABEL.get(self.toegang, "")

    @property
    def kosten(self) -> str:
        return self._tekst("kosten")

    @property
    def kosten_label(self) -> str:
        return KOSTEN_LABEL.get(self.kosten, "")

    @property
    def leeftijd(self) -> tuple[int | None, int | None]:
        leeftijd = self.data.get("leeftijd")
        if not isinstance(leeftijd, dict):
            return (None, None)
        van, tot = leeftijd.get("van"), leeftijd.get("tot")
        return (van if isinstance(van, int) else None, tot if isinstance(tot, int) else None)

    @property
    def leeftijd_tekst(self) -> str:
        van, tot = self.leeftijd
        if van is not None and tot is not None:
            return f"{van} tot en met {tot} jaar"
        if van is not None:
            return f"vanaf {van} jaar"
        if tot is not None:
            return f"tot en met {tot} jaar"
        return ""

    @property
    def contact(self) -> dict[str, str]:
        return self._tekstvelden("contact")

    @property
    def kanalen(self) -> list[str]:
        return [k for k in self.data.get("kanalen") or [] if k in KANALEN]

    @property
    def talen(self) -> list[str]:
        return [t for t in self.data.get("talen") or [] if t in TALEN]

    def verwijzingen(self) -> list[str]:
        refs = super().verwijzingen()
        if self.organisatie:
            refs.append(f"organisaties/{self.organisatie}")
        return refs

    def zoektekst(self) -> str:
        return " ".join([self._tekst("aanmelden"), self._tekst("kosten_toelichting")])


def _minuten(tijd: Any) -> int | None:
    if isinstance(tijd, str) and re.match(TIJD_PATROON, tijd):
        uur, minuut = tijd.split(":")
        return int(uur) * 60 + int(minuut)
    return None


def controleer(v: Voorziening, c: Controle) -> None:
    """Checks beyond the schema for one voorziening."""
    controleer_gedeeld(v, c)
    controleer_doelgroepen(v, c)
    b, data = v.bestand, v.data
    if isinstance(data.get("organisatie"), str) and not c.bestaat("organisaties", data["organisatie"]):
        c.meld_onbekend(b, ("organisatie",), "organisatie", data["organisatie"], c.ids.get("organisaties", set()))
    van, tot = v.leeftijd
    if van is not None and tot is not None and van > tot:
        c.problemen.fout(
            b.pad, b.plek(("leeftijd",)), f"leeftijd 'van' ({van}) is groter dan 'tot' ({tot}); draai ze om"
        )
    for i, code in enumerate(v.gebiedcodes):
        if re.match(f"{WIJK_PATROON}|{BUURT_PATROON}", code) and code not in c.gebieden.codes:
            c.meld_onbekend(b, ("gebied", i), "wijk- of buurtcode", code, c.gebieden.codes)
    for i, locatie in enumerate(data.get("locaties") or [] if isinstance(data.get("locaties"), list) else []):
        if isinstance(locatie, dict):
            _controleer_locatie(v, i, locatie, c)


def _controleer_locatie(v: Voorziening, i: int, data: dict, c: Controle) -> None:
    b = v.bestand
    for j, blok in enumerate(data.get("openingstijden") or [] if isinstance(data.get("openingstijden"), list) else []):
        if not isinstance(blok, dict):
            continue
        van, tot = _minuten(blok.get("van")), _minuten(blok.get("tot"))
        if van is not None and tot is not None and van >= tot:
            c.problemen.fout(
                b.pad,
                b.plek(("locaties", i, "openingstijden", j, "tot")),
                f"openingstijd: 'tot' ({blok['tot']}) moet later zijn dan 'van' ({blok['van']})",
            )
    coord = data.get("coordinaten")
    if "coordinaten" not in data:
        c.problemen.waarschuwing(
            b.pad,
            b.plek(("locaties", i)),
            "locatie zonder 'coordinaten' staat niet op de kaart; voeg [breedtegraad, lengtegraad] toe "
            "(bij een onbekend adres het midden van de buurt, met coordinaten_bij_benadering: true)",
        )
        return
    if not (isinstance(coord, list) and len(coord) == 2 and all(_getal(x) for x in coord)):
        return
    lat, lon = float(coord[0]), float(coord[1])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return  # the schema reports it
    pad = ("locaties", i, "coordinaten")
    if not c.gebieden.in_enschede(lat, lon):
        if v.stedelijk and c.gebieden.in_twente(lat, lon):
            return
        if c.gebieden.in_enschede(lon, lat):
            bericht = (
                f"coördinaten [{lat}, {lon}] liggen buiten Enschede; zijn breedte- en lengtegraad verwisseld? "
                f"Schrijf [{lon}, {lat}]"
            )
        elif v.stedelijk:
            bericht = f"coördinaten [{lat}, {lon}] liggen buiten Twente"
        else:
            bericht = (
                f"coördinaten [{lat}, {lon}] liggen buiten Enschede (alleen een stedelijke voorziening mag "
                "elders in Twente liggen)"
            )
        c.problemen.fout(b.pad, b.plek(pad), bericht)
        return
    codes = v.gebiedcodes
    buurt = c.gebieden.buurt_bij(lat, lon)
    if codes and buurt is not None and buurt.code not in codes and buurt.wijkcode not in codes:
        c.problemen.waarschuwing(
            b.pad,
            b.plek(pad),
            f"deze locatie ligt in buurt {buurt.naam} ({buurt.code}), die niet onder 'gebied' valt; "
            f"voeg {buurt.code} of {buurt.wijkcode} toe aan 'gebied' of controleer de coördinaten",
        )
