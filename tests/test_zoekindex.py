"""The search index as built (Python side): what a query finds, in-process with lunr.py.

The browser runs the same index with lunr.js (tests/test_zoeken.py) and the same
text pipeline (tests/test_zoektaal.py); here the index itself is checked: fields,
compound parts, synonyms, ranking and what each edition holds.
"""

from __future__ import annotations

import pytest
from lunr.index import Index

from conftest import PROJECT
from wijkportaal import zoekindex
from wijkportaal.catalogus import laad_catalogus


@pytest.fixture(scope="module")
def gebouwd():
    cat, _ = laad_catalogus(PROJECT / "data", vandaag=None)
    docs = zoekindex.documenten(cat)
    return docs, Index.load(zoekindex.bouw_index(docs))


def vind(gebouwd, vraag: str) -> list[str]:
    docs, idx = gebouwd
    return [docs[int(r["ref"])].ref for r in idx.search(vraag)]


def test_compound_parts_find_the_whole_word_both_ways(gebouwd):
    # 'schuldhulpverlening' is a synonym of the schulden thema: every schulden record holds it
    assert "voorzieningen/budgetbuddy/" in vind(gebouwd, "hulpverlening")
    assert "voorzieningen/budgetbuddy/" in vind(gebouwd, "schuld")
    assert "werkinstructies/meldcode-huiselijk-geweld-en-kindermishandeling/" in vind(gebouwd, "mishandeling")


def test_splitser_finds_known_parts_only():
    splitser = zoekindex.Splitser(["schuld", "hulpverlening", "kinderen", "mishandeling", "verslaving", "zorg", "voor"])
    assert {"schuld", "hulpverlening"} <= set(splitser.delen("schuldhulpverlening"))
    assert {"kinder", "mishandeling"} <= set(splitser.delen("kindermishandeling"))
    assert {"zorg"} <= set(splitser.delen("verslavingszorg"))
    assert splitser.delen("voorziening") == ()  # 'voor' is no part
    assert splitser.delen("budget") == ()


def test_one_typo_and_a_synonym(gebouwd):
    assert vind(gebouwd, "budgetbudy~1")[0] == "voorzieningen/budgetbuddy/"
    gevonden = vind(gebouwd, "geldzorgen")  # a synonym of schulden in data/taxonomie.yml
    assert "themas/schulden/" in gevonden and "voorzieningen/budgetbuddy/" in gevonden


def test_name_ranks_first_and_accents_fold(gebouwd):
    assert vind(gebouwd, "meubeldepot")[0] == "voorzieningen/meubeldepot/"
    assert vind(gebouwd, "financiën") == vind(gebouwd, "financien") != []
    assert "voorzieningen/thuislozenloket/" in vind(gebouwd, "thuisloos")[:2]


def test_and_of_words_is_the_intersection(gebouwd):
    beide = set(vind(gebouwd, "+opvoeden +jongeren"))
    assert beide and beide == set(vind(gebouwd, "opvoeden")) & set(vind(gebouwd, "jongeren"))


def test_publiek_index_holds_only_publiek_documents():
    cat, _ = laad_catalogus(PROJECT / "data", editie="publiek")
    docs = zoekindex.documenten(cat)
    urls = {d.ref for d in docs}
    assert not [u for u in urls if u.startswith(("methodieken/", "werkinstructies/"))]
    intern = {f"voorzieningen/{v.id}/" for v in laad_catalogus(PROJECT / "data")[0].voorzieningen if v.zichtbaarheid == "intern"}
    assert intern and not (intern & urls)
    bestanden = zoekindex.bestanden(cat)
    assert set(bestanden) == {"zoeken/index.json", "zoeken/gegevens.json"}
