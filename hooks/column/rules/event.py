"""Rules on one event record that a schema cannot express."""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..kinds import Context
from ..render.urls import EVENT_RESERVED
from ..model.event import CANCELLED, POSTPONED, Event, recurrence
from ..schema.event import SCHEMA
from ..validate import titled
from ..yamlsource import Source
from .refs import Ref


def references(event: Event) -> list[Ref]:
    """Organizers must be organizations; the venue a venue."""
    found = [Ref(("organizers", n), "org", org) for n, org in enumerate(event.organizers)]
    return found + ([Ref(("venue",), "venue", event.venue)] if event.venue else [])


def report(ctx: Context, source: Source, path: tuple[Any, ...], message: str, hint: str, *, warn: bool = False) -> None:
    """One problem at ``path`` of an event file, the field named as staff know it."""
    emit = ctx.problems.warning if warn else ctx.problems.error
    emit(source.file, source.line(path), titled(SCHEMA, path), message, hint)


def check(source: Source, event: Event, ctx: Context) -> None:
    if event.id in EVENT_RESERVED:
        ctx.problems.error(source.file, None, "", f"文件名 “{event.id}” 是活动栏目里的保留网址，不能用作活动编号",
                           "请给文件改个名字，如 " + event.id + "-huodong.yml。")
    _times(source, event, ctx)
    _status(source, event, ctx)
    _repeat(source, event, ctx)
    _place(source, event, ctx)
    _signup(source, event, ctx)
    for n, img in enumerate(event.images):
        ctx.check_image(source, ("images", n), img)
    for n, img in enumerate(event.recap.photos if event.recap else ()):
        ctx.check_image(source, ("recap", "photos", n), img)


def _times(source: Source, event: Event, ctx: Context) -> None:
    raw = source.data
    if not event.all_day and "end" not in raw:
        report(ctx, source, ("start",), "定时活动缺少必填字段 end（结束时间）",
               "请添加一行“end: \"2026-12-05 16:30\"”；全天活动的 start 只写日期。")
    elif "end" in raw and (" " in str(raw["end"]).strip()) == event.all_day:
        report(ctx, source, ("end",), f"结束时间 {raw['end']} 与开始时间 {raw['start']} 写法不一致",
               "全天活动两者都只写日期；定时活动两者都写日期加时刻。")
    elif event.end <= event.start:
        report(ctx, source, ("end",), f"结束时间 {raw['end']} 不晚于开始时间 {raw['start']}",
               "请核对日期和时刻；跨过午夜的活动结束时间要写第二天的日期。")
    deadline = event.registration.deadline if event.registration else None
    if deadline and deadline > event.planned_start:
        report(ctx, source, ("registration", "deadline"),
               f"报名截止 {raw['registration']['deadline']} 晚于活动开始 {event.planned_start:%Y-%m-%d %H:%M}",
               "报名截止时间应早于活动开始，请核对。")


def _status(source: Source, event: Event, ctx: Context) -> None:
    raw = source.data
    if event.status == CANCELLED and not event.status_reason:
        report(ctx, source, ("status",), "活动已取消，但没有写取消原因",
               "请添加一行“status_reason: …”，如“因场地检修取消”，读者会在页面上看到。")
    if "postponed_to" in raw and event.status != POSTPONED:
        report(ctx, source, ("postponed_to",), f"写了延期后的时间，但状态是“{event.status}”",
               "活动延期时请同时写“status: 延期”；没有延期请删掉 postponed_to。")
    if "postponed_to" in raw and event.repeat:
        report(ctx, source, ("postponed_to",), "定期活动不能整体延期",
               "请在 repeat.skip 中跳过原日期，另建一个活动文件写补办的时间。")
    if event.postponed_start and event.postponed_end and event.postponed_end <= event.postponed_start:
        report(ctx, source, ("postponed_to", "end"), "新的结束时间不晚于新的开始时间", "请核对延期后的时间。")
    if event.postponed_start and event.postponed_start <= event.start:
        report(ctx, source, ("postponed_to", "start"), "延期后的开始时间不晚于原定时间",
               "延期后的时间应在原定时间之后；如果是提前，请直接修改 start 和 end。")


