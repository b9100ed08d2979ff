"""The Jinja environment for generated pages: autoescaped, with the site's filters."""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from ..schema import vocab
from . import markup, urls

TEMPLATES = Path(__file__).parent / "templates"


@dataclasses.dataclass(frozen=True)
class Settings:
    """Site-wide facts the pages need."""

    site_url: str
    """Absolute URL of the published site, with a trailing slash."""
    site_name: str = "女性社会组织专栏"
    edit_base: str | None = None
    """Prefix that turns a record path into the repository's web-editor URL."""
    region: str | None = None
    """Province (省/自治区/直辖市) of the column's addresses, from ``column.yml``; for structured data."""
    locality: str | None = None
    """City (市/区) of the column's addresses, from ``column.yml``."""
    staff_view: bool = False
    """The local preview (``make serve``): "编辑此页" shown as a plain link. On the public site it is only a
    placeholder that ``modes.js`` turns into a link once staff switch it on (on ``/guide/``)."""
    show_tiers: bool = False
    """``column.yml`` ``directory.show_tiers``: the internal tier shown as a badge and a filter."""
    preview: bool = False
    """``make serve``: QR codes encode the preview address, so posters and codes say “预览，请勿打印”."""


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(md=_markdown, day=day, money=money,
                       people=people, tel=tel, safe_url=markup.safe_url)
    env.globals.update(urls=urls, vocab=vocab, map_link=map_link, calendar_urls=calendar_urls)
    return env


@jinja2.pass_context
def _markdown(context: jinja2.runtime.Context, text: str | None) -> Markup | str:
    """Record Markdown on the page being rendered (its site links made relative to that page)."""
    return Markup(markup.to_html(text, context.get("page_url", ""))) if text else ""


def render(template: str, page_url: str, settings: Settings, today: dt.date, **context: Any) -> str:
    """Render ``template`` for the page at ``page_url``; ``link()`` inside makes relative links."""
    return environment().get_template(template).render(
        link=lambda to: urls.rel(page_url, to), settings=settings, today=today, page_url=page_url,
        edit_link=functools.partial(edit_link, settings),
        **context,
    )


def edit_link(settings: Settings, path: str | None, lead: str = "发现信息有误？") -> Markup:
    """"编辑此页" for a record's file: a link in the preview; on the public site a hidden placeholder
    without an address, shown by ``modes.js`` only where staff switched it on (see ``Settings.staff_view``)."""
    if not (settings.edit_base and path):
        return Markup("")
    url = settings.edit_base + path
    if settings.staff_view:
        return Markup('{}<a href="{}" rel="nofollow">编辑此页</a>').format(lead, url)
    return Markup('<span class="col-staff-only" hidden>{}<a data-col-edit="{}" rel="nofollow">编辑此页</a></span>'
                  ).format(lead, url)


def day(value: dt.date | dt.datetime) -> str:
    return f"{value.year} 年 {value.month} 月 {value.day} 日"


def money(yuan: float) -> str:
    if yuan >= 10000:
        return f"{yuan / 10000:,.2f}".rstrip("0").rstrip(".") + " 万元"
    return f"{yuan:,.0f} 元"


def people(count: int) -> str:
    return f"{count:,} 人次"


def tel(phone: str) -> str:
    return "tel:" + re.sub(r"[^0-9+]", "", phone)


def calendar_urls(site_url: str, path: str) -> dict[str, str]:
    """The ways to subscribe to the calendar at ``path``: its address, ``webcal://`` (Apple's calendars
    subscribe instead of importing once) and Google Calendar's add-by-URL link."""
    https = urls.absolute(site_url, path)
    webcal = "webcal://" + https.split("://", 1)[1]
    return {"https": https, "webcal": webcal, "google": "https://calendar.google.com/calendar/r?cid=" + quote(webcal, safe="")}


def map_link(address: str) -> str:
    """A search for ``address`` on Amap (高德), which opens in WeChat and in its app."""
    return f"https://uri.amap.com/search?keyword={quote(address)}&callnative=0&src=nvxing-shehui-zuzhi"
