"""Which records are due for a check, per beheer-organisatie.

Used by the intern page ``/onderhoud/`` and by ``wijkportaal stale``. A record
is *te laat* when its last check is longer ago than the freshness period, and
*binnenkort* when that moment falls within the next ``binnen`` days. Values a
record marks as ``onbevestigd`` are work too: the organisation is to confirm them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .catalogus import Catalogus
from .record import Record


@dataclass
class Taak:
    record: Record
    controle_voor: dt.date | None  # None: never checked
    te_laat: bool


@dataclass
class Lijst:
    """The records one organisation has to check."""

    organisatie_id: str
    organisatie_naam: str
    taken: list[Taak] = field(default_factory=list)
    te_bevestigen: list[Record] = field(default_factory=list)  # records with unconfirmed values

    @property
    def te_laat(self) -> int:
        return sum(1 for t in self.taken if t.te_laat)

    @property
    def binnenkort(self) -> int:
        return len(self.taken) - self.te_laat


def onderhoudslijsten(catalogus: Catalogus, *, binnen: int = 60, organisatie: str | None = None) -> list[Lijst]:
    """Per beheer-organisatie the overdue and soon-due records and the unconfirmed values, most work first."""
    grens = catalogus.vandaag + dt.timedelta(days=binnen)
    lijsten: dict[str, Lijst] = {}

    def lijst_van(record: Record) -> Lijst:
        org = catalogus.organisatie(record.beheerder)
        return lijsten.setdefault(record.beheerder, Lijst(record.beheerder, org.naam if org else record.beheerder))

    for record in catalogus.alle():
        if organisatie and record.beheerder != organisatie:
            continue
        if record.onbevestigd:
            lijst_van(record).te_bevestigen.append(record)
        voor = record.controle_voor(catalogus.verouderd_na_dagen)
        if voor is not None and voor > grens:
            continue
        lijst_van(record).taken.append(Taak(record, voor, voor is None or voor < catalogus.vandaag))
    for lijst in lijsten.values():
        lijst.taken.sort(key=lambda t: (t.controle_voor or dt.date.min, t.record.naam))
    return sorted(lijsten.values(), key=lambda l: (-len(l.taken) - len(l.te_bevestigen), l.organisatie_naam))
