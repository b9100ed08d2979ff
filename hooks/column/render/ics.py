"""iCalendar (RFC 5545) files for any list of events, written with the ``icalendar`` library.

Stable by construction: the UID is ``<event-id>@<site host and path>`` (two columns
mirrored on one host never share UIDs), DTSTAMP comes
from the record (:attr:`Event.stamp`), SEQUENCE counts the plan's changes
(:attr:`Event.changes`), so rebuilding the same data gives the same bytes and
calendar apps replace their copy when the plan changes. Subscribed apps are told to
fetch again every :data:`REFRESH` (RFC 7986 ``REFRESH-INTERVAL;VALUE=DURATION`` and
Outlook's ``X-PUBLISHED-TTL``), so a cancellation reaches them within half a day.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Any, Iterable
from urllib.parse import urlsplit

import icalendar

from ..clock import TZ
from ..model.event import CANCELLED, POSTPONED, Event, nth_weekday, recurrence
from . import urls
from .env import Settings

if TYPE_CHECKING:
    from ..catalog import Catalog

PRODID = "-//女性社会组织专栏//column//ZH"
_TZ_FROM = dt.date(2000, 1, 1)
"""Fixed start of the VTIMEZONE rules (not the build date, so the file stays the same)."""
_RRULE_FREQ = {"每周": "WEEKLY", "每月": "MONTHLY", "每月第几个星期几": "MONTHLY"}
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
REFRESH = dt.timedelta(hours=12)
"""How often a subscribed calendar app should fetch a calendar again: the site is rebuilt daily."""


def calendar(name: str, events: Iterable[Event], catalog: Catalog, settings: Settings,
             path: str = urls.SITE_CALENDAR) -> bytes:
    """A subscribable calendar called ``name``, published at ``path``, holding ``events`` (each once)."""
    return Writer(catalog, settings).calendar(name, events, path)


class Writer:
    """Writes many calendars over the same events, serializing each event's VEVENT only once.

    An event is in up to four calendars (its own, the site's, its organizers', its
    venue's); icalendar's serializer is the costly part, so each VEVENT's bytes are
    kept and spliced between the calendar's header and ``END:VCALENDAR``. The bytes
    are the same as icalendar writing the whole calendar at once.
    """

    def __init__(self, catalog: Catalog, settings: Settings) -> None:
        self._catalog, self._settings = catalog, settings
        self._host = scope(settings.site_url)
        self._blocks: dict[str, bytes] = {}

    def calendar(self, name: str, events: Iterable[Event], path: str) -> bytes:
        """The calendar published at ``path``; its UID comes from the path, which stays when names change."""
        head, end = header(name, calendar_uid(path, self._host), self._settings).to_ical().rsplit(b"END:VCALENDAR", 1)
        blocks = [self._block(event) for event in sorted(events, key=lambda e: (e.start, e.id))]
        return b"".join([head, _vtimezone(), *blocks, b"END:VCALENDAR", end])

    def _block(self, event: Event) -> bytes:
        if event.id not in self._blocks:
            self._blocks[event.id] = vevent(event, self._catalog, self._settings, self._host).to_ical()
        return self._blocks[event.id]


def header(name: str, cal_uid: str, settings: Settings) -> icalendar.Calendar:
    """The calendar's own properties; its VTIMEZONE always follows, so no calendar is ever empty (RFC 5545)."""
    cal = icalendar.Calendar.new(name=name, prodid=PRODID, uid=cal_uid, description=f"{settings.site_name}：{name}",
                                 calscale="GREGORIAN", method="PUBLISH")
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", icalendar.vDuration(REFRESH).to_ical().decode())
    cal.add("x-wr-timezone", TZ.key)
    return cal


def scope(site_url: str) -> str:
    """``https://example.github.io/women-orgs-column/`` -> ``example.github.io/women-orgs-column``: the part
    of every UID that tells this column from another one on the same host."""
    parts = urlsplit(site_url)
    return (parts.hostname or "localhost") + parts.path.rstrip("/")


@functools.lru_cache(maxsize=1)
def _vtimezone() -> bytes:
    """The VTIMEZONE of Asia/Shanghai, computed once: icalendar takes ~40 ms to derive it, per calendar."""
    return icalendar.Timezone.from_tzid(TZ.key, first_date=_TZ_FROM).to_ical()


def calendar_uid(path: str, host: str) -> str:
    """``orgs/duocai/calendar.ics`` -> ``orgs-duocai-calendar@host``."""
    return re.sub(r"[^a-z0-9]+", "-", path.removesuffix(".ics").lower()).strip("-") + f"@{host}"


def uid(event: Event, host: str) -> str:
    return f"{event.id}@{host}"


def vevent(event: Event, catalog: Catalog, settings: Settings, host: str) -> icalendar.Event:
    start, end = _value(event, event.planned_start), _value(event, event.planned_end)
    item = icalendar.Event.new(
        uid=uid(event, host), stamp=event.stamp.astimezone(dt.timezone.utc), start=start, end=end,
        summary=summary(event), sequence=event.changes, status=_status(event),
        location=location(event, catalog), url=urls.absolute(settings.site_url, urls.event(event.id)),
        description=description(event, catalog, settings), categories=[event.category],
        last_modified=event.stamp.astimezone(dt.timezone.utc),
    )
    if event.repeat:
        item.add("rrule", rrule(event))
        skipped = _skipped(event)
        if skipped:
            item.add("exdate", skipped)
    return item


def summary(event: Event) -> str:
    if event.cancelled:
        return f"【已取消】{event.title}"
    if event.postponed:
        return f"【延期】{event.title}"
    return event.title


def _status(event: Event) -> str:
    if event.status == CANCELLED:
        return "CANCELLED"
    if event.status == POSTPONED and not event.postponed_start:
        return "TENTATIVE"
    return "CONFIRMED"


def _value(event: Event, moment: dt.datetime) -> dt.date | dt.datetime:
    return moment.date() if event.all_day else moment


def rrule(event: Event) -> dict[str, Any]:
    repeat = event.repeat
    rule: dict[str, Any] = {"freq": _RRULE_FREQ[repeat.every]}
    if repeat.interval > 1:
        rule["interval"] = repeat.interval
    if repeat.every == "每月":
        rule["bymonthday"] = event.start.day
    elif repeat.every == "每月第几个星期几":
        rule["byday"] = f"{nth_weekday(event.start)}{_WEEKDAYS[event.start.weekday()]}"
    if repeat.count:
        rule["count"] = repeat.count
    elif event.all_day:
        rule["until"] = repeat.until
    else:
        last = dt.datetime.combine(repeat.until, dt.time(23, 59, 59), TZ)
        rule["until"] = last.astimezone(dt.timezone.utc)
    return rule


def _skipped(event: Event) -> list[dt.date | dt.datetime]:
    """EXDATE values: the skipped days at the series' start time (RFC 5545 matches them exactly)."""
    planned = {moment.date() for moment in recurrence(event.repeat, event.start.replace(tzinfo=None))}
    clock = event.start.timetz()
    days = [day for day in event.repeat.skip if day in planned]
    return [day if event.all_day else dt.datetime.combine(day, clock) for day in sorted(days)]


def location(event: Event, catalog: Catalog) -> str | None:
    venue = catalog.venue.get(event.venue) if event.venue else None
    place = f"{venue.name}（{venue.address}）" if venue else event.address
    if place and event.online:
        return f"{place}；线上：{event.online}"
    return place or event.online


def description(event: Event, catalog: Catalog, settings: Settings) -> str:
    orgs = [catalog.org[o].name for o in event.organizers if o in catalog.org]
    lines = []
    if event.cancelled:
        lines.append(f"活动已取消：{event.status_reason or ''}".rstrip("："))
    elif event.postponed:
        lines.append("活动延期" + ("" if event.postponed_start else "，新时间另行通知")
                     + (f"：{event.status_reason}" if event.status_reason else ""))
    lines.append(event.description.strip())
    if orgs:
        lines.append("主办：" + "、".join(orgs))
    reg = event.registration
    if reg and (reg.link or reg.phone):
        lines.append("报名：" + " ".join(x for x in (reg.link, reg.phone) if x))
    lines.append("详情：" + urls.absolute(settings.site_url, urls.event(event.id)))
    return "\n\n".join(lines)
