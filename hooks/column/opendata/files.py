"""The files of ``/data/``: each table as CSV (UTF-8 with BOM) and JSON, and ``datapackage.json``."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from ..config import Config
from ..render import urls
from .columns import cell, text
from .tables import Table

PACKAGE = "datapackage.json"
PACKAGE_NAME = "women-orgs-column"
FORMATS = {"csv": "text/csv", "json": "application/json"}


def path(table: Table, fmt: str) -> str:
    """``data/orgs.csv``: where a table's file is published (site-relative)."""
    return f"{urls.DATA}{table.name}.{fmt}"


def rows(table: Table, records: list[Any]) -> list[dict[str, Any]]:
    """The table's rows as JSON values, record after record in the order given."""
    columns = table.columns
    return [{column.name: cell(column.get(row)) for column in columns}
            for record in records for row in table.rows(record)]


def csv_bytes(table: Table, values: list[dict[str, Any]]) -> bytes:
    """CSV as Excel on Windows opens it: UTF-8 with a byte-order mark, CRLF line ends, a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    names = [column.name for column in table.columns]
    writer.writerow(names)
    writer.writerows([text(row[name]) for name in names] for row in values)
    return out.getvalue().encode("utf-8-sig")


def json_bytes(values: list[dict[str, Any]]) -> bytes:
    """A JSON array of objects keyed by column name, one row per line (small diffs, easy to read)."""
    lines = ",\n".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in values)
    return f"[\n{lines}\n]\n".encode("utf-8") if values else b"[]\n"


def package(tables: tuple[Table, ...], config: Config, site_name: str, now: dt.datetime) -> bytes:
    """``datapackage.json``: every table twice (CSV and JSON), each with its Table Schema."""
    descriptor = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": PACKAGE_NAME,
        "title": f"{site_name} · 开放数据",
        "description": "专栏公开发布的全部记录：组织、项目、场地、活动、培训和故事。草稿、未经本人同意公开的姓名和照片、"
                       "未公开的电话不在其中。",
        "licenses": [{"name": config.license.name, "title": config.license.title, "path": config.license.url}],
        "contributors": [{"title": config.publisher, "roles": ["publisher"]}],
        "created": now.isoformat(timespec="seconds"),
        "resources": [_resource(table, fmt) for table in tables for fmt in FORMATS],
    }
    return (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _resource(table: Table, fmt: str) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": [column.field for column in table.columns]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    if table.foreign_keys:
        schema["foreignKeys"] = [{"fields": [mine], "reference": {"resource": _name(other, fmt), "fields": [theirs]}}
                                 for mine, other, theirs in table.foreign_keys]
    return {"name": _name(table.name, fmt), "title": table.title, "description": table.description,
            "path": f"{table.name}.{fmt}", "format": fmt, "mediatype": FORMATS[fmt], "encoding": "utf-8",
            "schema": schema}


def _name(table: str, fmt: str) -> str:
    """Resource names are unique: the CSV file keeps the table's name, the JSON file adds ``-json``."""
    return table if fmt == "csv" else f"{table}-json"
