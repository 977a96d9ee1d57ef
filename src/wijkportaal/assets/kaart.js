/* Wijkportaal Enschede: draws the markers of a map from one JSON array.
 * Row: [lat, lon, naam, samenvatting, url, toegang, toegang_label, thema, adres, bij_benadering]
 * Text goes into the popup with textContent only: never as HTML. */
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

  var groepen = {};
  var volgorde = [];
  var alle = [];
  rijen.forEach(function (rij) {
    var thema = rij[7] || "Overig";
    if (!groepen[thema]) {
      groepen[thema] = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
      volgorde.push(thema);
    }
    var marker = L.marker([rij[0], rij[1]], { title: rij[2], alt: rij[2] + " (" + thema + ")" });
    marker.bindPopup(function () { return popup(rij); }, {
      maxWidth: Math.max(180, Math.min(300, container.clientWidth - 120)),
      autoPanPaddingTopLeft: [60, 10]
    });
    groepen[thema].addLayer(marker);
    alle.push([rij[0], rij[1]]);
  });
  var overlays = {};
  volgorde.sort().forEach(function (thema) {
    groepen[thema].addTo(map);
    overlays[thema + " (" + groepen[thema].getLayers().length + ")"] = groepen[thema];
  });
  if (volgorde.length > 1) {
    L.control.layers(null, overlays, { collapsed: true }).addTo(map);
  }

  var grenzen = L.latLngBounds(alle);
  map.eachLayer(function (laag) {
    if (laag instanceof L.GeoJSON && laag.getBounds().isValid()) { grenzen.extend(laag.getBounds()); }
  });
  if (grenzen.isValid()) {
    map.fitBounds(grenzen, { padding: [20, 20], maxZoom: 16 });
  }
  container.setAttribute("data-markers", String(rijen.length));
}
