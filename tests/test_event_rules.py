"""One test per event rule, each asserting the exact Chinese message staff see."""
from __future__ import annotations

import datetime as dt

import pytest

from column.clock import TZ
from column.model.event import occurrences
from column.config import Config
from support.records import EVENT_HEAD, VALID_ORG, check, messages, write

VENUE = """\
name: 测试妇女之家
kind: 妇女之家
address: 滨河区测试路 1 号
street: 湖田街道
capacity: 40
hours:
  - days: [周一, 周二, 周三, 周四, 周五]
    open: "08:30"
    close: "17:30"
  - days: [周六]
    open: "09:00"
    close: "16:00"
rules: 公益活动免费使用。
lead_days: 3
phone: 0000-0000100
"""

EVENT = EVENT_HEAD + """\
venue: ceshi-zhijia
audience: [家庭]
capacity: 30
registration:
  phone: 0000-0000001
  deadline: "2026-12-03 18:00"
"""


@pytest.fixture
def project(tmp_path):
    write(tmp_path, "orgs/ceshi.yml", VALID_ORG)
    write(tmp_path, "venues/ceshi-zhijia.yml", VENUE)
    return tmp_path


def event(root, text: str, name: str = "jiangzuo") -> None:
    write(root, f"events/{name}.yml", text)


def test_valid_event_passes(project):
    event(project, EVENT)
    catalog, problems = check(project)
    assert len(problems) == 0
    ev = catalog.event["jiangzuo"]
    assert (ev.start, ev.end) == (dt.datetime(2026, 12, 5, 14, 0, tzinfo=TZ), dt.datetime(2026, 12, 5, 15, 30, tzinfo=TZ))


@pytest.mark.parametrize("old, new, expected", [
    ("category: 讲座", "category: 演出",
     "events/jiangzuo.yml:2 category（活动类别）：应为 讲座 / 培训 / 志愿服务 / 亲子活动 / 文体活动 / 咨询服务 / 招聘/创业 / 交流议事 / 其他 之一，实际为 \"演出\""),
    ('end: "2026-12-05 15:30"', 'end: "2026-12-05 25:30"',
     "events/jiangzuo.yml:6 end（结束时间）：应为北京时间的日期或日期加时刻，如 2026-12-05 或 2026-12-05 14:30，实际为 \"2026-12-05 25:30\""),
    ('end: "2026-12-05 15:30"', "",
     "events/jiangzuo.yml:5 start（开始时间）：定时活动缺少必填字段 end（结束时间）"),
    ('end: "2026-12-05 15:30"', "end: 2026-12-05",
     "events/jiangzuo.yml:6 end（结束时间）：结束时间 2026-12-05 与开始时间 2026-12-05 14:00 写法不一致"),
    ('end: "2026-12-05 15:30"', 'end: "2026-12-05 13:30"',
     "events/jiangzuo.yml:6 end（结束时间）：结束时间 2026-12-05 13:30 不晚于开始时间 2026-12-05 14:00"),
    ('deadline: "2026-12-03 18:00"', 'deadline: "2026-12-06 18:00"',
     "events/jiangzuo.yml:12 registration.deadline（报名截止）：报名截止 2026-12-06 18:00 晚于活动开始 2026-12-05 14:00"),
    ("venue: ceshi-zhijia", "",
     "events/jiangzuo.yml:1：没有写活动地点"),
    ("venue: ceshi-zhijia", "venue: ceshi-zhijia\naddress: 测试路 2 号",
     "events/jiangzuo.yml:8 address（地址）：同时写了 venue 和 address"),
    ("organizers: [ceshi]", "organizers: [cheshi]",
     "events/jiangzuo.yml:4 organizers[0]：找不到组织 “cheshi”（没有 orgs/cheshi.yml）"),
    ("venue: ceshi-zhijia", "venue: ceshi-zhija",
     "events/jiangzuo.yml:7 venue：找不到场地 “ceshi-zhija”（没有 venues/ceshi-zhija.yml）"),
    ("capacity: 30", "capacity: 45",
     "events/jiangzuo.yml:9 capacity（名额）：名额 45 人超过场地“测试妇女之家”的容纳人数 40 人"),
])
def test_rule(project, old, new, expected):
    assert old in EVENT
    event(project, EVENT.replace(old, new))
    assert expected in messages(project)


