/* Wijkportaal Enschede: Hulp dichtbij, search from an address (see src/wijkportaal/dichtbij.py).
 *
 * The field "Uw adres of postcode" (templates/_dichtbij.html) on the finder and the home page:
 *  - suggestions as you type come from the configured geocoder (PDOK Locatieserver: "suggest",
 *    then "lookup" for the chosen one's point). Nothing is asked before someone types, and only
 *    the typed text goes there; the address is not stored anywhere (no URL, no localStorage);
 *  - the point is placed in a buurt and wijk with the site's own boundaries (zoeken/gebieden.json),
 *    the same way as gebieden.py does it in Python;
 *  - on the finder, zoeken.js sorts by distance and puts ?bij=<lat>,<lon> in the URL; on the
 *    home page the choice opens the finder with ?wijk=...&bij=...;
 *  - when the geocoder cannot be reached the block offers a list of wijken instead.
 *
 * Everything from the geocoder goes into the page with textContent: never as HTML.
 * Loaded before zoeken.js; it uses zoeken.js's Keuzelijst (the combobox) once the page has loaded.
 */
(function () {
  "use strict";

  // The municipalities of Twente: an address in Enschede or around it (regional services). The
  // ranking point is Enschede's centre, so its addresses come first.
  var TWENTE_GEMEENTEN = ["Enschede", "Hengelo", "Haaksbergen", "Losser", "Oldenzaal", "Borne", "Dinkelland",
    "Tubbergen", "Almelo", "Wierden", "Hof van Twente", "Rijssen-Holten", "Hellendoorn", "Twenterand"];
  var ENSCHEDE = { lat: 52.2215, lon: 6.8937 };
  var TWENTE = { zuid: 52.05, west: 6.25, noord: 52.55, oost: 7.10 };  // gebieden.TWENTE: a bij= outside it is ignored
  var DECIMALEN = 4;          // the point in the URL: about ten metres
  var WACHTEN = 200;          // ms after the last keystroke before asking for suggestions
  var TIJDSLIMIET = 8000;     // ms: a geocoder that does not answer by then "cannot be reached"
  var MIN_TEKENS = 3;
  var SUGGESTIES = 6;
  var OSM_ROUTE = "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=";
  var MISLUKT = "Adressen zoeken lukt nu niet. Kies uw wijk:";

  // ---------------------------------------------------------------------------------
  // Points, distances and the URL
  // ---------------------------------------------------------------------------------

  /* Metres between two {lat, lon} as the crow flies (haversine, mean earth radius). */
  function afstand(a, b) {
    var r = Math.PI / 180;
    var dLat = (b.lat - a.lat) * r;
    var dLon = (b.lon - a.lon) * r;
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /* "350 m", "1,2 km", "14 km" (Dutch decimal comma). */
  function afstandTekst(meter) {
    if (meter < 50) return "minder dan 50 m";
    if (meter < 995) return Math.round(meter / 10) * 10 + " m";
    if (meter < 9950) return (Math.round(meter / 100) / 10).toFixed(1).replace(".", ",") + " km";
    return Math.round(meter / 1000) + " km";
  }

  function rond(punt) {
    return { lat: Number(punt.lat.toFixed(DECIMALEN)), lon: Number(punt.lon.toFixed(DECIMALEN)) };
  }

  /* The point of ?bij=<lat>,<lon>, or null when it is not one (or not in Twente). */
  function leesBij(tekst) {
    var m = /^\s*(-?\d{1,2}(?:\.\d{1,8})?)\s*,\s*(-?\d{1,3}(?:\.\d{1,8})?)\s*$/.exec(tekst || "");
    if (!m) return null;
    var punt = { lat: Number(m[1]), lon: Number(m[2]) };
    if (punt.lat < TWENTE.zuid || punt.lat > TWENTE.noord || punt.lon < TWENTE.west || punt.lon > TWENTE.oost) return null;
    return rond(punt);
  }

  function bijTekst(punt) {
    return punt.lat.toFixed(DECIMALEN) + "," + punt.lon.toFixed(DECIMALEN);
  }

  /* OpenStreetMap's directions on foot to `naar`, from `van` if there is one (as dichtbij.routelink in Python). */
  function routeUrl(naar, van) {
    function punt(p) { return p ? Number(p.lat.toFixed(5)) + "%2C" + Number(p.lon.toFixed(5)) : ""; }
    return OSM_ROUTE + punt(van) + "%3B" + punt(naar);
  }

  // ---------------------------------------------------------------------------------
  // Which buurt and wijk: the site's boundaries (as gebieden.py: Vlak.bevat, buurt_bij, wijk_bij)
  // ---------------------------------------------------------------------------------

  /* Ray casting over one ring [lon, lat, lon, lat, ...], as gebieden._in_ring. */
  function inRing(lon, lat, ring) {
    var binnen = false;
    var n = ring.length / 2;
    for (var i = 0, j = n - 1; i < n; j = i++) {
      var xi = ring[2 * i], yi = ring[2 * i + 1], xj = ring[2 * j], yj = ring[2 * j + 1];
      if ((yi > lat) !== (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) binnen = !binnen;
    }
    return binnen;
  }

  function Vlak(polygonen) {
    this.polygonen = polygonen;
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    polygonen.forEach(function (poly) {
      poly.forEach(function (ring) {
        for (var i = 0; i < ring.length; i += 2) {
          x0 = Math.min(x0, ring[i]); x1 = Math.max(x1, ring[i]);
          y0 = Math.min(y0, ring[i + 1]); y1 = Math.max(y1, ring[i + 1]);
        }
      });
    });
    this.bbox = [x0, y0, x1, y1];
  }

  Vlak.prototype.bevat = function (lat, lon) {
    var b = this.bbox;
    if (!(b[0] <= lon && lon <= b[2] && b[1] <= lat && lat <= b[3])) return false;
    return this.polygonen.some(function (poly) {
      return inRing(lon, lat, poly[0]) && !poly.slice(1).some(function (gat) { return inRing(lon, lat, gat); });
    });
  };

  function Gebieden(data) {
    this.wijken = data.wijken.map(function (w) { return { code: w[0], naam: w[1], vlak: new Vlak(w[2]) }; });
    this.buurten = data.buurten.map(function (b) { return { code: b[0], naam: b[1], wijkcode: b[2], vlak: new Vlak(b[3]) }; });
    this.gemeente = data.gemeente ? new Vlak(data.gemeente) : null;
  }

  /* {buurt, wijk, inEnschede} of a point: the buurt it lies in (first in the file's order), its wijk,
   * or else the wijk it lies in; whether it lies in the municipality. */
  Gebieden.prototype.plek = function (punt) {
    var lat = punt.lat, lon = punt.lon;
    var buurt = null, wijk = null, i;
    for (i = 0; i < this.buurten.length && !buurt; i++) {
      if (this.buurten[i].vlak.bevat(lat, lon)) buurt = this.buurten[i];
    }
    if (buurt) {
      wijk = this.wijken.filter(function (w) { return w.code === buurt.wijkcode; })[0] || null;
    } else {
      for (i = 0; i < this.wijken.length && !wijk; i++) {
        if (this.wijken[i].vlak.bevat(lat, lon)) wijk = this.wijken[i];
      }
    }
    var inEnschede = this.gemeente ? this.gemeente.bevat(lat, lon) : !!wijk;
    return {
      buurt: buurt && { code: buurt.code, naam: buurt.naam },
      wijk: wijk && { code: wijk.code, naam: wijk.naam },
      inEnschede: inEnschede
    };
  };

  var gebiedenBeloften = {};
  /* The boundaries (a Promise of Gebieden), loaded once per page from the site itself. */
  function laadGebieden(url) {
    if (!gebiedenBeloften[url]) {
      gebiedenBeloften[url] = fetch(url, { credentials: "same-origin" }).then(function (antwoord) {
        if (!antwoord.ok) throw new Error(url + ": " + antwoord.status);
        return antwoord.json();
      }).then(function (data) { return new Gebieden(data); });
      gebiedenBeloften[url].catch(function () { delete gebiedenBeloften[url]; });
    }
    return gebiedenBeloften[url];
  }

  /* "Uw adres ligt in buurt X, wijk Y." (or what is known of it). */
  function plekTekst(plek) {
    if (!plek) return "Het adres is gekozen.";
    if (!plek.inEnschede || !plek.wijk) {
      return "Dit adres ligt niet in Enschede. U ziet alle hulp, dichtbij eerst. Hulp voor één wijk is meestal alleen voor de mensen die daar wonen.";
    }
    return "Uw adres ligt in " + (plek.buurt ? "buurt " + plek.buurt.naam + ", " : "") + "wijk " + plek.wijk.naam + ".";
  }

  // ---------------------------------------------------------------------------------
  // The geocoder: PDOK Locatieserver v3.1 (suggest and lookup)
  // ---------------------------------------------------------------------------------

  function Geocoder(basis) {
    this.basis = basis;
    this.filter = "type:(adres OR postcode) AND gemeentenaam:(" +
      TWENTE_GEMEENTEN.map(function (g) { return '"' + g + '"'; }).join(" OR ") + ")";
  }

  /* JSON from the geocoder, or an Error when it cannot be reached, answers otherwise than 200,
   * is too slow or sends something else than JSON. `stop` (an AbortSignal) cancels it quietly. */
  Geocoder.prototype.vraag = function (pad, parameters, stop) {
    var url = new URL(pad, this.basis);
    Object.keys(parameters).forEach(function (k) { url.searchParams.set(k, parameters[k]); });
    var regelaar = new AbortController();
    var teLaat = false;
    var klok = setTimeout(function () { teLaat = true; regelaar.abort(); }, TIJDSLIMIET);
    if (stop) stop.addEventListener("abort", function () { regelaar.abort(); });
    return fetch(url.href, { credentials: "omit", referrerPolicy: "no-referrer", signal: regelaar.signal })
      .then(function (antwoord) {
        if (!antwoord.ok) throw new Error("geocoder: " + antwoord.status);
        return antwoord.json();
      })
      .catch(function (fout) {
        if (teLaat) throw new Error("geocoder: geen antwoord binnen " + TIJDSLIMIET + " ms");
        throw fout;
      })
      .finally(function () { clearTimeout(klok); });
  };

  /* [{id, naam}] for what someone typed. */
  Geocoder.prototype.suggesties = function (tekst, stop) {
    return this.vraag("suggest", {
      q: tekst, fq: this.filter, rows: String(SUGGESTIES), lat: String(ENSCHEDE.lat), lon: String(ENSCHEDE.lon)
    }, stop).then(function (data) {
      var docs = data && data.response && Array.isArray(data.response.docs) ? data.response.docs : null;
      if (!docs) throw new Error("geocoder: geen lijst met suggesties");
      return docs.filter(function (d) { return d && typeof d.id === "string" && typeof d.weergavenaam === "string"; })
        .map(function (d) { return { id: d.id, naam: d.weergavenaam }; });
    });
  };

  /* {lat, lon, naam} of a suggestion's id (lookup: centroide_ll is "POINT(lon lat)"). */
  Geocoder.prototype.punt = function (id) {
    return this.vraag("lookup", { id: id }).then(function (data) {
      var doc = data && data.response && data.response.docs && data.response.docs[0];
      var m = doc && /^POINT\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)$/.exec(doc.centroide_ll || "");
      if (!m) throw new Error("geocoder: geen punt voor " + id);
      return { lat: Number(m[2]), lon: Number(m[1]), naam: String(doc.weergavenaam || "") };
    });
  };

  // ---------------------------------------------------------------------------------
  // The block: field, suggestions, the chosen place, the wijk list
  // ---------------------------------------------------------------------------------

  /* The address block `blok` (.wp-dichtbij). opties.gekozen({lat, lon}) gets the chosen point
   * (rounded as in the URL), opties.gewist() is called by "Adres wissen". */
  function Adresvak(blok, opties) {
    this.blok = blok;
    this.opties = opties || {};
    this.invoer = blok.querySelector(".wp-dichtbij__invoer");
    this.lijst = blok.querySelector(".wp-dichtbij__suggesties");
    this.status = blok.querySelector(".wp-dichtbij__status");
    this.plek = blok.querySelector(".wp-dichtbij__plek");
    this.wis = blok.querySelector(".wp-dichtbij__wis");
    this.wijken = blok.querySelector(".wp-dichtbij__wijken");
    this.melding = blok.querySelector(".wp-dichtbij__melding");
    this.gebiedenUrl = new URL(blok.getAttribute("data-gebieden") || "gebieden.json", location.href).href;
    this.suggesties = [];
    this.vers = false;   // the suggestions are for the text in the field now
    this.teller = 0;     // the latest request; older answers are dropped
    this.bezig = null;   // AbortController of the request under way
    var self = this;
    var geocoder = blok.getAttribute("data-geocoder");
    blok.hidden = false;
    if (this.wis) {
      this.wis.querySelector("button").addEventListener("click", function () {
        self.toonPlek(null);
        if (self.invoer) { self.invoer.value = ""; self.invoer.focus(); }
        if (self.opties.gewist) self.opties.gewist();
        self.zeg("Het adres is gewist.");
      });
    }
    if (!geocoder || !this.invoer || !this.lijst || !window.wijkportaalKeuzelijst) return;
    this.geocoder = new Geocoder(new URL(geocoder, location.href).href);
    this.keuze = new wijkportaalKeuzelijst(this.invoer, this.lijst, {
      label: "Adressen",
      kies: function (i) { self.kies(i); },
      enter: function (e) {  // Enter without choosing: the first suggestion for what is typed now (when it comes)
        e.preventDefault();
        if (self.suggesties.length && self.vers) self.kies(0); else if (self.invoer.value.trim().length >= MIN_TEKENS) self.eerste = true;
      },
      escape: function (e) {
        if (!self.invoer.value) return;
        e.preventDefault();
        self.invoer.value = "";
        self.stop();
      }
    });
    this.invoer.addEventListener("input", function () { self.typ(); });
    this.invoer.addEventListener("blur", function () { self.keuze.sluit(); });
  }

  Adresvak.prototype.zeg = function (tekst) {
    if (this.plek) this.plek.textContent = tekst;
  };

  /* Stop asking (a request under way is cancelled); the list goes too, unless `lijstBlijft`. */
  Adresvak.prototype.stop = function (lijstBlijft) {
    clearTimeout(this.timer);
    if (this.bezig) this.bezig.abort();
    this.bezig = null;
    this.eerste = false;
    if (lijstBlijft) return;
    this.suggesties = [];
    this.keuze.toon([], "", function () {});
  };

  /* A keystroke: ask for suggestions when typing pauses. The list of the text before stays
   * meanwhile (no flicker), but Enter waits for the new one. */
  Adresvak.prototype.typ = function () {
    var self = this;
    var tekst = this.invoer.value.trim();
    this.vers = false;
    if (tekst.length < MIN_TEKENS) {
      this.stop();
      this.keuze.meld(this.status, "");
      return;
    }
    this.stop(true);
    this.timer = setTimeout(function () { self.vraagSuggesties(tekst); }, WACHTEN);
  };

  Adresvak.prototype.vraagSuggesties = function (tekst) {
    var self = this;
    var nr = ++this.teller;
    var regelaar = new AbortController();
    this.bezig = regelaar;
    this.blok.setAttribute("data-bezig", "");
    this.geocoder.suggesties(tekst, regelaar.signal).then(function (lijst) {
      if (nr !== self.teller) return;
      self.gelukt();
      self.suggesties = lijst;
      self.vers = true;
      self.keuze.toon(lijst, "wp-dichtbij__suggestie", function (li, s) { li.textContent = s.naam; });
      self.keuze.meld(self.status, lijst.length
        ? (lijst.length === 1 ? "1 adres" : lijst.length + " adressen") + ". Kies met de pijltjestoetsen en Enter."
        : "Geen adres gevonden. Typ uw straat en huisnummer, of uw postcode.");
      self.blok.setAttribute("data-suggesties", String(lijst.length));
      if (self.eerste && lijst.length) self.kies(0);
      self.eerste = false;
    }).catch(function (fout) {
      if (nr !== self.teller || regelaar.signal.aborted) return;  // typed on, or chosen: not a failure
      self.mislukt(fout);
    }).finally(function () {
      if (nr === self.teller) { self.bezig = null; self.blok.removeAttribute("data-bezig"); }
    });
  };

  /* A suggestion is chosen: its point from the geocoder, then the caller. */
  Adresvak.prototype.kies = function (i) {
    var s = this.suggesties[i];
    if (!s) return;
    var self = this;
    var nr = ++this.teller;
    this.keuze.sluit();
    this.invoer.value = s.naam;
    this.zeg("Het adres wordt opgezocht…");
    this.geocoder.punt(s.id).then(function (punt) {
      if (nr !== self.teller) return;
      self.gelukt();
      if (self.opties.gekozen) self.opties.gekozen(rond(punt));
    }).catch(function (fout) {
      if (nr === self.teller) self.mislukt(fout);
    });
  };

  Adresvak.prototype.gelukt = function () {
    if (this.wijken) this.wijken.hidden = true;
  };

  /* The geocoder cannot be reached: say so, and offer the wijken. */
  Adresvak.prototype.mislukt = function (fout) {
    if (window.console) console.warn(fout);
    if (this.keuze) this.keuze.sluit();
    this.zeg("");
    if (this.melding) this.melding.textContent = MISLUKT;
    if (this.wijken) this.wijken.hidden = false;
    this.blok.setAttribute("data-mislukt", "");
  };

  /* Show where the chosen point lies (null: nothing chosen). */
  Adresvak.prototype.toonPlek = function (plek, gekozen) {
    this.zeg(gekozen ? plekTekst(plek) : "");
    if (this.wis) this.wis.hidden = !gekozen;
  };

  Adresvak.prototype.gebieden = function () {
    return laadGebieden(this.gebiedenUrl);
  };

  Adresvak.prototype.focus = function (hint) {
    if (this.invoer) {
      this.invoer.focus();
      if (hint) this.zeg(hint);
    }
  };

  // ---------------------------------------------------------------------------------
  // The home page: a chosen address opens the finder with its wijk and point
  // ---------------------------------------------------------------------------------

  function startThuis(blok) {
    var zoeken = new URL(blok.getAttribute("data-zoeken") || "zoeken/", location.href);
    var vak = new Adresvak(blok, {
      gekozen: function (punt) {
        function naar(plek) {
          var url = new URL(zoeken.href);
          if (plek && plek.inEnschede && plek.wijk) url.searchParams.set("wijk", plek.wijk.code);
          url.searchParams.set("bij", bijTekst(punt));
          location.href = url.href;
        }
        vak.gebieden().then(function (g) { naar(g.plek(punt)); }, function () { naar(null); });
      }
    });
  }

  window.wijkportaalDichtbij = {
    Adresvak: Adresvak,
    afstand: afstand,
    afstandTekst: afstandTekst,
    leesBij: leesBij,
    bijTekst: bijTekst,
    routeUrl: routeUrl,
    plekTekst: plekTekst,
    laadGebieden: laadGebieden
  };

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".wp-dichtbij"), function (blok) {
      if (!document.getElementById("wp-zoeker") || !document.getElementById("wp-zoeker").contains(blok)) startThuis(blok);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
