"""Hostile and broken input that is not a file problem: settings, text that costs time, numbers and dates.

Each case ends in one located Chinese message from the same checks ``make check`` runs.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest

from column import inputs, site
from column.model.event import expand
from column.problems import Problem, Problems, RecordsInvalid
from column.render import calendar_month
from column.render.env import Settings
from support.records import TODAY, VALID_ORG, write


def full_problems(root: Path) -> list[Problem]:
    """Every error the check finds in ``root`` (settings, stories and records)."""
    problems = Problems()
    (root / "content").mkdir(exist_ok=True)
    with pytest.raises(RecordsInvalid):
        inputs.load_inputs(root, root / "content", TODAY, problems)
    return problems.errors


def staff_messages(root: Path) -> list[str]:
    """Every error as ``file:line field：message`` (hints left out)."""
    return [p.text().split("\n")[0] for p in full_problems(root)]


@pytest.mark.parametrize("link", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                                  "data:text/html,<script>alert(1)</script>", "//evil.example/", "vbscript:msgbox(1)"])
def test_announcement_link_is_a_site_page_or_a_web_address(tmp_path, link):
    write(tmp_path, "column.yml", f"announcement:\n  text: 公告\n  link: '{link}'\n")
    assert staff_messages(tmp_path) == [
        f'column.yml:3 announcement.link（链接）：应为站内页面路径（如 events/）或以 https:// 开头的网址，实际为 "{link[:40]}"'
        + ("…" if len(link) > 40 else "")]


EVENT = """\
title: 测试活动
category: 志愿服务
organizers:
  - ceshi
description: 介绍
start: 2026-12-03 09:00
end: 2026-12-03 11:30
address: 某地
audience:
  - 妇女
"""


def event(root: Path, text: str) -> Path:
    write(root, "orgs/ceshi.yml", VALID_ORG)
    return write(root, "events/ceshi.yml", text)


@pytest.mark.parametrize("year", ["9999", "0001", "9026", "1900", "2101"])
def test_dates_stay_within_the_years_a_calendar_can_mean(tmp_path, year):
    event(tmp_path, EVENT.replace("2026-12-03 09:00", f"{year}-12-03 09:00").replace("end: 2026-12-03 11:30\n", ""))
    (problem,) = full_problems(tmp_path)
    assert problem.text() == (
        f'events/ceshi.yml:6 start（开始时间）：应为北京时间的日期或日期加时刻，如 2026-12-05 或 2026-12-05 14:30，'
        f'实际为 "{year}-12-03 09:00"\n'
        f"    提示：年份应在 1949 到 2100 之间，这里写的是 {int(year)} 年：请核对年份（如把 2026 误写成 9026）。")


@pytest.mark.parametrize("field, value, hint", [
    ("start", "２０２６-１２-０３ 09:00", "里面有全角字符 “２”、“０”、“６”、“１”、“３”：请改为半角（先把输入法切换到英文），即 2026-12-03 09:00"),
    ("registration.phone", "１３８００１３８０００", "里面有全角字符 “１”、“３”、“８”、“０”：请改为半角（先把输入法切换到英文），即 13800138000"),
])
def test_full_width_digits_are_named(tmp_path, field, value, hint):
    text = EVENT.replace("2026-12-03 09:00", value) if field == "start" else EVENT + f"registration:\n  phone: '{value}'\n"
    event(tmp_path, text)
    (problem,) = full_problems(tmp_path)
    assert problem.field.startswith(field) and problem.message.endswith(f'实际为 "{value}"')
    assert problem.hint == hint


@pytest.mark.parametrize("repeat, message", [
    ("  every: 每周\n  until: 2099-12-31\n", "events/ceshi.yml:13 repeat.until（重复到）：定期活动最长持续三年（1098 天），这里到 2099-12-31 为止"),
    ("  every: 每月\n  interval: 12\n  count: 200\n",
     "events/ceshi.yml:14 repeat.count（次数）：定期活动最长持续三年（1098 天），这里到 2225-12-03 为止"),
    ("  every: 每周\n  count: 2\n  skip:\n    - 2026-12-03\n    - 2026-12-10\n",
     "events/ceshi.yml:14 repeat.skip（跳过日期）：按重复规则举行的每一天都被跳过了，这个活动一次也不会举行"),
], ids=["until-2099", "monthly-12-times-200", "all-skipped"])
def test_recurrences_are_bounded_and_happen(tmp_path, repeat, message):
    event(tmp_path, EVENT + "repeat:\n" + repeat)
    assert staff_messages(tmp_path) == [message]


def test_a_whole_number_written_with_a_point_counts_as_whole(tmp_path):
    event(tmp_path, EVENT + "repeat:\n  every: 每周\n  interval: 2.0\n  count: 3\n")
    problems = Problems()
    loaded = inputs.load_inputs(tmp_path, tmp_path / "content", TODAY, problems)
    assert [o.start.day for o in expand(loaded.catalog.event["ceshi"])] == [3, 17, 31]


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", ".NaN"])
def test_numbers_are_finite(tmp_path, value):
    write(tmp_path, "orgs/ceshi.yml", VALID_ORG + f"projects:\n  - name: 项目\n    kind: 品牌项目\n    year: 2025\n"
                                                  f"    funding: {value}\n")
    assert staff_messages(tmp_path) == [f"orgs/ceshi.yml:15：数字应为普通的数，实际为 {value}"]


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\ufffe"])
def test_control_characters_are_located(tmp_path, char):
    event(tmp_path, EVENT.replace("description: 介绍", f"description: 介{char}绍"))
    assert staff_messages(tmp_path) == [f"events/ceshi.yml:5：第 15 个字符是看不见的控制字符 U+{ord(char):04X}"]


@pytest.mark.parametrize("text, line, message", [
    ("".join("  " * i + "- 一层\n" for i in range(60)), 26, "列表或引用嵌套过深（上限 10 层）"),
    ("第一行\n\n" + "> " * 200 + "引用\n", 8, "列表或引用嵌套过深（上限 10 层）"),
    ("[" * 9000 + "\n", 6, "方括号“[”太多：9000 个，上限 300 个"),
    ("第一行\n" + "*" * 9000 + "字\n", 7, "连续的 * 太多（上限 40 个）"),
    ("<b>" * 400 + "\n", 6, "HTML 标签太多：400 个，上限 300 个"),
], ids=["nested-lists", "nested-quotes", "brackets", "emphasis-run", "tags"])
def test_markdown_that_would_exhaust_the_renderer_is_refused(tmp_path, text, line, message):
    body = "".join("  " + line + "\n" for line in text.splitlines())
    event(tmp_path, EVENT.replace("description: 介绍", "description: |\n" + body))
    (problem,) = full_problems(tmp_path)
    assert (problem.file, problem.line, problem.field, problem.message) == ("events/ceshi.yml", line, "description（活动介绍）", message)


STORY = """\
---
title: 测试故事
date: {date}
slug: ceshi
categories:
  - 典型事迹
