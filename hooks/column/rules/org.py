"""Rules on one organization record that a schema cannot express."""
from __future__ import annotations

import datetime as dt

from ..kinds import Context
from ..model.org import Org
from ..yamlsource import Source

STALE_AFTER = dt.timedelta(days=365)
"""A record not verified for longer than this draws a warning."""


def check(source: Source, org: Org, ctx: Context) -> None:
    _dates(source, org, ctx)
    _rating(source, org, ctx)
    _leader(source, org, ctx)
    ctx.check_image(source, ("logo",), org.logo)
    for n, photo in enumerate(org.photos):
        ctx.check_image(source, ("photos", n), photo)
    if org.leader and org.leader.photo:
        ctx.check_image(source, ("leader", "photo"), org.leader.photo)


def _dates(source: Source, org: Org, ctx: Context) -> None:
    p = ctx.problems
    if org.founded and org.founded > ctx.today:
        p.error(source.file, source.line(("founded",)), "founded（成立日期）",
                f"成立日期 {org.founded} 晚于今天 {ctx.today}", "请核对年份。")
    if org.verified > ctx.today:
        p.error(source.file, source.line(("verified",)), "verified（核实日期）",
                f"核实日期 {org.verified} 晚于今天 {ctx.today}", "请填写实际核实的日期。")
    elif ctx.today - org.verified > STALE_AFTER:
        p.warning(source.file, source.line(("verified",)), "verified（核实日期）",
                  f"档案已超过一年未核实（上次 {org.verified}）", "请与该组织核对信息后，把 verified 改为核实当天的日期。")


def _rating(source: Source, org: Org, ctx: Context) -> None:
    rating = org.rating
    if not rating:
        return
    line = source.line(("rating", "year"))
    if rating.year > ctx.today.year:
        ctx.problems.error(source.file, line, "rating.year（评定年份）",
                           f"评定年份 {rating.year} 晚于今年 {ctx.today.year}", "请填写实际获得等级的年份。")
    elif rating.expired(ctx.today):
        ctx.problems.warning(source.file, line, "rating.year（评定年份）",
                             f"{rating.grade} 等级已过期（{rating.year} 年评定，有效至 {rating.valid_until} 年底），页面将显示“已过期”",
                             "如已重新评估，请更新 rating 的 grade 和 year。")


def _leader(source: Source, org: Org, ctx: Context) -> None:
    raw_leader = source.data.get("leader") or {}
    if raw_leader.get("name") and not raw_leader.get("consent"):
        ctx.problems.warning(source.file, source.line(("leader", "consent")), "leader.consent（同意公开）",
                             "填写了带头人姓名但未记录本人同意，网站不会显示姓名和照片",
                             "取得本人书面同意后把 consent 改为 true。")
