"""The subscribable calendars: the whole site, each organization, each venue and each event."""
from __future__ import annotations

from ..model.event import by_organizer, events_by_venue
from . import ics, urls
from .events import EventView
from .page import Asset


def assets(v: EventView) -> list[Asset]:
    events = list(v.catalog.event.values())
    of_org, at_venue = by_organizer(events), events_by_venue(events)
    writer = ics.Writer(v.catalog, v.settings)
    named = [(urls.SITE_CALENDAR, f"{v.settings.site_name} · 全部活动", events)]
    named += [(urls.org_calendar(org.id), f"{org.short_name} · 活动", of_org.get(org.id, [])) for org in v.catalog.org.values()]
    named += [(urls.venue_calendar(venue.id), f"{venue.name} · 场地活动", at_venue.get(venue.id, []))
              for venue in v.catalog.venue.values()]
    named += [(urls.event_ics(e.id), e.title, [e]) for e in events]
    return [Asset(path, writer.calendar(name, chosen, path)) for path, name, chosen in named]
