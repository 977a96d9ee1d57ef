"""Voorziening: a service or facility on the sociale kaart. Schema, model and checks."""

from __future__ import annotations

from dataclasses import dataclass

from . import schema as s
from .gebieden import BUURT_PATROON, WIJK_PATROON
from .record import (
    CONTACT,
    GEDEELD_VERPLICHT,
    Controle,
    MetContact,
    MetDoelgroepen,
    Record,
    Voorbeelden,
    controleer_doelgroepen,
    controleer_gedeeld,
    gedeelde_velden,
)
from .schema import id_lijst, id_veld

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
        "naam": s.tekst("Naam van de plek, bijvoorbeeld het wijkcentrum.", "Wijkcentrum 't Nije Terphoes"),
        "adres": s.tekst(
            "Straat en huisnummer, zoals de organisatie ze zelf publiceert. Het voorbeeld bestaat niet.",
            "Voorbeeldstraat 1",
            verzonnen=True,
        ),
        "postcode": s.tekst(
            "Postcode, bijvoorbeeld 7511 AB.",
            "7511 AB",
            pattern=r"^[1-9][0-9]{3} ?[A-Z]{2}$",
            **{"x-foutmelding": "geen geldige postcode (vier cijfers en twee hoofdletters, bijvoorbeeld 7511 AB)"},
        ),
        "plaats": s.tekst("Plaats.", "Enschede"),
        "coordinaten": s.veld(
            "Plaats op de kaart als [breedtegraad, lengtegraad] (WGS84), bijvoorbeeld [52.2067, 6.8762].",
            [52.2067, 6.8762],
            type="array",
            prefixItems=[
                s.veld("Breedtegraad (in Enschede ongeveer 52.2).", 52.2067, type="number", minimum=-90, maximum=90),
                s.veld("Lengtegraad (in Enschede ongeveer 6.9).", 6.8762, type="number", minimum=-180, maximum=180),
            ],
            minItems=2,
            maxItems=2,
            **{"x-foutmelding": "geen geldige coördinaten; schrijf [breedtegraad, lengtegraad], bijvoorbeeld [52.2067, 6.8762]"},
        ),
        "coordinaten_bij_benadering": s.ja_nee(
            "true als de coördinaten niet het precieze adres zijn (bijvoorbeeld het midden van de buurt)."
        ),
        "toegankelijkheid": s.lijst(
            "Voorzieningen voor toegankelijkheid.",
            s.keuze("Toegankelijkheid.", TOEGANKELIJKHEID),
            ["rolstoeltoegankelijk", "invalidentoilet"],
            uniqueItems=True,
        ),
        "openingstijden": s.lijst(
            "Openingstijden: per regel de dagen en de tijd van-tot. Vul alleen in wat de organisatie zelf publiceert.",
            s.mapping(
                "Eén blok openingstijd.",
                {
                    "dagen": s.lijst("Dagen.", s.keuze("Dag.", DAGEN), ["ma", "wo"], minItems=1, uniqueItems=True),
                    "van": s.tekst(
                        "Begintijd, bijvoorbeeld \"09:00\".",
                        "09:00",
                        pattern=TIJD_PATROON,
                        **{"x-foutmelding": "geen geldige tijd; schrijf UU:MM tussen aanhalingstekens, bijvoorbeeld \"09:00\""},
                    ),
                    "tot": s.tekst(
                        "Eindtijd, bijvoorbeeld \"12:30\".",
                        "12:30",
                        pattern=TIJD_PATROON,
                        **{"x-foutmelding": "geen geldige tijd; schrijf UU:MM tussen aanhalingstekens, bijvoorbeeld \"12:30\""},
                    ),
                },
                ["dagen", "van", "tot"],
            ),
        ),
        "op_afspraak": s.ja_nee("true als u alleen op afspraak terecht kunt.", False),
        "openingstijden_toelichting": s.tekst(
            "Toelichting op de openingstijden, bijvoorbeeld over feestdagen.", "In de schoolvakanties gesloten."
        ),
        "bereikbaarheid": s.tekst(
            "Hoe u er komt met het openbaar vervoer (bus, trein: lijn en halte), en eventueel parkeren of "
            "de ingang, zoals de organisatie het zelf publiceert. Het voorbeeld is verzonnen.",
            "Bus 1, halte Voorbeeldplein, 2 minuten lopen. Ingang aan de achterkant.",
            verzonnen=True,
        ),
    },
    ["naam"],
)

