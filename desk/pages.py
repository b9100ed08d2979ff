"""The desk's Chinese HTML pages: Jinja2 templates in ``desk/templates``, every value escaped."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.responses import HTMLResponse

from .records import Venue
from .tables import STATUS_LABELS

TEMPLATES = Path(__file__).with_name("templates")
WEEKDAYS = "一二三四五六日"


def day_label(day: dt.date) -> str:
    """``2026 年 12 月 2 日（周三）``."""
    return f"{day.year} 年 {day.month} 月 {day.day} 日（周{WEEKDAYS[day.weekday()]}）"


def masked(phone: str) -> str:
    """``138****1234``, ``0533-***4567``: enough to tell requests apart in a list, not to call."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 7:
        return "*" * len(phone)
    return f"{phone[:3]}{'*' * (len(phone) - 7)}{phone[-4:]}" if phone.startswith("1") else \
        f"{phone[:len(phone) - 7]}***{phone[-4:]}"


def local_time(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone(dt.timezone(dt.timedelta(hours=8))).strftime("%Y-%m-%d %H:%M")


_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                   trim_blocks=True, lstrip_blocks=True)
_env.filters.update(day=day_label, masked=masked, moment=local_time)
_env.globals.update(STATUS_LABELS=STATUS_LABELS)


def page(name: str, status: int = 200, headers: dict[str, str] | None = None, **values) -> HTMLResponse:
    return HTMLResponse(_env.get_template(name).render(**values), status_code=status, headers=headers)


def venue_hours(venue: Venue) -> str:
    return "；".join(h.label() for h in venue.hours)
