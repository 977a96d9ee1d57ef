"""What every page family shares: the page value, the templates and the renderer.

:class:`Weergave` renders a template for a URL with the helpers every template
may use (links, Markdown, labels, maps). Page families (``records``,
``overzichten``, ``wijken``, ``zoeken``) each turn part of the catalogue into
:class:`Pagina` values with it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Callable

import jinja2
from markupsafe import Markup

from .. import adressen, opmaak
from ..adressen import adres, relatief
from ..catalogus import Catalogus
from ..dichtbij import PDOK_LOCATIESERVER, routelink
from ..kaart import SCRIPTS, STIJLEN, Kaartinstellingen, Kaartmaker, markerdata
from ..record import VELDLABELS, Record
from ..soorten import SOORTEN
from ..taxonomie import Term
from ..voorziening import DAGEN, KANAAL_LABEL, TALEN, TOEGANKELIJKHEID, Voorziening


@dataclass
class Pagina:
    """One generated page: where it lives, what it is called, what it says."""

    url: str
    titel: str
    html: str
    beschrijving: str = ""
    kop: str = ""  # extra HTML for the page's <head>, such as a feed link
    overgeslagen: bool = False  # not made this time (Weergave.alleen): the engine keeps the earlier one
    koppen: list[tuple[str, str]] = field(init=False)  # (anchor, title as HTML): the page's contents

    def __post_init__(self) -> None:
        self.koppen = inhoudsopgave(self.html)

    @property
    def in_navigatie(self) -> bool:
        """Overviews are the site's navigation; record, thema and wijk pages are not."""
        return adressen.is_overzicht(self.url)

    @property
    def bronbestand(self) -> str:
        return adressen.bronbestand(self.url)

    @property
    def titel_html(self) -> str:
        """The title escaped for engines (like MkDocs) that treat a page title as HTML."""
        return html.escape(self.titel, quote=True)

    @property
    def beschrijving_html(self) -> str:
        return html.escape(self.beschrijving, quote=True)


