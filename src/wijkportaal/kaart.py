"""Maps: folium (Leaflet) with the CBS boundaries, markers drawn from compact data.

Folium builds the map itself: base tiles, the wijk and buurt outlines, the
scale. The markers are not folium objects (that would be one generated block
of JavaScript per marker): they go into the page once, as a JSON array, and
``assets/wijkportaal/kaart.js`` draws them, clusters them and adds a layer
per hoofdthema. Leaflet and MarkerCluster are served from the site itself
(``assets/vendor/``); folium's CDN defaults are replaced.

Every map comes with the same places as a plain text list in the page (the
templates do that), so nothing depends on the map.

Outlines are drawn at the scale of the map (``Gebied.geometrie_voor``): a map with
buurten shows one wijk up close (``wijk``), a map with wijken only the whole city
(``stad``). With full-resolution boundaries these are simplified outlines from
``kaartgrenzen.geojson``, so a map page stays about as small as with the generalised ones.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

import folium

from .gebieden import Gebied, Gebiedsbron
from .voorziening import Voorziening

PDOK_BRT = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
PDOK_ATTRIBUTIE = "Kaartgegevens &copy; Kadaster"
ENSCHEDE = (52.2215, 6.8937)

# Site-relative paths of the assets every map page loads, in order.
SCRIPTS = (
    "assets/wijkportaal/vendor/leaflet/leaflet.js",
    "assets/wijkportaal/vendor/markercluster/leaflet.markercluster.js",
    "assets/wijkportaal/kaart.js",
)
STIJLEN = (
    "assets/wijkportaal/vendor/leaflet/leaflet.css",
    "assets/wijkportaal/vendor/markercluster/MarkerCluster.css",
    "assets/wijkportaal/vendor/markercluster/MarkerCluster.Default.css",
    "assets/wijkportaal/kaart.css",
)


@dataclass(frozen=True)
class Kaartinstellingen:
    """Base map: a tile URL template and its attribution, or no tiles at all."""

    tegels: str | None = PDOK_BRT
    attributie: str = PDOK_ATTRIBUTIE
    max_zoom: int = 19


def assetbestanden() -> Iterator[tuple[str, Path]]:
    """(site-relative path, file on disk) for every asset the maps need."""
    basis = Path(str(resources.files("wijkportaal") / "assets"))
    for pad in sorted(basis.rglob("*")):
        if pad.is_file() and pad.suffix in {".js", ".css", ".png"}:
            yield "assets/wijkportaal/" + pad.relative_to(basis).as_posix(), pad


def markerdata(voorzieningen: Iterable[Voorziening], thema_van, url_van) -> list[list]:
    """One compact row per location with coordinates.

    ``[lat, lon, naam, samenvatting, url, toegang, toegang_label, hoofdthema_label, adres, bij_benadering]``
    """
    rijen = []
    for v in voorzieningen:
        for locatie in v.locaties:
            if locatie.coordinaten is None:
                continue
            adres = ", ".join(x for x in (locatie.naam, locatie.adres, locatie.plaats) if x)
            rijen.append(
                [
                    round(locatie.coordinaten[0], 5),
                    round(locatie.coordinaten[1], 5),
                    v.naam,
                    v.samenvatting,
                    url_van(v),
                    v.toegang,
                    v.toegang_label,
                    thema_van(v),
                    adres,
                    1 if locatie.bij_benadering else 0,
                ]
            )
    return rijen


def _json_in_html(data) -> str:
    """JSON that is safe inside a <script> element."""
    return (
        json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def _gebieden_geojson(gebieden: Iterable[Gebied], schaal: str) -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"naam": g.naam, "code": g.code}, "geometry": g.geometrie_voor(schaal)}
            for g in gebieden
        ],
    }


def _vaste_namen(element: folium.Element, teller: list[int]) -> None:
    """Replace folium's random element ids by sequential ones: the same input gives the same page."""
    teller[0] += 1
    element._id = f"{teller[0]:04d}"
    for kind in element._children.values():
        _vaste_namen(kind, teller)