def test_cancelled_needs_a_reason(project):
    event(project, EVENT + "status: 取消\n")
    assert messages(project) == ["events/jiangzuo.yml:13 status（状态）：活动已取消，但没有写取消原因"]


def test_postponed_time_needs_postponed_status(project):
    event(project, EVENT + 'postponed_to:\n  start: "2026-12-12 14:00"\n  end: "2026-12-12 15:30"\n')
    assert messages(project) == ["events/jiangzuo.yml:13 postponed_to（延期后的时间）：写了延期后的时间，但状态是“如期”"]


def test_postponed_to_an_earlier_time(project):
    event(project, EVENT + 'status: 延期\npostponed_to:\n  start: "2026-12-01 14:00"\n  end: "2026-12-01 15:30"\n'
          .replace("deadline: \"2026-12-03 18:00\"", ""))
    assert "events/jiangzuo.yml:15 postponed_to.start（新的开始时间）：延期后的开始时间不晚于原定时间" in messages(project)


def test_regular_event_cannot_be_postponed_whole(project):
    event(project, EVENT + "repeat:\n  every: 每周\n  count: 3\nstatus: 延期\npostponed_to:\n  start: \"2026-12-06 14:00\"\n")
    assert "events/jiangzuo.yml:17 postponed_to（延期后的时间）：定期活动不能整体延期" in messages(project)


def test_repeat_needs_until_or_count(project):
    event(project, EVENT + "repeat:\n  every: 每周\n")
    assert messages(project) == ["events/jiangzuo.yml:13 repeat（重复）：定期活动要写 until（重复到）或 count（次数）中的一项"]


def test_repeat_until_before_first(project):
    event(project, EVENT + "repeat:\n  every: 每周\n  until: 2026-11-30\n")
    assert messages(project) == ["events/jiangzuo.yml:15 repeat.until（重复到）：重复到 2026-11-30 早于第一次活动 2026-12-05"]


def test_skipped_date_off_schedule_warns(project):
    event(project, EVENT + "repeat:\n  every: 每周\n  count: 3\n  skip: [2026-12-13]\n")
    catalog, problems = check(project)
    assert catalog is not None
    assert [p.text().split("\n")[0] for p in problems.warnings] == [
        "events/jiangzuo.yml:16 repeat.skip[0]（日期）：跳过日期 2026-12-13 本来就不是本活动举行的日子"]


def test_outside_opening_hours_warns(project):
    event(project, EVENT.replace("15:30", "16:30"))
    catalog, problems = check(project)
    assert catalog is not None
    assert [p.text().split("\n")[0] for p in problems.warnings] == [
        "events/jiangzuo.yml:5 start（开始时间）：2026-12-05 14:00 不在场地“测试妇女之家”的开放时间内"
        "（周一、周二、周三、周四、周五 08:30–17:30；周六 09:00–16:00）"]


def test_two_events_in_one_venue_at_once_warn(project):
    event(project, EVENT)
    event(project, EVENT.replace('start: "2026-12-05 14:00"', 'start: "2026-12-05 15:00"'), "shalong")
    catalog, problems = check(project)
    assert catalog is not None
    assert [p.text().split("\n")[0] for p in problems.warnings] == [
        "events/shalong.yml:7 venue（场地）：与活动 jiangzuo（家庭教育讲座）在“测试妇女之家”的时间重叠：2026-12-05 15:00 起"]


