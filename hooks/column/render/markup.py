"""Markdown written by staff inside records, rendered to safe HTML.

Records are edited by many hands; their Markdown is rendered with the same
library MkDocs uses and then cleaned by ``nh3`` with the site's one allowlist (``render.sanitize``), so
no script, event handler or ``javascript:`` link can reach a reader.
"""
from __future__ import annotations

import functools

import markdown

from .sanitize import URL_SCHEMES, record_html


@functools.lru_cache(maxsize=4096)
def to_html(text: str) -> str:
    """Sanitized HTML for a Markdown field; headings are shifted below the page's own."""
    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    html = html.replace("<h1>", "<h3>").replace("</h1>", "</h3>").replace("<h2>", "<h4>").replace("</h2>", "</h4>")
    return record_html(html)


def safe_url(url: str | None) -> str | None:
    """``url`` if its scheme is allowed, else None (the schema already refuses most)."""
    if not url:
        return None
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    return url if scheme in URL_SCHEMES else None
