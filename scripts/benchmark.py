"""Benchmark (issue #15): how fast and how big the site is with many fictional records.

    .venv/bin/python scripts/benchmark.py [--schaal 1] [--json benchmark.json]

One run, in a temporary copy of the project with fictional data (scripts/fictief.py; never
data/): at scale 1, 5,000 voorzieningen, 500 methodieken, 1,000 werkinstructies and 150
organisaties, and the same at a tenth of the scale. It measures

- ``wijkportaal validate data`` (time, peak memory);
- ``mkdocs build --strict`` of both editions (time, peak memory = max RSS of the build
  process, output bytes), and of a plain Material for MkDocs project with one simple page
  per record, out of the navigation (the baseline our plugin sits on), side by side;
- output bytes per record at both scales;
- under ``mkdocs serve``: from saving one voorziening to its page, its wijk page and
  /voorzieningen/ showing the change (five records);
- the finder: index sizes and, in headless Chromium, load and query times; page sizes;

then prints a Dutch table with the five targets of the issue and writes everything as JSON.
Takes several minutes at scale 1 on a 2-core machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import importlib.metadata
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

LADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: reading 6,651 files is 5x faster

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fictief  # noqa: E402  (the generator beside this script)

PROJECT = fictief.PROJECT
BIN = Path(sys.executable).parent
VANDAAG = "2026-11-23"  # fixed "today", as in the tests: the same data gives the same site

# The targets of issue #15.
DOEL_VERHOUDING = 1.5  # intern build / plain Material build
DOEL_GROEI = 0.15  # bytes per record at scale 1 vs at a tenth
DOEL_GEHEUGEN_MB = 1500  # peak memory of a full build (1.5 GB)
DOEL_VALIDATIE_S = 5.0
DOEL_SERVE_S = 3.0


def omgeving() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", WIJKPORTAAL_VANDAAG=VANDAAG, PYTHONUTF8="1")
    env.pop("WIJKPORTAAL_REPOSITORY", None)  # no edit links: the same output wherever it runs
    return env


def stap(tekst: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {tekst}", flush=True)


# -- numbers in Dutch -------------------------------------------------------------------------


def getal(x: float | None, decimalen: int = 1) -> str:
    if x is None:
        return "-"
    tekst = f"{x:,.{decimalen}f}"
    return tekst.replace(",", " ").replace(".", ",").replace(" ", ".")


def mb(n_bytes: float) -> str:
    return f"{getal(n_bytes / 1e6, 1)} MB"


def kb(n_bytes: float) -> str:
    """kB, or MB from 10 MB on."""
    return mb(n_bytes) if n_bytes >= 1e7 else f"{getal(n_bytes / 1e3, 1)} kB"


def seconden(x: float | None, timeout: float) -> str:
    return f"{getal(x)} s" if x is not None else f"> {getal(timeout, 0)} s"


def tabel(kop: list[str], rijen: list[list[str]]) -> str:
    breedte = [max(len(r[i]) for r in [kop, *rijen]) for i in range(len(kop))]
    regel = lambda r: " | ".join(c.ljust(b) for c, b in zip(r, breedte)).rstrip()  # noqa: E731
    return "\n".join([regel(kop), "-+-".join("-" * b for b in breedte), *map(regel, rijen)])


# -- processes --------------------------------------------------------------------------------


@dataclass
class Proces:
    duur_s: float
    # max RSS (ru_maxrss from wait4) of the process, or of a child it forked if that one was
    # larger: the kernel reports the largest single process, not the sum
    piek_mb: float
    # the build may fork a worker (wijkportaal.parallel): the summed PSS (shared pages counted
    # once) of the process and its children, sampled every 0.5 s; None without /proc
    piek_samen_mb: float | None
    code: int
    log: str  # path of its output

    @property
    def piek_hoogste_mb(self) -> float:
        return max(self.piek_mb, self.piek_samen_mb or 0)


class Geheugenmeter(threading.Thread):
    """Samples the summed PSS of a process and all its descendants, and keeps the highest sum."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.piek, self.klaar = pid, 0, threading.Event()
        self.werkt = Path(f"/proc/{pid}/smaps_rollup").exists()

    def run(self) -> None:
        while self.werkt and not self.klaar.wait(0.5):  # reading smaps costs the measured process time: not too often
            self.piek = max(self.piek, self.som())

    def stop(self) -> float | None:
        self.klaar.set()
        self.join()
        return self.piek / 1e6 if self.werkt else None

    def som(self) -> int:
        kinderen: dict[int, list[int]] = {}
        for naam in os.listdir("/proc"):
            if naam.isdigit():
                try:
                    stat = Path(f"/proc/{naam}/stat").read_text()
                except OSError:
                    continue
                kinderen.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(naam))  # by parent pid
        boom, i = [self.pid], 0
        while i < len(boom):
            boom += kinderen.get(boom[i], [])
            i += 1
        totaal = 0
        for pid in boom:
            try:
                for regel in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if regel.startswith("Pss:"):
                        totaal += int(regel.split()[1]) * 1024
                        break
            except OSError:
                pass
        return totaal


