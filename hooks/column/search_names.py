"""The search box's name lookup: what readers call a page, and where that page is.

Pagefind ranks by words, so at city scale a topic word or an organization's exact
name loses to the hundreds of events whose titles repeat the same characters
("心理健康沙龙（第 12 期）" outranks the page listing the 心理健康 organizations).
Readers who type a name mean the page of that name. The header box
(``assets/search.js``) therefore also loads this small list when it opens and puts
pages whose name equals, starts with or contains the query before Pagefind's
full-text results.

Only pages that declare ``names`` are listed (profiles of organizations, venues and
trainings; the directory's filter pages), not the thousands of event pages, so the
file stays small: 17 KB gzipped for 1,000 organizations and 100 venues (``make search-bench``).
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable

from .render.page import Asset, Page

PATH = "search/names.json"
"""Where the lookup is published (``overrides/partials/search.html`` points the box at it)."""


def normal(text: str) -> str:
    """The form names and queries are compared in: NFKC, lower case, without spaces.

    ``assets/search.js`` applies the same to the query, so "东城社区 妇女之家" and "东城社区妇女之家" agree.
    """
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def entry(page: Page) -> list[str]:
    """``[url, title, other names…]``: the title is shown, it and every other name are matched."""
    others = dict.fromkeys(n for n in page.names if n and normal(n) != normal(page.title))
    return [page.url, page.title, *others]


def entries(pages: Iterable[Page]) -> list[list[str]]:
    """The pages that declare names and are published and searchable, in URL order."""
    return sorted(entry(p) for p in pages if p.names and p.searchable and not p.draft)


def asset(pages: Iterable[Page]) -> Asset:
    return Asset(PATH, json.dumps(entries(pages), ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
