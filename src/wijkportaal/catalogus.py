"""The catalogue: every record loaded, validated and cross-linked, once per build.

:func:`laad_catalogus` is the single entry point used by the command line and by
the MkDocs plugin. It reads ``data/``, runs every check, and returns the
catalogue together with all problems found. Renderers only read the catalogue.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from . import methodiek, ontwikkeling, organisatie, parallel, voorziening, werkinstructie
from .gebieden import Gebieden, laad_gebieden
from .laden import laad_yaml
from .problemen import Problemen
from .record import Controle, Record
from .schema import controleer_schema
from .soorten import SOORTEN, Soort
from .taxonomie import Taxonomie, laad_taxonomie
from .woordenlijst import BESTAND as WOORDENLIJST, Woordenlijst, controleer_meer, laad_woordenlijst


VEROUDERD_NA_DAGEN = 365


def vandaag_uit_omgeving() -> dt.date:
    """Today's date, or WIJKPORTAAL_VANDAAG (YYYY-MM-DD) so builds are reproducible."""
    waarde = os.environ.get("WIJKPORTAAL_VANDAAG")
    if waarde:
        try:
            return dt.date.fromisoformat(waarde)
        except ValueError:
            pass
    return dt.date.today()


def sorteersleutel(tekst: str) -> str:
    zonder_accenten = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    return zonder_accenten.casefold().lstrip("'\"( ")


