"""Turning record text into safe HTML, and formatting values for Dutch readers.

Record Markdown is written by many people (partners edit their own entries), so
every Markdown field goes through the same two steps:

1. render with the site's own Markdown extensions (so a list or a table in a
   record looks like one on a hand-written page), headings shifted down so a
   ``# Kop`` in a record cannot compete with the page title;
2. clean the result with an allow-list sanitizer (nh3): no script, style,
   iframe, object, form or event attributes; links only to http, https,
   mailto, tel or the site itself; no ids but footnote ids and no classes of
   the site or its theme (see :func:`schoon`).

Raw HTML typed into a record is never interpreted: Python-Markdown's own raw HTML
handling is switched off (see :class:`Opmaak`), so ``<b>`` is text wherever it
stands, and code is escaped once, by Markdown, whatever its fence.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
from typing import Any, Iterable

import markdown
import nh3
from markdown.extensions.footnotes import FootnoteExtension

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

TOEGESTANE_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q",
    "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "u", "ul",
}  # fmt: skip
TOEGESTANE_ATTRIBUTEN = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
}
TOEGESTANE_SCHEMAS = {"http", "https", "mailto", "tel"}

# Extensions that make no sense inside a record (they would add page furniture).
NIET_IN_RECORDS = {"toc", "markdown.extensions.toc", "pymdownx.snippets", "meta", "markdown.extensions.meta"}


# Class names of the theme (Material: md-*), of the site itself (wp-*) and of the maps
# (Leaflet, MarkerCluster): with them a record could look like a notice of the site or lay
# itself over the page.
VERBODEN_KLASSEN = re.compile(r"(?:md|wp|leaflet)-|marker-cluster", re.I)


def schoon(html_tekst: str, voetnoot_scheiding: str = ":") -> str:
    """Keep only allow-listed tags, attributes and link schemes.

    Ids are limited to the ones the footnotes extension makes (``fn:1``, ``fnref:1``,
    ``fnref2:1``; ``voetnoot_scheiding`` is its SEPARATOR): any other id could shadow an
    element of the page that a script looks up by id (Material's ``#__config``, the map
    data ``#kaartdata-...``). Classes of the site and its theme are dropped.
    """
    return nh3.clean(
        html_tekst,
        tags=TOEGESTANE_TAGS,
        attributes=TOEGESTANE_ATTRIBUTEN,
        attribute_filter=_attribuutfilter(voetnoot_scheiding),
        url_schemes=TOEGESTANE_SCHEMAS,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


@functools.lru_cache(maxsize=None)
def _attribuutfilter(voetnoot_scheiding: str):
    voetnoot_id = re.compile(rf"fn(?:ref\d*)?{re.escape(voetnoot_scheiding)}.")

    def filter_(tag: str, attribuut: str, waarde: str) -> str | None:
        if attribuut == "id":
            return waarde if voetnoot_id.match(waarde) else None
        if attribuut == "class":
            klassen = [k for k in waarde.split() if not VERBODEN_KLASSEN.match(k)]
            return " ".join(klassen) or None
        return waarde

    return filter_


def _naam(extensie: Any) -> str:
    return extensie if isinstance(extensie, str) else type(extensie).__module__


class Opmaak:
    """Renders record Markdown with the site's extensions, then sanitizes it.

    ``extensies`` and ``instellingen`` are what the site configures (for MkDocs:
    ``markdown_extensions`` and ``mdx_configs``). One Markdown instance is reused
    and reset between fields, which keeps a build of thousands of records fast.

    Raw HTML is text: Python-Markdown and the site's extensions let it through in two
    places only, the ``html_block`` preprocessor (block-level HTML; md_in_html registers
    its own under that name) and the ``html`` inline pattern (tags, comments, ``<!...>``,
    ``<?...?>``). Both are removed, so ``<`` outside code is escaped by Markdown's serializer like any
    other text, at any indentation, and code is escaped once by the code processors.
    What remains stashed as HTML is made by extensions (code blocks, task-list
    checkboxes), and the ``entity`` pattern only keeps ``&name;``/``&#N;`` entities,
    which a browser shows as text. md_in_html's block processor only acts on what its
    preprocessor stashed, so ``<div markdown="1">`` is text as well.
    """

    def __init__(self, extensies: Iterable[Any] = (), instellingen: dict[str, dict] | None = None) -> None:
        instellingen = instellingen or {}
        gekozen = [e for e in extensies if _naam(e) not in NIET_IN_RECORDS]
        configs = {n: copy.copy(c) for n, c in instellingen.items() if n not in NIET_IN_RECORDS}
        self._md = markdown.Markdown(extensions=gekozen, extension_configs=configs, output_format="html")
        for register, naam in ((self._md.preprocessors, "html_block"), (self._md.inlinePatterns, "html")):
            if naam in register:
                register.deregister(naam)
        self._voetnoot_scheiding = next(
            (e.getConfig("SEPARATOR") for e in self._md.registeredExtensions if isinstance(e, FootnoteExtension)),
            ":",
        )

    def markdown(self, tekst: str | None) -> str:
        """Markdown → sanitized HTML. Headings start at h3 (h1 and h2 belong to the page)."""
        if not tekst or not isinstance(tekst, str):
            return ""
        self._md.reset()
        gemaakt = self._md.convert(tekst)
        return schoon(_verlaag_koppen(gemaakt), self._voetnoot_scheiding)


_KOP = re.compile(r"<(/?)h([1-6])\b")


def _verlaag_koppen(gemaakt: str) -> str:
    return _KOP.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 2, 6)}", gemaakt)


def datum(d: dt.date | None) -> str:
    """23 november 2026."""
    if d is None:
        return ""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def opsomming(woorden: Iterable[str]) -> str:
    """'a, b en c'."""
    lijst = [w for w in woorden if w]
    if len(lijst) <= 1:
        return "".join(lijst)
    return ", ".join(lijst[:-1]) + " en " + lijst[-1]


def telefoon_link(nummer: str) -> str:
    """tel: URI for a Dutch phone number as people write it."""
    cijfers = re.sub(r"[^0-9+]", "", nummer)
    return f"tel:{cijfers}"
