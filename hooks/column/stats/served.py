"""Where 服务人次 (people served) come from: one entry per reported figure.

Today the only source is the events' recaps (``recap.served``). Sign-ups and
check-ins on the desk (issue 16) will be a second source: add a function here
that yields one :class:`Served` per event session with its check-ins, and put it
in :data:`SOURCES`. It must leave out the events whose recap already carries the
figure (staff paste the desk's attendance into the recap), or they count twice.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Callable, Iterable

from ..model.event import Event, starts


@dataclasses.dataclass(frozen=True)
class Served:
    """People served by one event, on one day, reported by one source."""

    day: dt.date
    event: Event
    count: int
    source: str
    """Which source reported it (``recap``; ``check-in`` once the desk counts them)."""


def from_recaps(events: Iterable[Event]) -> Iterable[Served]:
    """Each recap's ``served``, on the day the service ended: the last session held by the time of the recap.

    A recap written after the event counts on the event's (last) day, not on the day it was written;
    a recap of a series still running counts on the day it was written.
    """
    for event in events:
        recap = event.recap
        if recap and recap.served:
            sessions = starts(event)
            last = sessions[-1] if sessions else event.planned_start
            yield Served(min(recap.time, last).date(), event, recap.served, "recap")


SOURCES: tuple[Callable[[Iterable[Event]], Iterable[Served]], ...] = (from_recaps,)
"""Every source of 服务人次; the figures on ``/stats/`` and in the workbooks are their sum."""


def served(events: Iterable[Any]) -> list[Served]:
    events = list(events)
    return [entry for source in SOURCES for entry in source(events)]