@dataclass
class Catalogus:
    """The validated set of records of one edition, with everything derived from it."""

    taxonomie: Taxonomie
    gebieden: Gebieden
    vandaag: dt.date
    editie: str = "intern"
    verouderd_na_dagen: int = VEROUDERD_NA_DAGEN
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    genoemd_in: dict[str, list[Record]] = field(default_factory=dict)
    ontwikkelingen_over: dict[str, list[ontwikkeling.Ontwikkeling]] = field(default_factory=dict)  # newest first
    woordenlijst: Woordenlijst = field(default_factory=Woordenlijst)

    _lijsten: dict = field(default_factory=dict, repr=False, compare=False)  # see _lijst

    def soort(self, soort: str) -> list[Record]:
        """The current records of one kind, by name (what lists, maps and search show)."""
        return list(self._lijst(soort, alle=False))

    def soort_alle(self, soort: str) -> list[Record]:
        """Every record of one kind in this edition, also the ones that no longer exist (they keep a page)."""
        return list(self._lijst(soort, alle=True))

    def _lijst(self, soort: str, alle: bool) -> tuple[Record, ...]:
        """The sorted (and filtered) records of a kind, made once: pages ask for them thousands of times.
        Keyed by the records' dicts, so replacing them (never done after loading) starts anew."""
        sleutel = (soort, alle, id(self.records), id(self.records.get(soort)))
        if sleutel not in self._lijsten:
            gesorteerd = sorted(self.records.get(soort, {}).values(), key=lambda r: sorteersleutel(r.naam))
            if not alle:
                gesorteerd = [r for r in gesorteerd if not r.bestaat_niet_meer(self.vandaag)]
            self._lijsten[sleutel] = tuple(gesorteerd)
        return self._lijsten[sleutel]

    def aantal_records(self) -> int:
        return sum(len(r) for r in self.records.values())

    def is_verouderd(self, record: Record) -> bool:
        return record.verouderd(self.vandaag, self.verouderd_na_dagen)

    def is_publiek(self) -> bool:
        return self.editie == "publiek"

    @property
    def voorzieningen(self) -> list[voorziening.Voorziening]:
        return self.soort("voorzieningen")  # type: ignore[return-value]

    @property
    def methodieken(self) -> list[methodiek.Methodiek]:
        return self.soort("methodieken")  # type: ignore[return-value]

    @property
    def werkinstructies(self) -> list[werkinstructie.Werkinstructie]:
        return self.soort("werkinstructies")  # type: ignore[return-value]

    @property
    def organisaties(self) -> list[organisatie.Organisatie]:
        return self.soort("organisaties")  # type: ignore[return-value]

    @property
    def ontwikkelingen(self) -> list[ontwikkeling.Ontwikkeling]:
        """Newest first."""
        return ontwikkeling.nieuwste_eerst(self.soort("ontwikkelingen"))  # type: ignore[arg-type]

    def alle(self) -> Iterable[Record]:
        """Every current record of this edition."""
        for soort in SOORTEN:
            yield from self.soort(soort)

    def met_pagina(self) -> Iterable[Record]:
        """Every record that gets a page: current ones, plus (intern only) the ones that stopped."""
        for soort in SOORTEN:
            for record in self.soort_alle(soort):
                if self.editie == "intern" or not record.bestaat_niet_meer(self.vandaag):
                    yield record

    def zoek(self, ref: str) -> Record | None:
        """A current record of this edition by reference, or None (so links to it are left out)."""
        soort, _, id_ = ref.partition("/")
        record = self.records.get(soort, {}).get(id_)
        if record is None or record.bestaat_niet_meer(self.vandaag):
            return None
        return record

    def organisatie(self, id_: str) -> organisatie.Organisatie | None:
        """The organisation with this id in this edition (also one that stopped), or None."""
        return self.records.get("organisaties", {}).get(id_)  # type: ignore[return-value]

    def met_thema(self, thema: str) -> list[Record]:
        """The current records with this thema or one of its subthema's, in kind and name order."""
        return list(self._index("thema", lambda r: {h for t in r.themas for h in (t, self.taxonomie.hoofdthema(t)) if h}).get(thema, ()))

    def met_doelgroep(self, doelgroep: str) -> list[Record]:
        return list(self._index("doelgroep", lambda r: getattr(r, "doelgroepen", [])).get(doelgroep, ()))

    def van_organisatie(self, org: str) -> list[voorziening.Voorziening]:
        return [r for r in self._index("organisatie", lambda r: [getattr(r, "organisatie", "")]).get(org, ()) if r.SOORT == "voorzieningen"]  # type: ignore[misc]

    def _index(self, naam: str, sleutels) -> dict[str, list[Record]]:
        """Every current record under each of its ``sleutels(record)``, made once (pages ask per thema,
        doelgroep and organisation, thousands of records each time)."""
        sleutel = ("index", naam, id(self.records))
        if sleutel not in self._lijsten:
            index: dict[str, list[Record]] = {}
            for record in self.alle():
                for s in dict.fromkeys(sleutels(record)):
                    index.setdefault(s, []).append(record)
            self._lijsten[sleutel] = index
        return self._lijsten[sleutel]

    def wijken_van(self, v: voorziening.Voorziening) -> set[str]:
        """The wijk codes a voorziening belongs to: its gebied and its locations (made once per record:
        every wijk page, the map and the wijkanalyse ask)."""
        sleutel = ("wijken", id(self.records), v.ref, id(v))
        if sleutel not in self._lijsten:
            wijken = self.gebieden.wijken_van_codes(v.gebiedcodes)
            wijken |= {l.wijkcode for l in v.locaties if l.wijkcode}
            self._lijsten[sleutel] = frozenset(wijken)
        return set(self._lijsten[sleutel])

    def in_wijk(self, wijkcode: str) -> tuple[list[voorziening.Voorziening], list[voorziening.Voorziening]]:
        """(voorzieningen for this wijk, city-wide voorzieningen without a location here); made once
        per wijk (the wijken overview, the wijk page and the wijkanalyse ask)."""
        sleutel = ("in_wijk", id(self.records), wijkcode)
        if sleutel not in self._lijsten:
            hier, stedelijk = [], []
            for v in self.voorzieningen:
                if wijkcode in self.wijken_van(v):
                    hier.append(v)
                elif v.stedelijk:
                    stedelijk.append(v)
            self._lijsten[sleutel] = (hier, stedelijk)
        hier, stedelijk = self._lijsten[sleutel]
        return list(hier), list(stedelijk)


def _recordbestanden(data: Path, soort: Soort, problemen: Problemen) -> list[Path]:
    """The record files of one kind, sorted; wrong extensions are reported."""
    map_ = data / soort.map
    if not map_.is_dir():
        return []
    paden = []
    for pad in sorted(map_.iterdir()):
        if pad.suffix == ".yaml":
            problemen.fout(pad, None, "gebruik de extensie .yml (niet .yaml)")
        elif pad.suffix == ".yml" and not pad.name.startswith("."):
            paden.append(pad)
    return paden


