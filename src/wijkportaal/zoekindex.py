"""The search index and the finder's data, built once per edition at build time.

One Dutch search engine serves the search box in the header and the finder
(``/zoeken/``): lunr indexes built here with lunr.py and loaded in the browser by
lunr.js from the site itself. Text goes through the same pipeline on both sides
(:mod:`.zoektaal`: accents folded, stop words dropped, Dutch Snowball stemmer),
so a query typed in the browser meets exactly the tokens stored here.

Two indexes, so the finder is usable after a small download:

``zoeken/index.json`` (loaded first)
    =============  =====  ====================================================
    field          boost  holds
    =============  =====  ====================================================
    naam           10     the name (or page title)
    samenvatting   5      the summary
    termen         3      on thema and doelgroep pages: the label and every
                          synonym from data/taxonomie.yml. The finder counts a
                          hit on such a page as a hit on every record with that
                          thema or doelgroep: "geldzorgen" finds the schulden
                          voorzieningen, without the synonyms stored per record.
    delen          2      parts of the Dutch compound words of the fields above
                          ("schuldhulpverlening" → "schuld", "hulpverlening")
    =============  =====  ====================================================
``zoeken/tekst.json`` (loaded when someone searches)
    the body text (Markdown fields as plain words), boost 1.

Both are sent in a compact form (:func:`compact`): the sorted term list and, per
field, each document's term numbers (as differences) with the term frequency
where it is above one; the browser rebuilds lunr's serialized index from it,
recomputing lunr's BM25 scores (``assets/zoekindex.js``), and loads it with
``lunr.Index.load``. The index refers to documents by their number
in ``gegevens.json``'s ``documenten`` list.

Only current records of the edition are indexed, plus the thema, doelgroep and
wijk pages and the hand-written pages the engine passes in; the publiek edition
has no intern record and no ``intern:`` text in any file.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Iterable, Iterator

from . import zoektaal
from .adressen import WIJKANALYSE, adres
from .catalogus import Catalogus
from .record import Record
from .voorziening import KANAAL_LABEL, KOSTEN_LABEL, TALEN, TOEGANG_LABEL, Voorziening

VELDEN = {"naam": 10, "samenvatting": 5, "termen": 3, "delen": 2}  # zoeken/index.json
TEKSTVELDEN = {"tekst": 1}  # zoeken/tekst.json

# Short, frequent words that make no useful compound part ("voorziening" is not "voor" + ...).
GEEN_DEEL = frozenset(
    "aan achter alle al als bij binnen dat deze die dit door een en hun in met na naar niet nog "
    "om onder op over te tegen toe tot uit van veel voor want wat wie zijn zo zelf".split()
)
MIN_DEEL = 4


@dataclass(frozen=True)
class Document:
    """One searchable page."""

    ref: str  # the page URL (the index itself refers to documents by their number)
    soort: str  # voorzieningen, methodieken, werkinstructies, organisaties, thema, doelgroep or pagina
    naam: str
    samenvatting: str = ""
    termen: str = ""  # thema and doelgroep pages: label and synonyms
    tekst: str = ""
    term: str = ""  # thema and doelgroep pages: the term's id
    themas: tuple[str, ...] = ()  # records: thema ids with their hoofdthema's (for the finder's expansion)
    doelgroepen: tuple[str, ...] = ()


def platte_tekst(markdown: str) -> str:
    """Markdown as plain words: no markup characters, no link targets, entities decoded."""
    tekst = re.sub(r"\]\([^)]*\)", "]", markdown or "")
    tekst = re.sub(r"<[^>]*>", " ", tekst)
    tekst = re.sub(r"[*_`#>|~\[\]!]+", " ", tekst)
    return re.sub(r"\s+", " ", html.unescape(tekst)).strip()


class Splitser:
    """Finds the parts of Dutch compound words, using the corpus as its dictionary.

    A long word is split wherever its first part is a word (or the stem of a word)
    of the corpus and the rest is known too (or splits again the same way), with at
    least four letters on both sides; every such split counts
    ("schuldhulpverlening" → "schuld", "hulpverlening", "schuldhulp", "verlening").
    A linking ``s`` is allowed ("verslavingszorg" → "verslaving", "zorg"; "kindermishandeling" →
    "kinder", "mishandeling").
    """

    def __init__(self, woorden: Iterable[str]) -> None:
        bekend = {w for w in woorden if len(w) >= MIN_DEEL and w not in GEEN_DEEL}
        self.bekend = bekend | {zoektaal.stam(w) for w in bekend}
        self._cache: dict[str, tuple[str, ...]] = {}

    def delen(self, woord: str) -> tuple[str, ...]:
        """The known parts of ``woord`` (empty when it is not a compound of known words)."""
        if woord not in self._cache:
            self._cache[woord] = tuple(dict.fromkeys(self._splits(woord, 0)))
        return self._cache[woord]

    def _splits(self, woord: str, diepte: int) -> list[str]:
        """Both parts of every split into a known first part and a rest that is known
        (or splits further the same way)."""
        if len(woord) < 2 * MIN_DEEL or diepte > 3:
            return []
        uit: list[str] = []
        for i in range(MIN_DEEL, len(woord) - MIN_DEEL + 1):
            links, rechts = woord[:i], woord[i:]
            if links.endswith("s") and not self._is_woord(links) and self._is_woord(links[:-1]):
                links = links[:-1]  # a linking s: verslaving-s-zorg
            if not self._is_woord(links):
                continue
            if self._is_woord(rechts):
                uit += [links, rechts]
            else:
                verder = self._splits(rechts, diepte + 1)
                if verder:
                    uit += [links, rechts, *verder]
        return uit

    def _is_woord(self, deel: str) -> bool:
        return len(deel) >= MIN_DEEL and deel not in GEEN_DEEL and (deel in self.bekend or zoektaal.stam(deel) in self.bekend)


def _themas(cat: Catalogus, record: Record) -> tuple[str, ...]:
    """A record's thema ids with their hoofdthema's."""
    tax = cat.taxonomie
    return tuple(dict.fromkeys([*record.themas, *(h for h in (tax.hoofdthema(t) for t in record.themas) if h)]))


def _recordtekst(record: Record) -> str:
    delen = [record.beschrijving, record.zoektekst()]
    if isinstance(record, Voorziening):
        delen += [l.naam for l in record.locaties] + [l.adres for l in record.locaties]
    return platte_tekst(" ".join(d for d in delen if d))


def documenten(cat: Catalogus, handpaginas: Iterable[Document] = ()) -> list[Document]:
    """Every document of this edition's index: records, taxonomy and wijk pages, hand-written pages."""
    docs = [
        Document(
            adres(r), r.SOORT, r.naam, r.samenvatting, tekst=_recordtekst(r),
            themas=_themas(cat, r), doelgroepen=tuple(getattr(r, "doelgroepen", ())),
        )  # fmt: skip
        for r in cat.alle()
    ]
    tax = cat.taxonomie
    for soort, termen in (("thema", tax.themas.values()), ("doelgroep", tax.doelgroepen.values())):
        for term in termen:
            docs.append(
                Document(adres(term), soort, term.label, term.beschrijving, " ".join((term.label, *term.synoniemen)), term=term.id)
            )
    for wijk in cat.gebieden.wijken.values():
        buurten = " ".join(b.naam for b in cat.gebieden.buurten_van(wijk.code))
        docs.append(Document(adres(wijk), "pagina", f"Wijk {wijk.naam}", f"Hulp in de wijk {wijk.naam}", tekst=buurten))
    if not cat.is_publiek():
        docs.append(
            Document(
                WIJKANALYSE, "pagina", "Wijkanalyse", "Welke hulp elke wijk heeft per thema, en waar nog niets is.",
                tekst="wijkanalyse analyse gaten tekorten sociale basis aanbod per wijk per thema zonder indicatie",
            )
        )  # fmt: skip
    docs.extend(handpaginas)
    return docs


