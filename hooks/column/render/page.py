"""A generated page or file, ready to hand to any static-site builder."""
from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re

import yaml

from . import urls


DRAFT_BANNER = '<p class="col-draft-banner" role="note"><strong>草稿：此页不会发布</strong>（记录中写了 draft: true，只在本地预览中显示）</p>\n'
"""Shown on a draft record's page; drafts are only rendered by ``make serve`` (``COLUMN_DRAFTS=1``)."""


@dataclasses.dataclass(frozen=True)
class Page:
    """A page the site publishes at ``url``, written as Markdown holding HTML."""

    url: str
    title: str
    body: str
    description: str = ""
    edit_path: str | None = None
    """The record file behind the page (``orgs/duocai.yml``), for "编辑此页"."""
    draft: bool = False
    hide: tuple[str, ...] = ("toc",)
    og_image: str | None = None
    """Image shown when the page is shared (docs-dir path), else the site's default (``render.share``)."""
    keywords: tuple[str, ...] = ()
    """Other names readers search for (short name, street), indexed with the title (``column.search``)."""
    names: tuple[str, ...] = ()
    """What readers call the page when they look it up by name (an organization's full and short name, a
    filter page's topic or street). Pages with names go into the search box's name lookup, where they and
    their title are matched before the full-text results (``column.search_names``)."""
    searchable: bool = True
    """False keeps the page out of the site search (printable posters)."""
    lastmod: dt.date | None = None
    """When the page's record last changed (``sitemap.xml``); None for pages without one, which then carry
    no ``lastmod`` rather than the build date (a daily build would mark every page changed)."""
    over: bool = False
    """An event that is over or cancelled: still found by the search, after pages of what is still to come."""
    held: tuple[dt.datetime, ...] = ()
    """When the page's event is held: its start time on each day (date words in the search, "明天", find it)."""

    @property
    def src_uri(self) -> str:
        return urls.src_uri(self.url)

    def markdown(self) -> str:
        """The page as one Markdown file: front matter, then the HTML as one raw block."""
        return f"{self.front_matter()}\n{_as_html_block(self.html())}\n"

    def front_matter(self) -> str:
        """:meth:`meta` as YAML front matter."""
        return f"---\n{yaml.safe_dump(self.meta(), allow_unicode=True, sort_keys=True)}---\n"

    def meta(self) -> dict[str, object]:
        """The page's settings for the theme (title, description, hidden sidebars…)."""
        # Material prints page.title and meta.description without escaping them: escape here.
        meta: dict[str, object] = {"title": html.escape(self.title, quote=False),
                                   "description": html.escape(self.description or self.title), "hide": list(self.hide)}
        if self.edit_path:
            meta["edit_path"] = self.edit_path
        if self.draft:
            meta["draft"] = True
        if self.og_image:
            meta["og_image"] = self.og_image
        if self.keywords:
            meta["keywords"] = " ".join(self.keywords)
        if not self.searchable:
            meta["search"] = {"exclude": True}
        if self.lastmod:
            meta["lastmod"] = self.lastmod.isoformat()
        return meta

    def html(self) -> str:
        """The page's content, ready to put in the theme (no Markdown left to convert)."""
        return (DRAFT_BANNER + self.body) if self.draft else self.body


@dataclasses.dataclass(frozen=True)
class Asset:
    """A non-page file the site publishes (calendar, QR code, JSON)."""

    path: str
    content: bytes


@dataclasses.dataclass(frozen=True)
class Made:
    """Pages and files made by one part of the site."""

    pages: list[Page]
    assets: list[Asset]


_BLANK = re.compile(r"\n\s*\n")


def _as_html_block(html: str) -> str:
    """Keep the HTML one raw block for Markdown: no blank line may split it."""
    return _BLANK.sub("\n", html.strip())
