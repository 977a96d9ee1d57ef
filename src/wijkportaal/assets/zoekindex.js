/* The browser half of src/wijkportaal/zoekindex.py: turns the compact index files
 * (zoeken/index.json, zoeken/tekst.json) back into a lunr index.
 *
 *   wijkportaalZoekindex.uitCompact(data) -> lunr's serialized index (plain object),
 *                                            exactly as zoekindex.uit_compact() in Python
 *   wijkportaalZoekindex.index(data)      -> a lunr.Index, built directly (faster)
 *   wijkportaalZoekindex.laad(url)        -> Promise of a lunr.Index
 *
 * Compact form: {versie, pipeline, documenten: N, velden: {veld: boost}, termen:
 * [sorted terms], vectoren: {veld: [[doc, term number difference, (-tf if > 1), ...]]}}.
 * lunr's BM25 scores are recomputed here as lunr computes them (k1 1.2, b 0.75,
 * rounded to three decimals). Load after lunr.js and zoektaal.js (which registers the
 * pipeline functions the index names).
 */
(function (root) {
  "use strict";
  var K1 = 1.2, B = 0.75;

  /* Walks the compact vectors once: per field and document the [term, tf] pairs, the
   * number of documents per term and the total length per field. */
  function lees(data, opPosting) {
    var velden = Object.keys(data.vectoren);
    var met = new Int32Array(data.termen.length);
    var totaal = {}, rijen = [];
    velden.forEach(function (veld) {
      totaal[veld] = 0;
      data.vectoren[veld].forEach(function (rij) {
        var ref = String(rij[0]), termen = [], tfs = [], term = 0, lengte = 0;
        for (var i = 1; i < rij.length; i++) {
          var w = rij[i];
          if (w < 0) { tfs[tfs.length - 1] = -w; lengte += -w - 1; continue; }
          term += w;
          termen.push(term);
          tfs.push(1);
          lengte += 1;
          met[term]++;
          opPosting(term, veld, ref);
        }
        totaal[veld] += lengte;
        rijen.push({ veld: veld, ref: ref, termen: termen, tfs: tfs, lengte: lengte });
      });
    });
    var idf = new Float64Array(met.length);
    for (var t = 0; t < met.length; t++) idf[t] = Math.log(1 + Math.abs((data.documenten - met[t] + 0.5) / (met[t] + 0.5)));
    return { velden: velden, rijen: rijen, totaal: totaal, idf: idf };
  }

  function scores(data, gelezen, rij) {
    var gemiddeld = gelezen.totaal[rij.veld] / data.documenten, boost = data.velden[rij.veld], v = [];
    var noemer = K1 * (1 - B + B * (rij.lengte / gemiddeld));
    for (var i = 0; i < rij.termen.length; i++) {
      var tf = rij.tfs[i];
      var s = gelezen.idf[rij.termen[i]] * ((K1 + 1) * tf) / (noemer + tf) * boost;
      v.push(rij.termen[i], Math.round(s * 1000) / 1000);
    }
    return v;
  }

  function uitCompact(data) {
    var postings = data.termen.map(function (_, i) {
      var p = { _index: i };
      Object.keys(data.vectoren).forEach(function (v) { p[v] = {}; });
      return p;
    });
    var gelezen = lees(data, function (term, veld, ref) { postings[term][veld][ref] = {}; });
    return {
      version: data.versie,
      fields: gelezen.velden,
      fieldVectors: gelezen.rijen.map(function (rij) { return [rij.veld + "/" + rij.ref, scores(data, gelezen, rij)]; }),
      invertedIndex: data.termen.map(function (t, i) { return [t, postings[i]]; }),
      pipeline: data.pipeline
    };
  }

  /* The same index as lunr.Index.load(uitCompact(data)), without the detour through
   * lunr's serialized arrays. */
  function index(data) {
    var lunr = root.lunr;
    var velden = Object.keys(data.vectoren);
    var invertedIndex = Object.create(null);
    var postings = data.termen.map(function (t, i) {
      var p = { _index: i };
      velden.forEach(function (v) { p[v] = Object.create(null); });
      invertedIndex[t] = p;
      return p;
    });
    var gelezen = lees(data, function (term, veld, ref) { postings[term][veld][ref] = {}; });
    var fieldVectors = Object.create(null);
    gelezen.rijen.forEach(function (rij) {
      fieldVectors[rij.veld + "/" + rij.ref] = new lunr.Vector(scores(data, gelezen, rij));
    });
    return new lunr.Index({
      invertedIndex: invertedIndex,
      fieldVectors: fieldVectors,
      tokenSet: lunr.TokenSet.fromArray(data.termen),
      fields: velden,
      pipeline: lunr.Pipeline.load(data.pipeline)
    });
  }

  function laad(url) {
    return fetch(url, { credentials: "same-origin" })
      .then(function (antwoord) {
        if (!antwoord.ok) throw new Error("zoekindex niet gevonden: " + url);
        return antwoord.json();
      })
      .then(index);
  }

  root.wijkportaalZoekindex = { uitCompact: uitCompact, index: index, laad: laad };
})(typeof window !== "undefined" ? window : this);