def draai(opdracht: list, cwd: Path, log: Path) -> Proces:
    """Run a command; its time and peak memory (max RSS from wait4's rusage of that child, and the
    sampled sum over the process and the workers it forks)."""
    with log.open("w", encoding="utf-8") as uit:
        begin = time.perf_counter()
        proces = subprocess.Popen([str(a) for a in opdracht], cwd=cwd, env=omgeving(), stdout=uit, stderr=subprocess.STDOUT)
        meter = Geheugenmeter(proces.pid)
        meter.start()
        _, status, gebruik = os.wait4(proces.pid, 0)
        duur = time.perf_counter() - begin
        samen = meter.stop()
    proces.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    return Proces(duur, gebruik.ru_maxrss * 1024 / 1e6, samen, proces.returncode, str(log))


def als_dict(proces: Proces) -> dict:
    return {**asdict(proces), "piek_hoogste_mb": proces.piek_hoogste_mb}


def moet_lukken(naam: str, proces: Proces) -> Proces:
    if proces.code != 0:
        regels = Path(proces.log).read_text(encoding="utf-8").splitlines()
        print(f"\nfout: {naam} mislukte (exitcode {proces.code}); laatste regels van {proces.log}:", file=sys.stderr)
        print("\n".join(regels[-30:]), file=sys.stderr)
        raise SystemExit(1)
    return proces


def grootte(map_: Path) -> int:
    return sum(p.stat().st_size for p in map_.rglob("*") if p.is_file())


def per_map(site: Path) -> dict[str, int]:
    """Bytes per top-level folder of the site (files at the top as "/"), largest first."""
    uit: dict[str, int] = {}
    for p in site.rglob("*"):
        if p.is_file():
            deel = p.relative_to(site).parts
            sleutel = deel[0] + "/" if len(deel) > 1 else "/"
            uit[sleutel] = uit.get(sleutel, 0) + p.stat().st_size
    return dict(sorted(uit.items(), key=lambda kv: -kv[1]))


# -- the baseline: plain Material for MkDocs ----------------------------------------------------


def maak_basislijn(doel: Path, data: Path) -> int:
    """A plain Material project (language nl, default plugins, so Material's search) with one simple
    page per record (title, samenvatting, beschrijving), none of them in the navigation."""
    docs = doel / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text(
        "# Basislijn\n\nEen gewoon Material for MkDocs-project met één eenvoudige pagina per record.\n", encoding="utf-8"
    )
    aantal = 0
    for soort in fictief.AANTALLEN:
        (docs / soort).mkdir()
        for pad in sorted((data / soort).glob("*.yml")):
            record = yaml.load(pad.read_text(encoding="utf-8"), Loader=LADER)
            tekst = f"# {record['naam']}\n\n{record['samenvatting']}\n\n{record.get('beschrijving', '')}\n"
            (docs / soort / f"{pad.stem}.md").write_text(tekst, encoding="utf-8")
            aantal += 1
    (doel / "mkdocs.yml").write_text(
        "site_name: Basislijn\ntheme:\n  name: material\n  language: nl\nnav:\n  - index.md\n", encoding="utf-8"
    )
    return aantal


# -- mkdocs serve: from saving a record to the page being served ---------------------------------


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def haal(url: str, timeout: float) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=max(timeout, 0.1)) as antwoord:
            return antwoord.read().decode("utf-8")
    except OSError:
        return None


