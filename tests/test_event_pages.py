"""Event pages of the sample site, read back from the built HTML (build clock: 2026-11-22 10:00)."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from column import catalog as catalog_module
from column.clock import TZ
from column.kinds import Context
from column.problems import Problems
from column.render import news, when
from support.sitebuild import SAMPLE

EVENTS = sorted(p.stem for p in (SAMPLE / "events").glob("*.yml"))
CANCELLED, POSTPONED = "jiating-jiaoyu-jiangzuo-qingchunqi", "hunyin-jiating-shalong"


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def json_ld(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def cards(html: str) -> list[str]:
    return re.findall(r'<article class="col-card col-event".*?</article>', html, re.S)


def test_the_fixture_records_cover_every_case_the_tests_need():
    raws = [yaml.safe_load((SAMPLE / "events" / f"{n}.yml").read_text(encoding="utf-8")) for n in EVENTS]
    assert len(raws) >= 40
    assert sum("repeat" in r for r in raws) >= 3
    assert {r.get("status") for r in raws} >= {"取消", "延期"}
    assert any(r.get("online") for r in raws) and sum("recap" in r for r in raws) >= 3
    assert sum(bool(r.get("updates")) for r in raws) >= 3
    assert {r.get("venue") for r in raws} >= {p.stem for p in (SAMPLE / "venues").glob("*.yml")}


def test_every_event_has_a_page_and_an_ics(sample_site):
    for name in EVENTS:
        assert (sample_site / "events" / name / "event.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
        assert "data-col-event=\"%s\"" % name in page(sample_site, f"events/{name}")


def test_cancelled_event_shows_as_cancelled_everywhere(sample_site):
    html = page(sample_site, f"events/{CANCELLED}")
    assert "本活动已取消。" in html and "主讲老师临时因病无法到场" in html
    assert json_ld(html)["eventStatus"] == "https://schema.org/EventCancelled"
    listed = [c for c in cards(page(sample_site, "events")) if f'href="{CANCELLED}/"' in c]
    assert len(listed) == 1 and "已取消" in listed[0] and "data-col-fixed" in listed[0]
    grid = page(sample_site, "events/calendar/2026/11")
    assert re.search(r'class="col-month__cancelled"><a href="../../../jiating-jiaoyu-jiangzuo-qingchunqi/">', grid)


def test_postponed_event_shows_its_new_and_old_time(sample_site):
    html = page(sample_site, f"events/{POSTPONED}")
    assert "本活动已延期至 2026 年 12 月 20 日（周日） 14:00–16:30。" in html
    assert "<del>2026 年 11 月 29 日（周日） 14:00–16:30</del>" in html
    data = json_ld(html)
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert (data["startDate"], data["previousStartDate"]) == ("2026-12-20T14:00+08:00", "2026-11-29T14:00+08:00")
    listed = [c for c in cards(page(sample_site, "events")) if f'href="{POSTPONED}/"' in c]
    assert len(listed) == 1 and "已延期" in listed[0] and 'data-col-start="2026-12-20T14:00+08:00"' in listed[0]


def test_json_ld_of_an_online_event_with_registration(sample_site):
    data = json_ld(page(sample_site, "events/xianshang-jiajiao-ketang"))
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == [{"@type": "VirtualLocation", "url": "https://meeting.example.org/j/000000123"}]
    assert data["offers"]["price"] == 0 and data["offers"]["priceCurrency"] == "CNY"
    assert [o["name"] for o in data["organizer"]] == ["滨河区家庭教育研究会", "东城社区妈妈帮互助会"]


def test_event_page_has_every_fact(sample_site):
    html = page(sample_site, "events/nvxing-chuangye-peixun-2026")
    for fact in ("2026 年 12 月 12 日（周六） 09:00 至 12 月 13 日（周日） 17:00", "区女性社会组织孵化中心 多功能厅",
                 "uri.amap.com/search?keyword=", "100 人", "报名截止", "event.ics", "名额剩余 20 个", "免费"):
        assert fact in html, fact
    updates = page(sample_site, "events/shehui-zuzhi-xiangmushu")
    assert updates.index('id="update-20261111T1520"') < updates.index('id="recap"')
    assert "服务 <strong>35 人次</strong>" in updates


def test_updates_are_newest_first(tmp_path):
    from column.model.event import build
    from column.model.common import Origin

    event = build("x", Origin("events/x.yml", False), {
        "title": "t", "category": "讲座", "description": "d", "organizers": ["o"], "start": "2026-12-01 10:00",
        "end": "2026-12-01 11:00", "audience": ["妇女"], "address": "a",
        "updates": [{"time": "2026-11-01 10:00", "text": "old"}, {"time": "2026-11-20 10:00", "text": "new"}]})
    assert [u.text for u in event.updates] == ["new", "old"]


def test_upcoming_list_is_grouped_by_day_and_drops_ended_events(sample_site):
    html = page(sample_site, "events")
    days = re.findall(r'data-col-day="([\d-]+)"', html)
    assert days == sorted(days) and days[0] >= "2026-11-22"
    assert "weilao-jiankang-yizhen/" not in html  # ended in October
    assert 'data-col-day="2026-11-26"' in html


def test_filter_page_without_javascript(sample_site):
    html = page(sample_site, "events/category/qinzi-huodong")
    found = cards(html)
    assert found and all('data-category="qinzi-huodong"' in c for c in found)
    assert f'<span class="col-result__count">{len(found)}</span>' in html


def test_month_starting_on_sunday(sample_site):
    html = page(sample_site, "events/calendar/2026/11")
    first_week = re.search(r"<tbody>\s*<tr>(.*?)</tr>", html, re.S).group(1)
    cells = re.findall(r'<td class="(col-month__\w+)[^"]*" data-col-date="([\d-]+)"', first_week)
    assert [c[1] for c in cells] == ["2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29", "2026-10-30",
                                     "2026-10-31", "2026-11-01"]
    assert [c[0] for c in cells] == ["col-month__out"] * 6 + ["col-month__day"]
    assert "<caption>2026 年 11 月活动月历</caption>" in html
    assert re.findall(r'data-col-date="([\d-]+)" aria-current="date"', html) == ["2026-11-22"]
    assert 'href="../10/" rel="prev"' in html and 'href="../12/" rel="next"' in html


def test_event_crossing_midnight_is_on_both_days(sample_site):
    dec, jan = page(sample_site, "events/calendar/2026/12"), page(sample_site, "events/calendar/2027/01")
    cell = lambda html, day: re.search(rf'data-col-date="{day}"[^>]*>(.*?)</td>', html, re.S).group(1)
    assert "21:00</span> <span class=\"col-month__title\">新年夜巾帼志愿者守岁暖心行动" in cell(dec, "2026-12-31")
    assert "续</span> <span class=\"col-month__title\">新年夜巾帼志愿者守岁暖心行动" in cell(jan, "2027-01-01")


def test_months_run_from_first_to_last_event(sample_site):
    months = sorted(p.relative_to(sample_site / "events/calendar").as_posix()
                    for p in (sample_site / "events/calendar").glob("*/*"))
    assert months[0] == "2026/09" and months[-1] == "2027/03" and len(months) == 7


def test_past_events_by_year(sample_site):
    html = page(sample_site, "events/past/2026")
    assert 'href="../../weilao-jiankang-yizhen/"' in html and "服务 135 人次" in html
    assert "2027 年" not in html.split("往期年份")[1].split("</nav>")[0]


def test_org_profile_lists_upcoming_and_past_events(sample_site):
    html = page(sample_site, "orgs/dongcheng-mamabang")
    upcoming, past = html.split('id="past-events"')
    assert 'href="../../events/xianshang-jiajiao-ketang/"' in upcoming and 'href="calendar.ics"' in upcoming
    assert 'href="../../events/tongshu-tongyi-jiaohuan/"' in past


def test_news_items_for_the_feed():
    records = catalog_module.load(Context(SAMPLE, SAMPLE / "content", dt.datetime(2026, 11, 22, 10, 0, tzinfo=TZ), Problems()))
    items = news.items(records.event.values(), dt.datetime(2026, 11, 22, 10, 0, tzinfo=TZ))
    assert [i.time for i in items] == sorted((i.time for i in items), reverse=True)
    assert len({i.id for i in items}) == len(items)
    first = items[0]
    assert (first.id, first.url, first.title) == (
        "hunyin-jiating-shalong/update-20261121T1600", "events/hunyin-jiating-shalong/#update-20261121T1600",
        "“和美家庭”夫妻沟通沙龙：沙龙延期到 12 月 20 日")
    assert "**" not in first.summary and first.summary.startswith("因场地检修，沙龙延期到 12 月 20 日（周日）14:00")
    assert any(i.id == "weilao-jiankang-yizhen/recap" and i.url == "events/weilao-jiankang-yizhen/#recap" for i in items)


def test_news_page_links_to_each_item(sample_site):
    html = page(sample_site, "events/news")
    assert 'href="../hunyin-jiating-shalong/#update-20261121T1600"' in html
    assert html.index("沙龙延期到 12 月 20 日") < html.index("讲座取消")


@pytest.mark.parametrize("url", ["events", "events/calendar/2026/12", "events/dongcheng-qinzi-gongdu"])
def test_pages_under_a_sub_path_link_relatively(subpath_site, url):
    html = page(subpath_site, url)
    assert 'href="/events' not in html and 'href="/orgs' not in html


def test_event_lists_offer_only_the_busiest_organizers(monkeypatch):
    """A city has a thousand organizers: the chips are the busiest; every organizer keeps its filter page."""
    from column.render import events
    from column.render.env import Settings

    now = dt.datetime(2026, 11, 22, 10, 0, tzinfo=TZ)
    records = catalog_module.load(Context(SAMPLE, SAMPLE / "content", now, Problems()))
    view = events.view(records, Settings("https://example.org/column/"), now)
    coming = events.upcoming(list(view.all), now)
    counts: dict[str, int] = {}
    for occ in coming:
        for org_id in set(occ.event.organizers):
            counts[org_id] = counts.get(org_id, 0) + 1
    assert len(counts) > 3
    monkeypatch.setattr(events, "ORG_CHIPS", 3)
    made = {p.url: p for p in events.pages(view)}
    ever = {org_id for event in records.event.values() for org_id in event.organizers if org_id in records.org}
    assert set(counts) < ever  # some organizers have only past events: their filter pages stay (see test_sitemap)
    assert sorted(url.split("/")[2] for url in made if url.startswith("events/org/")) == sorted(ever)
    busiest = sorted(counts, key=lambda o: (-counts[o], o))[:3]
    listing = made["events/"].body
    assert sorted(re.findall(r'href="org/([a-z0-9-]+)/" data-value', listing)) == sorted(busiest)
    assert f"另有 {len(counts) - 3} 个组织近期有活动" in listing and 'href="../orgs/"' in listing
    assert len(cards(listing)) == len(coming)  # every event is still listed
    quiet = sorted(set(counts) - set(busiest))[0]
    own = made[f"events/org/{quiet}/"].body
    chips = [(value, current) for value, current in re.findall(
        r'href="[^"]*" data-value="([a-z0-9-]+)"( aria-current="page")?', own) if value in counts]
    assert sorted(chips) == sorted([(o, "") for o in busiest] + [(quiet, ' aria-current="page"')])
    assert f"另有 {len(counts) - 4} 个组织近期有活动" in own


@pytest.mark.parametrize("today, said", [
    ("2026-12-19", "今天"), ("2026-12-18", "明天"), ("2026-12-14", "本周六"), ("2026-12-17", "本周六"),
    ("2026-12-13", "下周六"), ("2026-12-07", "下周六"), ("2026-12-06", "12 月 19 日（13 天后）"),
    ("2026-11-22", "12 月 19 日（27 天后）"),
])
def test_an_upcoming_event_says_when_it_is(today, said):
    """Saturday 2026-12-19, seen from different days (weeks run Monday to Sunday)."""
    assert when.upcoming_label(dt.date(2026, 12, 19), dt.date.fromisoformat(today)) == said