def _velden_van(docs: list[Document], velden: dict[str, int]) -> Iterator[dict[str, str]]:
    """Each document as the field values to index (refs are document numbers)."""
    splitser = None
    if "delen" in velden:
        splitser = Splitser(w for d in docs for veld in (d.naam, d.samenvatting, d.termen, d.tekst) for w in zoektaal.woorden(veld))
    for nummer, d in enumerate(docs):
        doc = {"ref": str(nummer), "naam": d.naam, "samenvatting": d.samenvatting, "termen": d.termen, "tekst": d.tekst}
        if splitser is not None:
            woorden = {w for veld in (d.naam, d.samenvatting, d.termen) for w in zoektaal.woorden(veld)}
            doc["delen"] = " ".join(p for w in sorted(woorden) for p in splitser.delen(w))
        yield {k: v for k, v in doc.items() if k == "ref" or k in velden}


@dataclass
class Telling:
    """What :func:`compact` needs of an index: per field and document the frequency of each term."""

    velden: dict[str, int]  # field -> boost
    documenten: int
    frequenties: dict[str, dict[str, int]]  # "veld/ref" -> {term: frequency}
    pijplijn: list[str]  # the labels of the search pipeline

    @property
    def termen(self) -> list[str]:
        return sorted({t for f in self.frequenties.values() for t in f})

    @classmethod
    def van_lunr(cls, builder) -> "Telling":
        """The same from a lunr.py Builder (:func:`bouwer`): the reference :func:`tel` is tested against."""
        return cls(
            {veld: f.boost for veld, f in builder._fields.items()}, builder.document_count,
            {k: dict(v) for k, v in builder.field_term_frequencies.items()},
            [f.label for f in builder.search_pipeline._stack],
        )  # fmt: skip