def wacht_op_tekst(url: str, tekst: str, begin: float, timeout: float) -> float | None:
    """Seconds from ``begin`` until ``url`` contains ``tekst``, polling every 50 ms; None after ``timeout``.
    (MkDocs' server holds a request while it rebuilds, so a poll may take as long as the build.)"""
    einde = begin + timeout
    while (nu := time.monotonic()) < einde:
        html = haal(url, einde - nu)
        if html is not None and tekst in html:
            return time.monotonic() - begin
        time.sleep(0.05)
    return None


def meet_serve(project: Path, gegenereerd: fictief.Gegenereerd, timeout: float, pauze: float) -> dict:
    """Start ``mkdocs serve`` (livereload on, as by default), then for five voorzieningen change
    naam and samenvatting in the file and time until the record page, its wijk page and the
    A-Z list /voorzieningen/ serve the new naam. Before each save the server gets ``pauze``
    seconds, as between two saves of someone editing: what a save leaves to do after its page
    is served (the search index and open data in a second process, Python's garbage collection)
    is then done."""
    from wijkportaal.gebieden import laad_gebieden
    from wijkportaal.problemen import Problemen

    gebieden = laad_gebieden(gegenereerd.data / "gebieden", Problemen())
    poort = vrije_poort()
    basis = f"http://127.0.0.1:{poort}/"
    log = project / "serve.log"
    uitslag: dict = {"timeout_s": timeout, "pauze_s": pauze, "metingen": []}
    with log.open("w", encoding="utf-8") as uit:
        begin = time.monotonic()
        proces = subprocess.Popen(
            [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{poort}"],
            cwd=project, env=omgeving(), stdout=uit, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            while haal(basis, 5) is None:
                if proces.poll() is not None or time.monotonic() - begin > 900:
                    raise SystemExit(f"fout: mkdocs serve kwam niet op; zie {log}")
                time.sleep(0.2)
            uitslag["opstart_s"] = time.monotonic() - begin
            stap(f"  serve draait na {getal(uitslag['opstart_s'])} s")
            for k, (id_, wijkcode) in enumerate(gegenereerd.te_wijzigen, start=1):
                time.sleep(pauze)
                pad = gegenereerd.data / "voorzieningen" / f"{id_}.yml"
                data = yaml.load(pad.read_text(encoding="utf-8"), Loader=LADER)
                naam = f"Fictieve gewijzigde voorziening {k} {id_[-5:]}"
                data["naam"] = naam
                data["samenvatting"] = f"Fictief, gewijzigd in meting {k}. " + data["samenvatting"][:200]
                fictief.schrijf(pad, "voorziening", data)
                bewaard = time.monotonic()
                wijk = f"wijken/{gebieden.wijken[wijkcode].slug}/"
                meting = {"record": f"voorzieningen/{id_}/", "wijkpagina": wijk}
                meting["pagina_s"] = wacht_op_tekst(f"{basis}voorzieningen/{id_}/", naam, bewaard, timeout)
                meting["wijkpagina_s"] = wacht_op_tekst(basis + wijk, naam, bewaard, timeout)
                meting["voorzieningen_s"] = wacht_op_tekst(f"{basis}voorzieningen/", naam, bewaard, timeout)
                uitslag["metingen"].append(meting)
                stap(f"  wijziging {k}: pagina na {seconden(meting['pagina_s'], timeout)}, wijkpagina na "
                     f"{seconden(meting['wijkpagina_s'], timeout)}, /voorzieningen/ na {seconden(meting['voorzieningen_s'], timeout)}")  # fmt: skip
                if None in (meting["pagina_s"], meting["wijkpagina_s"], meting["voorzieningen_s"]):
                    # not within the timeout: let that rebuild finish first, so the next change starts from a quiet server
                    klaar = wacht_op_tekst(f"{basis}voorzieningen/", naam, bewaard, 900)
                    meting["klaar_na_s"] = klaar
                    stap(f"  (wijziging {k} was pas na {seconden(klaar, 900)} overal te zien)")
        finally:
            proces.send_signal(signal.SIGINT)  # as Ctrl+C: MkDocs stops the server and cleans up
            try:
                proces.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proces.terminate()
                proces.wait(timeout=10)
    uitslag["gestopt_met_code"] = proces.returncode
    # MkDocs' own figure for each build under serve (the first one and one per change)
    uitslag["bouwtijden_s"] = [float(x) for x in re.findall(r"Documentation built in ([0-9.]+) seconds", log.read_text(encoding="utf-8"))]
    return uitslag


# -- the finder in Chromium ------------------------------------------------------------------------


def meet_zoeken_in_browser(site: Path) -> dict:
    """In headless Chromium: time from page load to a usable finder, and per keystroke
    or filter change the time the finder takes to answer (performance.now in the page)."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Stil(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Stil, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    adres = f"http://127.0.0.1:{server.server_address[1]}"
    rnd = random.Random(7)
    woorden, gewichten = fictief.woordenschat()
    zinvol = [w for w in woorden if len(w) >= 4]
    vragen = [" ".join(rnd.sample(zinvol, rnd.choice((1, 1, 2, 3)))) for _ in range(25)]
    toetsen = [v[:i] for v in vragen for i in range(1, len(v) + 1)]
    toetsen = [toetsen[i] for i in sorted(rnd.sample(range(len(toetsen)), 80))]  # 80 keystrokes
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium") or "chromium",
                args=["--disable-background-networking", "--disable-component-update", "--no-first-run"],
            )
            pagina = browser.new_page(viewport={"width": 1280, "height": 900})
            pagina.route("**/*", lambda r: r.continue_() if r.request.url.startswith(adres) else r.abort())
            pagina.goto(f"{adres}/zoeken/")
            pagina.wait_for_selector("#wp-zoeker.wp-zoeker--klaar", timeout=60000)
            bruikbaar = pagina.evaluate("performance.now()")
            pagina.wait_for_selector("#wp-zoeker[data-tekstindex]", timeout=60000)
            met_tekst = pagina.evaluate("performance.now()")
            tijden = pagina.evaluate(
                """(toetsen) => {
                  const invoer = document.getElementById("wp-zoek-q");
                  const selecties = [...document.querySelectorAll("#wp-zoeker select")];
                  const uit = [];
                  toetsen.forEach((tekst, i) => {
                    let t0 = performance.now();
                    invoer.value = tekst;
                    invoer.dispatchEvent(new Event("input", { bubbles: true }));
                    uit.push(performance.now() - t0);
                    if (i % 4 === 0) {  // and a filter change now and then: 20 of them
                      const s = selecties[i % selecties.length];
                      s.selectedIndex = (s.selectedIndex + 1) % s.options.length;
                      t0 = performance.now();
                      s.dispatchEvent(new Event("change", { bubbles: true }));
                      uit.push(performance.now() - t0);
                    }
                  });
                  return uit;
                }""",
                toetsen,
            )
            browser.close()
    finally:
        server.shutdown()
    tijden.sort()
    return {
        "bruikbaar_ms": bruikbaar,
        "met_lopende_tekst_ms": met_tekst,
        "aantal": len(tijden),
        "mediaan_ms": statistics.median(tijden),
        "p95_ms": tijden[int(len(tijden) * 0.95) - 1],
        "langste_ms": tijden[-1],
    }


# -- sizes -------------------------------------------------------------------------------------------


def paginagroottes(site: Path, gegenereerd: fictief.Gegenereerd) -> dict:
    uit: dict = {}
    kaart = site / "kaart" / "index.html"
    if kaart.exists():
        html = kaart.read_text(encoding="utf-8")
        uit["kaart_bytes"] = len(html.encode())
        if 'id="kaartdata-overzicht">' in html:
            begin = html.index('id="kaartdata-overzicht">')
            data = html[begin : html.index("</script>", begin)]
            uit["kaart_markers"] = data.count("],[") + 1
    wijken = sorted(((p.stat().st_size, p.parent.name) for p in (site / "wijken").glob("*/index.html")), reverse=True)
    if wijken:
        uit["wijkpagina_grootste"] = {"bytes": wijken[0][0], "pagina": f"wijken/{wijken[0][1]}/"}
        uit["wijkpagina_mediaan_bytes"] = statistics.median(b for b, _ in wijken)
    records = [p.stat().st_size for p in (site / "voorzieningen").glob("fictieve-voorziening-*/index.html")]
    if records:
        uit["voorziening_mediaan_bytes"] = statistics.median(records)
        uit["voorziening_grootste_bytes"] = max(records)
    lijst = site / "voorzieningen" / "index.html"
    if lijst.exists():
        uit["voorzieningen_az_bytes"] = lijst.stat().st_size
    uit["zoeken"] = {
        p.name: {"bytes": p.stat().st_size, "gzip_bytes": len(gzip.compress(p.read_bytes(), 6))}
        for p in sorted((site / "zoeken").glob("*.json"))
    }
    return uit


# -- the run -------------------------------------------------------------------------------------------


def bouw(project: Path, editie: str, logmap: Path) -> Proces:
    config = "mkdocs.yml" if editie == "intern" else "mkdocs.publiek.yml"
    return moet_lukken(
        f"mkdocs build ({editie})",
        draai([BIN / "mkdocs", "build", "--strict", "-f", config], project, logmap / f"bouw-{project.name}-{editie}.log"),
    )


def machine() -> dict:
    def versie(pakket: str) -> str:
        try:
            return importlib.metadata.version(pakket)
        except importlib.metadata.PackageNotFoundError:
            return "?"

    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=PROJECT, capture_output=True, text=True).stdout.strip()
    return {
        "kernen": os.cpu_count(),
        "systeem": platform.platform(),
        "python": platform.python_version(),
        "mkdocs": versie("mkdocs"),
        "mkdocs-material": versie("mkdocs-material"),
        "project_commit": commit,
        "belasting_bij_start": os.getloadavg(),
        "begonnen": dt.datetime.now().isoformat(timespec="seconds"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="Meet de snelheid van het wijkportaal met fictieve gegevens (issue #15).")
    parser.add_argument("--schaal", type=float, default=1.0,
                        help="1 = 5000 voorzieningen, 500 methodieken, 1000 werkinstructies, 150 organisaties; "
                        "daarnaast altijd een tiende daarvan (voor de bytes per record)")  # fmt: skip
    parser.add_argument("--json", type=Path, default=Path("benchmark.json"), help="waar de uitkomsten komen (JSON)")
    parser.add_argument("--serve-timeout", type=float, default=120, help="seconden wachten op een wijziging onder serve")
    parser.add_argument("--serve-pauze", type=float, default=5,
                        help="seconden rust voor elke wijziging onder serve, zoals tussen twee keer opslaan")
    parser.add_argument("--zonder-serve", action="store_true", help="de meting onder mkdocs serve overslaan")
    parser.add_argument("--zonder-browser", action="store_true", help="de zoekmeting in Chromium overslaan")
    parser.add_argument("--alleen-serve", action="store_true",
                        help="alleen de meting onder mkdocs serve (de grote gegevens, geen bouw, geen basislijn)")
    parser.add_argument("--bewaar", action="store_true", help="de tijdelijke map niet opruimen (het pad wordt getoond)")
    args = parser.parse_args()
    if args.schaal <= 0:
        parser.error("--schaal moet groter dan 0 zijn")

    uitslag: dict = {"machine": machine(), "schaal": args.schaal}
    tmp = Path(tempfile.mkdtemp(prefix="wijkportaal-benchmark-"))
    try:
        logmap = tmp / "logs"
        logmap.mkdir()
        stap(f"Fictieve gegevens schrijven in {tmp} (schaal {getal(args.schaal, 2)} en {getal(args.schaal / 10, 3)})")
        begin = time.perf_counter()
        groot = fictief.maak_project(tmp / "groot", args.schaal)
        if args.alleen_serve:
            stap(f"mkdocs serve: vijf voorzieningen wijzigen (wachten tot {getal(args.serve_timeout, 0)} s per wijziging)")
            uitslag["serve"] = meet_serve(groot.project, groot, args.serve_timeout, args.serve_pauze)
            print()
            print(verslag_serve(uitslag["serve"]))
            args.json.write_text(json.dumps(uitslag, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            return 0
        klein = fictief.maak_project(tmp / "klein", args.schaal / 10)
        uitslag["genereren_s"] = time.perf_counter() - begin
        uitslag["gegevens"] = {
            naam: {"schaal": g.schaal, "aantallen": g.aantallen, "records": g.records,
                   "records_intern": g.records_intern, "records_publiek": g.records_publiek}
            for naam, g in (("groot", groot), ("klein", klein))
        }  # fmt: skip
        stap("Gegevens: " + ", ".join(f"{n} {s}" for s, n in groot.aantallen.items()) + f" ({groot.records} records)")

        stap("wijkportaal validate data")
        validatie = moet_lukken("wijkportaal validate", draai([BIN / "wijkportaal", "validate", "data"], groot.project, logmap / "validate.log"))
        laatste = Path(validatie.log).read_text(encoding="utf-8").strip().splitlines()[-1]
        uitslag["validatie"] = {**als_dict(validatie), "uitvoer": laatste}
        stap(f"  {getal(validatie.duur_s, 2)} s: {laatste}")

        bouwen: dict = {}
        for naam, g in (("groot", groot), ("klein", klein)):
            for editie in ("intern", "publiek"):
                stap(f"mkdocs build --strict, {editie}, {g.aantallen['voorzieningen']} voorzieningen")
                proces = bouw(g.project, editie, logmap)
                site = g.project / ("site" if editie == "intern" else "site-publiek")
                records = g.records_intern if editie == "intern" else g.records_publiek
                bytes_ = grootte(site)
                bouwen[f"{naam}-{editie}"] = {
                    **als_dict(proces), "site_bytes": bytes_, "bestanden": sum(1 for p in site.rglob("*") if p.is_file()),
                    "records": records, "bytes_per_record": bytes_ / records, "bytes_per_map": per_map(site),
                }  # fmt: skip
                stap(f"  {getal(proces.duur_s)} s, piek {geheugen(als_dict(proces))}, {mb(bytes_)} ({kb(bytes_ / records)} per record)")
        stap(f"Basislijn: gewoon Material for MkDocs met {groot.records} eenvoudige pagina's buiten de navigatie")
        basis = tmp / "basislijn"
        paginas = maak_basislijn(basis, groot.data)
        proces = moet_lukken("mkdocs build (basislijn)", draai([BIN / "mkdocs", "build", "--strict"], basis, logmap / "bouw-basislijn.log"))
        bytes_ = grootte(basis / "site")
        bouwen["basislijn"] = {**als_dict(proces), "site_bytes": bytes_, "records": paginas, "bytes_per_record": bytes_ / paginas}
        stap(f"  {getal(proces.duur_s)} s, piek {geheugen(als_dict(proces))}, {mb(bytes_)}")
        uitslag["bouw"] = bouwen

        uitslag["paginas"] = paginagroottes(groot.project / "site", groot)
        if not args.zonder_browser:
            stap("Zoeken in Chromium (interne editie)")
            uitslag["zoeken_in_browser"] = meet_zoeken_in_browser(groot.project / "site")
        if not args.zonder_serve:
            stap(f"mkdocs serve: vijf voorzieningen wijzigen (wachten tot {getal(args.serve_timeout, 0)} s per wijziging)")
            uitslag["serve"] = meet_serve(groot.project, groot, args.serve_timeout, args.serve_pauze)
        uitslag["machine"]["belasting_bij_einde"] = os.getloadavg()
        uitslag["duur_s"] = time.perf_counter() - begin
        uitslag["doelen"] = doelen(uitslag)
        print()
        print(verslag(uitslag))
    finally:
        if args.bewaar:
            print(f"\nDe tijdelijke map blijft staan: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    args.json.write_text(json.dumps(uitslag, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nAlle uitkomsten (JSON): {args.json.resolve()}")
    return 0


# -- the report ----------------------------------------------------------------------------------------


def geheugen(x: dict) -> str:
    """Peak memory: the largest process, and the sampled sum with its workers when that is more."""
    tekst = f"{getal(x['piek_mb'], 0)} MB"
    if x.get("piek_samen_mb") and x["piek_samen_mb"] > x["piek_mb"] * 1.02:
        tekst += f" (met werkproces samen {getal(x['piek_samen_mb'], 0)} MB)"
    return tekst


def doelen(u: dict) -> list[dict]:
    b = u["bouw"]
    uit = []
    verhouding = b["groot-intern"]["duur_s"] / b["basislijn"]["duur_s"]
    uit.append({
        "doel": f"volledige bouw intern <= {getal(DOEL_VERHOUDING)} x gewoon Material",
        "gemeten": f"{getal(verhouding, 2)} x ({getal(b['groot-intern']['duur_s'])} s tegen {getal(b['basislijn']['duur_s'])} s)",
        "gehaald": verhouding <= DOEL_VERHOUDING, "waarde": verhouding,
    })  # fmt: skip
    groei = {e: b[f"groot-{e}"]["bytes_per_record"] / b[f"klein-{e}"]["bytes_per_record"] - 1 for e in ("intern", "publiek")}
    uit.append({
        "doel": f"bytes per record bij {u['gegevens']['groot']['aantallen']['voorzieningen']} binnen "
                f"{getal(DOEL_GROEI * 100, 0)}% van bij {u['gegevens']['klein']['aantallen']['voorzieningen']}",
        "gemeten": "; ".join(
            f"{e} {kb(b[f'groot-{e}']['bytes_per_record'])} tegen {kb(b[f'klein-{e}']['bytes_per_record'])} "
            f"({'+' if groei[e] >= 0 else ''}{getal(groei[e] * 100, 0)}%)" for e in groei
        ),
        "gehaald": all(abs(g) <= DOEL_GROEI for g in groei.values()), "waarde": groei,
    })  # fmt: skip
    piek = max(b["groot-intern"]["piek_hoogste_mb"], b["groot-publiek"]["piek_hoogste_mb"])
    uit.append({
        "doel": f"piekgeheugen volledige bouw < {getal(DOEL_GEHEUGEN_MB / 1000)} GB",
        "gemeten": f"intern {geheugen(b['groot-intern'])}, publiek {geheugen(b['groot-publiek'])}",
        "gehaald": piek < DOEL_GEHEUGEN_MB, "waarde": piek,
    })  # fmt: skip
    v = u["validatie"]["duur_s"]
    uit.append({"doel": f"alleen valideren < {getal(DOEL_VALIDATIE_S, 0)} s", "gemeten": f"{getal(v, 2)} s",
                "gehaald": v < DOEL_VALIDATIE_S, "waarde": v})  # fmt: skip
    serve = u.get("serve")
    if serve:
        tijden = [max(m["pagina_s"], m["wijkpagina_s"], m["voorzieningen_s"]) if None not in (m["pagina_s"], m["wijkpagina_s"], m["voorzieningen_s"]) else None
                  for m in serve["metingen"]]  # fmt: skip
        gemeten = [t for t in tijden if t is not None]
        tekst = f"mediaan {getal(statistics.median(gemeten))} s, langste {getal(max(gemeten))} s" if gemeten else ""
        if len(gemeten) < len(tijden):
            tekst += f"{'; ' if tekst else ''}{len(tijden) - len(gemeten)} van {len(tijden)} niet binnen {getal(serve['timeout_s'], 0)} s"
        uit.append({
            "doel": f"een voorziening wijzigen onder serve: pagina en lijsten binnen {getal(DOEL_SERVE_S, 0)} s",
            "gemeten": tekst, "gehaald": len(gemeten) == len(tijden) and max(gemeten) <= DOEL_SERVE_S,
            "waarde": tijden,
        })  # fmt: skip
    else:
        uit.append({"doel": f"een voorziening wijzigen onder serve: binnen {getal(DOEL_SERVE_S, 0)} s",
                    "gemeten": "niet gemeten (--zonder-serve)", "gehaald": None, "waarde": None})  # fmt: skip
    return uit


def verslag(u: dict) -> str:
    m, g, b = u["machine"], u["gegevens"], u["bouw"]
    delen = [
        f"Snelheid van het wijkportaal, fictieve gegevens (schaal {getal(u['schaal'], 2)}), {m['begonnen']}",
        f"Machine: {m['kernen']} kernen, {m['systeem']}, Python {m['python']}, MkDocs {m['mkdocs']}, "
        f"Material {m['mkdocs-material']}, project {m['project_commit']}",
        f"Belasting van de machine (load average 1/5/15 min): bij de start {' / '.join(getal(x, 2) for x in m['belasting_bij_start'])}, "
        f"aan het eind {' / '.join(getal(x, 2) for x in m['belasting_bij_einde'])}",
        "",
        tabel(
            ["gegevens", "voorzieningen", "methodieken", "werkinstructies", "organisaties", "records", "met pagina intern", "publiek"],
            [[f"{n} (schaal {getal(x['schaal'], 3)})", *(str(x["aantallen"][s]) for s in fictief.AANTALLEN), str(x["records"]),
              str(x["records_intern"]), str(x["records_publiek"])] for n, x in g.items()],
        ),  # fmt: skip
        "",
    ]
    rijen = [["wijkportaal validate data", getal(u["validatie"]["duur_s"], 2) + " s", geheugen(u["validatie"]), "", ""]]
    namen = {
        "groot-intern": f"mkdocs build --strict, intern ({g['groot']['records_intern']} records)",
        "groot-publiek": f"mkdocs build --strict, publiek ({g['groot']['records_publiek']} records)",
        "basislijn": f"basislijn: gewoon Material ({b['basislijn']['records']} pagina's)",
        "klein-intern": f"mkdocs build --strict, intern ({g['klein']['records_intern']} records)",
        "klein-publiek": f"mkdocs build --strict, publiek ({g['klein']['records_publiek']} records)",
    }
    for sleutel, naam in namen.items():
        x = b[sleutel]
        rijen.append([naam, getal(x["duur_s"]) + " s", geheugen(x), mb(x["site_bytes"]), kb(x["bytes_per_record"])])
    delen += [tabel(["meting", "tijd", "piekgeheugen", "uitvoer", "per record"], rijen), ""]
    for sleutel in ("groot-intern", "klein-intern"):
        mappen = list(b[sleutel]["bytes_per_map"].items())[:7]
        delen.append(f"Uitvoer {namen[sleutel].split(', ', 1)[1]} per map: " + ", ".join(f"{n} {mb(x)}" for n, x in mappen))
    delen.append("")

    p = u["paginas"]
    regels = ["Pagina's en zoeken (interne editie, grote gegevens):"]
    if "kaart_bytes" in p:
        regels.append(f"  /kaart/: {kb(p['kaart_bytes'])}" + (f" voor {p['kaart_markers']} markers" if "kaart_markers" in p else ""))
    if "wijkpagina_grootste" in p:
        regels.append(f"  wijkpagina: grootste {kb(p['wijkpagina_grootste']['bytes'])} ({p['wijkpagina_grootste']['pagina']}), "
                      f"mediaan {kb(p['wijkpagina_mediaan_bytes'])}")  # fmt: skip
    if "voorziening_mediaan_bytes" in p:
        regels.append(f"  voorzieningpagina: mediaan {kb(p['voorziening_mediaan_bytes'])}, grootste {kb(p['voorziening_grootste_bytes'])}")
    if "voorzieningen_az_bytes" in p:
        regels.append(f"  /voorzieningen/ (A-Z): {kb(p['voorzieningen_az_bytes'])}")
    for naam, x in p["zoeken"].items():
        regels.append(f"  zoeken/{naam}: {kb(x['bytes'])}, gzip {kb(x['gzip_bytes'])}")
    if p["zoeken"]:
        regels.append(f"  zoekbestanden samen: gzip {kb(sum(x['gzip_bytes'] for x in p['zoeken'].values()))}")
    z = u.get("zoeken_in_browser")
    if z:
        regels.append(f"  zoeken in Chromium: bruikbaar na {getal(z['bruikbaar_ms'], 0)} ms, lopende tekst erbij na "
                      f"{getal(z['met_lopende_tekst_ms'], 0)} ms; {z['aantal']} toetsaanslagen en filterwijzigingen: "
                      f"mediaan {getal(z['mediaan_ms'])} ms, 95e percentiel {getal(z['p95_ms'])} ms, langste {getal(z['langste_ms'])} ms")  # fmt: skip
    delen += [*regels, ""]

    if u.get("serve"):
        delen += [verslag_serve(u["serve"]), ""]

    delen.append(tabel(
        ["doel", "gemeten", "gehaald?"],
        [[d["doel"], d["gemeten"], {True: "ja", False: "nee", None: "-"}[d["gehaald"]]] for d in u["doelen"]],
    ))  # fmt: skip
    delen.append(f"\nDuur van de hele meting: {getal(u['duur_s'] / 60)} min.")
    return "\n".join(delen)


def verslag_serve(s: dict) -> str:
    """The serve measurement: per change, when the record page, its wijk page and the A-Z list showed it."""
    delen = [f"mkdocs serve (interne editie): eerste bouw klaar na {getal(s['opstart_s'])} s; na het opslaan van een voorziening "
             f"({getal(s.get('pauze_s', 0), 0)} s na de vorige meting):"]
    delen.append(tabel(
        ["record", "pagina", "wijkpagina", "/voorzieningen/"],
        [[m["record"], *(seconden(m[k], s["timeout_s"]) for k in ("pagina_s", "wijkpagina_s", "voorzieningen_s"))]
         for m in s["metingen"]],
    ))  # fmt: skip
    if s.get("bouwtijden_s"):
        delen.append("MkDocs' eigen bouwtijden onder serve (de eerste, dan per wijziging): "
                     + ", ".join(f"{getal(x)} s" for x in s["bouwtijden_s"]))  # fmt: skip
    return "\n".join(delen)


if __name__ == "__main__":
    sys.exit(main())
