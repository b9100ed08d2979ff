"""The event record, normalized, and its occurrences (recurrences expanded).

Pages and calendars read :func:`occurrences`; only the ICS writer reads
``Event.repeat`` itself (to write RRULE/EXDATE instead of copies).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Callable, Iterable, TypeVar

from dateutil import rrule

from ..clock import TZ
from ..validate import parse_local_datetime
from .common import Image, Origin, images

T = TypeVar("T")

SCHEDULED, POSTPONED, CANCELLED = "如期", "延期", "取消"


@dataclasses.dataclass(frozen=True)
class Repeat:
    every: str
    """每周 / 每月 / 每月第几个星期几 (``vocab.REPEATS``)."""
    interval: int
    until: dt.date | None
    count: int | None
    skip: tuple[dt.date, ...]


@dataclasses.dataclass(frozen=True)
class Registration:
    link: str | None
    phone: str | None
    deadline: dt.datetime | None
    fee: float | None
    note: str | None
    desk: bool = False
    """Sign-up happens on the column's desk (places held, waiting list, entry codes)."""
    places: int | None = None
    """Places per session on the desk (already defaulted to the event's capacity)."""
    party_max: int = 1
    """The largest party one person may sign up, herself included."""
    waitlist: bool = True
    """Whether the desk keeps a waiting list once the places are gone."""

    @property
    def free(self) -> bool:
        return not self.fee


@dataclasses.dataclass(frozen=True)
class Update:
    """One 活动讯息, with its position in the record for a stable id."""

    time: dt.datetime
    title: str | None
    text: str
    change: bool
    index: int


@dataclasses.dataclass(frozen=True)
class Recap:
    time: dt.datetime
    text: str
    served: int | None
    photos: tuple[Image, ...]


@dataclasses.dataclass(frozen=True)
class Event:
    """An activity announced by one or more organizations."""

    id: str
    origin: Origin
    title: str
    category: str
    description: str
    organizers: tuple[str, ...]
    """Org ids; the first hosts."""
    start: dt.datetime
    """Aware, Asia/Shanghai; for all-day events local midnight of the first day."""
    end: dt.datetime
    """Aware; for all-day events midnight after the last day (exclusive)."""
    all_day: bool
    repeat: Repeat | None
    venue: str | None
    address: str | None
    online: str | None
    audience: tuple[str, ...]
    capacity: int | None
    registration: Registration | None
    status: str
    """如期 / 延期 / 取消."""
    status_reason: str | None
    postponed_start: dt.datetime | None
    """The new start of a postponed event (None: new time not yet known)."""
    postponed_end: dt.datetime | None
    images: tuple[Image, ...]
    updates: tuple[Update, ...]
    """Newest first."""
    recap: Recap | None
    created: dt.datetime | None

    @property
    def host(self) -> str:
        return self.organizers[0]

    @property
    def cancelled(self) -> bool:
        return self.status == CANCELLED

    @property
    def postponed(self) -> bool:
        return self.status == POSTPONED

    @property
    def planned_start(self) -> dt.datetime:
        """When the (first) occurrence now takes place: the new time of a postponed event."""
        return self.postponed_start or self.start

    @property
    def planned_end(self) -> dt.datetime:
        if self.postponed_start:
            return self.postponed_end or self.postponed_start + (self.end - self.start)
        return self.end

    @property
    def changes(self) -> int:
        """How many times the plan changed: updates marked ``change`` plus a postponement or cancellation.

        Used as the ICS ``SEQUENCE`` so calendar apps replace their copy.
        """
        return sum(u.change for u in self.updates) + (self.status != SCHEDULED)

    @property
    def stamp(self) -> dt.datetime:
        """Last time the record's plan was published: latest update, else ``created``, else the start.

        Deterministic (never the build clock), so rebuilding the same data gives the same ICS.
        """
        if self.updates:
            return max(u.time for u in self.updates)
        return self.created or self.start


@dataclasses.dataclass(frozen=True)
class Occurrence:
    """One time an event takes place (a single event has one)."""

    event: Event
    start: dt.datetime
    end: dt.datetime
    index: int = 0
    """Position in the series, 0 for the first."""

    @property
    def key(self) -> str:
        """Stable anchor for this occurrence, e.g. ``2026-12-05``."""
        return self.start.date().isoformat()

    @property
    def session(self) -> str:
        """What sign-ups on the desk are held under: the date of a series' session, ``once`` for a single event
        (so that sign-ups stay with an event that is postponed)."""
        return self.key if self.event.repeat else ONCE


def occurrences(events: Iterable[Event], *, venue: str | None = None, org: str | None = None) -> list[Occurrence]:
    """Every occurrence of ``events`` (optionally of one venue or one organizer), sorted by start.

    Recurrences are expanded and skipped dates left out; cancelled events stay in
    (their ``event.status`` says so) because their pages and URLs stay.
    """
    found = [occ for event in events
             if (venue is None or event.venue == venue) and (org is None or org in event.organizers)
             for occ in expand(event)]
    return sorted(found, key=lambda o: (o.start, o.end, o.event.id))


def by_organizer(items: Iterable[T], event_of: Callable[[T], Event] = lambda item: item) -> dict[str, list[T]]:
    """``items`` (events, or occurrences with ``event_of``) under each organizer of their event, in their order."""
    found: dict[str, list[T]] = {}
    for item in items:
        for org_id in dict.fromkeys(event_of(item).organizers):
            found.setdefault(org_id, []).append(item)
    return found


