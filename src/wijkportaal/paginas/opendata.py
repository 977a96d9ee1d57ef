"""/open-data/: what each export file holds, its fields, licence and attribution (both editions).

The files themselves are made by :mod:`wijkportaal.export` and :mod:`wijkportaal.hsds`;
this page lists their columns and fields from the same declarations (and the
voorziening schema), so the documentation cannot drift from the files.
"""

from __future__ import annotations

from .. import adressen, export
from ..adressen import relatief
from ..voorziening import SCHEMA as VOORZIENING_SCHEMA
from .basis import Pagina, Weergave

TITEL = "Open data"


def _velden(publiek: bool) -> list[tuple[str, str]]:
    """The voorziening's own fields (as in its YAML file) with their description."""
    return [
        (naam, schema.get("description", ""))
        for naam, schema in VOORZIENING_SCHEMA["properties"].items()
        if not (publiek and naam == "intern")
    ]


def open_data_pagina(w: Weergave, hsds_bestanden: list[tuple[str, str]]) -> Pagina:
    url = adressen.OPEN_DATA
    cat = w.cat
    aantal = len(cat.voorzieningen)
    return w.render(
        "opendata.html", url, TITEL,
        beschrijving="De voorzieningen van deze sociale kaart als open data: JSON, CSV voor Excel, GeoJSON voor "
        "kaarten en Open Referral HSDS 3.0. Met uitleg over de velden, de licentie en de bronvermelding.",
        aantal=aantal,
        aantal_locaties=sum(len(v.locaties) for v in cat.voorzieningen),
        op_kaart=sum(1 for v in cat.voorzieningen for l in v.locaties if l.coordinaten is not None),
        bestand=lambda pad: relatief(url, adressen.OPEN_DATA) + pad.removeprefix(adressen.OPEN_DATA),
        kolom_rijen=[(k.naam, k.uitleg) for k in export.kolommen(cat)],
        velden=_velden(cat.is_publiek()),
        berekend=export.BEREKEND,
        hsds_bestanden=hsds_bestanden,
        hsds_map=adressen.HSDS.removeprefix(adressen.OPEN_DATA),
        licentie=export.LICENTIE, licentie_url=export.LICENTIE_URL,
        bronvermelding=export.bronvermelding(w.cat, w.site_naam),
        site_url=w.site_url,
    )  # fmt: skip
