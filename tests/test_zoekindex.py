"""The search index as built (Python side): what a query finds, in-process with lunr.py.

The browser runs the same index with lunr.js (tests/test_zoeken.py) and the same
text pipeline (tests/test_zoektaal.py); here the index itself is checked: fields,
compound parts, synonyms, ranking and what each edition holds.
"""

from __future__ import annotations

import json

import pytest
from lunr.index import Index

from conftest import PROJECT, VOORBEELDEN
from wijkportaal import zoekindex, zoektaal
from wijkportaal.catalogus import laad_catalogus


@pytest.fixture(scope="module")
def gebouwd():
    """The first index (names, summaries, taxonomy terms, compound parts), through its compact form."""
    cat, _ = laad_catalogus(PROJECT / "data", vandaag=None)
    docs = zoekindex.documenten(cat)
    return docs, Index.load(zoekindex.uit_compact(zoekindex.compact(zoekindex.tel(docs))))


def test_counting_terms_ourselves_gives_what_lunr_counts():
    """zoekindex.tel() (used for the site) counts exactly the terms lunr.py's Builder adds,
    also for the naughty strings (naughty text passes through both the same way)."""
    cat, _ = laad_catalogus(PROJECT / "data")
    docs = zoekindex.documenten(cat)
    naughty = json.loads((VOORBEELDEN / "blns.json").read_text(encoding="utf-8"))
    docs += [zoekindex.Document(f"x/{i}/", "pagina", s, s, s, tekst=s) for i, s in enumerate(naughty)]
    for velden in (zoekindex.VELDEN, zoekindex.TEKSTVELDEN):
        assert zoekindex.tel(docs, velden) == zoekindex.Telling.van_lunr(zoekindex.bouwer(docs, velden))


def test_compact_form_loads_to_the_same_index():
    cat, _ = laad_catalogus(PROJECT / "data")
    docs = zoekindex.documenten(cat)
    for velden in (zoekindex.VELDEN, zoekindex.TEKSTVELDEN):
        eigen = zoekindex.bouw_index(docs, velden)
        data = zoekindex.uit_compact(zoekindex.compact(zoekindex.tel(docs, velden)))
        # the same terms, and lunr's own scores recomputed from the compact form
        assert [t for t, _ in eigen["invertedIndex"]] == [t for t, _ in data["invertedIndex"]]
        def scores(d):
            term_van = {p["_index"]: term for term, p in d["invertedIndex"]}
            return {(k, term_van[i]): s for k, v in d["fieldVectors"] for i, s in zip(v[0::2], v[1::2])}

        a, b = scores(eigen), scores(data)
        assert a.keys() == b.keys() and max(abs(a[k] - b[k]) for k in a) <= 0.0011
        origineel, terug = Index.load(eigen), Index.load(data)
        for vraag in ("meubels", "schulden", "opvoeden jongeren", "wijkteam~1", "budget*"):
            a = {r["ref"]: r["score"] for r in origineel.search(vraag)}
            b = {r["ref"]: r["score"] for r in terug.search(vraag)}
            assert a.keys() == b.keys(), vraag  # the same documents, scores equal to two decimals
            assert all(abs(a[k] - b[k]) <= 0.05 * max(1, a[k]) for k in a), vraag


def vind(gebouwd, vraag: str) -> list[str]:
    docs, idx = gebouwd
    return [docs[int(r["ref"])].ref for r in idx.search(vraag)]


def test_compound_parts_find_the_whole_word_both_ways(gebouwd):
    # 'schuldhulpverlening' is a synonym of the schulden thema: its page holds it (the
    # finder then shows every schulden record)
    assert "themas/schulden/" in vind(gebouwd, "hulpverlening")
    assert "themas/schulden/" in vind(gebouwd, "schuld")
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
    assert "themas/schulden/" in vind(gebouwd, "geldzorgen")[:3]  # a synonym in data/taxonomie.yml
    docs, _ = gebouwd
    schulden = next(d for d in docs if d.ref == "themas/schulden/")
    assert schulden.soort == "thema" and schulden.term == "schulden"  # what the finder expands


def test_stop_words_are_not_indexed_and_body_text_is_in_the_second_index(gebouwd):
    docs, idx = gebouwd
    assert vind(gebouwd, "voor") == [] and vind(gebouwd, "de") == []
    tekstdata = zoekindex.compact(zoekindex.tel(docs, zoekindex.TEKSTVELDEN))
    alleen_in_tekst = sorted(set(tekstdata["termen"]) - {t for t, _ in idx.inverted_index.items()})
    assert len(alleen_in_tekst) > 500
    tekst = Index.load(zoekindex.uit_compact(tekstdata))
    woord = alleen_in_tekst[len(alleen_in_tekst) // 2]
    assert tekst.search(woord) and not idx.search(woord)


def test_name_ranks_first_and_accents_fold(gebouwd):
    assert "voorzieningen/meubeldepot/" in vind(gebouwd, "meubeldepot")[:2]  # (the finder puts an exact name first)
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
    assert set(bestanden) == {"zoeken/index.json", "zoeken/tekst.json", "zoeken/gegevens.json"}


def test_naughty_strings_pass_through_the_search_pipeline_and_index():
    """The Big List of Naughty Strings (tests/voorbeelden/blns.json, MIT) as words, as
    names and as reasons: no exception, and the data file keeps every string as it was."""
    import json

    naughty = json.loads((PROJECT / "tests/voorbeelden/blns.json").read_text(encoding="utf-8"))
    assert len(naughty) > 500
    for tekst in naughty:
        for woord in zoektaal.woorden(tekst):
            assert zoektaal.stam(woord) is not None
    docs = [zoekindex.Document(f"p{i}/", "pagina", tekst, tekst, tekst, tekst) for i, tekst in enumerate(naughty)]
    index = Index.load(zoekindex.uit_compact(zoekindex.compact(zoekindex.tel(docs))))
    assert index.search("onerror") is not None
    cat, _ = laad_catalogus(PROJECT / "data")
    gegevens = json.loads(zoekindex.bestanden(cat, docs)["zoeken/gegevens.json"])
    assert [d["naam"] for d in gegevens["documenten"][-len(naughty):]] == naughty
