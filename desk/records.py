"""The desk's only door into the ``column`` package: venues, events and the request rules.

Everything the desk knows about the column's records passes through here, so a
change in how ``column`` is laid out means changing imports in this file only.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Mapping

from column import catalog as column_catalog
from column import clock
from column import config as column_config
from column.kinds import Context
from column.model.venue import Venue
from column.problems import Problems, RecordsInvalid
from column.render.bookings import by_venue
from column.rules import venue_request
from column.rules.venue_request import Slot, VenueRequest

__all__ = ["Records", "RecordsInvalid", "Slot", "Venue", "VenueRequest", "check_request", "load", "now"]


@dataclasses.dataclass(frozen=True)
class Records:
    """The venues requests can name, and the slots the column's events take there."""

    venues: dict[str, Venue]
    event_slots: dict[str, list[Slot]]


def now() -> dt.datetime:
    """The desk's clock: ``COLUMN_NOW`` when set (tests), else the real time in Asia/Shanghai."""
    return clock.now()


def load(root: Path) -> Records:
    """Read and check the records under ``root``; raises ``RecordsInvalid`` with every problem."""
    problems = Problems()
    settings = column_config.load(root, problems)
    loaded = column_catalog.load(Context(root, root / "content", now(), problems, settings))
    venues = dict(loaded.records.get("venue", {}))
    slots: dict[str, list[Slot]] = {}
    for venue_id, bookings in by_venue(loaded.records.get("event", {}).values()).items():
        slots[venue_id] = [Slot(day, begin, finish, booking.title)
                           for booking in bookings for day, begin, finish in booking.days()]
    return Records(venues, slots)


def check_request(venue: Venue, form: Mapping[str, str], today: dt.date, taken: list[Slot]
                  ) -> tuple[VenueRequest | None, dict[str, str]]:
    """The column's own rules for a venue request (the same the form's script applies)."""
    return venue_request.check(venue, form, today, taken)