description: 摘要
---

正文
"""


def test_a_story_dated_ahead_is_refused(tmp_path):
    write(tmp_path, "content/stories/posts/ceshi.md", STORY.format(date="2056-11-01"))
    assert staff_messages(tmp_path) == [
        "content/stories/posts/ceshi.md:3 date（发布日期）：发布日期 2056-11-01 晚于今天 2026-11-22：故事会一直排在所有列表的最前面"]


def test_a_story_with_old_mac_line_endings_is_read(tmp_path):
    write(tmp_path, "content/stories/posts/ceshi.md", STORY.format(date="2026-11-01").replace("\n", "\r").encode())
    problems = Problems()
    loaded = inputs.load_inputs(tmp_path, tmp_path / "content", TODAY, problems)
    assert [s.title for s in loaded.stories] == ["测试故事"]


def test_a_story_body_that_would_exhaust_the_renderer_is_refused_at_its_line(tmp_path):
    write(tmp_path, "content/stories/posts/ceshi.md", STORY.format(date="2026-11-01") + "\n" + "[" * 400 + "\n")
    assert staff_messages(tmp_path) == ["content/stories/posts/ceshi.md:12：方括号“[”太多：400 个，上限 300 个"]


def test_far_away_events_add_their_own_month_pages_only(tmp_path):
    far = [SimpleNamespace(start=dt.datetime(year, 5, 1, 9), end=dt.datetime(year, 5, 1, 11)) for year in (1950, 2100)]
    found = calendar_month.months(far, dt.date(2026, 11, 22))
    assert len(found) == 2 + 2 * calendar_month.NEAR_MONTHS + 1
    assert found[0] == (1950, 5) and found[-1] == (2100, 5) and (2026, 11) in found


def test_two_street_names_with_one_address_are_refused(tmp_path):
    write(tmp_path, "orgs/ceshi.yml", VALID_ORG + "streets:\n  - 东城社区\n")
    write(tmp_path, "orgs/linju.yml", VALID_ORG + "streets:\n  - 东城社区\n  - 东成社区\n")
    assert staff_messages(tmp_path) == [
        "orgs/linju.yml:13 streets[1]：街道/社区名称“东成社区”与 orgs/ceshi.yml:12 的“东城社区”拼音相同，"
        "会用同一个网址（…/dongcheng-shequ/），一页会覆盖另一页"]


def test_a_written_page_may_not_take_a_record_page_s_address(tmp_path):
    write(tmp_path, "orgs/ceshi.yml", VALID_ORG)
    write(tmp_path, "content/orgs/ceshi.md", "# 手写的页面\n")
    with pytest.raises(RecordsInvalid) as raised:
        site.build(tmp_path, tmp_path / "content", Settings(site_url="http://127.0.0.1:8000/", site_name="专栏"), TODAY)
    assert [p.text().split("\n")[0] for p in raised.value.problems.errors] == [
        "orgs/ceshi.yml：网址 orgs/ceshi/ 同时属于 content/orgs/ceshi.md 和 orgs/ceshi.yml：一页会覆盖另一页"]
