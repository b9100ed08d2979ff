"""Event pages in a real headless Chromium, with the reader's clock set by Playwright's ``page.clock``."""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pytest

from column.render import when
from support.server import serve

pytestmark = pytest.mark.browser

LECTURE = "events/fanjiabao-xuanjiang/"
"""2026-11-26 09:30–11:00, Beijing time; the site was built at 2026-11-22 10:00."""
WECHAT_UA = "Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Mobile MicroMessenger/8.0"


@pytest.fixture
def reader(chromium):
    """A 360-px page in an ordinary (not WeChat) mobile browser."""
    context = chromium.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN", is_mobile=True,
                                   user_agent="Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Mobile Safari/537.36")
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("clock, label", [
    ("2026-11-25T20:00:00+08:00", "明天"),
    ("2026-11-26T10:00:00+08:00", "进行中"),
    ("2026-11-26T11:30:00+08:00", "已结束"),
])
def test_status_label_follows_the_readers_clock(sample_site, reader, clock, label):
    reader.clock.install(time=clock)
    with serve(sample_site) as base:
        reader.goto(base + LECTURE)
        assert reader.locator(".col-badges [data-col-state]").inner_text() == label
        reader.goto(base + "events/")
        card = reader.locator('.col-card:has(a[href="fanjiabao-xuanjiang/"])')
        assert card.is_visible() == (label != "已结束")
        if label != "已结束":
            assert card.locator("[data-col-state]").inner_text() == label


def test_ended_events_leave_the_upcoming_list_and_its_count(sample_site, reader):
    with serve(sample_site) as base:
        reader.clock.install(time="2026-11-22T10:00:00+08:00")
        reader.goto(base + "events/")
        before = int(reader.locator(".col-result__count").inner_text())
        reader.clock.set_fixed_time("2026-11-27T08:00:00+08:00")
        reader.reload()
        after = int(reader.locator(".col-result__count").inner_text())
        assert after == reader.locator(".col-card:visible").count() < before
        assert not reader.locator('[data-col-day="2026-11-26"]').is_visible()


def test_without_javascript_the_build_time_state_shows(sample_site, chromium):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    with serve(sample_site) as base:
        page.goto(base + "events/weilao-jiankang-yizhen/")
        assert page.locator(".col-badges [data-col-state]").inner_text() == "已结束"
        page.goto(base + LECTURE)
        assert page.locator(".col-badges [data-col-state]").inner_text() == "下周四"  # built on Sunday 11-22
    context.close()


def test_cancelled_label_stays_whatever_the_clock(sample_site, reader):
    reader.clock.install(time="2026-11-28T15:00:00+08:00")
    with serve(sample_site) as base:
        reader.goto(base + "events/jiating-jiaoyu-jiangzuo-qingchunqi/")
        assert reader.locator(".col-badges [data-col-state]").inner_text() == "已取消"


def test_calendar_link_in_wechat_explains_instead_of_downloading(sample_site, phone):
    assert "MicroMessenger" in phone.evaluate("navigator.userAgent")
    with serve(sample_site) as base:
        phone.goto(base + LECTURE)
        hint = phone.locator(".col-actions .col-ics__hint").first
        assert not hint.is_visible()
        phone.locator("[data-col-ics]").first.click()
        assert hint.is_visible()
        assert "在浏览器打开" in hint.inner_text()
        assert phone.url == base + LECTURE


def test_calendar_link_outside_wechat_serves_the_ics(sample_site, reader):
    with serve(sample_site) as base:
        reader.goto(base + LECTURE)
        href = reader.locator(".col-actions [data-col-ics]").first.get_attribute("href")
        response = reader.request.get(base + LECTURE + href)
        assert response.ok and response.body().startswith(b"BEGIN:VCALENDAR")
        assert not reader.locator(".col-ics__hint:visible").count()


def test_month_grid_fits_a_phone_and_marks_the_readers_today(sample_site, phone):
    phone.clock.install(time="2026-12-05T09:00:00+08:00")
    with serve(sample_site) as base:
        phone.goto(base + "events/calendar/2026/12/")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360
        assert phone.locator('td[aria-current="date"]').get_attribute("data-col-date") == "2026-12-05"


def test_month_grid_by_keyboard(sample_site, reader):
    with serve(sample_site) as base:
        reader.goto(base + "events/calendar/2026/12/")
        reader.locator('a[rel="next"]').focus()
        reader.keyboard.press("Tab")
        focused = reader.evaluate("document.activeElement.closest('td') && document.activeElement.closest('td').dataset.colDate")
        assert focused == "2026-12-02"  # the first day with an event
        reader.keyboard.press("Enter")
        reader.wait_for_url("**/events/*/")
        assert "/events/calendar/" not in reader.url


def test_instant_filter_hides_empty_days(sample_site, reader):
    reader.clock.install(time="2026-11-22T10:00:00+08:00")
    with serve(sample_site) as base:
        reader.goto(base + "events/")
        total = reader.locator(".col-card:visible").count()
        reader.click('.col-facet[data-facet="category"] a[data-value="qinzi-huodong"]')
        shown = reader.locator(".col-card:visible")
        assert 0 < shown.count() < total and reader.url == base + "events/"
        assert all(c.get_attribute("data-category") == "qinzi-huodong" for c in shown.all())
        for group in reader.locator(".col-group:visible").all():
            assert group.locator(".col-card:visible").count() > 0
        assert reader.locator(".col-result__count").inner_text() == str(shown.count())


@pytest.mark.parametrize("url", ["events/", LECTURE, "events/calendar/2026/11/", "events/news/", "events/past/2026/",
                                 "orgs/dongcheng-mamabang/"])
def test_no_overflow_and_no_third_party_request(sample_site, phone, url):
    requested: list[str] = []
    phone.on("request", lambda request: requested.append(request.url))
    with serve(sample_site) as base:
        phone.goto(base + url, wait_until="networkidle")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360
        assert {urlsplit(u).netloc for u in requested if not u.startswith("data:")} == {urlsplit(base).netloc}


@pytest.mark.parametrize("clock", ["2026-11-26T08:00:00+08:00", "2026-11-23T23:59:00+08:00", "2026-11-22T00:10:00+08:00",
                                   "2026-11-16T09:00:00+08:00", "2026-10-30T09:00:00+08:00"])
def test_upcoming_badge_says_when_in_the_browser_as_the_build_says_it(sample_site, reader, clock):
    """今天 / 明天 / 本周四 / 下周四 / 11 月 26 日（27 天后）: the script and render/when.py agree at any clock."""
    reader.clock.install(time=clock)
    with serve(sample_site) as base:
        reader.goto(base + LECTURE)
        shown = reader.locator(".col-badges [data-col-state]").inner_text()
    today = dt.datetime.fromisoformat(clock).date()
    assert shown == when.upcoming_label(dt.date(2026, 11, 26), today)