class Laadcache:
    """Records read and checked against their schema before, by file and content.

    Reading and the schema check are nine tenths of loading; they depend on the file
    alone. Under a live preview every save reloads the data: with a cache only the
    changed files are read again (the checks between records always run in full).
    """

    def __init__(self) -> None:
        self._records: dict[Path, tuple[bytes, Record | None, list]] = {}
        self._gebieden: tuple[bytes, Gebieden, list] | None = None

    def gebieden(self, map_: Path, problemen: Problemen) -> Gebieden:
        """The areas, loaded again only when a file in ``map_`` changed (the same object keeps what
        it learnt: which buurt each location lies in)."""
        h = hashlib.blake2b(digest_size=16)
        for pad in sorted(p for p in map_.glob("*") if p.is_file()) if map_.is_dir() else []:
            h.update(pad.name.encode() + b"\0" + pad.read_bytes())
        if self._gebieden is None or self._gebieden[0] != h.digest():
            eigen = Problemen(basis=problemen.basis)
            self._gebieden = (h.digest(), laad_gebieden(map_, eigen), list(eigen))
        problemen.neem_over(self._gebieden[2])
        return self._gebieden[1]

    @property
    def vingerafdruk_gebieden(self) -> bytes | None:
        """The content hash of the areas' files as last loaded, None if they were not."""
        return self._gebieden[0] if self._gebieden is not None else None

    def vingerafdruk(self, pad: Path) -> bytes | None:
        """The content hash of a record file as last loaded, None if it was not."""
        eerder = self._records.get(pad)
        return eerder[0] if eerder else None

    def laad(self, pad: Path, soort: Soort, problemen: Problemen) -> Record | None:
        try:
            vingerafdruk = hashlib.blake2b(pad.read_bytes(), digest_size=16).digest()
        except OSError:
            return _laad_record(pad, soort, problemen)  # reported there
        eerder = self._records.get(pad)
        if eerder is None or eerder[0] != vingerafdruk:
            eigen = Problemen(basis=problemen.basis)
            eerder = (vingerafdruk, _laad_record(pad, soort, eigen), list(eigen))
            self._records[pad] = eerder
        problemen.neem_over(eerder[2])
        return eerder[1]


def _laad_records(paden: dict[str, list[Path]], problemen: Problemen, cache: Laadcache | None) -> dict[str, list[Record]]:
    """Every record file read and checked against its schema, in order. On a large data folder the
    second half is read in a forked child meanwhile (:mod:`.parallel`); its records and problems
    come back in the same order, so the result is the same."""
    alle = [(naam, pad) for naam, lijst in paden.items() for pad in lijst]
    if cache is not None or not parallel.aan(len(alle)):
        laad = cache.laad if cache is not None else _laad_record
        gelezen = [(naam, laad(pad, SOORTEN[naam], problemen)) for naam, pad in alle]
    else:
        helft = len(alle) // 2

        def tweede_helft() -> tuple[list, list]:
            eigen = Problemen(basis=problemen.basis)
            return [(naam, _laad_record(pad, SOORTEN[naam], eigen)) for naam, pad in alle[helft:]], list(eigen)

        elders = parallel.op_achtergrond(tweede_helft)
        gelezen = [(naam, _laad_record(pad, SOORTEN[naam], problemen)) for naam, pad in alle[:helft]]
        daar, daar_problemen = elders.result()
        gelezen += daar
        problemen.neem_over(daar_problemen)
    per_soort: dict[str, list[Record]] = {naam: [] for naam in paden}
    for naam, record in gelezen:
        if record is not None:
            per_soort[naam].append(record)
    return per_soort


def _laad_record(pad: Path, soort: Soort, problemen: Problemen) -> Record | None:
    """One record from its file, holding only the validated part of it (see schema.py)."""
    bestand = laad_yaml(pad, problemen)
    if bestand is None:
        return None
    if not isinstance(bestand.data, dict):
        problemen.fout(pad, bestand.plek(()), f"een {soort.enkelvoud} moet een groep velden zijn (veld: waarde)")
        return None
    geldig = controleer_schema(bestand, soort.schema, problemen, soort.validator)
    return soort.klasse(id=pad.stem, bestand=bestand, data=geldig)