ONCE = "once"


def events_by_venue(events: Iterable[Event]) -> dict[str, list[Event]]:
    """The events held at each venue (by venue id), in their order."""
    found: dict[str, list[Event]] = {}
    for event in events:
        if event.venue:
            found.setdefault(event.venue, []).append(event)
    return found


def expand(event: Event) -> list[Occurrence]:
    length = event.planned_end - event.planned_start
    return [Occurrence(event, start, start + length, n) for n, start in enumerate(starts(event))]


def starts(event: Event) -> list[dt.datetime]:
    """Start of each occurrence, as aware local datetimes."""
    if not event.repeat:
        return [event.planned_start]
    first = event.start.replace(tzinfo=None)
    skipped = set(event.repeat.skip)
    return [moment.replace(tzinfo=TZ) for moment in recurrence(event.repeat, first) if moment.date() not in skipped]


def recurrence(repeat: Repeat, first: dt.datetime) -> rrule.rrule:
    """The dateutil rule of a series starting at the naive local ``first``."""
    until = dt.datetime.combine(repeat.until, dt.time(23, 59, 59)) if repeat.until else None
    options: dict[str, Any] = {"dtstart": first, "interval": repeat.interval, "until": until, "count": repeat.count}
    if repeat.every == "每周":
        return rrule.rrule(rrule.WEEKLY, **options)
    if repeat.every == "每月":
        return rrule.rrule(rrule.MONTHLY, bymonthday=first.day, **options)
    return rrule.rrule(rrule.MONTHLY, byweekday=rrule.weekday(first.weekday(), nth_weekday(first)), **options)


def nth_weekday(day: dt.date) -> int:
    """1 for the first Saturday of its month … 4; -1 for a fifth one (the last)."""
    n = (day.day - 1) // 7 + 1
    return -1 if n == 5 else n


# --- building from validated YAML -------------------------------------------------


def parse_local(text: str) -> tuple[dt.datetime, bool]:
    """``"2026-12-05 14:30"`` -> (aware datetime, False); ``"2026-12-05"`` -> (midnight, True)."""
    if " " in text.strip():
        return parse_local_datetime(text.strip()).replace(tzinfo=TZ), False
    return dt.datetime.combine(dt.date.fromisoformat(text), dt.time(), TZ), True


def span(start_text: str, end_text: str | None) -> tuple[dt.datetime, dt.datetime, bool]:
    """(start, end, all_day); an all-day end is the midnight after the last day."""
    start, all_day = parse_local(start_text)
    if all_day:
        last = parse_local(end_text)[0] if end_text else start
        return start, last + dt.timedelta(days=1), True
    end = parse_local(end_text)[0] if end_text else start + dt.timedelta(hours=2)
    return start, end, False


def build(record_id: str, origin: Origin, raw: dict[str, Any]) -> Event:
    """Turn a record that passed the schema into an :class:`Event`."""
    start, end, all_day = span(raw["start"], raw.get("end"))
    moved = raw.get("postponed_to")
    new_start, new_end, _ = span(moved["start"], moved.get("end")) if moved else (None, None, None)
    updates = [_update(n, u) for n, u in enumerate(raw.get("updates", ()))]
    event = Event(
        id=record_id, origin=origin, title=raw["title"], category=raw["category"], description=raw["description"],
        organizers=tuple(raw["organizers"]), start=start, end=end, all_day=all_day,
        repeat=_repeat(raw.get("repeat")), venue=raw.get("venue"), address=raw.get("address"),
        online=raw.get("online"), audience=tuple(raw["audience"]), capacity=raw.get("capacity"),
        registration=_registration(raw.get("registration"), raw.get("capacity")), status=raw.get("status", SCHEDULED),
        status_reason=raw.get("status_reason"), postponed_start=new_start, postponed_end=new_end,
        images=images(raw.get("images")), updates=tuple(sorted(updates, key=lambda u: (u.time, u.index), reverse=True)),
        recap=None, created=_moment(raw.get("created")),
    )
    if not raw.get("recap"):
        return event
    held = expand(event)
    return dataclasses.replace(event, recap=_recap(raw["recap"], held[-1].end if held else event.planned_end))


def _moment(text: str | None) -> dt.datetime | None:
    return parse_local(text)[0] if text else None


def _repeat(raw: dict[str, Any] | None) -> Repeat | None:
    if not raw:
        return None
    return Repeat(raw["every"], raw.get("interval", 1), dt.date.fromisoformat(raw["until"]) if "until" in raw else None,
                  raw.get("count"), tuple(dt.date.fromisoformat(d) for d in raw.get("skip", ())))


def _registration(raw: dict[str, Any] | None, capacity: int | None) -> Registration | None:
    if not raw:
        return None
    desk = bool(raw.get("desk", False))
    return Registration(raw.get("link"), raw.get("phone"), _moment(raw.get("deadline")), raw.get("fee"), raw.get("note"),
                        desk=desk, places=raw.get("places", capacity) if desk else None,
                        party_max=raw.get("party_max", 1), waitlist=raw.get("waitlist", True))


def _update(index: int, raw: dict[str, Any]) -> Update:
    return Update(_moment(raw["time"]), raw.get("title"), raw["text"], raw.get("change", False), index)


def _recap(raw: dict[str, Any], ended: dt.datetime) -> Recap:
    return Recap(_moment(raw.get("time")) or ended, raw["text"], raw.get("served"), images(raw.get("photos")))
