"""schema.org ``Event`` JSON-LD for an event page (search engines, WeChat link previews)."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..model.event import Event
from . import urls
from .env import Settings

if TYPE_CHECKING:
    from ..catalog import Catalog

SCHEMA = "https://schema.org/"


def event_data(event: Event, catalog: Catalog, settings: Settings) -> dict[str, Any]:
    page = urls.absolute(settings.site_url, urls.event(event.id))
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Event", "@id": page + "#event", "url": page,
        "name": event.title, "description": event.description.strip()[:500],
        "startDate": _time(event, event.planned_start), "endDate": _time(event, event.planned_end),
        "eventStatus": SCHEMA + _status(event), "eventAttendanceMode": SCHEMA + _mode(event),
        "location": _locations(event, catalog),
        "organizer": [_org(catalog, org_id, settings) for org_id in event.organizers if org_id in catalog.org],
        "inLanguage": "zh-CN",
    }
    if event.postponed and event.postponed_start:
        data["previousStartDate"] = _time(event, event.start)
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    if event.images:
        data["image"] = [urls.absolute(settings.site_url, img.src) for img in event.images]
    if event.registration:
        data["offers"] = _offer(event, page)
    return data


def script(event: Event, catalog: Catalog, settings: Settings) -> Markup:
    """The ``<script type="application/ld+json">`` element of an event page."""
    return tag(event_data(event, catalog, settings))


def tag(data: dict[str, Any]) -> Markup:
    """Any JSON-LD object as a ``<script type="application/ld+json">`` element; ``<``, ``>`` and ``&``
    escaped so no text can close it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def _time(event: Event, moment) -> str:
    return moment.date().isoformat() if event.all_day else moment.isoformat(timespec="minutes")


def _status(event: Event) -> str:
    if event.cancelled:
        return "EventCancelled"
    if event.postponed:
        return "EventRescheduled" if event.postponed_start else "EventPostponed"
    return "EventScheduled"


def _mode(event: Event) -> str:
    physical = bool(event.venue or event.address)
    if physical and event.online:
        return "MixedEventAttendanceMode"
    return "OnlineEventAttendanceMode" if event.online else "OfflineEventAttendanceMode"


def _locations(event: Event, catalog: Catalog) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    venue = catalog.venue.get(event.venue) if event.venue else None
    if venue:
        place: dict[str, Any] = {"@type": "Place", "name": venue.name,
                                 "address": {"@type": "PostalAddress", "streetAddress": venue.address,
                                             "addressCountry": "CN"}}
        if venue.location:
            place["geo"] = {"@type": "GeoCoordinates", "longitude": venue.location[0], "latitude": venue.location[1]}
        found.append(place)
    elif event.address:
        found.append({"@type": "Place", "name": event.address,
                      "address": {"@type": "PostalAddress", "streetAddress": event.address, "addressCountry": "CN"}})
    if event.online:
        found.append({"@type": "VirtualLocation", "url": event.online})
    return found


def _org(catalog: Catalog, org_id: str, settings: Settings) -> dict[str, Any]:
    org = catalog.org[org_id]
    return {"@type": "Organization", "name": org.name, "url": urls.absolute(settings.site_url, urls.org(org_id))}


def _offer(event: Event, page: str) -> dict[str, Any]:
    reg = event.registration
    offer: dict[str, Any] = {"@type": "Offer", "price": reg.fee or 0, "priceCurrency": "CNY",
                             "url": reg.link or page,
                             "availability": SCHEMA + ("Discontinued" if event.cancelled else "InStock")}
    if reg.deadline:
        offer["validThrough"] = reg.deadline.isoformat(timespec="minutes")
    return offer
