"""/wijkanalyse/: the matrix of wijken by hoofdthema, for the intern edition."""

from __future__ import annotations

from urllib.parse import urlencode

from .. import adressen
from ..wijkanalyse import wijkanalyse
from .basis import Pagina, Weergave


def zoeker_voor(wijkcode: str, thema: str) -> str:
    """The finder's URL with the wijk and hoofdthema filters set (see assets/zoeken.js, PARAMETERS)."""
    return f"{adressen.ZOEKEN}?{urlencode({'wijk': wijkcode, 'thema': thema})}"


def wijkanalysepagina(w: Weergave) -> Pagina:
    hoofdthemas, stedelijk, rijen = wijkanalyse(w.cat)
    return w.render(
        "wijkanalyse.html", adressen.WIJKANALYSE, "Wijkanalyse",
        beschrijving="Welke hulp elke wijk heeft per thema, en waar nog niets is.",
        hoofdthemas=hoofdthemas, stedelijk=stedelijk, rijen=rijen, zoeker_voor=zoeker_voor,
        dagen=w.cat.verouderd_na_dagen,
    )  # fmt: skip
