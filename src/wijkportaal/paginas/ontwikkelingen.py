"""Ontwikkelingen: the overview (newest first, by year), its Atom feed, and the
"recently changed records" block for a hand-written page (intern edition).

The feed is a file, not a page: :func:`feed` makes the XML and the site engine
only places it at :data:`adressen.ONTWIKKELINGEN_FEED`. Its links are absolute
when the site's address is known (MkDocs' ``site_url``), else relative to the feed.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from itertools import groupby
from pathlib import Path
from typing import Iterator

from .. import adressen
from ..adressen import adres, relatief
from ..geschiedenis import GIT, recent_gewijzigd
from ..ontwikkeling import Ontwikkeling
from .basis import Pagina, Weergave

ATOM = "http://www.w3.org/2005/Atom"
# A tag: URI (RFC 4151) names the feed and its entries for good, wherever the site is hosted.
TAG = "tag:wijkportaal.enschede.example,2024:ontwikkelingen"

# Where a hand-written page (docs/index.md) wants the list of recently changed records.
MARKER_RECENT = "<!-- wijkportaal:recent-gewijzigd -->"

TITEL = "Ontwikkelingen"
_FEED_MAP, _FEED_BESTAND = adressen.ONTWIKKELINGEN_FEED.rsplit("/", 1)
_FEED_MAP += "/"


def paginas(w: Weergave) -> Iterator[Pagina]:
    """The overview, intern only (ontwikkelingen never reach the publiek edition)."""
    if w.cat.is_publiek():
        return
    url = adressen.overzicht("ontwikkelingen")
    ontwikkelingen = w.cat.ontwikkelingen
    per_jaar = [(jaar, list(groep)) for jaar, groep in groupby(ontwikkelingen, key=lambda o: o.datum.jaar if o.datum else None)]
    feed = relatief(url, _FEED_MAP) + _FEED_BESTAND
    pagina = w.render(
        "overzicht_ontwikkelingen.html", url, TITEL,
        beschrijving="Nieuwe wetten, pilots, voorzieningen die starten of stoppen, en veranderingen in de werkwijze "
        "van de Wijkteams Enschede. De nieuwste staan bovenaan.",
        ontwikkelingen=ontwikkelingen, per_jaar=per_jaar, feed=feed,
    )  # fmt: skip
    pagina.kop = f'<link rel="alternate" type="application/atom+xml" title="{TITEL}" href="{feed}">'
    yield pagina


def _tijd(datum: dt.date) -> str:
    """An Atom date-time for a calendar date (midnight UTC keeps the date the same in Enschede)."""
    return f"{datum.isoformat()}T00:00:00Z"


def feed(w: Weergave, site_url: str = "", site_naam: str = "Wijkportaal Enschede") -> str:
    """The Atom 1.0 feed of the ontwikkelingen, newest first; "" in the publiek edition.

    ``updated`` of an entry is the first day of its date's period (a feed needs a full
    date-time); its summary starts with the date as precise as the source gives it.
    """
    if w.cat.is_publiek():
        return ""
    def href(naar: str) -> str:
        return adressen.absoluut(site_url, naar) or relatief(_FEED_MAP, naar)  # else relative to the feed itself

    gedateerd = [o for o in w.cat.ontwikkelingen if o.datum is not None]
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "nl"})
    ET.SubElement(root, "id").text = TAG
    ET.SubElement(root, "title").text = f"{TITEL} – {site_naam}"
    ET.SubElement(root, "subtitle").text = (
        "Nieuwe wetten, pilots, voorzieningen die starten of stoppen, en veranderingen in de werkwijze van de "
        "Wijkteams Enschede."
    )
    nieuwste = max((o.datum.begin for o in gedateerd), default=w.cat.vandaag)  # type: ignore[union-attr]
    ET.SubElement(root, "updated").text = _tijd(nieuwste)
    ET.SubElement(ET.SubElement(root, "author"), "name").text = site_naam
    zelf = adressen.absoluut(site_url, adressen.ONTWIKKELINGEN_FEED) or _FEED_BESTAND
    ET.SubElement(root, "link", {"rel": "self", "type": "application/atom+xml", "href": zelf})
    ET.SubElement(root, "link", {"rel": "alternate", "type": "text/html", "href": href(adressen.overzicht("ontwikkelingen"))})
    for o in gedateerd:
        _entry(root, w, o, href)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _entry(root: ET.Element, w: Weergave, o: Ontwikkeling, href) -> None:
    assert o.datum is not None
    entry = ET.SubElement(root, "entry")
    ET.SubElement(entry, "id").text = f"{TAG}/{o.id}"
    ET.SubElement(entry, "title").text = o.naam
    ET.SubElement(entry, "updated").text = _tijd(o.datum.begin)
    ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": href(adres(o))})
    organisatie = w.cat.zoek(f"organisaties/{o.beheerder}")
    ET.SubElement(ET.SubElement(entry, "author"), "name").text = organisatie.naam if organisatie else "Wijkteams Enschede"
    if o.soort_ontwikkeling:
        ET.SubElement(entry, "category", {"term": o.soort_ontwikkeling, "label": o.soort_label})
    soort = f" ({o.soort_label.lower()})" if o.soort_label else ""
    ET.SubElement(entry, "summary").text = f"{o.datum.tekst.capitalize()}{soort}: {o.samenvatting}"


def recent_blok(w: Weergave, url: str, data: Path | None, aantal: int = 10) -> str:
    """HTML for the page at ``url``: the ``aantal`` records changed last (see :mod:`wijkportaal.geschiedenis`)."""
    recent = recent_gewijzigd(w.cat, data, aantal)
    return w.render(
        "recent_gewijzigd.html", url, "", wijzigingen=recent.wijzigingen, uit_git=recent.bron == GIT
    ).html
