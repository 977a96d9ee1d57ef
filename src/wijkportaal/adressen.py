"""Where every page lives: the one owner of URLs and page identity.

URLs are directory URLs without a leading slash (``voorzieningen/meubeldepot/``,
``""`` for the home page). Links between pages are made relative with
:func:`relatief`, so the site works under any prefix. Records, thema's,
doelgroepen and wijken get their URL from :func:`adres`; nothing else in the
project builds a URL.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urlencode, urljoin

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
WIJKANALYSE = "wijkanalyse/"
WOORDENLIJST = "woordenlijst/"  # the glossary: a page, not in the navigation
OPEN_DATA = "open-data/"  # the page that documents the exports; the files sit beside it

# The exports (files, not pages): the voorzieningen as JSON, CSV and GeoJSON, and HSDS 3.0.
EXPORT_JSON = f"{OPEN_DATA}voorzieningen.json"
EXPORT_CSV = f"{OPEN_DATA}voorzieningen.csv"
EXPORT_GEOJSON = f"{OPEN_DATA}voorzieningen.geojson"
HSDS = f"{OPEN_DATA}hsds/"  # one JSON file per HSDS object type: services.json, organizations.json, ...


# Kinds whose pages live in a folder with another name than their data folder.
_MAP_OP_DE_SITE = {"teams": "wie-is-wie"}


def overzicht(soort: str) -> str:
    """The overview page of a record kind: ``voorzieningen/`` (``wie-is-wie/`` for teams)."""
    return f"{_MAP_OP_DE_SITE.get(soort, soort)}/"


# The Atom feed of the ontwikkelingen: a file, not a page.
ONTWIKKELINGEN_FEED = f"{overzicht('ontwikkelingen')}feed.xml"

# The overview pages: the entries of the site's navigation, each the index of its folder.
OVERZICHTEN = frozenset({*(overzicht(s) for s in SOORTNAMEN), KAART, WIJKEN, THEMAS, DOELGROEPEN, ONDERHOUD, ZOEKEN, WIJKANALYSE, OPEN_DATA})

# Taxonomy sections that have a page per term.
_TERMPAGINAS = {"themas": THEMAS, "doelgroepen": DOELGROEPEN}


def adres(ding: Record | Term | Gebied) -> str:
    """The URL of a record, a thema or doelgroep, or a wijk; ``""`` for things without a page."""
    if isinstance(ding, Record):
        return f"{overzicht(ding.SOORT)}{ding.id}/"
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
    """Relative link from directory URL ``van`` to directory URL ``naar``.

    The same as ``posixpath.relpath`` on the two (tests/test_paginas.py compares them on every
    pair of the site's URLs), without its detour through absolute paths: a site links
    a hundred thousand times.
    """
    v = [deel for deel in van.split("/") if deel and deel != "."]
    n = [deel for deel in naar.split("/") if deel and deel != "."]
    gedeeld = 0
    while gedeeld < len(v) and gedeeld < len(n) and v[gedeeld] == n[gedeeld]:
        gedeeld += 1
    pad = "/".join([".."] * (len(v) - gedeeld) + n[gedeeld:])
    return pad + "/" if pad else "./"


def absoluut(site_url: str, url: str) -> str | None:
    """The full address of site URL ``url`` when the site's own address is known (MkDocs'
    ``site_url``; it may have a path: ``https://gemeente.example/kaart/``); None when it is not."""
    if not site_url:
        return None
    return urljoin(site_url.rstrip("/") + "/", url)


FOUT_MELDEN = "fout-melden.yml"  # the issue form in .github/ISSUE_TEMPLATE/
PROBLEEM_MELDEN = "probleem-melden.yml"  # the form for a problem with the site itself (accessibility)


@dataclass(frozen=True)
class Repository:
    """Where the records live on GitHub, for "Wijzig deze pagina" and "Meld een fout".

    ``url`` is the repository (``https://github.com/organisatie/repository``),
    ``tak`` the branch the site is built from, ``gegevens`` the data folder
    relative to the repository root.
    """

    url: str
    tak: str = "main"
    gegevens: str = "data"

    def bestand(self, record: Record) -> str:
        """The record's YAML file in the repository, e.g. ``data/voorzieningen/meubeldepot.yml``."""
        return posixpath.join(self.gegevens.strip("/") or ".", record.SOORT, f"{record.id}.yml")

    def wijzig(self, record: Record) -> str:
        """GitHub's web editor for the record's file (it offers to fork for people without write access)."""
        return f"{self.url.rstrip('/')}/edit/{self.tak}/{self.bestand(record)}"

    def uitleg(self) -> str:
        """CONTRIBUTING.md: how partners change their records."""
        return f"{self.url.rstrip('/')}/blob/{self.tak}/CONTRIBUTING.md"

    def meld_fout(self, record: Record) -> str:
        """A new issue from the form, with the record and a title filled in."""
        velden = {"template": FOUT_MELDEN, "record": f"{record.SOORT}/{record.id}", "title": f"Fout in: {record.naam}"}
        return f"{self.url.rstrip('/')}/issues/new?{urlencode(velden)}"

    def meld_probleem(self) -> str:
        """A new issue from the form for problems with the site itself (the toegankelijkheidsverklaring)."""
        return f"{self.url.rstrip('/')}/issues/new?{urlencode({'template': PROBLEEM_MELDEN})}"
