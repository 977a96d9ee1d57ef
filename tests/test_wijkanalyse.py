"""/wijkanalyse/: wijken by hoofdthema, checked against the finder's own data and the record files."""

from __future__ import annotations

import datetime as dt
import html as _html
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from conftest import VANDAAG, inhoud, kopieer_project, pagina, records, wijzig

from wijkportaal.catalogus import laad_catalogus
from wijkportaal.paginas.basis import Weergave
from wijkportaal.paginas.wijkanalyse import wijkanalysepagina


def cellen(html: str) -> list[dict]:
    """Every cell of the matrix body: its wijk, thema, numbers and link."""
    uit = []
    for wijk, rij in re.findall(r'<tr data-wijk="([^"]+)">(.*?)</tr>', html, re.S):
        for attrs, binnen in re.findall(r'<td class="wp-cel[^"]*"([^>]*)>(.*?)</td>', rij, re.S):
            velden = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', attrs))
            href = re.search(r'<a href="([^"]+)"', binnen)
            uit.append({"wijk": wijk, **velden, "href": _html.unescape(href.group(1)) if href else None, "html": binnen})
    return uit


def test_every_cell_counts_what_the_finder_shows(site: Path):
    html = inhoud(pagina(site, "wijkanalyse/"))
    gegevens = json.loads((site / "zoeken/gegevens.json").read_text(encoding="utf-8"))
    voorzieningen = gegevens["voorzieningen"].values()
    hoofdthemas = [t[0] for t in gegevens["filters"]["thema"] if t[2] is None]
    wijken = [w[0] for w in gegevens["filters"]["wijk"]]
    gevonden = [c for c in cellen(html) if "thema" in c and c["wijk"] != "stedelijk"]
    assert len(gevonden) == len(wijken) * len(hoofdthemas) == 10 * 7
    for cel in gevonden:
        hier = [v for v in voorzieningen if not v["stedelijk"] and cel["wijk"] in v["wijken"] and cel["thema"] in v["themas"]]
        stedelijk = [v for v in voorzieningen if v["stedelijk"] and cel["thema"] in v["themas"]]
        assert int(cel["aantal"]) == len(hier), cel
        assert int(cel["zonder-indicatie"]) == sum(v["toegang"] != "indicatie" for v in hier), cel
        assert int(cel["in-zoeker"]) == len(hier) + len(stedelijk), cel
        link = urlsplit(cel["href"])
        assert link.path == "../zoeken/" and parse_qs(link.query) == {"wijk": [cel["wijk"]], "thema": [cel["thema"]]}
    stedelijk_rij = [c for c in cellen(html) if c["wijk"] == "stedelijk" and "thema" in c]
    for cel in stedelijk_rij:
        assert int(cel["aantal"]) == sum(v["stedelijk"] and cel["thema"] in v["themas"] for v in voorzieningen)


def test_share_overdue_per_wijk_matches_the_record_dates(site: Path):
    html = inhoud(pagina(site, "wijkanalyse/"))
    gegevens = json.loads((site / "zoeken/gegevens.json").read_text(encoding="utf-8"))
    ruw = records("voorzieningen")
    vandaag = dt.date.fromisoformat(VANDAAG)

    def te_laat(url: str) -> bool:
        datum = ruw[url.split("/")[1]]["beheer"]["laatst_gecontroleerd"]
        return (vandaag - datum).days > 365

    for cel in [c for c in cellen(html) if "te-laat" in c and c["wijk"] != "stedelijk"]:
        hier = [u for u, v in gegevens["voorzieningen"].items() if not v["stedelijk"] and cel["wijk"] in v["wijken"]]
        assert int(cel["totaal"]) == len(hier)
        assert int(cel["te-laat"]) == sum(te_laat(u) for u in hier)
        if hier:
            assert f"{round(100 * int(cel['te-laat']) / len(hier))}%" in cel["html"]


def test_a_gap_is_marked_in_words_not_only_colour(tmp_path: Path):
    """Without its wijkteam's 'wonen', Enschede-Noord has nothing for wonen in the wijk itself."""
    project = kopieer_project(tmp_path / "p")
    noord = project / "data/voorzieningen/wijkteam-noord.yml"
    wijzig(noord, themas=["welzijn-en-gezondheid"])
    cat, problemen = laad_catalogus(project / "data", vandaag=dt.date.fromisoformat(VANDAAG))
    assert not problemen.fouten
    html = wijkanalysepagina(Weergave(cat)).html
    gaten = [c for c in cellen(html) if c.get("aantal") == "0" and "thema" in c and c["wijk"] != "stedelijk"]
    assert gaten, "geen gat gevonden"
    for cel in gaten:
        assert re.search(r'<td class="wp-cel wp-cel--gat" data-thema="' + cel["thema"], html)
        assert ">geen</a>" in cel["html"]
    noord_wonen = [c for c in gaten if c["thema"] == "wonen"]
    assert noord_wonen, [c["wijk"] for c in gaten]


def test_only_in_the_intern_edition(proef: Path):
    assert (proef / "site/wijkanalyse/index.html").is_file()
    assert not (proef / "site-publiek/wijkanalyse").exists()
    assert "wijkanalyse/" not in pagina(proef / "site-publiek", "")


def test_the_page_is_in_the_intern_search_index_only(proef: Path):
    intern = json.loads((proef / "site/zoeken/gegevens.json").read_text(encoding="utf-8"))
    publiek = json.loads((proef / "site-publiek/zoeken/gegevens.json").read_text(encoding="utf-8"))
    assert [d["naam"] for d in intern["documenten"] if d["url"] == "wijkanalyse/"] == ["Wijkanalyse"]
    assert not [d for d in publiek["documenten"] if d["url"] == "wijkanalyse/"]
