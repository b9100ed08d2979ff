"""A year's tables as an Excel workbook (``/stats/<yyyy>.xlsx``), laid out as a year-end report uses them.

One sheet per table: a title, how it was counted, Chinese headings, the rows,
a totals row (a SUM formula that also carries its value), thousands separators,
money in 元 with two decimals, durations as hours:minutes:seconds. A first sheet
says where the figures come from. Written by XlsxWriter.
"""
from __future__ import annotations

import datetime as dt
import io
from typing import Any

from .table import DURATION, MONEY, Table

FORMATS = {"count": "#,##0", "people": "#,##0", MONEY: "#,##0.00", DURATION: "[h]:mm:ss"}
FIRST_ROW = 3
"""Zero-based row of the headings (title, note and a blank row above them)."""


def workbook(tables: list[Table], title: str, about: list[str], now: dt.datetime, author: str) -> bytes:
    """The workbook's bytes; ``about`` is the text of the first sheet, one paragraph a line."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.set_properties({"title": title, "author": author, "created": now.replace(tzinfo=None)})
    styles = _styles(book)
    _about(book, styles, title, about)
    for table in tables:
        _sheet(book, styles, table)
    book.close()
    return out.getvalue()


def _styles(book: Any) -> dict[str, Any]:
    border = {"border": 1, "border_color": "#BFBFBF"}
    styles = {
        "title": book.add_format({"bold": True, "font_size": 14}),
        "note": book.add_format({"font_color": "#595959", "text_wrap": False}),
        "heading": book.add_format({"bold": True, "bg_color": "#FBF3F6", "align": "center", "valign": "vcenter",
                                    "text_wrap": True, **border}),
        "text": book.add_format(border),
        "total-text": book.add_format({"bold": True, "top": 2, **border}),
    }
    for unit, pattern in FORMATS.items():
        styles[unit] = book.add_format({"num_format": pattern, **border})
        styles[f"total-{unit}"] = book.add_format({"num_format": pattern, "bold": True, "top": 2, **border})
    return styles


def _about(book: Any, styles: dict[str, Any], title: str, lines: list[str]) -> None:
    sheet = book.add_worksheet("说明")
    sheet.set_column(0, 0, 100)
    sheet.write(0, 0, title, styles["title"])
    for n, line in enumerate(lines, start=2):
        sheet.write(n, 0, line)


def _sheet(book: Any, styles: dict[str, Any], table: Table) -> None:
    sheet = book.add_worksheet(table.sheet)
    width = len(table.labels) + len(table.measures)
    sheet.write(0, 0, table.title, styles["title"])
    if table.note:
        sheet.write(1, 0, table.note, styles["note"])
    headings = [*table.labels, *(m.heading for m in table.measures)]
    sheet.write_row(FIRST_ROW, 0, headings, styles["heading"])
    sheet.set_column(0, len(table.labels) - 1, 18)
    sheet.set_column(len(table.labels), width - 1, 14)
    sheet.freeze_panes(FIRST_ROW + 1, 0)
    for n, row in enumerate(table.rows, start=FIRST_ROW + 1):
        sheet.write_row(n, 0, row.labels, styles["text"])
        for m, (measure, value) in enumerate(zip(table.measures, row.values), start=len(table.labels)):
            sheet.write_number(n, m, cell(value, measure.unit), styles[measure.unit])
    if table.total:
        _totals(sheet, styles, table)


def _totals(sheet: Any, styles: dict[str, Any], table: Table) -> None:
    from xlsxwriter.utility import xl_rowcol_to_cell

    last = FIRST_ROW + len(table.rows)
    sheet.write(last + 1, 0, "合计", styles["total-text"])
    for m in range(1, len(table.labels)):
        sheet.write_blank(last + 1, m, None, styles["total-text"])
    for m, (measure, value) in enumerate(zip(table.measures, table.totals), start=len(table.labels)):
        span = f"{xl_rowcol_to_cell(FIRST_ROW + 1, m)}:{xl_rowcol_to_cell(max(last, FIRST_ROW + 1), m)}"
        sheet.write_formula(last + 1, m, f"=SUM({span})", styles[f"total-{measure.unit}"], cell(value, measure.unit))


def cell(value: float, unit: str) -> float:
    """A figure as the sheet stores it: durations as fractions of a day (Excel's time), the rest as they are."""
    return value / 86400 if unit == DURATION else value
