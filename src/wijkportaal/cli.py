"""Command line: ``wijkportaal validate``, ``stale``, ``codeowners``, ``wijzigingen``, ``schema``, ``nieuw``,
``import csv``, ``gebieden bijwerken``, ``bouw``, ``bekijk``.

Every message is Dutch; problems print one per line as
``pad:regel:kolom: fout|waarschuwing: bericht``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from pathlib import Path

from . import nieuw
from . import schema as s
from .catalogus import laad_catalogus
from .gebieden import BRON_SCHEMA, STADSDELEN_SCHEMA
from .gebieden_ophalen import STANDAARD_JAAR
from .problemen import Plek, Problemen
from .soorten import SOORTEN
from .taxonomie import SCHEMA as TAXONOMIE_SCHEMA
from .woordenlijst import SCHEMA as WOORDENLIJST_SCHEMA


def _datum(waarde: str) -> dt.date:
    try:
        return dt.date.fromisoformat(waarde)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{waarde}' is geen datum (JJJJ-MM-DD)") from None


def _zoek_datamap(pad: Path) -> Path | None:
    pad = pad.resolve()
    for kandidaat in [pad, *pad.parents]:
        if (kandidaat / "taxonomie.yml").exists():
            return kandidaat
        if (kandidaat / "data" / "taxonomie.yml").exists():
            return kandidaat / "data"
    return None


def valideer(paden: list[str], vandaag: dt.date | None = None) -> int:
    """Check the data (or single files in it); print each problem and a summary. 0 = no errors."""
    doelen = [Path(p) for p in paden] or [Path("data")]
    for doel in doelen:
        if not doel.exists():
            print(f"{doel.as_posix()}:1:1: fout: dit bestand of deze map bestaat niet")
            return 2
    datamappen = {_zoek_datamap(d) for d in doelen}
    if None in datamappen:
        print("fout: geen datamap gevonden (een map met taxonomie.yml); geef de map 'data' op", file=sys.stderr)
        return 2
    alleen = {d.resolve() for d in doelen if d.is_file()}
    op_github = os.environ.get("GITHUB_ACTIONS") == "true"
    totaal_fouten = 0
    for datamap in sorted(datamappen):
        # Single files are checked in the context of all data (references, duplicates),
        # but only their own problems are shown.
        catalogus, alle = laad_catalogus(datamap, vandaag=vandaag, basis=Path.cwd())
        getoond = Problemen()
        for p in alle:
            if not alleen or Path(p.pad).resolve() in alleen:
                getoond.voeg_toe(p.pad, Plek(p.regel, p.kolom), p.niveau, p.bericht)
        for probleem in getoond:
            print(probleem)
            if op_github:  # also as an annotation on the file and line in the pull request
                print(probleem.als_annotatie())
        totaal_fouten += len(getoond.fouten)
        if len(getoond):
            print(f"Gevonden: {getoond.samenvatting()}")
        elif alleen:
            namen = ", ".join(sorted(Path(p).as_posix() for p in paden if Path(p).is_file()))
            print(f"Geen problemen gevonden in {namen}.")
        else:
            aantal = catalogus.aantal_records()
            print(f"Geen problemen gevonden in {aantal} {'record' if aantal == 1 else 'records'}.")
    return 1 if totaal_fouten else 0


def toon_onderhoud(datamap: str, organisatie: str | None, binnen: int, dagen: int, vandaag: dt.date | None) -> int:
    """Print the records due for a check, per beheer-organisatie."""
    from .onderhoud import onderhoudslijsten
    from .opmaak import datum

    pad = Path(datamap)
    catalogus, problemen = laad_catalogus(pad, vandaag=vandaag, basis=Path.cwd(), verouderd_na_dagen=dagen)
    if problemen.fouten:
        for probleem in problemen.fouten:
            print(probleem)
        print(f"Gevonden: {problemen.samenvatting()} Los eerst de fouten op (wijkportaal validate).")
        return 1
    if organisatie and organisatie not in catalogus.records.get("organisaties", {}):
        print(f"fout: onbekende organisatie '{organisatie}'")
        return 2
    lijsten = onderhoudslijsten(catalogus, binnen=binnen, organisatie=organisatie)
    print(f"Stand op {datum(catalogus.vandaag)}: te laat = langer dan {dagen} dagen niet gecontroleerd; "
          f"binnenkort = binnen {binnen} dagen aan de beurt.")  # fmt: skip
    for lijst in lijsten:
        print()
        print(f"{lijst.organisatie_naam} ({lijst.organisatie_id}): {lijst.te_laat} te laat, {lijst.binnenkort} binnenkort, "
              f"{len(lijst.te_bevestigen)} te bevestigen")  # fmt: skip
        for taak in lijst.taken:
            laatst = taak.record.laatst_gecontroleerd.isoformat() if taak.record.laatst_gecontroleerd else "nooit"
            status = "te laat   " if taak.te_laat else "binnenkort"
            print(f"  {status}  laatst {laatst}  data/{taak.record.SOORT}/{taak.record.id}.yml  {taak.record.naam}")
        for record in lijst.te_bevestigen:
            velden = ", ".join(record.onbevestigd)
            print(f"  bevestigen  {velden}  data/{record.SOORT}/{record.id}.yml  {record.naam}")
    if not lijsten:
        print("Alles is op tijd gecontroleerd.")
    totaal = sum(l.te_laat for l in lijsten), sum(l.binnenkort for l in lijsten), sum(len(l.te_bevestigen) for l in lijsten)
    print(f"\nTotaal: {totaal[0]} te laat, {totaal[1]} binnenkort, {totaal[2]} met waarden om te bevestigen.")
    return 0


def schrijf_codeowners(datamap: str, uit: Path, controleer: bool) -> int:
    """``wijkportaal codeowners``: write (or with ``controleer`` only compare) .github/CODEOWNERS."""
    from .codeowners import codeowners

    catalogus, problemen = laad_catalogus(Path(datamap), basis=Path.cwd())
    if problemen.fouten:
        for probleem in problemen.fouten:
            print(probleem)
        print(f"Gevonden: {problemen.samenvatting()} Los eerst de fouten op (wijkportaal validate).")
        return 1
    tekst = codeowners(catalogus, data=Path(datamap).as_posix())
    huidig = uit.read_text(encoding="utf-8") if uit.is_file() else None
    if controleer:
        if huidig == tekst:
            print(f"{uit.as_posix()} is bijgewerkt.")
            return 0
        print(f"{uit.as_posix()}:1:1: fout: dit bestand past niet meer bij de beheerders in {datamap}/organisaties; "
              "draai 'wijkportaal codeowners' en neem het nieuwe bestand op in uw wijziging")  # fmt: skip
        return 1
    if huidig == tekst:
        print(f"{uit.as_posix()} was al bijgewerkt.")
        return 0
    uit.parent.mkdir(parents=True, exist_ok=True)
    uit.write_text(tekst, encoding="utf-8")
    print(f"Bijgewerkt: {uit.as_posix()}")
    return 0


def toon_wijzigingen(basis: str, datamap: str) -> int:
    """``wijkportaal wijzigingen BASIS``: the change summary as Markdown on standard output."""
    from .wijzigingen import GitFout, als_markdown, vergelijk

    try:
        wijzigingen = vergelijk(Path.cwd(), basis, Path(datamap).as_posix())
    except GitFout as fout:
        print(f"fout: {fout}", file=sys.stderr)
        return 2
    sys.stdout.write(als_markdown(wijzigingen, basis))
    return 0


def importeer(args: argparse.Namespace) -> int:
    """``wijkportaal import csv``: the import's report, then ``validate`` on the records it wrote or found.

    Exit code 2: nothing imported (the file, koppelbestand or organisation cannot be used);
    1: imported, but rows were left out or the records have errors; 0: every row is a record
    (placeholders still to fill in are warnings).
    """
    from .catalogus import vandaag_uit_omgeving
    from .importeren import importeer_csv

    if not args.organisatie:
        print("fout: geef met --organisatie de id van de organisatie die deze voorzieningen bijhoudt, "
              "bijvoorbeeld --organisatie wijkteams-enschede")  # fmt: skip
        return 2
    vandaag = args.vandaag or vandaag_uit_omgeving()
    try:
        uitkomst = importeer_csv(
            args.bestand, data=args.data, organisatie=args.organisatie, koppelbestand=args.mapping,
            vandaag=vandaag, basis=Path.cwd(),
        )  # fmt: skip
    except nieuw.Geweigerd as reden:
        print(f"fout: {reden}")
        return 2
    for regel in uitkomst.verslag():
        print(regel)
    if uitkomst.gestopt:
        return 2
    code = 0
    if uitkomst.records:
        print()
        print("Controle van de geïmporteerde records (wijkportaal validate):")
        code = valideer([uitkomst.problemen.toon_pad(r.pad) for r in uitkomst.records], vandaag)
    return 1 if code or uitkomst.problemen.fouten else 0


def _jaar(waarde: str) -> int:
    if not re.fullmatch(r"(19|20)[0-9]{2}", waarde):
        raise argparse.ArgumentTypeError(f"'{waarde}' is geen jaartal (JJJJ), bijvoorbeeld 2025")
    return int(waarde)


def werk_gebieden_bij(data: Path, jaar: int, vandaag: dt.date | None) -> int:
    """``wijkportaal gebieden bijwerken``: the report, the problems, then ``validate`` on all data.

    Exit code 2: nothing written (PDOK unreachable or unusable, or its boundaries do not pass the
    checks: those are listed); 1: written, but the data now has errors; 0: written and all is well.
    """
    from .catalogus import vandaag_uit_omgeving
    from .gebieden_bijwerken import bijwerken
    from .gebieden_ophalen import ONGEWIJZIGD, PdokFout

    try:
        uitkomst = bijwerken(data, jaar, vandaag or vandaag_uit_omgeving(), basis=Path.cwd())
    except PdokFout as fout:
        print(f"fout: {fout}", file=sys.stderr)
        return 2
    for regel in uitkomst.verslag:
        print(regel)
    for probleem in uitkomst.problemen:
        print(probleem)
    if not uitkomst.geschreven:
        print(f"Gevonden: {uitkomst.problemen.samenvatting()} Er is niets geschreven. {ONGEWIJZIGD}")
        return 2
    if not (data / "taxonomie.yml").is_file():
        return 0
    print()
    print("Controle van alle gegevens met de nieuwe grenzen (wijkportaal validate):")
    if valideer([str(data)], vandaag):
        print("De nieuwe grenzen zijn geschreven, maar de gegevens hebben nu fouten (zie boven). Los ze op, "
              "of zet de oude grenzen terug met 'git checkout data/gebieden'.")  # fmt: skip
        return 1
    return 0


def alle_schemas() -> dict[str, dict]:
    from .importeren import KOPPELING_SCHEMA

    schemas = {soort.enkelvoud: soort.schema for soort in SOORTEN.values()}
    schemas["taxonomie"] = TAXONOMIE_SCHEMA
    schemas["stadsdelen"] = STADSDELEN_SCHEMA
    schemas["gebiedsbron"] = BRON_SCHEMA
    schemas["woordenlijst"] = WOORDENLIJST_SCHEMA
    schemas["importkoppeling"] = KOPPELING_SCHEMA
    return schemas


def schrijf_schemas(uit: Path) -> list[Path]:
    gewijzigd = []
    for naam, schema in alle_schemas().items():
        pad = uit / f"{naam}.json"
        if s.schrijf_schema(schema, pad):
            gewijzigd.append(pad)
    return gewijzigd


def draai_mkdocs(actie: str, publiek: bool, extra: list[str]) -> int:
    """``wijkportaal bouw`` / ``bekijk``: MkDocs in a subprocess (the core never imports it).

    NO_MKDOCS_2_WARNING hides Material's English end-of-life banner.
    """
    import signal
    import subprocess

    configuratie = "mkdocs.publiek.yml" if publiek else "mkdocs.yml"
    if not Path(configuratie).is_file():
        print(f"fout: {configuratie} niet gevonden; start deze opdracht in de map van het project", file=sys.stderr)
        return 2
    opdracht = [sys.executable, "-m", "mkdocs", actie, *(["--strict"] if actie == "build" else []), "-f", configuratie]
    proces = subprocess.Popen([*opdracht, *extra], env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if hasattr(signal, "SIGTERM"):  # stopping 'wijkportaal' stops MkDocs too
        signal.signal(signal.SIGTERM, lambda signum, _frame: proces.send_signal(signum))
    while True:
        try:
            code = proces.wait()
            break
        except KeyboardInterrupt:  # Ctrl+C reached MkDocs as well; let it finish
            continue
    return 128 - code if code < 0 else code  # killed by signal N: exit code 128 + N, as in a shell


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="wijkportaal", description="Kennisportaal en sociale kaart van de Wijkteams Enschede."
    )
    sub = parser.add_subparsers(dest="opdracht", metavar="OPDRACHT")
    p_val = sub.add_parser("validate", help="controleer de gegevens (zonder de site te bouwen)")
    p_val.add_argument("paden", nargs="*", metavar="PAD", help="de map data, of losse bestanden daarin (standaard: data)")
    p_val.add_argument("--vandaag", type=_datum, help="doe alsof het vandaag deze datum is (JJJJ-MM-DD)")
    p_st = sub.add_parser("stale", help="toon per organisatie de records die gecontroleerd moeten worden")
    p_st.add_argument("--organisatie", metavar="ID", help="alleen de records die deze organisatie bijhoudt")
    p_st.add_argument("--binnen", type=int, default=60, metavar="DAGEN", help="ook wat binnen zoveel dagen aan de beurt is (standaard 60)")
    p_st.add_argument("--na", type=int, default=365, metavar="DAGEN", help="een record is verouderd na zoveel dagen (standaard 365)")
    p_st.add_argument("--data", default="data", help="de map met gegevens (standaard: data)")
    p_st.add_argument("--vandaag", type=_datum, help="doe alsof het vandaag deze datum is (JJJJ-MM-DD)")
    p_sch = sub.add_parser("schema", help="schrijf de JSON Schema's voor editors naar de map schema/")
    p_sch.add_argument("--uit", type=Path, default=Path("schema"), help="map voor de schema's (standaard: schema)")
    p_co = sub.add_parser("codeowners", help="schrijf .github/CODEOWNERS uit de beheerders van de organisaties")
    p_co.add_argument("--data", default="data", help="de map met gegevens (standaard: data)")
    p_co.add_argument("--uit", type=Path, default=Path(".github/CODEOWNERS"), help="het bestand (standaard: .github/CODEOWNERS)")
    p_co.add_argument("--controleer", action="store_true", help="alleen controleren of het bestand bijgewerkt is (voor CI)")
    p_wz = sub.add_parser("wijzigingen", help="som op welke records zijn toegevoegd, gewijzigd of verwijderd (Markdown)")
    p_wz.add_argument("basis", metavar="BASIS_REF", help="de commit of tak om mee te vergelijken, bijvoorbeeld origin/main")
    p_wz.add_argument("--data", default="data", help="de map met gegevens (standaard: data)")
    p_bouw = sub.add_parser("bouw", help="bouw de site (MkDocs, --strict); andere opties gaan door naar mkdocs build")
    p_bouw.add_argument("--publiek", action="store_true", help="de openbare sociale kaart (mkdocs.publiek.yml)")
    p_bekijk = sub.add_parser("bekijk", help="bekijk de site op http://127.0.0.1:8000; andere opties gaan door naar mkdocs serve")
    p_bekijk.add_argument("--publiek", action="store_true", help="de openbare sociale kaart (mkdocs.publiek.yml)")
    nieuw.voeg_opdracht_toe(sub, _datum)
    p_imp = sub.add_parser("import", help="neem voorzieningen over uit een andere sociale kaart (CSV)")
    formaten = p_imp.add_subparsers(dest="formaat", metavar="FORMAAT")
    p_csv = formaten.add_parser(
        "csv",
        help="voorzieningen uit een CSV-export (Excel) van een andere sociale kaart",
        description="Maak of werk voorzieningen bij in data/voorzieningen/ uit een CSV-export van een andere sociale "
        "kaart: één record per regel. Wat ontbreekt, krijgt \"VUL IN\"; elke regel die geen record wordt, wordt "
        "gemeld. Een nieuwe import uit dezelfde bron werkt de records bij. Zie README.md, 'Een bestaande sociale "
        "kaart importeren'.",
    )
    p_csv.add_argument("bestand", type=Path, metavar="BESTAND", help="het CSV-bestand (UTF-8 of Excel, ';' of ',')")
    p_csv.add_argument("--organisatie", metavar="ID", help="de organisatie die de voorzieningen aanbiedt en bijhoudt")
    p_csv.add_argument("--mapping", type=Path, metavar="KOPPELING.yml", help="het koppelbestand: welke kolom en welke waarde waarheen")
    p_csv.add_argument("--data", type=Path, default=Path("data"), help="de map met gegevens (standaard: data)")
    p_csv.add_argument("--vandaag", type=_datum, help="doe alsof het vandaag deze datum is (JJJJ-MM-DD)")
    p_geb = sub.add_parser("gebieden", help="de grenzen van de wijken en buurten (data/gebieden)")
    gebieden_opdrachten = p_geb.add_subparsers(dest="gebieden_opdracht", metavar="OPDRACHT")
    p_bij = gebieden_opdrachten.add_parser(
        "bijwerken",
        help="haal de precieze CBS-grenzen van Enschede op bij PDOK (internet nodig)",
        description="Haal de grenzen van de gemeente Enschede, haar wijken en haar buurten op bij PDOK (de CBS "
        "Wijk- en Buurtkaart, volledige resolutie), controleer ze en schrijf ze in data/gebieden/, met "
        "vereenvoudigde lijnen voor de kaarten en de bronvermelding (bron.yml, BRON.md). Bij een fout, of zonder "
        "internet, blijft alles ongewijzigd. Zie README.md, 'Gebiedsgrenzen bijwerken'.",
    )
    p_bij.add_argument("--jaar", type=_jaar, default=STANDAARD_JAAR, metavar="JJJJ",
                       help="het jaar van de Wijk- en Buurtkaart (standaard het nieuwste bij PDOK: %(default)s)")  # fmt: skip
    p_bij.add_argument("--gegevens", "--data", dest="data", type=Path, default=Path("data"), metavar="MAP",
                       help="de map met gegevens; de grenzen komen in MAP/gebieden (standaard: data)")  # fmt: skip
    p_bij.add_argument("--vandaag", type=_datum, help="doe alsof het vandaag deze datum is (JJJJ-MM-DD)")
    args, extra = parser.parse_known_args(argv)
    if args.opdracht in ("bouw", "bekijk"):
        return draai_mkdocs("build" if args.opdracht == "bouw" else "serve", args.publiek, extra)
    args = parser.parse_args(argv)
    if args.opdracht == "validate":
        return valideer(args.paden, args.vandaag)
    if args.opdracht == "stale":
        return toon_onderhoud(args.data, args.organisatie, args.binnen, args.na, args.vandaag)
    if args.opdracht == "codeowners":
        return schrijf_codeowners(args.data, args.uit, args.controleer)
    if args.opdracht == "wijzigingen":
        return toon_wijzigingen(args.basis, args.data)
    if args.opdracht == "nieuw":
        return nieuw.voer_uit(args)
    if args.opdracht == "import":
        if args.formaat != "csv":
            p_imp.print_help()
            return 2
        return importeer(args)
    if args.opdracht == "gebieden":
        if args.gebieden_opdracht != "bijwerken":
            p_geb.print_help()
            return 2
        return werk_gebieden_bij(args.data, args.jaar, args.vandaag)
    if args.opdracht == "schema":
        gewijzigd = schrijf_schemas(args.uit)
        for pad in gewijzigd:
            print(f"Bijgewerkt: {pad.as_posix()}")
        if not gewijzigd:
            print("De schema's waren al bijgewerkt.")
        return 0
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
