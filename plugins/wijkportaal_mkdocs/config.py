"""Options of the ``wijkportaal`` plugin in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class WijkportaalConfig(Config):
    """Plugin options.

    ``gegevens``: folder with the records, relative to mkdocs.yml.
    ``editie``: ``intern`` (staff portal, everything) or ``publiek`` (residents).
    ``vandaag``: fixed date (YYYY-MM-DD) for reproducible builds; empty means the
    environment variable WIJKPORTAAL_VANDAAG or else the real date.
    """

    gegevens = c.Type(str, default="data")
    editie = c.Choice(("intern", "publiek"), default="intern")
    vandaag = c.Optional(c.Type(str))
