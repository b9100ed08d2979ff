"""Which pages and files the site will have: known in part before rendering, exactly after.

Links written by staff (in records, stories and ``column.yml``) are checked
against this map. ``make check`` renders nothing, so it knows the hand-written
pages, the files under ``content/``, each record's page and each story; a link
into a section of generated pages it cannot list (``orgs/area/…``,
``events/calendar/…``) is left to the build, which checks it against every
page it rendered, with the same message.
"""
from __future__ import annotations

import dataclasses
import enum
import posixpath
from pathlib import Path
from typing import Iterable

from .render import urls

RECORD_PAGES = {"org": urls.org, "venue": urls.venue, "training": urls.training, "event": urls.event}
"""The page of each record, by kind."""
RECORD_FOLDERS = {posixpath.dirname(page("id").rstrip("/")) + "/" for page in RECORD_PAGES.values()}
"""``orgs/``, ``events/``…: where the record pages are."""
GENERATED = (urls.ORG_DIRECTORY, urls.EVENTS, urls.VENUES, urls.TRAININGS, urls.SHOWCASE, "guide/fields/",
             "stories/category/", "stories/page/", "data/", "stats/")
"""URL prefixes under which the build generates pages and files that only rendering can list."""
NOT_RECORDS = {urls.EVENTS: urls.EVENT_RESERVED, urls.VENUES: ("posters",)}
"""Folders right under a record kind's URL that are generated pages, not records (``events/news/``)."""
ALWAYS = ("", urls.FEED, urls.SITE_CALENDAR)
"""Generated at the top of every site: the home page, the feed, the site calendar."""
POSTS = "stories/posts/"


class Found(enum.Enum):
    PAGE = "page"
    FILE = "file"
    LATER = "later"
    """Under a generated section: the build decides."""
    MISSING = "missing"


@dataclasses.dataclass(frozen=True)
class SiteMap:
    files: frozenset[str]
    """Paths of the files under the docs dir (``images/x.jpg``, ``guide/index.md``) and generated files."""
    pages: dict[str, str]
    """Page URL (``orgs/duocai/``) -> the docs-dir path MkDocs knows it by (``orgs/duocai/index.md``)."""
    exact: bool = False
    """True after the build: nothing is left for later."""

    def find(self, path: str) -> Found:
        """A site path (``orgs/duocai/``, ``media/x.pdf``), as a page or a file."""
        if path in self.pages or (path + "/") in self.pages:
            return Found.PAGE
        if path in self.files:
            return Found.FILE
        if not self.exact and path.startswith(GENERATED) and not _record_page(path):
            return Found.LATER
        return Found.MISSING

    def source_of(self, docs_path: str) -> Found:
        """A docs-dir path as MkDocs resolves links in Markdown pages (``orgs/duocai/index.md``)."""
        if docs_path in self.files or docs_path in self.pages.values():
            return Found.FILE
        url = posixpath.dirname(docs_path) + "/" if docs_path.endswith("/index.md") else docs_path
        if not self.exact and url.startswith(GENERATED):
            return Found.LATER
        return Found.MISSING

    def page_urls(self) -> list[str]:
        return sorted(self.pages)


def before_build(docs_dir: Path, records: dict[str, Iterable[str]], stories: Iterable[tuple[str, str]]) -> SiteMap:
    """What ``make check`` knows: ``records`` are ids by kind, ``stories`` (slug, docs path) pairs."""
    files = frozenset(_docs_files(docs_dir)) | frozenset(ALWAYS)
    pages = {"": urls.src_uri("")}
    pages.update(_written_pages(files))
    for kind, ids in records.items():
        page = RECORD_PAGES.get(kind)
        pages.update({page(i): urls.src_uri(page(i)) for i in ids} if page else {})
    pages.update({urls.story(slug): path for slug, path in stories})
    return SiteMap(files, pages)


def after_build(before: SiteMap, page_urls: Iterable[str], file_paths: Iterable[str]) -> SiteMap:
    """Every page and file the build made, added to what was known before: nothing left for later."""
    pages = dict(before.pages)
    pages.update({url: urls.src_uri(url) for url in page_urls})
    return SiteMap(before.files | frozenset(file_paths), pages, exact=True)


def _record_page(path: str) -> bool:
    """``orgs/<id>/``: every such page is a record's, and every record is known before the build."""
    head, _, rest = path.partition("/")
    segment, folder = rest.rstrip("/"), head + "/"
    return folder in RECORD_FOLDERS and bool(segment) and "/" not in segment and \
        segment not in NOT_RECORDS.get(folder, ())


def _docs_files(docs_dir: Path) -> Iterable[str]:
    for path in docs_dir.rglob("*") if docs_dir.is_dir() else ():
        if path.is_file() and not path.name.startswith("."):
            yield path.relative_to(docs_dir).as_posix()


def _written_pages(files: Iterable[str]) -> dict[str, str]:
    """Hand-written Markdown pages by URL, as MkDocs names them (``guide/errors.md`` -> ``guide/errors/``)."""
    pages = {}
    for path in files:
        if not path.endswith(".md") or path.startswith(POSTS):
            continue
        head, name = posixpath.split(path[:-3])
        folder = head + "/" if head else ""
        pages[folder if name in ("index", "README") else f"{folder}{name}/"] = path
    return pages
