"""QR codes for venue posters: each encodes the absolute, stable URL of the venue's page.

Made with ``segno`` (a maintained, dependency-free QR encoder). The code is a
standard QR symbol (never Micro QR) at error level Q, which survives a scuffed
or partly covered poster; ``boost_error`` is off so the level stays what the
print shop and the tests expect. The quiet zone is the standard 4 modules and
is painted white, so the code scans on any background.
"""
from __future__ import annotations

import io
import math

import segno

from . import urls
from .page import Asset

ERROR_LEVEL = "q"
BORDER = 4
"""Quiet zone, in modules (ISO/IEC 18004 asks for at least 4)."""
PNG_MIN_PIXELS = 1000
"""The PNG for print shops: at least this many pixels wide (about 8.5 cm at 300 dpi)."""
PNG_DPI = 300


def venue_url(site_url: str, venue_id: str) -> str:
    """The absolute URL a venue's code encodes: ``site_url`` + ``venues/<id>/``."""
    return urls.absolute(site_url, urls.venue(venue_id))


def make(url: str) -> segno.QRCode:
    return segno.make_qr(url, error=ERROR_LEVEL, boost_error=False)


def make_for_screen(url: str) -> segno.QRCode:
    """A code read off a screen (every page's own address): level M and a fixed mask.

    Any of the eight masks is a valid code; choosing the best one is most of segno's
    work (7.7 ms against 1.3 ms a code), which at 12,000 pages is over a minute of build.
    """
    return segno.make_qr(url, error="m", boost_error=False, mask=0)


def svg(code: segno.QRCode, title: str) -> bytes:
    """Scalable SVG (viewBox only, so CSS decides its size) with a ``<title>`` for screen readers."""
    out = io.BytesIO()
    code.save(out, kind="svg", border=BORDER, title=title, omitsize=True, light="#fff", dark="#000",
              xmldecl=False, svgclass="col-qr", nl=False)
    return out.getvalue()


def png(code: segno.QRCode) -> bytes:
    """A PNG at least :data:`PNG_MIN_PIXELS` wide, whole pixels per module, marked 300 dpi."""
    width, _ = code.symbol_size(border=BORDER)
    out = io.BytesIO()
    code.save(out, kind="png", border=BORDER, scale=math.ceil(PNG_MIN_PIXELS / width), light="#fff",
              dark="#000", dpi=PNG_DPI)
    return out.getvalue()


def assets(site_url: str, venues: dict[str, str]) -> list[Asset]:
    """``venues/<id>/qr.svg`` and ``qr.png`` for each ``{id: name}``."""
    result = []
    for venue_id, name in venues.items():
        code = make(venue_url(site_url, venue_id))
        result.append(Asset(urls.venue_qr(venue_id, "svg"), svg(code, f"{name} 场地申请二维码")))
        result.append(Asset(urls.venue_qr(venue_id, "png"), png(code)))
    return result
