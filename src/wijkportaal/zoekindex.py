"""The search index and the finder's data, built once per edition at build time.

One Dutch search engine serves the search box in the header and the finder
(``/zoeken/``): a lunr index built here with lunr.py and loaded in the browser by
lunr.js from the site itself. Text goes through the same pipeline on both sides
(:mod:`.zoektaal`: accents folded, Dutch Snowball stemmer), so a query typed in
the browser meets exactly the tokens stored here.

What is indexed, per document (ref = the page URL):

=============  =====  ==========================================================
field          boost  holds
=============  =====  ==========================================================
naam           10     the name (or page title)
samenvatting   5      the summary
themas         3      labels and synonyms of its thema's and doelgroepen (so
                      "geldzorgen" finds the schulden records: query expansion
                      done once, on the index side)
delen          2      parts of its Dutch compound words ("schuldhulpverlening"
                      gives "schuld" and "hulpverlening")
tekst          1      the body text (Markdown fields as plain text)
=============  =====  ==========================================================

Only current records of the edition are indexed, plus the thema, doelgroep and
wijk pages and the hand-written pages the engine passes in; the publiek edition
has no intern record and no ``intern:`` text in either file.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Iterable

from . import zoektaal
from .adressen import adres
from .catalogus import Catalogus
from .record import Record
from .voorziening import KANAAL_LABEL, KOSTEN_LABEL, TALEN, TOEGANG_LABEL, Voorziening

VELDEN = {"naam": 10, "samenvatting": 5, "themas": 3, "delen": 2, "tekst": 1}

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
    soort: str  # voorzieningen, methodieken, werkinstructies, organisaties or pagina
    naam: str
    samenvatting: str = ""
    themas: str = ""
    tekst: str = ""


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


def _termtekst(cat: Catalogus, record: Record) -> str:
    """Labels and synonyms of a record's thema's (with their hoofdthema) and doelgroepen."""
    tax = cat.taxonomie
    ids = list(record.themas)
    ids += [h for h in (tax.hoofdthema(t) for t in record.themas) if h]
    termen = [tax.themas[t] for t in dict.fromkeys(ids) if t in tax.themas]
    termen += [tax.doelgroepen[d] for d in getattr(record, "doelgroepen", []) if d in tax.doelgroepen]
    return " ".join(" ".join((t.label, *t.synoniemen)) for t in termen)


def _recordtekst(record: Record) -> str:
    delen = [record.beschrijving, record.zoektekst()]
    if isinstance(record, Voorziening):
        delen += [l.naam for l in record.locaties] + [l.adres for l in record.locaties]
    return platte_tekst(" ".join(d for d in delen if d))


def documenten(cat: Catalogus, handpaginas: Iterable[Document] = ()) -> list[Document]:
    """Every document of this edition's index: records, taxonomy and wijk pages, hand-written pages."""
    docs = [
        Document(adres(r), r.SOORT, r.naam, r.samenvatting, _termtekst(cat, r), _recordtekst(r))
        for r in cat.alle()
    ]
    tax = cat.taxonomie
    for term in [*tax.themas.values(), *tax.doelgroepen.values()]:
        docs.append(Document(adres(term), "pagina", term.label, term.beschrijving, " ".join(term.synoniemen)))
    for wijk in cat.gebieden.wijken.values():
        buurten = " ".join(b.naam for b in cat.gebieden.buurten_van(wijk.code))
        docs.append(Document(adres(wijk), "pagina", f"Wijk {wijk.naam}", f"Hulp in de wijk {wijk.naam}", "", buurten))
    docs.extend(handpaginas)
    return docs


def bouw_index(docs: list[Document]) -> dict:
    """The serialized lunr index (JSON-able) of ``docs``."""
    splitser = Splitser(w for d in docs for veld in (d.naam, d.samenvatting, d.themas, d.tekst) for w in zoektaal.woorden(veld))
    builder = zoektaal.bouwer()
    builder.ref("ref")
    for veld, gewicht in VELDEN.items():
        builder.field(veld, boost=gewicht)
    for nummer, d in enumerate(docs):
        woorden = {w for veld in (d.naam, d.samenvatting, d.themas, d.tekst) for w in zoektaal.woorden(veld)}
        delen = " ".join(p for w in sorted(woorden) for p in splitser.delen(w))
        builder.add(
            {"ref": str(nummer), "naam": d.naam, "samenvatting": d.samenvatting, "themas": d.themas, "delen": delen, "tekst": d.tekst}
        )
    return builder.build().serialize()


def filters(cat: Catalogus) -> dict[str, list[list]]:
    """The finder's filter options in display order, with Dutch labels (only those that occur)."""
    voorzieningen = cat.voorzieningen
    gebruikt = lambda veld: {x for v in voorzieningen for x in getattr(v, veld)}  # noqa: E731
    tax = cat.taxonomie
    themas = set()
    for v in voorzieningen:
        themas |= set(v.themas) | {tax.hoofdthema(t) for t in v.themas if tax.hoofdthema(t)}
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
    org = cat.records.get("organisaties", {}).get(v.organisatie)
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
        "aanmelden": platte_tekst(v.data.get("aanmelden", "")),
        "hoofdthema": hoofdthema,
        "locaties": [
            {
                "naam": l.naam, "adres": l.adres, "postcode": l.postcode, "plaats": l.plaats,
                "lat": l.coordinaten[0] if l.coordinaten else None,
                "lon": l.coordinaten[1] if l.coordinaten else None,
                "bij_benadering": l.bij_benadering,
                "open": [[dag, blok["van"], blok["tot"]] for blok in l.openingstijden if blok.get("van") and blok.get("tot") for dag in blok.get("dagen", [])],
                "op_afspraak": l.op_afspraak,
            }
            for l in v.locaties
        ],
    }  # fmt: skip


def gegevens(cat: Catalogus, docs: list[Document]) -> dict:
    """The finder's data file: every document's name and summary, and per voorziening what it filters and shows."""
    return {
        "editie": cat.editie,
        # in index order: the index refers to a document by its number in this list (short refs, small index)
        "documenten": [{"url": d.ref, "soort": d.soort, "naam": d.naam, "samenvatting": d.samenvatting} for d in docs],
        "voorzieningen": {adres(v): _voorziening(cat, v, cat.taxonomie.hoofdthema_label(v.themas)) for v in cat.voorzieningen},
        "filters": filters(cat),
    }


INDEXBESTAND = "zoeken/index.json"
GEGEVENSBESTAND = "zoeken/gegevens.json"


def bestanden(cat: Catalogus, handpaginas: Iterable[Document] = ()) -> dict[str, str]:
    """{site path: JSON text} of the edition's search files (see the module docstring)."""
    docs = documenten(cat, handpaginas)
    compact = {"ensure_ascii": False, "separators": (",", ":")}
    return {
        INDEXBESTAND: json.dumps(bouw_index(docs), **compact),
        GEGEVENSBESTAND: json.dumps(gegevens(cat, docs), **compact),
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
