"""The subscribable calendars: the whole site, each organization, each venue and each event."""
from __future__ import annotations

from ..model.event import Event
from . import ics, urls
from .events import EventView
from .page import Asset


def assets(v: EventView) -> list[Asset]:
    events = list(v.catalog.event.values())
    found = [Asset(urls.SITE_CALENDAR, _cal(v, f"{v.settings.site_name} · 全部活动", events))]
    for org in v.catalog.org.values():
        mine = [e for e in events if org.id in e.organizers]
        found.append(Asset(urls.org_calendar(org.id), _cal(v, f"{org.short_name} · 活动", mine)))
    for venue in v.catalog.venue.values():
        here = [e for e in events if e.venue == venue.id]
        found.append(Asset(urls.venue_calendar(venue.id), _cal(v, f"{venue.name} · 场地活动", here)))
    found += [Asset(urls.event_ics(e.id), _cal(v, e.title, [e])) for e in events]
    return found


def _cal(v: EventView, name: str, events: list[Event]) -> bytes:
    return ics.calendar(name, events, v.catalog, v.settings)
