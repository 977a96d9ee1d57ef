/* Wijkportaal Enschede: draws the markers of a map from one JSON array.
 * Row: [lat, lon, naam, samenvatting, url, toegang, toegang_label, thema, adres, bij_benadering]
 * Text goes into the popup with textContent only: never as HTML.
 *
 * Returns (and keeps in wijkportaalKaart.kaarten[dataId]) an object whose
 * vervang(rijen) replaces all markers by new rows of the same format, and
 * zetPlek({lat, lon} or null) marks a chosen address (a marker of its own, not
 * clustered; the view then shows it with the nearest places); the finder
 * (/zoeken/) uses both to show its results. */
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
  var huidige = rijen;   // the rows on the map now
  var plek = null;       // the chosen address, {lat, lon}
  var plekMarker = null;

  /* Fit the view: the address with the five places nearest to it, or else every marker
   * (and the outlines when asked, or when there are no markers). */
  function pasAan(metOmtrek) {
    var grenzen;
    if (plek) {
      var hier = L.latLng(plek.lat, plek.lon);
      grenzen = L.latLngBounds([hier]);
      huidige.map(function (rij) { return [hier.distanceTo([rij[0], rij[1]]), rij]; })
        .sort(function (a, b) { return a[0] - b[0]; }).slice(0, 5)
        .forEach(function (d) { grenzen.extend([d[1][0], d[1][1]]); });
    } else {
      grenzen = L.latLngBounds(huidige.map(function (rij) { return [rij[0], rij[1]]; }));
      if (metOmtrek || !grenzen.isValid()) { grenzen.extend(omtrek()); }
    }
    if (grenzen.isValid()) {
      // room above for the pins (they stand on their point, 41 px tall)
      map.fitBounds(grenzen, { paddingTopLeft: [20, 45], paddingBottomRight: [20, 20], maxZoom: 16 });
    }
  }

  function teken(rijen, metOmtrek) {
    Object.keys(groepen).forEach(function (thema) { map.removeLayer(groepen[thema]); });
    if (lagenknop) { map.removeControl(lagenknop); lagenknop = null; }
    groepen = {};
    var markers = {};
    var volgorde = [];
    huidige = rijen;
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

    pasAan(metOmtrek);
    container.setAttribute("data-markers", String(rijen.length));
  }

  teken(rijen, true);
  var kaart = {
    map: map,
    /* Replace every marker by these rows; the view fits the new markers (or the outlines when there are none). */
    vervang: function (nieuweRijen) { teken(nieuweRijen, false); },
    /* Mark the chosen address (null: none), and show it with the places nearest to it. */
    zetPlek: function (punt) {
      if (plekMarker) { map.removeLayer(plekMarker); plekMarker = null; }
      plek = punt || null;
      if (plek) {
        plekMarker = L.marker([plek.lat, plek.lon], {
          icon: L.divIcon({ className: "wp-kaart__plek", iconSize: [22, 22] }),
          interactive: false, keyboard: false, zIndexOffset: 1000
        }).addTo(map);
      }
      container.setAttribute("data-plek", plek ? plek.lat + "," + plek.lon : "");
      pasAan(!plek);
    }
  };
  wijkportaalKaart.kaarten[dataId] = kaart;
  return kaart;
}
wijkportaalKaart.kaarten = {};
