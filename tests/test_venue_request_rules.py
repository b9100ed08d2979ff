"""The venue request rules the desk applies (and the form's script mirrors), each with its exact message."""
from __future__ import annotations

import datetime as dt

import pytest

from column.rules import venue_request
from column.rules.venue_request import Slot
from support.records import check, write
from support.sitebuild import SAMPLE

TODAY = dt.date(2026, 11, 22)
"""A Sunday, as the browser tests' clock."""
FORM = {"venue": "hutian-funv-zhijia", "applicant": "王芳", "org": "滨河区婚姻家庭辅导中心", "phone": "13800001234",
        "date": "2026-12-02", "start": "09:30", "end": "11:00", "people": "25", "purpose": "亲子阅读会",
        "equipment": "投影", "agree": "yes"}


@pytest.fixture(scope="module")
def venue(tmp_path_factory):
    root = tmp_path_factory.mktemp("rules")
    write(root, "venues/hutian-funv-zhijia.yml", (SAMPLE / "venues/hutian-funv-zhijia.yml").read_text(encoding="utf-8"))
    catalog, problems = check(root)
    assert catalog is not None, problems.report()
    return catalog.venue["hutian-funv-zhijia"]


def test_a_valid_request_is_typed(venue):
    request, errors = venue_request.check(venue, {**FORM, "phone": " 0533 1234567 ", "date": "2026年12月2日"}, TODAY)
    assert errors == {}
    assert request == venue_request.VenueRequest(
        "hutian-funv-zhijia", "王芳", "滨河区婚姻家庭辅导中心", "05331234567", dt.date(2026, 12, 2), dt.time(9, 30),
        dt.time(11, 0), 25, "亲子阅读会", "投影")


@pytest.mark.parametrize("changes, field, message", [
    ({"date": "2026-11-24"}, "date", "本场地需至少提前 3 天申请：请选择 2026 年 11 月 25 日（周三）或以后的日期"),
    ({"date": "2026-12-06"}, "date", "本场地周日不开放，请换一天"),
    ({"date": "2027-11-24"}, "date", "最多只能申请 366 天以内的日期：请选择 2027 年 11 月 23 日（周二）或以前的日期"),
    ({"date": "2026-02-30"}, "date", "请按“年-月-日”填写日期，如 2026-12-01"),
    ({"date": ""}, "date", "请选择使用日期"),
    ({"start": "07:30", "end": "09:00"}, "start", "所选时间不在开放时间内：周三开放 08:30–17:30"),
    ({"date": "2026-12-05", "start": "15:00", "end": "17:00"}, "start", "所选时间不在开放时间内：周六开放 09:00–16:00"),
    ({"start": "25:00"}, "start", "请按“时:分”填写，如 14:00"),
    ({"end": ""}, "end", "请填写结束时间"),
    ({"start": "16:00", "end": "14:00"}, "end", "结束时间应晚于开始时间"),
    ({"people": "41"}, "people", "本场地最多容纳 40 人，请减少人数或选择更大的场地"),
    ({"people": "0"}, "people", "参加人数应为 1 到 40 之间的整数"),
    ({"people": "２"}, "people", "参加人数应为 1 到 40 之间的整数"),
    ({"phone": "12345"}, "phone", "电话号码格式不对：请填写 11 位手机号，或带区号的座机号（如 0533-1234567）"),
    ({"phone": ""}, "phone", "请填写联系电话"),
    ({"applicant": ""}, "applicant", "请填写申请人姓名"),
    ({"applicant": "王" * 31}, "applicant", "申请人姓名最多 30 字，现在有 31 字，请删减"),
    ({"org": ""}, "org", "请填写申请单位（可从列表中选择，也可以直接输入）"),
    ({"purpose": " "}, "purpose", "请简单写明活动内容"),
    ({"agree": ""}, "agree", "请先阅读并勾选同意使用须知"),
])
def test_each_rule_names_its_field(venue, changes, field, message):
    assert venue_request.check(venue, {**FORM, **changes}, TODAY) == (None, {field: message})


def test_too_early_date_is_the_only_complaint_about_the_time(venue):
    _, errors = venue_request.check(venue, {**FORM, "date": "2026-11-23", "start": "07:00"}, TODAY)
    assert list(errors) == ["date"]


def test_a_taken_slot_is_refused_with_the_venue_phone(venue):
    taken = [Slot(dt.date(2026, 12, 2), dt.time(10, 30), dt.time(12, 0), "湖田读书会"),
             Slot(dt.date(2026, 12, 2), dt.time(11, 0), dt.time(12, 0), "相邻不算重叠"),
             Slot(dt.date(2026, 12, 3), dt.time(9, 0), dt.time(12, 0), "另一天")]
    assert venue_request.check(venue, FORM, TODAY, taken) == (None, {
        "start": "所选时段已有安排：湖田读书会（10:30–12:00）。请换一个时段，或打电话 0000-0000100 与场地管理人协调"})