VELDEN = {
    **gedeelde_velden(
        Voorbeelden(
            id="meubeldepot",
            naam="Meubeldepot",
            samenvatting="Gratis meubels voor inwoners met een laag inkomen die snel meubels nodig hebben. "
            "U komt op afspraak, via een hulpverlener.",
            beschrijving="Het Meubeldepot helpt inwoners die snel en zonder kosten meubels nodig hebben. "
            "Het depot is een **algemene voorliggende voorziening**.",
            themas=["inrichting", "armoede-en-inkomen"],
            onbevestigd={"toegang": "Afgeleid uit de verwijstabel van het wijkteam; nog niet nagevraagd bij de organisatie."},
        )
    ),
    "organisatie": id_veld(
        "Id van de organisatie die deze voorziening aanbiedt (data/organisaties/<id>.yml).", "smd-enschede-haaksbergen"
    ),
    "doelgroepen": id_lijst("Doelgroepen uit data/taxonomie.yml.", ["mensen-met-schulden", "dak-en-thuislozen"]),
    "leeftijd": s.mapping(
        "Leeftijd in jaren waarvoor de voorziening is (van en/of tot).",
        {
            "van": s.geheel_getal("Vanaf deze leeftijd.", 0, 120, 18),
            "tot": s.geheel_getal("Tot en met deze leeftijd.", 0, 120, 27),
        },
    ),
    "gebied": s.veld(
        "Waar de voorziening voor is: 'stedelijk' (heel Enschede) of een lijst van CBS-wijkcodes "
        "(WK015302) en/of CBS-buurtcodes (BU01530201).",
        "stedelijk",
        ["WK015302", "BU01530201"],
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
    "toegang": s.keuze("Hoe u de hulp krijgt.", TOEGANG),
    "aanmelden": s.tekst(
        "Markdown: hoe krijgt u deze hulp? De volgende stap voor een inwoner of een professional.",
        "Een hulpverlener (bijvoorbeeld van het wijkteam) vult samen met de inwoner het aanmeldformulier in.",
    ),
    "kosten": s.keuze("Wat het kost.", KOSTEN),
    "kosten_toelichting": s.tekst("Toelichting op de kosten.", "Gratis voor inwoners van Enschede."),
    "kanalen": s.lijst("Hoe u de hulp krijgt.", s.keuze("Kanaal.", KANALEN), ["fysiek", "telefonisch"], uniqueItems=True),
    "contact": CONTACT,
    "talen": s.lijst(
        "Talen waarin de hulp wordt gegeven, als ISO 639-codes (nl, en, ar, tr, ...).",
        s.keuze("Taalcode.", TALEN),
        ["nl", "en"],
        uniqueItems=True,
    ),
    "locaties": s.lijst("Plekken waar de voorziening te vinden is.", LOCATIE),
    "import": s.mapping(
        "Alleen bij een record dat met 'wijkportaal import csv' uit een andere sociale kaart is overgenomen: "
        "uit welke bron en welke regel daarin. Een nieuwe import uit dezelfde bron werkt dit record bij "
        "(de velden uit de bron) in plaats van een tweede te maken. Haal dit veld weg als het record niet "
        "meer uit de bron bijgewerkt mag worden.",
        {
            "bron": s.tekst(
                "De bron: de naam van het bronsysteem uit het koppelbestand, of anders de naam van het CSV-bestand.",
                "Sociale kaart Voorbeeldstad",
            ),
            "sleutel": s.tekst(
                "Welke regel in de bron: de waarde uit de kolom met de id van de bron, of anders "
                "<organisatie>/<naam als id>.",
                "SK-0042",
            ),
        },
        ["bron", "sleutel"],
    ),
}

SCHEMA = s.record_schema(
    "voorziening",
    "Voorziening",
    "Een voorziening op de sociale kaart: hulp, activiteit, ontmoetingsplek of hulplijn in Enschede.",
    VELDEN,
    GEDEELD_VERPLICHT + ["organisatie", "gebied", "toegang"],
)


@dataclass
class Locatie:
    """One location of a voorziening (validated), placed in its buurt and wijk by the catalogue."""

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
    bereikbaarheid: str = ""
    buurtcode: str = ""
    wijkcode: str = ""

    @classmethod
    def uit_data(cls, data: dict) -> "Locatie":
        coord = data.get("coordinaten")
        return cls(
            naam=data.get("naam", ""),
            adres=data.get("adres", ""),
            postcode=data.get("postcode", ""),
            plaats=data.get("plaats", ""),
            coordinaten=(float(coord[0]), float(coord[1])) if coord else None,
            bij_benadering=data.get("coordinaten_bij_benadering", False),
            toegankelijkheid=data.get("toegankelijkheid", []),
            openingstijden=data.get("openingstijden", []),
            op_afspraak=data.get("op_afspraak", False),
            toelichting=data.get("openingstijden_toelichting", ""),
            bereikbaarheid=data.get("bereikbaarheid", ""),
        )


@dataclass
class Voorziening(MetDoelgroepen, MetContact, Record):
    SOORT = "voorzieningen"
    ENKELVOUD = "voorziening"
    STANDAARD_ZICHTBAARHEID = "publiek"

    def __post_init__(self) -> None:
        self.locaties = [Locatie.uit_data(l) for l in self.data.get("locaties", [])]

    @property
    def organisatie(self) -> str:
        return self.data.get("organisatie", "")

    @property
    def stedelijk(self) -> bool:
        return self.data.get("gebied") == "stedelijk"

    @property
    def gebiedcodes(self) -> list[str]:
        gebied = self.data.get("gebied")
        return gebied if isinstance(gebied, list) else []  # 'stedelijk' or a list of codes

    @property
    def toegang(self) -> str:
        return self.data.get("toegang", "")

    @property
    def toegang_label(self) -> str:
        return TOEGANG_LABEL.get(self.toegang, "")

    @property
    def kosten(self) -> str:
        return self.data.get("kosten", "")

    @property
    def kosten_label(self) -> str:
        return KOSTEN_LABEL.get(self.kosten, "")

    @property
    def leeftijd(self) -> tuple[int | None, int | None]:
        leeftijd = self.data.get("leeftijd", {})
        return leeftijd.get("van"), leeftijd.get("tot")

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
    def kanalen(self) -> list[str]:
        return self.data.get("kanalen", [])

    @property
    def talen(self) -> list[str]:
        return self.data.get("talen", [])

    def verwijzingen(self) -> list[str]:
        refs = super().verwijzingen()
        if self.organisatie:
            refs.append(f"organisaties/{self.organisatie}")
        return refs

    def zoektekst(self) -> str:
        return " ".join([self.data.get("aanmelden", ""), self.data.get("kosten_toelichting", "")])


def _minuten(tijd: str) -> int:
    uur, minuut = tijd.split(":")
    return int(uur) * 60 + int(minuut)


def controleer(v: Voorziening, c: Controle) -> None:
    """Checks beyond the schema for one voorziening."""
    controleer_gedeeld(v, c)
    controleer_doelgroepen(v, c)
    b = v.bestand
    if v.organisatie and not c.bestaat("organisaties", v.organisatie):
        c.meld_onbekend(b, ("organisatie",), "organisatie", v.organisatie, c.ids.get("organisaties", set()))
    van, tot = v.leeftijd
    if van is not None and tot is not None and van > tot:
        c.problemen.fout(
            b.pad, b.plek(("leeftijd",)), f"leeftijd 'van' ({van}) is groter dan 'tot' ({tot}); draai ze om"
        )
    if not c.gebieden.wijken:
        return  # the boundaries themselves could not be read (reported there): nothing to place or compare
    for i, code in enumerate(v.gebiedcodes):
        if code not in c.gebieden.codes:
            c.meld_onbekend(b, ("gebied", i), "wijk- of buurtcode", code, c.gebieden.codes)
    for i, locatie in enumerate(v.data.get("locaties", [])):
        _controleer_locatie(v, i, locatie, c)


def _controleer_locatie(v: Voorziening, i: int, data: dict, c: Controle) -> None:
    b = v.bestand
    for j, blok in enumerate(data.get("openingstijden", [])):
        van, tot = blok.get("van"), blok.get("tot")  # required, so possibly missing
        if van and tot and _minuten(van) >= _minuten(tot):
            c.problemen.fout(
                b.pad,
                b.plek(("locaties", i, "openingstijden", j, "tot")),
                f"openingstijd: 'tot' ({blok['tot']}) moet later zijn dan 'van' ({blok['van']})",
            )
    if "coordinaten" not in data:
        if "coordinaten" not in b.data["locaties"][i]:  # not merely removed for being wrong
            c.problemen.waarschuwing(
                b.pad,
                b.plek(("locaties", i)),
                "locatie zonder 'coordinaten' staat niet op de kaart; voeg [breedtegraad, lengtegraad] toe "
                "(bij een onbekend adres het midden van de buurt, met coordinaten_bij_benadering: true)",
            )
        return
    lat, lon = data["coordinaten"]
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
