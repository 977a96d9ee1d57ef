"""What every record kind shares: the common fields, their schema and their checks.

The four kinds (voorziening, methodiek, werkinstructie, organisatie) each live in
their own module and build on :class:`Record`, :func:`gedeelde_velden` and
:func:`controleer_gedeeld`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from . import schema as s
from .laden import Bestand
from .problemen import Problemen

if TYPE_CHECKING:
    from .gebieden import Gebieden
    from .taxonomie import Taxonomie

ID_PATROON = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SOORTEN = ("voorzieningen", "methodieken", "werkinstructies", "organisaties")
REF_PATROON = r"^(voorzieningen|methodieken|werkinstructies|organisaties)/[a-z0-9]+(-[a-z0-9]+)*$"

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


def id_veld(beschrijving: str = "Vaste sleutel van het record; moet gelijk zijn aan de bestandsnaam zonder .yml.") -> dict:
    return s.tekst(
        beschrijving,
        pattern=ID_PATROON,
        **{"x-foutmelding": "geen geldige id: alleen kleine letters, cijfers en streepjes (bijvoorbeeld 'meubeldepot')"},
    )


def id_lijst(beschrijving: str, **extra: Any) -> dict:
    return s.lijst(beschrijving, id_veld("Een id uit de taxonomie."), uniqueItems=True, **extra)


CONTACT = s.mapping(
    "Contactgegevens. Vul alleen in wat de organisatie zelf publiceert; verzin niets.",
    {
        "telefoon": s.tekst(
            "Telefoonnummer, bijvoorbeeld 053 123 45 67 of 0800-1234.",
            pattern=r"^\+?[0-9][0-9 ()-]{2,19}$",
            **{"x-foutmelding": "geen geldig telefoonnummer (alleen cijfers, spaties, '-', '(' en ')')"},
        ),
        "email": s.tekst(
            "E-mailadres.",
            pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
            **{"x-foutmelding": "geen geldig e-mailadres"},
        ),
        "website": s.tekst(
            "Website, met https:// ervoor.",
            pattern=r"^https?://[^\s]+$",
            **{"x-foutmelding": "geen geldige website; begin met https://"},
        ),
    },
)


def gedeelde_velden(*, themas_verplicht: bool = True) -> dict[str, dict]:
    """The fields every record kind has (their names are a fixed contract)."""
    return {
        "id": id_veld(),
        "naam": s.tekst("Naam zoals inwoners en medewerkers die kennen.", maxLength=150),
        "samenvatting": s.tekst(
            "Eén of twee zinnen gewone tekst (geen Markdown), hoogstens 300 tekens. "
            "Staat in lijsten, zoekresultaten en op de kaart.",
            maxLength=300,
        ),
        "beschrijving": s.tekst("Uitgebreide beschrijving in Markdown. Geen HTML."),
        "themas": id_lijst(
            "Thema's uit data/taxonomie.yml (hoofdthema's of subthema's)." + (" Minstens één." if themas_verplicht else ""),
            minItems=1 if themas_verplicht else 0,
        ),
        "zichtbaarheid": s.keuze("Wie het record mag zien.", ZICHTBAARHEID),
        "status": s.keuze("Stand van zaken.", STATUS),
        "geldig_tot": s.datum("Datum waarna het record niet meer als actueel wordt getoond."),
        "beheer": s.mapping(
            "Wie het record bijhoudt en wanneer het voor het laatst is gecontroleerd.",
            {
                "organisatie": id_veld("Id van de organisatie die dit record bijhoudt (data/organisaties/<id>.yml)."),
                "laatst_gecontroleerd": s.datum("Datum waarop iemand de inhoud voor het laatst heeft bevestigd."),
                "gecontroleerd_door": s.tekst(
                    "Rol of team dat de controle deed (geen persoonsnamen in publieke records).", maxLength=150
                ),
            },
            ["organisatie", "laatst_gecontroleerd"],
        ),
        "bron": s.tekst("Waar de informatie vandaan komt (document, website, gesprek)."),
        "gerelateerd": s.lijst(
            "Verwijzingen naar andere records, als <soort>/<id>, bijvoorbeeld methodieken/presentiebenadering.",
            s.tekst(
                "Verwijzing <soort>/<id>.",
                pattern=REF_PATROON,
                **{
                    "x-foutmelding": "geen geldige verwijzing; schrijf <soort>/<id>, bijvoorbeeld "
                    "'methodieken/presentiebenadering' (soort: voorzieningen, methodieken, werkinstructies of organisaties)"
                },
            ),
            uniqueItems=True,
        ),
        "intern": {
            "type": "object",
            "description": "Extra velden alleen voor professionals (bijvoorbeeld verwijsinformatie, notities). "
            "Markdown. Komt nooit op de openbare site.",
            "additionalProperties": s.tekst("Tekst in Markdown, alleen voor professionals."),
        },
    }


GEDEELD_VERPLICHT = ["naam", "samenvatting", "themas", "beheer"]


def datum_of_none(waarde: Any) -> dt.date | None:
    if isinstance(waarde, str):
        try:
            return dt.date.fromisoformat(waarde)
        except ValueError:
            return None
    return None


@dataclass
class Record:
    """A validated record of any kind. Kind modules subclass it."""

    SOORT: ClassVar[str] = ""
    ENKELVOUD: ClassVar[str] = ""
    STANDAARD_ZICHTBAARHEID: ClassVar[str] = "publiek"

    id: str
    bestand: Bestand
    data: dict = field(repr=False)

    @property
    def ref(self) -> str:
        return f"{self.SOORT}/{self.id}"

    @property
    def url(self) -> str:
        return f"{self.SOORT}/{self.id}/"

    def _tekst(self, veld: str) -> str:
        waarde = self.data.get(veld)
        return waarde if isinstance(waarde, str) else ""

    def _teksten(self, veld: str) -> list[str]:
        """A list field, keeping only its text items (the schema reports the rest)."""
        waarde = self.data.get(veld)
        return [x for x in waarde if isinstance(x, str)] if isinstance(waarde, list) else []

    def _tekstvelden(self, veld: str) -> dict[str, str]:
        """A mapping field, keeping only its text values."""
        waarde = self.data.get(veld)
        return {k: v for k, v in waarde.items() if isinstance(v, str)} if isinstance(waarde, dict) else {}

    @property
    def naam(self) -> str:
        return self._tekst("naam") or self.id

    @property
    def samenvatting(self) -> str:
        return self._tekst("samenvatting")

    @property
    def beschrijving(self) -> str:
        return self._tekst("beschrijving")

    @property
    def themas(self) -> list[str]:
        return self._teksten("themas")

    @property
    def zichtbaarheid(self) -> str:
        return self.data.get("zichtbaarheid") or self.STANDAARD_ZICHTBAARHEID

    @property
    def status(self) -> str:
        return self.data.get("status") or "actief"

    @property
    def geldig_tot(self) -> dt.date | None:
        return datum_of_none(self.data.get("geldig_tot"))

    @property
    def beheer(self) -> dict:
        beheer = self.data.get("beheer")
        return beheer if isinstance(beheer, dict) else {}

    @property
    def beheerder(self) -> str:
        return self.beheer.get("organisatie") or ""

    @property
    def laatst_gecontroleerd(self) -> dt.date | None:
        return datum_of_none(self.beheer.get("laatst_gecontroleerd"))

    @property
    def bron(self) -> str:
        return self._tekst("bron")

    @property
    def gerelateerd(self) -> list[str]:
        return self._teksten("gerelateerd")

    @property
    def intern(self) -> dict[str, str]:
        return self._tekstvelden("intern")

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


@dataclass
class Controle:
    """What a kind's checks may look at besides the record itself."""

    taxonomie: "Taxonomie"
    gebieden: "Gebieden"
    ids: dict[str, set[str]]
    problemen: Problemen

    def bestaat(self, soort: str, id_: str) -> bool:
        return id_ in self.ids.get(soort, set())

    def meld_onbekend(self, bestand: Bestand, pad: tuple, wat: str, waarde: str, bekend) -> None:
        bijvoeglijk = "onbekend" if wat in HET_WOORDEN else "onbekende"
        bericht = f"{bijvoeglijk} {wat} '{waarde}'"
        beter = difflib.get_close_matches(waarde, sorted(bekend), n=1, cutoff=0.7)
        if beter:
            bericht += f"; bedoelt u '{beter[0]}'?"
        self.problemen.fout(bestand.pad, bestand.plek(pad), bericht)


