"""Options of the ``wijkportaal`` plugin in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from wijkportaal.dichtbij import PDOK_LOCATIESERVER
from wijkportaal.kaart import PDOK_ATTRIBUTIE, PDOK_BRT


class WijkportaalConfig(Config):
    """Plugin options.

    ``gegevens``: folder with the records, relative to mkdocs.yml.
    ``editie``: ``intern`` (staff portal, everything) or ``publiek`` (residents).
    ``vandaag``: fixed date (YYYY-MM-DD) for reproducible builds; empty means the
    environment variable WIJKPORTAAL_VANDAAG or else the real date.
    ``verouderd_na_dagen``: a record not checked for this many days shows
    "Mogelijk verouderd".
    ``atomisch``: build into a temporary folder and put it in place only when
    the whole build succeeded (``mkdocs build``; ``serve`` has its own folder).
    ``kaart_tegels``: URL template of the base map tiles (``{z}/{x}/{y}``), or an
    empty string for maps without a base map (only boundaries and markers).
    ``kaart_attributie``: attribution shown for those tiles (HTML allowed).
    ``geocoder``: base address of the address search "Uw adres of postcode" (PDOK
    Locatieserver v3.1: the browser asks its ``suggest`` and ``lookup`` only when someone
    types an address), or an empty string for no address field (only the wijk choice).
    ``repository``: the GitHub repository with the data (``https://github.com/org/repo``);
    record pages then link to their file ("Wijzig deze pagina") and to the issue form
    ("Meld een fout"). Empty: no such links.
    ``tak``: the branch the site is built from (for the edit link).
    """

    gegevens = c.Type(str, default="data")
    editie = c.Choice(("intern", "publiek"), default="intern")
    vandaag = c.Optional(c.Type(str))
    verouderd_na_dagen = c.Type(int, default=365)
    atomisch = c.Type(bool, default=True)
    kaart_tegels = c.Type(str, default=PDOK_BRT)
    kaart_attributie = c.Type(str, default=PDOK_ATTRIBUTIE)
    geocoder = c.Type(str, default=PDOK_LOCATIESERVER)
    repository = c.Type(str, default="")
    tak = c.Type(str, default="main")
