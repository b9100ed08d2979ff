"""The subscribable calendars: the whole site, each organization, each venue and each event."""
from __future__ import annotations

from collections import defaultdict

from ..model.event import Event
from . import ics, urls
from .events import EventView
from .page import Asset


def assets(v: EventView) -> list[Asset]:
    events = list(v.catalog.event.values())
    by_org: dict[str, list[Event]] = defaultdict(list)
    by_venue: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        for org_id in dict.fromkeys(event.organizers):
            by_org[org_id].append(event)
        if event.venue:
            by_venue[event.venue].append(event)
    writer = ics.Writer(v.catalog, v.settings)
    named = [(urls.SITE_CALENDAR, f"{v.settings.site_name} · 全部活动", events)]
    named += [(urls.org_calendar(org.id), f"{org.short_name} · 活动", by_org[org.id]) for org in v.catalog.org.values()]
    named += [(urls.venue_calendar(venue.id), f"{venue.name} · 场地活动", by_venue[venue.id])
              for venue in v.catalog.venue.values()]
    named += [(urls.event_ics(e.id), e.title, [e]) for e in events]
    return [Asset(path, writer.calendar(name, chosen, path)) for path, name, chosen in named]
