"""Export (open data): the voorzieningen of one edition as JSON, CSV and GeoJSON.

Three files under :data:`adressen.OPEN_DATA`, made from the validated catalogue of
one edition (so the publiek files hold publiek records only, and never an
``intern:`` field or a reference to a record that is not in the edition):

``voorzieningen.json``
    every current voorziening with its fields as in its YAML file, plus the
    computed fields of :data:`BEREKEND` (page address, wijken; per location its
    CBS buurt and wijk).
``voorzieningen.csv``
    one row per location (a voorziening without locations gets one row with the
    location columns empty), for Dutch Excel: UTF-8 with BOM, ``;`` between
    fields, a decimal comma, and text that Excel would run as a formula
    (starting with ``=``, ``+``, ``-``, ``@``) prefixed with ``'``.
``voorzieningen.geojson``
    one Point feature per location with coordinates (RFC 7946: [lengtegraad,
    breedtegraad]).

The columns are declared once in :data:`KOLOMMEN`, with their Dutch explanation,
so the /open-data/ page that documents them cannot drift from the files. The
HSDS 3.0 export is :mod:`.hsds`; the page is :mod:`.paginas.opendata`.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Callable

from . import adressen
from .adressen import absoluut, adres
from .catalogus import Catalogus
from .voorziening import DAGEN, Locatie, Voorziening

LICENTIE = "CC BY 4.0"
LICENTIE_URL = "https://creativecommons.org/licenses/by/4.0/deed.nl"


def bronvermelding(cat: Catalogus, site_naam: str) -> str:
    """The attribution a reuser must show (the boundaries' source from data/gebieden/bron.yml)."""
    return f"{site_naam}, Wijkteams Enschede en partners. Bron gebiedsindeling: {cat.gebieden.bron.vermelding}."


# The fields the JSON adds to those of the YAML file: (name, explanation).
BEREKEND: list[tuple[str, str]] = [
    ("url", "adres van de pagina van de voorziening (zonder ingesteld site-adres: vanaf de hoofdmap van de site)"),
    ("organisatie_naam", "naam van de organisatie uit 'organisatie'"),
    ("wijken", "CBS-wijken uit 'gebied' en die van de locaties (bij 'stedelijk' alleen die van de locaties): "
     "lijst van {code, naam}"),
    ("onbevestigd", "in de openbare editie alleen de namen van de velden die de organisatie nog niet heeft bevestigd "
     "(de redenen staan alleen in de interne editie)"),
    ("locaties[].buurt", "CBS-buurt waarin de locatie ligt, berekend uit de coördinaten: {code, naam}"),
    ("locaties[].wijk", "CBS-wijk waarin de locatie ligt: {code, naam}"),
]


@dataclass(frozen=True)
class Kolom:
    """One column of the CSV: its name, what it holds, and how to get it from a voorziening and location."""

    naam: str
    uitleg: str
    waarde: Callable[["_Rij"], object]


@dataclass
class _Rij:
    cat: Catalogus
    v: Voorziening
    locatie: Locatie | None
    site_url: str

    def lijst(self, waarden: list[str]) -> str:
        return ", ".join(waarden)

    def gebied(self, code: str) -> str:
        g = _gebied(self.cat, code)
        return g["naam"] if g else ""


def _decimaal(getal: float | None) -> str:
    """A number as Dutch Excel reads it: a decimal comma (52,2067), not a thousands separator."""
    return "" if getal is None else repr(float(getal)).replace(".", ",")


def _openingstijden(locatie: Locatie | None) -> str:
    """'ma, wo 09:00-12:30; vr 13:00-17:00', in the order of the file."""
    if locatie is None:
        return ""
    return "; ".join(
        f"{', '.join(b.get('dagen', []))} {b.get('van', '')}-{b.get('tot', '')}" for b in locatie.openingstijden
    )


def _l(veld: str) -> Callable[[_Rij], object]:
    return lambda r: getattr(r.locatie, veld) if r.locatie else ""


KOLOMMEN: list[Kolom] = [
    Kolom("id", "vaste code van de voorziening (de bestandsnaam); verandert niet", lambda r: r.v.id),
    Kolom("naam", "naam", lambda r: r.v.naam),
    Kolom("samenvatting", "één of twee zinnen over de voorziening", lambda r: r.v.samenvatting),
    Kolom("organisatie", "code van de organisatie die de voorziening aanbiedt", lambda r: r.v.organisatie),
    Kolom("organisatie_naam", "naam van die organisatie", lambda r: _organisatienaam(r.cat, r.v)),
    Kolom("themas", "thema's (codes uit de taxonomie), gescheiden door komma's", lambda r: r.lijst(r.v.themas)),
    Kolom("doelgroepen", "doelgroepen (codes), gescheiden door komma's", lambda r: r.lijst(r.v.doelgroepen)),
    Kolom("toegang", "vrij, verwijzing of indicatie", lambda r: r.v.toegang),
    Kolom("kosten", "gratis, eigen-bijdrage of betaald (leeg: onbekend)", lambda r: r.v.kosten),
    Kolom("kanalen", "fysiek, telefonisch, online, huisbezoek", lambda r: r.lijst(r.v.kanalen)),
    Kolom("talen", "talen als ISO 639-codes", lambda r: r.lijst(r.v.talen)),
    Kolom("leeftijd_van", "vanaf deze leeftijd (jaren)", lambda r: r.v.leeftijd[0]),
    Kolom("leeftijd_tot", "tot en met deze leeftijd (jaren)", lambda r: r.v.leeftijd[1]),
    Kolom("gebied", "'stedelijk' of CBS-wijk- en buurtcodes", lambda r: "stedelijk" if r.v.stedelijk else r.lijst(r.v.gebiedcodes)),
    Kolom("wijken", "CBS-wijkcodes uit 'gebied' en van de locaties (berekend)", lambda r: r.lijst(sorted(r.cat.wijken_van(r.v)))),
    Kolom("status", "actief of tijdelijk-gesloten", lambda r: r.v.status),
    Kolom("telefoon", "telefoonnummer", lambda r: r.v.contact.get("telefoon", "")),
    Kolom("email", "e-mailadres", lambda r: r.v.contact.get("email", "")),
    Kolom("website", "website", lambda r: r.v.contact.get("website", "")),
    Kolom("laatst_gecontroleerd", "datum (JJJJ-MM-DD) waarop de inhoud voor het laatst is bevestigd",
          lambda r: r.v.beheer.get("laatst_gecontroleerd", "")),
    Kolom("url", "adres van de pagina op deze site", lambda r: _url(r.v, r.site_url)),
    Kolom("locatie_naam", "naam van de locatie", _l("naam")),
    Kolom("adres", "straat en huisnummer", _l("adres")),
    Kolom("postcode", "postcode", _l("postcode")),
    Kolom("plaats", "plaats", _l("plaats")),
    Kolom("breedtegraad", "breedtegraad (WGS84), met decimale komma",
          lambda r: _decimaal(r.locatie.coordinaten[0]) if r.locatie and r.locatie.coordinaten else ""),
    Kolom("lengtegraad", "lengtegraad (WGS84), met decimale komma",
          lambda r: _decimaal(r.locatie.coordinaten[1]) if r.locatie and r.locatie.coordinaten else ""),
    Kolom("coordinaten_bij_benadering", "ja als de coördinaten niet het precieze adres zijn",
          lambda r: ("ja" if r.locatie.bij_benadering else "nee") if r.locatie and r.locatie.coordinaten else ""),
    Kolom("buurtcode", "CBS-buurt van de locatie (berekend)", _l("buurtcode")),
    Kolom("buurt", "naam van die buurt", lambda r: r.gebied(r.locatie.buurtcode) if r.locatie else ""),
    Kolom("wijkcode", "CBS-wijk van de locatie (berekend)", _l("wijkcode")),
    Kolom("wijk", "naam van die wijk", lambda r: r.gebied(r.locatie.wijkcode) if r.locatie else ""),
    Kolom("openingstijden", f"dagen ({', '.join(DAGEN)}) en tijden, blokken gescheiden door ';'", lambda r: _openingstijden(r.locatie)),
    Kolom("op_afspraak", "ja als u alleen op afspraak terecht kunt",
          lambda r: ("ja" if r.locatie.op_afspraak else "nee") if r.locatie else ""),
    Kolom("toegankelijkheid", "toegankelijkheid van de locatie", lambda r: r.lijst(r.locatie.toegankelijkheid) if r.locatie else ""),
]  # fmt: skip

# Only in the intern edition: the professionals' fields, 'sleutel: waarde' per line.
KOLOM_INTERN = Kolom(
    "intern", "alleen in de interne editie: de velden voor professionals, per regel 'veld: tekst'",
    lambda r: "\n".join(f"{k}: {str(w).strip()}" for k, w in r.v.intern.items()),
)  # fmt: skip


def _organisatienaam(cat: Catalogus, v: Voorziening) -> str:
    org = cat.organisatie(v.organisatie)
    return org.naam if org else ""


def _url(v: Voorziening, site_url: str) -> str:
    return absoluut(site_url, adres(v)) or adres(v)


def _gebied(cat: Catalogus, code: str) -> dict[str, str] | None:
    g = cat.gebieden.buurten.get(code) or cat.gebieden.wijken.get(code)
    return {"code": code, "naam": g.naam} if g else None


def record(cat: Catalogus, v: Voorziening, site_url: str = "") -> dict:
    """One voorziening as in its YAML file, plus the computed fields (:data:`BEREKEND`)."""
    data = {"id": v.id, **{k: w for k, w in v.data.items() if k != "id"}}
    if cat.is_publiek():
        data.pop("intern", None)
        if "onbevestigd" in data:  # the reasons are for staff; residents see which values are unconfirmed
            data["onbevestigd"] = list(data["onbevestigd"])
    if "gerelateerd" in data:
        data["gerelateerd"] = [ref for ref in v.gerelateerd if cat.zoek(ref) is not None]
        if not data["gerelateerd"]:
            del data["gerelateerd"]
    if "locaties" in data:
        data["locaties"] = [
            {**ruw, **{k: g for k, g in (("buurt", _gebied(cat, l.buurtcode)), ("wijk", _gebied(cat, l.wijkcode))) if g}}
            for ruw, l in zip(data["locaties"], v.locaties)
        ]
    data["url"] = _url(v, site_url)
    if naam := _organisatienaam(cat, v):
        data["organisatie_naam"] = naam
    data["wijken"] = [g for g in (_gebied(cat, c) for c in sorted(cat.wijken_van(v))) if g]
    return data


def kolommen(cat: Catalogus) -> list[Kolom]:
    return KOLOMMEN + ([] if cat.is_publiek() else [KOLOM_INTERN])


_FORMULE = ("=", "+", "-", "@", "\t", "\r")


def _cel(waarde: object) -> str:
    """A cell Excel shows as text: a leading = + - @ would make it a formula (CSV injection)."""
    if waarde is None:
        return ""
    tekst = str(waarde)
    return "'" + tekst if tekst.startswith(_FORMULE) else tekst


def als_json(cat: Catalogus, site_url: str = "", site_naam: str = "Wijkportaal Enschede") -> str:
    voorzieningen = [record(cat, v, site_url) for v in cat.voorzieningen]
    inhoud = {
        "titel": f"Voorzieningen – {site_naam}",
        "editie": cat.editie,
        "datum": cat.vandaag.isoformat(),
        "licentie": LICENTIE,
        "licentie_url": LICENTIE_URL,
        "bronvermelding": bronvermelding(cat, site_naam),
        "aantal": len(voorzieningen),
        "voorzieningen": voorzieningen,
    }
    return json.dumps(inhoud, ensure_ascii=False, indent=1) + "\n"


def als_csv(cat: Catalogus, site_url: str = "") -> str:
    """The CSV text, starting with a BOM (written as UTF-8 that is Excel's sign for UTF-8)."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    gekozen = kolommen(cat)
    schrijver.writerow([k.naam for k in gekozen])
    for v in cat.voorzieningen:
        for locatie in v.locaties or [None]:
            rij = _Rij(cat, v, locatie, site_url)
            schrijver.writerow([_cel(k.waarde(rij)) for k in gekozen])
    return "\ufeff" + uit.getvalue()


def als_geojson(cat: Catalogus, site_url: str = "") -> str:
    features = []
    for v in cat.voorzieningen:
        for i, locatie in enumerate(v.locaties):
            if locatie.coordinaten is None:
                continue
            lat, lon = locatie.coordinaten
            rij = _Rij(cat, v, locatie, site_url)
            eigenschappen = {k.naam: k.waarde(rij) for k in KOLOMMEN if k.naam not in ("breedtegraad", "lengtegraad")}
            eigenschappen["coordinaten_bij_benadering"] = locatie.bij_benadering
            eigenschappen["op_afspraak"] = locatie.op_afspraak
            features.append({
                "type": "Feature",
                "id": f"{v.id}#{i + 1}",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {k: w for k, w in eigenschappen.items() if w not in ("", None)},
            })  # fmt: skip
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1) + "\n"


def bestanden(cat: Catalogus, site_url: str = "", site_naam: str = "Wijkportaal Enschede") -> dict[str, str]:
    """{site path: text} of the three files."""
    return {
        adressen.EXPORT_JSON: als_json(cat, site_url, site_naam),
        adressen.EXPORT_CSV: als_csv(cat, site_url),
        adressen.EXPORT_GEOJSON: als_geojson(cat, site_url),
    }