def test_cancelled_event_does_not_overlap(project):
    event(project, EVENT)
    event(project, EVENT + "status: 取消\nstatus_reason: 讲师生病\n", "shalong")
    _, problems = check(project)
    assert len(problems) == 0


def test_reserved_id(project):
    event(project, EVENT, "calendar")
    assert messages(project) == ["events/calendar.yml：文件名 “calendar” 是活动栏目里的保留网址，不能用作活动编号"]


def test_weekly_series_skips_dates_and_keeps_local_time(project):
    event(project, EVENT + "repeat:\n  every: 每周\n  until: 2026-12-26\n  skip: [2026-12-19]\n")
    catalog, _ = check(project)
    starts = [o.start for o in occurrences(catalog.event.values())]
    assert [s.date().isoformat() for s in starts] == ["2026-12-05", "2026-12-12", "2026-12-26"]
    assert {(s.hour, s.minute, s.utcoffset()) for s in starts} == {(14, 0, dt.timedelta(hours=8))}


def test_monthly_by_weekday_series(project):
    event(project, EVENT + "repeat:\n  every: 每月第几个星期几\n  count: 3\n")
    catalog, _ = check(project)
    assert [o.start.date().isoformat() for o in occurrences(catalog.event.values())] == [
        "2026-12-05", "2027-01-02", "2027-02-06"]


def test_occurrences_by_venue_and_org(project):
    event(project, EVENT)
    event(project, EVENT.replace("venue: ceshi-zhijia", "online: https://meeting.example.org/1"), "xianshang")
    catalog, _ = check(project)
    assert [o.event.id for o in occurrences(catalog.event.values(), venue="ceshi-zhijia")] == ["jiangzuo"]
    assert [o.event.id for o in occurrences(catalog.event.values(), org="ceshi")] == ["jiangzuo", "xianshang"]
    assert occurrences(catalog.event.values(), org="other") == []


DESK = Config(request_desk="https://shouli.example.org")
SIGNUP = EVENT.replace("  phone: 0000-0000001\n", "  desk: true\n  party_max: 3\n")


def test_signup_on_the_desk_passes(project):
    event(project, SIGNUP)
    catalog, problems = check(project, config=DESK)
    assert len(problems) == 0
    reg = catalog.event["jiangzuo"].registration
    assert (reg.desk, reg.places, reg.party_max, reg.waitlist) == (True, 30, 3, True)


@pytest.mark.parametrize("old, new, expected", [
    ("  desk: true\n", "  desk: true\n  link: https://example.org/form\n",
     "events/jiangzuo.yml:12 registration.link（报名链接）：报名方式写了两种：受理台报名（desk: true）和报名链接"),
    ("capacity: 30\n", "",
     "events/jiangzuo.yml:10 registration.desk（在受理台报名）：在受理台报名需要名额，但没有写报名名额，活动也没有写名额"),
    ("  desk: true\n", "  desk: true\n  places: 31\n",
     "events/jiangzuo.yml:12 registration.places（报名名额）：报名名额 31 多于活动的名额 30"),
    ("  party_max: 3\n", "  party_max: 5\n  places: 4\n",
     "events/jiangzuo.yml:12 registration.party_max（每人最多报几位）：每人最多报 5 位，多于报名名额 4"),
    ("  desk: true\n", "  phone: 0000-0000001\n",
     "events/jiangzuo.yml:12 registration.party_max（每人最多报几位）：写了 party_max，但报名不在受理台（没有写 desk: true）"),
])
def test_signup_rule(project, old, new, expected):
    assert old in SIGNUP
    event(project, SIGNUP.replace(old, new))
    assert messages(project, config=DESK) == [expected]


def test_signup_needs_a_desk_address(project):
    event(project, SIGNUP)
    assert messages(project) == [
        "events/jiangzuo.yml:11 registration.desk（在受理台报名）：在受理台报名，但 column.yml 没有写受理台网址"]
