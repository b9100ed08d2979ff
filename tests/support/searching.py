"""Search a served site from its header box, as a reader on a phone does, and count the bytes it costs.

Works for Pagefind (our header) and for Material's own search alike: both render
results as Material's ``.md-search-result__item`` list, so the same query set
measures either candidate (``bench/search.py``).
"""
from __future__ import annotations

import dataclasses
import gzip
from urllib.parse import urljoin, urlsplit

import yaml

from .sitebuild import REPO

QUERIES = REPO / "tests" / "search_queries.yml"
PHONE = dict(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True,
             locale="zh-CN", user_agent="Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Mobile MicroMessenger/8.0")
COMPRESSIBLE = ("javascript", "json", "css", "html", "svg", "text/")
SEARCH_ASSETS = ("/pagefind/", "/search/", "/workers/", "/lunr/")
"""Files that serve only the search, whichever candidate (Pagefind; Material's index, worker, lunr)."""
_DONE = """() => {
  const list = document.querySelector('.md-search-result__list');
  const meta = document.querySelector('.md-search-result__meta');
  return (list && list.children.length > 0) || (meta && /没有/.test(meta.textContent));
}"""


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

    @property
    def hit(self) -> bool:
        return any(url in self.top[:3] for url in self.query.expect)


def load_queries() -> list[Query]:
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
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


def search(browser, base_url: str, query: Query, timeout_ms: int = 120_000) -> Outcome:
    """Open the home page in a fresh phone (empty cache), search ``query`` and read the first results."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    try:
        page.goto(base_url, wait_until="networkidle")
        loaded = len(responses)
        page.click("label.md-header__button[for=__search]")
        page.fill(".md-search__input", query.text)
        page.press(".md-search__input", "End")  # a key press too: Material's search listens for keys
        page.wait_for_function(_DONE, timeout=timeout_ms)
        hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
        searching = [_wire(r) for i, r in enumerate(list(responses)) if i >= loaded or _is_search(r.url)]
        rest = [_wire(r) for i, r in enumerate(list(responses)) if i < loaded and not _is_search(r.url)]
    finally:
        context.close()
    return Outcome(query, [relative(base_url, h) for h in hrefs], sum(s[0] for s in searching),
                   sum(s[1] for s in searching), sum(s[1] for s in rest))


def _is_search(url: str) -> bool:
    return any(part in urlsplit(url).path for part in SEARCH_ASSETS)


def relative(base_url: str, href: str) -> str:
    """``http://host/sub/orgs/x/#a`` -> ``orgs/x/`` for a site served at ``http://host/sub/``."""
    path = urlsplit(urljoin(base_url, href)).path
    root = urlsplit(base_url).path
    return path[len(root):] if path.startswith(root) else path
