"""The MkDocs plugin: load and check the data, add the generated pages.

Order of events in a build, and what happens in each:

``on_config``
    load ``data/`` through the core and report every problem, one per line.
    Errors abort the build here, before MkDocs has touched the site folder;
    under ``mkdocs serve`` they do not abort but show the last good data with
    a banner of errors on every page (see :mod:`.voorvertoning`).
``on_files``
    render every page with the core and add it as a generated file; record
    pages are marked as not in the navigation.
``on_page_content``
    swap the (empty) Markdown result for the core's HTML and table of contents;
    in a hand-written page, replace the markers of :mod:`wijkportaal.paginas.handpaginas`
    (map tiles, where to report a problem) by their blocks, and then each other marker
    ``<!-- wijkportaal:<naam> -->`` by the core's block of that name (the home pages: search
    box, thema's, wijken, "liever praten", kennisportaal, recently changed records; see
    ``wijkportaal.paginas.thuis``).
``on_env`` (after every page's content is known)
    start making the files that are not pages: the search index (with the hand-written
    pages' text), the open data and the Atom feed; on a large site in a second process,
    while MkDocs renders the pages (:mod:`wijkportaal.parallel`). ``on_post_build`` writes them.
    And the theme's navigation (sidebar, tabs) of pages outside it is rendered once per
    folder instead of on every record page (see :mod:`.navcache`).
``on_post_page``
    the site's search box in the header, a skip link to the article ("Naar de inhoud"),
    and a generated page's extra ``<head>`` HTML (the feed link of /ontwikkelingen/).
``on_post_page`` / ``on_post_template``
    under ``serve`` with data errors: put the error banner on every page and on 404.html.
``on_serve``
    also watch ``data/`` so editing a record reloads the browser.
``on_startup`` / ``on_post_build`` / ``on_build_error``
    atomic builds: warnings are counted from the start (data warnings are
    logged in ``on_config``), the site is written to a temporary folder and
    swapped into place only if everything succeeded (see :mod:`.atomisch`).

Hand-written pages may have an edition variant: ``docs/index.publiek.md``
replaces ``docs/index.md`` in the publiek edition and is left out of the intern one.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import threading
from pathlib import Path

from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from wijkportaal.adressen import Repository
from wijkportaal.catalogus import Catalogus, laad_catalogus, vandaag_uit_omgeving
from wijkportaal.dichtbij import controleer_geocoder
from wijkportaal.kaart import Kaartinstellingen, assetbestanden
from wijkportaal.opmaak import Opmaak
from wijkportaal import parallel, zoekindex
from wijkportaal.paginas import Pagina, Paginamaker
from wijkportaal.paginas import handpaginas
from wijkportaal.paginas.thuis import BLOKKEN, MARKER, controleer_iconen
from wijkportaal.problemen import Problemen
from wijkportaal.paginas.zoeken import zoekvak
from wijkportaal.zoekindex import tekst_van_html

from . import navcache, voorvertoning, waarnemer
from .herbouw import Herbouw
from .atomisch import AtomischeBouw, Teller
from .config import WijkportaalConfig

log = logging.getLogger("mkdocs.plugins.wijkportaal")

# Every block a hand-written page may ask for: the home pages' and those of over, privacy, toegankelijkheid.
ALLE_BLOKKEN = (*BLOKKEN, *(MARKER.fullmatch(v).group(1) for k, v in vars(handpaginas).items() if k.startswith("MARKER_")))



def _schrijf(site: Path, bestanden: dict[str, str]) -> list[str]:
    """Write the files into the site (each under a temporary name, then renamed: a browser under
    serve never gets half a search index); their paths. Runs in the process that made them, so the
    texts (a hundred megabytes of open data on a large site) are never copied to this one."""
    for pad, inhoud in bestanden.items():
        doel = site / pad
        doel.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk = doel.with_name(f".{doel.name}.nieuw")
        tijdelijk.write_text(inhoud, encoding="utf-8")
        os.replace(tijdelijk, doel)
    return list(bestanden)


def _met_zoekvak(pagina_html: str, vak: str) -> str:
    """Material's search plugin is off: the site's own search box goes at the end of the header bar
    (before the first ``</nav>`` after ``<header class="md-header``; found with str.find, not a
    regular expression: this runs on every page)."""
    kop = pagina_html.find('<header class="md-header')
    einde = pagina_html.find("</nav>", kop) if kop >= 0 else -1
    if einde < 0:
        return pagina_html
    return pagina_html[:einde] + vak + pagina_html[einde:]


_SKIP_BEGIN = '<div data-md-component="skip">'
_ARTIKEL = '<article class="md-content__inner md-typeset"'
OVERSLAAN = '<a href="#inhoud" class="md-skip">Naar de inhoud</a>'


def _met_overslaan(pagina_html: str) -> str:
    """A skip link on every page, to the start of the article. Material's own exists only on a
    page with a table of contents and jumps to its first heading: on a record page past the
    title and the summary. The article takes the focus (tabindex -1), so a screen reader and
    the next Tab start there."""
    skip = pagina_html.find(_SKIP_BEGIN)
    if _ARTIKEL not in pagina_html or skip < 0:
        return pagina_html
    binnen = skip + len(_SKIP_BEGIN)
    einde = pagina_html.find("</div>", binnen)
    if einde < 0:
        return pagina_html
    pagina_html = pagina_html[:binnen] + OVERSLAAN + pagina_html[einde:]  # Material's own link (if any) replaced
    return pagina_html.replace(_ARTIKEL, '<article id="inhoud" tabindex="-1" class="md-content__inner md-typeset"', 1)


class WijkportaalPlugin(BasePlugin[WijkportaalConfig]):
    """Turns the records in ``data/`` into pages of the site."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.catalogus: Catalogus | None = None
        self.paginas: dict[str, Pagina] = {}
        self.handpaginas: list[zoekindex.Document] = []
        self.data_map: Path | None = None
        self.commando = "build"
        self.atomisch: AtomischeBouw | None = None
        self.teller: Teller | None = None
        self.banner: str | None = None
        self.repository: Repository | None = None
        self.maker: Paginamaker | None = None
        self.blokken: dict[tuple[str, str], str] = {}  # (block, page URL) -> HTML, made once per build
        self.icoonmappen: list[Path] = []
        self._iconen: dict[str, str | None] = {}
        self.bestanden = None  # the files that are not pages, being made (see on_env)
        self.herbouw: Herbouw | None = None  # under serve: what a rebuild takes over (see .herbouw)
        self.vorige_banner = False

    def on_pre_build(self, *, config):
        if self.herbouw is not None:  # serve: the previous site aside before MkDocs empties the folder
            self.herbouw.zet_site_apart(Path(config.site_dir))

    def on_startup(self, *, command, dirty):
        self.commando = command
        if command == "serve":
            if self.herbouw is None:
                self.herbouw = Herbouw()  # lives as long as the server: rebuild only what a save touches
        elif self.herbouw is not None:  # MkDocs keeps plugin instances for a process: a build starts clean
            self.herbouw.opruimen()
            self.herbouw = None

    def on_shutdown(self):
        if self.herbouw is not None:
            self.herbouw.opruimen()
        # Under --strict MkDocs counts every warning of the build; count the same ones.
        if self._atomisch_bouwen():
            self.teller = Teller.start()

    def _atomisch_bouwen(self) -> bool:
        return bool(self.config.atomisch) and self.commando == "build"

    # -- configuration and data ---------------------------------------------------------

    def _vandaag(self) -> dt.date:
        if self.config.vandaag:
            try:
                return dt.date.fromisoformat(self.config.vandaag)
            except ValueError as fout:
                raise PluginError(f"wijkportaal: 'vandaag' moet een datum zijn (JJJJ-MM-DD): {fout}") from None
        return vandaag_uit_omgeving()

    def _repository(self, config) -> Repository | None:
        """The repository for edit and report links, or None when not configured."""
        url = self.config.repository.strip()
        if not url:
            return None
        if not re.fullmatch(r"https://[^\s/]+/[^\s/]+/[^\s/]+/?", url):
            raise PluginError(f"wijkportaal: 'repository' moet een adres zijn als https://github.com/organisatie/repository, niet '{url}'")
        basis = Path(config.config_file_path or ".").resolve().parent
        try:
            gegevens = (basis / self.config.gegevens).resolve().relative_to(basis).as_posix()
        except ValueError:
            gegevens = self.config.gegevens
        return Repository(url=url, tak=self.config.tak, gegevens=gegevens)

    def on_config(self, config):
        if self.herbouw is not None:
            self.herbouw.begin()
        if self.teller is None and self._atomisch_bouwen():
            self.teller = Teller.start()  # build() called without on_startup: count from here
        self.banner = None
        self.repository = self._repository(config)
        if fout := controleer_geocoder(self.config.geocoder.strip()):
            raise PluginError(f"wijkportaal: {fout}")
        if not config.use_directory_urls:
            raise PluginError("wijkportaal: de vaste adressen (/voorzieningen/<id>/) vragen use_directory_urls: true")
        basis = Path(config.config_file_path or ".").resolve().parent
        self.data_map = (basis / self.config.gegevens).resolve()
        vandaag = self._vandaag()
        catalogus, problemen = laad_catalogus(
            self.data_map,
            vandaag=vandaag,
            editie=self.config.editie,
            basis=basis,
            verouderd_na_dagen=self.config.verouderd_na_dagen,
            cache=self.herbouw.laadcache if self.herbouw is not None else None,
        )
        for probleem in problemen.gesorteerd():
            (log.error if probleem.is_fout else log.warning)(str(probleem))
        if self.commando == "serve":  # live preview: keep serving, with the errors on every page
            if problemen.fouten:
                catalogus = self._voorvertoning_bij_fouten(problemen.fouten, catalogus)
            else:
                voorvertoning.onthoud(self.data_map, self.config.editie, catalogus)
        elif problemen.fouten:
            raise Abort(f"{problemen.samenvatting()} De site is niet gebouwd; er is niets geschreven.")
        elif problemen.waarschuwingen and config.strict:
            # --strict fails on any warning; say so now instead of after building every page
            raise Abort(f"{problemen.samenvatting()} Strikte bouw: de site is niet gebouwd; er is niets geschreven.")
        self.catalogus = catalogus
        self.opmaak = Opmaak(config.markdown_extensions, config.mdx_configs)
        self.icoonmappen = [Path(d) / ".icons" for d in config.theme.dirs]
        self._iconen = {}
        iconen = Problemen(basis=basis)
        controleer_iconen(catalogus, lambda naam: self._icoon(naam) is not None, iconen)
        for probleem in iconen.gesorteerd():
            log.warning(str(probleem))
        for soort, pad in (("extra_css", "assets/wijkportaal/zoeken.css"), ("extra_javascript", "assets/wijkportaal/zoeken.js")):
            if pad not in [str(x) for x in config[soort]]:
                config[soort].append(pad)  # the header search box on every page
        if self._atomisch_bouwen():
            self.atomisch = AtomischeBouw(Path(config.site_dir), self.teller)
            self.teller = None
            config.site_dir = str(self.atomisch.tijdelijk)
        return config

    def _icoon(self, naam: str) -> str | None:
        """An icon of the theme's icon set (Material: ``material/home`` is ``.icons/material/home.svg``
        in a theme folder, an override folder first), as SVG text; None if there is none."""
        if naam not in self._iconen:
            self._iconen[naam] = None
            if ".." not in naam.split("/"):
                for map_ in self.icoonmappen:
                    pad = map_ / f"{naam}.svg"
                    if pad.is_file():
                        self._iconen[naam] = pad.read_text(encoding="utf-8")
                        break
        return self._iconen[naam]

    def _voorvertoning_bij_fouten(self, fouten, huidige: Catalogus) -> Catalogus:
        """Live preview: keep serving (a hanging page helps nobody), show the errors on every page."""
        assert self.data_map is not None
        catalogus, vorige = voorvertoning.vervanging(self.data_map, self.config.editie, huidige)
        self.banner = voorvertoning.banner(fouten, vorige=vorige)
        if vorige:
            log.warning("De voorvertoning toont de laatste goede versie tot de fouten hierboven hersteld zijn.")
        else:
            log.warning("De voorvertoning toont de gegevens zonder de foute waarden tot de fouten hierboven hersteld zijn.")
        return catalogus

    # -- pages ----------------------------------------------------------------------------

    @event_priority(50)  # before other plugins (search, tags) look at the files
    def on_files(self, files: Files, config) -> Files:
        assert self.catalogus is not None
        self._kies_editie_van_handpaginas(files, config)
        kaart = Kaartinstellingen(tegels=self.config.kaart_tegels or None, attributie=self.config.kaart_attributie)
        maker = Paginamaker(
            self.catalogus, self.opmaak, kaart, self.repository, iconen=self._icoon,
            site_url=config.site_url or "", site_naam=config.site_name, geocoder=self.config.geocoder.strip(),
        )  # fmt: skip
        for doel, bron in [*assetbestanden(), *maker.fotos()]:
            files.append(File.generated(config, doel, abs_src_path=str(bron)))
        self.paginas, self.handpaginas = {}, []
        alleen = overzichten_alleen = None
        if self.herbouw is not None:  # serve: the record pages a save did not touch come back as they were
            assert self.data_map is not None
            volledig = bool(self.banner) or self.vorige_banner
            self.herbouw.kies(self.catalogus, self.data_map, config.config_file_path, volledig)
            self.herbouw.zet_site_terug(Path(config.site_dir))
            self.vorige_banner = bool(self.banner)
            alleen, overzichten_alleen = self.herbouw.maak_anew, self.herbouw.maak_overzicht
            maker.weergave.lijstitems = self.herbouw.lijstitems
            for record in self.catalogus.met_pagina():
                if not alleen(record):
                    files.append(self.herbouw.bewaarde_pagina(record, config))
            if self.herbouw.aantal_nieuw is not None:
                log.info(f"Voorvertoning: {self.herbouw.aantal_nieuw} recordpagina's opnieuw gemaakt, de rest overgenomen.")
        for pagina in maker.paginas(records_alleen=alleen, overzichten_alleen=overzichten_alleen):
            if pagina.overgeslagen:  # serve: not touched by the change, the page of the previous build
                assert self.herbouw is not None
                files.append(self.herbouw.bewaarde_pagina(pagina.url, config))
                continue
            bron = pagina.bronbestand
            bestaand = files.get_file_from_path(bron)
            if bestaand is not None:
                log.warning(f"docs/{bron} wordt vervangen door een gegenereerde pagina; verwijder het bestand uit docs/")
                files.remove(bestaand)
            # an empty source: title, description and toc come as metadata in on_page_markdown
            opname = InclusionLevel.INCLUDED if pagina.in_navigatie else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, bron, content="", inclusion=opname))
            self.paginas[bron] = pagina
        self.maker, self.blokken = maker, {}
        return files

    def _kies_editie_van_handpaginas(self, files: Files, config) -> None:
        """``x.publiek.md`` stands in for ``x.md`` in the publiek edition only."""
        for variant in [f for f in files.documentation_pages() if f.src_uri.endswith(".publiek.md")]:
            files.remove(variant)
            if self.config.editie != "publiek":
                continue
            basis_uri = variant.src_uri[: -len(".publiek.md")] + ".md"
            origineel = files.get_file_from_path(basis_uri)
            if origineel is not None:
                files.remove(origineel)
            files.append(File.generated(config, basis_uri, abs_src_path=variant.abs_src_path))

    def on_env(self, env, *, config, files):
        if self.herbouw is not None:  # serve: the theme's templates compiled once, not on every rebuild
            env.bytecode_cache = self.herbouw.sjablooncode
        navcache.cache_navigatie(env)  # the navigation of a page outside it: rendered once per folder
        # Every page's content is known now (the hand-written ones are indexed): the files that are
        # not pages (search index, open data, feed) are made meanwhile, on a large site in a second
        # process while MkDocs renders the pages; that process writes them (on_post_build waits for it).
        # A rebuild under serve starts that process only when the pages are done (on_post_build): a
        # fork now would make this process copy every page of memory it writes to until then.
        if self.catalogus is not None and self.maker is not None:
            maker, catalogus, handpaginas = self.maker, self.catalogus, list(self.handpaginas)
            site = Path(config.site_dir)  # (a build folder beside it when the build is atomic)
            self.bestanden = lambda: parallel.op_achtergrond(
                lambda: _schrijf(site, {**maker.bestanden(), **zoekindex.bestanden(catalogus, handpaginas)}),
                parallel.aan(catalogus.aantal_records()),
                bescheiden=self.herbouw is not None,  # serve: the next save's rebuild goes first
            )  # fmt: skip
            if self.herbouw is None or self.herbouw.aantal_nieuw is None:
                self.bestanden = self.bestanden()
        return env

    def on_page_markdown(self, markdown, *, page, config, files):
        pagina = self.paginas.get(page.file.src_uri)
        if pagina is not None:  # what front matter would say, without writing and parsing YAML per page
            # MkDocs and Material insert titles and descriptions into pages unescaped.
            page.meta["title"] = pagina.titel_html
            if pagina.beschrijving:
                page.meta["description"] = pagina.beschrijving_html
            if not pagina.koppen:
                page.meta["hide"] = ["toc"]
        return markdown

    def on_page_content(self, html, page, config, files):
        pagina = self.paginas.get(page.file.src_uri)
        if pagina is None:  # a hand-written page: findable through the site's own index
            if self.maker is not None:  # blocks that follow the configuration (docs/privacy.md: the map tiles)
                html = self.maker.vul_blokken_in(html)
            self.handpaginas.append(zoekindex.Document(page.url, "pagina", page.title or "", tekst=tekst_van_html(html)))
            if self.maker is not None:
                html = MARKER.sub(lambda m: self._blok(m.group(1), page), html)
            return html
        page.toc = get_toc([{"level": 2, "id": anker, "name": naam, "children": []} for anker, naam in pagina.koppen])
        return pagina.html

    def _blok(self, naam: str, page) -> str:
        """The core's block for a marker; made once per page and build (the recent block runs git log)."""
        sleutel = (naam, page.url)
        if sleutel not in self.blokken:
            assert self.maker is not None
            blok = self.maker.blok(naam, page.url, self.data_map)
            if blok is None:
                log.warning(
                    f"docs/{page.file.src_uri}: onbekend blok '<!-- wijkportaal:{naam} -->'; "
                    f"kies uit {', '.join(ALLE_BLOKKEN)}"
                )
                blok = ""
            self.blokken[sleutel] = blok
        return self.blokken[sleutel]

    # -- serve ----------------------------------------------------------------------------

    def on_post_build(self, *, config):
        if self.herbouw is not None:
            self.herbouw.koppel(Path(config.site_dir))
            self.herbouw.klaar()
        if self.bestanden is not None:
            toekomst, self.bestanden = self.bestanden, None
            if callable(toekomst):  # a rebuild under serve: see on_env
                toekomst = toekomst()
            if self.herbouw is not None and not getattr(toekomst, "done", lambda: True)():
                # serve: the page is shown now, with the search index and open data of the previous
                # build (their folders were put back); the new ones replace them when ready
                threading.Thread(target=self._wacht_op, args=(toekomst,), daemon=True).start()
            else:
                toekomst.result()
        if self.atomisch is not None:
            bouw, self.atomisch = self.atomisch, None
            config.site_dir = str(bouw.doel)
            if not bouw.afronden(strikt=config.strict):
                log.info("Strikte bouw met waarschuwingen: de vorige site blijft staan.")

    @staticmethod
    def _wacht_op(toekomst) -> None:
        try:
            toekomst.result()
        except Exception as fout:  # e.g. the next save moved the folder away meanwhile: it writes them again
            log.warning(f"Voorvertoning: zoekindex en open data niet bijgewerkt ({fout}); de volgende bouw doet het.")

    def on_build_error(self, *, error):
        if self.herbouw is not None:
            self.herbouw.klaar()
        if self.teller is not None:
            self.teller.stop()
            self.teller = None
        if self.atomisch is not None:
            self.atomisch.opruimen()
            self.atomisch = None
            log.error("De bouw is mislukt; de vorige site blijft onaangeroerd.")

    def on_post_page(self, output, *, page, config):
        output = _met_overslaan(_met_zoekvak(output, zoekvak(page.url)))
        pagina = self.paginas.get(page.file.src_uri)
        if pagina is not None and pagina.kop:
            output = output.replace("</head>", pagina.kop + "\n</head>", 1)
        if self.banner:
            return voorvertoning.met_banner(output, self.banner)
        if self.herbouw is not None and pagina is not None:
            self.herbouw.bewaar(page.url, output)
        return output

    def on_post_template(self, output_content, *, template_name, config):
        if not template_name.endswith(".html"):  # sitemap.xml
            return output_content
        # 404.html: the skip link, and Material's English heading in Dutch
        output_content = _met_overslaan(output_content).replace("<h1>404 - Not found</h1>", "<h1>Pagina niet gevonden</h1>", 1)
        if self.banner:
            return voorvertoning.met_banner(output_content, self.banner)
        return output_content

    def on_serve(self, server, config, builder):
        if self.data_map is not None and self.data_map.is_dir():
            server.watch(str(self.data_map))
        waarnemer.meld_direct(server)  # inotify instead of polling thousands of files (see .waarnemer)
        return server
