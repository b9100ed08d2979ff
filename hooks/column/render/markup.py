"""Markdown written by staff inside records, rendered to safe HTML.

Records are edited by many hands; their Markdown is rendered with the same
library MkDocs uses and then cleaned by ``nh3`` with the site's one allowlist (``render.sanitize``), so
no script, event handler or ``javascript:`` link can reach a reader.
"""
from __future__ import annotations

import functools

from urllib.parse import urlsplit, urlunsplit

import markdown

from . import urls
from .sanitize import URL_SCHEMES, record_html


@functools.lru_cache(maxsize=4096)
def to_html(text: str, page_url: str | None = None) -> str:
    """Sanitized HTML for a Markdown field; headings are shifted below the page's own.

    A link into the site is written from the site root (``orgs/duocai/``); on the
    page at ``page_url`` it becomes relative to that page, so it works under any sub-path.
    """
    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    html = html.replace("<h1>", "<h3>").replace("</h1>", "</h3>").replace("<h2>", "<h4>").replace("</h2>", "</h4>")
    relative = None if page_url is None else functools.partial(_from_page, page_url)
    return record_html(html, relative)


def _from_page(page_url: str, tag: str, attribute: str, value: str) -> str:
    parts = urlsplit(value)
    if tag != "a" or attribute != "href" or parts.scheme or parts.netloc or not parts.path or value.startswith("/"):
        return value
    return urlunsplit(("", "", urls.rel(page_url, parts.path), parts.query, parts.fragment))


def safe_url(url: str | None) -> str | None:
    """``url`` if its scheme is allowed, else None (the schema already refuses most)."""
    if not url:
        return None
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    return url if scheme in URL_SCHEMES else None
