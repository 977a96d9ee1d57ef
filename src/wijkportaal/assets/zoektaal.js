/* The search text pipeline in the browser: the same words and stems as the index.
 *
 * The browser half of src/wijkportaal/zoektaal.py; every step and character class
 * here is the same as there (tests/test_zoektaal.py compares both in Chromium).
 * Load after lunr.js, lunr.stemmer.support.js and lunr.nl.js.
 *
 *   wijkportaalZoektaal.normaliseer(s)  NFKD, drop nonspacing marks (Mn) and the soft
 *                                       hyphen, lowercase: "Financiën" -> "financien"
 *   wijkportaalZoektaal.woorden(s)      split on whitespace and dashes, trim outside
 *                                       [a-z0-9] at both ends, drop empty words
 *   wijkportaalZoektaal.stam(w)         Snowball's original Dutch stemmer (lunr.nl)
 *
 *   wijkportaalZoektaal.isStopwoord(w)  a word that is not indexed (STOPWOORDEN)
 *
 * It registers the pipeline functions "wp-trimmer", "wp-stopwoorden" and "wp-stemmer-nl", so
 * lunr.Index.load() accepts an index built by lunr.py, and makes lunr's query
 * parser split query text where woorden() splits.
 */
(function (root) {
  "use strict";
  var lunr = root.lunr;
  if (!lunr || !lunr.nl || !lunr.nl.stemmer) {
    throw new Error("zoektaal.js: laad eerst lunr.js, lunr.stemmer.support.js en lunr.nl.js");
  }

  // Character for character the class _SCHEIDING in zoektaal.py.
  var SCHEIDING = /[\t\n\x0b\x0c\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200b\u2010-\u2015\u2028\u2029\u202f\u205f\u2212\u3000\ufeff\-]+/u;
  var RAND = /^[^a-z0-9]+|[^a-z0-9]+$/gu;
  var WEG = /[\p{Mn}\u00ad]/gu;
  var BUITEN_BMP = /[\ud800-\udfff]/;
  // Word for word STOPWOORDEN in zoektaal.py: not indexed, skipped in a query.
  var STOPWOORDEN = new Set("aan al alle als bij daar dan dat de deze die dit door een en er geen haar had heb hebben heeft hem het hier hij hoe hun ik in is je jij jouw kan kunnen kunt maar me meer met mij mijn na naar niet nog of om ons onze ook op over te tot u uit uw van veel voor waar wat we wel werd wie wij wordt worden ze zij zijn zo zonder".split(" "));

  function normaliseer(tekst) {
    return String(tekst).normalize("NFKD").replace(WEG, "").toLowerCase();
  }

  function woorden(tekst) {
    if (tekst === null || tekst === undefined || tekst === "") return [];
    var uit = [];
    var delen = normaliseer(tekst).split(SCHEIDING);
    for (var i = 0; i < delen.length; i++) {
      var w = delen[i].replace(RAND, "");
      if (w) uit.push(w);
    }
    return uit;
  }

  // lunr.nl.stemmer works on a lunr.Token (update) or, for lunr 1, on a string;
  // give it a minimal token so its own state machine does the stemming.
  var cache = new Map();
  function stam(woord) {
    // Like zoektaal.py: a word with a character outside the BMP is not stemmed
    // (JavaScript counts it as two characters, Python as one).
    if (BUITEN_BMP.test(woord)) return woord;
    var bekend = cache.get(woord);
    if (bekend !== undefined) return bekend;
    var stamvorm = lunr.nl.stemmer(new lunr.Token(woord, {})).toString();
    if (cache.size > 50000) cache.clear();
    cache.set(woord, stamvorm);
    return stamvorm;
  }

  function trimmer(token) {
    var delen = woorden(token.toString());
    if (delen.length === 0) return null;
    if (delen.length === 1) return token.update(function () { return delen[0]; });
    return delen.map(function (d) { return token.clone(function () { return d; }); });
  }

  function stopwoorden(token) {
    return STOPWOORDEN.has(token.toString()) ? null : token;
  }

  function stemmer(token) {
    return token.update(function (s) { return stam(s); });
  }

  lunr.Pipeline.registerFunction(trimmer, "wp-trimmer");
  lunr.Pipeline.registerFunction(stopwoorden, "wp-stopwoorden");
  lunr.Pipeline.registerFunction(stemmer, "wp-stemmer-nl");
  // The query parser splits query text on this class (per character) too.
  lunr.tokenizer.separator = SCHEIDING;
  lunr.QueryLexer.termSeparator = SCHEIDING;

  root.wijkportaalZoektaal = {
    normaliseer: normaliseer,
    woorden: woorden,
    stam: stam,
    isStopwoord: function (w) { return STOPWOORDEN.has(w); },
    stopwoorden: Array.from(STOPWOORDEN).sort(),
    trimmer: trimmer,
    stemmer: stemmer,
  };
})(typeof window !== "undefined" ? window : this);
