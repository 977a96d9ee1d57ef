"""Rebuilds under ``mkdocs serve``: only what a saved change touches.

On every save MkDocs builds the whole site again. With thousands of records
that is most of a minute; a partner editing one entry wants to see it at once.
:class:`Herbouw` lives as long as the server and remembers the previous build:

- the records read and schema-checked, by file content (``catalogus.Laadcache``);
- per record its content fingerprint, and the final HTML of its page, kept in a
  folder of its own;
- which record pages name which records (a link or a ``data-ref``).

A rebuild then makes anew the pages of the records that changed (or came or
went), of the records they point to, and of the records whose page named them;
every other record page is put back as it was (a static file MkDocs copies).
Overviews, thema, doelgroep and wijk pages, the map and the hand-written pages are
always made anew, so lists are complete. Anything else that changed (the
taxonomy, the areas, the glossary, the configuration, the date) means a full
build, as does a build with errors in the data (the banner) and the one after it.
``mkdocs build`` and ``wijkportaal bouw`` never use this.
"""

from __future__ import annotations

import gc
import hashlib
import os
import posixpath
import re
import shutil
import tempfile
import threading
from pathlib import Path

from jinja2 import BytecodeCache
from mkdocs.structure.files import File, InclusionLevel

from wijkportaal.adressen import OVERZICHTEN, START, WOORDENLIJST, adres, bronbestand
from wijkportaal.catalogus import Catalogus, Laadcache
from wijkportaal.record import Record
from wijkportaal.soorten import SOORTEN
from wijkportaal.team import Team
from wijkportaal.voorziening import Voorziening

_HREF = re.compile(r'href="([^"#?:]*)["#?]')  # relative links (no scheme)
_DATA_REF = re.compile(r'data-ref="([^"]+)"')