def tel(docs: list[Document], velden: dict[str, int] = VELDEN) -> Telling:
    """The term frequencies of ``docs`` over ``velden``, as lunr.py's Builder would count them
    (:func:`zoektaal.termen`), at a fraction of its cost."""
    frequenties: dict[str, dict[str, int]] = {}
    aantal = 0
    for doc in _velden_van(docs, velden):
        aantal += 1
        for veld in velden:
            frequenties[f"{veld}/{doc['ref']}"] = dict(Counter(zoektaal.termen(doc.get(veld))))
    return Telling(dict(velden), aantal, frequenties, [f.label for f in zoektaal.pijplijn()])


def bouwer(docs: list[Document], velden: dict[str, int] = VELDEN):
    """A lunr.py Builder with ``docs`` added over ``velden`` (the reference for :func:`tel`, and lunr's own index)."""
    builder = zoektaal.bouwer()
    builder.ref("ref")
    for veld, gewicht in velden.items():
        builder.field(veld, boost=gewicht)
    for doc in _velden_van(docs, velden):
        builder.add(doc)
    return builder


def bouw_index(docs: list[Document], velden: dict[str, int] = VELDEN) -> dict:
    """lunr's own serialized index (JSON-able) of ``docs`` over ``velden``."""
    return bouwer(docs, velden).build().serialize()


# BM25 as lunr computes it (lunr.js Builder#createFieldVectors, lunr.py Builder._create_field_vectors)
K1, B = 1.2, 0.75


def compact(telling: Telling) -> dict:
    """The index of a :class:`Telling` in a small form for the browser (see the module docstring).

    lunr's own form stores every (term, field, document) twice, in the inverted index
    and in the field vectors, each with a score of several digits. Here only the
    sorted terms travel and, per field and document, the term numbers as
    differences, each followed by ``-tf`` when the term occurs more than once. The
    inverted index, the field lengths and lunr's BM25 scores follow from that
    (:func:`uit_compact`, and ``assets/zoekindex.js`` in the browser).
    """
    termen = telling.termen
    nummer = {t: i for i, t in enumerate(termen)}
    vectoren: dict[str, list[list[int]]] = {veld: [] for veld in telling.velden}
    for veldref, frequenties in telling.frequenties.items():
        veld, ref = veldref.split("/", 1)
        rij, vorige = [int(ref)], 0
        for term, tf in sorted((nummer[t], tf) for t, tf in frequenties.items()):
            rij.append(term - vorige)
            if tf > 1:
                rij.append(-tf)
            vorige = term
        vectoren[veld].append(rij)
    return {
        "versie": "2.3.9",
        "pipeline": telling.pijplijn,
        "documenten": telling.documenten,
        "velden": {veld: telling.velden[veld] for veld in vectoren},
        "termen": termen,
        "vectoren": vectoren,
    }


