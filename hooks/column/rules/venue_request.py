"""The rules a venue request must follow, once in Python: the desk applies them, ``make check`` shares them.

The request form's script (``content/assets/venue-form.js``) checks the same
rules first, in the reader's browser, with the same Chinese messages; the desk
checks again, because a browser's checks can be bypassed.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Iterable, Mapping

from ..model.venue import Venue
from ..schema import vocab

PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}[- ]?\d{7,8})$")
"""An 11-digit mobile number, or a landline with its area code (as the form's ``pattern``)."""
MAX_LENGTH = {"applicant": 30, "org": 60, "phone": 20, "purpose": 500, "equipment": 200}
"""The form's ``maxlength`` of each free-text field."""
LABELS = {"applicant": "申请人姓名", "org": "申请单位", "phone": "联系电话", "purpose": "活动内容", "equipment": "需要的设备"}
MAX_AHEAD_DAYS = 366
"""A request may name a day up to a year ahead (the form knows busy slots that far)."""
AGREE_VALUE = "yes"
_DATE = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*$")
_TIME = re.compile(r"^\s*(\d{1,2})[:：](\d{2})\s*$")


@dataclasses.dataclass(frozen=True)
class Slot:
    """A time already taken at a venue on one day: an event held there, or an approved request."""

    date: dt.date
    start: dt.time
    end: dt.time
    title: str

    def overlaps(self, day: dt.date, start: dt.time, end: dt.time) -> bool:
        return self.date == day and self.start < end and start < self.end


@dataclasses.dataclass(frozen=True)
class VenueRequest:
    """A request that passed every rule, in typed form."""

    venue: str
    applicant: str
    org: str
    phone: str
    date: dt.date
    start: dt.time
    end: dt.time
    people: int
    purpose: str
    equipment: str


def parse_date(text: str) -> dt.date | None:
    """``2026-12-01``, ``2026/12/1``, ``2026年12月1日``… as a date; None when it is no real day."""
    found = _DATE.match(text)
    try:
        return dt.date(int(found[1]), int(found[2]), int(found[3])) if found else None
    except ValueError:
        return None


def parse_time(text: str) -> dt.time | None:
    """``14:30`` or ``9：05`` as a time of day; None otherwise."""
    found = _TIME.match(text)
    if not found or int(found[1]) > 23 or int(found[2]) > 59:
        return None
    return dt.time(int(found[1]), int(found[2]))


def chinese_date(day: dt.date) -> str:
    """``2026 年 11 月 25 日（周三）``, as the form writes it."""
    return f"{day.year} 年 {day.month} 月 {day.day} 日（{vocab.WEEKDAYS.values[day.weekday()]}）"


def within_hours(venue: Venue, day: dt.date, start: dt.time, end: dt.time) -> bool:
    """Whether [start, end] on ``day`` lies inside one of the venue's opening periods."""
    return venue.open_at(day.weekday(), start, end)


def clashes(taken: Iterable[Slot], day: dt.date, start: dt.time, end: dt.time) -> list[Slot]:
    """The slots among ``taken`` that overlap [start, end) on ``day``."""
    return [slot for slot in taken if slot.overlaps(day, start, end)]


def hours_on(venue: Venue, day: dt.date) -> str:
    return "、".join(f"{h.open:%H:%M}–{h.close:%H:%M}" for h in venue.hours if day.weekday() in h.weekdays)


def check(venue: Venue, form: Mapping[str, str], today: dt.date, taken: Iterable[Slot] = ()
          ) -> tuple[VenueRequest | None, dict[str, str]]:
    """The typed request, or None and one Chinese message per wrong field (the form's own words)."""
    values = {name: str(form.get(name, "")).strip() for name in (*MAX_LENGTH, "date", "start", "end", "people", "agree")}
    values["phone"] = re.sub(r"\s+", "", values["phone"])
    day, start, end = parse_date(values["date"]), parse_time(values["start"]), parse_time(values["end"])
    errors = _text_errors(values)
    date_error = _date_error(venue, values["date"], day, today)
    for name, message in (("date", date_error),
                          ("start", _start_error(venue, values["start"], None if date_error else day, start, end)),
                          ("end", _end_error(values["end"], start, end)),
                          ("people", _people_error(venue, values["people"]))):
        if message:
            errors.setdefault(name, message)
    if not errors:
        _clash_error(venue, taken, day, start, end, errors)
    if errors:
        return None, errors
    return VenueRequest(venue.id, values["applicant"], values["org"], values["phone"], day, start, end,
                        int(values["people"]), values["purpose"], values["equipment"]), {}


def _text_errors(values: dict[str, str]) -> dict[str, str]:
    errors = {}
    for name, limit in MAX_LENGTH.items():
        if len(values[name]) > limit:
            errors[name] = f"{LABELS[name]}最多 {limit} 字，现在有 {len(values[name])} 字，请删减"
    required = {"applicant": "请填写申请人姓名", "org": "请填写申请单位（可从列表中选择，也可以直接输入）",
                "phone": "请填写联系电话", "purpose": "请简单写明活动内容"}
    for name, message in required.items():
        if not values[name]:
            errors[name] = message
    if values["phone"] and "phone" not in errors and not PHONE.match(values["phone"]):
        errors["phone"] = "电话号码格式不对：请填写 11 位手机号，或带区号的座机号（如 0533-1234567）"
    if values["agree"] != AGREE_VALUE:
        errors["agree"] = "请先阅读并勾选同意使用须知"
    return errors


def _date_error(venue: Venue, raw: str, day: dt.date | None, today: dt.date) -> str:
    if not raw:
        return "请选择使用日期"
    if day is None:
        return "请按“年-月-日”填写日期，如 2026-12-01"
    earliest = today + dt.timedelta(days=venue.lead_days)
    latest = today + dt.timedelta(days=MAX_AHEAD_DAYS)
    if day < earliest:
        return f"本场地需至少提前 {venue.lead_days} 天申请：请选择 {chinese_date(earliest)}或以后的日期"
    if day > latest:
        return f"最多只能申请 {MAX_AHEAD_DAYS} 天以内的日期：请选择 {chinese_date(latest)}或以前的日期"
    if not hours_on(venue, day):
        return f"本场地{vocab.WEEKDAYS.values[day.weekday()]}不开放，请换一天"
    return ""


def _start_error(venue: Venue, raw: str, day: dt.date | None, start: dt.time | None, end: dt.time | None) -> str:
    if not raw:
        return "请填写开始时间"
    if start is None:
        return "请按“时:分”填写，如 14:00"
    if day is None or end is None or end <= start or within_hours(venue, day, start, end):
        return ""
    return f"所选时间不在开放时间内：{vocab.WEEKDAYS.values[day.weekday()]}开放 {hours_on(venue, day)}"


def _end_error(raw: str, start: dt.time | None, end: dt.time | None) -> str:
    if not raw:
        return "请填写结束时间"
    if end is None:
        return "请按“时:分”填写，如 16:00"
    return "结束时间应晚于开始时间" if start and end <= start else ""


def _people_error(venue: Venue, raw: str) -> str:
    if not raw:
        return "请填写参加人数"
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        return f"参加人数应为 1 到 {venue.capacity} 之间的整数"
    if int(raw) > venue.capacity:
        return f"本场地最多容纳 {venue.capacity} 人，请减少人数或选择更大的场地"
    return ""


def _clash_error(venue: Venue, taken: Iterable[Slot], day, start, end, errors: dict[str, str]) -> None:
    found = clashes(taken, day, start, end)
    if found:
        listed = "；".join(f"{s.title}（{s.start:%H:%M}–{s.end:%H:%M}）" for s in found)
        errors["start"] = (f"所选时段已有安排：{listed}。请换一个时段，"
                           f"或打电话 {venue.phone} 与场地管理人协调")
