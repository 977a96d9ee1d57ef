"""The search text pipeline: the same words and stems at build time and in the browser.

The search index is built in Python with lunr.py and searched in the browser with
lunr.js; a word only matches when both sides turn it into the same term. This
module is the Python half; ``assets/zoektaal.js`` is the browser half and does
exactly the same steps with the same character classes (``tests/test_zoektaal.py``
compares both on thousands of Dutch words and phrases in Chromium):

1. ``normaliseer``: Unicode NFKD, drop every nonspacing mark (category Mn) and the
   soft hyphen, lowercase. "Financiën" and "financien" become the same text, and
   both regex engines then see (almost) plain ASCII.
2. ``woorden``: split on whitespace and dashes (an explicit class, the same in both
   languages: Python's ``\\s`` and JavaScript's ``\\s`` differ), trim characters
   outside ``[a-z0-9]`` at both ends (never ``\\W``, which differs too), drop empty
   words.
3. ``stam``: Snowball's original Dutch stemmer. Python: ``snowballstemmer``'s
   ``dutch_porter`` (Snowball 3 gave the old algorithm that name and a new one the
   name ``dutch``, which stems 3,078 of the 6,582 test words differently); with
   snowballstemmer 2.x its ``dutch``, the same algorithm. The browser: lunr-languages'
   ``lunr.nl``, a port of that old algorithm. The pure-Python classes are imported
   directly, so an installed PyStemmer (another Snowball version) is never used.

For lunr.py the steps are pipeline functions registered as ``wp-trimmer`` (steps 1
and 2 on one token), ``wp-stopwoorden`` (drops the words of ``STOPWOORDEN``) and
``wp-stemmer-nl`` (step 3). The browser registers functions
under the same labels, so ``lunr.Index.load`` accepts an index built here.

Use ``bouwer()`` for a ``lunr.builder.Builder`` whose fields are tokenized with
``woorden()`` and whose pipeline and search pipeline are ``pijplijn()``. Query
text typed by people goes through the search pipeline (the trimmer normalises
it), except terms with a wildcard (``word*``), which lunr passes on untouched:
build such terms from ``woorden()`` yourself.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any, Callable, Iterable

from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.token import Token

try:  # Snowball 3 renamed the original Dutch algorithm to dutch_porter ...
    from snowballstemmer.dutch_porter_stemmer import DutchPorterStemmer as _Stemmer
except ImportError:  # ... before that (snowballstemmer 2.x) it was 'dutch'
    from snowballstemmer.dutch_stemmer import DutchStemmer as _Stemmer

# Whitespace as either Python or JavaScript sees it (their \s differ: JavaScript has
# U+FEFF, Python U+001C-U+001F and U+0085), ZERO WIDTH SPACE, the hyphen-minus and
# the Unicode dashes and minus sign. Kept character for character equal to
# SCHEIDING in assets/zoektaal.js.
_SCHEIDING = "\t\n\x0b\x0c\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200b\u2010-\u2015\u2028\u2029\u202f\u205f\u2212\u3000\ufeff\\-"
SCHEIDING = re.compile(f"[{_SCHEIDING}]+")
_RAND = re.compile(r"^[^a-z0-9]+|[^a-z0-9]+\Z")
_ZACHT_AFBREEKSTREEPJE = "\u00ad"

# Dutch words that say nothing on their own. They are not indexed and a query skips
# them ("hulp voor ouders" = "hulp ouders"). Word for word STOPWOORDEN in zoektaal.js.
STOPWOORDEN = frozenset(
    "aan al alle als bij daar dan dat de deze die dit door een en er geen haar had heb hebben heeft hem het hier hij hoe hun ik in is je jij jouw kan kunnen kunt maar me meer met mij mijn na naar niet nog of om ons onze ook op over te tot u uit uw van veel voor waar wat we wel werd wie wij wordt worden ze zij zijn zo zonder".split()
)


# Characters normaliseer() drops (the soft hyphen, and every nonspacing mark met so far), for
# str.translate; _GEZIEN holds the characters already looked up, so each is classified once.
_WEG: dict[int, None] = {ord(_ZACHT_AFBREEKSTREEPJE): None}
_GEZIEN: set[str] = set()


def normaliseer(tekst: str) -> str:
    """Lowercase, compatibility-decomposed text without accents: 'Financiën' -> 'financien'."""
    if tekst.isascii():  # nothing to decompose or drop
        return tekst.lower()
    ontleed = unicodedata.normalize("NFKD", tekst)
    for teken in set(ontleed).difference(_GEZIEN):
        _GEZIEN.add(teken)
        if unicodedata.category(teken) == "Mn":
            _WEG[ord(teken)] = None
    return ontleed.translate(_WEG).lower()


_LETTER_OF_CIJFER = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _trim(woord: str) -> str:
    if woord and woord[0] in _LETTER_OF_CIJFER and woord[-1] in _LETTER_OF_CIJFER:
        return woord  # most words: nothing to trim
    return _RAND.sub("", woord)


def woorden(tekst: str | None) -> list[str]:
    """The words of a text as the search index holds them, before stemming."""
    if not tekst:
        return []
    return [w for w in (_trim(deel) for deel in SCHEIDING.split(normaliseer(tekst))) if w]


@functools.lru_cache(maxsize=200_000)
def stam(woord: str) -> str:
    """The stem of one word from ``woorden()`` (Snowball's original Dutch algorithm).

    A word with a character outside the Basic Multilingual Plane (an emoji) is left
    as it is: JavaScript counts such a character as two, which would move the
    stemmer's regions and give the browser another stem.
    """
    if any(ord(t) > 0xFFFF or 0xD800 <= ord(t) <= 0xDFFF for t in woord):
        return woord
    return _Stemmer().stemWord(woord)


# -- lunr.py pipeline -------------------------------------------------------------------


def trimmer(token: Token, i: int | None = None, tokens: list | None = None) -> Token | list[Token] | None:
    """wp-trimmer: normalise and split one token into ``woorden()`` (none: dropped)."""
    delen = woorden(token.string)
    if not delen:
        return None
    if len(delen) == 1:
        return token.update(lambda s, m: delen[0])
    return [token.clone(lambda s, m, d=d: d) for d in delen]


def stopwoorden(token: Token, i: int | None = None, tokens: list | None = None) -> Token | None:
    """wp-stopwoorden: drop words that say nothing on their own."""
    return None if token.string in STOPWOORDEN else token


def stemmer(token: Token, i: int | None = None, tokens: list | None = None) -> Token:
    """wp-stemmer-nl: the Dutch stem of one token."""
    return token.update(lambda s, m: stam(s))


Pipeline.register_function(trimmer, "wp-trimmer")
Pipeline.register_function(stopwoorden, "wp-stopwoorden")
Pipeline.register_function(stemmer, "wp-stemmer-nl")


def pijplijn() -> list[Callable]:
    """The functions for a Builder's ``pipeline`` and ``search_pipeline``, in order."""
    return [trimmer, stopwoorden, stemmer]


@functools.lru_cache(maxsize=500_000)
def _termen_van_token(token: str) -> tuple[str, ...]:
    """What the lunr pipeline makes of one token of ``woorden()``: lunr lowercases a list
    item, ``wp-trimmer`` splits it into ``woorden()``, ``wp-stopwoorden`` drops, ``wp-stemmer-nl`` stems."""
    uit = []
    for woord in woorden(token.lower()):
        if woord not in STOPWOORDEN and (term := stam(woord)):
            uit.append(term)
    return tuple(uit)


def termen(waarde: Any) -> list[str]:
    """The index terms of a field value, exactly as ``bouwer()`` adds them to a lunr index
    (tests/test_zoekindex.py compares both), without lunr's per-token objects: a tenth of the time."""
    return [term for token in _veldwoorden(waarde) for term in _termen_van_token(token)]


def _veldwoorden(waarde: Any) -> list[str]:
    if waarde is None:
        return []
    if isinstance(waarde, str):
        return woorden(waarde)
    if isinstance(waarde, Iterable):
        return [w for deel in waarde for w in _veldwoorden(deel)]
    return woorden(str(waarde))


class _Bouwer(Builder):
    """A Builder whose fields are tokenized with ``woorden()``.

    lunr.py's Builder calls its own tokenizer on each field value, which splits
    differently (no normalisation, fewer separators) and offers no hook. A list
    value, however, becomes one token per item unchanged, so every field gets an
    extractor that returns the list of ``woorden()``. (Token positions are not
    recorded this way; keep ``metadata_whitelist`` empty.)
    """

    def field(self, field_name, boost=1, extractor=None):
        def woordenlijst(doc, _haal=extractor):
            return _veldwoorden(_haal(doc) if _haal is not None else doc.get(field_name))

        super().field(field_name, boost=boost, extractor=woordenlijst)


def bouwer() -> Builder:
    """A lunr Builder with the site's tokenizer, pipeline and search pipeline."""
    b = _Bouwer()
    b.pipeline.add(*pijplijn())
    b.search_pipeline.add(*pijplijn())
    return b
