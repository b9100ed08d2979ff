"""Past events by year (``/events/past/<yyyy>/``) and the 最新动态 list (``/events/news/``)."""
from __future__ import annotations

import itertools

from ..model.event import Event, Occurrence
from . import news, urls
from .events import EventView
from .page import Page

NEWS_SHOWN = 100


def pages(v: EventView) -> list[Page]:
    result = [_year(v, year) for year in v.past_years]
    result.append(_news(v))
    return result


def past_by_event(occs: list[Occurrence]) -> list[tuple[Event, list[Occurrence]]]:
    """Ended occurrences gathered per event (a weekly series is one entry), latest first."""
    ordered = sorted(occs, key=lambda o: o.event.id)
    grouped = [(event, list(group)) for event, group in itertools.groupby(ordered, key=lambda o: o.event)]
    return sorted(grouped, key=lambda pair: (pair[1][-1].start, pair[0].id), reverse=True)


def _year(v: EventView, year: int) -> Page:
    url = urls.events_past(year)
    ended = [o for o in v.all if o.start.year == year and o.end <= v.now]
    entries = past_by_event(ended)
    body = v.render("events_past.html", url, year=year, entries=entries, years=v.past_years)
    return Page(url, f"往期活动 · {year} 年", body, f"{year} 年已举行的 {len(entries)} 项活动。")


def _news(v: EventView) -> Page:
    found = news.items(v.catalog.event.values(), v.now)[:NEWS_SHOWN]
    body = v.render("events_news.html", urls.EVENT_NEWS, items=found)
    return Page(urls.EVENT_NEWS, "最新动态", body, "各组织活动的最新讯息和活动回顾。")
