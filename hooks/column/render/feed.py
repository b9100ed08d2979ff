"""``/feed.xml``: one Atom feed of stories and event news (活动讯息), newest first.

Written with ``feedgenerator`` (Django's feed writer as a standalone package,
the one Pelican uses), so escaping and the Atom structure are not hand-made.
Entry times come from the data and ids are ``tag:`` URIs built from the
record, so rebuilding the same data gives the same file. The feed and every
entry name the column as author (RFC 4287 requires one; the W3C validator checks it).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Iterable
from urllib.parse import urlsplit

from feedgenerator import Atom1Feed
from markupsafe import escape

from ..model.event import Event
from ..model.story import Story
from . import news, urls
from .env import Settings
from .page import Asset

MAX_ENTRIES = 50
EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
"""The feed's ``updated`` when it has no entry (never the build clock)."""


@dataclasses.dataclass(frozen=True)
class Entry:
    id: str
    """Path part of the ``tag:`` URI, stable across builds."""
    time: dt.datetime
    title: str
    summary: str
    url: str
    """Site-relative URL of the page the entry opens."""
    category: str


class _Feed(Atom1Feed):
    def latest_post_date(self) -> dt.datetime:
        return max((item["updateddate"] or item["pubdate"] for item in self.items), default=EPOCH)


def entries(stories: Iterable[Story], events: Iterable[Event], now: dt.datetime) -> list[Entry]:
    """Stories and published news items, newest first; ties broken by id so the order is stable."""
    found = [Entry(f"story/{s.id}", s.published, s.title, s.description, urls.story(s.id), "故事") for s in stories]
    found += [Entry(f"event/{i.id}", i.time, i.title, i.summary, i.url, "活动讯息") for i in news.items(events, now)]
    return sorted(found, key=lambda e: (e.time, e.id), reverse=True)[:MAX_ENTRIES]


def atom(items: list[Entry], settings: Settings) -> bytes:
    site = settings.site_url
    feed = _Feed(title=settings.site_name, link=site, description="故事与活动讯息", language="zh-CN",
                 feed_url=urls.absolute(site, urls.FEED), feed_guid=_tag(site, "feed"),
                 author_name=settings.site_name, author_link=site)
    for item in items:
        feed.add_item(title=item.title, link=urls.absolute(site, item.url), description=str(escape(item.summary)),
                      unique_id=_tag(site, item.id), pubdate=item.time, updateddate=item.time,
                      categories=[item.category], author_name=settings.site_name, author_link=site)
    return feed.writeString("utf-8").encode("utf-8")


def asset(stories: Iterable[Story], events: Iterable[Event], settings: Settings, now: dt.datetime) -> Asset:
    return Asset(urls.FEED, atom(entries(stories, events, now), settings))


def _tag(site_url: str, specific: str) -> str:
    """``tag:example.github.io,2026:women-orgs-column/story/x`` (RFC 4151): an id that is not a URL to fetch."""
    parts = urlsplit(site_url)
    path = parts.path.strip("/")
    return f"tag:{parts.hostname},2026:{path + '/' if path else ''}{specific}"