def uit_compact(data: dict) -> dict:
    """lunr's serialized index back from :func:`compact`, scores recomputed (as assets/zoekindex.js does)."""
    velden = list(data["vectoren"])
    aantal = data["documenten"]
    postings: list[dict] = [{"_index": i, **{v: {} for v in velden}} for i in range(len(data["termen"]))]
    documenten_met = [0] * len(data["termen"])
    frequenties: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for veld, rijen in data["vectoren"].items():
        for rij in rijen:
            ref, termen, term = str(rij[0]), [], 0
            for waarde in rij[1:]:
                if waarde < 0:
                    termen[-1] = (termen[-1][0], -waarde)
                    continue
                term += waarde
                termen.append((term, 1))
                postings[term][veld][ref] = {}
                documenten_met[term] += 1
            frequenties[(veld, ref)] = termen
    gemiddeld = {v: sum(tf for (veld, _), ts in frequenties.items() if veld == v for _, tf in ts) / aantal for v in velden}
    idf = [math.log(1 + abs((aantal - n + 0.5) / (n + 0.5))) for n in documenten_met]
    vectoren = []
    for (veld, ref), termen in frequenties.items():
        lengte, boost, vector = sum(tf for _, tf in termen), data["velden"][veld], []
        for term, tf in termen:
            score = idf[term] * ((K1 + 1) * tf) / (K1 * (1 - B + B * (lengte / gemiddeld[veld])) + tf) * boost
            vector += [term, round(score, 3)]
        vectoren.append([f"{veld}/{ref}", vector])
    return {
        "version": data["versie"],
        "fields": velden,
        "fieldVectors": vectoren,
        "invertedIndex": [[t, postings[i]] for i, t in enumerate(data["termen"])],
        "pipeline": data["pipeline"],
    }


def filters(cat: Catalogus) -> dict[str, list[list]]:
    """The finder's filter options in display order, with Dutch labels (only those that occur)."""
    voorzieningen = cat.voorzieningen
    tax = cat.taxonomie
    themas: set[str] = set()
    waarden: dict[str, set[str]] = {"doelgroepen": set(), "kanalen": set(), "talen": set()}
    for v in voorzieningen:  # one pass: a large catalogue has thousands
        themas.update(v.themas)
        for veld, gezien in waarden.items():
            gezien.update(getattr(v, veld))
    themas |= {h for h in (tax.hoofdthema(t) for t in list(themas)) if h}
    gebruikt = waarden.__getitem__
    return {
        "wijk": [[w.code, w.naam] for w in sorted(cat.gebieden.wijken.values(), key=lambda g: g.naam)],
        "thema": [[t.id, t.label, t.ouder] for t in tax.themas.values() if t.id in themas],
        "doelgroep": [[t.id, t.label] for t in tax.doelgroepen.values() if t.id in gebruikt("doelgroepen")],
        "toegang": [[k, l] for k, l in TOEGANG_LABEL.items() if k in {v.toegang for v in voorzieningen}],
        "kosten": [[k, l] for k, l in KOSTEN_LABEL.items() if k in {v.kosten for v in voorzieningen}],
        "kanaal": [[k, l] for k, l in KANAAL_LABEL.items() if k in gebruikt("kanalen")],
        "taal": [[k, l] for k, l in TALEN.items() if k in gebruikt("talen")],
    }


