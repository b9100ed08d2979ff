"""Open data (``/data/``): every public record of every kind as CSV and JSON, described as a Data Package.

Reads the normalized records only (never YAML), leaves drafts out, and takes
field names, titles, types and allowed values from the one schema source.
"""
from __future__ import annotations

import dataclasses

import datetime as dt
from typing import Any, Iterable

from ..config import Config
from ..render import urls
from ..render.env import Settings, render
from ..render.page import Asset, Made, Page
from . import files
from .columns import LIST_DELIMITER
from .tables import TABLES, Table


def publish(records: dict[str, Iterable[Any]], config: Config, settings: Settings, now: dt.datetime) -> Made:
    """``records``: every kind's published records by kind name (``Inputs.public_records``)."""
    assets, counts = [], {}
    shown = public_tables(settings)
    for table in shown:
        values = files.rows(table, records.get(table.source, []))
        counts[table.name] = len(values)
        assets.append(Asset(files.path(table, "csv"), files.csv_bytes(table, values)))
        assets.append(Asset(files.path(table, "json"), files.json_bytes(values)))
    assets.append(Asset(urls.DATA + files.PACKAGE, files.package(shown, config, settings.site_name, now)))
    return Made([_page(shown, counts, config, settings, now)], assets)


def public_tables(settings: Settings) -> list[Table]:
    """The tables, without the internal tier unless ``column.yml`` makes it public (``directory.show_tiers``)."""
    if settings.show_tiers:
        return list(TABLES)
    return [dataclasses.replace(t, columns=tuple(c for c in t.columns if c.name != "tier")) for t in TABLES]


def _page(shown: list[Table], counts: dict[str, int], config: Config, settings: Settings, now: dt.datetime) -> Page:
    body = render("data.html", urls.DATA, settings, now.date(), tables=shown, counts=counts, config=config,
                  file=files.path, package=urls.DATA + files.PACKAGE, type_label=type_label,
                  delimiter=LIST_DELIMITER)
    return Page(urls.DATA, "开放数据", body, "专栏的全部公开记录：CSV 和 JSON 下载，附机器可读的数据说明（Data Package）。")


_TYPE_LABELS = {"string": "文字", "integer": "整数", "number": "数字", "boolean": "true / false", "date": "日期",
                "datetime": "日期时间"}


def type_label(column: Any) -> str:
    """How the data page names a column's type."""
    if column.type == "list":
        return f"列表（{_TYPE_LABELS[column.field['itemType']]}）"
    return _TYPE_LABELS[column.type]


__all__ = ["publish", "Table"]