def _dubbele_voorzieningen(voorzieningen: list[Record], problemen: Problemen) -> None:
    """Two voorzieningen with the same naam and organisatie: an error on each, naming the other."""
    groepen: dict[tuple[str, str], list[voorziening.Voorziening]] = defaultdict(list)
    for v in voorzieningen:
        assert isinstance(v, voorziening.Voorziening)
        if "naam" in v.data and v.organisatie:
            groepen[(sorteersleutel(v.naam), v.organisatie)].append(v)
    for groep in groepen.values():
        if len(groep) < 2:
            continue
        for v in groep:
            anderen = ", ".join(problemen.toon_pad(w.bestand.pad) for w in groep if w is not v)
            problemen.fout(
                v.bestand.pad,
                v.bestand.plek(("naam",)),
                f"dezelfde naam '{v.naam}' en organisatie als {anderen}; geef elke voorziening een eigen naam",
            )


def _plaats_locaties(catalogus: Catalogus) -> None:
    for v in catalogus.soort_alle("voorzieningen"):
        for locatie in v.locaties:
            if locatie.coordinaten is None:
                continue
            buurt = catalogus.gebieden.buurt_bij(*locatie.coordinaten)
            if buurt is not None:
                locatie.buurtcode, locatie.wijkcode = buurt.code, buurt.wijkcode
            else:
                wijk = catalogus.gebieden.wijk_bij(*locatie.coordinaten)
                locatie.wijkcode = wijk.code if wijk else ""


def _terugverwijzingen(catalogus: Catalogus) -> None:
    genoemd: dict[str, list[Record]] = defaultdict(list)
    for record in catalogus.alle():
        for ref in dict.fromkeys(record.gerelateerd):
            if catalogus.zoek(ref) is not None:
                genoemd[ref].append(record)
    catalogus.genoemd_in = dict(genoemd)
    over: dict[str, list[ontwikkeling.Ontwikkeling]] = defaultdict(list)
    for o in catalogus.ontwikkelingen:
        for ref in dict.fromkeys(o.betreft):
            if catalogus.zoek(ref) is not None:
                over[ref].append(o)
    catalogus.ontwikkelingen_over = dict(over)


def laad_catalogus(
    data: Path,
    *,
    vandaag: dt.date | None = None,
    editie: str = "intern",
    basis: Path | None = None,
    verouderd_na_dagen: int = VEROUDERD_NA_DAGEN,
    cache: Laadcache | None = None,
) -> tuple[Catalogus, Problemen]:
    """Load and check everything under ``data``. Never raises for bad input.

    Every record is checked, whatever the edition. The publiek edition then
    keeps only records with ``zichtbaarheid: publiek``; nothing else of the
    catalogue can reach its pages.
    """
    data = Path(data)
    problemen = Problemen(basis=basis)
    if not data.is_dir():
        problemen.fout(data, None, "de map met gegevens bestaat niet")
        return Catalogus(Taxonomie(), Gebieden(), vandaag or vandaag_uit_omgeving(), editie), problemen
    taxonomie = laad_taxonomie(data / "taxonomie.yml", problemen)
    gebieden = cache.gebieden(data / "gebieden", problemen) if cache is not None else laad_gebieden(data / "gebieden", problemen)
    paden = {naam: _recordbestanden(data, soort, problemen) for naam, soort in SOORTEN.items()}
    per_soort = _laad_records(paden, problemen, cache)
    # Every file counts as existing, also one that could not be read: a mistake in
    # one file must not turn references to it into errors in other files.
    ids = {naam: {p.stem for p in lijst} for naam, lijst in paden.items()}
    controle = Controle(taxonomie=taxonomie, gebieden=gebieden, ids=ids, problemen=problemen)
    for naam, records in per_soort.items():
        for record in records:
            SOORTEN[naam].controleer(record, controle)
    _dubbele_voorzieningen(per_soort["voorzieningen"], problemen)
    woordenlijst, meer = laad_woordenlijst(data / WOORDENLIJST, problemen)
    controleer_meer(data / WOORDENLIJST, meer, ids, problemen)

    catalogus = Catalogus(taxonomie, gebieden, vandaag or vandaag_uit_omgeving(), editie, verouderd_na_dagen)
    catalogus.woordenlijst = woordenlijst
    if editie == "publiek":
        per_soort = {
            naam: [r for r in records if r.zichtbaarheid == "publiek" and not r.ALLEEN_INTERN]
            for naam, records in per_soort.items()
        }
    catalogus.records = {naam: {r.id: r for r in records} for naam, records in per_soort.items()}
    _plaats_locaties(catalogus)
    _terugverwijzingen(catalogus)
    return catalogus, problemen
