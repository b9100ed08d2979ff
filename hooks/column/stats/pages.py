"""``/stats/`` (the column in figures) and ``/stats/<yyyy>/`` (one year's report), with their charts."""
from __future__ import annotations

import itertools
from typing import Any

from ..render import urls
from ..render.env import Settings, render
from ..render.page import Page
from . import charts
from .table import Table, number
from .tally import ALL, RECENT, Figures

SECTIONS = {"org": "组织", "events": "活动", "served": "服务人次", "projects": "项目与资金", "brand": "项目与资金",
            "trainings": "在线培训"}
"""The page's headings, by the first word of a table's key."""


def sections(tables: list[Table]) -> list[tuple[str, str, list[tuple[Table, str]]]]:
    """(anchor, heading, tables each with its chart) in page order; no chart for a list or a table of zeros."""
    def chart(table: Table) -> str:
        return charts.svg(table) if table.chart and not table.empty else ""

    grouped = itertools.groupby(tables, key=lambda t: SECTIONS[t.key.split("-")[0]])
    found = []
    for heading, group in grouped:
        items = [(t, chart(t)) for t in group]
        found.append((f"part-{items[0][0].key.split('-')[0]}", heading, items))
    return found


def overview(f: Figures, tables: list[Table], settings: Settings) -> Page:
    body = _render("stats.html", urls.STATS, f, tables, settings, summary=_summary(f, RECENT, ALL))
    return Page(urls.STATS, "专栏数字", body, "组织、活动、服务人次、项目资金和在线培训的统计图表，附年度报表下载。")


def year_page(f: Figures, year: int, tables: list[Table], settings: Settings) -> Page:
    url = urls.stats_year(year)
    body = _render("stats_year.html", url, f, tables, settings, year=year, summary=_summary(f, year, year))
    return Page(url, f"{year} 年度报表", body, f"{year} 年的活动场次、服务人次、项目资金和在线培训，可下载 Excel 报表。")


def _render(template: str, url: str, f: Figures, tables: list[Table], settings: Settings, **context: Any) -> str:
    return render(template, url, settings, f.now.date(), sections=sections(tables), years=f.years,
                  number=number, stylesheet=charts.STYLESHEET, most=charts.MOST, **context)


def _summary(f: Figures, scope: Any, projects: Any) -> dict[str, str]:
    """The headline figures: organizations; sessions and 服务人次 of ``scope``; projects and funding of ``projects``."""
    def total(where: Any, dimension: str) -> str:
        return number(sum(f.of(where, dimension).values()), "count")

    return {"orgs": total(ALL, "type"), "sessions": total(scope, "category"), "served": total(scope, "served-month"),
            "projects": total(projects, "project-count"), "funding": total(projects, "project-funding")}
