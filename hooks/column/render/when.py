"""How event times read on a page, and the state of an occurrence at a given moment.

The same states are computed again in the reader's browser (``column.js``) from
the ``data-col-start`` / ``data-col-end`` attributes these helpers fill in, so a
page built yesterday is right today; without JavaScript the build-time state shows.
"""
from __future__ import annotations

import datetime as dt

from ..model.event import Event, Occurrence, nth_weekday
from ..schema import vocab

UPCOMING, ONGOING, ENDED, CANCELLED, POSTPONED = "upcoming", "ongoing", "ended", "cancelled", "postponed"
LABELS = {UPCOMING: "即将开始", ONGOING: "进行中", ENDED: "已结束", CANCELLED: "已取消", POSTPONED: "延期（时间待定）"}
"""Also written into column.js: keep the two in step."""
_NTH = {1: "第一个", 2: "第二个", 3: "第三个", 4: "第四个", -1: "最后一个"}


def state(occ: Occurrence, now: dt.datetime) -> str:
    event = occ.event
    if event.cancelled:
        return CANCELLED
    if event.postponed and not event.postponed_start:
        return POSTPONED
    if now < occ.start:
        return UPCOMING
    return ONGOING if now < occ.end else ENDED


def label(occ: Occurrence, now: dt.datetime) -> str:
    """The state badge's words: for an upcoming occurrence, when it is (:func:`upcoming_label`)."""
    current = state(occ, now)
    return upcoming_label(occ.start.date(), now.astimezone(occ.start.tzinfo).date()) if current == UPCOMING \
        else LABELS[current]


def upcoming_label(start: dt.date, today: dt.date) -> str:
    """今天, 明天, 本周六 (this Monday-to-Sunday week), 下周二 (the next), else ``12 月 19 日（27 天后）``.

    Also written into column.js: keep the two in step."""
    days = (start - today).days
    if days <= 1:
        return "明天" if days == 1 else "今天"
    week = (start - (today - dt.timedelta(days=today.weekday()))).days // 7
    if week <= 1:
        return ("本" if week == 0 else "下") + weekday(start)
    return f"{start.month} 月 {start.day} 日（{days} 天后）"


def iso(moment: dt.datetime) -> str:
    """Machine-readable time with offset, for ``<time datetime>`` and the script."""
    return moment.isoformat(timespec="minutes")


def weekday(day: dt.date) -> str:
    return vocab.WEEKDAYS.values[day.weekday()]


def day_label(day: dt.date, *, year: bool = False) -> str:
    head = f"{day.year} 年 " if year else ""
    return f"{head}{day.month} 月 {day.day} 日（{weekday(day)}）"


def moment_label(moment: dt.datetime) -> str:
    """``2026 年 12 月 3 日（周四）18:00``."""
    return f"{day_label(moment.date(), year=True)} {moment:%H:%M}"


def span_label(start: dt.datetime, end: dt.datetime, all_day: bool, *, year: bool = True) -> str:
    """``2026 年 12 月 5 日（周六）14:30–16:30``; all-day and multi-day forms too."""
    last = (end - dt.timedelta(days=1)).date() if all_day else end.date()
    first = day_label(start.date(), year=year)
    if all_day:
        return f"{first} 全天" if last == start.date() else f"{first} 至 {day_label(last)}"
    if last == start.date():
        return f"{first} {start:%H:%M}–{end:%H:%M}"
    return f"{first} {start:%H:%M} 至 {day_label(last)} {end:%H:%M}"


def occurrence_label(occ: Occurrence, *, year: bool = True) -> str:
    return span_label(occ.start, occ.end, occ.event.all_day, year=year)


def clock_label(occ: Occurrence) -> str:
    """Short time for a list grouped by day: ``14:30–16:30``, ``全天`` or ``至 12 月 7 日``."""
    if occ.event.all_day:
        days = (occ.end - occ.start).days
        return "全天" if days <= 1 else f"全天，至 {day_label((occ.end - dt.timedelta(days=1)).date())}"
    if occ.end.date() != occ.start.date():
        return f"{occ.start:%H:%M} 至 {day_label(occ.end.date())} {occ.end:%H:%M}"
    return f"{occ.start:%H:%M}–{occ.end:%H:%M}"


def repeat_label(event: Event) -> str:
    """``每周六 09:30–11:00，至 2027 年 1 月 31 日；12 月 26 日不举行``."""
    repeat = event.repeat
    if not repeat:
        return ""
    start = event.start
    every = {"每周": f"每{weekday(start)}" if repeat.interval == 1 else f"每 {repeat.interval} 周的{weekday(start)}",
             "每月": f"每{'' if repeat.interval == 1 else f' {repeat.interval} 个'}月 {start.day} 日",
             "每月第几个星期几": f"每月{_NTH[nth_weekday(start)]}{weekday(start)}"}[repeat.every]
    hours = "" if event.all_day else f" {start:%H:%M}–{event.end:%H:%M}"
    bound = f"，至 {day_label(repeat.until, year=True)}" if repeat.until else f"，共 {repeat.count} 次"
    skipped = "、".join(f"{d.month} 月 {d.day} 日" for d in repeat.skip)
    return f"{every}{hours}{bound}" + (f"；{skipped}不举行" if skipped else "")
