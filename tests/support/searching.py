"""Search a served site from its header box, as a reader on a phone does, and count the bytes it costs.

The query is typed key by key into the box of a 360-px phone with WeChat's user agent, with the browser's
clock set to the build's (date words such as "明天" count from it); the results are read once the box
shows them for the whole query. Results are Material's ``.md-search-result__item`` list, so
Material's own search can be measured with the same code (``bench/search.py``).
"""
from __future__ import annotations

import dataclasses
import gzip
import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

from .sitebuild import NOW, REPO

QUERIES = REPO / "tests" / "search_queries.yml"
PHONE = dict(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True,
             locale="zh-CN", timezone_id="Asia/Shanghai",
             user_agent="Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Mobile MicroMessenger/8.0")
COMPRESSIBLE = ("javascript", "json", "css", "html", "svg", "text/")
SEARCH_ASSETS = ("/search/", "/assets/search", "/workers/", "/lunr/")
"""Files that serve only the search, whichever candidate (ours; Material's index, worker, lunr)."""
_DONE = """() => {
  const list = document.querySelector('.md-search-result__list');
  const meta = document.querySelector('.md-search-result__meta');
  return (list && list.children.length > 0) || (meta && /没有/.test(meta.textContent));
}"""
_SHOWN = """query => {
  const form = document.querySelector('.col-search__form');
  if (!form || form.getAttribute('data-shown') !== query) return false;
  return [performance.now() - (window.__lastKey || performance.now())];
}"""
"""Once the box shows the results of ``query``: milliseconds since the last key."""
_KEYS = "document.addEventListener('input', () => { window.__lastKey = performance.now(); }, true);"


@dataclasses.dataclass(frozen=True)
class Query:
    text: str
    expect: tuple[str, ...]
    """Site-relative URLs of the right pages: one of them should be among the first three results."""
    kind: str


@dataclasses.dataclass(frozen=True)
class Outcome:
    query: Query
    top: list[str]
    raw_bytes: int
    """Search bytes as served: the search assets fetched on page load, then everything from
    opening the search box to the first results."""
    gzip_bytes: int
    """The same, as a compressing host (GitHub Pages) sends them."""
    page_gzip_bytes: int
    """The rest of the page load (HTML, theme CSS and JS), gzipped, for context."""
    ms: float = 0.0
    """Milliseconds from the last key to the results on screen."""

    @property
    def hit(self) -> bool:
        return any(url in self.top[:3] for url in self.query.expect)


def load_queries(path=QUERIES) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(q["q"], tuple(q["expect"]) if isinstance(q["expect"], list) else (q["expect"],), q["kind"])
            for q in data]


def _wire(response) -> tuple[int, int]:
    try:
        body = response.body()
    except Exception:  # a redirect or aborted request has no body: it cost nothing
        return 0, 0
    kind = response.headers.get("content-type", "")
    packed = len(gzip.compress(body, 6)) if any(c in kind for c in COMPRESSIBLE) else len(body)
    return len(body), min(packed, len(body))


def open_phone(browser, now: str = NOW):
    """A fresh phone page (empty cache) whose clock says ``now``."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.clock.set_fixed_time(now)
    page.add_init_script(_KEYS)
    return context, page


def type_query(page, text: str, timeout_ms: int = 120_000) -> float:
    """Open the box, type ``text`` key by key, wait for its results; milliseconds from the last key to them."""
    page.click("label.md-header__button[for=__search]")
    page.locator(".md-search__input").press_sequentially(text)
    if page.query_selector(".col-search__form") is None:  # Material's own search (bench/search.py)
        page.wait_for_function(_DONE, timeout=timeout_ms)
        return 0.0
    return page.wait_for_function(_SHOWN, arg=text.strip(), timeout=timeout_ms).json_value()[0]


def search(browser, base_url: str, query: Query, timeout_ms: int = 120_000) -> Outcome:
    """Open the home page in a fresh phone, type ``query`` and read the first results."""
    context, page = open_phone(browser)
    responses = []
    page.on("response", lambda response: responses.append(response))
    try:
        page.goto(base_url, wait_until="networkidle")
        loaded = len(responses)
        ms = type_query(page, query.text, timeout_ms)
        hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
        searching = [_wire(r) for i, r in enumerate(list(responses)) if i >= loaded or _is_search(r.url)]
        rest = [_wire(r) for i, r in enumerate(list(responses)) if i < loaded and not _is_search(r.url)]
    finally:
        context.close()
    return Outcome(query, [relative(base_url, h) for h in hrefs], sum(s[0] for s in searching),
                   sum(s[1] for s in searching), sum(s[1] for s in rest), ms)


def _is_search(url: str) -> bool:
    return any(part in urlsplit(url).path for part in SEARCH_ASSETS)


def relative(base_url: str, href: str) -> str:
    """``http://host/sub/orgs/x/#a`` -> ``orgs/x/`` for a site served at ``http://host/sub/``."""
    path = urlsplit(urljoin(base_url, href)).path
    root = urlsplit(base_url).path
    return path[len(root):] if path.startswith(root) else path


def indexed_pages(site: Path) -> list[dict]:
    """Every page the built search index holds: ``{"u": address, "t": title, "d": description, "x": text}``."""
    files = sorted((site / "search" / "pages").glob("*.json"), key=lambda f: int(f.stem))
    assert files, "the build must write a search index"
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


_SHOWN_BOX = """() => {
  const note = document.querySelector('.col-search__note');
  return {
    meta: document.querySelector('.col-search__meta').textContent,
    note: note.hidden ? null : note.textContent,
    width: document.documentElement.scrollWidth,
    results: Array.from(document.querySelectorAll('.md-search-result__item > a')).map(a => ({
      href: a.getAttribute('href'), title: a.querySelector('h1').textContent,
      why: (a.querySelector('.col-search__why') || {textContent: ''}).textContent,
      marked: Array.from(a.querySelectorAll('mark')).map(m => m.textContent).join(' ')})),
  };
}"""


def shown(page, base_url: str) -> dict:
    """What the box shows once its animations are over: meta line, note, page width and each result
    (``url`` site-relative, ``title``, ``why`` line, ``marked`` words of its excerpt)."""
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")  # cancelled: over too
    box = page.evaluate(_SHOWN_BOX)
    for result in box["results"]:
        result["url"] = relative(base_url, result.pop("href"))
    return box
