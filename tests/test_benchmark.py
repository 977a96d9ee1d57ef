"""The benchmark's generator (scripts/fictief.py) writes valid, clearly fictional data.

Cheap on purpose: a tiny scale, no build. The benchmark itself (scripts/benchmark.py) is run by hand.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from conftest import PROJECT, VANDAAG

from wijkportaal.catalogus import laad_catalogus

_spec = importlib.util.spec_from_file_location("fictief", PROJECT / "scripts" / "fictief.py")
assert _spec is not None and _spec.loader is not None
fictief = importlib.util.module_from_spec(_spec)
sys.modules["fictief"] = fictief  # dataclasses look their module up
_spec.loader.exec_module(fictief)


def test_fictieve_gegevens_zijn_geldig_en_liggen_in_hun_gebied(tmp_path: Path):
    import datetime as dt

    data = tmp_path / "data"
    gegenereerd = fictief.maak_gegevens(data, 0.002)  # 10 voorzieningen, 1 methodiek, 2 werkinstructies
    assert gegenereerd.aantallen == {"voorzieningen": 10, "methodieken": 1, "werkinstructies": 2, "organisaties": 2}
    cat, problemen = laad_catalogus(data, vandaag=dt.date.fromisoformat(VANDAAG))
    assert not list(problemen), "\n".join(map(str, problemen))  # no errors, and no warnings (the build is strict)
    assert cat.aantal_records() == gegenereerd.records == 15

    gebieden = cat.gebieden
    wijken = set()
    for v in cat.soort_alle("voorzieningen"):
        assert v.naam.startswith("Fictieve ")
        assert v.locaties and len(v.locaties) <= 3
        for locatie in v.locaties:
            assert locatie.coordinaten is not None and locatie.adres == "" and locatie.postcode == ""
            lat, lon = locatie.coordinaten
            assert gebieden.in_enschede(lat, lon)
            if v.stedelijk:
                continue
            # inside the polygon of one of its own wijken or buurten, and placed there by the catalogue
            eigen = [gebieden.wijken.get(c) or gebieden.buurten[c] for c in v.gebiedcodes]
            assert any(g.vlak.bevat(lat, lon) for g in eigen), (v.id, locatie.coordinaten, v.gebiedcodes)
            assert {locatie.buurtcode, locatie.wijkcode} & set(v.gebiedcodes)
        wijken |= cat.wijken_van(v) if not v.stedelijk else set()
    assert len(wijken) >= 8  # ten records, one per wijk (the stedelijk ones have none of their own)

    # clearly fictional: no phone numbers, websites and e-mail only under .example
    for pad in data.glob("*/fictie*.yml"):
        tekst = pad.read_text(encoding="utf-8")
        assert "telefoon:" not in tekst
        for regel in tekst.splitlines():
            if "https://" in regel or "@" in regel.split("#")[0]:
                assert ".example" in regel, (pad.name, regel)
    assert all(r.naam.startswith("Fictie") for r in cat.alle() if r.id != "wijkteams-enschede")

    # deterministic: the same seed and scale write the same files
    weer = fictief.maak_gegevens(tmp_path / "weer", 0.002)
    assert weer.te_wijzigen == gegenereerd.te_wijzigen
    for pad in sorted(data.rglob("*.yml")):
        assert (tmp_path / "weer" / pad.relative_to(data)).read_text(encoding="utf-8") == pad.read_text(encoding="utf-8")
