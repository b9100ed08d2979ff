/* 女性社会组织专栏: the header search box, driven by Pagefind (bundle served by the site itself).
   The index is fetched in small fragments, and only once the reader starts to search. */
(function () {
  "use strict";

  var SHOWN = 8;
  var form = document.querySelector(".col-search__form");
  if (!form) return;
  var input = form.querySelector(".col-search__input");
  var toggle = document.getElementById("__search");
  var list = document.querySelector(".col-search__list");
  var meta = document.querySelector(".col-search__meta");
  var hint = meta.textContent;
  var engine = null;

  /* Each Chinese character a word of its own, as the index holds page names (column.search.index_terms):
     the browser's word splitting rarely matches the index's, single characters always do. */
  function terms(query) {
    return query.replace(/([\u3400-\u9fff\uf900-\ufaff])/g, " $1 ").replace(/\s+/g, " ").trim();
  }

  function absolute(path) {
    return new URL(path, window.location.href);
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
    load().then(function (pf) {
      return pf.debouncedSearch(terms(query), {}, 200);
    }).then(function (search) {
      if (!search) return null;
      return Promise.all(search.results.slice(0, SHOWN).map(function (r) { return r.data(); }))
        .then(function (datas) { show(search.results.length, datas); });
    }).catch(function () {
      meta.textContent = "搜索暂时无法使用，请稍后再试";
    });
  }

  input.addEventListener("focus", function () {
    toggle.checked = true;
    load();
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
