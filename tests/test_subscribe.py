"""Subscribing to a calendar from a phone, in headless Chromium: each platform's way comes first, built
from the address the page was opened at (here a random port under a sub-path, not the build's address)."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from support.server import serve

pytestmark = pytest.mark.browser

IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1"
ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"
WECHAT = "Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Mobile MicroMessenger/8.0"
ORG = "orgs/dongcheng-mamabang/"
CALENDAR = ORG + "calendar.ics"


def open_page(chromium, user_agent: str, url: str):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN", is_mobile=True,
                                   has_touch=True, user_agent=user_agent)
    page = context.new_page()
    page.goto(url)
    return context, page


def ways(page) -> list[str]:
    control = page.locator(".col-actions [data-col-subscribe]").first
    control.locator("summary").click()
    return control.locator(".col-ics__way").evaluate_all("els => els.map(e => e.getAttribute('data-col-way'))")


@pytest.fixture(scope="module")
def mirror(subpath_site):
    """The sub-path build served under another prefix and port than it was built for."""
    with serve(subpath_site, prefix="/elsewhere/") as base:
        yield base


def test_iphone_gets_a_webcal_link_to_the_address_it_opened_first(chromium, mirror):
    context, page = open_page(chromium, IPHONE, mirror + ORG)
    assert ways(page)[0] == "apple"
    webcal = page.locator(".col-actions [data-col-webcal]").first
    assert webcal.is_visible()
    assert webcal.get_attribute("href") == "webcal://" + (mirror + CALENDAR).split("://", 1)[1]
    assert not page.locator(".col-ics__hint:visible").count()
    context.close()


def test_android_gets_google_calendars_add_by_url_link_first_and_the_address_to_copy(chromium, mirror):
    context, page = open_page(chromium, ANDROID, mirror + ORG)
    assert ways(page)[:1] == ["google"]
    webcal = "webcal://" + (mirror + CALENDAR).split("://", 1)[1]
    google = page.locator(".col-actions [data-col-google]").first.get_attribute("href")
    assert google == "https://calendar.google.com/calendar/r?cid=" + quote(webcal, safe="")
    assert page.locator(".col-actions [data-col-ics-url]").first.input_value() == mirror + CALENDAR
    response = page.request.get(page.locator(".col-actions [data-col-ics-url]").first.input_value())
    assert response.ok and response.body().startswith(b"BEGIN:VCALENDAR")
    context.close()


def test_wechat_shows_the_open_in_browser_hint_before_the_ways(chromium, mirror):
    context, page = open_page(chromium, WECHAT, mirror + ORG)
    control = page.locator(".col-actions [data-col-subscribe]").first
    control.locator("[data-col-ics]").click()
    assert page.url == mirror + ORG
    hint = control.locator(".col-ics__hint")
    assert hint.is_visible() and "在浏览器打开" in hint.inner_text()
    first = control.locator(".col-ics__ways > :not(summary)").first
    assert first.evaluate("e => e.classList.contains('col-ics__hint')")
    context.close()


def test_without_script_the_links_carry_the_built_address(subpath_site):
    page = (subpath_site / ORG / "index.html").read_text(encoding="utf-8")
    assert 'href="webcal://127.0.0.1:8000/mirror/column/orgs/dongcheng-mamabang/calendar.ics"' in page
    assert 'value="http://127.0.0.1:8000/mirror/column/orgs/dongcheng-mamabang/calendar.ics"' in page


def test_the_control_fits_a_phone(chromium, mirror):
    context, page = open_page(chromium, ANDROID, mirror + ORG)
    ways(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
