"""Ontwikkeling: a dated development (a new law, a pilot starting, a voorziening
that stopped) for wijkteam staff. Schema, model and checks.

The date is as precise as the source: ``datum`` is ``JJJJ-MM-DD``, ``JJJJ-MM`` or
``JJJJ``. :class:`Datum` keeps that precision, so the site says "juli 2019" or "2023"
and never an exact day the source does not give. Sorting uses the first day of the
period, so within one year an item with a known day or month comes before one
known only by its year when the list is newest first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar, Iterable

from . import schema as s
from .opmaak import MAANDEN
from .record import (
    REF_PATROON,
    SOORTNAMEN,
    ZICHTBAARHEID,
    Controle,
    Record,
    Voorbeelden,
    controleer_gedeeld,
    controleer_verwijzingen,
    gedeelde_velden,
)

SOORT_ONTWIKKELING = {
    "wet-en-regels": "een nieuwe of gewijzigde wet, verordening of regeling",
    "pilot": "een pilot of project dat start, verandert of stopt",
    "voorziening": "een voorziening die start, verandert of stopt",
    "werkwijze": "een nieuwe of gewijzigde werkwijze of methodiek van de wijkteams",
    "organisatie": "een verandering in de organisatie: teams, taken, samenwerking",
}
SOORT_LABEL = {
    "wet-en-regels": "Wet en regels",
    "pilot": "Pilot",
    "voorziening": "Voorziening",
    "werkwijze": "Werkwijze",
    "organisatie": "Organisatie",
}

DATUM_PATROON = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"

VELDEN = {
    **gedeelde_velden(
        Voorbeelden(
            id="wams-in-werking",
            naam="Wams treedt in werking",
            samenvatting="De Wet aanpak meervoudige problematiek sociaal domein (Wams) maakt het delen van gegevens "
            "bij huishoudens met meerdere problemen eenvoudiger.",
            beschrijving="De **Wams** vereenvoudigt de gegevensuitwisseling tussen gemeenten en betrokken organisaties.",
            themas=["formulieren-en-administratie"],
            onbevestigd={"datum": "Verwachte datum uit de Ontwikkelagenda (januari 2024); nog niet nagegaan."},
        ),
        themas_verplicht=False,
    ),
    # only staff see ontwikkelingen (ALLEEN_INTERN): the example must not be 'publiek'
    "zichtbaarheid": s.keuze("Wie het record mag zien. Een ontwikkeling is altijd intern.", ZICHTBAARHEID, "intern"),
    "datum": s.tekst(
        "Wanneer het gebeurde of gebeurt, zo precies als de bron het zegt: JJJJ-MM-DD (een dag), JJJJ-MM (een "
        "maand) of JJJJ (alleen een jaar). Verzin geen dag of maand die de bron niet noemt.",
        "2024-07-01",
        pattern=DATUM_PATROON,
        **{
            "x-foutmelding": "geen geldige datum; schrijf JJJJ-MM-DD (2024-07-01), JJJJ-MM (2024-07) of alleen het "
            "jaar (2024)",
            "x-datum": True,
        },
    ),
    "soort_ontwikkeling": s.keuze("Wat voor ontwikkeling het is.", SOORT_ONTWIKKELING),
    "betreft": s.lijst(
        "De records waar deze ontwikkeling over gaat, als <soort>/<id>. Hun pagina's tonen de ontwikkeling onder "
        "'Ontwikkelingen'.",
        s.tekst(
            "Verwijzing <soort>/<id>.",
            "werkinstructies/wams-gegevensuitwisseling",
            pattern=REF_PATROON,
            **{
                "x-foutmelding": "geen geldige verwijzing; schrijf <soort>/<id>, bijvoorbeeld "
                f"'voorzieningen/meubeldepot' (soort: {', '.join(SOORTNAMEN)})"
            },
        ),
        uniqueItems=True,
    ),
}

SCHEMA = s.record_schema(
    "ontwikkeling",
    "Ontwikkeling",
    "Een ontwikkeling met een datum (een nieuwe wet, een pilot die start, een voorziening die stopt) voor "
    "medewerkers van de Wijkteams Enschede.",
    VELDEN,
    ["naam", "samenvatting", "datum", "soort_ontwikkeling", "beheer"],
)


@dataclass(frozen=True)
class Datum:
    """A date as precise as its source: a day, a month or only a year."""

    jaar: int
    maand: int | None = None  # None: only the year is known
    dag: int | None = None  # None: only the year or the month is known

    @classmethod
    def lees(cls, tekst: str) -> "Datum | None":
        """``2024-07-01``, ``2024-07`` or ``2024``; None when it is not a date on the calendar."""
        delen = [int(d) for d in str(tekst).split("-")]
        try:
            dt.date(delen[0], *(delen[1:] + [1, 1])[:2])
        except (ValueError, TypeError):
            return None
        return cls(*delen)  # type: ignore[arg-type]

    @property
    def precisie(self) -> str:
        return "dag" if self.dag else "maand" if self.maand else "jaar"

    @property
    def begin(self) -> dt.date:
        """The first day of the period (for sorting and for feeds, which need a full date)."""
        return dt.date(self.jaar, self.maand or 1, self.dag or 1)

    @property
    def iso(self) -> str:
        """``2024-07-01``, ``2024-07`` or ``2024``: also a valid HTML ``<time datetime>``."""
        return "-".join([f"{self.jaar:04d}", *(f"{d:02d}" for d in (self.maand, self.dag) if d)])

    @property
    def tekst(self) -> str:
        """``1 juli 2024``, ``juli 2024`` or ``2024``."""
        if self.dag:
            return f"{self.dag} {MAANDEN[self.maand - 1]} {self.jaar}"  # type: ignore[operator]
        if self.maand:
            return f"{MAANDEN[self.maand - 1]} {self.jaar}"
        return str(self.jaar)


@dataclass
class Ontwikkeling(Record):
    SOORT = "ontwikkelingen"
    ENKELVOUD = "ontwikkeling"
    STANDAARD_ZICHTBAARHEID = "intern"
    ALLEEN_INTERN: ClassVar[bool] = True

    @property
    def datum(self) -> Datum | None:
        waarde = self.data.get("datum")
        return Datum.lees(waarde) if waarde else None

    @property
    def soort_ontwikkeling(self) -> str:
        return self.data.get("soort_ontwikkeling", "")

    @property
    def soort_label(self) -> str:
        return SOORT_LABEL.get(self.soort_ontwikkeling, "")

    @property
    def betreft(self) -> list[str]:
        return self.data.get("betreft", [])

    def verwijzingen(self) -> list[str]:
        return super().verwijzingen() + list(self.betreft)

    def zoektekst(self) -> str:
        datum = self.datum
        return " ".join([self.soort_label, datum.tekst if datum else ""])


def nieuwste_eerst(ontwikkelingen: Iterable[Ontwikkeling]) -> list[Ontwikkeling]:
    """Newest first (by the first day of each date's period); undated ones last.

    The sort is stable: ontwikkelingen with the same date keep the order they came in
    (by name, as the catalogue gives them).
    """
    return sorted(ontwikkelingen, key=lambda o: o.datum.begin if o.datum else dt.date.min, reverse=True)


def controleer(o: Ontwikkeling, c: Controle) -> None:
    controleer_gedeeld(o, c)
    b = o.bestand
    if "datum" in o.data and o.datum is None:
        c.problemen.fout(
            b.pad, b.plek(("datum",)), f"'datum': '{o.data['datum']}' bestaat niet in de kalender; controleer dag en maand"
        )
    controleer_verwijzingen(o, c, "betreft")
