/* The browser half of src/wijkportaal/zoekindex.py: turns the compact index files
 * (zoeken/index.json, zoeken/tekst.json) back into lunr's serialized index and loads it.
 *
 *   wijkportaalZoekindex.uitCompact(data)  -> lunr's serialized index (plain object)
 *   wijkportaalZoekindex.laad(url)         -> Promise of a lunr.Index
 *
 * Compact form: {versie, pipeline, termen: [sorted terms], vectoren: {veld: [[doc,
 * term number difference, score * 100, ...], ...]}}. Load after lunr.js and zoektaal.js
 * (which registers the pipeline functions the index names).
 */
(function (root) {
  "use strict";
  var SCORE = 100;

  function uitCompact(data) {
    var velden = Object.keys(data.vectoren);
    var postings = data.termen.map(function (_, i) {
      var p = { _index: i };
      velden.forEach(function (v) { p[v] = {}; });
      return p;
    });
    var vectoren = [];
    velden.forEach(function (veld) {
      data.vectoren[veld].forEach(function (rij) {
        var ref = String(rij[0]), vector = [], term = 0;
        for (var i = 1; i < rij.length; i += 2) {
          term += rij[i];
          postings[term][veld][ref] = {};
          vector.push(term, rij[i + 1] / SCORE);
        }
        vectoren.push([veld + "/" + ref, vector]);
      });
    });
    return {
      version: data.versie,
      fields: velden,
      fieldVectors: vectoren,
      invertedIndex: data.termen.map(function (t, i) { return [t, postings[i]]; }),
      pipeline: data.pipeline
    };
  }

  function laad(url) {
    return fetch(url)
      .then(function (antwoord) {
        if (!antwoord.ok) throw new Error("zoekindex niet gevonden: " + url);
        return antwoord.json();
      })
      .then(function (data) { return root.lunr.Index.load(uitCompact(data)); });
  }

  root.wijkportaalZoekindex = { uitCompact: uitCompact, laad: laad };
})(typeof window !== "undefined" ? window : this);
