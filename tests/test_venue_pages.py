"""Venue pages, posters and the staff page, read back from real builds and looked at in Chromium."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from pypdf import PdfReader

from support.records import write
from support.server import serve
from support.sitebuild import SAMPLE, build_site, copy_project

VENUES = sorted(p.stem for p in (SAMPLE / "venues").glob("*.yml"))
A4_POINTS = (595.28, 841.89)
MM = 96 / 25.4
"""CSS pixels per millimetre."""


def record(venue_id: str) -> dict:
    return yaml.safe_load((SAMPLE / "venues" / f"{venue_id}.yml").read_text(encoding="utf-8"))


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def venue_data(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="venue-data">(.*?)</script>', page, re.S)
    return json.loads(found.group(1))


def test_every_venue_has_a_page_listed_on_the_venues_page(sample_site):
    listing = html(sample_site, "venues")
    assert len(VENUES) >= 4
    for venue_id in VENUES:
        name = record(venue_id)["name"]
        assert f"<h1>{name}</h1>" in html(sample_site, f"venues/{venue_id}")
        assert f'<a href="{venue_id}/">{name}</a>' in listing
    assert '<a href="posters/">打印各场地的二维码和海报</a>' in listing
    nav = re.findall(r'<a href="([^"]*)" class="md-nav__link', html(sample_site, "orgs"))
    assert "../venues/" in nav and not any("posters" in link for link in nav)


def test_page_shows_facts_map_phone_and_rules(sample_site):
    page = html(sample_site, "venues/hutian-funv-zhijia")
    assert "滨河区湖田街道湖田路 100 号党群服务中心二楼（虚构地址）" in page
    assert 'href="https://uri.amap.com/search?keyword=' in page
    assert "最多 40 人" in page and "至少提前 3 天申请" in page
    assert "周一、周二、周三、周四、周五 08:30–17:30" in page and "周六 09:00–16:00" in page
    assert '<a href="tel:00000000100">0000-0000100</a>' in page
    assert "<li>活动须为公益性质，不得收费或推销商品；</li>" in page
    assert "投影、音响、话筒" in page and "有电梯，可到二楼" in page


def test_coordinates_give_an_amap_marker_and_the_manager_links_to_its_profile(sample_site):
    page = html(sample_site, "venues/fuhua-zhongxin-duogongnengting")
    assert 'href="https://uri.amap.com/marker?position=118.0712,36.8135&amp;name=' in page
    assert '<a href="../../orgs/binhe-funv-ertong-fazhan-jijinhui/">' in page


def test_form_data_survives_markdown_intact(sample_site):
    for venue_id in VENUES:
        raw = record(venue_id)
        data = venue_data(html(sample_site, f"venues/{venue_id}"))
        assert data["name"] == raw["name"] and data["capacity"] == raw["capacity"]
        assert data["leadDays"] == raw["lead_days"] and data["phone"] == raw["phone"]
        assert [(h["open"], h["close"]) for h in data["hours"]] == [(h["open"], h["close"]) for h in raw["hours"]]
        assert data["url"] == f"http://127.0.0.1:8000/venues/{venue_id}/"
        email = raw.get("requests", {}).get("email", "changdi@example.org")
        assert (data["mode"], data["email"], data["endpoint"]) == ("mail", email, None)


def test_form_fields_are_labelled_and_described(sample_site):
    page = html(sample_site, "venues/mashang-fuer-jiayuan")
    for name in ("applicant", "org", "phone", "date", "start", "end", "people", "purpose", "equipment"):
        assert f'<label for="f-{name}">' in page
        assert re.search(rf'id="f-{name}" name="{name}"[^>]*aria-describedby="[^"]*f-{name}-error"', page)
    assert 'name="agree" value="yes" required' in page
    assert '<input type="hidden" name="venue" value="mashang-fuer-jiayuan">' in page


@pytest.fixture(scope="module")
def booked_site(tmp_path_factory):
    """The sample data plus a single, a cancelled, an all-day and a weekly event at 湖田街道妇女之家."""
    root = tmp_path_factory.mktemp("booked")
    project = copy_project(root / "project")
    common = "category: 文体活动\ndescription: 测试。\norganizers: [binhe-hunyin-jiating-fudao-zhongxin]\n" \
             "venue: hutian-funv-zhijia\naudience: [妇女]\n"
    write(project, "events/ceshi-dushuhui.yml", f'title: 测试读书会\nstart: "2026-12-02 14:30"\nend: "2026-12-02 16:30"\n{common}')
    write(project, "events/ceshi-quxiao.yml", f'title: 已取消的讲座\nstart: "2026-12-03 09:00"\nend: "2026-12-03 10:00"\n'
                                              f"status: 取消\nstatus_reason: 讲师临时有事\n{common}")
    write(project, "events/ceshi-quantian.yml", f'title: 全天开放日\nstart: "2026-12-05"\nend: "2026-12-06"\n{common}')
    write(project, "events/ceshi-meizhou.yml", f'title: 每周手工课\nstart: "2026-11-27 14:00"\nend: "2026-11-27 15:30"\n'
                                               f"repeat:\n  every: 每周\n  count: 3\n{common}")
    return build_site(project, root / "site")


def test_known_bookings_are_listed_by_week_and_handed_to_the_form(booked_site):
    page = html(booked_site, "venues/hutian-funv-zhijia")
    weeks = re.findall(r'<li class="col-week[^"]*"><span class="col-week__range">([^<]+)</span>', page)
    assert weeks[:3] == ["11 月 16 日–11 月 22 日", "11 月 23 日–11 月 29 日", "11 月 30 日–12 月 6 日"]
    assert len(weeks) == 8
    assert re.search(r'12 月 2 日（周三） 14:30–16:30</time> <a href="../../events/ceshi-dushuhui/">测试读书会</a>', page)
    assert "已取消的讲座" not in page.split('id="bookings"')[1].split('id="request"')[0]
    busy = venue_data(page)["busy"]
    assert {"date": "2026-12-02", "start": "14:30", "end": "16:30", "title": "测试读书会"} in busy
    assert [b["date"] for b in busy if b["title"] == "每周手工课"] == ["2026-11-27", "2026-12-04", "2026-12-11"]
    assert all(b["title"] != "已取消的讲座" for b in busy)
    assert "12 月 5 日（周六） 至 12 月 6 日（周日）</time> <a href=\"../../events/ceshi-quantian/\">全天开放日</a>" in page
    assert [(b["date"], b["start"], b["end"]) for b in busy if b["title"] == "全天开放日"] == [
        ("2026-12-05", "00:00", "23:59"), ("2026-12-06", "00:00", "23:59")]


# --- posters ---------------------------------------------------------------------------


def test_poster_has_name_large_code_short_url_and_three_steps(sample_site):
    page = html(sample_site, "venues/hutian-funv-zhijia/poster")
    assert '<h1 class="col-poster__name">湖田街道妇女之家 活动室</h1>' in page
    assert '<img class="col-poster__qr" src="../qr.svg"' in page
    assert '<p class="col-poster__url">127.0.0.1:8000/venues/hutian-funv-zhijia/</p>' in page
    steps = re.findall(r"<li><strong>([^<]+)</strong>", page)
    assert steps == ["扫码", "填写申请", "等待电话确认"]
    assert "预览，请勿打印" not in page, "only make serve marks posters as a preview"


@pytest.mark.browser
@pytest.mark.parametrize("prefer_css", [True, False])
def test_every_poster_prints_on_one_a4_page(sample_site, chromium, prefer_css):
    page = chromium.new_page()
    with serve(sample_site) as base:
        for venue_id in VENUES:
            page.goto(base + f"venues/{venue_id}/poster/", wait_until="networkidle")
            pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True, prefer_css_page_size=prefer_css)))
            box = pdf.pages[0].mediabox
            assert len(pdf.pages) == 1, venue_id
            assert abs(box.width - A4_POINTS[0]) < 2 and abs(box.height - A4_POINTS[1]) < 2
    page.close()


@pytest.mark.browser
def test_printed_poster_is_not_clipped_and_hides_the_site_chrome(sample_site, chromium):
    page = chromium.new_page(viewport={"width": round((210 - 24) * MM), "height": round((297 - 24) * MM)})
    with serve(sample_site) as base:
        for venue_id in VENUES:
            page.goto(base + f"venues/{venue_id}/poster/", wait_until="networkidle")
            page.emulate_media(media="print")
            sheet = page.locator(".col-poster__sheet")
            assert sheet.evaluate("s => s.scrollHeight <= s.clientHeight"), venue_id
            qr = page.locator(".col-poster__qr").bounding_box()
            assert qr["width"] >= 100 * MM and qr["width"] == qr["height"]
            for chrome in (".md-header", ".md-footer", ".md-sidebar--primary", ".col-poster__screen", ".col-share"):
                assert not page.locator(chrome).first.is_visible(), chrome
            page.evaluate("document.querySelector('.col-poster__name').textContent = '区'.repeat(60)")
            assert sheet.evaluate("s => s.scrollHeight <= s.clientHeight"), "a 60-character name must still fit"
            page.emulate_media(media="screen")
    page.close()


def test_staff_page_lists_every_code_png_and_poster(sample_site):
    page = html(sample_site, "venues/posters")
    for venue_id in VENUES:
        assert f'<img src="../{venue_id}/qr.svg"' in page
        assert f'href="../{venue_id}/qr.png" download="{venue_id}-qr.png"' in page
        assert f'<a href="../{venue_id}/poster/">打开 A4 海报</a>' in page
        assert f"<code>http://127.0.0.1:8000/venues/{venue_id}/</code>" in page


# --- what a reader sees on a phone ------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("url", ["venues/", "venues/hutian-funv-zhijia/", "venues/fuhua-zhongxin-duogongnengting/",
                                 "venues/mashang-fuer-jiayuan/poster/", "venues/posters/"])
def test_no_overflow_at_360px_and_no_third_party_request(sample_site, phone, url):
    requested: list[str] = []
    phone.on("request", lambda request: requested.append(request.url))
    with serve(sample_site) as base:
        phone.goto(base + url, wait_until="networkidle")
        width = phone.evaluate("document.documentElement.scrollWidth")
        hosts = {urlsplit(u).netloc for u in requested if not u.startswith("data:")}
    assert width <= 360
    assert hosts == {urlsplit(base).netloc}


@pytest.mark.browser
def test_poster_print_button_appears_with_javascript(sample_site, phone):
    with serve(sample_site) as base:
        phone.goto(base + "venues/hutian-funv-zhijia/poster/")
        assert phone.locator("[data-col-print]").is_visible()


def test_every_sample_venue_is_used_by_sample_events_and_links_its_calendar(sample_site):
    used = {yaml.safe_load(p.read_text(encoding="utf-8")).get("venue") for p in (SAMPLE / "events").glob("*.yml")}
    assert set(VENUES) <= used
    for venue_id in VENUES:
        page = html(sample_site, f"venues/{venue_id}")
        assert '<a href="calendar.ics" data-col-ics type="text/calendar">订阅本场地日历</a>' in page
        assert (sample_site / f"venues/{venue_id}/calendar.ics").is_file()
        assert re.search(r'<time datetime="[^"]+">[^<]+</time> <a href="../../events/', page), venue_id
