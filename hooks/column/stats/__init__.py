"""The column in figures: ``/stats/``, a report per year ``/stats/<yyyy>/`` and its workbook ``/stats/<yyyy>.xlsx``.

Reads published records only (never YAML, never drafts); the figures are counted
once (:mod:`.tally`), then every page, chart and sheet reads those counters.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from ..config import Config
from ..render import urls
from ..render.env import Settings
from ..render.page import Asset, Made
from . import charts, pages, tables, tally, workbook


def publish(records: dict[str, Iterable[Any]], config: Config, settings: Settings, now: dt.datetime) -> Made:
    """``records``: every kind's published records by kind name (``Inputs.public_records``)."""
    figures = tally.count(records.get("org", ()), records.get("event", ()), records.get("training", ()),
                          {v.id: v for v in records.get("venue", ())}, now)
    result = [pages.overview(figures, tables.now_tables(figures, settings.show_tiers), settings)]
    assets = [Asset(charts.STYLESHEET, charts.stylesheet())]
    directory = tables.org_tables(figures, f"（{tables.CURRENT}）", settings.show_tiers)
    for year in figures.years:
        year_tables = tables.year_tables(figures, year, directory)
        result.append(pages.year_page(figures, year, year_tables, settings))
        title = f"{settings.site_name} · {year} 年度报表"
        assets.append(Asset(urls.stats_workbook(year),
                            workbook.workbook(year_tables, title, _about(year, config, settings, now), now,
                                              config.publisher)))
    return Made(result, assets)


def _about(year: int, config: Config, settings: Settings, now: dt.datetime) -> list[str]:
    page = urls.absolute(settings.site_url, urls.stats_year(year))
    return [
        f"本报表由{settings.site_name}根据网站上公开的记录自动生成，生成时间：{now:%Y-%m-%d %H:%M}（北京时间）。",
        f"网页版（含图表）：{page}",
        "活动场次按各场开始日期计入年份和月份，定期活动每次算一场，不含已取消的活动。",
        "服务人次来自活动回顾中填写的数字，按活动（最后一场）的日期计入；按服务领域时归入主办组织的第一项服务领域。",
        "项目按档案中填写的项目年份计入；资金单位为元。",
        "组织类型、登记备案、层级、等级、街道和领域各表是生成时的名录现状（档案中没有历年变化）。",
        f"数据发布单位：{config.publisher}；许可协议：{config.license.title}（{config.license.url}）。",
    ]
