"""Every figure of ``/stats/`` and of the year reports, counted in one pass over the records.

Each record adds its amounts under a *scope* (a year, or one of the windows
around "now") and a *dimension* (``month``, ``category``…); the tables then
only read the counters, so the cost grows with the records, not with the
number of years or tables.
"""
from __future__ import annotations

import collections
import dataclasses
import datetime as dt
from typing import Any, Hashable, Iterable

from ..model.event import Event, expand
from ..model.org import Org, Project
from ..model.training import Training
from ..render.events import HORIZON
from . import served as served_source

RECENT = "recent"
"""The 12 months up to this one: sessions already ended (服务人次: days up to today)."""
COMING = "coming"
"""This month and the next ones, :data:`COMING_MONTHS` in all: sessions not yet ended."""
UPCOMING = "upcoming"
"""What the event lists show (``/events/`` and its filter pages): not ended, starting within their horizon."""
ALL = "all"
COMING_MONTHS = 6
ONLINE, NO_STREET, NOT_GIVEN = "线上", "未注明街道", "未填写"


@dataclasses.dataclass
class Figures:
    """The counters, the brand projects by scope, and the facts the tables need to link and label."""

    now: dt.datetime
    counts: dict[tuple[Any, str], collections.Counter] = dataclasses.field(
        default_factory=lambda: collections.defaultdict(collections.Counter))
    brands: dict[Any, list[tuple[Org, Project]]] = dataclasses.field(default_factory=lambda: collections.defaultdict(list))
    months_with_grids: tuple[tuple[int, int], tuple[int, int]] | None = None
    """First and last month that have a month grid (``events/calendar/<yyyy>/<mm>/``)."""
    past_years: frozenset[int] = frozenset()
    """Years with an archive page of ended events (``events/past/<yyyy>/``)."""
    years: tuple[int, ...] = ()
    """Years with any figure, up to this one: one report each."""

    def add(self, scopes: Iterable[Any], dimension: str, key: Hashable, amount: float = 1) -> None:
        for scope in scopes:
            self.counts[(scope, dimension)][key] += amount

    def of(self, scope: Any, dimension: str) -> collections.Counter:
        return self.counts.get((scope, dimension), collections.Counter())

    def has_grid(self, month: tuple[int, int]) -> bool:
        first, last = self.months_with_grids or (None, None)
        today = (self.now.year, self.now.month)
        return month == today or (first is not None and first <= month <= last)


def month_start(day: dt.date, shift: int = 0) -> dt.date:
    """The first day of the month ``shift`` months after ``day``'s."""
    index = day.year * 12 + day.month - 1 + shift
    return dt.date(index // 12, index % 12 + 1, 1)


def count(orgs: Iterable[Org], events: Iterable[Event], trainings: Iterable[Training], venues: dict[str, Any],
          now: dt.datetime) -> Figures:
    """Every figure, from published records (the caller leaves drafts out)."""
    figures = Figures(now)
    orgs, events = list(orgs), list(events)
    by_id = {org.id: org for org in orgs}
    years: set[int] = set()
    for org in orgs:
        _org(figures, org, years)
    _events(figures, events, venues, years)
    for entry in served_source.served(events):
        _served(figures, entry, by_id, years)
    for training in trainings:
        scopes = (training.published.year, ALL)
        years.add(training.published.year)
        figures.add(scopes, "training-count", training.topic)
        figures.add(scopes, "training-seconds", training.topic, training.duration)
    figures.years = tuple(sorted(y for y in years if y <= now.year))
    return figures


def _org(figures: Figures, org: Org, years: set[int]) -> None:
    figures.add((ALL,), "type", org.type)
    figures.add((ALL,), "registration", org.registration.status)
    figures.add((ALL,), "tier", org.tier or NOT_GIVEN)
    figures.add((ALL,), "rating", org.rating.grade if org.rating else NOT_GIVEN)
    for street in org.streets or (NOT_GIVEN,):
        figures.add((ALL,), "street", street)
    for area in org.areas:
        figures.add((ALL,), "area", area)
    for project in org.projects:
        scopes = (project.year, ALL)
        years.add(project.year)
        figures.add(scopes, "project-count", project.kind)
        figures.add(scopes, "project-funding", project.kind, project.funding or 0)
        figures.add(scopes, "project-served", project.kind, project.served or 0)
        figures.add(scopes, "funder-count", project.funder or NOT_GIVEN)
        figures.add(scopes, "funder-funding", project.funder or NOT_GIVEN, project.funding or 0)
        if project.brand:
            for scope in scopes:
                figures.brands[scope].append((org, project))


def _events(figures: Figures, events: list[Event], venues: dict[str, Any], years: set[int]) -> None:
    now = figures.now
    recent_from = _moment(month_start(now.date(), -11), now)
    coming_until = _moment(month_start(now.date(), COMING_MONTHS), now)
    first = last = None
    past: set[int] = set()
    for event in events:
        place = _place(event, venues)
        for occ in expand(event):
            month = (occ.start.year, occ.start.month)
            end_month = ((occ.end - dt.timedelta(microseconds=1)).year, (occ.end - dt.timedelta(microseconds=1)).month)
            first, last = min(first or month, month), max(last or end_month, end_month)
            ended = occ.end <= now
            if ended:
                past.add(occ.start.year)
            if event.cancelled:
                continue
            years.add(occ.start.year)
            scopes = [occ.start.year] + ([RECENT] if ended and occ.start >= recent_from else [])
            figures.add(scopes + ([COMING] if not ended and occ.start < coming_until else []), "month", month)
            if not ended and occ.start < now + HORIZON:
                scopes.append(UPCOMING)
            figures.add(scopes, "category", event.category)
            figures.add(scopes, "place", place)
    figures.months_with_grids = (first, last) if first else None
    figures.past_years = frozenset(past)


def _moment(day: dt.date, like: dt.datetime) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), like.tzinfo)


def _place(event: Event, venues: dict[str, Any]) -> str:
    """The street an event is held in (its venue's), else 线上 for an online event, else 未注明街道."""
    venue = venues.get(event.venue) if event.venue else None
    if venue and venue.street:
        return venue.street
    return ONLINE if event.online else NO_STREET


def _served(figures: Figures, entry: served_source.Served, orgs: dict[str, Org], years: set[int]) -> None:
    """服务人次 by month and by the service area of the host: its first area (its main one)."""
    today = figures.now.date()
    scopes = [entry.day.year] + ([RECENT] if month_start(today, -11) <= entry.day <= today else [])
    years.add(entry.day.year)
    month = (entry.day.year, entry.day.month)
    host = orgs.get(entry.event.host)
    figures.add(scopes, "served-month", month, entry.count)
    figures.add(scopes, "recaps-month", month)
    figures.add(scopes, "served-area", host.areas[0] if host else NOT_GIVEN, entry.count)
