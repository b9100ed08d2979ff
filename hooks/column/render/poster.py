"""Printable A4 posters with each venue's QR code, and the staff page that lists them all."""
from __future__ import annotations

import datetime as dt

from ..model.venue import Venue
from . import qr, urls
from .env import Settings, render
from .page import Page


def short_url(absolute: str) -> str:
    """The URL as printed under the code: without ``https://`` (readers type it into a browser)."""
    return absolute.split("://", 1)[-1]


def pages(venues: list[Venue], settings: Settings, today: dt.date) -> list[Page]:
    result = [poster(v, settings, today) for v in venues]
    absolute = {v.id: qr.venue_url(settings.site_url, v.id) for v in venues}
    body = render("venue_posters.html", urls.VENUE_POSTERS, settings, today, venues=venues, absolute=absolute)
    result.append(Page(urls.VENUE_POSTERS, "场地二维码与海报", body, "各场地的申请二维码和可打印的 A4 海报（工作人员用）。",
                       searchable=False))
    return result


def poster(venue: Venue, settings: Settings, today: dt.date) -> Page:
    url = urls.venue_poster(venue.id)
    body = render("venue_poster.html", url, settings, today, venue=venue,
                  short_url=short_url(qr.venue_url(settings.site_url, venue.id)))
    return Page(url, f"{venue.name} · 申请海报", body, f"{venue.name}的场地申请二维码海报（A4）。",
                draft=venue.origin.draft, hide=("toc", "navigation"), searchable=False)
