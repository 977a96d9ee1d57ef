/* Wijkportaal Enschede: search in the browser.
 *
 * One engine (the lunr index built at build time, see src/wijkportaal/zoekindex.py)
 * serves two things:
 *  - the search box in the header of every page (form.wp-zoekvak): suggestions as
 *    you type; lunr and the index are loaded on first focus;
 *  - the finder /zoeken/ (form#wp-zoeker): query, filters with counts, results as a
 *    list and on the map, state in the URL, and the verwijslijst (localStorage). With a
 *    chosen address (dichtbij.js: the field, its wijk and point) the results are sorted by
 *    distance, nearest first, and the URL gets bij=<lat>,<lon>.
 *
 * Query semantics: every word of the query must match (AND). A word matches its
 * stem (the index pipeline), with one typo if it has five letters or more, and the
 * last word also as the start of a longer word while it is still being typed (no
 * space after it). Scores of the words are added up.
 *
 * Everything from the data goes into the page with textContent: never as HTML.
 * Loaded on every page (extra_javascript), so it does nothing when neither form exists.
 */
(function () {
  "use strict";

  var OPSLAG = "wijkportaal-verwijslijst";
  var KEUZEFILTERS = ["wijk", "thema", "doelgroep", "toegang", "kosten", "kanaal", "taal"];
  var PARAMETERS = ["q", "wijk", "thema", "doelgroep", "leeftijd", "toegang", "kosten", "kanaal", "taal", "open", "bij"];
  // Loaded on pages without them (the header box), in this order; zoekindex.js (the
  // compact index format) is optional: without it the index files are lunr's own format.
  var LUNR_SCRIPTS = [
    "vendor/lunr/lunr.js",
    "vendor/lunr/lunr.stemmer.support.js",
    "vendor/lunr/lunr.nl.js",
    "zoektaal.js",
    "zoekindex.js"
  ];
  // Little words that would make an AND query fail for no reason ("hulp bij schulden");
  // zoektaal.js knows the words the index leaves out, this list is the fallback.
  var STOPWOORDEN = new Set((
    "de het een en of van voor bij in op met aan te naar om door over uit tot als is zijn er " +
    "ik u je jij we wij mijn uw hoe wat waar wie welke die dat dit deze niet ook nog wel maar dan"
  ).split(" "));
  var UITBREIDING = 0.5;   // a record scores this part of a hit on its thema or doelgroep page
  var NAAMBONUS = 1000;    // the query is exactly the name: first
  var DAGCODES = ["zo", "ma", "di", "wo", "do", "vr", "za"];  // Date.getUTCDay() order
  var DAGNAMEN = { ma: "maandag", di: "dinsdag", wo: "woensdag", "do": "donderdag", vr: "vrijdag", za: "zaterdag", zo: "zondag" };
  var WEEK = ["ma", "di", "wo", "do", "vr", "za", "zo"];
  var SOORTLABEL = {
    voorzieningen: "Voorziening", methodieken: "Methodiek", werkinstructies: "Werkinstructie",
    organisaties: "Organisatie", teams: "Team", vragen: "Vraag", ontwikkelingen: "Ontwikkeling", thema: "Onderwerp",
    doelgroep: "Voor wie", pagina: "Pagina"
  };
  var PER_KEER = 50;         // results rendered at once; "Toon meer" adds as many
  var ANDERS_PER_KEER = 10;
  var SUGGESTIES = 6;

  // ---------------------------------------------------------------------------------
  // Loading: scripts (only where the page does not have them yet) and the index files
  // ---------------------------------------------------------------------------------

  function laadScript(url) {
    return new Promise(function (klaar, mislukt) {
      var s = document.createElement("script");
      s.src = url;
      s.async = false;
      s.onload = function () { klaar(); };
      s.onerror = function () { mislukt(new Error("kan " + url + " niet laden")); };
      document.head.appendChild(s);
    });
  }

  var zoektaalBelofte = null;
  function laadZoektaal(zoekUrl) {
    if (window.wijkportaalZoektaal) return Promise.resolve();
    if (!zoektaalBelofte) {
      var basis = new URL("../assets/wijkportaal/", zoekUrl);
      var keten = Promise.resolve();
      LUNR_SCRIPTS.forEach(function (pad, i) {
        keten = keten.then(function () {
          if (i === 0 && window.lunr) return undefined;
          var laden = laadScript(new URL(pad, basis).href);
          return pad === "zoekindex.js" ? laden.catch(function () { return undefined; }) : laden;
        });
      });
      zoektaalBelofte = keten;
    }
    return zoektaalBelofte;
  }

  function haalJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (antwoord) {
      if (!antwoord.ok) throw new Error(url + ": " + antwoord.status);
      return antwoord.json();
    });
  }

  /* lunr.Index from the site's compact form (zoekindex.js), or lunr's own serialized form. */
  function laadIndex(data) {
    if (data && data.termen && data.vectoren) {
      if (!window.wijkportaalZoekindex) throw new Error("zoekindex.js ontbreekt");
      return wijkportaalZoekindex.index(data);
    }
    return lunr.Index.load(data);
  }

  var machines = {};
  /* The engine for the index files next to the finder (absolute URLs), loaded once per page. */
  function laadMachine(zoekUrl, bestanden) {
    var sleutel = bestanden.index + " " + bestanden.gegevens;
    if (!machines[sleutel]) {
      machines[sleutel] = Promise.all([laadZoektaal(zoekUrl), haalJson(bestanden.index), haalJson(bestanden.gegevens)])
        .then(function (delen) { return new Zoekmachine(delen[1], delen[2], new URL("../", zoekUrl).href, bestanden.tekst); });
    }
    return machines[sleutel];
  }

  function bestandenBij(zoekUrl, form) {
    function pad(attribuut, standaard) {
      return new URL((form && form.getAttribute(attribuut)) || standaard, zoekUrl).href;
    }
    return { index: pad("data-index", "index.json"), gegevens: pad("data-gegevens", "gegevens.json"), tekst: pad("data-tekst", "tekst.json") };
  }

  // ---------------------------------------------------------------------------------
  // The engine
  // ---------------------------------------------------------------------------------

  function Zoekmachine(index, gegevens, siteUrl, tekstUrl) {
    var self = this;
    this.idx = laadIndex(index);
    this.tekstIdx = null;           // the body text: a second index, loaded on the first query
    this.tekstUrl = tekstUrl;
    this.documenten = gegevens.documenten;   // list; the indexes refer to a document by its number
    this.voorzieningen = gegevens.voorzieningen;   // by URL
    this.filters = gegevens.filters;
    this.editie = gegevens.editie;
    this.siteUrl = siteUrl;                   // absolute URL of the site root
    this.cache = new Map();
    this.wachtenden = [];
    // A hit on a thema or doelgroep page (its label, synonyms or their parts) counts for
    // every record with that thema or doelgroep: "geldzorgen" finds the schulden voorzieningen.
    this.leden = new Map();
    this.namen = [];
    function lid(sleutel, nr) {
      if (!self.leden.has(sleutel)) self.leden.set(sleutel, []);
      self.leden.get(sleutel).push(nr);
    }
    this.documenten.forEach(function (d, nr) {
      var v = d.soort === "voorzieningen" ? self.voorzieningen[d.url] || d : d;
      (v.themas || []).forEach(function (t) { lid("thema:" + t, nr); });
      (v.doelgroepen || []).forEach(function (t) { lid("doelgroep:" + t, nr); });
      self.namen.push(wijkportaalZoektaal.woorden(d.naam || "").join(" "));
    });
  }

  Zoekmachine.prototype.isStopwoord = function (w) {
    var taal = window.wijkportaalZoektaal;
    return taal && taal.isStopwoord ? taal.isStopwoord(w) : STOPWOORDEN.has(w);
  };

  /* The words of a query that count, each with whether it is still being typed (the
   * last word, no space after it). Little words are skipped, except a typed start of a word. */
  Zoekmachine.prototype.woorden = function (vraag) {
    var alle = wijkportaalZoektaal.woorden(vraag);
    var open = !/\s$/.test(vraag);
    var self = this;
    return alle.map(function (w, i) { return { woord: w, begin: open && i === alle.length - 1 }; })
      .filter(function (x) { return !self.isStopwoord(x.woord) || (x.begin && x.woord.length >= 3); });
  };

  /* Start loading the body text index (once); `klaar` is called when it is there. */
  Zoekmachine.prototype.laadTekst = function (klaar) {
    var self = this;
    if (this.tekstIdx || !this.tekstUrl) return;
    if (klaar) this.wachtenden.push(klaar);
    if (this.tekstBelofte) return;
    function verder() {
      var wachtenden = self.wachtenden;
      self.wachtenden = [];
      wachtenden.forEach(function (f) { f(); });
    }
    this.tekstBelofte = haalJson(this.tekstUrl).then(function (data) {
      self.tekstIdx = laadIndex(data);
      self.cache.clear();
      verder();
    }).catch(function (fout) {
      self.tekstUrl = null;  // no (usable) body text index: names, summaries and terms only
      if (window.console) console.error(fout);
      verder();
    });
  };

  function raaktTerm(r) {
    var velden = r.matchData && r.matchData.metadata;
    for (var term in velden) {
      if (velden[term].termen || velden[term].delen || velden[term].naam) return true;
    }
    return false;
  }

  /* Map(document number -> score) for one word. */
  Zoekmachine.prototype.zoekWoord = function (woord, begin) {
    var sleutel = (begin ? "*" : "=") + woord;
    var bekend = this.cache.get(sleutel);
    if (bekend) return bekend;
    var uit = new Map();
    var erbij = new Map();
    var self = this;
    var stam = wijkportaalZoektaal.stam(woord);
    function vraag(q, metBegin) {
      if (!self.isStopwoord(woord)) q.term(woord, { boost: 10 });
      if (woord.length >= 5) q.term(stam, { usePipeline: false, editDistance: 1, boost: 1 });
      if (metBegin) q.term(woord, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 2 });
    }
    // The start of a word being typed is looked up in names, summaries and terms only: a short
    // start matches thousands of body text words, and the finished word searches the body text anyway.
    this.idx.query(function (q) { vraag(q, begin && woord.length >= 3); }).forEach(function (r) {
      var nr = Number(r.ref);
      uit.set(nr, (uit.get(nr) || 0) + r.score);
      var d = self.documenten[nr];
      if (d && d.term && (d.soort === "thema" || d.soort === "doelgroep") && raaktTerm(r)) {
        (self.leden.get(d.soort + ":" + d.term) || []).forEach(function (lid) {
          erbij.set(lid, Math.max(erbij.get(lid) || 0, r.score * UITBREIDING));
        });
      }
    });
    erbij.forEach(function (score, nr) { uit.set(nr, (uit.get(nr) || 0) + score); });
    if (this.tekstIdx) {
      this.tekstIdx.query(function (q) { vraag(q, false); }).forEach(function (r) {
        var nr = Number(r.ref);
        uit.set(nr, (uit.get(nr) || 0) + r.score);
      });
    }
    if (this.cache.size > 500) this.cache.clear();
    this.cache.set(sleutel, uit);
    return uit;
  };

  /* Map(document number -> score) of the documents that match every word, or null
   * for a query without words. */
  Zoekmachine.prototype.zoek = function (vraag) {
    var woorden = this.woorden(vraag);
    if (!woorden.length) return null;
    var uit = null;
    for (var i = 0; i < woorden.length; i++) {
      var treffers = this.zoekWoord(woorden[i].woord, woorden[i].begin);
      if (uit === null) {
        uit = new Map(treffers);
      } else {
        var samen = new Map();
        uit.forEach(function (score, nr) {
          var ook = treffers.get(nr);
          if (ook !== undefined) samen.set(nr, score + ook);
        });
        uit = samen;
      }
      if (!uit.size) break;
    }
    var precies = wijkportaalZoektaal.woorden(vraag).join(" ");
    var namen = this.namen;
    uit.forEach(function (score, nr) { if (namen[nr] === precies) uit.set(nr, score + NAAMBONUS); });
    return uit;
  };

  /* The best documents for a query: [{nr, score, doc}], best first. */
  Zoekmachine.prototype.beste = function (vraag, aantal) {
    var scores = this.zoek(vraag);
    if (!scores) return [];
    var docs = this.documenten;
    var lijst = [];
    scores.forEach(function (score, nr) { lijst.push({ nr: nr, score: score, doc: docs[nr] }); });
    lijst.sort(function (a, b) { return b.score - a.score || vergelijk(a.doc.naam, b.doc.naam); });
    return aantal ? lijst.slice(0, aantal) : lijst;
  };

  var sorteerder = new Intl.Collator("nl", { sensitivity: "base", numeric: true });
  function vergelijk(a, b) { return sorteerder.compare(a, b); }

  // ---------------------------------------------------------------------------------
  // Time: "now" in Enschede, and opening hours
  // ---------------------------------------------------------------------------------

  var tijdformaat = new Intl.DateTimeFormat("nl-NL", {
    timeZone: "Europe/Amsterdam", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23"
  });

  function minuten(tijd) {
    var m = /^(\d{1,2}):(\d{2})/.exec(tijd || "");
    return m ? Number(m[1]) * 60 + Number(m[2]) : null;
  }

  /* {dag: 0..6 (0 = zondag), minuut} in Europe/Amsterdam. A fixed moment for tests and
   * demonstrations: ?nu=2026-11-23T10:00 or window.wijkportaalNu (the same text, read
   * as the time on the clock in Enschede, or a Date). */
  function nuInEnschede() {
    var vast = new URLSearchParams(location.search).get("nu") || window.wijkportaalNu;
    if (typeof vast === "string") {
      var m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(vast);
      if (m) {
        var dag = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
        return { dag: dag, minuut: Number(m[4]) * 60 + Number(m[5]) };
      }
    }
    var moment = vast instanceof Date ? vast : new Date();
    var delen = {};
    tijdformaat.formatToParts(moment).forEach(function (d) { delen[d.type] = d.value; });
    var code = (delen.weekday || "").replace(/\W/g, "").toLowerCase().slice(0, 2);
    return { dag: DAGCODES.indexOf(code), minuut: Number(delen.hour) * 60 + Number(delen.minute) };
  }

  /* Per day (0 = zondag) the blocks [van, tot] in minutes; a block past midnight goes on to the next day. */
  function openingsblokken(locaties) {
    var dagen = [[], [], [], [], [], [], []];
    (locaties || []).forEach(function (l) {
      (l.open || []).forEach(function (blok) {
        var dag = DAGCODES.indexOf(blok[0]);
        var van = minuten(blok[1]);
        var tot = minuten(blok[2]);
        if (dag < 0 || van === null || tot === null) return;
        if (tot > van) {
          dagen[dag].push([van, tot]);
        } else {  // till or past midnight
          dagen[dag].push([van, 24 * 60]);
          if (tot > 0) dagen[(dag + 1) % 7].push([0, tot]);
        }
      });
    });
    return dagen;
  }

  function isOpen(blokken, nu) {
    if (nu.dag < 0) return false;
    var vandaag = blokken[nu.dag];
    for (var i = 0; i < vandaag.length; i++) {
      if (vandaag[i][0] <= nu.minuut && nu.minuut < vandaag[i][1]) return true;
    }
    return false;
  }

  /* "maandag 09:00-12:00 en 13:00-17:00; dinsdag ..." for one location. */
  function openingstijdenTekst(locatie) {
    var perDag = {};
    (locatie.open || []).forEach(function (b) { (perDag[b[0]] = perDag[b[0]] || []).push(b[1] + "-" + b[2]); });
    return WEEK.filter(function (d) { return perDag[d]; }).map(function (d) {
      return DAGNAMEN[d] + " " + perDag[d].join(" en ");
    }).join("; ");
  }

  function adresTekst(l) {
    var plaats = [l.postcode, l.plaats].filter(Boolean).join(" ");
    return [l.naam && l.naam !== l.adres ? l.naam : "", l.adres, plaats].filter(Boolean).join(", ");
  }

  function telLink(telefoon) {
    return "tel:" + String(telefoon).replace(/[^\d+]/g, "");
  }

  // ---------------------------------------------------------------------------------
  // Small DOM helpers
  // ---------------------------------------------------------------------------------

  function el(tag, klasse, tekst) {
    var e = document.createElement(tag);
    if (klasse) e.className = klasse;
    if (tekst !== undefined && tekst !== null) e.textContent = tekst;
    return e;
  }

  function link(href, tekst, klasse) {
    var a = el("a", klasse, tekst);
    a.href = href;
    return a;
  }

  function aantalTekst(n, enkel, meer) {
    return n + " " + (n === 1 ? enkel : meer);
  }

  // ---------------------------------------------------------------------------------
  // The verwijslijst: voorziening URLs in localStorage
  // ---------------------------------------------------------------------------------

  var verwijslijst = {
    geheugen: null,  // when localStorage is not available (private mode, blocked): this page only
    lees: function () {
      var lijst;
      try {
        lijst = this.geheugen || JSON.parse(localStorage.getItem(OPSLAG) || "[]");
      } catch (e) {
        lijst = [];
      }
      return Array.isArray(lijst) ? lijst.filter(function (u) { return typeof u === "string"; }) : [];
    },
    schrijf: function (lijst) {
      try {
        localStorage.setItem(OPSLAG, JSON.stringify(lijst));
        this.geheugen = null;
      } catch (e) {
        this.geheugen = lijst.slice();
      }
    },
    bevat: function (url) { return this.lees().indexOf(url) >= 0; },
    wissel: function (url) {
      var lijst = this.lees();
      var i = lijst.indexOf(url);
      if (i >= 0) lijst.splice(i, 1); else lijst.push(url);
      this.schrijf(lijst);
      return i < 0;
    }
  };

  // ---------------------------------------------------------------------------------
  // The finder: /zoeken/
  // ---------------------------------------------------------------------------------

  function Vinder(form, machine) {
    this.form = form;
    this.m = machine;
    this.invoer = form.querySelector("#wp-zoek-q");
    this.aantal = document.getElementById("wp-aantal");
    this.resultaten = document.getElementById("wp-resultaten");
    this.anders = document.getElementById("wp-anders");
    this.andersLijst = document.getElementById("wp-resultaten-anders");
    this.leeftijd = form.querySelector("#wp-filter-leeftijd");
    this.open = form.querySelector("#wp-filter-open");
    this.openLabel = form.querySelector('label[for="wp-filter-open"]');
    this.kaartData = document.querySelector('.wp-zoeken [id^="kaartdata-"]');
    this.toonAantal = PER_KEER;
    this.toonAnders = ANDERS_PER_KEER;
    this.kaartSleutel = null;
    this.kaartTimer = 0;
    this.punt = null;            // the chosen address's point {lat, lon} (rounded as in the URL), or null
    this.wijkVanAdres = null;    // the wijk the address chose, reset when the address is wiped
    this.afstanden = new Map();  // item -> {meter, locatie} of its nearest location, for this.punt
    this.voorbereiden();
  }

  /* Everything a change needs, computed once: per voorziening the option numbers it has
   * in every filter, its age range, its opening hours and its map rows. */
  Vinder.prototype.voorbereiden = function () {
    var m = this.m;
    var form = this.form;
    var self = this;
    this.keuzes = {};  // filter -> {select, opties: [{waarde, label, el}], index: Map(waarde -> i)}
    KEUZEFILTERS.forEach(function (naam) {
      var select = form.querySelector("#wp-filter-" + naam);
      if (!select) return;
      var opties = [];
      var index = new Map();
      Array.prototype.forEach.call(select.options, function (o) {
        if (o.value) index.set(o.value, opties.length);
        opties.push({ waarde: o.value, label: o.textContent.trim(), el: o });
      });
      self.keuzes[naam] = { select: select, opties: opties, index: index };
    });
    this.filternamen = Object.keys(this.keuzes);

    var nrVanUrl = new Map();
    m.documenten.forEach(function (d, nr) { nrVanUrl.set(d.url, nr); });
    var velden = { wijk: "wijken", thema: "themas", doelgroep: "doelgroepen", toegang: "toegang", kosten: "kosten", kanaal: "kanalen", taal: "talen" };
    this.items = [];
    Object.keys(m.voorzieningen).forEach(function (url) {
      var v = m.voorzieningen[url];
      var nr = nrVanUrl.has(url) ? nrVanUrl.get(url) : -1;
      var doc = nr >= 0 ? m.documenten[nr] : { naam: url, samenvatting: "" };
      var item = { url: url, nr: nr, naam: doc.naam, samenvatting: doc.samenvatting, v: v, opties: {} };
      self.filternamen.forEach(function (naam) {
        var waarden = v[velden[naam]];
        if (!Array.isArray(waarden)) waarden = waarden ? [waarden] : [];
        var index = self.keuzes[naam].index;
        item.opties[naam] = waarden.filter(function (w) { return index.has(w); }).map(function (w) { return index.get(w); });
      });
      item.stedelijk = !!v.stedelijk;
      item.van = v.leeftijd && v.leeftijd[0] !== null && v.leeftijd[0] !== undefined ? v.leeftijd[0] : -Infinity;
      item.tot = v.leeftijd && v.leeftijd[1] !== null && v.leeftijd[1] !== undefined ? v.leeftijd[1] : Infinity;
      item.blokken = openingsblokken(v.locaties);
      item.rijen = (v.locaties || []).filter(function (l) { return l.lat !== null && l.lon !== null && l.lat !== undefined; })
        .map(function (l) {
          return [l.lat, l.lon, doc.naam, doc.samenvatting, "../" + url, v.toegang, v.toegang_label, v.hoofdthema,
            [l.naam, l.adres, l.plaats].filter(Boolean).join(", "), l.bij_benadering ? 1 : 0];
        });
      self.items.push(item);
    });
    this.items.sort(function (a, b) { return vergelijk(a.naam, b.naam); });
    this.itemVanNr = new Map();
    this.items.forEach(function (item) { if (item.nr >= 0) self.itemVanNr.set(item.nr, item); });
    this.itemVanUrl = new Map(this.items.map(function (i) { return [i.url, i]; }));
  };

  /* The form as a state: {q, keuze: {filter: option number or -1}, leeftijd, open}. */
  Vinder.prototype.toestand = function () {
    var self = this;
    var t = { q: this.invoer.value, keuze: {}, leeftijd: null, open: !!(this.open && this.open.checked), bij: this.punt };
    this.filternamen.forEach(function (naam) {
      var k = self.keuzes[naam];
      t.keuze[naam] = k.select.value && k.index.has(k.select.value) ? k.index.get(k.select.value) : -1;
    });
    var leeftijd = this.leeftijd ? parseInt(this.leeftijd.value, 10) : NaN;
    if (!isNaN(leeftijd) && leeftijd >= 0) t.leeftijd = leeftijd;
    return t;
  };

  /* Fill the form from the URL (?q=...&thema=...). */
  Vinder.prototype.herstel = function () {
    var p = new URLSearchParams(location.search);
    var self = this;
    this.invoer.value = p.get("q") || "";
    this.filternamen.forEach(function (naam) {
      var k = self.keuzes[naam];
      var waarde = p.get(naam) || "";
      k.select.value = k.index.has(waarde) ? waarde : "";
    });
    if (this.leeftijd) this.leeftijd.value = /^\d{1,3}$/.test(p.get("leeftijd") || "") ? p.get("leeftijd") : "";
    if (this.open) this.open.checked = p.get("open") === "1";
    this.punt = window.wijkportaalDichtbij ? wijkportaalDichtbij.leesBij(p.get("bij")) : null;
  };

  /* The form into the URL (history.replaceState), parameters in a fixed order. */
  Vinder.prototype.schrijfUrl = function (t) {
    var p = new URLSearchParams();
    var self = this;
    if (t.q.trim()) p.set("q", t.q.trim());
    this.filternamen.forEach(function (naam) {
      if (t.keuze[naam] >= 0) p.set(naam, self.keuzes[naam].opties[t.keuze[naam]].waarde);
    });
    if (t.leeftijd !== null) p.set("leeftijd", String(t.leeftijd));
    if (t.open) p.set("open", "1");
    if (t.bij) p.set("bij", wijkportaalDichtbij.bijTekst(t.bij));
    var oud = new URLSearchParams(location.search);
    if (oud.get("nu")) p.set("nu", oud.get("nu"));  // a fixed "now" stays
    // keep PARAMETERS order
    var geordend = new URLSearchParams();
    PARAMETERS.concat(["nu"]).forEach(function (n) { if (p.has(n)) geordend.set(n, p.get(n)); });
    var zoek = geordend.toString();
    var nieuw = location.pathname + (zoek ? "?" + zoek : "") + location.hash;
    if (nieuw !== location.pathname + location.search + location.hash) {
      history.replaceState(history.state, "", nieuw);
    }
  };

  /* The URL follows shortly after the last change: browsers limit how often a page may
   * rewrite its URL, and one rewrite costs more than the rest of an answer. */
  Vinder.prototype.planUrl = function (t) {
    var self = this;
    clearTimeout(this.urlTimer);
    this.urlToestand = t;
    this.urlTimer = setTimeout(function () { self.schrijfUrlNu(); }, 250);
  };

  Vinder.prototype.schrijfUrlNu = function () {
    clearTimeout(this.urlTimer);
    if (this.urlToestand) this.schrijfUrl(this.urlToestand);
    this.urlToestand = null;
  };

  /* Does the item pass filter `naam` of state t? */
  Vinder.prototype.past = function (item, naam, t, nu) {
    if (naam === "leeftijd") return t.leeftijd === null || (item.van <= t.leeftijd && t.leeftijd <= item.tot);
    if (naam === "open") return !t.open || isOpen(item.blokken, nu);
    var keuze = t.keuze[naam];
    if (keuze < 0) return true;
    if (naam === "wijk" && item.stedelijk) return true;
    return item.opties[naam].indexOf(keuze) >= 0;
  };

  /* Answer the form: results, counts per option, URL, map. */
  Vinder.prototype.werkBij = function (opnieuwTonen) {
    var t0 = performance.now();
    var t = this.toestand();
    this.laatsteToestand = t;
    var nu = nuInEnschede();
    var self = this;
    if (opnieuwTonen) { this.toonAantal = PER_KEER; this.toonAnders = ANDERS_PER_KEER; }

    var scores = this.m.zoek(t.q);
    var kandidaten;
    if (scores === null) {
      kandidaten = this.items;  // no words: every voorziening, by name
    } else {
      kandidaten = [];
      scores.forEach(function (score, nr) {
        var item = self.itemVanNr.get(nr);
        if (item) kandidaten.push(item);
      });
      kandidaten.sort(function (a, b) { return scores.get(b.nr) - scores.get(a.nr) || vergelijk(a.naam, b.naam); });
    }

    // Faceted counts: an item counts for the options of a filter when it passes every OTHER filter.
    var namen = this.filternamen.concat(["leeftijd", "open"]);
    var tellingen = {};
    this.filternamen.forEach(function (naam) { tellingen[naam] = new Array(self.keuzes[naam].opties.length).fill(0); });
    var stedelijkeTeller = 0;  // stedelijk voorzieningen count for every wijk
    var openTeller = 0;
    var gevonden = [];
    for (var i = 0; i < kandidaten.length; i++) {
      var item = kandidaten[i];
      var mis = null;
      var aantalMis = 0;
      for (var j = 0; j < namen.length && aantalMis < 2; j++) {
        if (!this.past(item, namen[j], t, nu)) { mis = namen[j]; aantalMis++; }
      }
      if (aantalMis >= 2) continue;
      if (aantalMis === 0) gevonden.push(item);
      for (var f = 0; f < this.filternamen.length; f++) {
        var naam = this.filternamen[f];
        if (mis !== null && mis !== naam) continue;
        var teller = tellingen[naam];
        teller[0]++;  // option 0 is "Alle ...": everything that passes the other filters
        if (naam === "wijk" && item.stedelijk) { stedelijkeTeller++; continue; }
        var opties = item.opties[naam];
        for (var o = 0; o < opties.length; o++) teller[opties[o]]++;
      }
      if ((mis === null || mis === "open") && isOpen(item.blokken, nu)) openTeller++;
    }

    if (t.bij) gevonden = this.opAfstand(gevonden, t.bij);
    this.toonTellingen(tellingen, stedelijkeTeller, openTeller);
    this.toonGekozen(t);
    this.toonResultaten(gevonden);
    var anders = this.andereResultaten(scores);
    this.toonAnderen(anders);
    this.meldAantal(gevonden.length, anders.length, t);
    this.planUrl(t);
    this.planKaart(gevonden);
    this.form.setAttribute("data-ms", (performance.now() - t0).toFixed(1));
  };

  /* {meter, locatie} of the item's location nearest to `punt`, or null when it has none on the map. */
  Vinder.prototype.dichtste = function (item, punt) {
    var beste = null;
    (item.v.locaties || []).forEach(function (l) {
      if (l.lat === null || l.lat === undefined || l.lon === null || l.lon === undefined) return;
      var meter = wijkportaalDichtbij.afstand(punt, { lat: l.lat, lon: l.lon });
      if (!beste || meter < beste.meter) beste = { meter: meter, locatie: l };
    });
    return beste;
  };

  /* The items nearest first (as the crow flies, to their nearest location); items without a
   * location last; equal distances keep their order (relevance, or the name). */
  Vinder.prototype.opAfstand = function (items, punt) {
    if (this.afstandenVoor !== punt) {
      this.afstanden = new Map();
      this.afstandenVoor = punt;
    }
    var afstanden = this.afstanden;
    var self = this;
    var rij = items.map(function (item, i) {
      if (!afstanden.has(item)) afstanden.set(item, self.dichtste(item, punt));
      var d = afstanden.get(item);
      return { item: item, i: i, meter: d ? d.meter : Infinity };
    });
    rij.sort(function (a, b) { return a.meter === b.meter ? a.i - b.i : a.meter < b.meter ? -1 : 1; });
    return rij.map(function (r) { return r.item; });
  };

  /* The place of an address on the map: the wijk it lies in (when that is known), then `klaar(plek)`. */
  Vinder.prototype.plekVan = function (punt, klaar) {
    var self = this;
    this.adres.gebieden().then(function (g) { return g.plek(punt); }, function () { return null; }).then(function (plek) {
      if (self.punt === punt) klaar(plek);
    });
  };

  /* An address was chosen: it sets the wijk (none outside Enschede), the order and the map. */
  Vinder.prototype.kiesPunt = function (punt) {
    var self = this;
    this.punt = punt;
    this.plekVan(punt, function (plek) {
      var wijk = self.keuzes.wijk;
      if (wijk && plek) {
        var code = plek.inEnschede && plek.wijk ? plek.wijk.code : "";
        wijk.select.value = wijk.index.has(code) ? code : "";
        self.wijkVanAdres = wijk.select.value;
      }
      self.adres.toonPlek(plek, true);
      self.toonPunt();
    });
  };

  /* The point of ?bij= when the page opened: the same as choosing it, but the wijk is the URL's. */
  Vinder.prototype.herstelPunt = function () {
    var self = this;
    if (!this.punt || !this.adres) return;
    this.plekVan(this.punt, function (plek) {
      var wijk = self.keuzes.wijk;
      if (wijk && plek && plek.wijk && wijk.select.value === plek.wijk.code) self.wijkVanAdres = plek.wijk.code;
      self.adres.toonPlek(plek, true);
    });
    this.toonPunt(false);  // the first answer (in start) has the order already
  };

  /* "Adres wissen": back to the order without an address; the wijk it set goes too. */
  Vinder.prototype.wisPunt = function () {
    var wijk = this.keuzes.wijk;
    if (wijk && this.wijkVanAdres && wijk.select.value === this.wijkVanAdres) wijk.select.value = "";
    this.punt = null;
    this.wijkVanAdres = null;
    this.toonPunt();
  };

  /* The point on the map and in the URL, and the list in its order (unless `opnieuw` is false). */
  Vinder.prototype.toonPunt = function (opnieuw) {
    var kaart = this.kaartData && window.wijkportaalKaart && wijkportaalKaart.kaarten[this.kaartData.id];
    if (kaart && kaart.zetPlek) kaart.zetPlek(this.punt);
    if (opnieuw !== false) {
      this.werkBij(true);
      this.schrijfUrlNu();
    }
    if (this.punt) this.form.setAttribute("data-bij", wijkportaalDichtbij.bijTekst(this.punt));
    else this.form.removeAttribute("data-bij");
  };

  /* "Open nu, dichtbij": the filter "Nu open", nearest first; without an address, first the address. */
  Vinder.prototype.openDichtbij = function () {
    if (this.open) this.open.checked = true;
    if (!this.punt && this.adres) {
      this.adres.focus("Typ uw adres of postcode en kies het uit de lijst. Dan ziet u wat nu open is, het dichtstbij eerst.");
    }
    this.werkBij(true);
    this.schrijfUrlNu();
  };

  Vinder.prototype.aantalGekozen = function (t) {
    var n = t.leeftijd !== null ? 1 : 0;
    if (t.open) n++;
    this.filternamen.forEach(function (f) { if (t.keuze[f] >= 0) n++; });
    return n;
  };

  /* "Filters (2 gekozen)": the filters can be folded away (on a phone they start folded). */
  Vinder.prototype.toonGekozen = function (t) {
    var plek = this.form.querySelector(".wp-zoeker__gekozen");
    if (!plek) return;
    var n = this.aantalGekozen(t);
    var tekst = n ? "(" + n + " gekozen)" : "";
    if (plek.textContent !== tekst) plek.textContent = tekst;
  };

  Vinder.prototype.toonTellingen = function (tellingen, stedelijk, open) {
    var self = this;
    this.filternamen.forEach(function (naam) {
      var k = self.keuzes[naam];
      var teller = tellingen[naam];
      k.opties.forEach(function (optie, i) {
        var n = teller[i] + (naam === "wijk" && i > 0 ? stedelijk : 0);
        var tekst = optie.label + " (" + n + ")";
        if (optie.el.textContent !== tekst) optie.el.textContent = tekst;
        if (i > 0) optie.el.classList.toggle("wp-optie--leeg", n === 0);
      });
    });
    if (this.openLabel) {
      var tekst = "Nu open (" + open + ")";
      if (this.openLabel.textContent !== tekst) this.openLabel.textContent = tekst;
    }
  };

  /* Which chosen filters rest on a value this voorziening has not had confirmed (Dutch labels). */
  var FILTERVELD = { toegang: ["toegang", "toegang"], kosten: ["kosten", "kosten"], kanaal: ["kanalen", "hoe u de hulp krijgt"],
    taal: ["talen", "taal"], doelgroep: ["doelgroepen", "voor wie"], wijk: ["gebied", "wijk"] };
  Vinder.prototype.onbevestigdeFilters = function (onbevestigd) {
    if (!onbevestigd.length) return [];
    var t = this.laatsteToestand || this.toestand();
    var uit = [];
    Object.keys(FILTERVELD).forEach(function (naam) {
      if (t.keuze[naam] !== undefined && t.keuze[naam] >= 0 && onbevestigd.indexOf(FILTERVELD[naam][0]) >= 0) uit.push(FILTERVELD[naam][1]);
    });
    if (t.leeftijd !== null && onbevestigd.indexOf("leeftijd") >= 0) uit.push("leeftijd");
    if (t.open && onbevestigd.indexOf("locaties") >= 0) uit.push("openingstijden");
    return uit;
  };

  Vinder.prototype.resultaatItem = function (item) {
    var v = item.v;
    var li = el("li", "wp-resultaat");
    li.setAttribute("data-ref", item.url);
    var kop = el("h3", "wp-resultaat__naam");
    kop.id = "wp-resultaat-" + item.nr;
    kop.appendChild(link("../" + item.url, item.naam));
    li.appendChild(kop);
    var onbevestigd = v.onbevestigd || [];
    if (v.toegang_label) {
      var nb = onbevestigd.indexOf("toegang") >= 0 ? " (niet bevestigd)" : "";
      li.appendChild(el("span", "wp-badge wp-toegang wp-toegang--" + v.toegang, v.toegang_label + nb));
    }
    if (item.samenvatting) li.appendChild(el("p", "wp-resultaat__samenvatting", item.samenvatting));
    // A filter that matched on a value the organisation has not confirmed: say so, do not hide it.
    var twijfel = this.onbevestigdeFilters(onbevestigd);
    if (twijfel.length) {
      li.appendChild(el("p", "wp-resultaat__onbevestigd",
        "Nog niet bevestigd door de organisatie: " + twijfel.join(", ") + ". Vraag het na."));
    }
    var punt = this.laatsteToestand && this.laatsteToestand.bij;
    var dichtst = punt ? this.afstanden.get(item) : null;
    if (dichtst) {
      li.setAttribute("data-afstand", String(Math.round(dichtst.meter)));
      var afstand = el("span", "wp-badge wp-afstand", wijkportaalDichtbij.afstandTekst(dichtst.meter));
      if (dichtst.locatie.bij_benadering) afstand.textContent += " (ongeveer)";
      li.insertBefore(afstand, kop.nextSibling);
    }
    var gegevens = el("p", "wp-resultaat__gegevens");
    var delen = [];
    if (v.organisatie) delen.push(el("span", "wp-resultaat__organisatie", v.organisatie));
    var eerste = dichtst ? dichtst.locatie : (v.locaties || [])[0];
    if (eerste && adresTekst(eerste)) delen.push(el("span", "wp-resultaat__adres", adresTekst(eerste)));
    // a route only to a known place: a point "bij benadering" is the middle of a buurt, not the door
    if (eerste && eerste.lat !== null && eerste.lat !== undefined && !eerste.bij_benadering && window.wijkportaalDichtbij) {
      var route = el("span", "wp-resultaat__route");
      var a = link(wijkportaalDichtbij.routeUrl({ lat: eerste.lat, lon: eerste.lon }, punt), "Route");
      a.rel = "noopener noreferrer";
      a.referrerPolicy = "no-referrer";
      a.setAttribute("aria-describedby", kop.id);
      route.appendChild(a);
      delen.push(route);
    }
    if (v.telefoon) {
      var tel = el("span", "wp-resultaat__telefoon", "Telefoon: ");
      tel.appendChild(link(telLink(v.telefoon), v.telefoon));
      delen.push(tel);
    }
    delen.forEach(function (d) { gegevens.appendChild(d); });
    if (delen.length) li.appendChild(gegevens);
    if (eerste && eerste.bereikbaarheid) li.appendChild(el("p", "wp-resultaat__bereikbaarheid", "Zo komt u er: " + eerste.bereikbaarheid));
    var knop = el("button", "wp-knop wp-resultaat__lijst", "Op de verwijslijst");
    knop.type = "button";
    knop.setAttribute("data-url", item.url);
    knop.setAttribute("aria-pressed", verwijslijst.bevat(item.url) ? "true" : "false");
    knop.setAttribute("aria-describedby", kop.id);  // which voorziening, for a screen reader
    li.appendChild(knop);
    return li;
  };

  Vinder.prototype.toonResultaten = function (gevonden) {
    this.gevonden = gevonden;
    var lijst = this.resultaten;
    var fragment = document.createDocumentFragment();
    var n = Math.min(this.toonAantal, gevonden.length);
    for (var i = 0; i < n; i++) fragment.appendChild(this.resultaatItem(gevonden[i]));
    lijst.textContent = "";
    lijst.appendChild(fragment);
    this.meerKnop(lijst, "wp-meer-voorzieningen", gevonden.length - n, "voorzieningen", function () {
      this.toonAantal += PER_KEER;
    });
    lijst.setAttribute("data-aantal", String(gevonden.length));
  };

  /* A "Toon meer" button after a list; on click it shows more and focuses the first new result. */
  Vinder.prototype.meerKnop = function (lijst, id, rest, wat, meer) {
    var oud = document.getElementById(id);
    if (oud) oud.remove();
    if (rest <= 0) return;
    var self = this;
    var knop = el("button", "wp-knop wp-meer", "Toon meer " + wat + " (nog " + rest + ")");
    knop.type = "button";
    knop.id = id;
    knop.addEventListener("click", function () {
      var eerder = lijst.children.length;
      meer.call(self);
      self.werkBij(false);
      var nieuw = lijst.children[eerder];
      var a = nieuw && nieuw.querySelector("a");
      if (a) a.focus();
    });
    lijst.insertAdjacentElement("afterend", knop);
  };

  Vinder.prototype.andereResultaten = function (scores) {
    if (scores === null) return [];
    var docs = this.m.documenten;
    var uit = [];
    scores.forEach(function (score, nr) {
      var d = docs[nr];
      if (d && d.soort !== "voorzieningen") uit.push({ doc: d, score: score });
    });
    uit.sort(function (a, b) { return b.score - a.score || vergelijk(a.doc.naam, b.doc.naam); });
    return uit;
  };

  Vinder.prototype.toonAnderen = function (anders) {
    if (!this.andersLijst) return;
    var fragment = document.createDocumentFragment();
    var n = Math.min(this.toonAnders, anders.length);
    for (var i = 0; i < n; i++) {
      var d = anders[i].doc;
      var li = el("li", "wp-resultaat wp-resultaat--anders");
      li.setAttribute("data-ref", d.url);
      var kop = el("h3", "wp-resultaat__naam");
      kop.appendChild(link("../" + d.url, d.naam || "Start"));
      kop.appendChild(el("span", "wp-soort", soortVan(d)));
      li.appendChild(kop);
      if (d.samenvatting) li.appendChild(el("p", "wp-resultaat__samenvatting", d.samenvatting));
      fragment.appendChild(li);
    }
    this.andersLijst.textContent = "";
    this.andersLijst.appendChild(fragment);
    this.andersLijst.setAttribute("data-aantal", String(anders.length));
    this.meerKnop(this.andersLijst, "wp-meer-anders", anders.length - n, "resultaten", function () {
      this.toonAnders += ANDERS_PER_KEER;
    });
    if (this.anders) this.anders.hidden = anders.length === 0;
  };

  Vinder.prototype.meldAantal = function (n, anders, t) {
    var tekst;
    if (n === 0) {
      tekst = "Geen voorzieningen gevonden.";
    } else {
      tekst = aantalTekst(n, "voorziening", "voorzieningen") + " gevonden";
      tekst += anders ? " en " + aantalTekst(anders, "andere pagina", "andere pagina's") + "." : ".";
      if (t.bij) tekst += " Wat het dichtst bij is, staat bovenaan.";
    }
    if (n === 0 && anders) tekst = "Geen voorzieningen gevonden, wel " + aantalTekst(anders, "andere pagina", "andere pagina's") + ".";
    if (this.aantal.textContent !== tekst) this.aantal.textContent = tekst;
    var leeg = document.getElementById("wp-geen-resultaten");
    if (n === 0) {
      if (!leeg) {
        leeg = el("p", "wp-leeg", "");
        leeg.id = "wp-geen-resultaten";
        this.resultaten.insertAdjacentElement("afterend", leeg);
      }
      var gefilterd = this.filternamen.some(function (f) { return t.keuze[f] >= 0; }) || t.leeftijd !== null || t.open;
      leeg.textContent = gefilterd
        ? "Probeer een ander woord of zet een filter op 'Alle'."
        : "Probeer een ander woord, bijvoorbeeld een onderwerp als 'schulden' of 'opvoeden'.";
    } else if (leeg) {
      leeg.remove();
    }
  };

  /* The map follows the list: when typing pauses (drawing thousands of markers is the one
   * expensive step), only when the map is on screen (or comes on screen), and not at all
   * when the results did not change. */
  Vinder.prototype.planKaart = function (gevonden) {
    var kaart = this.kaartData && window.wijkportaalKaart && wijkportaalKaart.kaarten[this.kaartData.id];
    if (!kaart) return;
    var self = this;
    var sleutel = gevonden.map(function (i) { return i.nr; }).join(",");
    if (sleutel === this.kaartSleutel) return;
    this.kaartSleutel = sleutel;
    this.kaartRijen = gevonden;
    clearTimeout(this.kaartTimer);
    if (!this.kaartKijker && window.IntersectionObserver) {
      this.kaartZichtbaar = false;
      this.kaartKijker = new IntersectionObserver(function (gezien) {
        self.kaartZichtbaar = gezien[gezien.length - 1].isIntersecting;
        if (self.kaartZichtbaar && self.kaartRijen) self.tekenKaart(kaart);
      }, { rootMargin: "200px" });
      this.kaartKijker.observe(kaart.map.getContainer());
      return;  // the observer reports at once whether the map is visible
    }
    if (this.kaartKijker && !this.kaartZichtbaar) return;  // drawn when it comes on screen
    this.kaartTimer = setTimeout(function () { self.tekenKaart(kaart); }, 200);
  };

  Vinder.prototype.tekenKaart = function (kaart) {
    var gevonden = this.kaartRijen;
    if (!gevonden) return;
    this.kaartRijen = null;
    var rijen = [];
    gevonden.forEach(function (item) { Array.prototype.push.apply(rijen, item.rijen); });
    kaart.vervang(rijen);
    var uitleg = document.getElementById("wp-kaart-uitleg");
    if (uitleg) {
      var metPlek = gevonden.filter(function (i) { return i.rijen.length; }).length;
      uitleg.textContent = metPlek === gevonden.length
        ? (gevonden.length ? "Alle gevonden voorzieningen staan op de kaart." : "")
        : metPlek + " van de " + gevonden.length + " gevonden voorzieningen hebben een adres op de kaart. De andere werken bijvoorbeeld online, aan huis of in heel Enschede.";
    }
  };

  Vinder.prototype.start = function () {
    var self = this;
    this.herstel();
    this.form.addEventListener("submit", function (e) {
      e.preventDefault();
      self.werkBij(true);
      self.schrijfUrlNu();
    });
    // leaving the page (a result, back, another tab): the URL holds the latest state
    window.addEventListener("pagehide", function () { self.schrijfUrlNu(); });
    document.addEventListener("visibilitychange", function () { if (document.hidden) self.schrijfUrlNu(); });
    this.resultaten.addEventListener("pointerdown", function () { self.schrijfUrlNu(); });
    this.invoer.addEventListener("input", function () { self.werkBij(true); });
    this.form.addEventListener("change", function (e) {
      if (e.target !== self.invoer && !e.target.closest(".wp-dichtbij")) self.werkBij(true);
    });
    if (this.leeftijd) this.leeftijd.addEventListener("input", function () { self.werkBij(true); });
    this.resultaten.addEventListener("click", function (e) {
      var knop = e.target.closest(".wp-resultaat__lijst");
      if (!knop) return;
      var erop = verwijslijst.wissel(knop.getAttribute("data-url"));
      knop.setAttribute("aria-pressed", erop ? "true" : "false");
      self.lijst.toon(erop ? "Toegevoegd aan de verwijslijst." : "Van de verwijslijst gehaald.");
    });
    this.lijst = new Verwijslijst(this);
    this.startDichtbij();
    var details = this.form.querySelector(".wp-zoeker__details");
    if (details && window.matchMedia && matchMedia("(max-width: 44.9375em)").matches) {
      details.open = false;  // a phone: results first, filters (and how many are chosen) one tap away
    }
    this.werkBij(true);
    this.form.classList.add("wp-zoeker--klaar");
    // The body text comes second, once the first results are on screen (or at the first
    // keystroke): the finder answers on names, summaries and terms meanwhile.
    function tekstErbij() {
      self.m.laadTekst(function () {
        self.form.setAttribute("data-tekstindex", self.m.tekstIdx ? "geladen" : "ontbreekt");
        self.werkBij(false);
      });
    }
    this.invoer.addEventListener("input", tekstErbij, { once: true });
    if (window.requestIdleCallback) requestIdleCallback(tekstErbij, { timeout: 1000 }); else setTimeout(tekstErbij, 200);
  };

  /* The address field (dichtbij.js), "Open nu, dichtbij" and the wijk list shown when addresses cannot be looked up. */
  Vinder.prototype.startDichtbij = function () {
    var self = this;
    var blok = this.form.querySelector(".wp-dichtbij");
    if (!blok || !window.wijkportaalDichtbij) return;
    this.adres = new wijkportaalDichtbij.Adresvak(blok, {
      gekozen: function (punt) { self.kiesPunt(punt); },
      gewist: function () { self.wisPunt(); }
    });
    var knop = blok.querySelector(".wp-dichtbij__nu-open");
    if (knop) knop.addEventListener("click", function () { self.openDichtbij(); });
    var wijken = blok.querySelector(".wp-dichtbij__wijken");
    if (wijken) {
      wijken.addEventListener("click", function (e) {
        var a = e.target.closest("a[data-wijk]");
        var wijk = self.keuzes.wijk;
        if (!a || !wijk || !wijk.index.has(a.getAttribute("data-wijk"))) return;
        e.preventDefault();
        wijk.select.value = a.getAttribute("data-wijk");
        self.werkBij(true);
        self.schrijfUrlNu();
        self.adres.zeg("U ziet nu de hulp in wijk " + a.textContent + " en de hulp voor heel Enschede.");
      });
    }
    this.herstelPunt();
  };

  /* Keep the result buttons in step with the list. */
  Vinder.prototype.knoppenBijwerken = function () {
    Array.prototype.forEach.call(this.resultaten.querySelectorAll(".wp-resultaat__lijst"), function (knop) {
      knop.setAttribute("aria-pressed", verwijslijst.bevat(knop.getAttribute("data-url")) ? "true" : "false");
    });
  };

  function soortVan(d) {
    if (d.soort !== "pagina") return SOORTLABEL[d.soort] || "";
    if (/^themas\//.test(d.url)) return "Onderwerp";
    if (/^doelgroepen\//.test(d.url)) return "Voor wie";
    if (/^wijken\//.test(d.url)) return "Wijk";
    return "Pagina";
  }

  // ---------------------------------------------------------------------------------
  // The verwijslijst on the finder page: show, print, copy, empty
  // ---------------------------------------------------------------------------------

  function Verwijslijst(vinder) {
    this.vinder = vinder;
    this.sectie = document.getElementById("wp-verwijslijst");
    if (!this.sectie) return;
    this.lijst = this.sectie.querySelector(".wp-verwijslijst__lijst");
    this.leeg = this.sectie.querySelector(".wp-verwijslijst__leeg");
    this.kop = this.sectie.querySelector("h2");
    this.kopTekst = this.kop ? this.kop.textContent : "Verwijslijst";
    this.knoppen = this.sectie.querySelector(".wp-verwijslijst__knoppen");
    this.melding = this.sectie.querySelector(".wp-verwijslijst__melding");
    this.kopie = this.sectie.querySelector(".wp-verwijslijst__kopie");
    this.kopievak = this.sectie.querySelector(".wp-verwijslijst__kopievak");
    var self = this;
    if (this.knoppen) {
      this.knoppen.addEventListener("click", function (e) {
        var knop = e.target.closest("button");
        if (!knop) return;
        var actie = knop.getAttribute("data-actie");
        if (actie === "afdrukken") window.print();
        if (actie === "kopieren") self.kopieer();
        if (actie === "leegmaken") {
          verwijslijst.schrijf([]);
          self.toon("De verwijslijst is leeg.");
          vinder.knoppenBijwerken();
          if (self.kop) {  // the button is gone: the focus goes to the heading of the list
            self.kop.setAttribute("tabindex", "-1");
            self.kop.focus();
          }
        }
      });
    }
    this.lijst.addEventListener("click", function (e) {
      var knop = e.target.closest(".wp-verwijslijst__weg");
      if (!knop) return;
      var url = knop.getAttribute("data-url");
      var lijst = verwijslijst.lees().filter(function (u) { return u !== url; });
      verwijslijst.schrijf(lijst);
      self.toon("Van de verwijslijst gehaald.");
      vinder.knoppenBijwerken();
      var volgende = self.lijst.querySelector(".wp-verwijslijst__weg") || (self.kop || self.sectie);
      if (volgende === self.kop) self.kop.setAttribute("tabindex", "-1");
      volgende.focus();
    });
    window.addEventListener("storage", function (e) {
      if (e.key === OPSLAG) { self.toon(); vinder.knoppenBijwerken(); }
    });
    this.toon();
  }

  /* The voorzieningen on the list that still exist, in the order they were added. */
  Verwijslijst.prototype.items = function () {
    var vinder = this.vinder;
    return verwijslijst.lees().map(function (u) { return vinder.itemVanUrl.get(u); }).filter(Boolean);
  };

  Verwijslijst.prototype.toon = function (melding) {
    if (!this.sectie) return;
    var items = this.items();
    var fragment = document.createDocumentFragment();
    var self = this;
    items.forEach(function (item) { fragment.appendChild(self.item(item)); });
    this.lijst.textContent = "";
    this.lijst.appendChild(fragment);
    this.leeg.hidden = items.length > 0;
    if (this.knoppen) this.knoppen.hidden = items.length === 0;
    if (this.kop) this.kop.textContent = this.kopTekst + (items.length ? " (" + items.length + ")" : "");
    document.documentElement.classList.toggle("wp-met-verwijslijst", items.length > 0);
    var naar = document.querySelector(".wp-naar-verwijslijst");
    if (naar) {
      naar.hidden = items.length === 0;
      naar.firstElementChild.textContent = "Naar de verwijslijst (" + items.length + ")";
    }
    if (this.kopievak) this.kopievak.hidden = true;
    if (this.melding && melding !== undefined) this.melding.textContent = melding;
    var datum = this.sectie.querySelector(".wp-verwijslijst__datum");
    if (datum) {
      datum.textContent = "Gemaakt op " + new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" }) + ".";
    }
  };

  /* "Zo meldt u zich aan" of a voorziening as plain text: from gegevens.json when it
   * is there, else from the section #aanmelden of the voorziening's own page. */
  var aanmeldTeksten = new Map();
  function haalAanmelden(item, siteUrl) {
    if (typeof item.v.aanmelden === "string") return Promise.resolve(item.v.aanmelden);
    if (!aanmeldTeksten.has(item.url)) {
      aanmeldTeksten.set(item.url, fetch(new URL(item.url, siteUrl).href, { credentials: "same-origin" })
        .then(function (antwoord) { return antwoord.ok ? antwoord.text() : ""; })
        .then(function (html) {
          var pagina = new DOMParser().parseFromString(html, "text/html");  // inert: no scripts run
          var kop = pagina.getElementById("aanmelden");
          var delen = [];
          for (var n = kop && kop.nextElementSibling; n && !/^H[12]$/.test(n.tagName); n = n.nextElementSibling) {
            delen.push(n.textContent.replace(/\s+/g, " ").trim());
          }
          return delen.filter(Boolean).join(" ");
        })
        .catch(function () { return ""; }));
    }
    return aanmeldTeksten.get(item.url);
  }

  function gegeven(dl, term, waarde) {
    if (!waarde) return;
    dl.appendChild(el("dt", "", term));
    var dd = el("dd");
    if (typeof waarde === "string") dd.textContent = waarde; else dd.appendChild(waarde);
    dl.appendChild(dd);
  }

  Verwijslijst.prototype.item = function (item) {
    var v = item.v;
    var li = el("li", "wp-verwijslijst__item");
    li.setAttribute("data-ref", item.url);
    var kop = el("h3", "wp-verwijslijst__naam");
    kop.appendChild(link("../" + item.url, item.naam));
    li.appendChild(kop);
    if (item.samenvatting) li.appendChild(el("p", "wp-verwijslijst__samenvatting", item.samenvatting));
    var dl = el("dl", "wp-gegevens wp-verwijslijst__gegevens");
    gegeven(dl, "Organisatie", v.organisatie);
    gegeven(dl, "Telefoon", v.telefoon ? link(telLink(v.telefoon), v.telefoon) : "");
    gegeven(dl, "E-mail", v.email ? link("mailto:" + v.email, v.email) : "");
    gegeven(dl, "Website", v.website ? link(v.website, v.website) : "");
    (v.locaties || []).forEach(function (l, i) {
      var meer = v.locaties.length > 1 ? " " + (i + 1) : "";
      gegeven(dl, "Adres" + meer, adresTekst(l) + (l.bij_benadering ? " (bij benadering)" : ""));
      var tijden = openingstijdenTekst(l);
      gegeven(dl, "Open" + meer, tijden + (l.op_afspraak ? (tijden ? "; " : "") + "alleen op afspraak" : ""));
      gegeven(dl, "Zo komt u er" + meer, l.bereikbaarheid);
    });
    li.appendChild(dl);
    haalAanmelden(item, this.vinder.m.siteUrl).then(function (tekst) {
      gegeven(dl, "Zo meldt u zich aan", tekst);
      li.setAttribute("data-compleet", "");
    });
    var weg = el("button", "wp-knop wp-knop--klein wp-verwijslijst__weg", "Van de verwijslijst halen");
    weg.type = "button";
    weg.setAttribute("data-url", item.url);
    kop.id = "wp-verwijslijst-" + item.nr;
    weg.setAttribute("aria-describedby", kop.id);  // the visible text stays the name (WCAG 2.5.3)
    li.appendChild(weg);
    return li;
  };

  /* The list as plain text, for an e-mail or a letter (a Promise: "Zo meldt u zich aan" may come from the page). */
  Verwijslijst.prototype.tekst = function () {
    var site = this.vinder.m.siteUrl;
    var items = this.items();
    var aanmelden = Promise.all(items.map(function (item) { return haalAanmelden(item, site); }));
    return aanmelden.then(function (hoe) {
      var datum = new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
      var regels = ["Verwijslijst (" + datum + ")", ""];
      items.forEach(function (item, n) {
        var v = item.v;
        regels.push((n + 1) + ". " + item.naam);
        if (item.samenvatting) regels.push("   " + item.samenvatting);
        if (v.organisatie) regels.push("   Organisatie: " + v.organisatie);
        if (v.telefoon) regels.push("   Telefoon: " + v.telefoon);
        if (v.email) regels.push("   E-mail: " + v.email);
        if (v.website) regels.push("   Website: " + v.website);
        (v.locaties || []).forEach(function (l) {
          if (adresTekst(l)) regels.push("   Adres: " + adresTekst(l));
          var tijden = openingstijdenTekst(l);
          if (tijden) regels.push("   Open: " + tijden);
          if (l.op_afspraak) regels.push("   Alleen op afspraak.");
          if (l.bereikbaarheid) regels.push("   Zo komt u er: " + l.bereikbaarheid);
        });
        if (hoe[n]) regels.push("   Zo meldt u zich aan: " + hoe[n]);
        regels.push("   Meer informatie: " + new URL(item.url, site).href);
        regels.push("");
      });
      return regels.join("\n");
    });
  };

  Verwijslijst.prototype.kopieer = function () {
    var self = this;
    this.tekst().then(function (tekst) { self.kopieerTekst(tekst); });
  };

  Verwijslijst.prototype.kopieerTekst = function (tekst) {
    var self = this;
    function handmatig() {
      var vak = self.kopie;
      if (!vak) return;
      if (self.kopievak) self.kopievak.hidden = false;
      vak.value = tekst;
      vak.focus();
      vak.select();
      var gelukt = false;
      try { gelukt = document.execCommand("copy"); } catch (e) { gelukt = false; }
      self.melding.textContent = gelukt
        ? "De verwijslijst is gekopieerd. Plak hem in een e-mail of brief."
        : "Kopiëren lukt niet automatisch. De tekst is geselecteerd: druk op Ctrl+C (of Cmd+C) om te kopiëren.";
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(tekst).then(function () {
        self.melding.textContent = "De verwijslijst is gekopieerd. Plak hem in een e-mail of brief.";
      }, handmatig);
    } else {
      handmatig();
    }
  };

  // ---------------------------------------------------------------------------------
  // A field with suggestions (the header box, and the address field of dichtbij.js)
  // ---------------------------------------------------------------------------------

  /* The ARIA 1.2 combobox pattern: the field is the combobox, the list a listbox, the active
   * option is named by aria-activedescendant (the focus stays in the field). Arrow keys move
   * through the options and back to the field, Enter chooses the active one, Escape closes the
   * list; a click or tap chooses too. opties: {label, kies(i), enter(e), escape(e)}: enter and
   * escape are called when the list has nothing to do with the key. */
  function Keuzelijst(invoer, lijst, opties) {
    this.invoer = invoer;
    this.lijst = lijst;
    this.opties = opties;
    this.aantal = 0;
    this.actief = -1;
    var self = this;
    invoer.setAttribute("role", "combobox");
    invoer.setAttribute("aria-expanded", "false");
    invoer.setAttribute("aria-controls", lijst.id);
    invoer.setAttribute("aria-autocomplete", "list");
    if (opties.label) lijst.setAttribute("aria-label", opties.label);
    invoer.addEventListener("keydown", function (e) { self.toets(e); });
    // Keep the focus in the field when an option is clicked.
    lijst.addEventListener("mousedown", function (e) { e.preventDefault(); });
    lijst.addEventListener("click", function (e) {
      var optie = e.target.closest('[role="option"]');
      if (optie) self.opties.kies(Number(optie.getAttribute("data-i")));
    });
  }

  /* Show these items as options (class `klasse`; vul(li, item, i) fills one), none active. */
  Keuzelijst.prototype.toon = function (items, klasse, vul) {
    var lijst = this.lijst;
    lijst.textContent = "";
    items.forEach(function (item, i) {
      var li = el("li", klasse);
      li.id = lijst.id + "-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.setAttribute("data-i", String(i));
      vul(li, item, i);
      lijst.appendChild(li);
    });
    this.aantal = items.length;
    this.actief = -1;
    lijst.hidden = !items.length;
    this.invoer.setAttribute("aria-expanded", items.length ? "true" : "false");
    this.markeer();
  };

  /* Say `tekst` in a status region half a second after the last change (not at every keystroke). */
  Keuzelijst.prototype.meld = function (status, tekst) {
    clearTimeout(this.statusTimer);
    if (!status) return;
    this.statusTimer = setTimeout(function () { status.textContent = tekst; }, 500);
  };

  Keuzelijst.prototype.markeer = function () {
    var self = this;
    Array.prototype.forEach.call(this.lijst.children, function (li, i) {
      li.setAttribute("aria-selected", i === self.actief ? "true" : "false");
    });
    if (this.actief >= 0) {
      var optie = this.lijst.children[this.actief];
      this.invoer.setAttribute("aria-activedescendant", optie.id);
      if (optie.scrollIntoView) optie.scrollIntoView({ block: "nearest" });
    } else {
      this.invoer.removeAttribute("aria-activedescendant");
    }
  };

  Keuzelijst.prototype.sluit = function () {
    this.lijst.hidden = true;
    this.actief = -1;
    this.invoer.setAttribute("aria-expanded", "false");
    this.invoer.removeAttribute("aria-activedescendant");
  };

  Keuzelijst.prototype.toets = function (e) {
    var n = this.aantal;
    var open = !this.lijst.hidden;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!n) return;
      e.preventDefault();
      if (!open) { this.lijst.hidden = false; this.invoer.setAttribute("aria-expanded", "true"); }
      this.actief += e.key === "ArrowDown" ? 1 : -1;
      if (this.actief >= n) this.actief = -1;      // past the end: back to the field
      if (this.actief < -1) this.actief = n - 1;
      this.markeer();
    } else if (e.key === "Enter") {
      if (open && this.actief >= 0) {
        e.preventDefault();
        this.opties.kies(this.actief);
      } else if (this.opties.enter) {
        this.opties.enter(e);
      }
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        this.sluit();
      } else if (this.opties.escape) {
        this.opties.escape(e);
      }
    }
  };

  window.wijkportaalKeuzelijst = Keuzelijst;

  // ---------------------------------------------------------------------------------
  // The search box in the header: suggestions as you type
  // ---------------------------------------------------------------------------------

  var vakTeller = 0;

  function Zoekvak(form) {
    this.form = form;
    this.invoer = form.querySelector('input[name="q"]');
    this.lijst = form.querySelector('[role="listbox"]');
    if (!this.invoer || !this.lijst) return;
    this.zoekUrl = new URL(form.getAttribute("data-zoeken") || form.getAttribute("action") || "./", location.href);
    this.suggesties = [];
    this.machine = null;
    this.nr = vakTeller++;
    var self = this;
    var invoer = this.invoer;
    if (!this.lijst.id) this.lijst.id = "wp-zoekvak-suggesties-" + this.nr;
    this.keuze = new Keuzelijst(invoer, this.lijst, {
      label: "Suggesties",
      kies: function (i) { self.open(i); },
      escape: function (e) {  // the list is closed: a phone's open field closes too
        if (!form.classList.contains("wp-zoekvak--open")) return;
        e.preventDefault();
        self.klap(false);
        self.knop.focus();
      }
    });
    form.classList.add("wp-zoekvak--js");

    // A phone shows only a button with a magnifying glass; it opens the field.
    var knop = el("button", "wp-zoekvak__knop");
    knop.type = "button";
    knop.setAttribute("aria-expanded", "false");
    knop.setAttribute("aria-label", "Zoekvak");
    knop.innerHTML =
      '<svg class="wp-zoekvak__open" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>' +
      '<svg class="wp-zoekvak__dicht" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/></svg>';
    invoer.insertAdjacentElement("afterend", knop);  // after the field: open field, then its close button
    this.knop = knop;
    knop.addEventListener("click", function () {
      self.klap(!form.classList.contains("wp-zoekvak--open"));
    });

    this.status = el("span", "wp-zoekvak__status");
    this.status.setAttribute("role", "status");
    form.appendChild(this.status);

    invoer.addEventListener("focus", function () { self.laad(); });
    invoer.addEventListener("input", function () { self.werkBij(); });
    form.addEventListener("submit", function (e) { self.verstuur(e); });
    form.addEventListener("focusout", function (e) {
      if (!form.contains(e.relatedTarget)) {
        self.keuze.sluit();
        if (!invoer.value) self.klap(false);
      }
    });
  }

  Zoekvak.prototype.klap = function (open) {
    this.form.classList.toggle("wp-zoekvak--open", open);
    this.knop.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) this.invoer.focus();
  };

  Zoekvak.prototype.laad = function () {
    var self = this;
    if (!this.belofte) {
      this.belofte = laadMachine(this.zoekUrl.href, bestandenBij(this.zoekUrl.href, null))
        .then(function (m) {
          self.machine = m;
          self.form.setAttribute("data-geladen", "");
          if (document.activeElement === self.invoer && self.invoer.value) self.werkBij();
          return m;
        }, function () {
          self.belofte = null;  // try again on the next focus
        });
    }
    return this.belofte;
  };

  Zoekvak.prototype.werkBij = function () {
    if (!this.machine) { this.laad(); return; }
    var self = this;
    var vraag = this.invoer.value;
    if (vraag.trim() && !this.machine.tekstIdx) {
      this.machine.laadTekst(function () {
        if (document.activeElement === self.invoer) self.werkBij();
      });
    }
    this.suggesties = vraag.trim() ? this.machine.beste(vraag, SUGGESTIES) : [];
    this.keuze.toon(this.suggesties, "wp-zoekvak__suggestie", function (li, s) {
      li.setAttribute("data-ref", s.doc.url);
      li.appendChild(el("span", "wp-zoekvak__naam", s.doc.naam || "Start"));
      li.appendChild(el("span", "wp-zoekvak__soort", soortVan(s.doc)));
    });
    var n = this.suggesties.length;
    this.keuze.meld(this.status, !vraag.trim() ? "" : n
      ? aantalTekst(n, "suggestie", "suggesties") + ". Kies met de pijltjestoetsen."
      : "Geen suggesties. Druk op Enter om verder te zoeken.");
  };

  Zoekvak.prototype.open = function (i) {
    var s = this.suggesties[i];
    if (!s) return;
    location.href = new URL(s.doc.url, this.machine ? this.machine.siteUrl : new URL("../", this.zoekUrl)).href;
  };

  /* Enter without a chosen suggestion: the finder with the query. On the finder itself
   * the query goes into its own box. */
  Zoekvak.prototype.verstuur = function (e) {
    var vinderInvoer = document.getElementById("wp-zoek-q");
    var vinderForm = document.getElementById("wp-zoeker");
    var hier = new URL(location.href);
    if (vinderInvoer && vinderForm && hier.pathname === this.zoekUrl.pathname && vinderForm.classList.contains("wp-zoeker--klaar")) {
      e.preventDefault();
      vinderInvoer.value = this.invoer.value;
      vinderInvoer.dispatchEvent(new Event("input", { bubbles: true }));
      this.keuze.sluit();
      this.klap(false);
      vinderInvoer.focus();
    }
  };

  // ---------------------------------------------------------------------------------
  // Start
  // ---------------------------------------------------------------------------------

  /* "Adres kopiëren" beside the address of each location on a voorziening page that has a street
   * address (made here: without script there is nothing to click): its lines joined by commas to the
   * clipboard, or else the address selected, to copy by hand. */
  function kopieerknoppen() {
    Array.prototype.forEach.call(document.querySelectorAll(".wp-locatie .wp-adres[data-kopieer]"), function (adres) {
      var plek = adres.parentNode.querySelector(".wp-route");
      if (!plek) {
        plek = el("p", "wp-route");
        adres.insertAdjacentElement("afterend", plek);
      }
      var knop = el("button", "wp-knop wp-knop--klein wp-kopieer", "Adres kopiëren");
      knop.type = "button";
      var melding = el("span", "wp-kopieer__melding");
      melding.setAttribute("role", "status");
      plek.appendChild(knop);
      plek.appendChild(melding);
      function handmatig() {
        if (window.getSelection) {
          var bereik = document.createRange();
          bereik.selectNodeContents(adres);
          getSelection().removeAllRanges();
          getSelection().addRange(bereik);
        }
        melding.textContent = "Kopiëren lukt niet vanzelf. Het adres is geselecteerd: druk op Ctrl+C (of Cmd+C).";
      }
      knop.addEventListener("click", function () {
        var regels = Array.prototype.map.call(adres.childNodes, function (n) { return n.textContent.replace(/\s+/g, " ").trim(); });
        var tekst = regels.filter(Boolean).join(", ");
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(tekst).then(function () { melding.textContent = "Het adres is gekopieerd."; }, handmatig);
        } else {
          handmatig();
        }
      });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form.wp-zoekvak"), function (form) {
      new Zoekvak(form);
    });
    kopieerknoppen();
    var form = document.getElementById("wp-zoeker");
    if (!form) return;
    var aantal = document.getElementById("wp-aantal");
    if (aantal) aantal.textContent = "Zoeken wordt geladen…";
    var zoekUrl = new URL("./", location.href).href;
    laadMachine(zoekUrl, bestandenBij(location.href, form)).then(function (m) {
      var vinder = new Vinder(form, m);
      vinder.start();
      window.wijkportaalVinder = vinder;  // for the browser tests and the console
    }).catch(function (fout) {
      if (aantal) aantal.textContent = "Zoeken lukt nu niet. Laad de pagina opnieuw of probeer het later nog eens.";
      if (window.console) console.error(fout);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
