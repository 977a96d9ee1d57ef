"""Ontwikkelingen: the overview (newest first, by year), record pages and back-links,
the Atom feed, the "recent gewijzigd" block on the intern home page, validation, and
the publiek edition staying free of them."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest

from conftest import PROJECT, inhoud, pagina, records, refs, titel
from wijkportaal.catalogus import laad_catalogus
from wijkportaal.geschiedenis import laatste_commits, recent_gewijzigd
from wijkportaal.ontwikkeling import Datum
from wijkportaal.paginas import Paginamaker

ATOM = "{http://www.w3.org/2005/Atom}"
ONTWIKKELINGEN = records("ontwikkelingen")
VANDAAG = dt.date(2026, 11, 23)


def _begin(datum) -> dt.date:
    """The first day of a datum as written in the YAML (independent of the code under test)."""
    delen = [int(d) for d in str(datum).split("-")] + [1, 1]
    return dt.date(*delen[:3])


def _nieuwste_eerst() -> list[str]:
    """By date, newest first; the same date by name."""
    op_naam = sorted(ONTWIKKELINGEN, key=lambda i: ONTWIKKELINGEN[i]["naam"].casefold())
    return [f"ontwikkelingen/{i}" for i in sorted(op_naam, key=lambda i: _begin(ONTWIKKELINGEN[i]["datum"]), reverse=True)]


@pytest.fixture(scope="module")
def catalogus():
    cat, problemen = laad_catalogus(PROJECT / "data", vandaag=VANDAAG)
    assert not problemen.fouten
    return cat


# -- the sample data -------------------------------------------------------------------------


def test_sample_data_has_dated_ontwikkelingen_from_the_sources():
    assert len(ONTWIKKELINGEN) >= 8
    for id_, data in ONTWIKKELINGEN.items():
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(data["datum"])), id_
        assert re.search(r"regels? \d+", data["bron"]), f"{id_}: bron noemt geen regels"
        # the bron says how precise the source's date is
        assert re.search(r"(noemt|noemen) (alleen het jaar|de maand|de dag)|de dag,", data["bron"]), id_


def test_partial_dates_keep_their_precision():
    assert Datum.lees("2024-07-01").tekst == "1 juli 2024" and Datum.lees("2024-07-01").precisie == "dag"
    assert Datum.lees("2019-07").tekst == "juli 2019" and Datum.lees("2019-07").iso == "2019-07"
    assert Datum.lees("2023").tekst == "2023" and Datum.lees("2023").begin == dt.date(2023, 1, 1)
    assert Datum.lees("2024-02-30") is None


# -- pages -----------------------------------------------------------------------------------


def test_overview_is_newest_first_grouped_by_year(site: Path):
    html = inhoud(pagina(site, "ontwikkelingen/"))
    assert refs(html) == _nieuwste_eerst()
    jaren = re.findall(r'<h2 id="jaar-(\d{4})"', html)
    assert jaren == sorted({str(_begin(d["datum"]).year) for d in ONTWIKKELINGEN.values()}, reverse=True)
    for stuk in html.split('<h2 id="jaar-')[1:]:
        jaar = stuk[:4]
        assert all(str(ONTWIKKELINGEN[r.split("/")[1]]["datum"]).startswith(jaar) for r in refs(stuk))
    # the date as precise as the source: a year, a month, a day
    assert '<time class="wp-datum" datetime="2023">2023</time>' in html
    assert '<time class="wp-datum" datetime="2019-07">juli 2019</time>' in html
    assert '<time class="wp-datum" datetime="2020-12-31">31 december 2020</time>' in html


def test_overview_is_in_the_navigation_and_links_its_feed(site: Path):
    html = pagina(site, "ontwikkelingen/")
    kop = html[: html.index("</head>")]
    assert '<link rel="alternate" type="application/atom+xml" title="Ontwikkelingen" href="./feed.xml">' in kop
    assert 'href="./feed.xml" type="application/atom+xml"' in inhoud(html)
    assert 'href="../ontwikkelingen/"' in pagina(site, "methodieken/")  # a nav entry


def test_record_page_shows_date_kind_and_what_it_concerns(site: Path):
    html = inhoud(pagina(site, "ontwikkelingen/stedelijk-team-huiselijk-geweld/"))
    assert titel(pagina(site, "ontwikkelingen/stedelijk-team-huiselijk-geweld/")) == "Stedelijk team Huiselijk Geweld erbij"
    assert '<time class="wp-datum" datetime="2023">2023</time>' in html
    assert "2023 (de bron noemt alleen het jaar)" in html
    assert "Organisatie</span>" in html
    gaat_over = html.split('id="gaat-over"', 1)[1].split("<h2", 1)[0]
    assert refs(gaat_over) == ["voorzieningen/team-huiselijk-geweld", "organisaties/wijkteams-enschede"]
    assert 'href="../../voorzieningen/team-huiselijk-geweld/"' in gaat_over


def test_concerned_records_list_their_ontwikkelingen_newest_first(site: Path):
    for ref in ("voorzieningen/lokale-opvolging-wvggz", "voorzieningen/meubeldepot", "werkinstructies/wams-gegevensuitwisseling"):
        verwacht = [o for o in _nieuwste_eerst() if ref in ONTWIKKELINGEN[o.split("/")[1]].get("betreft", [])]
        html = inhoud(pagina(site, f"{ref}/"))
        sectie = html.split('<h2 id="ontwikkelingen">Ontwikkelingen</h2>', 1)[1].split("<h2", 1)[0]
        assert refs(sectie) == verwacht and verwacht, ref
    assert refs(inhoud(pagina(site, "voorzieningen/lokale-opvolging-wvggz/")).split('id="ontwikkelingen"')[1]) [:2] == [
        "ontwikkelingen/wvggz-opvolging-bij-wijkteams",  # 2022
        "ontwikkelingen/wet-verplichte-ggz",  # 2020-01-01
    ]
    assert 'id="ontwikkelingen"' not in pagina(site, "voorzieningen/budgetbuddy/")


def test_ontwikkelingen_are_in_the_intern_search_index(site: Path):
    gegevens = json.loads((site / "zoeken/gegevens.json").read_text(encoding="utf-8"))
    docs = {d["url"]: d for d in gegevens["documenten"]}
    for id_ in ONTWIKKELINGEN:
        assert docs[f"ontwikkelingen/{id_}/"]["soort"] == "ontwikkelingen"
    assert "formulieren-en-administratie" in docs["ontwikkelingen/wams-in-werking/"]["themas"]
    assert 'ontwikkelingen: "Ontwikkeling"' in (site / "assets/wijkportaal/zoeken.js").read_text(encoding="utf-8")


# -- the feed --------------------------------------------------------------------------------


def test_feed_is_valid_atom_newest_first_and_its_links_resolve(site: Path):
    bestand = site / "ontwikkelingen/feed.xml"
    tekst = bestand.read_text(encoding="utf-8")
    root = ET.fromstring(tekst.encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    for verplicht in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{verplicht}") is not None, verplicht
    assert root.findtext(f"{ATOM}id").startswith("tag:")
    zelf = [l.get("href") for l in root.findall(f"{ATOM}link") if l.get("rel") == "self"]
    assert zelf == ["feed.xml"]  # no site_url in mkdocs.yml: relative links
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(ONTWIKKELINGEN)
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("tag:") for i in ids)
    updated = [dt.datetime.fromisoformat(e.findtext(f"{ATOM}updated").replace("Z", "+00:00")) for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert root.findtext(f"{ATOM}updated") == entries[0].findtext(f"{ATOM}updated")
    basis = "https://portaal.example/ontwikkelingen/feed.xml"  # wherever the feed is, links are relative to it
    verwacht = _nieuwste_eerst()
    for entry, ref in zip(entries, verwacht):
        assert entry.findtext(f"{ATOM}title") == ONTWIKKELINGEN[ref.split("/")[1]]["naam"]
        assert entry.findtext(f"{ATOM}summary")
        href = entry.find(f"{ATOM}link").get("href")
        pad = urlsplit(urljoin(basis, href)).path.lstrip("/")
        assert pad == f"{ref}/" and (site / pad / "index.html").is_file(), href
    # a feed reader reads it as Atom 1.0 too, with the dates and links
    gelezen = feedparser.parse(tekst, response_headers={"content-location": basis, "content-type": "application/atom+xml"})
    assert not gelezen.bozo, gelezen.get("bozo_exception")
    assert gelezen.version == "atom10"
    assert [e.link for e in gelezen.entries] == [f"https://portaal.example/{ref}/" for ref in verwacht]
    assert gelezen.entries[0].summary.startswith("1 juli 2024 (wet en regels): ")
    jaar = next(e for e in gelezen.entries if e.link.endswith("/stedelijk-team-huiselijk-geweld/"))
    assert jaar.summary.startswith("2023 (organisatie): ")  # only the year, as in the source


def test_feed_links_are_absolute_with_a_site_url(catalogus):
    xml = Paginamaker(catalogus, site_url="https://portaal.example/wijk", site_naam="Proef").bestanden()["ontwikkelingen/feed.xml"]
    root = ET.fromstring(xml.encode("utf-8"))
    hrefs = [l.get("href") for l in root.iter(f"{ATOM}link")]
    assert "https://portaal.example/wijk/ontwikkelingen/feed.xml" in hrefs
    assert "https://portaal.example/wijk/ontwikkelingen/wams-in-werking/" in hrefs
    assert all(h.startswith("https://portaal.example/wijk/ontwikkelingen/") for h in hrefs)
    assert root.findtext(f"{ATOM}title") == "Ontwikkelingen – Proef"


# -- recently changed records on the intern home page ---------------------------------------------


def test_home_page_lists_recently_checked_records_without_git_history(site: Path):
    html = inhoud(pagina(site, ""))
    assert "<!-- wijkportaal:recent-gewijzigd -->" not in html
    blok = html.split('<h2 id="recent-gewijzigd"', 1)[1]
    assert "laatst zijn gecontroleerd" in blok  # the build's copy of the project is no git repository
    gelijst = refs(blok)
    datums = re.findall(r'<time class="wp-datum" datetime="([\d-]+)"', blok)
    assert len(gelijst) == 10 and len(datums) == 10
    assert datums == sorted(datums, reverse=True)
    alle = {
        f"{soort}/{i}": str(r["beheer"]["laatst_gecontroleerd"])
        for soort in ("voorzieningen", "methodieken", "werkinstructies", "organisaties", "ontwikkelingen")
        for i, r in records(soort).items()
    }
    assert datums[0] == max(alle.values())
    assert all(alle[ref] == datum for ref, datum in zip(gelijst, datums))
    assert 'href="ontwikkelingen/"' in html  # the card to the overview


def _git(map_: Path, *args: str, datum: str | None = None) -> None:
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    omgeving.update(GIT_AUTHOR_NAME="Proef", GIT_AUTHOR_EMAIL="proef@example.invalid", GIT_COMMITTER_NAME="Proef",
                    GIT_COMMITTER_EMAIL="proef@example.invalid")  # fmt: skip
    if datum:
        omgeving.update(GIT_AUTHOR_DATE=f"{datum}T12:00:00+01:00", GIT_COMMITTER_DATE=f"{datum}T12:00:00+01:00")
    subprocess.run(["git", *args], cwd=map_, env=omgeving, check=True, capture_output=True)


def test_recently_changed_comes_from_git_history_when_there_is_one(tmp_path: Path, catalogus, monkeypatch):
    repo = tmp_path / "repo"
    data = repo / "data"
    for ref in ("voorzieningen/meubeldepot", "methodieken/forza", "ontwikkelingen/wams-in-werking"):
        (data / ref).parent.mkdir(parents=True, exist_ok=True)
        (data / f"{ref}.yml").write_text((PROJECT / "data" / f"{ref}.yml").read_text(encoding="utf-8"), encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "eerste", datum="2025-01-10")
    with (data / "voorzieningen/meubeldepot.yml").open("a", encoding="utf-8") as f:
        f.write("# gewijzigd\n")
    (repo / "README").write_text("buiten data/\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "tweede", datum="2025-03-02")

    assert {ref: tijd.date() for ref, tijd in laatste_commits(data).items()} == {
        "voorzieningen/meubeldepot": dt.date(2025, 3, 2),
        "methodieken/forza": dt.date(2025, 1, 10),
        "ontwikkelingen/wams-in-werking": dt.date(2025, 1, 10),
    }
    recent = recent_gewijzigd(catalogus, data)
    assert recent.bron == "git"
    assert [(r.ref, d.isoformat()) for r, d in recent.wijzigingen] == [
        ("voorzieningen/meubeldepot", "2025-03-02"),
        ("methodieken/forza", "2025-01-10"),  # same commit: by kind, then name
        ("ontwikkelingen/wams-in-werking", "2025-01-10"),
    ]
    blok = Paginamaker(catalogus).recent_gewijzigd("", data)
    assert "laatst zijn gewijzigd" in blok and "2 maart 2025" in blok
    assert refs(blok) == ["voorzieningen/meubeldepot", "methodieken/forza", "ontwikkelingen/wams-in-werking"]
    assert 'href="voorzieningen/meubeldepot/"' in blok

    # a shallow clone gives every file the date of its one commit: use the records' own dates
    kloon = tmp_path / "kloon"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(kloon))
    assert laatste_commits(kloon / "data") == {}
    assert recent_gewijzigd(catalogus, kloon / "data").bron == "controle"
    # no git at all, or no repository: the same
    assert laatste_commits(tmp_path) == {}
    monkeypatch.setenv("PATH", str(tmp_path / "leeg"))
    assert laatste_commits(data) == {}
    assert recent_gewijzigd(catalogus, data).bron == "controle"


# -- validation ------------------------------------------------------------------------------


def _meldingen(project: Path) -> list[str]:
    _, problemen = laad_catalogus(project / "data", vandaag=VANDAAG, basis=project)
    return [str(p) for p in problemen.gesorteerd()]


def test_mistakes_in_an_ontwikkeling_are_located(project_kopie: Path):
    pad = project_kopie / "data/ontwikkelingen/wams-in-werking.yml"
    origineel = pad.read_text(encoding="utf-8")
    fout = (
        origineel.replace("datum: 2024-07-01", "datum: 2024-02-30")
        .replace("  - werkinstructies/privacy-en-dossierinzage", "  - werkinstructies/privacy-en-dossierinzag")
        .replace("soort_ontwikkeling: wet-en-regels", "soort_ontwikkeling: wet\nzichtbaarheid: publiek")
    )
    pad.write_text(fout, encoding="utf-8")
    meldingen = _meldingen(project_kopie)
    regels = fout.splitlines()
    regel = lambda begin: next(i for i, r in enumerate(regels, 1) if r.startswith(begin))  # noqa: E731
    pad_ = "data/ontwikkelingen/wams-in-werking.yml"
    assert f"{pad_}:{regel('datum:')}:8: fout: 'datum': '2024-02-30' bestaat niet in de kalender; controleer dag en maand" in meldingen
    assert any(
        m.startswith(f"{pad_}:{regel('  - werkinstructies/privacy')}:5: fout: onbekende verwijzing 'werkinstructies/privacy-en-dossierinzag'")
        and "bedoelt u 'werkinstructies/privacy-en-dossierinzage'?" in m
        for m in meldingen
    ), meldingen
    assert any(m.startswith(f"{pad_}:{regel('soort_ontwikkeling:')}:21: fout: 'wet' is geen geldige waarde") for m in meldingen), meldingen
    assert f"{pad_}:{regel('zichtbaarheid:')}:16: fout: een ontwikkeling is alleen voor medewerkers (intern); haal 'zichtbaarheid: publiek' weg" in meldingen

    pad.write_text(origineel.replace("datum: 2024-07-01", "datum: 1-7-2024"), encoding="utf-8")
    assert any(m.endswith("Bedoelt u 2024-07-01?") and "'datum'" in m for m in _meldingen(project_kopie))
    pad.write_text(origineel.replace("datum: 2024-07-01\n", ""), encoding="utf-8")
    assert any("verplicht veld 'datum' ontbreekt" in m for m in _meldingen(project_kopie))


# -- the publiek edition ----------------------------------------------------------------------


def test_publiek_edition_has_no_ontwikkelingen(proef: Path):
    publiek = proef / "site-publiek"
    assert not (publiek / "ontwikkelingen").exists()
    gegevens = json.loads((publiek / "zoeken/gegevens.json").read_text(encoding="utf-8"))
    assert not [d for d in gegevens["documenten"] if d["url"].startswith("ontwikkelingen/") or d["soort"] == "ontwikkelingen"]
    html = pagina(publiek, "voorzieningen/meubeldepot/")
    assert 'id="ontwikkelingen"' not in html and "ontwikkelingen/" not in html
    assert "recent-gewijzigd" not in pagina(publiek, "")
    # the intern edition of the same copy has them
    assert 'id="ontwikkelingen"' in pagina(proef / "site", "voorzieningen/meubeldepot/")