class Herbouw:
    """What a rebuild under ``serve`` takes over from the previous one."""

    def __init__(self) -> None:
        self.laadcache = Laadcache()
        self.map = Path(tempfile.mkdtemp(prefix="wijkportaal-voorvertoning-"))
        self._vingerafdrukken: dict[str, bytes | None] = {}  # record ref -> content hash, previous build
        self._overig: bytes | None = None  # everything else that shapes record pages, previous build
        self._noemers: dict[str, set[str]] = {}  # record ref -> refs of the record pages that name it
        self._bewaard: set[str] = set()  # records whose previous page is in self.map
        self._nieuw: set[str] | None = None  # this build: refs of record pages made anew (None: all)
        self._urls: dict[str, str] = {}  # record page URL -> ref, this build
        self._records: dict[str, Record] = {}  # the previous build's records (a changed one: as it was)
        self._overzichten: set[str] | None = None  # this build: the other pages to make anew (None: all)
        self._bewaarde_urls: set[str] = set()  # every page kept in self.map, by URL
        self.lijstitems: dict = {}  # Weergave.lijstitems, kept from build to build (minus changed records)
        self._weg: list[str] = []  # this build: the page URLs of records that are gone
        self._refs: set[str] = set()
        self.sjablooncode = Sjablooncode()
        self._gemaakt: list[str] = []  # this build: the URLs of the pages made, to keep (koppel)
        self._opruimen: threading.Timer | None = None

    # Python's cycle collector now and then walks every object alive: with thousands of records in
    # memory that takes half a second, in the middle of the rebuild someone is waiting for. A rebuild
    # runs without it; the collection follows when the server has been quiet for a moment.
    RUST = 2.0  # seconds after a rebuild

    def begin(self) -> None:
        """A build starts (on_config). A rebuild: no cycle collection until it is done."""
        if self._opruimen is not None:
            self._opruimen.cancel()
        if self._bewaarde_urls:  # not the first build, which is an ordinary one
            gc.disable()

    def klaar(self) -> None:
        """The build is done (or failed): collect cycles again, soon but not now."""
        if gc.isenabled():
            return
        gc.enable()
        self._opruimen = threading.Timer(self.RUST, gc.collect)
        self._opruimen.daemon = True
        self._opruimen.start()

    def opruimen(self) -> None:
        self.klaar()
        if self._opruimen is not None:
            self._opruimen.cancel()
        shutil.rmtree(self.map, ignore_errors=True)

    # MkDocs empties the site folder before every build, except what starts with a dot. Emptying
    # and filling thousands of folders again costs seconds; so the folders are put aside under a
    # dot before (bewaar_site) and put back after (terug_in_site), when the build reuses pages.
    APART = ".wijkportaal-vorige-bouw"

    def zet_site_apart(self, site: Path) -> None:
        """Before MkDocs empties ``site``: its folders aside (a rename each, whatever their size)."""
        apart = site / self.APART
        shutil.rmtree(apart, ignore_errors=True)
        if not self._bewaarde_urls or not site.is_dir():
            return
        apart.mkdir()
        for pad in site.iterdir():
            if pad.is_dir() and not pad.name.startswith("."):
                pad.rename(apart / pad.name)

    def zet_site_terug(self, site: Path) -> None:
        """After: back in place if this build reuses pages (the pages it makes are written over them,
        the ones of records that are gone are removed); else away."""
        apart = site / self.APART
        if not apart.is_dir():
            return
        if self._nieuw is not None:
            for pad in apart.iterdir():
                if not (site / pad.name).exists():
                    pad.rename(site / pad.name)
            for url in self._weg:
                shutil.rmtree(site / url, ignore_errors=True)
        shutil.rmtree(apart, ignore_errors=True)

    def _overig_van(self, data: Path, config_bestand: str | None, catalogus: Catalogus) -> bytes:
        """A fingerprint of the inputs of a record page other than the records themselves (the areas:
        as the load cache read them)."""
        h = hashlib.blake2b(digest_size=16)
        h.update(f"{catalogus.vandaag}|{catalogus.editie}|{catalogus.verouderd_na_dagen}".encode())
        h.update(self.laadcache.vingerafdruk_gebieden or b"-")
        mappen = {soort.map for soort in SOORTEN.values()} | {"gebieden"}
        for pad in sorted(p for p in data.rglob("*") if p.is_file() and p.relative_to(data).parts[0] not in mappen):
            h.update(str(pad).encode() + b"\0" + pad.read_bytes())
        if config_bestand and Path(config_bestand).is_file():
            h.update(Path(config_bestand).read_bytes())
        return h.digest()

    def kies(self, catalogus: Catalogus, data: Path, config_bestand: str | None, volledig: bool) -> None:
        """Decide, for this build, which record pages to make anew (see :meth:`maak_anew`)."""
        self._gemaakt.clear()
        records = {r.ref: r for r in catalogus.met_pagina()}
        self._urls = {adres(r): ref for ref, r in records.items()}
        self._refs = set(records)
        vingerafdrukken = {ref: self.laadcache.vingerafdruk(r.bestand.pad) for ref, r in records.items()}
        overig = self._overig_van(data, config_bestand, catalogus)
        if volledig or overig != self._overig or not self._vingerafdrukken:
            self._nieuw = self._overzichten = None
            self.lijstitems.clear()
        else:
            veranderd = {ref for ref in vingerafdrukken.keys() | self._vingerafdrukken.keys()
                         if vingerafdrukken.get(ref) != self._vingerafdrukken.get(ref)}  # fmt: skip
            nieuw = set(veranderd)
            for ref in veranderd:
                nieuw |= self._noemers.get(ref, set())  # pages that named it (lists, links, back-links)
                if ref in records:  # and what it points to now (its organisation, related records)
                    nieuw |= set(_verwijzingen(records[ref]))
            self._nieuw = (nieuw | (records.keys() - self._bewaard)) & records.keys()
            for sleutel in [s for s in self.lijstitems if s[0] in veranderd]:
                del self.lijstitems[sleutel]
            geraakt = [r for ref in veranderd for r in (self._records.get(ref), records.get(ref)) if r is not None]
            self._overzichten = _overzichten_van(catalogus, geraakt)
        self._weg = [adres(r) for ref, r in self._records.items() if ref not in records]  # records that are gone
        self._vingerafdrukken, self._overig, self._records = vingerafdrukken, overig, records

    @property
    def aantal_nieuw(self) -> int | None:
        return None if self._nieuw is None else len(self._nieuw)

    def maak_anew(self, record: Record) -> bool:
        """Whether this build makes the record's page (else :meth:`bewaarde_pagina` puts the old one back)."""
        return self._nieuw is None or record.ref in self._nieuw

    def maak_overzicht(self, url: str) -> bool:
        """Whether this build makes the (not record) page at ``url``: an overview, a thema, doelgroep or
        wijk page that lists a changed record (before or after the change), or one kept from no build."""
        return self._overzichten is None or url in self._overzichten or url not in self._bewaarde_urls

    def bewaarde_pagina(self, record: Record | str, config) -> File:
        """A page of the previous build (a record's, or one at a URL), as a file MkDocs puts into the site.
        It keeps the page's Markdown path, so links in hand-written pages to it still resolve."""
        url = adres(record) if isinstance(record, Record) else record
        return _Bewaard(
            bronbestand(url), str(self.map), config.site_dir, config.use_directory_urls,
            dest_uri=f"{url}index.html", inclusion=InclusionLevel.NOT_IN_NAV,
        )  # fmt: skip

    def bewaar(self, url: str, html: str) -> None:
        """A page just made (its final HTML): kept for later builds (:meth:`koppel`, once MkDocs has
        written it), and what it names noted."""
        self._gemaakt.append(url)
        self._bewaarde_urls.add(url)
        ref = self._urls.get(url)
        if ref is None:
            return  # not a record page: what it names does not matter (it is made when its records change)
        self._bewaard.add(ref)
        genoemd = {self._urls.get(_absoluut(url, href)) for href in _HREF.findall(html)}
        genoemd |= {r for r in _DATA_REF.findall(html) if r in self._refs}
        for naam in genoemd - {None, ref}:
            self._noemers.setdefault(naam, set()).add(ref)


    def koppel(self, site: Path) -> None:
        """After the build: the pages made in it kept as hard links to the files MkDocs wrote (no second
        write; and a later build finds the page in the site already is the kept one, see _Bewaard)."""
        for url in self._gemaakt:
            pagina, doel = site / f"{url}index.html", self.map / bronbestand(url)
            doel.parent.mkdir(parents=True, exist_ok=True)
            nieuw = doel.with_name("index.html.nieuw")
            try:
                os.link(pagina, nieuw)
            except FileExistsError:
                os.unlink(nieuw)
                os.link(pagina, nieuw)
            except OSError:  # another file system, or links not allowed
                shutil.copyfile(pagina, nieuw)
            os.replace(nieuw, doel)
        self._gemaakt.clear()


