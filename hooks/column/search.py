"""The site search: pages are collected as they are rendered, and the index is written after the build.

Why our own index and not Pagefind or a JavaScript library: see README.md, "Search" (measured
with ``make search-bench``). In short: the index (``search_index``) is cut into character pairs,
as the query is in the browser, so every query finds the pages that hold most of it; it is split
into small files, so a phone fetches a few kilobytes per query even at city scale.

What is indexed: record pages (organizations, events, venues, trainings), stories and the staff
guide's written pages with their whole text; generated list and filter pages by their title, names
and description only (their text is other pages' names, which would make them match everything). Drafts and pages marked
``search: {exclude: true}`` (printable posters) are left out.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from .render.page import Page
from .search_index import Document, files

STAFF = ("guide/",)
"""Pages under these addresses are for staff: found, but after every reader's page."""

_HIDDEN = re.compile(r"<(script|style|svg|template|noscript|select)\b.*?</\1\s*>", re.S | re.I)
_BLOCK = re.compile(r"</?(?:p|div|li|ul|ol|h[1-6]|br|hr|tr|td|th|dt|dd|dl|table|section|article|header|footer|"
                    r"aside|figure|figcaption|blockquote|pre|form|nav|details|summary|label|button)\b[^>]*>", re.I)
_PHRASE = re.compile(r"</?(?:strong|em|b|i|u|s|mark|code|abbr|small|sup|sub|time|q|bdi)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")


def text_of(page_html: str) -> str:
    """The text a reader sees in ``page_html``: one line per paragraph, item or cell, no markup;
    other elements (links, chips) apart by a space, so neighbouring chips do not run together."""
    bare = _PHRASE.sub("", _BLOCK.sub("\n", _HIDDEN.sub(" ", page_html)))
    plain = html.unescape(_TAG.sub(" ", bare))
    lines = (" ".join(line.split()) for line in plain.split("\n"))
    return "\n".join(line for line in lines if line)


class Collector:
    """The pages of one build, as MkDocs renders them (``mkdocs serve`` makes a new one per build)."""

    def __init__(self, needs: list[list[str]], today: dt.date) -> None:
        self.needs, self.today = needs, today
        self.documents: list[Document] = []

    def add(self, url: str, title: str, text: str, description: str = "", **facts) -> None:
        """Index a page; ``facts``: the other fields of :class:`search_index.Document`."""
        self.documents.append(Document(url, title, text, description, staff=url.startswith(STAFF), **facts))

    def add_page(self, url: str, title: str, page_html: str, made: Page | None, *, listing: bool = False,
                 description: str = "") -> None:
        """A page as MkDocs rendered it: ``made`` is the column's own page (else a Markdown page,
        or a list page of a plugin's, such as the stories' archive, when ``listing``). A record's page and
        a written page (a story, the guide) are indexed with their whole text; a generated list page (also
        the guide's field reference and its list of search words) with its description."""
        if made is None:
            self.add(url, html.unescape(title), "" if listing else text_of(page_html), description)
        elif made.searchable and not made.draft:
            self.add(url, made.title, text_of(page_html) if made.edit_path else made.description, made.description,
                     names=made.names, keywords=made.keywords, held=made.held, over=made.over)

    def write(self, site_dir: Path) -> None:
        """Write the index into ``site_dir/search/``."""
        for path, content in files(self.documents, self.needs, self.today).items():
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
