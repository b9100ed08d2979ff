"""A federation that forks the column replaces the sample records with its own: the tests keep passing.

The tests build from ``tests/fixtures/sample/`` (see ``support.sitebuild``); the live record folders are the
federation's data, judged only by ``make check`` and ``make build``. A guard in ``conftest.py`` fails any test
that opens a live record.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.records import VALID_ORG, write
from support.sitebuild import DATA, REPO, build_site, copy_project

TODAY = "2027-03-08T09:00:00+08:00"
"""A clock far from the sample's: the records below are dated on it, as a new federation's would be."""

VENUE = """\
name: 新城街道妇女之家
kind: 妇女之家
description: 街道办一楼的活动室。
address: 新城街道办事处一楼
street: 新城街道
org: xincheng-funv
capacity: 30
hours:
  - days: [周一, 周二, 周三, 周四, 周五]
    open: "09:00"
    close: "17:00"
rules: 活动结束后请恢复桌椅。
lead_days: 1
phone: 0000-0000999
"""

EVENT = """\
title: 三八节女性健康讲座
category: 讲座
organizers: [xincheng-funv]
description: 邀请社区医生讲女性常见病的预防。
start: 2027-03-08 14:00
end: 2027-03-08 16:00
venue: xincheng-funv-zhijia
audience: [妇女]
created: 2027-03-08 08:30
"""


@pytest.fixture(scope="module")
def own_site(tmp_path_factory) -> Path:
    """Every sample record deleted; one organization, one venue and one event, all dated today."""
    root = tmp_path_factory.mktemp("own")
    data = root / "data"
    write(data, "orgs/xincheng-funv.yml", VALID_ORG.replace("verified: 2026-10-01", "verified: 2027-03-08"))
    write(data, "venues/xincheng-funv-zhijia.yml", VENUE)
    write(data, "events/sanbajie-jiankang-jiangzuo.yml", EVENT)
    write(data, "column.yml", (REPO / "tests/fixtures/sample/column.yml").read_text(encoding="utf-8"))
    return build_site(copy_project(root / "project", data=data), root / "site", now=TODAY)


def test_a_fork_with_three_records_of_today_builds_every_page(own_site):
    home = (own_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h3 class="col-card__title"><a href="events/sanbajie-jiankang-jiangzuo/">三八节女性健康讲座</a>', home)
    assert "<h1>滨河区测试妇女服务中心</h1>" in (own_site / "orgs/xincheng-funv/index.html").read_text(encoding="utf-8")
    venue = (own_site / "venues/xincheng-funv-zhijia/index.html").read_text(encoding="utf-8")
    assert "三八节女性健康讲座" in venue
    assert (own_site / "events/sanbajie-jiankang-jiangzuo/event.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert not (own_site / "orgs/binhe-hunyin-jiating-fudao-zhongxin").exists()


def test_a_fork_with_a_single_organization_builds(tmp_path):
    data = tmp_path / "data"
    write(data, "orgs/xincheng-funv.yml", VALID_ORG)
    write(data, "column.yml", (REPO / "tests/fixtures/sample/column.yml").read_text(encoding="utf-8"))
    site = build_site(copy_project(tmp_path / "project", data=data), tmp_path / "site", now=TODAY)
    assert (site / "orgs/xincheng-funv/index.html").is_file()
    assert (site / "events/index.html").is_file()


def test_the_live_data_is_out_of_the_tests_reach():
    """The guard in conftest.py: opening a live record from a test fails it."""
    for name in DATA:
        live = REPO / name
        target = live if live.is_file() else next((p for p in live.rglob("*") if p.is_file()), None)
        if target is None:
            continue
        with pytest.raises(PermissionError, match="测试不得读取线上数据"):
            target.open("rb")
