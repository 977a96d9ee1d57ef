"""The record kinds: one registry, used by loading, checks, pages and the command line.

Adding a kind means writing its module (schema, model, checks) and one entry here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from jsonschema import Draft202012Validator

from . import methodiek, ontwikkeling, organisatie, team, voorziening, vraag, werkinstructie
from . import schema as s
from .record import SOORTNAMEN, Controle, Record


@dataclass(frozen=True)
class Soort:
    """One record kind: its folder, names, model, schema (compiled once) and checks."""

    map: str
    enkelvoud: str
    titel: str
    klasse: type[Record]
    schema: dict
    controleer: Callable[[Record, Controle], None]
    validator: Draft202012Validator = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "validator", s.validator(self.schema))

    @property
    def template(self) -> str:
        """The page template of a record of this kind."""
        return f"{self.enkelvoud}.html"


def _soort(module, titel: str) -> Soort:
    klasse = next(
        v for v in vars(module).values() if isinstance(v, type) and issubclass(v, Record) and v.__module__ == module.__name__
    )
    return Soort(klasse.SOORT, klasse.ENKELVOUD, titel, klasse, module.SCHEMA, module.controleer)


SOORTEN: dict[str, Soort] = {
    soort.map: soort
    for soort in (
        _soort(voorziening, "Voorzieningen"),
        _soort(methodiek, "Methodieken"),
        _soort(werkinstructie, "Werkinstructies"),
        _soort(organisatie, "Organisaties"),
        _soort(team, "Teams"),
        _soort(vraag, "Vragen"),
        _soort(ontwikkeling, "Ontwikkelingen"),
    )
}
assert tuple(SOORTEN) == SOORTNAMEN, "record.SOORTNAMEN and the registry disagree"


def van_record(record: Record) -> Soort:
    return SOORTEN[record.SOORT]
