/* Wijkportaal Enschede: draws the markers of a map from one JSON array.
 * Row: [lat, lon, naam, samenvatting, url, toegang, toegang_label, thema, adres, bij_benadering]
 * Text goes into the popup with textContent only: never as HTML.
 *
 * Returns (and keeps in wijkportaalKaart.kaarten[dataId]) an object whose
 * vervang(rijen) replaces all markers by new rows of the same format; the
 * finder (/zoeken/) uses it to show its results. */
function wijkportaalKaart(map, dataId, zonderTegels) {
  "use strict";
  var rijen = JSON.parse(document.getElementById(dataId).textContent);
  var container = map.getContainer();
  if (zonderTegels) { container.classList.add("wp-kaart--zonder-tegels"); }
  if (map.attributionControl) { map.attributionControl.setPrefix(false); }  // full sources are under the map

  function popup(rij) {
    var div = document.createElement("div");
    div.className = "wp-popup";
    var naam = document.createElement("strong");
    naam.textContent = rij[2];
    div.appendChild(naam);
    if (rij[6]) {
      var badge = document.createElement("span");
      badge.className = "wp-badge wp-toegang wp-toegang--" + rij[5];
      badge.textContent = rij[6];
      div.appendChild(document.createTextNode(" "));
      div.appendChild(badge);
    }
    if (rij[3]) {
      var p = document.createElement("p");
      p.textContent = rij[3];
      div.appendChild(p);
    }
    if (rij[8]) {
      var adres = document.createElement("p");
      adres.className = "wp-popup__adres";
      adres.textContent = rij[8] + (rij[9] ? " (locatie bij benadering)" : "");
      div.appendChild(adres);
    }
    var a = document.createElement("a");
    a.href = rij[4];
    a.textContent = "Meer over " + rij[2];
    div.appendChild(a);
    return div;
  }

  // The outlines drawn by folium: the view to fall back to when there are no markers.
  function omtrek() {
    var grenzen = L.latLngBounds([]);
    map.eachLayer(function (laag) {
      if (laag instanceof L.GeoJSON && laag.getBounds().isValid()) { grenzen.extend(laag.getBounds()); }
    });
    return grenzen;
  }

  var groepen = {};
  var lagenknop = null;

  function teken(rijen, metOmtrek) {
    Object.keys(groepen).forEach(function (thema) { map.removeLayer(groepen[thema]); });
    if (lagenknop) { map.removeControl(lagenknop); lagenknop = null; }
    groepen = {};
    var markers = {};
    var volgorde = [];
    var alle = [];
    rijen.forEach(function (rij) {
      var thema = rij[7] || "Overig";
      if (!markers[thema]) {
        markers[thema] = [];
        volgorde.push(thema);
      }
      var marker = L.marker([rij[0], rij[1]], { title: rij[2], alt: rij[2] + " (" + thema + ")" });
      marker.bindPopup(function () { return popup(rij); }, {
        maxWidth: Math.max(180, Math.min(300, container.clientWidth - 120)),
        autoPanPaddingTopLeft: [60, 10]
      });
      markers[thema].push(marker);
      alle.push([rij[0], rij[1]]);
    });
    var overlays = {};
    volgorde.sort().forEach(function (thema) {
      // thousands of markers are added in slices, so the page keeps answering meanwhile
      var groep = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, chunkedLoading: rijen.length > 1000 });
      groep.addLayers(markers[thema]);  // one bulk insert: fast for thousands of markers
      groep.addTo(map);
      groepen[thema] = groep;
      overlays[thema + " (" + markers[thema].length + ")"] = groep;
    });
    if (volgorde.length > 1) {
      lagenknop = L.control.layers(null, overlays, { collapsed: true }).addTo(map);
    }

    var grenzen = L.latLngBounds(alle);
    if (metOmtrek || !grenzen.isValid()) { grenzen.extend(omtrek()); }
    if (grenzen.isValid()) {
      map.fitBounds(grenzen, { padding: [20, 20], maxZoom: 16 });
    }
    container.setAttribute("data-markers", String(rijen.length));
  }

  teken(rijen, true);
  var kaart = {
    map: map,
    /* Replace every marker by these rows; the view fits the new markers (or the outlines when there are none). */
    vervang: function (nieuweRijen) { teken(nieuweRijen, false); }
  };
  wijkportaalKaart.kaarten[dataId] = kaart;
  return kaart;
}
wijkportaalKaart.kaarten = {};
