"""Clearly fictional data at scale, for the benchmark (scripts/benchmark.py) and its test.

    .venv/bin/python scripts/fictief.py DOELMAP [--schaal 0.1]

writes a copy of the project (docs/, overrides/, mkdocs*.yml) with a generated data/
into DOELMAP, never into the project's own data/. At scale 1: 5,000 voorzieningen,
500 methodieken, 1,000 werkinstructies and 150 organisaties.

Deterministic: the same seed, scale and project give the same files. Everything is
made up and says so: every name starts with "Fictief"/"Fictieve", every website and
e-mail address is under ``.example``, and there are no phone numbers, street addresses
or personal names. Texts are drawn from the words of the sample data, common words
often and rare ones rarely, so they index and compress like real Dutch texts.

Kept from the real data: the taxonomy, the CBS boundaries (every location lies inside
the wijk or buurt of its record: rejection sampling against the polygons), the
glossary (without links to records that are not generated) and the house organisation
``wijkteams-enschede`` (the hand-written pages link to it). Not generated: teams,
vragen and ontwikkelingen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from wijkportaal.codeowners import HUISORGANISATIE
from wijkportaal.gebieden import Gebied, Gebieden, laad_gebieden
from wijkportaal.organisatie import TYPEN
from wijkportaal.problemen import Problemen
from wijkportaal.voorziening import DAGEN, KANALEN, TALEN, TOEGANKELIJKHEID

PROJECT = Path(__file__).resolve().parent.parent

# At scale 1 (issue #15): 5,000 / 500 / 1,000 records, and about 150 organisations.
AANTALLEN = {"voorzieningen": 5000, "methodieken": 500, "werkinstructies": 1000, "organisaties": 150}

BRON = "Fictieve gegevens voor de snelheidsmeting (scripts/fictief.py); niets hiervan bestaat."

# Kinds of voorziening, all 'de'-words so "Fictieve ..." reads well.
VOORZIENINGSOORTEN = [
    "inloop", "ontmoetingsplek", "taalgroep", "beweeggroep", "opvoedcursus", "klusdienst", "maaltijdservice",
    "jongerenclub", "hulplijn", "buurtkamer", "kledingbank", "wandelgroep", "huiswerkbegeleiding", "budgetcursus",
    "lotgenotengroep", "schuldhulp", "mantelzorgsteun", "formulierenhulp", "ouderensoos", "computerhulp",
]  # fmt: skip
ORGANISATIESOORTEN = ["stichting", "vereniging", "coöperatie", "buurtorganisatie", "zorgaanbieder", "welzijnsorganisatie"]
ROLLEN = ["wijkteammedewerker", "frontoffice-medewerker", "inwoner", "gedragswetenschapper", "teamleider", "gemeente Enschede"]


class _Dumper(yaml.SafeDumper):
    """Multi-line text as a literal block (``|``), the way partners write Markdown fields."""


_Dumper.add_representer(
    str,
    lambda d, tekst: d.represent_scalar("tag:yaml.org,2002:str", tekst, style="|" if "\n" in tekst else None),
)


def yaml_tekst(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def schrijf(pad: Path, schema: str, data: dict) -> None:
    """A record file as a partner would write it (schema line first)."""
    pad.write_text(f"# yaml-language-server: $schema=../../schema/{schema}.json\n" + yaml_tekst(data), encoding="utf-8")


def aantallen(schaal: float) -> dict[str, int]:
    """The number of generated records per kind at a scale (0.1: 500/50/100 and 15 organisaties)."""
    uit = {soort: round(n * schaal) for soort, n in AANTALLEN.items()}
    uit["organisaties"] = max(1, uit["organisaties"])  # voorzieningen need an organisation
    return uit


def woordenschat(project: Path = PROJECT) -> tuple[list[str], list[int]]:
    """Dutch words of the sample data with how often they occur there, so fictional
    texts draw common words often and rare words rarely, and index like real ones."""
    regels = [
        regel
        for p in sorted((project / "data").glob("*/*.yml"))
        for regel in p.read_text(encoding="utf-8").splitlines()
        if not regel.lstrip().startswith("#")  # not the comments
    ]
    tekst = " ".join(regels)
    telling = Counter(re.findall(r"[a-zà-ÿ]+", tekst.lower()))
    woorden = sorted(w for w in telling if len(w) > 1)
    return woorden, [telling[w] for w in woorden]


@dataclass
class Gegenereerd:
    """What was written, for the benchmark: counts and a few records to edit under serve."""

    project: Path
    schaal: float
    aantallen: dict[str, int]  # record files per kind in data/ (with the house organisation)
    records_intern: int = 0  # records with a page in the intern edition
    records_publiek: int = 0  # records with a page in the publiek edition
    # current, publiek voorzieningen with one wijk as gebied: (id, wijk code), spread over the list
    te_wijzigen: list[tuple[str, str]] = field(default_factory=list)

    @property
    def data(self) -> Path:
        return self.project / "data"

    @property
    def records(self) -> int:
        return sum(self.aantallen.values())


class Maker:
    """Draws the fictional records; one instance per data folder, seeded."""

    def __init__(self, doel: Path, schaal: float, zaad: int, project: Path) -> None:
        self.doel = doel
        self.rnd = random.Random(zaad)
        self.n = aantallen(schaal)
        self.woorden, self.gewichten = woordenschat(project)
        tax = yaml.safe_load((project / "data" / "taxonomie.yml").read_text(encoding="utf-8"))
        self.hoofdthemas = list(tax["themas"])
        self.subthemas = [s for h in tax["themas"].values() for s in (h.get("subthemas") or {})]
        self.doelgroepen = list(tax["doelgroepen"])
        self.processen = list(tax["processen"])
        self.kaders = list(tax["wettelijke_kaders"])
        problemen = Problemen()
        self.gebieden: Gebieden = laad_gebieden(project / "data" / "gebieden", problemen)
        if problemen.fouten or not self.gebieden.wijken:
            raise SystemExit(f"fout: de gebieden in {project / 'data' / 'gebieden'} zijn niet te lezen")
        self.wijken = sorted(self.gebieden.wijken)
        self.orgs = [f"fictieve-organisatie-{i:03d}" for i in range(self.n["organisaties"])]
        self.v_ids = [f"fictieve-voorziening-{i:05d}" for i in range(self.n["voorzieningen"])]
        self.m_ids = [f"fictieve-methodiek-{i:04d}" for i in range(self.n["methodieken"])]
        self.w_ids = [f"fictieve-werkinstructie-{i:04d}" for i in range(self.n["werkinstructies"])]

    # -- text ---------------------------------------------------------------------------

    def woord(self) -> str:
        return self.rnd.choices(self.woorden, self.gewichten)[0]

    def zin(self, n: int) -> str:
        return " ".join(self.rnd.choices(self.woorden, self.gewichten, k=n)).capitalize() + "."

    def alinea(self, zinnen: int) -> str:
        return " ".join(self.zin(self.rnd.randint(6, 16)) for _ in range(zinnen))

    def samenvatting(self) -> str:
        tekst = self.zin(self.rnd.randint(12, 30))
        return tekst if len(tekst) <= 300 else tekst[:299].rsplit(" ", 1)[0] + "."

    def markdown(self, domein: str, pad: str) -> str:
        """Paragraphs, a list with bold text and a link to a fictional website."""
        r = self.rnd
        delen = [self.alinea(r.randint(2, 5))]
        if r.random() < 0.7:
            delen.append(f"**{self.woord().capitalize()} {self.woord()}.** {self.alinea(r.randint(1, 3))}")
        if r.random() < 0.8:
            delen.append("\n".join(
                f"- **{self.woord()}**: {self.zin(r.randint(4, 10))}" if r.random() < 0.4 else f"- {self.zin(r.randint(4, 10))}"
                for _ in range(r.randint(2, 5))
            ))  # fmt: skip
        if r.random() < 0.6:
            delen.append(f"Meer weten? Kijk op [de fictieve website](https://{domein}/{pad}/).")
        return "\n\n".join(delen) + "\n"

    def datum(self, van: dt.date, tot: dt.date) -> str:
        return (van + dt.timedelta(days=self.rnd.randrange((tot - van).days + 1))).isoformat()

    def themas(self) -> list[str]:
        gekozen = self.rnd.sample(self.subthemas, self.rnd.randint(1, 3))
        if self.rnd.random() < 0.15:
            gekozen[0] = self.rnd.choice(self.hoofdthemas)
        return list(dict.fromkeys(gekozen))

    def beheer(self, organisatie: str) -> dict:
        return {
            "organisatie": organisatie,
            # vandaag is 2026-11-23 in the benchmark: about a third is overdue for a check
            "laatst_gecontroleerd": self.datum(dt.date(2025, 3, 1), dt.date(2026, 11, 20)),
            "gecontroleerd_door": "Fictief controleteam",
        }

    def gerelateerd(self, eigen: str, soorten: list[tuple[str, list[str]]], maximum: int) -> list[str]:
        uit: list[str] = []
        for _ in range(self.rnd.randint(0, maximum)):
            soort, ids = self.rnd.choice(soorten)
            if ids:
                ref = f"{soort}/{self.rnd.choice(ids)}"
                if ref != eigen and ref not in uit:
                    uit.append(ref)
        return uit

    # -- places -------------------------------------------------------------------------

    def punt_in(self, gebied: Gebied) -> list[float]:
        """A point inside the wijk or buurt, in Enschede, that the catalogue places in that
        wijk or buurt: rejection sampling in the polygon's bounding box, after rounding."""
        x0, y0, x1, y1 = gebied.vlak.bbox
        for _ in range(10000):
            lat, lon = round(self.rnd.uniform(y0, y1), 5), round(self.rnd.uniform(x0, x1), 5)
            if not gebied.vlak.bevat(lat, lon) or not self.gebieden.in_enschede(lat, lon):
                continue
            buurt = self.gebieden.buurt_bij(lat, lon)
            if buurt is not None and gebied.code in (buurt.code, buurt.wijkcode):
                return [lat, lon]
        raise RuntimeError(f"geen punt gevonden in {gebied.code}")

    def gebied(self, i: int) -> tuple[str | list[str], list[Gebied]]:
        """'stedelijk' or wijk/buurt codes, spread over all wijken (the i-th record: wijk i mod 10),
        and the areas its locations go in."""
        r = self.rnd
        wijk = self.gebieden.wijken[self.wijken[i % len(self.wijken)]]
        buurten = sorted(self.gebieden.buurten_van(wijk.code), key=lambda b: b.code)
        kans = r.random()
        if kans < 0.15:  # city-wide, located anywhere in Enschede
            return "stedelijk", [wijk, *buurten]
        if kans < 0.55 or not buurten:  # one wijk, sometimes two
            gebieden = [wijk]
            if r.random() < 0.1:
                gebieden.append(self.gebieden.wijken[self.wijken[(i + 3) % len(self.wijken)]])
            return [g.code for g in gebieden], gebieden
        gekozen = sorted(r.sample(buurten, min(len(buurten), r.randint(1, 2))), key=lambda b: b.code)
        return [b.code for b in gekozen], gekozen

    def openingstijden(self) -> dict:
        r = self.rnd
        uit: dict = {}
        if r.random() < 0.25:
            uit["op_afspraak"] = True
        if "op_afspraak" not in uit or r.random() < 0.3:
            blokken = []
            for _ in range(r.randint(1, 3)):
                van = r.choice([8 * 60 + 30, 9 * 60, 9 * 60 + 30, 10 * 60, 13 * 60, 13 * 60 + 30, 19 * 60])
                tot = min(van + r.choice([60, 90, 120, 180, 240]), 23 * 60)
                blokken.append({
                    "dagen": sorted(r.sample(list(DAGEN)[:6], r.randint(1, 3)), key=list(DAGEN).index),
                    "van": f"{van // 60:02d}:{van % 60:02d}", "tot": f"{tot // 60:02d}:{tot % 60:02d}",
                })  # fmt: skip
            uit["openingstijden"] = blokken
        if r.random() < 0.3:
            uit["openingstijden_toelichting"] = "Fictieve openingstijden: in de schoolvakanties gesloten."
        return uit

    def locaties(self, nummer: int, gebieden: list[Gebied]) -> list[dict]:
        r = self.rnd
        uit = []
        for j in range(r.randint(1, 3)):
            locatie: dict = {
                "naam": f"Fictieve locatie {self.woord().capitalize()} {nummer:05d}-{j + 1}",
                "plaats": "Enschede",
                "coordinaten": self.punt_in(r.choice(gebieden)),
            }
            if r.random() < 0.2:
                locatie["coordinaten_bij_benadering"] = True
            if r.random() < 0.5:
                locatie["toegankelijkheid"] = sorted(r.sample(list(TOEGANKELIJKHEID), r.randint(1, 3)), key=list(TOEGANKELIJKHEID).index)
            locatie.update(self.openingstijden())
            uit.append(locatie)
        return uit

    # -- records ------------------------------------------------------------------------

    def organisaties(self) -> None:
        map_ = self.doel / "organisaties"
        for i, id_ in enumerate(self.orgs):
            r = self.rnd
            domein = f"fictief-{i:03d}.example"
            data = {
                "naam": f"Fictieve {r.choice(ORGANISATIESOORTEN)} {self.woord().capitalize()} {i:03d}",
                "samenvatting": self.samenvatting(),
                "beschrijving": self.markdown(domein, "over-ons"),
                "type": r.choice(list(TYPEN)),
                "contact": {"website": f"https://www.{domein}/"},
                "themas": self.themas(),
                "beheer": self.beheer(id_),
                "bron": BRON,
            }
            if r.random() < 0.5:
                data["contact"]["email"] = f"info@{domein}"
            schrijf(map_ / f"{id_}.yml", "organisatie", data)

    def voorzieningen(self, gegenereerd: Gegenereerd) -> None:
        map_ = self.doel / "voorzieningen"
        kandidaten: list[tuple[str, str]] = []
        for i, id_ in enumerate(self.v_ids):
            r = self.rnd
            org = r.choice(self.orgs)
            domein = f"fictief-{self.orgs.index(org):03d}.example"
            gebied, plekken = self.gebied(i)
            data: dict = {
                "naam": f"Fictieve {r.choice(VOORZIENINGSOORTEN)} {self.woord().capitalize()} {i:05d}",
                "samenvatting": self.samenvatting(),
                "beschrijving": self.markdown(domein, f"aanbod-{i:05d}"),
                "themas": self.themas(),
                "doelgroepen": sorted(r.sample(self.doelgroepen, r.randint(1, 3)), key=self.doelgroepen.index),
            }
            if r.random() < 0.3:
                van = r.choice([0, 4, 12, 16, 18, 23, 55, 65])
                data["leeftijd"] = {"van": van, "tot": van + r.choice([4, 6, 10, 30])} if r.random() < 0.6 else {"van": van}
            data["organisatie"] = org
            data["gebied"] = gebied
            data["toegang"] = r.choices(["vrij", "verwijzing", "indicatie"], [50, 30, 20])[0]
            data["aanmelden"] = (
                f"1. {self.zin(r.randint(5, 12))}\n2. {self.zin(r.randint(5, 12))}\n\n"
                f"Aanmelden kan via [het fictieve formulier](https://www.{domein}/aanmelden-{i:05d}/).\n"
            )
            data["kosten"] = r.choices(["gratis", "eigen-bijdrage", "betaald"], [60, 20, 20])[0]
            if data["kosten"] != "gratis" and r.random() < 0.6:
                data["kosten_toelichting"] = "Fictief bedrag: " + self.zin(r.randint(4, 10))
            data["kanalen"] = sorted(r.sample(list(KANALEN), r.randint(1, 3)), key=list(KANALEN).index)
            if r.random() < 0.7:
                data["contact"] = {"website": f"https://www.{domein}/aanbod-{i:05d}/"}
                if r.random() < 0.4:
                    data["contact"]["email"] = f"aanbod-{i:05d}@{domein}"
            if r.random() < 0.6:
                data["talen"] = ["nl", *sorted(r.sample([t for t in TALEN if t != "nl"], r.randint(0, 3)))]
            data["locaties"] = self.locaties(i, plekken)
            status = r.choices(["actief", "tijdelijk-gesloten", "gestopt"], [95, 3, 2])[0]
            if status != "actief":
                data["status"] = status
            intern = r.random() < 0.1
            if intern:
                data["zichtbaarheid"] = "intern"
            if r.random() < 0.1:
                data["onbevestigd"] = {"toegang": "Fictief: afgeleid uit een verzonnen verwijstabel."}
            data["beheer"] = self.beheer(org)
            data["bron"] = BRON
            gerelateerd = self.gerelateerd(
                f"voorzieningen/{id_}",
                [("voorzieningen", self.v_ids), ("methodieken", self.m_ids), ("werkinstructies", self.w_ids)],
                3,
            )
            if gerelateerd:
                data["gerelateerd"] = gerelateerd
            if r.random() < 0.3:
                data["intern"] = {"verwijsinformatie": self.alinea(r.randint(1, 3))}
            schrijf(map_ / f"{id_}.yml", "voorziening", data)
            if status != "gestopt" and not intern:  # a page in the publiek edition
                gegenereerd.records_publiek += 1
                if isinstance(gebied, list) and len(gebied) == 1 and gebied[0].startswith("WK"):
                    kandidaten.append((id_, gebied[0]))
        if kandidaten:  # five records spread over the list, for the serve measurement
            gegenereerd.te_wijzigen = [kandidaten[len(kandidaten) * k // 10] for k in (1, 3, 5, 7, 9)]

    def methodieken(self) -> None:
        map_ = self.doel / "methodieken"
        for i, id_ in enumerate(self.m_ids):
            r = self.rnd
            data = {
                "naam": f"Fictieve methodiek {self.woord().capitalize()} {i:04d}",
                "samenvatting": self.samenvatting(),
                "beschrijving": self.markdown("kennis-fictief.example", f"methodieken/{i:04d}"),
                "themas": self.themas(),
                "doelgroepen": sorted(r.sample(self.doelgroepen, r.randint(1, 2)), key=self.doelgroepen.index),
                "onderbouwing": r.choice(["effectief", "goed-onderbouwd", "theoretisch-onderbouwd", "praktijkervaring"]),
                "doel": self.zin(r.randint(10, 25)),
                "werkwijze": self.markdown("kennis-fictief.example", f"methodieken/{i:04d}/werkwijze"),
                "training": self.alinea(r.randint(1, 3)),
                "bronnen": [
                    {"titel": f"Fictieve bron {i:04d}-{k + 1}: {self.zin(r.randint(3, 8))}",
                     "url": f"https://kennis-fictief.example/bronnen/{i:04d}-{k + 1}.pdf"}
                    for k in range(r.randint(1, 3))
                ],  # fmt: skip
                "eigenaar": "Fictief projectteam methodieken",
                "beheer": self.beheer(r.choice([HUISORGANISATIE, *self.orgs[:5]])),
                "bron": BRON,
            }
            gerelateerd = self.gerelateerd(f"methodieken/{id_}", [("voorzieningen", self.v_ids), ("methodieken", self.m_ids)], 3)
            if gerelateerd:
                data["gerelateerd"] = gerelateerd
            if r.random() < 0.2:
                data["intern"] = {"notities": self.alinea(r.randint(1, 2))}
            schrijf(map_ / f"{id_}.yml", "methodiek", data)

    def werkinstructies(self) -> None:
        map_ = self.doel / "werkinstructies"
        for i, id_ in enumerate(self.w_ids):
            r = self.rnd
            data: dict = {
                "naam": f"Fictieve werkinstructie {self.woord().capitalize()} {i:04d}",
                "samenvatting": self.samenvatting(),
                "beschrijving": self.alinea(r.randint(1, 3)) + "\n",
                "themas": self.themas(),
                "proces": r.choice(self.processen),
            }
            if r.random() < 0.6:
                data["wettelijk_kader"] = sorted(r.sample(self.kaders, r.randint(1, 2)), key=self.kaders.index)
            data["stappen"] = [
                {"titel": f"Fictieve stap {k + 1}: {self.woord()}",
                 "beschrijving": self.markdown("kennis-fictief.example", f"werkinstructies/{i:04d}/stap-{k + 1}"),
                 "rol": r.choice(ROLLEN)}
                for k in range(r.randint(3, 8))
            ]  # fmt: skip
            if r.random() < 0.2:
                data["vaststelling"] = "concept"
            else:
                vastgesteld = self.datum(dt.date(2023, 1, 1), dt.date(2026, 6, 30))
                data["versie"] = f"1.{r.randint(0, 12)}"
                data["vastgesteld_op"] = vastgesteld
                data["herzien_voor"] = (dt.date.fromisoformat(vastgesteld) + dt.timedelta(days=r.choice([365, 730]))).isoformat()
                data["eigenaar"] = "Fictief team werkinstructies"
            data["beheer"] = self.beheer(r.choice([HUISORGANISATIE, *self.orgs[:5]]))
            data["bron"] = BRON
            gerelateerd = self.gerelateerd(
                f"werkinstructies/{id_}", [("voorzieningen", self.v_ids), ("werkinstructies", self.w_ids)], 2
            )
            if gerelateerd:
                data["gerelateerd"] = gerelateerd
            schrijf(map_ / f"{id_}.yml", "werkinstructie", data)


def _woordenlijst(bron: Path, doel: Path, bestaat) -> None:
    """The real glossary, without 'meer' links to records that are not generated."""
    if not bron.exists():
        return
    data = yaml.safe_load(bron.read_text(encoding="utf-8"))
    for woord in (data or {}).get("woorden", {}).values():
        if isinstance(woord, dict) and "meer" in woord and not bestaat(woord["meer"]):
            del woord["meer"]
    doel.write_text(
        "# yaml-language-server: $schema=../schema/woordenlijst.json\n"
        "# De echte woordenlijst, zonder verwijzingen naar records die hier niet bestaan (scripts/fictief.py).\n"
        + yaml_tekst(data),
        encoding="utf-8",
    )


def maak_gegevens(data: Path, schaal: float = 1.0, *, zaad: int = 42, project: Path = PROJECT) -> Gegenereerd:
    """Write a complete data folder with fictional records into ``data`` (which must not exist yet)."""
    bron = project / "data"
    if data.resolve() == bron.resolve():
        raise SystemExit("fout: schrijf fictieve gegevens nooit in de echte map data/")
    data.mkdir(parents=True)
    shutil.copytree(bron / "gebieden", data / "gebieden")
    shutil.copy(bron / "taxonomie.yml", data / "taxonomie.yml")
    for soort in ("voorzieningen", "methodieken", "werkinstructies", "organisaties"):
        (data / soort).mkdir()
    shutil.copy(bron / "organisaties" / f"{HUISORGANISATIE}.yml", data / "organisaties" / f"{HUISORGANISATIE}.yml")
    maker = Maker(data, schaal, zaad, project)
    gegenereerd = Gegenereerd(project=data.parent, schaal=schaal, aantallen={})
    maker.organisaties()
    maker.voorzieningen(gegenereerd)
    maker.methodieken()
    maker.werkinstructies()
    gegenereerd.aantallen = {s: len(list((data / s).glob("*.yml"))) for s in AANTALLEN}
    # intern: every record has a page; publiek: current publiek voorzieningen and the organisaties
    gegenereerd.records_intern = gegenereerd.records
    gegenereerd.records_publiek += gegenereerd.aantallen["organisaties"]
    _woordenlijst(bron / "woordenlijst.yml", data / "woordenlijst.yml", lambda ref: (data / f"{ref}.yml").exists())
    return gegenereerd


def maak_project(doel: Path, schaal: float = 1.0, *, zaad: int = 42, git: bool = True, project: Path = PROJECT) -> Gegenereerd:
    """A copy of the project in ``doel`` (docs, overrides, configuration) with fictional data; with
    ``git``, committed once (as in a real checkout, so 'Recent gewijzigd' reads the history)."""
    doel.mkdir(parents=True, exist_ok=True)
    for naam in ("docs", "overrides"):
        if (project / naam).is_dir():
            shutil.copytree(project / naam, doel / naam)
    for bestand in sorted(project.glob("mkdocs*.yml")):
        shutil.copy(bestand, doel / bestand.name)
    gegenereerd = maak_gegevens(doel / "data", schaal, zaad=zaad, project=project)
    if git and shutil.which("git"):
        omgeving = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
        omgeving.update(GIT_AUTHOR_DATE="2026-11-01T12:00:00+01:00", GIT_COMMITTER_DATE="2026-11-01T12:00:00+01:00")
        naam = ["-c", "user.name=Fictieve gegevens", "-c", "user.email=benchmark@wijkportaal.example", "-c", "commit.gpgsign=false"]
        for opdracht in (["init", "-q"], ["add", "-A"], [*naam, "commit", "-q", "-m", "Fictieve gegevens"]):
            subprocess.run(["git", *opdracht], cwd=doel, env=omgeving, check=True, capture_output=True)
    return gegenereerd


def main() -> int:
    parser = argparse.ArgumentParser(description="Schrijf een kopie van het project met fictieve gegevens.")
    parser.add_argument("doel", type=Path, help="een nieuwe map (bestaat ze al, dan moet ze leeg zijn)")
    parser.add_argument("--schaal", type=float, default=1.0, help="1 = 5000 voorzieningen, 500 methodieken, 1000 werkinstructies")
    parser.add_argument("--zaad", type=int, default=42)
    args = parser.parse_args()
    if args.doel.exists() and any(args.doel.iterdir()):
        print(f"fout: {args.doel} bestaat al en is niet leeg", file=sys.stderr)
        return 2
    g = maak_project(args.doel, args.schaal, zaad=args.zaad)
    print(f"Geschreven in {args.doel}: " + ", ".join(f"{n} {s}" for s, n in g.aantallen.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
