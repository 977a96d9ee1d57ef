"""What every record kind shares: the common fields, their schema and their checks.

The four kinds (voorziening, methodiek, werkinstructie, organisatie) each live in
their own module and build on :class:`Record`, :func:`gedeelde_velden` and
:func:`controleer_gedeeld`; :mod:`.soorten` lists them.

A record holds the *validated part* of its file (see :mod:`.schema`): every value
present fits its schema node, only required fields may be missing. So the
accessors below read values without re-checking their types, and give a
default where a field is absent.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Iterable

from . import schema as s
from .laden import Bestand, Pad
from .problemen import Problemen
from .schema import ID_PATROON, id_lijst, id_veld

if TYPE_CHECKING:
    from .gebieden import Gebieden
    from .taxonomie import Taxonomie

# The kinds of record, by folder. The registry in soorten.py maps each to its module.
SOORTNAMEN = ("voorzieningen", "methodieken", "werkinstructies", "organisaties", "teams", "vragen", "ontwikkelingen")
REF_PATROON = rf"^({'|'.join(SOORTNAMEN)})/[a-z0-9]+(-[a-z0-9]+)*$"

HET_WOORDEN = {"thema", "proces", "wettelijk kader", "gebied"}  # 'onbekend thema', not 'onbekende thema'

STATUS = {
    "actief": "de voorziening of het record is actueel (standaard)",
    "tijdelijk-gesloten": "tijdelijk niet beschikbaar, blijft wel zichtbaar",
    "gestopt": "bestaat niet meer",
}
ZICHTBAARHEID = {
    "publiek": "ook op de openbare sociale kaart voor inwoners",
    "intern": "alleen in het interne portaal voor medewerkers",
}

CONTACT = s.mapping(
    "Contactgegevens. Vul alleen in wat de organisatie zelf publiceert; verzin niets.",
    {
        "telefoon": s.tekst(
            "Telefoonnummer zoals de organisatie het zelf publiceert: cijfers, spaties en '-', eventueel met +31 "
            "ervoor. Het voorbeeld 053 000 00 00 bestaat niet.",
            "053 000 00 00",
            verzonnen=True,
            pattern=r"^\+?[0-9][0-9 ()-]{2,19}$",
            **{
                "x-foutmelding": "geen geldig telefoonnummer; schrijf alleen cijfers, spaties en '-', "
                "bijvoorbeeld 053 123 45 67 of +31 53 123 45 67"
            },
        ),
        "email": s.tekst(
            "E-mailadres zoals de organisatie het zelf publiceert. Het voorbeeld bestaat niet.",
            "info@organisatie.example",
            verzonnen=True,
            pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
            **{"x-foutmelding": "geen geldig e-mailadres"},
        ),
        "website": s.tekst(
            "Website, met https:// ervoor. Het voorbeeld bestaat niet.",
            "https://www.organisatie.example/",
            verzonnen=True,
            pattern=r"^https?://[^\s]+$",
            **{"x-foutmelding": "geen geldige website; begin met https://"},
        ),
    },
)

_INTERN_VOORBEELD = "Bespreek een aanmelding eerst in het wijkteam. Gebruik daarna het aanmeldformulier."


@dataclass(frozen=True)
class Voorbeelden:
    """Examples for the shared fields that differ per kind (taken from the sample data)."""

    id: str  # an existing record of this kind
    naam: str
    samenvatting: str
    beschrijving: str
    themas: list[str]
    onbevestigd: dict[str, str]  # a field of this kind that a partner confirms, with a reason


def gedeelde_velden(voorbeelden: Voorbeelden, *, themas_verplicht: bool = True) -> dict[str, dict]:
    """The fields every record kind has (their names are a fixed contract)."""
    return {
        "id": id_veld(voorbeeld=voorbeelden.id),
        "naam": s.tekst("Naam zoals inwoners en medewerkers die kennen.", voorbeelden.naam, maxLength=150),
        "samenvatting": s.tekst(
            "Eén of twee zinnen gewone tekst (geen Markdown), hoogstens 300 tekens. "
            "Staat in lijsten, zoekresultaten en op de kaart.",
            voorbeelden.samenvatting,
            maxLength=300,
        ),
        "beschrijving": s.tekst("Uitgebreide beschrijving in Markdown. Geen HTML.", voorbeelden.beschrijving),
        "themas": id_lijst(
            "Thema's uit data/taxonomie.yml (hoofdthema's of subthema's)." + (" Minstens één." if themas_verplicht else ""),
            voorbeelden.themas,
            minItems=1 if themas_verplicht else 0,
        ),
        "zichtbaarheid": s.keuze("Wie het record mag zien.", ZICHTBAARHEID),
        "status": s.keuze("Stand van zaken.", STATUS),
        "geldig_tot": s.datum("Datum waarna het record niet meer als actueel wordt getoond.", "2027-12-31"),
        "beheer": s.mapping(
            "Wie het record bijhoudt en wanneer het voor het laatst is gecontroleerd.",
            {
                "organisatie": id_veld(
                    "Id van de organisatie die dit record bijhoudt (data/organisaties/<id>.yml).", "wijkteams-enschede"
                ),
                "laatst_gecontroleerd": s.datum("Datum waarop iemand de inhoud voor het laatst heeft bevestigd."),
                "gecontroleerd_door": s.tekst(
                    "Rol of team dat de controle deed (geen persoonsnamen in publieke records).",
                    "Team Kennisportaal",
                    maxLength=150,
                ),
            },
            ["organisatie", "laatst_gecontroleerd"],
        ),
        "bron": s.tekst(
            "Waar de informatie vandaan komt: document en paragraaf, website, of 'gecontroleerd door de organisatie "
            "op <datum>'.",
            "Gecontroleerd door de organisatie op 2024-03-01",
        ),
        "gerelateerd": s.lijst(
            "Verwijzingen naar andere records, als <soort>/<id>, bijvoorbeeld methodieken/presentiebenadering.",
            s.tekst(
                "Verwijzing <soort>/<id>.",
                "methodieken/presentiebenadering",
                pattern=REF_PATROON,
                **{
                    "x-foutmelding": "geen geldige verwijzing; schrijf <soort>/<id>, bijvoorbeeld "
                    f"'methodieken/presentiebenadering' (soort: {', '.join(SOORTNAMEN)})"
                },
            ),
            uniqueItems=True,
        ),
        "intern": s.vrije_mapping(
            "Extra velden alleen voor professionals (bijvoorbeeld verwijsinformatie, notities). "
            "Markdown. Komt nooit op de openbare site.",
            s.tekst("Tekst in Markdown, alleen voor professionals.", _INTERN_VOORBEELD),
            {"verwijsinformatie": _INTERN_VOORBEELD},
        ),
        "onbevestigd": s.vrije_mapping(
            "Waarden die de organisatie nog niet heeft bevestigd, per veld met de reden, bijvoorbeeld "
            "toegang: 'afgeleid uit de verwijstabel, seed 002 regel 1234'. De site zet 'Nog niet bevestigd door de "
            "organisatie' bij die waarde; de reden ziet alleen de interne editie. /onderhoud/ en 'wijkportaal stale' "
            "tonen ze als werk voor de beheer-organisatie.",
            s.tekst(
                "Waarom deze waarde nog niet bevestigd is (alleen voor medewerkers).", *voorbeelden.onbevestigd.values()
            ),
            voorbeelden.onbevestigd,
            sleutel=s.veld("De naam van een veld van dit record.", *voorbeelden.onbevestigd, pattern="^[a-z_]+$"),
        ),
    }


GEDEELD_VERPLICHT = ["naam", "samenvatting", "themas", "beheer"]


def datum(waarde: str | None) -> dt.date | None:
    """A validated date field (JJJJ-MM-DD) as a date; None when absent."""
    return dt.date.fromisoformat(waarde) if waarde else None


@dataclass
class Record:
    """A record of any kind, holding the validated part of its file. Kind modules subclass it."""

    SOORT: ClassVar[str] = ""
    ENKELVOUD: ClassVar[str] = ""
    STANDAARD_ZICHTBAARHEID: ClassVar[str] = "publiek"
    # A kind for staff only (teams, ontwikkelingen): never in the publiek edition,
    # and 'zichtbaarheid: publiek' is an error.
    ALLEEN_INTERN: ClassVar[bool] = False

    id: str
    bestand: Bestand
    data: dict

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.ref!r})"

    @property
    def ref(self) -> str:
        return f"{self.SOORT}/{self.id}"

    @property
    def naam(self) -> str:
        return self.data.get("naam") or self.id

    @property
    def samenvatting(self) -> str:
        return self.data.get("samenvatting", "")

    @property
    def beschrijving(self) -> str:
        return self.data.get("beschrijving", "")

    @property
    def themas(self) -> list[str]:
        return self.data.get("themas", [])

    @property
    def zichtbaarheid(self) -> str:
        return self.data.get("zichtbaarheid", self.STANDAARD_ZICHTBAARHEID)

    @property
    def status(self) -> str:
        return self.data.get("status", "actief")

    @property
    def geldig_tot(self) -> dt.date | None:
        return datum(self.data.get("geldig_tot"))

    @property
    def beheer(self) -> dict:
        return self.data.get("beheer", {})

    @property
    def beheerder(self) -> str:
        return self.beheer.get("organisatie", "")

    @property
    def laatst_gecontroleerd(self) -> dt.date | None:
        return datum(self.beheer.get("laatst_gecontroleerd"))

    @property
    def bron(self) -> str:
        return self.data.get("bron", "")

    @property
    def gerelateerd(self) -> list[str]:
        return self.data.get("gerelateerd", [])

    @property
    def intern(self) -> dict[str, str]:
        return self.data.get("intern", {})

    @property
    def onbevestigd(self) -> dict[str, str]:
        """{field: why it is not confirmed}; the reason is for staff only."""
        return self.data.get("onbevestigd", {})

    def bestaat_niet_meer(self, vandaag: dt.date) -> bool:
        """Stopped, or past its geldig_tot: off every list, map, search and export."""
        geldig_tot = self.geldig_tot
        return self.status == "gestopt" or (geldig_tot is not None and geldig_tot < vandaag)

    def verouderd(self, vandaag: dt.date, na_dagen: int) -> bool:
        """Last checked longer ago than ``na_dagen`` (or never)."""
        gecontroleerd = self.laatst_gecontroleerd
        return gecontroleerd is None or (vandaag - gecontroleerd).days > na_dagen

    def controle_voor(self, na_dagen: int) -> dt.date | None:
        """The date by which the record must be checked again."""
        gecontroleerd = self.laatst_gecontroleerd
        return gecontroleerd + dt.timedelta(days=na_dagen) if gecontroleerd else None

    def verwijzingen(self) -> list[str]:
        """Every record this one points to (for back-links)."""
        refs = list(self.gerelateerd)
        if self.beheerder:
            refs.append(f"organisaties/{self.beheerder}")
        return refs

    def zoektekst(self) -> str:
        """Extra words for the search index besides name and summary."""
        return ""


class MetDoelgroepen:
    """For kinds with a ``doelgroepen`` field (voorziening, methodiek)."""

    data: dict

    @property
    def doelgroepen(self) -> list[str]:
        return self.data.get("doelgroepen", [])


class MetContact:
    """For kinds with a ``contact`` field (voorziening, organisatie)."""

    data: dict

    @property
    def contact(self) -> dict[str, str]:
        return self.data.get("contact", {})


@dataclass
class Controle:
    """What a kind's checks may look at besides the record itself."""

    taxonomie: "Taxonomie"
    gebieden: "Gebieden"
    ids: dict[str, set[str]]
    problemen: Problemen

    def bestaat(self, soort: str, id_: str) -> bool:
        return id_ in self.ids.get(soort, set())

    def meld_onbekend(
        self, bestand: Bestand, pad: Pad, wat: str, waarde: str, bekend: Iterable[str], waar: str = ""
    ) -> None:
        """An unknown id: suggest the closest known one, or say where the valid ones are."""
        bekend = sorted(bekend)
        bijvoeglijk = "onbekend" if wat in HET_WOORDEN else "onbekende"
        bericht = f"{bijvoeglijk} {wat} '{waarde}'"
        beter = difflib.get_close_matches(waarde, bekend, n=1, cutoff=0.7)
        if beter:
            bericht += f"; bedoelt u '{beter[0]}'?"
            if waar:
                bericht += f" Of {waar}"
        elif waar:
            bericht += f"; {waar}"
        self.problemen.fout(bestand.pad, bestand.plek(pad), bericht)

    def controleer_termen(self, record: Record, veld: str, wat: str, termen: dict, sectie: str) -> None:
        """Each id in the list field ``veld`` must be a term of data/taxonomie.yml.

        Without any terms (the taxonomy itself is broken and says so) there is nothing
        to compare with: one mistake there must not become an error in every record.
        """
        if not termen:
            return
        for i, term in enumerate(record.data.get(veld, [])):
            if term not in termen:
                self.meld_onbekend(record.bestand, (veld, i), wat, term, termen, self._waar(termen, sectie))

    @staticmethod
    def _waar(termen: dict, sectie: str) -> str:
        """Where the valid ids are, with the ids themselves when the list is short (only for a message)."""
        ids = sorted(termen)
        if len(ids) <= 16:
            return f"kies uit {', '.join(ids)} (zie '{sectie}' in data/taxonomie.yml)"
        hoofd = [i for i in ids if getattr(termen[i], "ouder", None) is None]
        return f"kies een id uit '{sectie}' in data/taxonomie.yml, bijvoorbeeld een van de hoofdthema's: " + ", ".join(hoofd)


