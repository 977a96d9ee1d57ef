"""The Open Referral HSDS 3.0 export of one edition's voorzieningen (``open-data/hsds/``).

:func:`bestanden` gives ``{site path: JSON text}``; the site engine only places the
files. Each file is a JSON list of objects, shaped as the HSDS 3.0 API returns them
and validated against the HSDS schemas in the tests (``tests/test_hsds.py``):

=============================  =================================================================
``services.json``              ``compiled/service.json``: each service fully nested (organization,
                               phones, languages, service_areas, attributes, service_at_locations
                               with their location and schedules)
``organizations.json``         ``compiled/organization.json``, with ``services`` (id, name, status)
``locations.json``             ``location.json``
``service_at_locations.json``  ``compiled/service_at_location.json``, with the location nested
``taxonomies.json``            ``taxonomy.json``
``taxonomy_terms.json``        ``taxonomy_term.json``
=============================  =================================================================

Mapping decisions (the /open-data/ page lists them for reusers):

- **Which voorzieningen**: exactly those that have a page in this edition. The publiek
  edition exports only current ones (not ``gestopt``, not past ``geldig_tot``), like every
  list on the publiek site; the intern edition also the ones that stopped, with their status.
- **Ids** are UUID 5 from :data:`NAMESPACE` and a key made of the record's reference
  (``voorzieningen/meubeldepot``) and, for parts of it, what the part is: a location by its
  naam, adres, postcode and plaats (so reordering the locations keeps the ids), a schedule
  by its days and times, a phone by its number. The same record has the same ids in both
  editions and in every build; renaming a record file gives it new ids.
- **status**: ``actief`` → ``active``, ``tijdelijk-gesloten`` → ``temporarily closed``,
  ``gestopt`` → ``defunct`` (it no longer exists), past ``geldig_tot`` → ``inactive`` (the
  information is no longer current; the source does not say the service stopped).
- **organizations**: the organisaties that offer an exported voorziening (HSDS is about
  services; an organisation that only maintains records is left out). A voorziening whose
  organisatie is not in this edition gets no ``organization_id``.
- **locations**: one per location of a voorziening (never merged across voorzieningen), with
  an address only when ``adres``, ``postcode`` and ``plaats`` are all known (HSDS requires all
  three); ``state_province`` Overijssel and ``country`` NL. Approximate coordinates
  (``coordinaten_bij_benadering``) say so in the location's ``description``; ``bereikbaarheid``
  (bus, train) is its ``transportation``.
- **schedules** belong to the service at a location (``service_at_location_id``): one per
  block of openingstijden, ``freq`` WEEKLY, ``byday`` as ``MO,WE``, ``opens_at``/``closes_at``
  as ``09:00:00``, in Dutch local time (Europe/Amsterdam). No UTC offset: it changes with
  summer time, and a fixed one would be wrong half the year. ``op_afspraak`` →
  ``attending_type`` "alleen op afspraak".
- **taxonomies**: one per section of ``data/taxonomie.yml`` that the exported services use
  (thema's, doelgroepen), with only the terms they use and the hoofdthema of each subthema
  (``parent_id``); the services point to them through ``attributes`` (``link_entity``
  ``service``, ``link_type`` ``thema`` or ``doelgroep``). A third taxonomy "Nog niet
  bevestigd" marks the exported values the organisation has not confirmed yet
  (``link_type`` ``onbevestigd``), as the site does; the reason is staff-only and never exported.
- Nothing is invented: a field the data does not have is left out. ``intern:`` fields and the
  reasons under ``onbevestigd:`` are never exported, in either edition.
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Any, Iterable

from . import adressen
from .catalogus import Catalogus
from .opmaak import opsomming
from .organisatie import Organisatie
from .record import VELDLABELS, Record
from .taxonomie import Term
from .voorziening import DAGEN, KOSTEN, TALEN, TOEGANG, TOEGANKELIJKHEID, Locatie, Voorziening

# Fixed for good: every id in the export is uuid5(NAMESPACE, key). Changing it changes every id.
NAMESPACE = uuid.UUID("26081678-60dd-4387-b198-ab4031f6f20c")

SERVICES = "services.json"
ORGANIZATIONS = "organizations.json"
LOCATIONS = "locations.json"
SERVICE_AT_LOCATIONS = "service_at_locations.json"
TAXONOMIES = "taxonomies.json"
TAXONOMY_TERMS = "taxonomy_terms.json"

BESCHRIJVING: list[tuple[str, str]] = [
    (SERVICES, "De voorzieningen, elk met de organisatie, contactgegevens, talen, gebied, thema's, doelgroepen, locaties en openingstijden."),
    (ORGANIZATIONS, "De organisaties die deze voorzieningen aanbieden, met hun website, e-mailadres en telefoonnummer."),
    (LOCATIONS, "De plekken waar u de voorzieningen vindt, met adres, plaats op de kaart en toegankelijkheid."),
    (SERVICE_AT_LOCATIONS, "Welke voorziening op welke plek is, met de openingstijden op die plek."),
    (TAXONOMIES, "De lijsten waarmee de voorzieningen zijn ingedeeld: thema's, doelgroepen en wat nog niet bevestigd is."),
    (TAXONOMY_TERMS, "De thema's en doelgroepen die de voorzieningen gebruiken, met hun naam en uitleg."),
]

STATUS = {"actief": "active", "tijdelijk-gesloten": "temporarily closed", "gestopt": "defunct"}
VERLOPEN = "inactive"  # past geldig_tot: no longer current, not known to have stopped

_BYDAY = {"ma": "MO", "di": "TU", "wo": "WE", "do": "TH", "vr": "FR", "za": "SA", "zo": "SU"}

# The taxonomy sections a voorziening uses, with the attribute link_type and the HSDS taxonomy.
_SECTIES = {
    "themas": ("thema", "Thema's", "De thema's (onderwerpen) van de sociale kaart: hoofdthema's met hun subthema's."),
    "doelgroepen": ("doelgroep", "Doelgroepen", "De groepen mensen voor wie een voorziening bedoeld is."),
}
_TAXONOMIEEN = (*_SECTIES, "onbevestigd")  # their order in taxonomies.json and taxonomy_terms.json
_OVERZICHT = {"themas": adressen.THEMAS, "doelgroepen": adressen.DOELGROEPEN}
_ONBEVESTIGD = (
    "onbevestigd",
    "Nog niet bevestigd",
    "Gegevens die uit bronnen zijn afgeleid en die de organisatie nog niet heeft bevestigd.",
)

# The fields of a voorziening and an organisatie this export carries (for the "onbevestigd" attributes).
_VELDEN_SERVICE = {
    "samenvatting", "beschrijving", "organisatie", "status", "geldig_tot", "contact", "toegang", "aanmelden",
    "kosten", "kosten_toelichting", "leeftijd", "doelgroepen", "talen", "locaties", "gebied",
}  # fmt: skip
_VELDEN_ORGANISATIE = {"samenvatting", "beschrijving", "contact"}


def _id(sleutel: str) -> str:
    return str(uuid.uuid5(NAMESPACE, sleutel))


def _zonder_leeg(obj: dict[str, Any]) -> dict[str, Any]:
    """Leave out what the data does not have (None, "" and empty lists)."""
    return {k: v for k, v in obj.items() if v is not None and v != "" and v != []}


def _tekst(*delen: str) -> str:
    return "\n\n".join(d.strip() for d in delen if d and d.strip())


def _zin(tekst: str) -> str:
    """'er is een eigen bijdrage' -> 'Er is een eigen bijdrage.'"""
    tekst = tekst.strip()
    return tekst[:1].upper() + tekst[1:] + ("" if tekst.endswith((".", "!", "?")) else ".")


def _normaal(tekst: str) -> str:
    return re.sub(r"\s+", " ", tekst).strip().casefold()


def _status(v: Record, cat: Catalogus) -> str:
    if v.status == "gestopt":
        return STATUS["gestopt"]
    if v.geldig_tot is not None and v.geldig_tot < cat.vandaag:
        return VERLOPEN
    return STATUS.get(v.status, "active")


def _in_export(record: Record, cat: Catalogus) -> bool:
    """The records that have a page in this edition (so every url resolves)."""
    return not cat.is_publiek() or not record.bestaat_niet_meer(cat.vandaag)


def _json(lijst: list[dict]) -> str:
    return json.dumps(lijst, ensure_ascii=False, indent=2) + "\n"


class _Export:
    def __init__(self, cat: Catalogus, site_url: str) -> None:
        self.cat = cat
        self.site_url = site_url
        self.voorzieningen: list[Voorziening] = [
            v for v in cat.soort_alle("voorzieningen") if _in_export(v, cat)  # type: ignore[misc]
        ]
        alle_organisaties: dict[str, Organisatie] = {
            o.id: o for o in cat.soort_alle("organisaties") if _in_export(o, cat)  # type: ignore[misc]
        }
        aanbieders = {v.organisatie for v in self.voorzieningen}
        self.organisaties = {id_: o for id_, o in alle_organisaties.items() if id_ in aanbieders}
        self.termen: dict[str, dict] = {}  # key -> taxonomy_term, in order of first use
        self.taxonomieen: dict[str, dict] = {}

    # -- taxonomies ----------------------------------------------------------------------

    def _taxonomie(self, sectie: str, naam: str, beschrijving: str) -> str:
        id_ = _id(f"taxonomie/{sectie}")
        if sectie not in self.taxonomieen:
            overzicht = _OVERZICHT.get(sectie)  # the site's page of the section, if it has one
            uri = adressen.absoluut(self.site_url, overzicht) if overzicht else None
            self.taxonomieen[sectie] = _zonder_leeg(
                {"id": id_, "name": naam, "description": beschrijving, "uri": uri}
            )
        return id_

    def _term(self, term: Term) -> dict:
        """The taxonomy_term of a thema or doelgroep (and, for a subthema, its hoofdthema first)."""
        sleutel = f"{term.soort}/{term.id}"
        if sleutel in self.termen:
            return self.termen[sleutel]
        ouder = None
        if term.ouder is not None and term.ouder in self.cat.taxonomie.themas:
            ouder = self._term(self.cat.taxonomie.themas[term.ouder])["id"]
        _, naam, beschrijving = _SECTIES[term.soort]
        pagina = adressen.adres(term)
        self.termen[sleutel] = _zonder_leeg(
            {
                "id": _id(sleutel),
                "code": term.id,
                "name": term.label,
                "description": term.beschrijving or term.label,
                "parent_id": ouder,
                "taxonomy_id": self._taxonomie(term.soort, naam, beschrijving),
                "language": "nl",
                "term_uri": adressen.absoluut(self.site_url, pagina) if pagina else None,
            }
        )
        return self.termen[sleutel]

    def _onbevestigd_term(self, veld: str) -> dict:
        sleutel = f"onbevestigd/{veld}"
        if sleutel not in self.termen:
            label = VELDLABELS.get(veld, veld)
            self.termen[sleutel] = {
                "id": _id(sleutel),
                "code": veld,
                "name": label[:1].upper() + label[1:],
                "description": f"De organisatie heeft dit nog niet bevestigd: {label}.",
                "taxonomy_id": self._taxonomie(*_ONBEVESTIGD),
                "language": "nl",
            }
        return self.termen[sleutel]

    def _attributen(self, record: Record, link_entity: str, velden: set[str], termen: Iterable[tuple[str, Term]]) -> list[dict]:
        eigenaar = _id(record.ref)
        uit = []
        for link_type, term in termen:
            t = self._term(term)
            uit.append(
                {
                    "id": _id(f"{record.ref}#{term.soort}/{term.id}"),
                    "link_id": eigenaar,
                    "link_type": link_type,
                    "link_entity": link_entity,
                    "taxonomy_term_id": t["id"],
                    "taxonomy_term": t,
                }
            )
        for veld in sorted(record.onbevestigd):
            if veld not in velden:
                continue
            t = self._onbevestigd_term(veld)
            uit.append(
                {
                    "id": _id(f"{record.ref}#onbevestigd/{veld}"),
                    "link_id": eigenaar,
                    "link_type": "onbevestigd",
                    "link_entity": link_entity,
                    "taxonomy_term_id": t["id"],
                    "taxonomy_term": t,
                }
            )
        return uit

    # -- organizations -------------------------------------------------------------------

    def _telefoons(self, record: Record, contact: dict, veld: str) -> list[dict]:
        nummer = contact.get("telefoon")
        if not nummer:
            return []
        return [{"id": _id(f"{record.ref}#telefoon/{nummer}"), veld: _id(record.ref), "number": nummer}]

    def organisatie(self, o: Organisatie) -> dict:
        """The organization without its services (as nested in a service)."""
        return _zonder_leeg(
            {
                "id": _id(o.ref),
                "name": o.naam,
                "description": _tekst(o.samenvatting, o.beschrijving) or o.naam,
                "email": o.contact.get("email"),
                "website": o.contact.get("website"),
                "phones": self._telefoons(o, o.contact, "organization_id"),
                "attributes": self._attributen(o, "organization", _VELDEN_ORGANISATIE, ()),
            }
        )

    # -- locations -----------------------------------------------------------------------

    def _locaties(self, v: Voorziening) -> list[tuple[str, Locatie]]:
        """(key, location) of a voorziening; the key is its naam and address, so order does not matter."""
        uit, gezien = [], set()
        for l in v.locaties:
            basis = f"{v.ref}#locatie/" + "|".join(_normaal(x) for x in (l.naam, l.adres, l.postcode.replace(" ", ""), l.plaats))
            sleutel, n = basis, 1
            while sleutel in gezien:  # the same place twice in one record: keep both, apart
                n += 1
                sleutel = f"{basis}|{n}"
            gezien.add(sleutel)
            uit.append((sleutel, l))
        return uit

    def locatie(self, v: Voorziening, sleutel: str, l: Locatie) -> dict:
        id_ = _id(sleutel)
        adres = None
        if l.adres and l.postcode and l.plaats:
            adres = {
                "id": _id(f"{sleutel}#adres"),
                "location_id": id_,
                "address_1": l.adres,
                "city": l.plaats,
                "state_province": "Overijssel",
                "postal_code": l.postcode,
                "country": "NL",
                "address_type": "physical",
            }
        organisatie = self.organisaties.get(v.organisatie)
        return _zonder_leeg(
            {
                "id": id_,
                "location_type": "physical",
                "organization_id": _id(organisatie.ref) if organisatie else None,
                "name": l.naam or l.adres,
                "description": "De plaats op de kaart is bij benadering; het precieze adres staat niet in onze gegevens."
                if l.bij_benadering and l.coordinaten
                else None,
                "latitude": l.coordinaten[0] if l.coordinaten else None,
                "longitude": l.coordinaten[1] if l.coordinaten else None,
                "transportation": l.bereikbaarheid or None,
                "addresses": [adres] if adres else [],
                "accessibility": [
                    {"id": _id(f"{sleutel}#toegankelijkheid/{t}"), "location_id": id_, "description": _zin(TOEGANKELIJKHEID[t])}
                    for t in l.toegankelijkheid
                    if t in TOEGANKELIJKHEID
                ],
            }
        )

    def _schemas(self, sleutel: str, sal_id: str, l: Locatie) -> list[dict]:
        uit: dict[str, dict] = {}
        for blok in l.openingstijden:
            dagen = [d for d in DAGEN if d in blok.get("dagen", [])]
            van, tot = blok.get("van"), blok.get("tot")
            if not (dagen and van and tot):
                continue
            byday = ",".join(_BYDAY[d] for d in dagen)
            schema_sleutel = f"{sleutel}#openingstijd/{byday}/{van}-{tot}"
            uit[schema_sleutel] = _zonder_leeg(
                {
                    "id": _id(schema_sleutel),
                    "service_at_location_id": sal_id,
                    "freq": "WEEKLY",
                    "byday": byday,
                    "opens_at": f"{van}:00",
                    "closes_at": f"{tot}:00",
                    "description": _zin(f"{opsomming(DAGEN[d] for d in dagen)} van {van} tot {tot} uur (Nederlandse tijd)"),
                    "attending_type": "alleen op afspraak" if l.op_afspraak else None,
                }
            )
        return list(uit.values())

    def service_at_location(self, v: Voorziening, sleutel: str, l: Locatie) -> dict:
        sal_id = _id(f"{sleutel}#dienst")
        return _zonder_leeg(
            {
                "id": sal_id,
                "service_id": _id(v.ref),
                "location_id": _id(sleutel),
                "description": _tekst("Alleen op afspraak." if l.op_afspraak else "", l.toelichting),
                "schedules": self._schemas(sleutel, sal_id, l),
                "location": self.locatie(v, sleutel, l),
            }
        )

    # -- services ------------------------------------------------------------------------

    def _url(self, v: Voorziening) -> str | None:
        return adressen.absoluut(self.site_url, adressen.adres(v)) or v.contact.get("website")

    def _gebieden(self, v: Voorziening) -> list[dict]:
        service_id = _id(v.ref)
        if v.stedelijk:
            return [{"id": _id(f"{v.ref}#gebied/stedelijk"), "service_id": service_id, "name": "Enschede", "description": "Heel Enschede."}]
        uit = []
        for code in v.gebiedcodes:
            gebied = self.cat.gebieden.wijken.get(code) or self.cat.gebieden.buurten.get(code)
            if gebied is None:
                continue
            soort = "CBS-wijk" if gebied.soort == "wijk" else "CBS-buurt"
            uit.append(
                {"id": _id(f"{v.ref}#gebied/{code}"), "service_id": service_id, "name": gebied.naam, "description": f"{soort} {code}."}
            )
        return uit

    def _termen(self, v: Voorziening) -> list[tuple[str, Term]]:
        tax = self.cat.taxonomie
        uit = [("thema", tax.themas[t]) for t in v.themas if t in tax.themas]
        uit += [("doelgroep", tax.doelgroepen[d]) for d in v.doelgroepen if d in tax.doelgroepen]
        return uit

    def service(self, v: Voorziening) -> dict:
        id_ = _id(v.ref)
        van, tot = v.leeftijd
        organisatie = self.organisaties.get(v.organisatie)
        kosten = _tekst(_zin(KOSTEN[v.kosten]) if v.kosten in KOSTEN else "", v.data.get("kosten_toelichting", ""))
        doelgroepen = [self.cat.taxonomie.doelgroepen[d].label for d in v.doelgroepen if d in self.cat.taxonomie.doelgroepen]
        gecontroleerd = v.laatst_gecontroleerd
        service = {
            "id": id_,
            "organization_id": _id(organisatie.ref) if organisatie else None,
            "name": v.naam,
            "description": _tekst(v.samenvatting, v.beschrijving),
            "url": self._url(v),
            "email": v.contact.get("email"),
            "status": _status(v, self.cat),
            "application_process": _tekst(_zin(TOEGANG[v.toegang]) if v.toegang in TOEGANG else "", v.data.get("aanmelden", "")),
            "fees_description": kosten,
            "eligibility_description": f"Voor: {'; '.join(doelgroepen)}." if doelgroepen else None,  # labels may hold 'en'
            "minimum_age": van,
            "maximum_age": tot,
            "assured_date": gecontroleerd.isoformat() if gecontroleerd else None,
            "phones": self._telefoons(v, v.contact, "service_id"),
            "service_areas": self._gebieden(v),
            "languages": [
                {"id": _id(f"{v.ref}#taal/{code}"), "service_id": id_, "name": TALEN[code], "code": code}
                for code in v.talen
                if code in TALEN
            ],
            "organization": self.organisatie(organisatie) if organisatie else None,
            "attributes": self._attributen(v, "service", _VELDEN_SERVICE, self._termen(v)),
            "service_at_locations": [self.service_at_location(v, s, l) for s, l in self._locaties(v)],
        }
        return _zonder_leeg(service)

    # -- the files -----------------------------------------------------------------------

    def bestanden(self) -> dict[str, list[dict]]:
        services = [self.service(v) for v in self.voorzieningen]
        per_organisatie: dict[str, list[dict]] = {}
        for s in services:
            if "organization_id" in s:
                per_organisatie.setdefault(s["organization_id"], []).append(
                    {"id": s["id"], "name": s["name"], "status": s["status"]}
                )
        organisaties = []
        for o in self.organisaties.values():
            org = self.organisatie(o)
            org["services"] = per_organisatie[org["id"]]  # every organisation here offers one
            organisaties.append(org)
        sals = [sal for s in services for sal in s.get("service_at_locations", [])]
        volgorde = list(_TAXONOMIEEN)
        return {
            SERVICES: services,
            ORGANIZATIONS: organisaties,
            LOCATIONS: [sal["location"] for sal in sals],
            SERVICE_AT_LOCATIONS: sals,
            TAXONOMIES: [self.taxonomieen[t] for t in volgorde if t in self.taxonomieen],
            # by taxonomy, then by code (the keys are "<taxonomy>/<code>")
            TAXONOMY_TERMS: [self.termen[k] for k in sorted(self.termen, key=lambda k: (volgorde.index(k.split("/")[0]), k))],
        }


def gegevens(cat: Catalogus, site_url: str = "") -> dict[str, list[dict]]:
    """{file name: list of HSDS objects} of this edition's voorzieningen (what :func:`bestanden` writes)."""
    return _Export(cat, site_url).bestanden()


def bestanden(cat: Catalogus, site_url: str = "") -> dict[str, str]:
    """{site path: JSON text} of the HSDS 3.0 export of this edition's voorzieningen."""
    return {f"{adressen.HSDS}{naam}": _json(lijst) for naam, lijst in gegevens(cat, site_url).items()}
