"""Where each page lives, and links between pages that work at any sub-path.

URLs are site-relative directory URLs (``orgs/duocai/``). Links inside
generated pages are made relative to the page that holds them, so the built
site works at ``/`` and under ``/some/path/`` alike, and on any mirror.
"""
from __future__ import annotations

import functools
import posixpath
import re


def src_uri(url: str) -> str:
    """The docs-dir path of the Markdown file that becomes ``url``."""
    return f"{url}index.md"


def rel(from_url: str, to_url: str) -> str:
    """Link from the page at ``from_url`` to ``to_url`` (both site-relative)."""
    if _PLAIN.fullmatch(from_url) and _PLAIN.fullmatch(to_url) and to_url and (
            to_url.endswith("/") or not from_url.startswith(to_url + "/")):
        return _rel_plain(from_url, to_url)  # nearly every generated link: 40,000 in a district build
    base = "/" + from_url
    base_dir = base if base.endswith("/") else posixpath.dirname(base) + "/"
    target = "/" + to_url
    link = posixpath.relpath(target, base_dir)
    if to_url.endswith("/") and not link.endswith("/"):
        link += "/"
    return "./" if link in (".", "./") else link


_PLAIN = re.compile(r"([A-Za-z0-9_~-][A-Za-z0-9_.~-]*/)*([A-Za-z0-9_~-][A-Za-z0-9_.~-]*)?")
"""A path of plain segments: none empty, none starting with a dot (so no ``.`` or ``..``)."""


def _rel_plain(from_url: str, to_url: str) -> str:
    """:func:`rel` by counting segments, for plain paths to a directory or a file (not to an ancestor)."""
    here = from_url.split("/")[:-1]
    there = to_url.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "../" * (len(here) - common) + "/".join(there[common:]) or "./"


def absolute(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url


ORG_DIRECTORY = "orgs/"


def org(org_id: str) -> str:
    return f"orgs/{org_id}/"


def org_filter(facet: str, slug: str) -> str:
    return f"orgs/{facet}/{slug}/"


VENUES = "venues/"
VENUE_POSTERS = "venues/posters/"
"""Staff page with every venue's QR code; ``posters`` is therefore not a venue id."""


def venue(venue_id: str) -> str:
    return f"venues/{venue_id}/"


def venue_qr(venue_id: str, ext: str = "svg") -> str:
    return f"venues/{venue_id}/qr.{ext}"


def venue_poster(venue_id: str) -> str:
    return f"venues/{venue_id}/poster/"


def venue_calendar(venue_id: str) -> str:
    return f"venues/{venue_id}/calendar.ics"


EVENTS = "events/"
EVENT_NEWS = "events/news/"
SITE_CALENDAR = "calendar.ics"
EVENT_FACETS = ("category", "audience", "org", "street")
EVENT_RESERVED = ("calendar", "news", "past", *EVENT_FACETS)
"""Folders under ``events/`` that are not event ids."""


def event(event_id: str) -> str:
    return f"events/{event_id}/"


def event_ics(event_id: str) -> str:
    return f"events/{event_id}/event.ics"


def event_filter(facet: str, slug: str) -> str:
    return f"events/{facet}/{slug}/"


def event_month(year: int, month: int) -> str:
    return f"events/calendar/{year:04d}/{month:02d}/"


def events_past(year: int) -> str:
    return f"events/past/{year:04d}/"


def org_calendar(org_id: str) -> str:
    return f"orgs/{org_id}/calendar.ics"


TRAININGS = "training/"


def training(training_id: str) -> str:
    return f"training/{training_id}/"


STORIES = "stories/"
SHOWCASE = "showcase/"
FEED = "feed.xml"


def story(slug: str) -> str:
    """A story (Material blog post, ``post_url_format: "{slug}"``)."""
    return f"stories/{slug}/"


def story_category(slug: str) -> str:
    """A category page of the stories (``categories_url_format: "category/{slug}"``)."""
    return f"stories/category/{slug}/"


DATA = "data/"
STATS = "stats/"


def stats_year(year: int) -> str:
    return f"stats/{year:04d}/"


def stats_workbook(year: int) -> str:
    """The year's tables as an Excel workbook, beside its page."""
    return f"stats/{year:04d}.xlsx"


@functools.lru_cache(maxsize=None)
def text_slug(text: str) -> str:
    """ASCII slug for a Chinese name (``马尚街道`` -> ``mashang-jiedao``), for shareable URLs."""
    from pypinyin import lazy_pinyin  # its dictionaries take 0.2 s to load: only when a page needs a slug

    words = lazy_pinyin(text, errors=lambda chars: [c for c in chars])
    joined = "".join(words).lower()
    joined = re.sub(r"jiedao$", "-jiedao", joined)
    joined = re.sub(r"shequ$", "-shequ", joined)
    slug = re.sub(r"[^a-z0-9]+", "-", joined).strip("-")
    return slug or "x"
