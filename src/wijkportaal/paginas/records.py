"""Record pages: one page per voorziening, methodiek, werkinstructie, organisatie and vraag;
a current voorziening's page carries its schema.org JSON-LD (:mod:`wijkportaal.structuurdata`)."""

from __future__ import annotations

from typing import Iterator

from .. import structuurdata
from ..adressen import adres
from ..methodiek import Methodiek
from ..organisatie import Organisatie
from ..record import Record
from ..soorten import SOORTEN
from ..team import Team
from ..voorziening import Voorziening
from ..vraag import Vraag
from . import teams, vragen
from .basis import Pagina, Weergave


def recordpagina(w: Weergave, record: Record) -> Pagina:
    url = adres(record)
    extra: dict = {}
    if isinstance(record, Voorziening) and any(l.coordinaten for l in record.locaties):
        extra["kaart"] = w.kaart(
            url, "voorziening", [record], hoogte="16rem", zoom=14,
            omschrijving=f"Kaart met de locaties van {record.naam}", lijst_anker="locaties",
        )  # fmt: skip
    if isinstance(record, Organisatie):
        extra["aanbod"] = w.cat.van_organisatie(record.id)
        extra["beheerd"] = [r for r in w.cat.alle() if r.beheerder == record.id and r is not record]
    if isinstance(record, Methodiek):
        extra["vraag_teams"] = teams.vraag_het_aan(w.cat, teams.met_methodiek(w.cat, record.id))
    if isinstance(record, Team):
        extra.update(teams.recordgegevens(w.cat, record))
    if isinstance(record, Vraag):
        extra["in_dit_antwoord"] = vragen.in_dit_antwoord(w, record)
    pagina = w.render(
        SOORTEN[record.SOORT].template, url, record.naam, beschrijving=record.samenvatting, r=record, **extra,
    )  # fmt: skip
    if isinstance(record, Voorziening) and not record.bestaat_niet_meer(w.cat.vandaag):
        pagina.kop = structuurdata.scriptblok(structuurdata.voorziening(w.cat, record, w.site_url))
    return pagina


def paginas(w: Weergave) -> Iterator[Pagina]:
    """Every record with a page: the current ones, and in the intern edition the stopped ones too."""
    for record in w.cat.met_pagina():
        yield recordpagina(w, record)