class Kaartmaker:
    """Builds the HTML fragment of one map."""

    def __init__(self, instellingen: Kaartinstellingen | None = None, gebiedsbron: Gebiedsbron | None = None) -> None:
        self.instellingen = instellingen or Kaartinstellingen()
        self.attributie = (gebiedsbron or Gebiedsbron()).attributie  # of the boundaries, under every map
        self._scripts: dict[tuple, tuple[str, str]] = {}  # folium output per map shape: all record maps share one

    def kaart(
        self,
        naam: str,
        markers: list[list],
        *,
        wijken: Iterable[Gebied] = (),
        buurten: Iterable[Gebied] = (),
        hoogte: str = "28rem",
        omschrijving: str,
        lijst_anker: str,
        zoom: int | None = None,
    ) -> str:
        """A map with outlines (drawn by folium) and markers (drawn by kaart.js from ``markers``)."""
        inst = self.instellingen
        wijken, buurten = list(wijken), list(buurten)
        sleutel = (naam, zoom, tuple(g.code for g in wijken), tuple(g.code for g in buurten))
        if sleutel not in self._scripts:
            self._scripts[sleutel] = self._folium(wijken, buurten, zoom)
        kaartnaam, script = self._scripts[sleutel]
        # everything below that comes from records is escaped; the tile attribution is site configuration (HTML)
        naam, hoogte, omschrijving, lijst_anker = (html.escape(x, quote=True) for x in (naam, hoogte, omschrijving, lijst_anker))
        data_id = f"kaartdata-{naam}"
        return (
            f'<div class="wp-kaart" data-kaart="{naam}">\n'
            f'<a class="wp-kaart__overslaan" href="#{lijst_anker}">Sla de kaart over en ga naar de lijst</a>\n'
            f'<div class="wp-kaart__vlak" id="{kaartnaam}" style="height:{hoogte}" role="region" '
            f'aria-label="{omschrijving}"></div>\n'
            f'<script type="application/json" id="{data_id}">{_json_in_html(markers)}</script>\n'
            f"<script>{script}\n"
            f'wijkportaalKaart({kaartnaam}, "{data_id}", {json.dumps(inst.tegels is None)});</script>\n'
            f'<p class="wp-kaart__bron">{html.escape(self.attributie)}.'
            + (f" Achtergrond: {inst.attributie}." if inst.tegels else "")
            + "</p>\n</div>"
        )

    def _folium(self, wijken: list[Gebied], buurten: list[Gebied], zoom: int | None) -> tuple[str, str]:
        """(JavaScript name of the map, folium's script) for a map with these outlines."""
        inst = self.instellingen
        kaart = folium.Map(location=ENSCHEDE, zoom_start=zoom or 12, tiles=None, control_scale=False, max_zoom=inst.max_zoom)
        kaart.default_js, kaart.default_css = [], []  # Leaflet comes from the site, not a CDN
        # On the map itself too: without a tile layer MarkerCluster has no maximum zoom and draws nothing.
        kaart.options["max_zoom"] = inst.max_zoom
        if inst.tegels:
            folium.TileLayer(
                tiles=inst.tegels, attr=inst.attributie + " | Grenzen: CBS / Kadaster", name="Achtergrondkaart",
                max_zoom=inst.max_zoom, control=False,
            ).add_to(kaart)  # fmt: skip
        schaal = "wijk" if buurten else "stad"  # one wijk up close with its buurten, or the whole city
        if wijken:
            folium.GeoJson(
                _gebieden_geojson(wijken, schaal), name="Wijkgrenzen", control=False,
                style_function=lambda _: {"color": "#00558c", "weight": 3, "fillOpacity": 0.04},
                tooltip=folium.GeoJsonTooltip(fields=["naam"], labels=False),
            ).add_to(kaart)  # fmt: skip
        if buurten:
            folium.GeoJson(
                _gebieden_geojson(buurten, schaal), name="Buurtgrenzen", control=False,
                style_function=lambda _: {"color": "#555", "weight": 1, "dashArray": "4 4", "fillOpacity": 0},
                tooltip=folium.GeoJsonTooltip(fields=["naam"], labels=False),
            ).add_to(kaart)  # fmt: skip
        _vaste_namen(kaart, [0])
        figuur = kaart.get_root()
        figuur.render()
        return kaart.get_name(), figuur.script.render()
