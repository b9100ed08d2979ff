"""What is already known to take place at a venue: shown by week, and handed to the request form.

A booking is anything with a start, an end, a title and (perhaps) a page; the
column's events become bookings in :func:`by_venue`, the only place that reads
the event model.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Iterable

from ..model.event import Event, occurrences
from . import urls, when

WEEKS_SHOWN = 8
BUSY_DAYS = 366
"""How far ahead the request form knows busy slots (for its overlap warning)."""


@dataclasses.dataclass(frozen=True)
class Booking:
    """A known use of a venue, in local (Asia/Shanghai) wall-clock time."""

    start: dt.datetime
    end: dt.datetime
    title: str
    url: str | None = None
    """Site-relative URL of the event's page."""
    all_day: bool = False
    """Then ``end`` is the midnight after the last day."""

    @property
    def last_day(self) -> dt.date:
        """The last day the booking touches (an end at midnight belongs to the day before)."""
        return max(self.start, self.end - dt.timedelta(minutes=1)).date()

    @property
    def label(self) -> str:
        """``12 月 2 日（周三）14:30–16:30``, ``12 月 19 日（周六）全天``…"""
        return when.span_label(self.start, self.end, self.all_day, year=False)

    def days(self) -> list[tuple[dt.date, dt.time, dt.time]]:
        """The booking cut into one (day, from, to) piece per calendar day it touches."""
        pieces = []
        day = self.start.date()
        while day <= self.last_day:
            begin = self.start.time() if day == self.start.date() else dt.time(0, 0)
            finish = self.end.time() if day == self.end.date() else dt.time(23, 59)
            pieces.append((day, begin, finish))
            day += dt.timedelta(days=1)
        return pieces


@dataclasses.dataclass(frozen=True)
class Week:
    monday: dt.date
    bookings: tuple[Booking, ...]

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)


def by_venue(events: Iterable[Event]) -> dict[str, list[Booking]]:
    """Each venue's bookings: the occurrences of the events held there, cancelled ones left out."""
    result: dict[str, list[Booking]] = {}
    for occ in occurrences(events):
        if occ.event.venue and _takes_place(occ.event):
            result.setdefault(occ.event.venue, []).append(
                Booking(_local(occ.start), _local(occ.end), occ.event.title, urls.event(occ.event.id),
                        occ.event.all_day))
    return result


def _takes_place(event: Event) -> bool:
    """Not cancelled, and not postponed to a time still unknown (the old slot is free then)."""
    return not event.cancelled and not (event.postponed and event.postponed_start is None)


def _local(value: dt.datetime) -> dt.datetime:
    """Wall-clock time in Asia/Shanghai (UTC+8 all year: no daylight saving since 1991)."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone(dt.timedelta(hours=8)))
    return value.replace(tzinfo=None)


def weeks(bookings: Iterable[Booking], today: dt.date, count: int = WEEKS_SHOWN) -> list[Week]:
    """The ``count`` weeks (Monday to Sunday) from the one holding ``today``, each with its bookings."""
    first = today - dt.timedelta(days=today.weekday())
    result = []
    for n in range(count):
        monday = first + dt.timedelta(weeks=n)
        sunday = monday + dt.timedelta(days=6)
        inside = tuple(b for b in bookings if b.last_day >= max(monday, today) and b.start.date() <= sunday)
        result.append(Week(monday, inside))
    return result


def busy_slots(bookings: Iterable[Booking], today: dt.date, days: int = BUSY_DAYS) -> list[dict[str, str]]:
    """Busy (date, start, end, title) slots from ``today`` on, as the request form reads them."""
    last = today + dt.timedelta(days=days)
    return [{"date": day.isoformat(), "start": f"{begin:%H:%M}", "end": f"{finish:%H:%M}", "title": b.title}
            for b in bookings for day, begin, finish in b.days() if today <= day <= last]
