"""Problems found in the data: one small value type, collected, never raised.

Every check in the project reports through :class:`Problemen`. A problem has a
location (file, line, column; 1-based, as editors count) and a level, and prints
as one line in the style of ruff and check-jsonschema::

    data/voorzieningen/meubeldepot.yml:12:3: fout: onbekend veld 'telefoonnummer'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Iterable, NamedTuple


class Niveau(str, Enum):
    """How serious a problem is: an error stops the build, a warning does not."""

    FOUT = "fout"
    WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True, order=True)
class Probleem:
    """One problem with its location."""

    pad: str
    regel: int
    kolom: int
    niveau: Niveau = field(compare=False)
    bericht: str = field(compare=True)

    @property
    def is_fout(self) -> bool:
        return self.niveau is Niveau.FOUT

    def __str__(self) -> str:
        return f"{self.pad}:{self.regel}:{self.kolom}: {self.niveau.value}: {self.bericht}"

    def als_annotatie(self) -> str:
        """The problem as a GitHub Actions workflow command, so it shows on the file's line.

        Format and escaping as GitHub documents them (``::error file=…,line=…,col=…::message``;
        ``%``, CR and LF escaped in the message, also ``:`` and ``,`` in properties).
        """
        opdracht = "error" if self.is_fout else "warning"
        eigenschappen = f"file={_ontsnap_eigenschap(self.pad)},line={self.regel},col={self.kolom}"
        return f"::{opdracht} {eigenschappen}::{_ontsnap_bericht(self.bericht)}"


def _ontsnap_bericht(tekst: str) -> str:
    return tekst.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _ontsnap_eigenschap(tekst: str) -> str:
    return _ontsnap_bericht(tekst).replace(":", "%3A").replace(",", "%2C")


class Plek(NamedTuple):
    """A position in a file: 1-based line and column. (A named tuple: loading makes one for every
    key and value of every record, hundreds of thousands on a large site.)"""

    regel: int = 1
    kolom: int = 1


class Problemen:
    """Collects every problem of a run, in the order found, without duplicates."""

    def __init__(self, basis: Path | None = None) -> None:
        self._basis = basis
        self._lijst: list[Probleem] = []
        self._gezien: set[Probleem] = set()

    @property
    def basis(self) -> Path | None:
        """The folder paths are shown relative to."""
        return self._basis

    def toon_pad(self, pad: Path | str) -> str:
        pad = Path(pad)
        if self._basis is not None:
            try:
                return pad.resolve().relative_to(self._basis.resolve()).as_posix()
            except ValueError:
                pass
        return pad.as_posix()

    def voeg_toe(self, pad: Path | str, plek: Plek | None, niveau: Niveau, bericht: str) -> None:
        plek = plek or Plek()
        probleem = Probleem(self.toon_pad(pad), plek.regel, plek.kolom, niveau, bericht)
        if probleem not in self._gezien:
            self._gezien.add(probleem)
            self._lijst.append(probleem)

    def neem_over(self, problemen: Iterable[Probleem]) -> None:
        """Problems found before (by another collector with the same basis), in their order."""
        for probleem in problemen:
            if probleem not in self._gezien:
                self._gezien.add(probleem)
                self._lijst.append(probleem)

    def fout(self, pad: Path | str, plek: Plek | None, bericht: str) -> None:
        self.voeg_toe(pad, plek, Niveau.FOUT, bericht)

    def waarschuwing(self, pad: Path | str, plek: Plek | None, bericht: str) -> None:
        self.voeg_toe(pad, plek, Niveau.WAARSCHUWING, bericht)

    @property
    def fouten(self) -> list[Probleem]:
        return [p for p in self._lijst if p.niveau is Niveau.FOUT]

    @property
    def waarschuwingen(self) -> list[Probleem]:
        return [p for p in self._lijst if p.niveau is Niveau.WAARSCHUWING]

    def __iter__(self):
        return iter(self.gesorteerd())

    def __len__(self) -> int:
        return len(self._lijst)

    def gesorteerd(self) -> list[Probleem]:
        """Problems sorted by file, line and column, as a reader walks the files."""
        return sorted(self._lijst)

    def samenvatting(self) -> str:
        """A one-line Dutch summary: '3 fouten en 1 waarschuwing in 2 bestanden.'"""
        fouten, waarschuwingen = len(self.fouten), len(self.waarschuwingen)
        bestanden = len({p.pad for p in self._lijst})
        delen = []
        if fouten:
            delen.append(f"{fouten} {'fout' if fouten == 1 else 'fouten'}")
        if waarschuwingen:
            delen.append(
                f"{waarschuwingen} {'waarschuwing' if waarschuwingen == 1 else 'waarschuwingen'}"
            )
        if not delen:
            return "Geen problemen gevonden."
        return f"{' en '.join(delen)} in {bestanden} {'bestand' if bestanden == 1 else 'bestanden'}."