class Sjablooncode(BytecodeCache):
    """The theme's templates compiled once for the server's life. MkDocs makes a new Jinja2
    environment for every build, which compiles every template it renders again (a few tenths of a
    second); Jinja2 asks this cache first. A template whose source changed has another checksum
    and is compiled anew."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, object]] = {}

    def load_bytecode(self, bucket) -> None:
        bewaard = self._code.get(bucket.key)
        if bewaard is not None and bewaard[0] == bucket.checksum:
            bucket.code = bewaard[1]

    def dump_bytecode(self, bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)


class _Bewaard(File):
    """A page of an earlier build put back: a hard link to the kept copy (copying thousands of
    pages takes seconds, linking them a fraction). The kept copy is itself a link to the file MkDocs
    wrote (:meth:`Herbouw.koppel`), and the site's folders of the previous build are put back
    (:meth:`Herbouw.zet_site_terug`): so the page is usually in place already, and nothing is done."""

    def is_documentation_page(self) -> bool:
        return False  # MkDocs copies it, it does not render it again

    def copy_file(self, dirty: bool = False) -> None:
        assert self.abs_src_path is not None
        if os.path.exists(self.abs_dest_path):
            if os.path.samefile(self.abs_src_path, self.abs_dest_path):
                return  # already there
            os.unlink(self.abs_dest_path)
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        try:
            os.link(self.abs_src_path, self.abs_dest_path)
        except OSError:  # another file system, or links not allowed
            shutil.copyfile(self.abs_src_path, self.abs_dest_path)


def _overzichten_van(catalogus: Catalogus, records: list[Record]) -> set[str]:
    """The pages other than record pages that may list ``records`` (each as it was and as it is):
    every overview in the navigation (the kinds, the map, onderhoud, ...), and the thema, doelgroep
    and wijk pages of these records; every wijk page for a city-wide voorziening or a team."""
    tax, gebieden = catalogus.taxonomie, catalogus.gebieden
    urls = set(OVERZICHTEN) | {START, WOORDENLIJST}
    for r in records:
        for thema in r.themas:
            urls |= {adres(t) for t in (tax.themas.get(thema), tax.themas.get(tax.hoofdthema(thema) or "")) if t}
        urls |= {adres(tax.doelgroepen[d]) for d in getattr(r, "doelgroepen", []) if d in tax.doelgroepen}
        if isinstance(r, Team) or (isinstance(r, Voorziening) and r.stedelijk):
            urls |= {adres(w) for w in gebieden.wijken.values()}
        elif isinstance(r, Voorziening):
            urls |= {adres(gebieden.wijken[w]) for w in catalogus.wijken_van(r) if w in gebieden.wijken}
    return urls


def _verwijzingen(record: Record) -> list[str]:
    return [*record.verwijzingen(), f"organisaties/{record.beheerder}"]


def _absoluut(van: str, href: str) -> str:
    """A relative link on the page at directory URL ``van`` as a site URL (``voorzieningen/x/``)."""
    pad = posixpath.normpath(posixpath.join(van, href))
    return "" if pad in (".", "") or pad.startswith("..") else pad + "/"
