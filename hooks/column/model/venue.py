"""The venue record, normalized."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from ..schema import vocab
from .common import Image, Origin, images


@dataclasses.dataclass(frozen=True)
class OpeningHours:
    weekdays: tuple[int, ...]
    """0 = Monday … 6 = Sunday (as ``date.weekday()``)."""
    open: dt.time
    close: dt.time

    def label(self) -> str:
        days = "、".join(vocab.WEEKDAYS.values[d] for d in self.weekdays)
        return f"{days} {self.open:%H:%M}–{self.close:%H:%M}"


@dataclasses.dataclass(frozen=True)
class Venue:
    """A room that organizations can request for their activities."""

    id: str
    origin: Origin
    name: str
    kind: str
    description: str | None
    address: str
    street: str | None
    location: tuple[float, float] | None
    """(longitude, latitude), GCJ-02 as used by domestic maps."""
    org: str | None
    manager: str | None
    capacity: int
    facilities: tuple[str, ...]
    accessibility: str | None
    hours: tuple[OpeningHours, ...]
    photos: tuple[Image, ...]
    rules: str
    lead_days: int
    phone: str
    request_endpoint: str | None
    request_email: str | None

    def open_at(self, weekday: int, start: dt.time, end: dt.time) -> bool:
        """Whether [start, end] on ``weekday`` lies within one opening period."""
        return any(weekday in h.weekdays and h.open <= start and end <= h.close for h in self.hours)


def parse_time(text: str) -> dt.time:
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


def build(record_id: str, origin: Origin, raw: dict[str, Any]) -> Venue:
    location = raw.get("location")
    requests = raw.get("requests", {})
    return Venue(
        id=record_id, origin=origin, name=raw["name"], kind=raw["kind"], description=raw.get("description"),
        address=raw["address"], street=raw.get("street"),
        location=(location["lng"], location["lat"]) if location else None,
        org=raw.get("org"), manager=raw.get("manager"), capacity=raw["capacity"],
        facilities=tuple(raw.get("facilities", ())), accessibility=raw.get("accessibility"),
        hours=tuple(OpeningHours(tuple(vocab.WEEKDAYS.values.index(d) for d in h["days"]),
                                 parse_time(h["open"]), parse_time(h["close"])) for h in raw["hours"]),
        photos=images(raw.get("photos")), rules=raw["rules"], lead_days=raw["lead_days"], phone=raw["phone"],
        request_endpoint=requests.get("endpoint"), request_email=requests.get("email"),
    )