def _repeat(source: Source, event: Event, ctx: Context) -> None:
    repeat = event.repeat
    if not repeat:
        return
    if (repeat.until is None) == (repeat.count is None):
        report(ctx, source, ("repeat",), "定期活动要写 until（重复到）或 count（次数）中的一项",
               "例如“until: 2027-06-30”或“count: 10”，两项只写一项。")
        return
    if repeat.until and repeat.until < event.start.date():
        report(ctx, source, ("repeat", "until"), f"重复到 {repeat.until} 早于第一次活动 {event.start.date()}",
               "请核对年份。")
    last = repeat.until or (event.start.date() + MAX_SERIES)
    if repeat.until is None or last - event.start.date() <= MAX_SERIES:
        planned = {moment.date() for moment in recurrence(repeat, event.start.replace(tzinfo=None))}
        last = max(planned, default=event.start.date())
    if last - event.start.date() > MAX_SERIES:
        report(ctx, source, ("repeat", "until" if repeat.until else "count"),
               f"定期活动最长持续三年（{MAX_SERIES.days} 天），这里到 {last} 为止",
               "请核对年份和间隔；三年后仍举办时，到时另建一个活动文件。")
        return
    if repeat.skip and planned <= set(repeat.skip):
        report(ctx, source, ("repeat", "skip"), "按重复规则举行的每一天都被跳过了，这个活动一次也不会举行",
               "请删掉多余的跳过日期；活动取消时改写 status: 取消。")
    for n, day in enumerate(repeat.skip):
        if day not in planned:
            report(ctx, source, ("repeat", "skip", n), f"跳过日期 {day} 本来就不是本活动举行的日子",
                   "请核对日期；跳过日期应是按重复规则本该举行的某一天。", warn=True)


MAX_SERIES = dt.timedelta(days=3 * 366)
"""Longest span of a recurring event: its dates (and month pages, calendar entries) stay bounded."""


def _place(source: Source, event: Event, ctx: Context) -> None:
    if not (event.venue or event.address or event.online):
        report(ctx, source, (), "没有写活动地点",
               "请写 venue（场地库中的场地编号）、address（其他地址）或 online（线上链接）中的至少一项。")
    if event.venue and event.address:
        report(ctx, source, ("address",), "同时写了 venue 和 address",
               "使用场地库中的场地时地址会自动显示，请删掉 address。")



_DESK_ONLY = ("places", "party_max", "waitlist")


def _signup(source: Source, event: Event, ctx: Context) -> None:
    """Sign-up on the desk needs places, one way to sign up, and a desk to send to."""
    reg, raw = event.registration, source.data.get("registration") or {}
    if reg is None or not reg.desk:
        for key in (k for k in _DESK_ONLY if k in raw):
            report(ctx, source, ("registration", key), f"写了 {key}，但报名不在受理台（没有写 desk: true）",
                   "在受理台报名请添加一行“desk: true”；用链接或电话报名就删掉这一行。")
        return
    if reg.link:
        report(ctx, source, ("registration", "link"), "报名方式写了两种：受理台报名（desk: true）和报名链接",
               "二选一：在受理台报名就删掉 link；用其他报名表就删掉 desk。")
    if reg.places is None:
        report(ctx, source, ("registration", "desk"), "在受理台报名需要名额，但没有写报名名额，活动也没有写名额",
               "请在 registration 下添加一行“places: 30”，或给活动写“capacity: 30”。")
    elif event.capacity is not None and reg.places > event.capacity:
        report(ctx, source, ("registration", "places"), f"报名名额 {reg.places} 多于活动的名额 {event.capacity}",
               "请把 places 改为不大于 capacity 的数，或核对 capacity。")
    elif reg.party_max > reg.places:
        report(ctx, source, ("registration", "party_max"), f"每人最多报 {reg.party_max} 位，多于报名名额 {reg.places}",
               "请把 party_max 改小，一般写 1 到 3。")
    if not ctx.config.request_desk:
        report(ctx, source, ("registration", "desk"), "在受理台报名，但 column.yml 没有写受理台网址",
               "请在 column.yml 的 venues 下添加“request_desk: https://…”（见指南“受理台”），或改用 link、phone 报名。")
