"""One page per event (``/events/<id>/``): every fact, its dates, updates, recap and JSON-LD."""
from __future__ import annotations

import datetime as dt

from ..model.event import Event, Occurrence, expand
from .calendar_month import days_of
from . import jsonld, urls, when
from .events import EventView
from .page import Page

NEXT_SHOWN = 8
"""How many coming dates of a regular event are listed."""


def page(v: EventView, event: Event) -> Page:
    url = urls.event(event.id)
    occs = expand(event)
    coming = [o for o in occs if o.end > v.now]
    shown = coming[0] if coming else occs[-1]
    organizers = [v.catalog.org[o] for o in event.organizers if o in v.catalog.org]
    venue = v.catalog.venue.get(event.venue) if event.venue else None
    body = v.render("event.html", url, event=event, shown=shown, coming=coming[:NEXT_SHOWN],
                    more=max(0, len(coming) - NEXT_SHOWN), held=len(occs) - len(coming), organizers=organizers,
                    venue=venue, ld=jsonld.script(event, v.catalog, v.settings, v.now))
    return Page(url, _title(event), body, _summary(event, shown, v), edit_path=event.origin.file, lastmod=_changed(event),
                draft=event.origin.draft, over=event.cancelled or not coming, held=() if event.cancelled else held_on(occs))


def held_on(occs: list[Occurrence]) -> tuple[dt.datetime, ...]:
    """The start time of each occurrence on each day it touches (a two-day fair: both days)."""
    return tuple(dt.datetime.combine(day, o.start.timetz()) for o in occs for day in days_of(o))


def _title(event: Event) -> str:
    if event.cancelled:
        return f"【已取消】{event.title}"
    return f"【延期】{event.title}" if event.postponed else event.title


def _summary(event: Event, shown, v: EventView) -> str:
    return f"{when.occurrence_label(shown)}，{v.place(shown)}。{event.category}，面向{'、'.join(event.audience)}。"


def _changed(event: Event):
    """The day the record last changed: its latest update or recap, else its creation."""
    return max([event.stamp] + ([event.recap.time] if event.recap else [])).date()
