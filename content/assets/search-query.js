/* 女性社会组织专栏: what a search query asks for, cut the way the index was cut.
   The rules (Han characters, fillers, traditional -> simplified) come from the index manifest, written by
   column.search_rules; the terms are those of column.search_terms (character pairs, pinyin pairs, initials).
   Pure functions: the search box (search-engine.js) and the tests (through Node) use the same code. */
(function (root, make) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = make();
  else root.ColumnSearchQuery = make();
})(this, function () {
  "use strict";

  var SYLLABLES = "'";
  var INITIALS = "~";
  var EXPANDED = 0.9; /* a site word found through the need vocabulary counts this much of the reader's own word */
  var ON_DAYS = ["活动", "有活动", "的活动", "活动安排", "安排"]; /* beside a date word, these only say "events" */

  /* The manifest's rules, ready to use. */
  function compile(manifest) {
    var rules = manifest.rules;
    var t2s = {};
    var from = Array.from(rules.t2s[0]);
    var to = Array.from(rules.t2s[1]);
    from.forEach(function (c, i) { t2s[c] = to[i]; });
    var needs = {};
    var longest = 0;
    manifest.needs.forEach(function (row) {
      needs[row[0]] = row.slice(1);
      longest = Math.max(longest, row[0].length);
    });
    return {
      runs: new RegExp("[" + rules.han + "]+|[" + rules.word + "]+", "g"),
      han: new RegExp("^[" + rules.han + "]"),
      t2s: t2s, needs: needs, longestNeed: longest,
      fillers: rules.fillers, syllables: new Set(manifest.syllables), chars: new Set(Array.from(manifest.chars || ""))
    };
  }

  /* NFKC, lower case, traditional -> simplified (column.search_rules.normal keeps the spaces out too). */
  function simplified(text, rules) {
    return Array.from(text.normalize("NFKC").toLowerCase()).map(function (c) { return rules.t2s[c] || c; }).join("");
  }

  function normal(text, rules) {
    return simplified(text, rules).replace(/\s+/g, "");
  }

  /* Han runs cut at fillers into pieces; in each piece, the need words (longest first) as spans whose
     site words may stand in for them: {text, alts: [{text, factor}], spans: [{from, to, alts}]}. */
  function hanConcepts(run, rules) {
    var pieces = [];
    var plain = "";
    for (var i = 0; i < run.length;) {
      var need = needAt(run, i, rules);
      var filler = need ? null : rules.fillers.filter(function (f) { return run.startsWith(f, i); })[0];
      if (filler) pieces.push(plain);
      plain = filler ? "" : plain + (need || run[i]);
      i += (filler || need || run[i]).length;
    }
    pieces.push(plain);
    return pieces.filter(Boolean).map(function (piece) {
      return { text: piece, alts: [{ text: piece, factor: 1 }], spans: spans(piece, rules) };
    });
  }

  function spans(piece, rules) {
    var found = [];
    for (var i = 0; i < piece.length;) {
      var need = needAt(piece, i, rules);
      if (!need) { i += 1; continue; }
      found.push({ from: i, to: i + need.length, alts: rules.needs[need].map(function (site) {
        return { text: site, factor: EXPANDED };
      }) });
      i += need.length;
    }
    return found;
  }

  function needAt(run, i, rules) {
    for (var n = Math.min(rules.longestNeed, run.length - i); n >= 2; n--) {
      var word = run.substr(i, n);
      if (rules.needs[word]) return word;
    }
    return null;
  }

  /* Letters: pinyin syllables ("dongcheng" -> dong, cheng) or initials ("dcmmb"), and the word itself. */
  function letterConcept(word, rules) {
    var alts = [{ text: word, factor: 1 }];
    var spoken = syllables(word, rules);
    if (spoken && spoken.length > 1) alts.push({ pinyin: spoken, factor: 1 });
    else if (/^[a-z]{2,}$/.test(word)) alts.push({ initials: word, factor: 1 });
    (rules.needs[word] || []).forEach(function (site) { alts.push({ text: site, factor: EXPANDED }); });
    return { text: word, alts: alts, spans: [] };
  }

  /* The fewest syllables that spell ``word`` (a last, unfinished syllable is left out), or null. */
  function syllables(word, rules) {
    var best = [[]];
    for (var end = 1; end <= word.length; end++) {
      best[end] = null;
      for (var start = Math.max(0, end - 6); start < end; start++) {
        if (best[start] && rules.syllables.has(word.slice(start, end)) &&
            (!best[end] || best[start].length + 1 < best[end].length)) {
          best[end] = best[start].concat([word.slice(start, end)]);
        }
      }
    }
    for (var cut = word.length; cut > word.length - 6 && cut > 0; cut--) if (best[cut]) return best[cut];
    return null;
  }

  /* The terms an alternative is looked up by (column.search_terms.name_terms / text_terms). */
  function termsOf(alt, rules) {
    if (alt.pinyin) return pairs(alt.pinyin, function (a, b) { return a + SYLLABLES + b; });
    if (alt.initials) return pairs(Array.from(alt.initials), function (a, b) { return INITIALS + a + b; });
    var found = [];
    (simplified(alt.text, rules).match(rules.runs) || []).forEach(function (run) {
      if (!rules.han.test(run) || run.length === 1) found.push(run);
      else for (var i = 0; i + 1 < run.length; i++) found.push(run.substr(i, 2));
    });
    return found;
  }

  function pairs(items, join) {
    var found = [];
    for (var i = 0; i + 1 < items.length; i++) found.push(join(items[i], items[i + 1]));
    return found;
  }

  /* Each alternative's terms; each span's terms (the pairs inside it) and the pairs that cross its edge. */
  function withTerms(concept, rules) {
    concept.alts.forEach(function (alt) { alt.terms = termsOf(alt, rules); });
    concept.alts = concept.alts.filter(function (alt) { return alt.terms.length; });
    concept.crossing = [];
    concept.spans.forEach(function (span) {
      span.terms = termsOf({ text: concept.text.slice(span.from, span.to) }, rules);
      span.alts.forEach(function (alt) { alt.terms = termsOf(alt, rules); });
      if (span.from > 0) concept.crossing.push(concept.text.substr(span.from - 1, 2));
      if (span.to < concept.text.length) concept.crossing.push(concept.text.substr(span.to - 1, 2));
    });
  }

  /* What the reader asks: {text, core, concepts: [{text, alts: [{text|pinyin|initials, factor, terms}], spans}],
     days, unknown: Han characters no page holds, simplified: the query in simplified characters if it was not}. */
  function analyze(query, rules, now) {
    var plain = query.normalize("NFKC").toLowerCase();
    var simple = simplified(query, rules);
    var when = ColumnDates().find(simple, now);
    var concepts = [];
    (when.rest.match(rules.runs) || []).forEach(function (run) {
      concepts = concepts.concat(rules.han.test(run) ? hanConcepts(run, rules) : [letterConcept(run, rules)]);
    });
    concepts.forEach(function (concept) { withTerms(concept, rules); });
    concepts = concepts.filter(function (c) { return c.alts.length && !(when.days && ON_DAYS.indexOf(c.text) >= 0); });
    var core = concepts.map(function (c) { return c.text; }).join("");
    return { text: normal(query, rules), core: core, concepts: concepts, days: when.days, unknown: unknown(core, rules),
             simplified: simple !== plain ? simple.trim() : null };
  }

  /* The Han characters of ``text`` (the query without its fillers and date word) that stand nowhere on the site,
     each once, in the order typed: the box names them, rather than dropping them silently. */
  function unknown(text, rules) {
    if (!rules.chars.size) return [];
    var found = Array.from(text).filter(function (c) { return rules.han.test(c) && !rules.chars.has(c); });
    return Array.from(new Set(found));
  }

  /* The index file that holds ``term`` (column.search_terms.shard): FNV-1a over its UTF-16 code units. */
  function shard(term, count) {
    var h = 0x811c9dc5;
    for (var i = 0; i < term.length; i++) h = Math.imul((h ^ term.charCodeAt(i)) >>> 0, 0x01000193) >>> 0;
    return h % count;
  }

  var ColumnDates = function () {
    return (typeof module === "object" && module.exports) ? require("./search-dates.js") : window.ColumnSearchDates;
  };

  return { compile: compile, analyze: analyze, normal: normal, termsOf: termsOf, syllables: syllables, shard: shard };
});
