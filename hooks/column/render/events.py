"""The upcoming-events list (``/events/``), grouped by day, and one page per filter value."""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
from typing import TYPE_CHECKING, Any

from ..model.event import Occurrence, by_organizer, occurrences
from ..schema import vocab
from . import urls, when
from .env import Settings, render
from .orgs import Facet, FacetDef, FacetValue, facet_slugs, facets, members
from .page import Page

if TYPE_CHECKING:
    from ..catalog import Catalog

HORIZON = dt.timedelta(days=60)
"""How far ahead the list reaches; the month grids show the rest."""
ONLINE = ("online", "线上")
ORG_CHIPS = 12
"""Organizers offered as filter chips (and filter pages) on the event lists: the busiest ones.

More would make every list page grow with the number of organizations (1,000 chips at
city scale); each organization's profile lists all its events anyway.
"""


@dataclasses.dataclass(frozen=True)
class EventView:
    """What every event template needs besides the occurrences: records to name things, and "now"."""

    catalog: Catalog
    settings: Settings
    now: dt.datetime
    definitions: tuple[FacetDef, ...]
    all: tuple[Occurrence, ...]
    """Every occurrence of every event, by start."""

    @functools.cached_property
    def past_years(self) -> list[int]:
        """Years that have ended occurrences, newest first (one archive page each)."""
        return sorted({o.start.year for o in self.all if o.end <= self.now}, reverse=True)

    @functools.cached_property
    def by_org(self) -> dict[str, list[Occurrence]]:
        """Every occurrence of each organizer's events, by start."""
        return by_organizer(self.all, lambda occ: occ.event)

    def card_facets(self, occ: Occurrence) -> dict[str, list[str]]:
        """The filter values on an occurrence's card (they depend on its event only: computed once per event)."""
        cache = self.__dict__.setdefault("_card_facets", {})
        if occ.event.id not in cache:
            cache[occ.event.id] = facet_slugs(occ, self.definitions)
        return cache[occ.event.id]

    def context(self, **extra: Any) -> dict[str, Any]:
        """What the event templates read, plus ``extra``."""
        return dict(catalog=self.catalog, now=self.now, when=when, place=self.place, past_years=self.past_years,
                    card_facets=self.card_facets, **extra)

    def render(self, template: str, url: str, **context: Any) -> str:
        return render(template, url, self.settings, self.now.date(), **self.context(**context))

    def place(self, occ: Occurrence) -> str:
        event = occ.event
        venue = self.catalog.venue.get(event.venue) if event.venue else None
        return venue.name if venue else (event.address or "线上活动")


def view(catalog: Catalog, settings: Settings, now: dt.datetime) -> EventView:
    return EventView(catalog, settings, now, definitions(catalog), tuple(occurrences(catalog.event.values())))


def definitions(catalog: Catalog) -> tuple[FacetDef, ...]:
    """The filters of the event list: category, audience, organizer and street (or 线上)."""
    def street(occ: Occurrence) -> list[tuple[str, str]]:
        event = occ.event
        venue = catalog.venue.get(event.venue) if event.venue else None
        found = [(urls.text_slug(venue.street), venue.street)] if venue and venue.street else []
        return found + ([ONLINE] if event.online else [])

    return (
        ("category", "活动类别", lambda o: [(vocab.EVENT_CATEGORIES.slug(o.event.category), o.event.category)]),
        ("audience", "面向人群", lambda o: [(vocab.AUDIENCES.slug(a), a) for a in o.event.audience]),
        ("org", "主办组织", lambda o: [(i, catalog.org[i].short_name) for i in o.event.organizers if i in catalog.org]),
        ("street", "街道", street),
    )


_ORDERS = {"category": vocab.EVENT_CATEGORIES.values, "audience": vocab.AUDIENCES.values}


def upcoming(occs: list[Occurrence], now: dt.datetime) -> list[Occurrence]:
    """Occurrences not yet ended at ``now`` and starting within the horizon."""
    return [o for o in occs if o.end > now and o.start < now + HORIZON]


def by_day(occs: list[Occurrence]) -> list[tuple[dt.date, list[Occurrence]]]:
    return [(day, list(group)) for day, group in itertools.groupby(occs, key=lambda o: o.start.date())]


def pages(v: EventView) -> list[Page]:
    """``events/`` and ``events/<facet>/<slug>/`` for every value; the organizer chips: see :data:`ORG_CHIPS`."""
    coming = upcoming(list(v.all), v.now)
    all_facets = facets(coming, v.definitions, _ORDERS)
    chips = [_shown(facet) for facet in all_facets]
    result = [_list(v, urls.EVENTS, "活动预告", coming, chips, None, "")]
    having = members(coming, v.card_facets)
    for facet in _ever(v, all_facets):
        for value in facet.values:
            chosen = having.get((facet.key, value.slug), [])
            label = f"{facet.label}：{value.label}"
            names = () if facet.key == "org" else (value.label,)  # an organizer is found by its profile
            result.append(_list(v, urls.event_filter(facet.key, value.slug), f"活动预告 · {label}", chosen,
                                _with(chips, facet.key, value), (facet.key, value.slug), label, names))
    return result


def _ever(v: EventView, coming: list[Facet]) -> list[Facet]:
    """Every value any event has carried, with its count of coming occurrences (0 for none): a filter page,
    once published and indexed, keeps answering when its events are over, saying there are none."""
    now = {(facet.key, value.slug): value for facet in coming for value in facet.values}
    one_each = list({occ.event.id: occ for occ in v.all}.values())
    return [dataclasses.replace(facet, values=tuple(now.get((facet.key, value.slug), dataclasses.replace(value, count=0))
                                                    for value in facet.values))
            for facet in facets(one_each, v.definitions, _ORDERS)]


def _shown(facet: Facet) -> Facet:
    """The organizer chips are limited to the busiest :data:`ORG_CHIPS` (a city has a thousand organizers)."""
    if facet.key != "org" or len(facet.values) <= ORG_CHIPS:
        return facet
    top = set(sorted(facet.values, key=lambda value: (-value.count, value.slug))[:ORG_CHIPS])
    return dataclasses.replace(facet, values=tuple(value for value in facet.values if value in top),
                               more=len(facet.values) - ORG_CHIPS)


def _with(chips: list[Facet], key: str, value: FacetValue) -> list[Facet]:
    """The chips of a filter page: its own value among them, first in the row if it was left out (on a phone
    the row scrolls sideways, so a chip appended at its end would be out of sight)."""
    return [facet if facet.key != key or value in facet.values
            else dataclasses.replace(facet, values=(value, *facet.values), more=facet.more - 1) for facet in chips]


def _list(v: EventView, url: str, title: str, occs: list[Occurrence], all_facets: list[Facet],
          active: tuple[str, str] | None, active_label: str, names: tuple[str, ...] = ()) -> Page:
    body = v.render("events.html", url, days=by_day(occs), count=len(occs), facets_list=all_facets,
                    active=active, active_label=active_label, horizon=HORIZON.days)
    return Page(url, title, body, f"{title}：未来 {HORIZON.days} 天内的 {len(occs)} 场活动。", names=names)


def org_context(v: EventView, org_id: str) -> dict[str, Any]:
    """Template context for an organization's profile: its coming and past events."""
    from .event_archive import past_by_event

    mine = v.by_org.get(org_id, [])
    return v.context(org_upcoming=upcoming(mine, v.now), org_past=past_by_event([o for o in mine if o.end <= v.now]))