def controleer_gedeeld(record: Record, c: Controle) -> None:
    """Checks every kind shares: id, references to taxonomy, organisations, records."""
    b, data = record.bestand, record.data
    if not re.match(ID_PATROON, record.id):
        c.problemen.fout(
            b.pad, None, f"bestandsnaam '{record.id}.yml' mag alleen kleine letters, cijfers en streepjes bevatten"
        )
    if "id" in data and isinstance(data["id"], str) and data["id"] != record.id:
        c.problemen.fout(
            b.pad,
            b.plek(("id",)),
            f"id '{data['id']}' is niet gelijk aan de bestandsnaam '{record.id}.yml'; maak ze gelijk of laat 'id' weg",
        )
    for i, thema in enumerate(data.get("themas") or [] if isinstance(data.get("themas"), list) else []):
        if isinstance(thema, str) and thema not in c.taxonomie.themas:
            c.meld_onbekend(b, ("themas", i), "thema", thema, c.taxonomie.themas)
    beheer = data.get("beheer")
    if isinstance(beheer, dict) and isinstance(beheer.get("organisatie"), str):
        org = beheer["organisatie"]
        if not c.bestaat("organisaties", org):
            c.meld_onbekend(b, ("beheer", "organisatie"), "organisatie", org, c.ids.get("organisaties", set()))
    gerelateerd = data.get("gerelateerd")
    for i, ref in enumerate(gerelateerd if isinstance(gerelateerd, list) else []):
        if not isinstance(ref, str) or not re.match(REF_PATROON, ref):
            continue  # the schema reports the form
        soort, id_ = ref.split("/", 1)
        if ref == record.ref:
            c.problemen.fout(b.pad, b.plek(("gerelateerd", i)), "een record kan niet naar zichzelf verwijzen")
        elif not c.bestaat(soort, id_):
            bericht = f"onbekende verwijzing '{ref}': er is geen bestand data/{soort}/{id_}.yml"
            beter = difflib.get_close_matches(id_, sorted(c.ids.get(soort, set())), n=1, cutoff=0.75)
            if beter:
                bericht += f"; bedoelt u '{soort}/{beter[0]}'?"
            c.problemen.fout(b.pad, b.plek(("gerelateerd", i)), bericht)


def controleer_doelgroepen(record: Record, c: Controle) -> None:
    doelgroepen = record.data.get("doelgroepen")
    for i, doelgroep in enumerate(doelgroepen if isinstance(doelgroepen, list) else []):
        if isinstance(doelgroep, str) and doelgroep not in c.taxonomie.doelgroepen:
            c.meld_onbekend(record.bestand, ("doelgroepen", i), "doelgroep", doelgroep, c.taxonomie.doelgroepen)
