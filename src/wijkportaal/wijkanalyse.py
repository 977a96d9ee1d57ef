"""Wijkanalyse: which help each wijk has per hoofdthema, and where the gaps are.

For wijkteam managers and gebiedsteams deciding what the sociale basis of a wijk
still needs (pilot "Hulp om de hoek", seed 004). One row per CBS wijk, one column
per hoofdthema. A cell counts the current voorzieningen *in* that wijk (their
gebied or a location lies in it) for that hoofdthema, and separately those
without an indicatie (toegang vrij or verwijzing). City-wide voorzieningen serve
every wijk; they are counted once, in their own row, and not in the cells, so a
gap in a wijk stays visible. The finder's wijk filter shows the wijk's own plus
the city-wide ones: :attr:`Cel.in_zoeker` is that number, so a cell's link and
the finder agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalogus import Catalogus
from .gebieden import Gebied
from .taxonomie import Term
from .voorziening import Voorziening


@dataclass
class Cel:
    """One wijk (or the city-wide row) and one hoofdthema."""

    hoofdthema: Term
    voorzieningen: list[Voorziening] = field(default_factory=list)
    stedelijk: int = 0  # city-wide voorzieningen for this hoofdthema (the finder adds them)

    @property
    def aantal(self) -> int:
        return len(self.voorzieningen)

    @property
    def zonder_indicatie(self) -> int:
        return sum(v.toegang != "indicatie" for v in self.voorzieningen)

    @property
    def gat(self) -> bool:
        """Nothing in the wijk itself for this hoofdthema."""
        return not self.voorzieningen

    @property
    def in_zoeker(self) -> int:
        return self.aantal + self.stedelijk


@dataclass
class Rij:
    wijk: Gebied | None  # None: the city-wide row
    cellen: list[Cel]
    voorzieningen: list[Voorziening]  # every voorziening in this wijk (any hoofdthema)
    te_laat: list[Voorziening]  # of those, overdue for a check

    @property
    def aandeel_te_laat(self) -> float:
        return len(self.te_laat) / len(self.voorzieningen) if self.voorzieningen else 0.0

    @property
    def gaten(self) -> int:
        return sum(c.gat for c in self.cellen)


def hoofdthemas_van(cat: Catalogus, v: Voorziening) -> set[str]:
    return {h for h in (cat.taxonomie.hoofdthema(t) for t in v.themas) if h}


def wijkanalyse(cat: Catalogus) -> tuple[list[Term], Rij, list[Rij]]:
    """(hoofdthema's, the city-wide row, one row per wijk by name)."""
    hoofdthemas = list(cat.taxonomie.hoofdthemas)
    per_v = {v.ref: hoofdthemas_van(cat, v) for v in cat.voorzieningen}
    stedelijk = [v for v in cat.voorzieningen if v.stedelijk]

    def cellen(voorzieningen: list[Voorziening], met_stedelijk: bool) -> list[Cel]:
        uit = []
        for h in hoofdthemas:
            cel = Cel(h, [v for v in voorzieningen if h.id in per_v[v.ref]])
            if met_stedelijk:
                cel.stedelijk = sum(h.id in per_v[v.ref] for v in stedelijk)
            uit.append(cel)
        return uit

    def rij(wijk: Gebied | None, voorzieningen: list[Voorziening]) -> Rij:
        return Rij(wijk, cellen(voorzieningen, wijk is not None), voorzieningen, [v for v in voorzieningen if cat.is_verouderd(v)])

    rijen = []
    for wijk in sorted(cat.gebieden.wijken.values(), key=lambda w: w.naam):
        hier = [v for v in cat.voorzieningen if not v.stedelijk and wijk.code in cat.wijken_van(v)]
        rijen.append(rij(wijk, hier))
    return hoofdthemas, rij(None, stedelijk), rijen
