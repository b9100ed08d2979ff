/* 女性社会组织专栏: the header search box. The index (column.search_index) is served by the site itself and
   fetched in small files, only once the reader starts to search; search-engine.js ranks the pages, this file
   shows them in Material's search dropdown, each with the sentence of the page that holds the query. */
(function () {
  "use strict";

  var SHOWN = 8;
  var form = document.querySelector(".col-search__form");
  if (!form || !window.ColumnSearchEngine) return;
  var input = form.querySelector(".col-search__input");
  var toggle = document.getElementById("__search");
  var list = document.querySelector(".col-search__list");
  var meta = document.querySelector(".col-search__meta");
  var more = document.querySelector(".col-search__more");
  var note = document.querySelector(".col-search__note");
  var hint = meta.textContent;
  var root = new URL(form.getAttribute("data-root"), document.baseURI);  /* the page's <base> when it has one (the 404 page) */
  var engine = ColumnSearchEngine.Engine(function (path) {
    return fetch(new URL("search/" + path, root).href).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  });
  var asked = 0;      /* the number of the latest query: answers to older ones are dropped */
  var current = null; /* {query, found, shown} of the results on screen */

  function item(page, found) {
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = new URL(page.u, root).pathname;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = page.t;
    if (page.u.indexOf("guide/") === 0) title.appendChild(tag("工作人员指南"));
    article.appendChild(title);
    var why = found.why(page.id);
    if (why.length) {
      var line = document.createElement("p");
      line.className = "col-search__why";
      line.textContent = why.join(" · ");
      article.appendChild(line);
    }
    article.appendChild(excerpt(ColumnSearchEngine.excerpt(page, found.asked, found.weights)));
    a.appendChild(article);
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    li.appendChild(a);
    return li;
  }

  function tag(text) {
    var span = document.createElement("span");
    span.className = "col-search__tag";
    span.textContent = text;
    return span;
  }

  function excerpt(pieces) {
    var p = document.createElement("p");
    pieces.forEach(function (piece) {
      var node = piece.mark ? document.createElement("mark") : document.createTextNode(piece.text);
      if (piece.mark) node.textContent = piece.text;
      p.appendChild(node);
    });
    return p;
  }

  /* Show the next SHOWN results of ``current``; the count always says how many there are and how many show. */
  function showMore(number) {
    var ids = current.found.ids.slice(current.shown, current.shown + SHOWN);
    return Promise.all(ids.map(engine.page)).then(function (pages) {
      if (number !== asked) return;
      pages.forEach(function (page, i) { page.id = ids[i]; });
      pages.forEach(function (page) { list.appendChild(item(page, current.found)); });
      current.shown += pages.length;
      var total = current.found.ids.length;
      var count = total === current.shown ? total + " 个结果" : total + " 个结果，显示前 " + current.shown + " 个";
      meta.textContent = current.found.partial ? "没有同时符合全部词语的页面；符合其中一部分的有 " + count : "找到 " + count;
      more.hidden = current.shown >= total;
      form.setAttribute("data-shown", current.query);
    });
  }

  /* What the box did with the reader's words: characters no page holds, letters it could not read, traditional
     characters it read as simplified. Never silent. */
  function notes(asked, found) {
    var said = [];
    if (asked.unknown.length) said.push("本站没有“" + asked.unknown.join("”“") + "”字，已按其余部分查找");
    if (found.unheard.length) said.push("没有找到“" + found.unheard.join("”“") + "”");
    if (asked.simplified) said.push("已按简体“" + asked.simplified + "”查找");
    note.textContent = said.join("；");
    note.hidden = !said.length;
  }

  function nothing(found, query) {
    list.replaceChildren();
    more.hidden = true;
    var days = found.asked.days;
    meta.textContent = days && !found.asked.concepts.length ? days.label + "没有活动，换个日子或看看活动月历" :
      "没有找到相关页面，换个关键词试试";
    form.setAttribute("data-shown", query);
  }

  function run() {
    var query = input.value.trim();
    var number = ++asked;
    if (!query) {
      list.replaceChildren();
      more.hidden = true;
      meta.textContent = hint;
      note.hidden = true;
      form.removeAttribute("data-shown");
      return;
    }
    engine.search(query, new Date()).then(function (found) {
      if (number !== asked) return null;
      current = { query: query, found: found, shown: 0 };
      notes(found.asked, found);
      if (!found.ids.length) return nothing(found, query);
      list.replaceChildren();
      return showMore(number);
    }).catch(function () {
      if (number === asked) meta.textContent = "搜索暂时无法使用，请稍后再试";
    });
  }

  input.addEventListener("focus", function () {
    toggle.checked = true;
    engine.prepare().catch(function () {});
  });
  input.addEventListener("input", run);
  more.addEventListener("click", function () { showMore(asked); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { run(); input.focus(); }, 0);
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