def _voorziening(cat: Catalogus, v: Voorziening, hoofdthema: str) -> dict:
    tax = cat.taxonomie
    org = cat.organisatie(v.organisatie)
    themas = list(dict.fromkeys([*v.themas, *(h for h in (tax.hoofdthema(t) for t in v.themas) if h)]))
    return {
        "organisatie": org.naam if org else "",
        "themas": themas,
        "doelgroepen": v.doelgroepen,
        "wijken": sorted(cat.wijken_van(v)),
        "stedelijk": v.stedelijk,
        "leeftijd": list(v.leeftijd),
        "toegang": v.toegang,
        "toegang_label": v.toegang_label,
        "kosten": v.kosten,
        "kanalen": v.kanalen,
        "talen": v.talen,
        "telefoon": v.contact.get("telefoon", ""),
        "email": v.contact.get("email", ""),
        "website": v.contact.get("website", ""),
        "hoofdthema": hoofdthema,
        "onbevestigd": list(v.onbevestigd),  # field names only; the reasons stay intern
        "locaties": [
            {
                "naam": l.naam, "adres": l.adres, "postcode": l.postcode, "plaats": l.plaats,
                "lat": l.coordinaten[0] if l.coordinaten else None,
                "lon": l.coordinaten[1] if l.coordinaten else None,
                "bij_benadering": l.bij_benadering,
                "open": [[dag, blok["van"], blok["tot"]] for blok in l.openingstijden if blok.get("van") and blok.get("tot") for dag in blok.get("dagen", [])],
                "op_afspraak": l.op_afspraak,
                **({"bereikbaarheid": l.bereikbaarheid} if l.bereikbaarheid else {}),
            }
            for l in v.locaties
        ],
    }  # fmt: skip


def _documentgegevens(d: Document) -> dict:
    uit = {"url": d.ref, "soort": d.soort, "naam": d.naam, "samenvatting": d.samenvatting}
    if d.term:
        uit["term"] = d.term
    if d.soort in ("methodieken", "werkinstructies", "organisaties", "teams", "vragen", "ontwikkelingen"):
        uit.update(themas=list(d.themas), doelgroepen=list(d.doelgroepen))
    return uit


def gegevens(cat: Catalogus, docs: list[Document]) -> dict:
    """The finder's data file: every document in index order, and per voorziening what it filters and shows."""
    return {
        "editie": cat.editie,
        # in index order: the indexes refer to a document by its number in this list
        "documenten": [_documentgegevens(d) for d in docs],
        "voorzieningen": {adres(v): _voorziening(cat, v, cat.taxonomie.hoofdthema_label(v.themas)) for v in cat.voorzieningen},
        "filters": filters(cat),
    }


INDEXBESTAND = "zoeken/index.json"
TEKSTBESTAND = "zoeken/tekst.json"
GEGEVENSBESTAND = "zoeken/gegevens.json"


def bestanden(cat: Catalogus, handpaginas: Iterable[Document] = ()) -> dict[str, str]:
    """{site path: JSON text} of the edition's search files (see the module docstring)."""
    docs = documenten(cat, handpaginas)
    kort = {"ensure_ascii": False, "separators": (",", ":")}
    return {
        INDEXBESTAND: json.dumps(compact(tel(docs, VELDEN)), **kort),
        TEKSTBESTAND: json.dumps(compact(tel(docs, TEKSTVELDEN)), **kort),
        GEGEVENSBESTAND: json.dumps(gegevens(cat, docs), **kort),
    }


class _Tekst(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.delen: list[str] = []
        self._overslaan = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._overslaan += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._overslaan:
            self._overslaan -= 1

    def handle_data(self, data):
        if not self._overslaan:
            self.delen.append(data)


def tekst_van_html(pagina_html: str) -> str:
    """The visible text of a rendered hand-written page, for its search entry."""
    lezer = _Tekst()
    lezer.feed(pagina_html)
    return re.sub(r"\s+", " ", " ".join(lezer.delen)).strip()
