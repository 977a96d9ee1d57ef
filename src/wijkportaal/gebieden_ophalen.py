"""Fetching Enschede's CBS gemeente, wijken and buurten from PDOK's OGC API Features.

Used by ``wijkportaal gebieden bijwerken`` (:mod:`.gebieden_bijwerken`). Only the standard
library: ``urllib`` with a timeout and a User-Agent, gzip when the server sends it, paging by
the ``next`` links. Anything that goes wrong on the way (no internet, an HTTP error, no JSON,
not a FeatureCollection) becomes one :class:`PdokFout` with a Dutch message; the caller shows
it and writes nothing.

What this is based on (looked up in November 2026 in PDOK's documentation and in public code
that uses the service; this machine cannot reach PDOK, so not tried against the live service):

- PDOK publishes the CBS Wijk- en Buurtkaart as one OGC API Features service per year,
  ``https://api.pdok.nl/cbs/wijken-en-buurten-<jaar>/ogc/v1`` (pdok.nl, "(OGC) API's", dataset
  CBS Wijken en Buurten: 2023, 2024 and 2025, plus a "historisch" service). 2025 is the newest
  year listed there, so it is the default (:data:`STANDAARD_JAAR`).
- Each has the collections ``gemeenten``, ``wijken`` and ``buurten``. Projects that use the
  2024 and 2025 services select one municipality with the query parameter
  ``gemeentecode=GM0917``-style codes and ask ``limit=1000&f=json``.
- The properties are lower-case CBS names: ``gemeentecode`` ("GM0153"), ``gemeentenaam``,
  ``wijkcode`` ("WK015302"), ``wijknaam`` ("Wijk 02 Boswinkel - Stadsveld"), ``buurtcode``
  ("BU01530201"), ``buurtnaam``, ``water`` ("JA"/"NEE"), ``jrstatcode``, ``jaar`` and the CBS
  key figures (kerncijfers), which the command does not use.
- PDOK's server (GoKoala) answers a FeatureCollection with ``links`` (``self``, ``alternate``,
  and ``next``/``prev`` when there is more: a ``cursor`` parameter), ``numberReturned`` and
  ``timeStamp``; ``numberMatched`` is optional. At most 1000 features per page (pdok.nl,
  "Features").
- OGC API Features (Part 1) gives coordinates in CRS84 (longitude, latitude, WGS84) unless asked
  otherwise; the request asks for CRS84 explicitly (``crs``, Part 2) and a ``Content-Crs``
  header naming anything else is refused (EPSG:4326 would mean latitude first).

Not verified: that the ``gemeentecode`` filter works in every year's service (one project
filtered the 2023 service by bounding box and saw the code without "GM"). So a page with
another municipality's areas stops the command (the filter was not applied: the next pages
would be the whole country), an HTTP 400 says the filter may be unknown in that year, and
the command keeps only features whose code is Enschede's (:mod:`.gebieden_bijwerken`) and
says so when nothing is left.
"""

from __future__ import annotations

import gzip
import http.client
import json
import zlib
from importlib import metadata
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urljoin, urlsplit
from urllib.request import Request, urlopen

PDOK = "https://api.pdok.nl/cbs/wijken-en-buurten-{jaar}/ogc/v1"
STANDAARD_JAAR = 2025
GEMEENTECODE = "GM0153"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
COLLECTIES = ("gemeenten", "wijken", "buurten")
PER_PAGINA = 1000  # PDOK's maximum
MAX_PAGINAS = 50  # Enschede has about 80 areas: more pages means the filter was not applied
WACHTTIJD = 60  # seconds per request

ONGEWIJZIGD = "De huidige grenzen in data/gebieden/ blijven ongewijzigd."


class PdokFout(Exception):
    """PDOK could not be reached or gave something unusable; the message is for the user (Dutch)."""


def dienst(jaar: int) -> str:
    """The address of the OGC API Features service of the CBS Wijk- en Buurtkaart of ``jaar``."""
    return PDOK.format(jaar=jaar)


def items_adres(basis: str, collectie: str) -> str:
    """The first page of Enschede's features in ``collectie``."""
    query = urlencode({"gemeentecode": GEMEENTECODE, "limit": PER_PAGINA, "crs": CRS84, "f": "json"})
    return f"{basis}/collections/{collectie}/items?{query}"


def _gebruiker() -> str:
    try:
        versie = metadata.version("wijkportaal")
    except metadata.PackageNotFoundError:
        versie = "onbekend"
    return f"wijkportaal/{versie} (gebieden bijwerken; Wijkportaal Enschede)"


