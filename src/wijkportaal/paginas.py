"""Which pages the catalogue yields, and their HTML.

The site engine (MkDocs today) only places these pages in its theme: every
page's content, title, table of contents and URL is decided here, from the
validated catalogue. Templates live in ``templates/`` and are autoescaped;
Markdown fields pass through :class:`~wijkportaal.opmaak.Opmaak`.

URLs come from :mod:`.adressen`. A page's table of contents is read from its
own HTML (every ``<h2 id>``), the same way for every page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Iterator

import jinja2
from markupsafe import Markup

from . import adressen, opmaak
from .adressen import adres, relatief
from .catalogus import Catalogus
from .gebieden import Gebied
from .kaart import SCRIPTS, STIJLEN, Kaartinstellingen, Kaartmaker, markerdata
from .organisatie import Organisatie
from .record import Record
from .soorten import SOORTEN
from .taxonomie import Term
from .voorziening import DAGEN, KANAAL_LABEL, TALEN, TOEGANKELIJKHEID, Voorziening
from .werkinstructie import Werkinstructie


@dataclass
class Pagina:
    """One generated page: where it lives, what it is called, what it says."""

    url: str
    titel: str
    html: str
    beschrijving: str = ""
    zoekbaar: bool = True
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


def _templates() -> jinja2.Environment:
    global _omgeving
    if _omgeving is None:
        _omgeving = jinja2.Environment(
            loader=jinja2.PackageLoader("wijkportaal", "templates"),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        _omgeving.filters["datum"] = opmaak.datum
        _omgeving.filters["tel"] = opmaak.telefoon_link
        _omgeving.filters["labels"] = lambda ids, namen: [namen.get(i, i) for i in ids]
    return _omgeving


class Paginamaker:
    """Renders every page of one edition of the catalogue."""

    def __init__(
        self,
        catalogus: Catalogus,
        opmaker: opmaak.Opmaak | None = None,
        kaartinstellingen: Kaartinstellingen | None = None,
    ) -> None:
        self.cat = catalogus
        self.opmaak = opmaker or opmaak.Opmaak()
        self.tax = catalogus.taxonomie
        self.kaartmaker = Kaartmaker(kaartinstellingen)

    # -- maps --------------------------------------------------------------------------------

    def _hoofdthema_label(self, v: Voorziening) -> str:
        for thema in v.themas:
            hoofd = self.tax.hoofdthema(thema)
            if hoofd:
                return self.tax.themas[hoofd].label
        return "Overig"

    def _kaart(self, url: str, naam: str, voorzieningen: list[Voorziening], **opties) -> Markup:
        """A map fragment for the page at ``url``, with the asset tags it needs."""
        rijen = markerdata(voorzieningen, self._hoofdthema_label, lambda v: relatief(url, adres(v)))
        basis = relatief(url, "")
        tags = "".join(f'<link rel="stylesheet" href="{basis}{s}">\n' for s in STIJLEN)
        tags += "".join(f'<script src="{basis}{s}"></script>\n' for s in SCRIPTS)
        return Markup(tags + self.kaartmaker.kaart(naam, rijen, **opties))

    @staticmethod
    def _plaatsen(voorzieningen: list[Voorziening], wijkcode: str | None = None) -> list[tuple]:
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
            "organisatie": lambda id_: self.cat.records.get("organisaties", {}).get(id_),
            "wijk": lambda code: self.cat.gebieden.wijken.get(code),
            "buurt": lambda code: self.cat.gebieden.buurten.get(code),
            "zoek": self.cat.zoek,
            "genoemd_in": lambda r: self.cat.genoemd_in.get(r.ref, []),
            "gerelateerd": self._gerelateerd,
            "opsomming": opmaak.opsomming,
            "dagen": DAGEN,
            "kanaal_label": KANAAL_LABEL,
            "talen": TALEN,
            "toegankelijkheid": TOEGANKELIJKHEID,
            "openingstijden": _openingstijden,
            "soorten": SOORTEN,
            "toon_intern": self.cat.editie == "intern",
            "publiek": self.cat.is_publiek(),
            "vandaag": self.cat.vandaag,
            "verouderd": self.cat.is_verouderd,
            "bestaat_niet_meer": lambda r: r.bestaat_niet_meer(self.cat.vandaag),
            **extra,
        }

    def _term_thema(self, id_: str) -> Term | None:
        return self.tax.themas.get(id_)

    def _term_doelgroep(self, id_: str) -> Term | None:
        return self.tax.doelgroepen.get(id_)

    def _gerelateerd(self, record: Record) -> list[Record]:
        return [r for r in (self.cat.zoek(ref) for ref in record.gerelateerd) if r is not None]

    def _render(self, template: str, url: str, titel: str, beschrijving: str = "", zoekbaar: bool = True, **extra) -> Pagina:
        html = _templates().get_template(template).render(self._context(url, titel=titel, **extra))
        return Pagina(url=url, titel=titel, html=html, beschrijving=beschrijving, zoekbaar=zoekbaar)

    # -- pages -----------------------------------------------------------------------------

    def paginas(self) -> Iterator[Pagina]:
        """Every generated page, overviews first."""
        yield from self.overzichten()
        for record in self.cat.met_pagina():
            yield self.recordpagina(record)

    def overzichten(self) -> Iterator[Pagina]:
        cat = self.cat
        yield self._render(
            "overzicht_voorzieningen.html", adressen.overzicht("voorzieningen"), "Voorzieningen",
            beschrijving="Alle voorzieningen van de sociale kaart van Enschede.",
            records=cat.voorzieningen,
        )  # fmt: skip
        if not cat.is_publiek():
            yield from self._kennisportaal()
            yield self.onderhoudspagina()
        yield self._render(
            "overzicht_organisaties.html", adressen.overzicht("organisaties"), "Organisaties",
            beschrijving="Organisaties op de sociale kaart van Enschede.",
            records=cat.organisaties,
        )  # fmt: skip
        yield from self._taxonomie()
        yield self.kaartpagina()
        yield self._render("overzicht_wijken.html", adressen.WIJKEN, "Wijken", stadsdelen=self._stadsdelen())
        for wijk in sorted(cat.gebieden.wijken.values(), key=lambda g: g.code):
            yield self.wijkpagina(wijk)

    def kaartpagina(self) -> Pagina:
        """/kaart/: every current voorziening with a location, on the wijken of Enschede."""
        voorzieningen = [v for v in self.cat.voorzieningen if any(l.coordinaten for l in v.locaties)]
        wijken = sorted(self.cat.gebieden.wijken.values(), key=lambda g: g.code)
        kaart = self._kaart(
            adressen.KAART, "overzicht", voorzieningen, wijken=wijken, hoogte="34rem",
            omschrijving="Kaart van Enschede met alle voorzieningen", lijst_anker="plaatsen",
        )  # fmt: skip
        return self._render(
            "kaart.html", adressen.KAART, "Kaart", kaart=kaart, plaatsen=self._plaatsen(voorzieningen),
            beschrijving="Kaart van Enschede met de plekken waar u hulp vindt.",
        )  # fmt: skip

    def onderhoudspagina(self, binnen: int = 60) -> Pagina:
        """/onderhoud/: per beheer-organisatie what is overdue or due soon (intern only)."""
        from .onderhoud import onderhoudslijsten

        return self._render(
            "onderhoud.html", adressen.ONDERHOUD, "Onderhoud",
            lijsten=onderhoudslijsten(self.cat, binnen=binnen), binnen=binnen, dagen=self.cat.verouderd_na_dagen,
        )  # fmt: skip

    def _kennisportaal(self) -> Iterator[Pagina]:
        """Overviews for staff only: methodieken and werkinstructies."""
        cat = self.cat
        yield self._render(
            "overzicht_methodieken.html", adressen.overzicht("methodieken"), "Methodieken",
            beschrijving="Methodieken en werkwijzen van de Wijkteams Enschede.",
            records=cat.methodieken,
        )  # fmt: skip
        per_proces: dict[str, list[Werkinstructie]] = {}
        for w in cat.werkinstructies:
            per_proces.setdefault(w.proces, []).append(w)
        yield self._render(
            "overzicht_werkinstructies.html", adressen.overzicht("werkinstructies"), "Werkinstructies",
            beschrijving="Werkinstructies voor medewerkers van de Wijkteams Enschede.",
            per_proces=[(self.tax.processen.get(p), per_proces[p]) for p in sorted(per_proces)],
        )  # fmt: skip

    def _taxonomie(self) -> Iterator[Pagina]:
        cat = self.cat
        yield self._render("overzicht_themas.html", adressen.THEMAS, "Thema's", hoofdthemas=self.tax.hoofdthemas)
        for term in self.tax.themas.values():
            yield self._render(
                "thema.html", adres(term), term.label,
                beschrijving=f"Hulp en informatie over {term.label.lower()} in Enschede.",
                term=term, records=cat.met_thema(term.id),
            )  # fmt: skip
        yield self._render(
            "overzicht_doelgroepen.html", adressen.DOELGROEPEN, "Doelgroepen",
            doelgroepen=[(t, len(cat.met_doelgroep(t.id))) for t in self.tax.doelgroepen.values()],
        )  # fmt: skip
        for term in self.tax.doelgroepen.values():
            yield self._render(
                "doelgroep.html", adres(term), term.label,
                term=term, records=cat.met_doelgroep(term.id),
            )  # fmt: skip

    def _stadsdelen(self) -> list[tuple[str, list[tuple[Gebied, int]]]]:
        gebieden = self.cat.gebieden
        groepen: list[tuple[str, list[tuple[Gebied, int]]]] = []
        geplaatst: set[str] = set()
        for stadsdeel in gebieden.stadsdelen.values():
            wijken = [gebieden.wijken[c] for c in stadsdeel.wijken if c in gebieden.wijken]
            geplaatst |= {w.code for w in wijken}
            groepen.append((stadsdeel.naam, [(w, len(self.cat.in_wijk(w.code)[0])) for w in wijken]))
        rest = [w for c, w in sorted(gebieden.wijken.items()) if c not in geplaatst]
        if rest:
            groepen.append(("Overige wijken", [(w, len(self.cat.in_wijk(w.code)[0])) for w in rest]))
        return groepen

    def wijkpagina(self, wijk: Gebied) -> Pagina:
        hier, stedelijk = self.cat.in_wijk(wijk.code)
        per_thema: dict[str, list[Voorziening]] = {}
        for v in hier:
            hoofden = dict.fromkeys(h for h in (self.tax.hoofdthema(t) for t in v.themas) if h)
            for hoofd in hoofden or ["overig"]:
                per_thema.setdefault(hoofd, []).append(v)
        volgorde = [t.id for t in self.tax.hoofdthemas] + ["overig"]
        groepen = [(self.tax.themas.get(t), per_thema[t]) for t in volgorde if t in per_thema]
        stadsdeel = self.cat.gebieden.stadsdeel_van(wijk.code)
        buurten = sorted(self.cat.gebieden.buurten_van(wijk.code), key=lambda b: b.naam)
        op_kaart = [v for v in hier if any(l.wijkcode == wijk.code for l in v.locaties)]
        kaart = self._kaart(
            adres(wijk), "wijk", op_kaart, wijken=[wijk], buurten=buurten,
            omschrijving=f"Kaart van de wijk {wijk.naam} met de voorzieningen", lijst_anker="plaatsen",
        )  # fmt: skip
        return self._render(
            "wijk.html", adres(wijk), f"Wijk {wijk.naam}", kaart=kaart, plaatsen=self._plaatsen(op_kaart, wijk.code),
            beschrijving=f"Voorzieningen in de wijk {wijk.naam} in Enschede.",
            wijk=wijk, groepen=groepen, stedelijk=stedelijk, aantal=len(hier),
            stadsdeel=stadsdeel, buurten=buurten,
        )  # fmt: skip

    def recordpagina(self, record: Record) -> Pagina:
        url = adres(record)
        extra: dict = {}
        if isinstance(record, Voorziening) and any(l.coordinaten for l in record.locaties):
            extra["kaart"] = self._kaart(
                url, "voorziening", [record], hoogte="16rem", zoom=14,
                omschrijving=f"Kaart met de locaties van {record.naam}", lijst_anker="locaties",
            )  # fmt: skip
        if isinstance(record, Organisatie):
            extra["aanbod"] = self.cat.van_organisatie(record.id)
            extra["beheerd"] = [r for r in self.cat.alle() if r.beheerder == record.id and r is not record]
        return self._render(
            SOORTEN[record.SOORT].template, url, record.naam, beschrijving=record.samenvatting,
            zoekbaar=not record.bestaat_niet_meer(self.cat.vandaag), r=record, **extra,
        )  # fmt: skip


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
