"""Structured data: schema.org JSON-LD for a voorziening page.

Search engines and other readers of a page learn from it what the service is,
who provides it, where and when (``provider``, ``areaServed``,
``availableChannel``, ``hoursAvailable``). Only what the record says is used:
nothing is filled in or guessed. The type is ``GovernmentService`` when the
organisation is the gemeente, otherwise ``Service``.

The JSON sits in ``<script type="application/ld+json">``; :func:`scriptblok`
writes ``<``, ``>`` and ``&`` as JSON escapes, so partner text can never close
the script element (the JSON stays the same for a JSON parser).
"""

from __future__ import annotations

import json

from .adressen import absoluut, adres
from .catalogus import Catalogus
from .voorziening import KANALEN, Locatie, Voorziening

CONTEXT = "https://schema.org"
_DAGEN = {"ma": "Monday", "di": "Tuesday", "wo": "Wednesday", "do": "Thursday", "vr": "Friday", "za": "Saturday", "zo": "Sunday"}
_ENSCHEDE = {"@type": "City", "name": "Enschede", "address": {"@type": "PostalAddress", "addressCountry": "NL"}}


def _zonder_leeg(d: dict) -> dict:
    return {k: w for k, w in d.items() if w not in (None, "", [], {})}


def _uren(locatie: Locatie) -> list[dict]:
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"https://schema.org/{_DAGEN[d]}" for d in blok.get("dagen", [])],
            "opens": blok["van"],
            "closes": blok["tot"],
        }
        for blok in locatie.openingstijden
        if blok.get("van") and blok.get("tot")
    ]


def _plek(locatie: Locatie) -> dict:
    adres_ = _zonder_leeg({
        "@type": "PostalAddress",
        "streetAddress": locatie.adres,
        "postalCode": locatie.postcode,
        "addressLocality": locatie.plaats,
    })  # fmt: skip
    if len(adres_) > 1:
        adres_["addressCountry"] = "NL"
    geo = None
    if locatie.coordinaten is not None:
        geo = {"@type": "GeoCoordinates", "latitude": locatie.coordinaten[0], "longitude": locatie.coordinaten[1]}
    return _zonder_leeg({
        "@type": "Place",
        "name": locatie.naam,
        "address": adres_ if len(adres_) > 1 else None,
        "geo": geo,
        "openingHoursSpecification": _uren(locatie),
    })  # fmt: skip


def _gebied(cat: Catalogus, v: Voorziening) -> dict | list[dict]:
    if v.stedelijk or not v.gebiedcodes:
        return _ENSCHEDE
    plekken = []
    for code in v.gebiedcodes:
        gebied = cat.gebieden.wijken.get(code) or cat.gebieden.buurten.get(code)
        if gebied is not None:
            plekken.append({"@type": "Place", "name": gebied.naam, "identifier": code, "containedInPlace": _ENSCHEDE})
    return plekken or _ENSCHEDE


def _aanbieder(cat: Catalogus, v: Voorziening) -> dict | None:
    org = cat.organisatie(v.organisatie)
    if org is None:
        return None
    return _zonder_leeg({
        "@type": "GovernmentOrganization" if org.type == "gemeente" else "Organization",
        "name": org.naam,
        "url": org.contact.get("website"),
        "email": org.contact.get("email"),
        "telephone": org.contact.get("telefoon"),
    })  # fmt: skip


def _kanalen(v: Voorziening, talen: list[str]) -> list[dict]:
    kanalen = [
        _zonder_leeg({"@type": "ServiceChannel", "name": l.naam or "Locatie", "serviceLocation": _plek(l), "availableLanguage": talen})
        for l in v.locaties
    ]
    contact = v.contact
    if contact.get("telefoon"):
        kanalen.append(_zonder_leeg({
            "@type": "ServiceChannel",
            "name": "Telefonisch",
            "servicePhone": {"@type": "ContactPoint", "telephone": contact["telefoon"]},
            "availableLanguage": talen,
        }))  # fmt: skip
    if contact.get("website"):
        kanalen.append({"@type": "ServiceChannel", "name": "Website", "serviceUrl": contact["website"]})
    if contact.get("email"):
        kanalen.append({"@type": "ServiceChannel", "name": "E-mail", "serviceUrl": f"mailto:{contact['email']}"})
    for kanaal in v.kanalen:
        if kanaal == "huisbezoek":
            kanalen.append({"@type": "ServiceChannel", "name": "Huisbezoek", "description": KANALEN[kanaal]})
    return [_zonder_leeg(k) for k in kanalen]


def voorziening(cat: Catalogus, v: Voorziening, site_url: str = "") -> dict:
    """The JSON-LD object of one voorziening (of this edition: nothing from ``intern``)."""
    tax = cat.taxonomie
    talen = list(v.talen)
    url = absoluut(site_url, adres(v))
    org = cat.organisatie(v.organisatie)
    doelgroepen = [tax.doelgroepen[d].label for d in v.doelgroepen if d in tax.doelgroepen]
    van, tot = v.leeftijd
    publiek = None
    if doelgroepen or van is not None or tot is not None:
        publiek = _zonder_leeg({
            "@type": "PeopleAudience" if van is not None or tot is not None else "Audience",
            "audienceType": ", ".join(doelgroepen),
            "suggestedMinAge": van,
            "suggestedMaxAge": tot,
        })  # fmt: skip
    uren = [u for l in v.locaties for u in _uren(l)]
    gratis = None
    if v.kosten == "gratis":
        gratis = {"@type": "Offer", "price": 0, "priceCurrency": "EUR"}
    return _zonder_leeg({
        "@context": CONTEXT,
        "@type": "GovernmentService" if org is not None and org.type == "gemeente" else "Service",
        "@id": f"{url}#voorziening" if url else None,
        "url": url,
        "identifier": v.ref,
        "name": v.naam,
        "description": v.samenvatting,
        "serviceType": tax.hoofdthema_label(v.themas),
        "category": [tax.themas[t].label for t in v.themas if t in tax.themas],
        "provider": _aanbieder(cat, v),
        "areaServed": _gebied(cat, v),
        "audience": publiek,
        "availableChannel": _kanalen(v, talen),
        "hoursAvailable": uren,
        "offers": gratis,
    })  # fmt: skip


def als_json(gegevens: dict) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' as such."""
    tekst = json.dumps(gegevens, ensure_ascii=False, separators=(",", ":"))
    return tekst.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def scriptblok(gegevens: dict) -> str:
    return f'<script type="application/ld+json">\n{als_json(gegevens)}\n</script>'
