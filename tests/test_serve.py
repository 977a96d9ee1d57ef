"""`mkdocs serve` rebuilds when data/ changes, and keeps serving while the data has errors."""

from __future__ import annotations

import contextlib
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import BIN, haal, omgeving, vrije_poort, wacht_op

BANNER = "De gegevens bevatten fouten"






def haal_404(url: str) -> str:
    """The body of a page that is not there (MkDocs serves the site's 404.html)."""
    try:
        urllib.request.urlopen(url, timeout=5)
    except urllib.error.HTTPError as fout:
        assert fout.code == 404
        return fout.read().decode("utf-8")
    raise AssertionError(f"{url} bestaat")




@contextlib.contextmanager
def serve(project: Path):
    """Run `mkdocs serve` in the project; yields the base URL and the file with its terminal output."""
    poort = vrije_poort()
    terminal = project / "serve.log"
    with terminal.open("w", encoding="utf-8") as uit:
        proces = subprocess.Popen(
            [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{poort}"],
            cwd=project, env=omgeving(), stdout=uit, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        try:
            yield f"http://127.0.0.1:{poort}/", terminal
        finally:
            proces.terminate()
            proces.wait(timeout=10)


def test_serve_keeps_serving_with_errors_in_data_and_recovers(klein_project: Path):
    """One `mkdocs serve`, started with an error in data/: the valid part of the data with the
    errors on every page; fixed: the site without banner; broken again: the last good version
    with the errors, answering at once; fixed again: the change comes through."""
    pad = klein_project / "data/voorzieningen/meubeldepot.yml"
    goed = pad.read_text(encoding="utf-8")
    pad.write_text(goed.replace("toegang: verwijzing", "toegang: soms"), encoding="utf-8")
    with serve(klein_project) as (basis, terminal):
        url = basis + "voorzieningen/meubeldepot/"
        # 1. no good version yet: the valid part of the data, and the errors
        assert wacht_op(lambda: BANNER in (haal(basis) or ""), 60), "serve kwam niet op met fouten in data/"
        start = haal(basis)
        assert "data/voorzieningen/meubeldepot.yml:" in start and "soms" in start
        assert "zonder de foute waarden" in start
        record = haal(url)
        assert record and BANNER in record and "Gratis meubels" in record  # the rest of the record is shown
        kenmerken = record.split('<ul class="wp-kenmerken"', 1)[1].split("</ul>", 1)[0]
        assert "wp-toegang" not in kenmerken  # the wrong value is not
        assert BANNER in haal_404(basis + "bestaat-niet/")  # also on the page for a wrong address
        assert "fout:" in terminal.read_text(encoding="utf-8")

        # 2. fixed: no banner
        pad.write_text(goed, encoding="utf-8")
        assert wacht_op(lambda: BANNER not in (haal(url) or BANNER), 10)
        assert "wp-toegang--verwijzing" in haal(url).split('<ul class="wp-kenmerken"', 1)[1]
        assert BANNER not in haal(basis)

        # 3. broken after a good version: that version stays, with the located error
        regel = len(goed.splitlines()) + 1  # the duplicate key added below
        plek = f"data/voorzieningen/meubeldepot.yml:{regel}:"
        pad.write_text(goed + "naam: dubbel\n", encoding="utf-8")
        gezien: dict[str, str] = {}

        def banner_getoond() -> bool:
            begin = time.monotonic()
            html = haal(url)
            assert time.monotonic() - begin < 5, "de server hangt"
            gezien["html"] = html or ""
            return BANNER in gezien["html"]

        assert wacht_op(banner_getoond, 10), "geen foutmelding in de browser (hangt serve?)"
        html = gezien["html"]
        assert 'role="alert"' in html
        assert plek in html and "fout:" in html
        assert "Gratis meubels" in html and ">Meubeldepot<" in html  # the last good version stays
        assert "wp-toegang--verwijzing" in html.split('<ul class="wp-kenmerken"', 1)[1]
        assert BANNER in (haal(basis) or ""), "de startpagina toont de foutmelding niet"
        assert plek in terminal.read_text(encoding="utf-8"), "de terminal meldt de fout niet"

        # 4. fixed with a change: it comes through, the banner goes
        pad.write_text(goed.replace("naam: Meubeldepot", "naam: Meubeldepot Hersteld"), encoding="utf-8")
        assert wacht_op(lambda: "Meubeldepot Hersteld" in (haal(url) or ""), 10), "na herstel kwam de wijziging niet door"
        assert BANNER not in haal(url)
        assert BANNER not in haal(basis)


def test_a_rebuild_under_serve_makes_what_a_full_build_makes(tmp_path, monkeypatch, caplog):
    """herbouw: under serve a save makes anew only the record pages it touches and puts the others
    back; the site must be the same as a full build of the changed data, file for file (except the
    sitemap, which lists only the pages made). Built in-process, as `mkdocs serve` does."""
    import gc
    import logging

    import jinja2
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from conftest import VANDAAG, kopieer_klein_project

    project = kopieer_klein_project(tmp_path / "klein")
    v = project / "data/voorzieningen"
    bron = (v / "meubeldepot.yml").read_text(encoding="utf-8")
    for i in range(1, 5):  # more voorzieningen that the change does not touch
        (v / f"meubeldepot-{i}.yml").write_text(bron.replace("naam: Meubeldepot", f"naam: Meubeldepot {i}"), encoding="utf-8")
    monkeypatch.chdir(project)
    monkeypatch.setenv("WIJKPORTAAL_VANDAAG", VANDAAG)
    monkeypatch.setenv("WIJKPORTAAL_PARALLEL", "0")
    adres = "http://127.0.0.1:8000/"

    def bouw(map_: str, commando: str, plugins=None):
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / map_))
        config.site_url = adres
        if plugins is None:
            config.plugins.on_startup(command=commando, dirty=False)
        build(config, serve_url=adres if commando == "serve" else None)
        return config.plugins

    caplog.set_level(logging.INFO, logger="mkdocs.plugins.wijkportaal")
    plugins = bouw("serve", "serve")
    gecompileerd = []  # the theme's templates: compiled for the first build only (herbouw.Sjablooncode)
    compileer = jinja2.Environment.compile

    def tel(self, source, name=None, filename=None, *args, **kwargs):
        gecompileerd.append(name)
        return compileer(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", tel)
    # a hand-written page links to a record page that is put back as it was: the link still works
    (project / "docs/over.md").write_text(
        (project / "docs/over.md").read_text(encoding="utf-8") + "\nZie [Meubeldepot 3](voorzieningen/meubeldepot-3.md).\n",
        encoding="utf-8",
    )
    (v / "meubeldepot-2.yml").write_text(bron.replace("naam: Meubeldepot", "naam: Meubeldepot Twee Gewijzigd"), encoding="utf-8")
    bouw("serve", "serve", plugins)  # the server reloads the configuration; the plugin instance stays
    assert [n for n in gecompileerd if n and n.endswith(".html")] == []
    assert gc.isenabled()  # off during the rebuild only (herbouw.begin / klaar)
    assert "Voorvertoning: 2 recordpagina's opnieuw gemaakt" in caplog.text  # the changed one and its organisation
    # what was put back (a hard link to the kept copy) rather than made: record pages and thema pages
    gelinkt = {p.relative_to(project / "serve").parts[0] for p in (project / "serve").rglob("index.html") if p.stat().st_nlink > 1}
    assert {"voorzieningen", "themas", "doelgroepen"} <= gelinkt, gelinkt
    # a second save of the same record: its page is now in place as a link to its kept copy, and is made again
    (v / "meubeldepot-2.yml").write_text(bron.replace("naam: Meubeldepot", "naam: Meubeldepot Twee Nogmaals"), encoding="utf-8")
    bouw("serve", "serve", plugins)
    bewaard = plugins["wijkportaal"].herbouw.map
    kopieen = {p.relative_to(bewaard): p for p in bewaard.rglob("*.md")}
    assert len(kopieen) > 20
    for bron_pad, kopie in kopieen.items():  # every kept page is what the site serves at its URL
        url = bron_pad.as_posix().removesuffix("index.md").removesuffix(".md").rstrip("/")
        pagina = project / "serve" / url / "index.html"
        assert kopie.read_bytes() == pagina.read_bytes(), url
    bouw("vol", "build")
    plugins.on_shutdown()

    def html(map_: str) -> dict:
        return {p.relative_to(project / map_): p.read_bytes() for p in (project / map_).rglob("*") if p.is_file() and "sitemap" not in p.name}

    serve, vol = html("serve"), html("vol")
    assert serve.keys() == vol.keys()
    assert [str(p) for p in serve if serve[p] != vol[p]] == []
    assert b"Meubeldepot Twee Nogmaals" in serve[Path("voorzieningen/meubeldepot-2/index.html")]
    assert b'href="../voorzieningen/meubeldepot-3/"' in serve[Path("over/index.html")]


def test_under_serve_a_save_is_noticed_without_polling(tmp_path, caplog):
    """waarnemer: the plugin moves MkDocs' watches from polling to inotify (Linux); a saved file
    asks the server for a rebuild at once; a file that is only read (as the build reads every
    record) does not, and neither does a file beside mkdocs.yml (a log: a rebuild writes to it)."""
    import logging

    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers.inotify import InotifyObserver

    from wijkportaal_mkdocs.plugin import WijkportaalPlugin

    data, config = tmp_path / "data", tmp_path / "mkdocs.yml"
    (data / "voorzieningen").mkdir(parents=True)
    config.write_text("site_name: Fictief\n", encoding="utf-8")
    gelezen, bewaard = data / "voorzieningen/gelezen.yml", data / "voorzieningen/nieuw.yml"
    gelezen.write_text("naam: Fictief gelezen\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=vrije_poort(), root=str(tmp_path / "site"))
    server.watch(str(config))  # as MkDocs does, before on_serve
    plugin = WijkportaalPlugin()
    plugin.data_map = data
    assert plugin.on_serve(server, config=None, builder=server.builder) is server
    assert isinstance(server.observer, InotifyObserver)
    assert set(server._watch_refs) == {str(config), str(data)}
    caplog.set_level(logging.DEBUG, logger="mkdocs.livereload")  # MkDocs logs every event it is given
    server.observer.start()
    try:
        # inotify reports in order: what the read and the log write caused comes before the save's events
        assert gelezen.read_text(encoding="utf-8")
        (tmp_path / "serve.log").write_text("INFO - Building documentation...\n", encoding="utf-8")
        bewaard.write_text("naam: Fictief\n", encoding="utf-8")
        with server._rebuild_cond:
            assert server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=5)
        config.write_text("site_name: Fictief gewijzigd\n", encoding="utf-8")

        def gebeurtenissen() -> list[str]:
            return [r.getMessage() for r in caplog.records if r.name == "mkdocs.livereload"]

        # (the save's events may still be arriving: wait for the configuration's own)
        assert wacht_op(lambda: any("mkdocs.yml" in g for g in gebeurtenissen()), 5), gebeurtenissen()
    finally:
        server.observer.stop()
        server.observer.join()
    assert any("nieuw.yml" in g for g in gebeurtenissen())
    assert not [g for g in gebeurtenissen() if "gelezen.yml" in g or "serve.log" in g]
