"""Write records into a throw-away project and collect what the checker says."""
from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from column import catalog
from column.config import Config
from column.kinds import Context
from column.problems import Problems, RecordsInvalid

TODAY = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))

VALID_ORG = """\
name: 滨河区测试妇女服务中心
type: 社会服务机构
registration:
  status: 登记
  uscc: 52370303MJD123456T
  authority: 滨河区民政局
areas:
  - 婚姻家庭
description: 为社区妇女提供婚姻家庭辅导。
verified: 2026-10-01
"""

EVENT_HEAD = """\
title: 家庭教育讲座
category: 讲座
description: 讲讲怎么陪伴孩子。
organizers: [ceshi]
start: "2026-12-05 14:00"
end: "2026-12-05 15:30"
"""
"""The first lines of a valid event organized by ``ceshi``; tests add its place and audience."""


def story(body: str, *, orgs: str = "") -> str:
    """A valid story (category 典型事迹, slug ``yige-gushi``) with ``body`` after its excerpt."""
    listed = f"orgs: [{orgs}]\n" if orgs else ""
    return ("---\ntitle: 一个故事\ndate: 2026-11-01\nslug: yige-gushi\ncategories: [典型事迹]\n"
            f"description: 一句话摘要。\n{listed}---\n\n摘要。\n\n<!-- more -->\n\n{body}\n")


def write(root: Path, relative: str, text: str | bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        text = textwrap.dedent(text).encode("utf-8")
    path.write_bytes(text)
    return path


def check(root: Path, now: dt.datetime = TODAY, config: Config = Config()) -> tuple[catalog.Catalog | None, Problems]:
    problems = Problems()
    (root / "content").mkdir(exist_ok=True)
    try:
        return catalog.load(Context(root, root / "content", now, problems, config)), problems
    except RecordsInvalid:
        return None, problems


def messages(root: Path, now: dt.datetime = TODAY, config: Config = Config()) -> list[str]:
    """Every problem as ``file:line field：message`` (hints left out)."""
    _, problems = check(root, now, config)
    return [p.text().split("\n")[0] for p in problems]
