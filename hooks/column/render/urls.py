"""Where each page lives, and links between pages that work at any sub-path.

URLs are site-relative directory URLs (``orgs/duocai/``). Links inside
generated pages are made relative to the page that holds them, so the built
site works at ``/`` and under ``/some/path/`` alike, and on any mirror.
"""
from __future__ import annotations

import posixpath
import re

from pypinyin import lazy_pinyin


def src_uri(url: str) -> str:
    """The docs-dir path of the Markdown file that becomes ``url``."""
    return f"{url}index.md"


def rel(from_url: str, to_url: str) -> str:
    """Link from the page at ``from_url`` to ``to_url`` (both site-relative)."""
    base = "/" + from_url
    base_dir = base if base.endswith("/") else posixpath.dirname(base) + "/"
    target = "/" + to_url
    link = posixpath.relpath(target, base_dir)
    if to_url.endswith("/") and not link.endswith("/"):
        link += "/"
    return "./" if link in (".", "./") else link


def absolute(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url


def org(org_id: str) -> str:
    return f"orgs/{org_id}/"


def org_filter(facet: str, slug: str) -> str:
    return f"orgs/{facet}/{slug}/"


def text_slug(text: str) -> str:
    """ASCII slug for a Chinese name (``马尚街道`` -> ``mashang-jiedao``), for shareable URLs."""
    words = lazy_pinyin(text, errors=lambda chars: [c for c in chars])
    joined = "".join(words).lower()
    joined = re.sub(r"jiedao$", "-jiedao", joined)
    joined = re.sub(r"shequ$", "-shequ", joined)
    slug = re.sub(r"[^a-z0-9]+", "-", joined).strip("-")
    return slug or "x"
