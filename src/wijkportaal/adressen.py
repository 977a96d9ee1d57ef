"""Where every page lives: the one owner of URLs and page identity.

URLs are directory URLs without a leading slash (``voorzieningen/meubeldepot/``,
``""`` for the home page). Links between pages are made relative with
:func:`relatief`, so the site works under any prefix. Records, thema's,
doelgroepen and wijken get their URL from :func:`adres`; nothing else in the
project builds a URL.
"""

from __future__ import annotations

import posixpath

from .gebieden import Gebied
from .record import SOORTNAMEN, Record
from .taxonomie import Term

START = ""
KAART = "kaart/"
WIJKEN = "wijken/"
THEMAS = "themas/"
DOELGROEPEN = "doelgroepen/"
ONDERHOUD = "onderhoud/"
ZOEKEN = "zoeken/"


def overzicht(soort: str) -> str:
    """The overview page of a record kind: ``voorzieningen/``."""
    return f"{soort}/"


# The overview pages: the entries of the site's navigation, each the index of its folder.
OVERZICHTEN = frozenset({*(overzicht(s) for s in SOORTNAMEN), KAART, WIJKEN, THEMAS, DOELGROEPEN, ONDERHOUD, ZOEKEN})

# Taxonomy sections that have a page per term.
_TERMPAGINAS = {"themas": THEMAS, "doelgroepen": DOELGROEPEN}


def adres(ding: Record | Term | Gebied) -> str:
    """The URL of a record, a thema or doelgroep, or a wijk; ``""`` for things without a page."""
    if isinstance(ding, Record):
        return f"{ding.SOORT}/{ding.id}/"
    if isinstance(ding, Term):
        map_ = _TERMPAGINAS.get(ding.soort)
        return f"{map_}{ding.id}/" if map_ else ""
    if isinstance(ding, Gebied):
        return f"{WIJKEN}{ding.slug}/" if ding.soort == "wijk" else ""
    raise TypeError(f"geen pagina voor {type(ding).__name__}")


def is_overzicht(url: str) -> bool:
    return url in OVERZICHTEN


def bronbestand(url: str) -> str:
    """The Markdown path an engine with directory URLs maps to ``url``.

    Overviews are the index of their folder (``voorzieningen/index.md``), other
    pages a file in it (``voorzieningen/meubeldepot.md``), so hand-written pages
    can link to both the way MkDocs users expect.
    """
    if url == START:
        return "index.md"
    return f"{url}index.md" if is_overzicht(url) else f"{url.rstrip('/')}.md"


def relatief(van: str, naar: str) -> str:
    """Relative link from directory URL ``van`` to directory URL ``naar``."""
    doel = naar.rstrip("/") or "."
    pad = posixpath.relpath(doel, van.rstrip("/") or ".")
    return "./" if pad == "." else pad + "/"
