"""Each venue's QR code, decoded by a real QR decoder (zbar), gives the venue's page on the published site."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pyzbar import pyzbar

from column.render import qr
from support.pixels import draw
from support.server import serve

pytestmark = pytest.mark.browser

from support.sitebuild import SAMPLE
VENUES = sorted(p.stem for p in (SAMPLE / "venues").glob("*.yml"))
SUBPATH_URL = "http://127.0.0.1:8000/mirror/column/"
"""The ``site_url`` the ``subpath_site`` fixture is built for."""
SVG_PIXELS_PER_MODULE = 6


def decoded(gray) -> list[tuple[str, str]]:
    return [(s.type, s.data.decode("utf-8")) for s in pyzbar.decode((gray.data, gray.width, gray.height))]


def modules(url: str) -> int:
    return qr.make(url).symbol_size(border=qr.BORDER)[0]


def test_there_are_sample_venues_of_four_kinds():
    kinds = {yaml.safe_load((SAMPLE / "venues" / f"{v}.yml").read_text(encoding="utf-8"))["kind"] for v in VENUES}
    assert len(VENUES) >= 4 and len(kinds) >= 4


@pytest.mark.parametrize("url", ["https://example.github.io/women-orgs-column/venues/hutian-funv-zhijia/",
                                 SUBPATH_URL + "venues/fuhua-zhongxin-duogongnengting/"])
def test_code_is_a_standard_qr_code_at_level_q(url):
    code = qr.make(url)
    assert not code.is_micro
    assert code.error == "Q"
    assert code.mode == "byte"
    assert 1 <= code.version <= 40


@pytest.mark.parametrize("site, prefix, site_url", [
    ("sample_site", "/", "http://127.0.0.1:8000/"),
    ("subpath_site", "/mirror/column/", SUBPATH_URL),
])
def test_svg_and_png_decode_to_the_venue_page_url(request, chromium, site, prefix, site_url):
    page = chromium.new_page()
    with serve(request.getfixturevalue(site), prefix=prefix) as base:
        page.goto(base + "venues/")
        for venue in VENUES:
            expected = f"{site_url}venues/{venue}/"
            size = modules(expected) * SVG_PIXELS_PER_MODULE
            svg = draw(page, f"{venue}/qr.svg", size)
            png = draw(page, f"{venue}/qr.png")
            assert decoded(svg) == [("QRCODE", expected)]
            assert decoded(png) == [("QRCODE", expected)]
    page.close()


def test_quiet_zone_is_at_least_four_white_modules_and_png_is_print_sized(sample_site, chromium):
    page = chromium.new_page()
    with serve(sample_site) as base:
        page.goto(base + "venues/")
        for venue in VENUES:
            count = modules(f"http://127.0.0.1:8000/venues/{venue}/")
            for image, size in ((f"{venue}/qr.svg", count * SVG_PIXELS_PER_MODULE), (f"{venue}/qr.png", 0)):
                gray = draw(page, image, size)
                box = gray.dark_box()
                margins = (box[0], box[1], gray.width - box[2], gray.height - box[3])
                assert min(margins) / (gray.width / count) >= 4, (image, margins)
                assert gray.darkest_outside(box) >= 250, image
            assert draw(page, f"{venue}/qr.png").natural[0] >= 1000
    page.close()


def test_svg_has_a_title_and_scales(sample_site):
    text = (sample_site / "venues/hutian-funv-zhijia/qr.svg").read_text(encoding="utf-8")
    assert "<title>湖田街道妇女之家 活动室 场地申请二维码</title>" in text
    assert 'viewBox="0 0 ' in text and "width=" not in text.split(">", 1)[0]
