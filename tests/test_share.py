"""Sharing: Open Graph tags on every page, and on wide screens a QR code that opens the page itself."""
from __future__ import annotations

import base64
import html
import re

import pytest
from pyzbar import pyzbar

from support.pixels import draw
from support.server import serve

ROOT_URL, SUBPATH_URL = "http://127.0.0.1:8000/", "http://127.0.0.1:8000/mirror/column/"
PAGES = ("", "orgs/", "orgs/dongcheng-mamabang/", "venues/hutian-funv-zhijia/", "training/fanjiabao-falv-zhishi/",
         "stories/wuqian-shifenzhong/", "events/")
_META = re.compile(r'<meta property="(og:[a-z_:]+)" content="([^"]*)">')


def og(site, url: str) -> dict[str, str]:
    text = (site / url / "index.html").read_text(encoding="utf-8")
    return {key: html.unescape(value) for key, value in _META.findall(text)}


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_open_graph_title_description_image_and_url(sample_site, url):
    tags = og(sample_site, url)
    assert tags["og:url"] == ROOT_URL + url
    assert tags["og:title"] and tags["og:description"]
    assert tags["og:image"].startswith(ROOT_URL)
    assert tags["og:site_name"] == "女性社会组织专栏"


def test_open_graph_titles_are_escaped_once_and_an_svg_logo_is_never_the_image(sample_site):
    tags = og(sample_site, "orgs/dongcheng-mamabang/")
    assert tags["og:title"] == "东城社区妈妈帮互助会" == tags["og:image:alt"]
    assert tags["og:image"] == ROOT_URL + "orgs/dongcheng-mamabang/share.jpg"
    assert og(sample_site, "")["og:type"] == "website"


def test_the_home_page_qr_code_is_published_as_a_png(sample_site, chromium):
    page = chromium.new_page()
    with serve(sample_site) as base:
        page.goto(base)
        gray = draw(page, "assets/images/share.png")
    page.close()
    assert [s.data.decode() for s in pyzbar.decode((gray.data, gray.width, gray.height))] == [ROOT_URL]


def shown_code(page) -> str:
    """Screenshot the QR code as a reader on a wide screen sees it and decode it with zbar."""
    code = page.locator(".col-share svg")
    assert code.is_visible()
    png = base64.b64encode(code.screenshot()).decode()
    gray = draw(page, "data:image/png;base64," + png)
    return "|".join(s.data.decode() for s in pyzbar.decode((gray.data, gray.width, gray.height)))


@pytest.mark.parametrize("site, prefix, site_url", [("sample_site", "/", ROOT_URL),
                                                    ("subpath_site", "/mirror/column/", SUBPATH_URL)])
def test_wide_screen_qr_code_decodes_to_the_page_itself(request, chromium, site, prefix, site_url):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    with serve(request.getfixturevalue(site), prefix=prefix) as base:
        for url in PAGES:
            page.goto(base + url)
            assert shown_code(page) == site_url + url
            assert page.locator(".col-share figcaption").inner_text() == "扫一扫在手机打开当前页"
    context.close()


def test_qr_code_is_hidden_on_a_phone(sample_site, phone):
    with serve(sample_site) as base:
        phone.goto(base + "orgs/dongcheng-mamabang/")
        assert phone.locator(".col-share").count() == 1
        assert not phone.locator(".col-share").is_visible()


def test_qr_code_is_inline_svg_made_at_build_time(sample_site):
    text = (sample_site / "orgs" / "dongcheng-mamabang" / "index.html").read_text(encoding="utf-8")
    share = text.split('<aside class="col-share"', 1)[1].split("</aside>", 1)[0]
    assert "<svg" in share and "<script" not in share


def test_wide_screen_qr_code_never_covers_the_content(sample_site, chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    with serve(sample_site) as base:
        for url in ("events/calendar/2026/12/", "events/", "orgs/"):
            page.goto(base + url)
            overlaps = page.evaluate("""() => {
                const box = document.querySelector('.col-share').getBoundingClientRect();
                return [...document.querySelectorAll('.md-content a, .md-content td, .md-content .col-card')]
                    .map(e => e.getBoundingClientRect())
                    .filter(r => r.left < box.right && box.left < r.right && r.top < box.bottom && box.top < r.bottom).length;
            }""")
            assert overlaps == 0, url
    context.close()
