"""schema.org ``Event`` JSON-LD for an event page (search engines, WeChat link previews).

What Google's Event rich result asks for: ``startDate``/``endDate`` of the session a
reader can still attend (a regular event lists its coming sessions as ``subEvent``),
an all-day ``endDate`` that is the last day itself, an ``image`` (the site's share
image when the event has none), ``offers`` with ``validFrom``, and a ``PostalAddress``
with locality and region from ``column.yml``.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..model.event import Event, Occurrence, expand
from . import urls
from .env import Settings

if TYPE_CHECKING:
    from ..catalog import Catalog

SCHEMA = "https://schema.org/"
SHARE_IMAGE = "assets/images/share.png"
"""The site's raster share image (``render.share.DEFAULT_IMAGE``), for events without a photo."""
SESSIONS = 10
"""How many coming sessions of a regular event are listed as ``subEvent``."""


def event_data(event: Event, catalog: Catalog, settings: Settings, now: dt.datetime) -> dict[str, Any]:
    page = urls.absolute(settings.site_url, urls.event(event.id))
    sessions = expand(event)
    coming = [o for o in sessions if o.end > now]
    shown = coming[0] if coming else sessions[-1]
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Event", "@id": page + "#event", "url": page,
        "name": event.title, "description": event.description.strip()[:500], **_dates(shown),
        "eventStatus": SCHEMA + _status(event), "eventAttendanceMode": SCHEMA + _mode(event),
        "location": _locations(event, catalog, settings),
        "organizer": [_org(catalog, org_id, settings) for org_id in event.organizers if org_id in catalog.org],
        "inLanguage": "zh-CN", "image": _images(event, settings),
    }
    if event.repeat and coming:
        data["subEvent"] = [_session(o, page) for o in coming[:SESSIONS]]
    if event.postponed and event.postponed_start:
        data["previousStartDate"] = _time(event, event.start)
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    if event.registration:
        data["offers"] = _offer(event, page)
    return data


def script(event: Event, catalog: Catalog, settings: Settings, now: dt.datetime) -> Markup:
    """The ``<script type="application/ld+json">`` element of an event page."""
    return tag(event_data(event, catalog, settings, now))


def _dates(occ: Occurrence) -> dict[str, str]:
    """Start and end of one session; an all-day ``endDate`` is its last day (schema.org dates are inclusive)."""
    event = occ.event
    if event.all_day:
        return {"startDate": occ.start.date().isoformat(), "endDate": (occ.end - dt.timedelta(seconds=1)).date().isoformat()}
    return {"startDate": _time(event, occ.start), "endDate": _time(event, occ.end)}


def _session(occ: Occurrence, page: str) -> dict[str, Any]:
    return {"@type": "Event", "name": occ.event.title, "url": f"{page}#{occ.start.date().isoformat()}",
            "eventStatus": SCHEMA + _status(occ.event), **_dates(occ)}


def _images(event: Event, settings: Settings) -> list[str]:
    return [urls.absolute(settings.site_url, img.src) for img in event.images] or [
        urls.absolute(settings.site_url, SHARE_IMAGE)]


def postal_address(street: str, settings: Settings) -> dict[str, str]:
    """A ``PostalAddress`` in China, with the province and city ``column.yml`` names."""
    found = {"@type": "PostalAddress", "streetAddress": street, "addressCountry": "CN"}
    if settings.locality:
        found["addressLocality"] = settings.locality
    if settings.region:
        found["addressRegion"] = settings.region
    return found


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


def _locations(event: Event, catalog: Catalog, settings: Settings) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    venue = catalog.venue.get(event.venue) if event.venue else None
    if venue:
        place: dict[str, Any] = {"@type": "Place", "name": venue.name, "address": postal_address(venue.address, settings)}
        if venue.location:
            place["geo"] = {"@type": "GeoCoordinates", "longitude": venue.location[0], "latitude": venue.location[1]}
        found.append(place)
    elif event.address:
        found.append({"@type": "Place", "name": event.address, "address": postal_address(event.address, settings)})
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
    if event.created:
        offer["validFrom"] = event.created.isoformat(timespec="minutes")
    if reg.deadline:
        offer["validThrough"] = reg.deadline.isoformat(timespec="minutes")
    return offer