def inhoudsopgave(pagina_html: str) -> list[tuple[str, str]]:
    """The h2 sections of a rendered page, for its table of contents.

    Titles stay HTML (escaped text, inner tags removed): engines put them in the
    page as they are. Record Markdown starts at h3, so only the page's own
    sections are listed.
    """
    return [
        (m.group(1), re.sub(r"<[^>]+>", "", m.group(2)).strip())
        for m in re.finditer(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', pagina_html, re.S)
    ]


_omgeving: jinja2.Environment | None = None


def templates() -> jinja2.Environment:
    global _omgeving
    if _omgeving is None:
        _omgeving = jinja2.Environment(
            loader=jinja2.PackageLoader("wijkportaal", "templates"),
            autoescape=True,
            auto_reload=False,  # templates are package files: no stat() per page
            trim_blocks=True,
            lstrip_blocks=True,
        )
        _omgeving.filters["datum"] = opmaak.datum
        _omgeving.filters["tel"] = opmaak.telefoon_link
        _omgeving.filters["labels"] = lambda ids, namen: [namen.get(i, i) for i in ids]
        _omgeving.filters["veldlabel"] = lambda veld: VELDLABELS.get(veld, veld.replace("_", " "))
    return _omgeving


class Weergave:
    """Renders templates for one edition of the catalogue."""

    def __init__(
        self,
        catalogus: Catalogus,
        opmaker: opmaak.Opmaak | None = None,
        kaartinstellingen: Kaartinstellingen | None = None,
        repository: adressen.Repository | None = None,
        iconen: Callable[[str], str | None] | None = None,
        site_url: str = "",
        site_naam: str = "Wijkportaal Enschede",
        geocoder: str = PDOK_LOCATIESERVER,
    ) -> None:
        self.cat = catalogus
        self.geocoder = geocoder  # where the browser looks up a typed address ("" for none: see dichtbij.py)
        self.site_url = site_url  # the site's own address when configured (absolute links in JSON-LD and exports)
        self.site_naam = site_naam
        self.repository = repository
        self.iconen = iconen  # icon name (material/home) -> SVG text, from the site engine
        self.opmaak = opmaker or opmaak.Opmaak()
        self.tax = catalogus.taxonomie
        self.kaartmaker = Kaartmaker(kaartinstellingen, catalogus.gebieden.bron)
        # see lijstitem(); a live preview hands in the items of the previous build, minus the changed records
        self.lijstitems: dict[tuple[str, bool], str] = {}
        # Which pages to make, by URL; None: all. A live preview makes only what a change touches.
        self.alleen: Callable[[str], bool] | None = None

    # -- maps --------------------------------------------------------------------------------

    def hoofdthema_label(self, v: Voorziening) -> str:
        return self.tax.hoofdthema_label(v.themas)

    def kaart(self, url: str, naam: str, voorzieningen: list[Voorziening], **opties) -> Markup:
        """A map fragment for the page at ``url``, with the asset tags it needs."""
        rijen = markerdata(voorzieningen, self.hoofdthema_label, lambda v: relatief(url, adres(v)))
        return Markup(self.assets(url) + self.kaartmaker.kaart(naam, rijen, **opties))

    @staticmethod
    def assets(url: str, stijlen=STIJLEN, scripts=SCRIPTS) -> str:
        """<link> and <script> tags for site assets, relative to the page at ``url``."""
        basis = relatief(url, "")
        tags = "".join(f'<link rel="stylesheet" href="{basis}{s}">\n' for s in stijlen)
        return tags + "".join(f'<script src="{basis}{s}"></script>\n' for s in scripts)

    @staticmethod
    def plaatsen(voorzieningen: list[Voorziening], wijkcode: str | None = None) -> list[tuple]:
        """(voorziening, locatie) for the text list beside a map; only locations in the wijk if given."""
        return [
            (v, l) for v in voorzieningen for l in v.locaties
            if l.coordinaten is not None and (wijkcode is None or l.wijkcode == wijkcode)
        ]  # fmt: skip

    # -- helpers available in templates --------------------------------------------------

    def _context(self, url: str, **extra) -> dict:
        return {
            "cat": self.cat,
            "tax": self.tax,
            "link": lambda naar: relatief(url, naar if isinstance(naar, str) else adres(naar)),
            "overzicht": adressen.overzicht,
            "adressen": adressen,
            "md": lambda tekst: Markup(self.opmaak.markdown(tekst)),
            "thema": self._term_thema,
            "doelgroep": self._term_doelgroep,
            "organisatie": self.cat.organisatie,
            "wijk": lambda code: self.cat.gebieden.wijken.get(code),
            "buurt": lambda code: self.cat.gebieden.buurten.get(code),
            "zoek": self.cat.zoek,
            "genoemd_in": lambda r: self.cat.genoemd_in.get(r.ref, []),
            "gerelateerd": self._gerelateerd,
            "records_van": lambda refs: [r for r in map(self.cat.zoek, refs) if r is not None],
            "ontwikkelingen_over": lambda r: self.cat.ontwikkelingen_over.get(r.ref, []),
            "opsomming": opmaak.opsomming,
            "dagen": DAGEN,
            "kanaal_label": KANAAL_LABEL,
            "talen": TALEN,
            "toegankelijkheid": TOEGANKELIJKHEID,
            "openingstijden": _openingstijden,
            "soorten": SOORTEN,
            "repository": self.repository,
            "toon_intern": self.cat.editie == "intern",
            "publiek": self.cat.is_publiek(),
            "geocoder": self.geocoder,
            "route": routelink,
            "vandaag": self.cat.vandaag,
            "verouderd": self.cat.is_verouderd,
            "bestaat_niet_meer": lambda r: r.bestaat_niet_meer(self.cat.vandaag),
            "uitleg_bij": self._uitleg_bij,
            "lijstitem": lambda r, met_soort=False: self.lijstitem(url, r, met_soort),
            "per_soort_van": _per_soort,
            "labels_van": _labels,
            **extra,
        }

    def lijstitem(self, url: str, record: Record, met_soort: bool = False) -> Markup:
        """One record in a list on the page at ``url``. A record is listed on many pages (overviews,
        thema's, doelgroepen, wijken, organisaties): its item is rendered once, and only the link
        (relative to each page) is put in front."""
        sleutel = (record.ref, met_soort)
        if sleutel not in self.lijstitems:
            sjabloon = templates().get_template("_lijstitem.html")
            self.lijstitems[sleutel] = sjabloon.render(self._context(url, r=record, met_soort=met_soort)).strip()
        href = html.escape(relatief(url, adres(record)), quote=True)
        return Markup(
            f'  <li class="wp-lijst__item" data-ref="{html.escape(record.ref, quote=True)}">\n'
            f'    <a class="wp-lijst__naam" href="{href}">{self.lijstitems[sleutel]}'
        )

    def _uitleg_bij(self, teksten, record: Record | None = None) -> list:
        """The glossary words in ``teksten`` (strings; None and "" skipped), except the ones
        whose "meer" is ``record`` itself: that page explains them."""
        begrippen = self.cat.woordenlijst.in_teksten(t for t in teksten if t)
        return [b for b in begrippen if record is None or b.meer != record.ref]

    def _term_thema(self, id_: str) -> Term | None:
        return self.tax.themas.get(id_)

    def _term_doelgroep(self, id_: str) -> Term | None:
        return self.tax.doelgroepen.get(id_)

    def _gerelateerd(self, record: Record) -> list[Record]:
        return [r for r in (self.cat.zoek(ref) for ref in record.gerelateerd) if r is not None]

    def maakt(self, url: str) -> bool:
        """Whether this run makes the page at ``url`` (see ``alleen``)."""
        return self.alleen is None or self.alleen(url)

    def render(self, template: str, url: str, titel: str, beschrijving: str = "", **extra) -> Pagina:
        """One page: ``template`` rendered for ``url`` with the shared helpers and ``extra``
        (an empty page marked ``overgeslagen`` when this run does not make it)."""
        if not self.maakt(url):
            return Pagina(url=url, titel=titel, html="", beschrijving=beschrijving, overgeslagen=True)
        html = templates().get_template(template).render(self._context(url, titel=titel, **extra))
        return Pagina(url=url, titel=titel, html=html, beschrijving=beschrijving)



def _per_soort(records) -> list[tuple[str, object, list[Record]]]:
    """(kind, its registry entry, the records of that kind) in the registry's order, in one pass."""
    per: dict[str, list[Record]] = {}
    for r in records:
        per.setdefault(r.SOORT, []).append(r)
    return [(soort, s, per.get(soort, [])) for soort, s in SOORTEN.items()]


def _labels(records) -> list[str]:
    """The toegang and kosten labels of the voorzieningen among ``records``, each once (for "Wat betekenen de labels?")."""
    vz = [r for r in records if isinstance(r, Voorziening)]
    return list(dict.fromkeys(v.toegang_label for v in vz)) + list(dict.fromkeys(v.kosten_label for v in vz))


def _openingstijden(locatie) -> list[tuple[str, list[str]]]:
    """[(dag, ["09:00–12:00", ...]), ...] in weekday order."""
    per_dag: dict[str, list[str]] = {}
    for regel in locatie.openingstijden:
        van, tot = regel.get("van"), regel.get("tot")
        if not (van and tot):
            continue
        for dag in regel.get("dagen", []):
            per_dag.setdefault(dag, []).append(f"{van}–{tot}")
    return [(DAGEN[d], sorted(per_dag[d])) for d in DAGEN if d in per_dag]