def haal_json(adres: str) -> dict:
    """The JSON at ``adres``; every way this can fail is a PdokFout."""
    verzoek = Request(
        adres,
        headers={
            "User-Agent": _gebruiker(),
            "Accept": "application/geo+json, application/json;q=0.9",
            "Accept-Encoding": "gzip",
        },
    )
    try:
        with urlopen(verzoek, timeout=WACHTTIJD) as antwoord:
            ruw = antwoord.read()
            codering = (antwoord.headers.get("Content-Encoding") or "").lower()
            crs = antwoord.headers.get("Content-Crs") or ""
    except HTTPError as fout:
        if fout.code == 404:
            raise PdokFout(
                f"PDOK kent dit adres niet (HTTP 404 bij {adres}). Bestaat de Wijk- en Buurtkaart van dit jaar bij "
                f"PDOK? Kies een ander jaar met --jaar. {ONGEWIJZIGD}"
            ) from None
        if fout.code == 400:
            raise PdokFout(
                f"PDOK weigerde de vraag (HTTP 400 {fout.reason} bij {adres}). Misschien kent de dienst van dit jaar "
                f"het filter op gemeentecode niet; kies een ander jaar met --jaar. {ONGEWIJZIGD}"
            ) from None
        raise PdokFout(f"PDOK gaf een fout (HTTP {fout.code} {fout.reason} bij {adres}). Probeer het later opnieuw. {ONGEWIJZIGD}") from None
    except (URLError, OSError, http.client.HTTPException) as fout:
        reden = getattr(fout, "reason", None) or fout
        if isinstance(reden, TimeoutError):
            raise PdokFout(f"PDOK antwoordde niet binnen {WACHTTIJD} seconden ({adres}). Probeer het later opnieuw. {ONGEWIJZIGD}") from None
        reden = getattr(reden, "strerror", None) or reden  # without '[Errno 101]'
        raise PdokFout(f"Kan PDOK niet bereiken ({reden}): controleer de internetverbinding. {ONGEWIJZIGD}") from None
    if codering == "gzip":
        try:
            ruw = gzip.decompress(ruw)
        except (OSError, EOFError, zlib.error):
            raise PdokFout(f"PDOK stuurde een beschadigd antwoord ({adres}). Probeer het later opnieuw. {ONGEWIJZIGD}") from None
    if crs and "CRS84" not in crs:
        raise PdokFout(
            f"PDOK gaf coördinaten in {crs.strip('<>')} in plaats van CRS84 (lengte, breedte) ({adres}). {ONGEWIJZIGD}"
        )
    try:
        return json.loads(ruw)
    except (ValueError, UnicodeDecodeError) as fout:
        raise PdokFout(f"PDOK gaf geen geldige JSON terug ({adres}): {fout}. {ONGEWIJZIGD}") from None


def _gemeentecode(feature) -> str | None:
    eigenschappen = feature.get("properties") if isinstance(feature, dict) else None
    return eigenschappen.get("gemeentecode") if isinstance(eigenschappen, dict) else None


def haal_collectie(basis: str, collectie: str) -> list[dict]:
    """Every feature of Enschede in ``collectie``, following the ``next`` links from page to page."""
    adres = items_adres(basis, collectie)
    gezien = {adres}
    features: list[dict] = []
    for _ in range(MAX_PAGINAS):
        pagina = haal_json(adres)
        if not isinstance(pagina, dict) or pagina.get("type") != "FeatureCollection" or not isinstance(pagina.get("features"), list):
            raise PdokFout(f"PDOK gaf geen GeoJSON FeatureCollection terug ({adres}). {ONGEWIJZIGD}")
        aantal = pagina.get("numberReturned")
        if isinstance(aantal, int) and aantal != len(pagina["features"]):
            raise PdokFout(
                f"PDOK gaf een onvolledig antwoord: {len(pagina['features'])} van de {aantal} objecten ({adres}). "
                f"Probeer het later opnieuw. {ONGEWIJZIGD}"
            )
        elders = sorted({g for f in pagina["features"] if (g := _gemeentecode(f)) not in (None, GEMEENTECODE, GEMEENTECODE[2:])})
        if elders:  # the filter was not applied: stop before fetching the whole country
            raise PdokFout(
                f"PDOK gaf ook gebieden van andere gemeenten ({', '.join(map(str, elders[:3]))}): het filter op gemeente "
                f"{GEMEENTECODE} werkte niet ({adres}). {ONGEWIJZIGD}"
            )
        features += pagina["features"]
        links = pagina.get("links") if isinstance(pagina.get("links"), list) else []
        volgende = next((l.get("href") for l in links if isinstance(l, dict) and l.get("rel") == "next" and l.get("href")), None)
        if volgende is None:
            return features
        volgende = urljoin(adres, volgende)
        if urlsplit(volgende).netloc != urlsplit(basis).netloc:
            raise PdokFout(f"De volgende pagina van PDOK staat op een andere server ({volgende}); die volgen we niet. {ONGEWIJZIGD}")
        if volgende in gezien:
            raise PdokFout(f"PDOK verwijst terug naar een pagina die al is opgehaald ({volgende}). {ONGEWIJZIGD}")
        gezien.add(volgende)
        adres = volgende
    raise PdokFout(
        f"PDOK gaf meer dan {MAX_PAGINAS} pagina's voor {collectie}: het filter op gemeente {GEMEENTECODE} werkte "
        f"waarschijnlijk niet. {ONGEWIJZIGD}"
    )


def haal_op(jaar: int) -> dict[str, list[dict]]:
    """Enschede's features per collection (gemeenten, wijken, buurten) of the year's service."""
    basis = dienst(jaar)
    return {collectie: haal_collectie(basis, collectie) for collectie in COLLECTIES}
