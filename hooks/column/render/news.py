"""最新动态: every event update and recap as a news item, newest first (also the site feed's data)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import html
from typing import Iterable

import nh3

from ..model.event import Event, Recap, Update
from . import markup, urls

SUMMARY_CHARS = 120


@dataclasses.dataclass(frozen=True)
class NewsItem:
    """One piece of news; what the feed (``/feed.xml``) and the 最新动态 page show."""

    id: str
    """Stable across builds: ``<event-id>/update-<yyyymmddThhmm>`` or ``<event-id>/recap``."""
    time: dt.datetime
    """Aware (Asia/Shanghai)."""
    title: str
    summary: str
    """Plain text, at most ``SUMMARY_CHARS`` characters."""
    url: str
    """Site-relative URL of the page (with its anchor), e.g. ``events/duocai/#update-20261205T0930``."""
    event: Event
    kind: str
    """``update`` or ``recap``."""


def items(events: Iterable[Event], now: dt.datetime | None = None) -> list[NewsItem]:
    """Every update and recap of ``events`` (published by ``now`` when given), newest first."""
    found: list[NewsItem] = []
    for event in events:
        found += [_from_update(event, u) for u in event.updates]
        if event.recap:
            found.append(_from_recap(event, event.recap))
    if now is not None:
        found = [item for item in found if item.time <= now]
    return sorted(found, key=lambda i: (i.time, i.id), reverse=True)


def update_anchor(update: Update) -> str:
    return f"update-{update.time:%Y%m%dT%H%M}"


def plain(text: str, limit: int = SUMMARY_CHARS) -> str:
    """Markdown reduced to one line of plain text."""
    words = html.unescape(nh3.clean(markup.to_html(text), tags=set())).split()
    flat = " ".join(words)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _from_update(event: Event, update: Update) -> NewsItem:
    anchor = update_anchor(update)
    title = f"{event.title}：{update.title}" if update.title else f"{event.title}：活动讯息"
    return NewsItem(f"{event.id}/{anchor}", update.time, title, plain(update.text),
                    f"{urls.event(event.id)}#{anchor}", event, "update")


def _from_recap(event: Event, recap: Recap) -> NewsItem:
    served = f"服务 {recap.served:,} 人次。" if recap.served else ""
    return NewsItem(f"{event.id}/recap", recap.time, f"{event.title}：活动回顾", plain(served + recap.text),
                    f"{urls.event(event.id)}#recap", event, "recap")
