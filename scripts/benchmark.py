"""Benchmark: validate and build a site with many synthetic (clearly fictional) records.

    .venv/bin/python scripts/benchmark.py [--voorzieningen 5000] [--methodieken 500] [--werkinstructies 1000]

The synthetic records are written to a temporary folder, never into data/.
They reuse the real taxonomy, gebieden and organisaties of the sample data.
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import re
from collections import Counter
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def schrijf(pad: Path, schema: str, data: dict) -> None:
    pad.write_text(
        f"# yaml-language-server: $schema=../../schema/{schema}.json\n"
        + yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )


def woordenschat() -> tuple[list[str], list[int]]:
    """Dutch words of the sample data with how often they occur there, so fictional
    texts draw common words often and rare words rarely, and index like real ones."""
    tekst = " ".join(p.read_text(encoding="utf-8") for p in sorted((PROJECT / "data").glob("*/*.yml")))
    telling = Counter(re.findall(r"[a-zà-ÿ]+", tekst.lower()))
    woorden = sorted(telling)
    return woorden, [telling[w] for w in woorden]


def maak_data(doel: Path, n_v: int, n_m: int, n_w: int) -> None:
    rnd = random.Random(42)
    woorden, gewichten = woordenschat()

    def zinnen(n: int) -> str:
        return " ".join(rnd.choices(woorden, gewichten, k=n)).capitalize() + "."

    shutil.copytree(PROJECT / "data" / "gebieden", doel / "gebieden")
    shutil.copy(PROJECT / "data" / "taxonomie.yml", doel / "taxonomie.yml")
    shutil.copytree(PROJECT / "data" / "organisaties", doel / "organisaties")
    tax = yaml.safe_load((doel / "taxonomie.yml").read_text(encoding="utf-8"))
    themas = [s for h in tax["themas"].values() for s in (h.get("subthemas") or {})]
    doelgroepen = list(tax["doelgroepen"])
    processen = list(tax["processen"])
    orgs = [p.stem for p in (doel / "organisaties").glob("*.yml")]
    wijken = [f"WK0153{i:02d}" for i in range(10)]
    # fictional places: around the centre of Enschede, marked as approximate
    def plek() -> list[float]:
        return [round(52.2215 + rnd.uniform(-0.03, 0.03), 5), round(6.8937 + rnd.uniform(-0.05, 0.05), 5)]

    beheer = lambda: {"organisatie": rnd.choice(orgs), "laatst_gecontroleerd": "2026-01-15"}  # noqa: E731
    for soort in ("voorzieningen", "methodieken", "werkinstructies"):
        (doel / soort).mkdir()
    for i in range(n_m):
        schrijf(doel / "methodieken" / f"fictieve-methodiek-{i:05d}.yml", "methodiek", {
            "naam": f"Fictieve methodiek {i:05d} {rnd.choice(woorden)}", "samenvatting": zinnen(rnd.randint(10, 25)),
            "themas": [rnd.choice(themas)], "doel": "Testen hoe snel de site bouwt.",
            "werkwijze": f"1. {zinnen(12)}\n2. {zinnen(12)}\n\n{zinnen(60)}\n", "beheer": beheer(),
        })  # fmt: skip
    for i in range(n_w):
        schrijf(doel / "werkinstructies" / f"fictieve-werkinstructie-{i:05d}.yml", "werkinstructie", {
            "naam": f"Fictieve werkinstructie {i:05d} {rnd.choice(woorden)}", "samenvatting": zinnen(rnd.randint(10, 25)),
            "themas": [rnd.choice(themas)], "proces": rnd.choice(processen), "versie": "1.0", "eigenaar": "Testteam",
            "stappen": [{"titel": f"Stap {s}", "beschrijving": zinnen(30), "rol": "wijkteammedewerker"} for s in range(1, 5)],
            "beheer": beheer(),
        })  # fmt: skip
    for i in range(n_v):
        data = {
            "naam": f"Fictieve voorziening {i:05d} {rnd.choice(woorden)}",
            "samenvatting": zinnen(rnd.randint(12, 30)),
            "beschrijving": f"{zinnen(rnd.randint(30, 90))}\n\n- {zinnen(8)}\n- {zinnen(8)}\n",
            "themas": rnd.sample(themas, 2), "doelgroepen": rnd.sample(doelgroepen, 2),
            "organisatie": rnd.choice(orgs),
            "gebied": "stedelijk",
            "toegang": rnd.choice(["vrij", "verwijzing", "indicatie"]), "kosten": "gratis",
            "aanmelden": zinnen(rnd.randint(8, 20)), "beheer": beheer(),
            "gerelateerd": [f"methodieken/fictieve-methodiek-{rnd.randrange(n_m):05d}"] if n_m else [],
            "locaties": [{"naam": f"Fictieve plek {i:05d}", "plaats": "Enschede", "coordinaten": plek(),
                          "coordinaten_bij_benadering": True}],
        }  # fmt: skip
        schrijf(doel / "voorzieningen" / f"fictieve-voorziening-{i:05d}.yml", "voorziening", data)


def meet_zoeken_in_browser(site: Path) -> None:
    """In headless Chromium: time from page load to a usable finder, and per keystroke
    or filter change the time the finder takes to answer (performance.now in the page)."""
    import functools
    import http.server
    import statistics
    import threading

    from playwright.sync_api import sync_playwright

    class Stil(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Stil, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    adres = f"http://127.0.0.1:{server.server_address[1]}"
    rnd = random.Random(7)
    woorden, gewichten = woordenschat()
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
    p95 = tijden[int(len(tijden) * 0.95) - 1]
    print(f"Zoeken in Chromium: bruikbaar na {bruikbaar:.0f} ms (lopende tekst erbij na {met_tekst:.0f} ms)")
    print(f"Zoeken in Chromium: {len(tijden)} toetsaanslagen en filterwijzigingen, mediaan {statistics.median(tijden):.1f} ms, "
          f"95e percentiel {p95:.1f} ms, langste {tijden[-1]:.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voorzieningen", type=int, default=5000)
    parser.add_argument("--methodieken", type=int, default=500)
    parser.add_argument("--werkinstructies", type=int, default=1000)
    args = parser.parse_args()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", WIJKPORTAAL_VANDAAG="2026-11-23")
    with tempfile.TemporaryDirectory(prefix="wijkportaal-benchmark-") as tmp:
        werk = Path(tmp)
        for naam in ("docs", "overrides"):
            if (PROJECT / naam).is_dir():
                shutil.copytree(PROJECT / naam, werk / naam)
        shutil.copy(PROJECT / "mkdocs.yml", werk / "mkdocs.yml")
        # the baseline to beat: the same site with Material's search plugin indexing every page
        (werk / "mkdocs.material-zoeken.yml").write_text(
            "INHERIT: mkdocs.yml\nplugins:\n  - search:\n      lang: nl\n  - wijkportaal\n", encoding="utf-8"
        )
        maak_data(werk / "data", args.voorzieningen, args.methodieken, args.werkinstructies)
        totaal = args.voorzieningen + args.methodieken + args.werkinstructies
        print(f"Records: {args.voorzieningen} voorzieningen, {args.methodieken} methodieken, "
              f"{args.werkinstructies} werkinstructies ({totaal} in totaal)")  # fmt: skip
        for naam, opdracht in (
            ("wijkportaal validate", [BIN / "wijkportaal", "validate", "data"]),
            ("mkdocs build (met Materials zoekplugin, zoals voorheen)", [BIN / "mkdocs", "build", "-f", "mkdocs.material-zoeken.yml", "-d", "site-material"]),
            ("mkdocs build", [BIN / "mkdocs", "build", "-d", "site"]),
        ):
            begin = time.perf_counter()
            uit = subprocess.run(opdracht, cwd=werk, env=env, capture_output=True, text=True)
            duur = time.perf_counter() - begin
            if uit.returncode != 0:
                print(uit.stdout[-3000:], uit.stderr[-3000:])
                return 1
            print(f"{naam}: {duur:.1f} s")
        bestanden = [p for p in (werk / "site").rglob("*") if p.is_file()]
        grootte = sum(p.stat().st_size for p in bestanden)
        html = [p for p in bestanden if p.suffix == ".html"]
        record = werk / "site" / "voorzieningen" / "fictieve-voorziening-00001" / "index.html"
        print(f"Site: {len(bestanden)} bestanden, {len(html)} HTML-pagina's, {grootte / 1e6:.1f} MB")
        print(f"Eén voorzieningpagina: {record.stat().st_size / 1e3:.1f} kB")
        print(f"Materials zoekindex (voorheen): {(werk / 'site-material/search/search_index.json').stat().st_size / 1e6:.1f} MB")
        zoeken = {n: (werk / "site/zoeken" / n).read_bytes() for n in ("index.json", "tekst.json", "gegevens.json")}
        for n, inhoud in zoeken.items():
            print(f"Zoeken: {n} {len(inhoud) / 1e3:.0f} kB, gzip {len(gzip.compress(inhoud, 6)) / 1e3:.0f} kB")
        print(f"Zoeken: alles samen gzip {sum(len(gzip.compress(b, 6)) for b in zoeken.values()) / 1e6:.2f} MB")
        meet_zoeken_in_browser(werk / "site")
        kaart = (werk / "site/kaart/index.html").read_text(encoding="utf-8")
        begin = kaart.index('id="kaartdata-overzicht">')
        data = kaart[begin : kaart.index("</script>", begin)]
        n = data.count("],[") + 1
        print(f"Kaartpagina /kaart/: {len(kaart.encode()) / 1e6:.2f} MB voor {n} markers; "
              f"markerdata {len(data.encode()) / n:.0f} bytes per marker, hele pagina {len(kaart.encode()) / n:.0f} bytes per marker")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
