"""Month grids (``/events/calendar/<yyyy>/<mm>/``): weeks from Monday, today marked, previous/next."""
from __future__ import annotations

import calendar
import dataclasses
import datetime as dt

from ..model.event import Occurrence
from . import urls
from .events import EventView
from .page import Page

WEEKDAY_HEADS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
_WEEKS = calendar.Calendar(firstweekday=calendar.MONDAY)


@dataclasses.dataclass(frozen=True)
class Cell:
    day: dt.date
    in_month: bool
    entries: tuple[tuple[Occurrence, bool], ...]
    """(occurrence, continued): ``continued`` when it began on an earlier day."""


NEAR_MONTHS = 24
"""Within this many months of today every month has its page; further away only months with events
(an event written for 2100 must not make nine hundred empty month pages)."""


def months(occs: list[Occurrence], today: dt.date) -> list[tuple[int, int]]:
    """Every month with events, the current one, and every month between them near today."""
    marked = {(today.year, today.month)} | {(day.year, day.month) for occ in occs for day in days_of(occ)}
    start, end = _step(today.year, today.month, -NEAR_MONTHS), _step(today.year, today.month, NEAR_MONTHS)
    year, month = max(min(marked), start)
    last = min(max(marked), end)
    while (year, month) <= last:
        marked.add((year, month))
        year, month = _step(year, month, 1)
    return sorted(marked)


def _step(year: int, month: int, months_ahead: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months_ahead
    return index // 12, index % 12 + 1


def days_of(occ: Occurrence) -> list[dt.date]:
    """The local days an occurrence touches (an event ending at 00:30 touches the next day)."""
    last = (occ.end - dt.timedelta(microseconds=1)).date()
    count = max(0, (last - occ.start.date()).days)
    return [occ.start.date() + dt.timedelta(days=n) for n in range(count + 1)]


def grid(year: int, month: int, occs: list[Occurrence]) -> list[list[Cell]]:
    """Weeks (Monday first) of cells; each cell lists the occurrences on that day."""
    on: dict[dt.date, list[tuple[Occurrence, bool]]] = {}
    for occ in occs:
        for day in days_of(occ):
            on.setdefault(day, []).append((occ, day != occ.start.date()))
    return [[Cell(day, day.month == month, tuple(on.get(day, ())) if day.month == month else ())
             for day in week] for week in _WEEKS.monthdatescalendar(year, month)]


def pages(v: EventView) -> list[Page]:
    occs = list(v.all)
    found = months(occs, v.now.date())
    touching: dict[tuple[int, int], list[Occurrence]] = {}
    for occ in occs:
        for key in dict.fromkeys((day.year, day.month) for day in days_of(occ)):
            touching.setdefault(key, []).append(occ)
    result = []
    for n, (year, month) in enumerate(found):
        prev = found[n - 1] if n else None
        nxt = found[n + 1] if n + 1 < len(found) else None
        result.append(_page(v, year, month, touching.get((year, month), []), prev, nxt))
    return result


def _page(v: EventView, year: int, month: int, listed: list[Occurrence], prev, nxt) -> Page:
    """The month's page; ``listed``: the occurrences touching the month, by start."""
    url = urls.event_month(year, month)
    weeks = grid(year, month, listed)
    body = v.render("events_month.html", url, year=year, month=month, weeks=weeks, heads=WEEKDAY_HEADS,
                    listed=listed, prev=prev, next=nxt)
    title = f"活动月历 · {year} 年 {month} 月"
    return Page(url, title, body, f"{year} 年 {month} 月的 {len(listed)} 场活动。",
                names=(f"{year}年{month}月", f"{month}月"))
