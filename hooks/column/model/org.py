"""The organization record, normalized."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from .common import Honour, Image, Origin, date, honours, image, images

RATING_YEARS = 5
"""A rating is valid in the year it is awarded and the four after it."""


@dataclasses.dataclass(frozen=True)
class Registration:
    status: str
    """登记 or 备案."""
    uscc: str | None
    authority: str | None
    filed_with: str | None
    date: dt.date | None


@dataclasses.dataclass(frozen=True)
class Rating:
    grade: str
    year: int

    @property
    def valid_until(self) -> int:
        """Last year in which the rating is valid."""
        return self.year + RATING_YEARS - 1

    def expired(self, today: dt.date) -> bool:
        return today.year > self.valid_until


@dataclasses.dataclass(frozen=True)
class Inspection:
    year: int
    result: str


@dataclasses.dataclass(frozen=True)
class Leader:
    """The organization's leader; ``name`` and ``photo`` are None without consent."""

    role: str
    name: str | None
    bio: str | None
    honours: tuple[Honour, ...]
    photo: Image | None


@dataclasses.dataclass(frozen=True)
class Contact:
    phone: str | None
    email: str | None
    website: str | None
    wechat: str | None
    address: str | None


@dataclasses.dataclass(frozen=True)
class Project:
    name: str
    kind: str
    year: int
    funder: str | None
    funding: float | None
    served: int | None
    description: str | None
    brand: bool


@dataclasses.dataclass(frozen=True)
class Org:
    """A women's social organization."""

    id: str
    origin: Origin
    name: str
    short_name: str
    type: str
    registration: Registration
    supervisor: str | None
    founded: dt.date | None
    rating: Rating | None
    inspection: Inspection | None
    tier: str | None
    incubator: str | None
    member_of: str | None
    areas: tuple[str, ...]
    streets: tuple[str, ...]
    description: str
    leader: Leader | None
    contact: Contact
    logo: Image | None
    photos: tuple[Image, ...]
    projects: tuple[Project, ...]
    honours: tuple[Honour, ...]
    featured: bool
    verified: dt.date

    @property
    def total_funding(self) -> float:
        return sum(p.funding or 0 for p in self.projects)

    @property
    def total_served(self) -> int:
        return sum(p.served or 0 for p in self.projects)


def build(record_id: str, origin: Origin, raw: dict[str, Any]) -> Org:
    """Turn a record that passed the schema into an :class:`Org`."""
    reg = raw["registration"]
    return Org(
        id=record_id,
        origin=origin,
        name=raw["name"],
        short_name=raw.get("short_name") or raw["name"],
        type=raw["type"],
        registration=Registration(reg["status"], reg.get("uscc"), reg.get("authority"),
                                  reg.get("filed_with"), date(reg.get("date"))),
        supervisor=raw.get("supervisor"),
        founded=date(raw.get("founded")),
        rating=Rating(raw["rating"]["grade"], raw["rating"]["year"]) if "rating" in raw else None,
        inspection=Inspection(raw["inspection"]["year"], raw["inspection"]["result"]) if "inspection" in raw else None,
        tier=raw.get("tier"),
        incubator=raw.get("incubator"),
        member_of=raw.get("member_of"),
        areas=tuple(raw["areas"]),
        streets=tuple(raw.get("streets", ())),
        description=raw["description"],
        leader=_leader(raw.get("leader")),
        contact=_contact(raw.get("contact", {})),
        logo=image(raw.get("logo")),
        photos=images(raw.get("photos")),
        projects=tuple(_project(p) for p in raw.get("projects", ())),
        honours=honours(raw.get("honours")),
        featured=raw.get("featured", False),
        verified=date(raw["verified"]),
    )


def _contact(raw: dict[str, Any]) -> Contact:
    """Public contact details; a phone marked not public stays out of the model (and the site)."""
    fields = {k: raw.get(k) for k in ("phone", "email", "website", "wechat", "address")}
    if raw.get("phone_public") is False:
        fields["phone"] = None
    return Contact(**fields)


def _leader(raw: dict[str, Any] | None) -> Leader | None:
    if not raw:
        return None
    consent = raw["consent"]
    return Leader(raw["role"], raw.get("name") if consent else None, raw.get("bio") if consent else None,
                  honours(raw.get("honours")), image(raw.get("photo")) if consent else None)


def _project(raw: dict[str, Any]) -> Project:
    return Project(raw["name"], raw["kind"], raw["year"], raw.get("funder"), raw.get("funding"),
                   raw.get("served"), raw.get("description"), raw.get("brand", False))
