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
import math
from urllib.parse import urlsplit

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
TOLERANTIE = 1e-5  # degrees (of latitude; longitude is scaled by the cosine of the latitude)


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


def _vereenvoudig(ring: list[tuple[float, float]], schaal: float) -> list[tuple[float, float]]:
    """Douglas-Peucker on one closed ring (lon, lat), in a plane where a degree of longitude
    counts ``schaal`` times a degree of latitude; keeps the first point and closes the ring."""
    if len(ring) < 5:
        return ring
    punten = ring[:-1] if ring[0] == ring[-1] else ring
    houden = [False] * len(punten)
    houden[0] = houden[-1] = True
    stapel = [(0, len(punten) - 1)]
    while stapel:
        a, b = stapel.pop()
        (ax, ay), (bx, by) = punten[a], punten[b]
        ax, bx = ax * schaal, bx * schaal
        dx, dy = bx - ax, by - ay
        lengte = math.hypot(dx, dy)
        verste, afstand = -1, TOLERANTIE
        for i in range(a + 1, b):
            px, py = punten[i][0] * schaal, punten[i][1]
            d = abs(dy * (px - ax) - dx * (py - ay)) / lengte if lengte else math.hypot(px - ax, py - ay)
            if d > afstand:
                verste, afstand = i, d
        if verste >= 0:
            houden[verste] = True
            stapel += [(a, verste), (verste, b)]
    uit = [p for p, h in zip(punten, houden) if h]
    return uit + [uit[0]] if len(uit) >= 3 else ring


def _vlak(vlak: Vlak) -> list[list[list[float]]]:
    """A (multi)polygon as polygons of rings, each ring flat: [lon, lat, lon, lat, ...]."""
    schaal = math.cos(math.radians((vlak.bbox[1] + vlak.bbox[3]) / 2))
    polygonen = []
    for polygoon in vlak.polygonen:
        ringen = []
        for ring in polygoon:
            plat: list[float] = []
            vorige = None
            for lon, lat in _vereenvoudig(ring, schaal):
                punt = (round(lon, DECIMALEN), round(lat, DECIMALEN))
                if punt != vorige:
                    plat += punt
                    vorige = punt
            if len(plat) >= 6:
                ringen.append(plat)
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
