"""Venue pages: the list at ``venues/`` and one page per venue with its facts, bookings and request form."""
from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from ..config import Config
from ..model.org import Org
from ..model.venue import Venue
from ..schema import vocab
from . import bookings as booking_list
from . import structured, urls, venue_form
from .bookings import Booking
from .env import Settings, map_link, render
from .orgs import directory_order
from .page import Page


def ordered(venues: dict[str, Venue]) -> list[Venue]:
    """By kind (in the vocabulary's order), then by the pinyin of the name."""
    return sorted(venues.values(), key=lambda v: (vocab.VENUE_KINDS.values.index(v.kind), urls.text_slug(v.name)))


def pages(venues: dict[str, Venue], orgs: dict[str, Org], config: Config, booked: dict[str, list[Booking]],
          settings: Settings, today: dt.date, *, calendars: bool = False) -> list[Page]:
    """The list and one page per venue; ``calendars`` when ``venues/<id>/calendar.ics`` is published."""
    org_names = [o.name for o in directory_order(orgs.values())]
    result = [venue_page(v, orgs, config, booked.get(v.id, []), org_names, settings, today, calendars)
              for v in ordered(venues)]
    result.append(listing(ordered(venues), orgs, settings, today))
    return result


def venue_page(venue: Venue, orgs: dict[str, Org], config: Config, booked: list[Booking], org_names: list[str],
               settings: Settings, today: dt.date, calendars: bool) -> Page:
    url = urls.venue(venue.id)
    where = venue_form.target(venue, config)
    form_data = venue_form.data(venue, where, urls.absolute(settings.site_url, url),
                                booking_list.busy_slots(booked, today))
    body = render("venue.html", url, settings, today, venue=venue, manager=manager(venue, orgs),
                  map_url=venue_map(venue), weeks=booking_list.weeks(booked, today), target=where,
                  form_json=venue_form.script_json(form_data), org_names=org_names, calendars=calendars,
                  agree_value=venue_form.AGREE_VALUE)
    summary = f"{venue.name}：{venue.kind}，可容纳 {venue.capacity} 人，扫码或在线申请使用。"
    return Page(url, venue.name, body + str(structured.venue_script(venue, settings)), summary,
                edit_path=venue.origin.file, draft=venue.origin.draft,
                og_image=venue.photos[0].src if venue.photos else None, keywords=(venue.kind, venue.street or ""),
                names=(venue.name,))


def listing(venues: list[Venue], orgs: dict[str, Org], settings: Settings, today: dt.date) -> Page:
    body = render("venues.html", urls.VENUES, settings, today, venues=venues,
                  managers={v.id: manager(v, orgs) for v in venues})
    return Page(urls.VENUES, "场地申请", body, f"可申请使用的妇女之家、妇儿家园等活动场地，共 {len(venues)} 处。")


def manager(venue: Venue, orgs: dict[str, Org]) -> tuple[str, str | None] | None:
    """(name, site-relative URL or None) of whoever manages the venue."""
    if venue.org and venue.org in orgs:
        return orgs[venue.org].name, urls.org(venue.org)
    return (venue.manager, None) if venue.manager else None


def venue_map(venue: Venue) -> str:
    """An Amap (高德) marker at the venue's coordinates, or a search for its address."""
    if not venue.location:
        return map_link(venue.address)
    lng, lat = venue.location
    return (f"https://uri.amap.com/marker?position={lng},{lat}&name={quote(venue.name)}"
            "&coordinate=gaode&callnative=0&src=nvxing-shehui-zuzhi")
