"""Hulp dichtbij: search from an address, nearest first (the build-time part).

The search itself runs in the browser (``assets/dichtbij.js``): a field "Uw adres of
postcode" on the finder and the home page asks a geocoder (PDOK Locatieserver by
default, plugin option ``geocoder``) for suggestions as you type and, for the chosen
one, its point. Only the typed text goes there; the address is never stored, never
put in a URL and never sent to this site. The point sets the wijk and buurt (from the
site's own boundaries, computed in the browser from :data:`GEBIEDENBESTAND`) and sorts
the finder's results by distance; the URL gets ``bij=<lat>,<lon>``.

What this module holds: the geocoder's default address and the host the privacy page
names (:func:`geocoderhost`), and the boundaries the browser needs as one small JSON
file (:func:`gebieden_json`), made from the same ``data/gebieden`` as everything else.

The suggestions are limited to the municipalities of Twente (``TWENTE_GEMEENTEN``,
sent in the request's ``fq``) with Enschede's centre as the point to rank by, so
Enschede's addresses come first and a resident just outside the city (regional
services) can still find theirs. An address outside Enschede sorts by distance but
sets no wijk.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from shapely.geometry import Polygon

from .gebieden import Gebieden, Vlak

# The Locatieserver's base address; the browser adds "suggest" and "lookup".
PDOK_LOCATIESERVER = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/"

# Directions on foot; the route parameter is "from;to", each "lat,lon" (from may be empty).
OSM_ROUTE = "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route="

# The finder's data beside its index files: the boundaries for "which buurt is this address in?".
GEBIEDENBESTAND = "zoeken/gebieden.json"

# Rounding and simplification of the outlines sent to the browser: five decimals is about a metre,
# and a point that moves an outline by less than that is dropped (only matters for precise boundaries).
DECIMALEN = 5
TOLERANTIE = 1e-5  # degrees: about a metre north-south, 0.7 m east-west


def geocoderhost(url: str) -> str | None:
    """The host the browser sends typed addresses to, or None when there is no address search."""
    return (urlsplit(url).hostname or None) if url else None


def routelink(naar: tuple[float, float], van: tuple[float, float] | None = None) -> str:
    """OpenStreetMap's directions on foot to ``naar`` (lat, lon), from ``van`` or from a point the
    visitor fills in there. ``assets/dichtbij.js`` makes the same link with the chosen address as ``van``."""
    punt = lambda p: f"{round(p[0], 5)}%2C{round(p[1], 5)}" if p else ""  # noqa: E731
    return f"{OSM_ROUTE}{punt(van)}%3B{punt(naar)}"


def controleer_geocoder(url: str) -> str | None:
    """A Dutch complaint about the option ``geocoder``, or None when it is usable (empty is: no address search)."""
    if not url:
        return None
    delen = urlsplit(url)
    if delen.scheme != "https" or not delen.hostname or delen.query or delen.fragment or not url.endswith("/"):
        return (
            f"'geocoder' moet een https-adres zijn dat eindigt op een schuine streep, zoals {PDOK_LOCATIESERVER} "
            f"(of leeg: geen zoeken op adres), niet '{url}'"
        )
    return None


def _plat(ring) -> list[float]:
    """A ring as [lon, lat, lon, lat, ...], rounded, without points that round to the one before."""
    plat: list[float] = []
    vorige = None
    for lon, lat in ring:
        punt = (round(lon, DECIMALEN), round(lat, DECIMALEN))
        if punt != vorige:
            plat += punt
            vorige = punt
    return plat


def _vlak(vlak: Vlak) -> list[list[list[float]]]:
    """A (multi)polygon as polygons of rings, each ring flat: [lon, lat, lon, lat, ...]; simplified
    by shapely (Douglas-Peucker keeping the shape valid) to within :data:`TOLERANTIE`."""
    polygonen = []
    for polygoon in vlak.polygonen:
        vorm = Polygon(polygoon[0], polygoon[1:]).simplify(TOLERANTIE, preserve_topology=True)
        if isinstance(vorm, Polygon) and not vorm.is_empty:
            ringen = [_plat(vorm.exterior.coords), *(_plat(gat.coords) for gat in vorm.interiors)]
        else:  # not expected with preserve_topology; then the outline as it is
            ringen = [_plat(ring) for ring in polygoon]
        ringen = [ring for ring in ringen if len(ring) >= 6]
        if ringen:
            polygonen.append(ringen)
    return polygonen


def gebieden_data(gebieden: Gebieden) -> dict:
    """What the browser needs to place a point: every buurt (code, name, wijk, outline), every
    wijk (for a point between the buurten) and the municipality. The browser follows
    :meth:`Gebieden.buurt_bij`, :meth:`Gebieden.wijk_bij` and :meth:`Gebieden.in_enschede`, in the
    same order (the files' order: where generalised outlines overlap, the first one wins)."""
    return {
        "wijken": [[w.code, w.naam, _vlak(w.vlak)] for w in gebieden.wijken.values()],
        "buurten": [[b.code, b.naam, b.wijkcode, _vlak(b.vlak)] for b in gebieden.buurten.values()],
        "gemeente": _vlak(gebieden.gemeente) if gebieden.gemeente is not None else None,
    }


def gebieden_json(gebieden: Gebieden) -> str:
    return json.dumps(gebieden_data(gebieden), ensure_ascii=False, separators=(",", ":"))
