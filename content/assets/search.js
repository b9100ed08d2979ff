/* 女性社会组织专栏: the header search box, driven by Pagefind (bundle served by the site itself).
   The index is fetched in small fragments, and only once the reader starts to search.
   Pages named like the query (search/names.json, see column.search_names) come before the full-text results. */
(function () {
  "use strict";

  var SHOWN = 8;
  var NAMED = 5;  /* at most this many name matches before the full-text results, unless more are exact */
  var form = document.querySelector(".col-search__form");
  if (!form) return;
  var input = form.querySelector(".col-search__input");
  var toggle = document.getElementById("__search");
  var list = document.querySelector(".col-search__list");
  var meta = document.querySelector(".col-search__meta");
  var hint = meta.textContent;
  var engine = null;
  var lookup = null;

  /* Each Chinese character a word of its own, as the index holds page names (column.search.index_terms):
     the browser's word splitting rarely matches the index's, single characters always do. */
  function terms(query) {
    return query.replace(/([\u3400-\u9fff\uf900-\ufaff])/g, " $1 ").replace(/\s+/g, " ").trim();
  }

  function absolute(path) {
    return new URL(path, document.baseURI);  /* the page's <base> when it has one (the 404 page) */
  }

  function load() {
    if (!engine) {
      engine = import(absolute(form.getAttribute("data-bundle")).href + "pagefind.js").then(function (pf) {
        return pf.options({ baseUrl: absolute(form.getAttribute("data-root")).pathname, excerptLength: 24 })
          .then(function () { pf.init(); return pf; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  /* The form names are compared in (column.search_names.normal): NFKC, lower case, no spaces. */
  function normal(text) {
    return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  }

  /* [url, title, other names…] per named page; the title and every name are matched. */
  function names() {
    if (!lookup) {
      lookup = fetch(absolute(form.getAttribute("data-names")).href).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }).then(function (rows) {
        var root = absolute(form.getAttribute("data-root")).pathname;
        return rows.map(function (row) {
          return { url: root + row[0], title: row[1], names: row.slice(1), keys: row.slice(1).map(normal) };
        });
      });
      lookup.catch(function () { lookup = null; });
    }
    return lookup;
  }

  /* Rank 0: a name is the query, 1: a name starts with it, 2: a name contains it; shorter names first. */
  function byName(pages, query) {
    var q = normal(query);
    var hits = [];
    pages.forEach(function (page) {
      var best = null;
      page.keys.forEach(function (key, i) {
        var at = key.indexOf(q);
        if (at < 0) return;
        var hit = { page: page, name: page.names[i], rank: key === q ? 0 : at === 0 ? 1 : 2, length: key.length };
        if (!best || hit.rank < best.rank || (hit.rank === best.rank && hit.length < best.length)) best = hit;
      });
      if (best) hits.push(best);
    });
    hits.sort(function (a, b) { return a.rank - b.rank || a.length - b.length; });
    var exact = hits.filter(function (hit) { return hit.rank === 0; }).length;
    return hits.slice(0, Math.max(exact, NAMED));
  }

  /* A name match as a result: the page's own full-text result if it is at hand, else its title
     and, when it was found by another name (a short name, a topic), that name. */
  function asResult(hit, query, datas) {
    var same = datas.filter(function (data) { return data.url === hit.page.url; })[0];
    if (same) return same;
    var other = hit.name === hit.page.title ? "" : hit.name;
    var at = other.indexOf(query);
    var marked = at < 0 ? escaped(other) : escaped(other.slice(0, at)) + "<mark>" + escaped(query) + "</mark>" +
      escaped(other.slice(at + query.length));
    return { url: hit.page.url, meta: { title: hit.page.title }, excerpt: marked };
  }

  function escaped(text) {
    var holder = document.createElement("span");
    holder.textContent = text;
    return holder.innerHTML;
  }

  /* Name matches first, then Pagefind's results, each page once. */
  function merged(hits, query, datas) {
    var named = hits.map(function (hit) { return asResult(hit, query, datas); });
    var seen = named.map(function (data) { return data.url; });
    var rest = datas.filter(function (data) { return seen.indexOf(data.url) < 0; });
    return named.concat(rest).slice(0, SHOWN);
  }

  /* Pages' names are indexed character by character: join the characters again for reading. */
  var SPACED = /([\u3000-\u303f\u3400-\u9fff\uff00-\uffef·])((?:<\/?mark>)*) ((?:<\/?mark>)*)(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef·])/g;

  /* The excerpt as DOM nodes: text and <mark> only, whatever the index holds. */
  function excerpt(html) {
    var template = document.createElement("template");
    template.innerHTML = html.replace(SPACED, "$1$2$3").replace(SPACED, "$1$2$3");
    var p = document.createElement("p");
    template.content.childNodes.forEach(function (node) {
      var part = node.nodeName === "MARK" ? document.createElement("mark") : document.createTextNode("");
      part.textContent = node.textContent;
      p.appendChild(part);
    });
    return p;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    article.appendChild(title);
    article.appendChild(excerpt(data.excerpt || ""));
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function show(found, datas) {
    list.replaceChildren.apply(list, datas.map(item));
    meta.textContent = found ? "找到 " + found + " 个结果" : "没有找到相关页面，换个关键词试试";
    form.setAttribute("data-state", "done");
  }

  function run() {
    var query = input.value.trim();
    if (!query) {
      list.replaceChildren();
      meta.textContent = hint;
      return;
    }
    form.setAttribute("data-state", "searching");
    var hits = [];
    Promise.all([load().catch(function () { return null; }), names().catch(function () { return []; })])
      .then(function (both) {
        hits = byName(both[1], query);
        if (both[0]) return both[0].debouncedSearch(terms(query), {}, 200);
        if (!hits.length) throw new Error("no search index");
        var named = merged(hits, query, []);  /* full-text index unavailable: the name matches alone */
        show(named.length, named);
        return null;
      })
      .then(function (search) {
        if (!search) return null;
        return Promise.all(search.results.slice(0, SHOWN).map(function (r) { return r.data(); }))
          .then(function (datas) {
            var shown = merged(hits, query, datas);
            show(Math.max(search.results.length, shown.length), shown);
          });
      })
      .catch(function () {
        meta.textContent = "搜索暂时无法使用，请稍后再试";
      });
  }

  input.addEventListener("focus", function () {
    toggle.checked = true;
    load();
    names().catch(function () {});
  });
  input.addEventListener("input", run);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  form.addEventListener("reset", function () {
    window.setTimeout(run, 0);
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) input.focus();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      input.blur();
    }
  });
})();
