"""Rules on one organization record that a schema cannot express."""
from __future__ import annotations

import datetime as dt

from .. import consent
from ..fieldtext import strings
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
    if raw_leader.get("consent"):
        return
    if raw_leader.get("photo"):
        ctx.problems.error(source.file, source.line(("leader", "photo")), "leader.photo（照片）",
                           "未记录本人同意（consent: false），不能放带头人照片：content/ 中的照片文件会被发布",
                           f"请删除 photo 这几行，并删除照片文件 content/{raw_leader['photo'].get('src', '')}；"
                           "取得本人书面同意后再把 consent 改为 true 并放回照片。")
    name = raw_leader.get("name")
    withheld = (("leader", "name"), ("leader", "bio"))  # not shown without consent
    if name and consent.named(name, (text for path, text in strings(source.data) if path not in withheld)):
        ctx.problems.error(source.file, source.line(("leader", "name")), "leader.name（姓名）",
                           f"{name} 未同意公开姓名（consent: false），但记录的其他文字中写了这个名字",
                           "取得本人书面同意后把 consent 改为 true；否则请在文中改用“负责人”“一位志愿者”等称呼。")
    elif name:
        ctx.problems.warning(source.file, source.line(("leader", "consent")), "leader.consent（同意公开）",
                             "填写了带头人姓名但未记录本人同意，网站不会显示姓名和照片",
                             "取得本人书面同意后把 consent 改为 true。")