def controleer_gedeeld(record: Record, c: Controle) -> None:
    """Checks every kind shares: id, references to taxonomy, organisations, records."""
    b, data = record.bestand, record.data
    if not re.match(ID_PATROON, record.id):
        c.problemen.fout(
            b.pad, None, f"bestandsnaam '{record.id}.yml' mag alleen kleine letters, cijfers en streepjes bevatten"
        )
    if "id" in data and data["id"] != record.id:
        c.problemen.fout(
            b.pad,
            b.plek(("id",)),
            f"id '{data['id']}' is niet gelijk aan de bestandsnaam '{record.id}.yml'; maak ze gelijk of laat 'id' weg",
        )
    if record.ALLEEN_INTERN and data.get("zichtbaarheid") == "publiek":
        c.problemen.fout(
            b.pad, b.plek(("zichtbaarheid",)),
            f"een {record.ENKELVOUD} is alleen voor medewerkers (intern); haal 'zichtbaarheid: publiek' weg",
        )  # fmt: skip
    c.controleer_termen(record, "themas", "thema", c.taxonomie.themas, "themas")
    _controleer_onbevestigd(record, c)
    org = record.beheerder
    if org and not c.bestaat("organisaties", org):
        c.meld_onbekend(b, ("beheer", "organisatie"), "organisatie", org, c.ids.get("organisaties", set()))
    controleer_verwijzingen(record, c, "gerelateerd")


