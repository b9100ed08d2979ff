/* 女性社会组织专栏: the search itself. Fetches the index files a query needs (column.search_index),
   ranks pages by how much of the query they hold, and cuts each result's excerpt from the page's text.
   ColumnSearchEngine(load) where load(path) -> Promise of the JSON file search/<path>. */
(function (root, make) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = make(require("./search-query.js"));
  else root.ColumnSearchEngine = make(root.ColumnSearchQuery);
})(this, function (Q) {
  "use strict";

  var MATCHING = 0.5;   /* a page must hold at least this share of the query (weighted by rarity) */
  var SOME = 0.15;      /* when no page holds that much: the pages that hold at least this share, marked partial */
  var IN_TITLE = 0.5;   /* what a match in the title or a name adds, at most */
  var PLACES = [0, 0.5, 1, 1]; /* how much a match counts as "in the title": text, keyword (street), name, title */
  var ON_DAY = 2;       /* what being held on the days a date word means adds */
  var NAMED = [2.5, 1.7, 1.3]; /* a name that is the query, starts with it, contains it */
  var NAMED_WORD = 1;   /* a name that is one of the query's words or their site words (times that word's share) */
  var NAMED_PART = 2;   /* a name the query contains (times the name's share of the query's length) */
  var OVER = 0.8;       /* what an event that is over or cancelled keeps of its score */

  function Engine(load) {
    var cache = {};
    function get(path) {
      if (!cache[path]) {
        cache[path] = load(path);
        cache[path].catch(function () { delete cache[path]; });
      }
      return cache[path];
    }
    var ready = null;
    function prepare() {
      if (!ready) {
        /* without the name lookup the box still answers, by the pages' text alone */
        var names = get("names.json").catch(function () { return []; });
        ready = Promise.all([get("index.json"), names]).then(function (both) {
          return { manifest: both[0], rules: Q.compile(both[0]), names: namesOf(both[1], Q.compile(both[0])) };
        });
        ready.catch(function () { ready = null; });
      }
      return ready;
    }
    return {
      prepare: prepare,
      search: function (query, now) {
        return prepare().then(function (ctx) { return search(ctx, get, query, now); });
      },
      page: function (id) { return get("pages/" + id + ".json"); }
    };
  }

  function namesOf(rows, rules) {
    return rows.map(function (row) {
      return { id: row[0], keys: row.slice(1).map(function (name) { return Q.normal(name, rules); }) };
    });
  }

  function search(ctx, get, query, now) {
    var asked = Q.analyze(query, ctx.rules, now);
    var terms = unique(flat(asked.concepts.map(function (c) { return flat(c.alts.map(function (a) { return a.terms; })); })));
    var crossing = flat(asked.concepts.map(function (c) { return c.crossing; }));
    var spanTerms = flat(asked.concepts.map(function (c) {
      return flat(c.spans.map(function (s) { return flat(s.alts.map(function (a) { return a.terms; })); }));
    }));
    terms = unique(terms.concat(spanTerms));
    return Promise.all([postings(ctx, get, terms, crossing), onDays(ctx, get, asked.days)]).then(function (found) {
      var ranked = rank(ctx, asked, found[0], found[1]);
      return { asked: asked, weights: found[0].weight, ids: ranked.ids, scores: ranked.scores, partial: ranked.partial,
               unheard: unheard(asked, found[0]),
               why: function (id) { return reasons(asked, found[0], found[1], id); } };
    });
  }

  /* {term: Map(page -> where)} and each term's weight: rarer terms weigh more; one no page holds, half the
     rarest, unless it crosses the edge of a need word (婆媳|吵架 -> 媳吵): then it is no word at all. */
  function postings(ctx, get, terms, crossing) {
    var count = ctx.manifest.files;
    var files = unique(terms.map(function (t) { return Q.shard(t, count); }));
    return Promise.all(files.map(function (n) { return get("terms/" + n + ".json"); })).then(function (parts) {
      var byFile = {};
      files.forEach(function (n, i) { byFile[n] = parts[i]; });
      var found = { pages: {}, weight: {} };
      var total = ctx.manifest.pages;
      terms.forEach(function (term) {
        var list = byFile[Q.shard(term, count)][term] || [];
        found.pages[term] = decode(list);
        var df = list.length;
        found.weight[term] = df ? Math.log(1 + (total - df + 0.5) / (df + 0.5)) : Math.log(1 + total / 1.5) / 2;
      });
      crossing.forEach(function (term) { if (!found.pages[term].size) found.weight[term] = 0; });
      return found;
    });
  }

  function decode(list) {
    var pages = new Map();
    var page = 0;
    list.forEach(function (value) {
      page += Math.floor(value / 4);
      pages.set(page, value % 4);
    });
    return pages;
  }

  /* The pages of the events held on the asked days, in the order they start. */
  function onDays(ctx, get, days) {
    if (!days) return Promise.resolve(null);
    var months = ctx.manifest.months.filter(function (m) { return m >= days.from.slice(0, 7) && m <= days.to.slice(0, 7); });
    return Promise.all(months.map(function (m) { return get("days/" + m + ".json"); })).then(function (files) {
      var ids = [];
      files.forEach(function (file, i) {
        Object.keys(file).sort().forEach(function (d) {
          var date = months[i] + "-" + d;
          if (date >= days.from && date <= days.to) ids = ids.concat(file[d]);
        });
      });
      return unique(ids);
    });
  }

  function rank(ctx, asked, found, held) {
    var scores = new Map();
    function add(id, value) { scores.set(id, (scores.get(id) || 0) + value); }
    var weights = asked.concepts.map(function (c) { return sum(c.alts[0].terms, found.weight); });
    var total = weights.reduce(function (a, b) { return a + b; }, 0);
    var shares = weights.map(function (w) { return w / total; });
    coverage(asked.concepts, found, shares).forEach(function (value, id) { add(id, value); });
    named(ctx, asked, words(ctx, asked, shares, found.weight)).forEach(function (value, id) { add(id, value); });
    if (held) held.forEach(function (id, order) { add(id, ON_DAY + (asked.concepts.length ? 0 : MATCHING) - order * 1e-6); });
    var staff = ctx.manifest.staff;
    var over = ctx.manifest.over;
    scores.forEach(function (value, id) { if (id >= over[0] && id < over[1]) scores.set(id, value * OVER); });
    var onDay = new Set(held || []);
    var ids = above(scores, MATCHING);
    var partial = !ids.length;
    if (partial) ids = above(scores, SOME);
    /* the staff guide after every reader's page; with a date word, that day's events first */
    ids.sort(function (a, b) {
      return (a >= staff) - (b >= staff) || onDay.has(b) - onDay.has(a) || scores.get(b) - scores.get(a) || a - b;
    });
    return { ids: ids, scores: scores, partial: partial && ids.length > 0 };
  }

  function above(scores, least) {
    return Array.from(scores.keys()).filter(function (id) { return scores.get(id) >= least; });
  }

  /* The reader's words (letters) that no page holds in any form: named in the answer, never dropped silently. */
  function unheard(asked, found) {
    return asked.concepts.filter(function (c) {
      return !c.spans.length && c.alts.every(function (a) { return a.terms.every(function (t) { return !found.pages[t].size; }); });
    }).map(function (c) { return c.text; }).filter(function (text) { return !/[^a-z0-9]/.test(text); });
  }

  /* Why page ``id`` was found, in the reader's terms: ["“婆媳”“吵架”→婚姻家庭", "拼音 xinli", "12月4日有活动",
     "不含：网店"]. */
  function reasons(asked, found, held, id) {
    var via = [];   /* [what the reader said, the site word the page holds] */
    var why = [];
    var missing = [];
    asked.concepts.forEach(function (c) {
      var own = share(c.alts[0].terms, found, id) >= MATCHING;
      var spans = c.spans.filter(function (s) { return !own || share(s.terms, found, id) < 1; });
      var spanVia = spans.map(function (s) { return viaSite(s.alts, found, id, c.text.slice(s.from, s.to)); }).filter(Boolean);
      var alt = own ? null : c.alts.slice(1).filter(function (a) { return share(a.terms, found, id) >= 1; })[0];
      via = via.concat(spanVia);
      if (alt && alt.pinyin) why.push("拼音 " + c.text);
      else if (alt && alt.initials) why.push("首字母 " + c.text);
      else if (alt) via.push([c.text, alt.text]);
      else if (!own && !spanVia.length) missing.push(c.text);
    });
    var bySite = {};
    via.forEach(function (pair) { (bySite[pair[1]] = bySite[pair[1]] || []).push("“" + pair[0] + "”"); });
    why = Object.keys(bySite).map(function (site) { return unique(bySite[site]).join("") + "→" + site; }).concat(why);
    if (held && held.indexOf(id) >= 0) why.push(asked.days.label + "有活动");
    if (missing.length && asked.concepts.length > 1) why.push("不含：" + missing.join("、"));
    return why;
  }

  function viaSite(alts, found, id, said) {
    var alt = alts.filter(function (a) { return share(a.terms, found, id) >= 1; })[0];
    return alt ? [said, alt.text] : null;
  }

  /* Share of ``terms`` (by number) page ``id`` holds. */
  function share(terms, found, id) {
    if (!terms.length) return 0;
    return terms.filter(function (t) { return found.pages[t] && found.pages[t].has(id); }).length / terms.length;
  }

  /* Share of the query each page holds (0–1), plus up to IN_TITLE for holding it in its title or names. */
  function coverage(concepts, found, shares) {
    var result = new Map();
    concepts.forEach(function (concept, i) {
      conceptScores(concept, found).forEach(function (s, id) {
        result.set(id, (result.get(id) || 0) + shares[i] * (s[0] + IN_TITLE * s[1]));
      });
    });
    return result;
  }

  /* For each page: [share of the concept it holds, share held in its title or names], best alternative.
     Inside the reader's own words, a need word's span counts as held where the page holds one of its site words. */
  function conceptScores(concept, found) {
    var best = new Map();
    concept.alts.forEach(function (alt, i) {
      var whole = sum(alt.terms, found.weight);
      var spans = i ? [] : concept.spans;
      var inSpans = new Set(flat(spans.map(function (s) { return s.terms; })));
      var got = held(alt.terms.filter(function (t) { return !inSpans.has(t); }), found);
      spans.forEach(function (span) { merge(got, spanHeld(span, found)); });
      got.forEach(function (s, id) {
        var share = [s[0] / whole * alt.factor, s[1] / whole * alt.factor];
        var old = best.get(id);
        if (!old || share[0] > old[0]) best.set(id, share);
      });
    });
    return best;
  }

  /* Weight of ``terms`` each page holds: [anywhere, in its title or names]. */
  function held(terms, found) {
    var got = new Map();
    terms.forEach(function (term) {
      var w = found.weight[term];
      found.pages[term].forEach(function (where, id) {
        var old = got.get(id) || [0, 0];
        got.set(id, [old[0] + w, old[1] + PLACES[where] * w]);
      });
    });
    return got;
  }

  function spanHeld(span, found) {
    var whole = sum(span.terms, found.weight);
    var best = held(span.terms, found);
    span.alts.forEach(function (alt) {
      var scale = whole / sum(alt.terms, found.weight) * alt.factor;
      held(alt.terms, found).forEach(function (s, id) {
        var old = best.get(id);
        if (!old || s[0] * scale > old[0]) best.set(id, [s[0] * scale, s[1] * scale]);
      });
    });
    return best;
  }

  function merge(into, more) {
    more.forEach(function (s, id) {
      var old = into.get(id) || [0, 0];
      into.set(id, [old[0] + s[0], old[1] + s[1]]);
    });
  }

  /* {word: share of the query it stands for}: each piece of the query and its alternatives, each need word
     and its site words (婆媳 -> 婚姻家庭), so that a page named by one of them is found by its name. */
  function words(ctx, asked, shares, weight) {
    var found = {};
    function add(alts, share) {
      alts.filter(function (a) { return a.text; }).forEach(function (a) {
        var key = Q.normal(a.text, ctx.rules);
        found[key] = (found[key] || 0) + share;
      });
    }
    asked.concepts.forEach(function (c, i) {
      add(c.alts, shares[i]);
      var whole = sum(c.alts[0].terms, weight) || 1;
      c.spans.forEach(function (s) { add(s.alts, shares[i] * sum(s.terms, weight) / whole); });
    });
    return found;
  }

  /* Pages named like the query: the whole query, one of its words or their site words, or a part of it. */
  function named(ctx, asked, words) {
    var found = new Map();
    ctx.names.forEach(function (page) {
      var best = 0;
      page.keys.forEach(function (key) { best = Math.max(best, nameScore(key, asked, words)); });
      if (best) found.set(page.id, best - page.keys[0].length * 1e-3);
    });
    return found;
  }

  function nameScore(key, asked, words) {
    var best = asked.days && asked.days.month === key ? NAMED[0] + ON_DAY : 0; /* the month's calendar */
    [asked.text, asked.core].forEach(function (text) {
      var at = text ? key.indexOf(text) : -1;
      if (at >= 0) best = Math.max(best, key === text ? NAMED[0] : at === 0 ? NAMED[1] : NAMED[2]);
      else if (key.length * 2 >= text.length && text.indexOf(key) >= 0) best = Math.max(best, NAMED_PART * key.length / text.length);
    });
    return Math.max(best, NAMED_WORD * Math.min(1, words[key] || 0));
  }

  var SENTENCE = /[^。！？!?；;\n]*[。！？!?；;]?/g;
  var AROUND = 60; /* characters of an excerpt */

  /* The sentence of the page's text that holds most of the query (by weight), cut to about AROUND characters
     around its first match (else the page's description): [{text, mark}] pieces, marked where a term of the
     query stands. */
  function excerpt(page, asked, weights) {
    var text = page.x;
    var terms = unique(flat(asked.concepts.map(function (c) {
      var alts = c.alts.filter(function (a) { return a.text; }).concat(flat(c.spans.map(function (s) { return s.alts; })));
      return flat(alts.map(function (a) { return a.terms; }));
    })));
    var best = { score: 0, text: page.d || text.split("\n")[0] || "" };
    (text.match(SENTENCE) || []).forEach(function (sentence) {
      var score = terms.reduce(function (s, t) { return s + (sentence.indexOf(t) >= 0 ? weights[t] || 0 : 0); }, 0);
      if (score > best.score) best = { score: score, text: sentence.trim() };
    });
    return pieces(cut(best.text, terms), terms);
  }

  function cut(sentence, terms) {
    if (sentence.length <= AROUND) return sentence;
    var first = Math.min.apply(null, terms.map(function (t) { var at = sentence.indexOf(t); return at < 0 ? Infinity : at; }));
    var start = isFinite(first) ? Math.max(0, Math.min(first - 15, sentence.length - AROUND)) : 0;
    return (start ? "…" : "") + sentence.substr(start, AROUND) + (start + AROUND < sentence.length ? "…" : "");
  }

  function pieces(text, terms) {
    var marked = new Array(text.length).fill(false);
    terms.forEach(function (term) {
      for (var at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
        for (var i = at; i < at + term.length; i++) marked[i] = true;
      }
    });
    var out = [];
    for (var i = 0; i < text.length; i++) {
      if (out.length && out[out.length - 1].mark === marked[i]) out[out.length - 1].text += text[i];
      else out.push({ text: text[i], mark: marked[i] });
    }
    return out;
  }

  function sum(terms, weight) {
    return terms.reduce(function (total, t) { return total + weight[t]; }, 0);
  }

  function flat(lists) { return [].concat.apply([], lists); }

  function unique(items) { return Array.from(new Set(items)); }

  return { Engine: Engine, decode: decode, excerpt: excerpt };
});
