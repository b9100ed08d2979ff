"""Rules between events and the venues they use: capacity, opening hours, double bookings."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..kinds import Context
from ..model.event import Event, Occurrence, events_by_venue, occurrences
from ..model.venue import Venue
from .event import report
from .venue_request import within_hours

if TYPE_CHECKING:
    from ..catalog import Catalog


def check(catalog: Catalog, ctx: Context) -> None:
    """Run after references were checked, so every venue named here exists."""
    events: dict[str, Event] = catalog.records.get("event", {})
    venues: dict[str, Venue] = catalog.records.get("venue", {})
    for event in events.values():
        venue = venues.get(event.venue) if event.venue else None
        if venue:
            _capacity(catalog, ctx, event, venue)
            _hours(catalog, ctx, event, venue)
    for venue_id, here in sorted(events_by_venue(events.values()).items()):
        if venue_id in venues:
            _overlaps(catalog, ctx, occurrences(here), venues[venue_id])


def _source(catalog: Catalog, event: Event):
    return catalog.sources[("event", event.id)]


def _capacity(catalog: Catalog, ctx: Context, event: Event, venue: Venue) -> None:
    if event.capacity and event.capacity > venue.capacity:
        report(ctx, _source(catalog, event), ("capacity",),
               f"名额 {event.capacity} 人超过场地“{venue.name}”的容纳人数 {venue.capacity} 人",
               f"请把 capacity 改为不超过 {venue.capacity}，或换一个更大的场地。")


def _hours(catalog: Catalog, ctx: Context, event: Event, venue: Venue) -> None:
    """An event outside the venue's opening hours is a warning (staff may have arranged it).

    Only single-day timed occurrences are checked: a multi-day course keeps its own daily hours.
    """
    for occ in occurrences([event]):
        if event.cancelled or event.all_day or _multi_day(occ) or _within_hours(occ, venue):
            continue
        hours = "；".join(h.label() for h in venue.hours)
        report(ctx, _source(catalog, event), ("start",),
               f"{occ.start:%Y-%m-%d %H:%M} 不在场地“{venue.name}”的开放时间内（{hours}）",
               "请与场地管理人确认可以使用，或调整活动时间。", warn=True)
        return


def _multi_day(occ: Occurrence) -> bool:
    return occ.start.date() != (occ.end - occ.end.resolution).date()


def _within_hours(occ: Occurrence, venue: Venue) -> bool:
    return within_hours(venue, occ.start.date(), occ.start.time(), occ.end.time())


def _overlaps(catalog: Catalog, ctx: Context, booked: list[Occurrence], venue: Venue) -> None:
    """Two events (not cancelled) at one venue at the same time: warn on the later file."""
    active = [o for o in booked if not o.event.cancelled]
    warned: set[tuple[str, str]] = set()
    for n, first in enumerate(active):
        for second in active[n + 1:]:
            if second.start >= first.end:
                break
            pair = tuple(sorted((first.event.id, second.event.id)))
            if first.event.id == second.event.id or pair in warned:
                continue
            warned.add(pair)
            later, other = (second, first) if second.event.id > first.event.id else (first, second)
            report(ctx, _source(catalog, later.event), ("venue",),
                   f"与活动 {other.event.id}（{other.event.title}）在“{venue.name}”的时间重叠："
                   f"{max(first.start, second.start):%Y-%m-%d %H:%M} 起",
                   "请确认场地能否同时容纳两场活动，或调整其中一场的时间或场地。", warn=True)