def controleer_verwijzingen(record: Record, c: Controle, veld: str) -> None:
    """Each <soort>/<id> in the list field ``veld`` names another record that exists."""
    b = record.bestand
    for i, ref in enumerate(record.data.get(veld, [])):
        soort, id_ = ref.split("/", 1)
        if ref == record.ref:
            c.problemen.fout(b.pad, b.plek((veld, i)), "een record kan niet naar zichzelf verwijzen")
        elif not c.bestaat(soort, id_):
            bericht = f"onbekende verwijzing '{ref}': er is geen bestand data/{soort}/{id_}.yml"
            beter = difflib.get_close_matches(id_, sorted(c.ids.get(soort, set())), n=1, cutoff=0.75)
            if beter:
                bericht += f"; bedoelt u '{soort}/{beter[0]}'?"
            c.problemen.fout(b.pad, b.plek((veld, i)), bericht)


# How a field is called on the site, where "Nog niet bevestigd" names it.
VELDLABELS = {
    "toegang": "toegang", "kosten": "kosten", "kosten_toelichting": "kosten", "kanalen": "hoe u de hulp krijgt",
    "leeftijd": "leeftijd", "doelgroepen": "voor wie", "gebied": "gebied", "locaties": "locatie en openingstijden",
    "contact": "contactgegevens", "talen": "talen", "status": "of de hulp er nog is", "geldig_tot": "einddatum",
    "aanmelden": "hoe u zich aanmeldt", "samenvatting": "samenvatting", "beschrijving": "beschrijving",
    "organisatie": "organisatie", "onderbouwing": "onderbouwing", "doel": "doel", "proces": "proces",
    "stappen": "stappen", "wettelijk_kader": "wettelijk kader", "versie": "versie", "eigenaar": "eigenaar",
}  # fmt: skip

# Fields that describe the record itself, not a fact an organisation can confirm.
NIET_TE_BEVESTIGEN = {
    "id", "naam", "beheer", "bron", "gerelateerd", "intern", "onbevestigd", "zichtbaarheid", "themas", "mensen",
}  # fmt: skip


def _controleer_onbevestigd(record: Record, c: Controle) -> None:
    """Every key of ``onbevestigd`` names a field that the record has and that a partner can confirm."""
    b = record.bestand
    for veld in record.onbevestigd:
        plek = b.sleutelplek(("onbevestigd", veld))
        if veld in NIET_TE_BEVESTIGEN:
            c.problemen.fout(b.pad, plek, f"'onbevestigd': '{veld}' is geen waarde die de organisatie bevestigt")
        elif veld not in b.data:
            c.problemen.fout(
                b.pad, plek, f"'onbevestigd' noemt '{veld}', maar dat veld staat niet in dit record; voeg het toe of haal '{veld}' hier weg"
            )


def controleer_doelgroepen(record: Record, c: Controle) -> None:
    c.controleer_termen(record, "doelgroepen", "doelgroep", c.taxonomie.doelgroepen, "doelgroepen")
