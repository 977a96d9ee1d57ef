"""Which pages the catalogue yields, and their HTML.

The site engine (MkDocs today) only places these pages in its theme: every
page's content, title, table of contents and URL is decided here, from the
validated catalogue. Each family of pages has its own module:

========================  =====================================================
``records``               a page per voorziening, methodiek, werkinstructie, organisatie
``overzichten``           overviews, thema's, doelgroepen, kennisportaal lists, onderhoud
``wijken``                the wijken, a page per wijk with its map, /kaart/
``zoeken``                the finder, /zoeken/
``teams``                 wie is wie (intern): the teams overview, "Vraag het aan" on thema/methodiek pages
``wijkanalyse``           the matrix of wijken by hoofdthema (intern), /wijkanalyse/
``vragen``                vragen en antwoorden, /vragen/ (both editions)
``ontwikkelingen``        /ontwikkelingen/ with its Atom feed, the "recent gewijzigd" block
``handpaginas``           blocks for hand-written pages (over, privacy, toegankelijkheid) that follow the configuration
``thuis``                 the blocks of the home pages (search, thema's, wijken, talk, kennisportaal), /woordenlijst/
``opendata``              /open-data/: the export files, their fields, licence and attribution
========================  =====================================================

``basis`` holds what they share: :class:`Pagina`, the templates (autoescaped
Jinja2 in ``templates/``) and :class:`Weergave`, the renderer with the helpers
every template may use. URLs come from :mod:`wijkportaal.adressen`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator

from .. import export, hsds, parallel
from ..adressen import ONTWIKKELINGEN_FEED, Repository
from ..catalogus import Catalogus
from ..dichtbij import GEBIEDENBESTAND, PDOK_LOCATIESERVER, gebieden_json
from ..gebieden import Gebied
from ..kaart import Kaartinstellingen
from ..opmaak import Opmaak
from ..record import Record
from . import handpaginas, ontwikkelingen, opendata, overzichten, records, teams, thuis, vragen, wijkanalyse, wijken, zoeken
from .basis import Pagina, Weergave, inhoudsopgave

__all__ = ["Pagina", "Paginamaker", "Weergave", "inhoudsopgave"]


class Paginamaker:
    """Every page of one edition of the catalogue: the switchboard over the page families."""

    def __init__(
        self,
        catalogus: Catalogus,
        opmaker: Opmaak | None = None,
        kaartinstellingen: Kaartinstellingen | None = None,
        repository: Repository | None = None,
        iconen: Callable[[str], str | None] | None = None,
        site_url: str = "",
        site_naam: str = "Wijkportaal Enschede",
        geocoder: str = PDOK_LOCATIESERVER,
    ) -> None:
        """``iconen``: the site engine's icon set, name (``material/home``) to SVG text (None if unknown);
        ``site_url``, ``site_naam``: the site's address if known (absolute links in structured data and open
        data) and its name (in the feed's title and the open data's attribution); ``geocoder``: where the
        browser looks up a typed address, "" for no address search (see :mod:`wijkportaal.dichtbij`)."""
        self.weergave = Weergave(catalogus, opmaker, kaartinstellingen, repository, iconen, site_url, site_naam, geocoder)

    def paginas(
        self, records_alleen: Callable[[Record], bool] | None = None, overzichten_alleen: Callable[[str], bool] | None = None
    ) -> Iterator[Pagina]:
        """Every generated page, overviews first. Given ``records_alleen``, only the record pages it
        accepts; given ``overzichten_alleen``, the other pages it does not accept (by URL) come
        ``overgeslagen`` (a live preview keeps the earlier ones). On a large site most record pages
        are made in a second process meanwhile (:mod:`wijkportaal.parallel`); the order stays the same."""
        w = self.weergave
        w.alleen = None  # record pages: as records_alleen says (also in the child forked below)
        met_pagina = [r for r in w.cat.met_pagina() if records_alleen is None or records_alleen(r)]
        twee = parallel.aan(len(met_pagina))
        hier = len(met_pagina) // 4 if twee else len(met_pagina)  # the child's share: this process makes the overviews
        elders = parallel.op_achtergrond(lambda: [records.recordpagina(w, r) for r in met_pagina[hier:]], twee)
        w.alleen = overzichten_alleen
        try:
            yield from self._overzichten()
        finally:
            w.alleen = None
        for record in met_pagina[:hier]:
            yield records.recordpagina(w, record)
        yield from elders.result()

    def _overzichten(self) -> Iterator[Pagina]:
        yield zoeken.zoekpagina(self.weergave)
        yield from overzichten.paginas(self.weergave)
        yield from teams.paginas(self.weergave)
        yield from vragen.paginas(self.weergave)
        yield from ontwikkelingen.paginas(self.weergave)
        yield from wijken.paginas(self.weergave)
        yield thuis.woordenlijstpagina(self.weergave)
        yield opendata.open_data_pagina(self.weergave, hsds.BESCHRIJVING)
        if not self.weergave.cat.is_publiek():
            yield wijkanalyse.wijkanalysepagina(self.weergave)

    def fotos(self) -> Iterator[tuple[str, Path]]:
        """Files copied into the site as they are, (site path, file): the photos people consented to (intern)."""
        yield from teams.fotos(self.weergave.cat)

    def bestanden(self) -> dict[str, str]:
        """Generated files that are not pages, {site path: text}: the Atom feed of the ontwikkelingen
        (intern), the open data (JSON, CSV, GeoJSON, HSDS 3.0) and the boundaries the finder places an
        address with (``zoeken/gebieden.json``)."""
        w = self.weergave
        uit = export.bestanden(w.cat, w.site_url, w.site_naam)
        uit[GEBIEDENBESTAND] = gebieden_json(w.cat.gebieden)
        uit.update(hsds.bestanden(w.cat, w.site_url))
        if xml := ontwikkelingen.feed(w, w.site_url, w.site_naam):
            uit[ONTWIKKELINGEN_FEED] = xml
        return uit

    def recent_gewijzigd(self, url: str, data: Path | None) -> str:
        """HTML for the page at ``url`` listing the records changed last (git history, else check dates)."""
        return ontwikkelingen.recent_blok(self.weergave, url, data)

    def vul_blokken_in(self, pagina_html: str) -> str:
        """A hand-written page with its block markers (map tiles, where to report a problem) filled in."""
        w = self.weergave
        return handpaginas.vul_in(pagina_html, w.cat, w.kaartmaker.instellingen, w.repository, w.geocoder)

    def blok(self, naam: str, url: str, data: Path | None = None) -> str | None:
        """The block a hand-written page asks for with ``<!-- wijkportaal:<naam> -->`` (see :mod:`.thuis`),
        as HTML for the page at ``url``; None when there is no block of that name."""
        return thuis.blok(self.weergave, naam, url, data)

    def recordpagina(self, record: Record) -> Pagina:
        return records.recordpagina(self.weergave, record)

    def wijkpagina(self, wijk: Gebied) -> Pagina:
        return wijken.wijkpagina(self.weergave, wijk)

    def kaartpagina(self) -> Pagina:
        return wijken.kaartpagina(self.weergave)
