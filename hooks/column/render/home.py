"""The home page ``/``: what is on, what is new, who does what — on one phone screen.

A reader lands here from a WeChat article: the staff announcement first, then
the entry tiles, the events of the next two weeks, the latest 活动讯息 and
the featured stories. Each list is short; everything links onwards.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Iterable

from ..config import Announcement
from ..model.event import Occurrence
from ..model.story import Story
from . import news, urls
from .events import EventView
from .markup import safe_url
from .page import Page

UPCOMING_DAYS = 14
UPCOMING_MAX = 6
NEWS_MAX = 5
STORIES_MAX = 3


@dataclasses.dataclass(frozen=True)
class Tile:
    label: str
    hint: str
    url: str


TILES = (
    Tile("找组织", "组织名录与档案", urls.ORG_DIRECTORY),
    Tile("看活动", "活动预告与讯息", urls.EVENTS),
    Tile("场地申请", "扫码申请活动场地", urls.VENUES),
    Tile("在线培训", "能力培训在线视听", urls.TRAININGS),
)
"""The sections; a tile shows only when its page is published."""


@dataclasses.dataclass(frozen=True)
class Notice:
    """The announcement as the home page shows it."""

    text: str
    href: str | None
    until: str | None


def notice(note: Announcement | None, today: dt.date, page_url: str = "") -> Notice | None:
    """The announcement unless it expired by the build's clock (``until`` is the last day shown)."""
    if not note or (note.until and dt.date.fromisoformat(note.until) < today):
        return None
    href = None
    if note.link:
        href = safe_url(note.link) if "://" in note.link else urls.rel(page_url, note.link.lstrip("/"))
    return Notice(note.text, href, note.until)


def featured(stories: tuple[Story, ...]) -> list[Story]:
    """Stories marked ``featured``, newest first; the latest ones when none is."""
    chosen = [s for s in stories if s.featured] or list(stories)
    return chosen[:STORIES_MAX]


def next_two_weeks(v: EventView) -> list[Occurrence]:
    """Occurrences not yet ended that start before the end of the fourteenth day from now."""
    last = dt.datetime.combine(v.now.date() + dt.timedelta(days=UPCOMING_DAYS), dt.time.max, v.now.tzinfo)
    return [o for o in v.all if o.end > v.now and o.start <= last]


def page(v: EventView, note: Announcement | None, stories: tuple[Story, ...], published: Iterable[str]) -> Page:
    """``published``: URLs of every page the site has, so that no tile leads nowhere."""
    present = set(published)
    today = v.now.date()
    body = v.render("home.html", "", notice=notice(note, today), tiles=[t for t in TILES if t.url in present],
                    upcoming=next_two_weeks(v)[:UPCOMING_MAX], days=UPCOMING_DAYS,
                    news=news.items(v.catalog.event.values(), v.now)[:NEWS_MAX], stories=featured(stories),
                    has_events=urls.EVENTS in present, has_news=urls.EVENT_NEWS in present)
    return Page("", v.settings.site_name, body, "区妇联女性社会组织工作专栏：找组织、看活动、场地申请、在线培训、风采展示",
                hide=("toc", "navigation"))
