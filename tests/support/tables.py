"""Read the figures a stats page and a year's workbook show, as ``{row label: (figures…)}``."""
from __future__ import annotations

import html.parser
import re
from pathlib import Path

import openpyxl


class _Tables(html.parser.HTMLParser):
    """Rows of every ``<section id=…>`` table: the text of each cell, and the row's link."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[tuple[list[str], str | None, bool]]] = {}
        self.labels: dict[str, int] = {}
        """How many cells of a row are labels (the rest, in the header's ``col-num`` columns, are figures)."""
        self.section = self.cells = self.link = None
        self.total = False
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "col-stat" in (attrs.get("class") or ""):
            self.section = attrs["id"]
            self.tables[self.section] = []
        elif tag == "tfoot":
            self.total = True
        elif tag == "tr" and self.section:
            self.cells, self.link, self.numeric = [], None, []
        elif tag in ("th", "td") and self.cells is not None:
            self.cells.append("")
            self.numeric.append("col-num" in (attrs.get("class") or ""))
        elif tag == "a" and self.cells is not None:
            self.link = attrs.get("href")

    def handle_endtag(self, tag):
        if tag == "tr" and self.cells is not None:
            if not self.tables[self.section]:
                self.labels[self.section] = self.numeric.count(False)
            self.tables[self.section].append((self.cells, self.link, self.total))
            self.cells = None
        elif tag == "section":
            self.section, self.total = None, False

    def handle_data(self, data):
        if self.cells:
            self.cells[-1] += data.strip()


def number(text: str) -> float:
    """``1,234`` -> 1234, ``80,000.5`` -> 80000.5, ``1:02:03`` -> 3723 (seconds)."""
    if re.fullmatch(r"\d+:\d\d:\d\d", text):
        hours, minutes, seconds = map(int, text.split(":"))
        return hours * 3600 + minutes * 60 + seconds
    value = float(text.replace(",", ""))
    return int(value) if value.is_integer() else value


def page_tables(page: Path) -> dict[str, dict]:
    """``{table id: {"rows": {label: figures}, "links": {label: href}, "total": figures | None}}``."""
    parser = _Tables()
    parser.feed(page.read_text(encoding="utf-8"))
    found = {}
    for key, rows in parser.tables.items():
        body = [(cells, link) for cells, link, total in rows[1:] if not total]
        totals = [cells for cells, _, total in rows if total]
        labels = parser.labels[key]
        found[key] = {"rows": {" ".join(c[:labels]): tuple(number(x) for x in c[labels:]) for c, _ in body},
                      "links": {" ".join(c[:labels]): link for c, link in body},
                      "total": tuple(number(x) for x in totals[0][labels:]) if totals else None}
    return found


def sheet_rows(workbook: Path, sheet: str, labels: int = 1) -> tuple[dict, list, list]:
    """(``{label: figures}``, the totals row's formulas, its cached values) of one sheet; durations in seconds."""
    formulas = openpyxl.load_workbook(workbook)[sheet]
    values = openpyxl.load_workbook(workbook, data_only=True)[sheet]
    rows, total_formulas, total_values = {}, [], []
    for formula_row, value_row in zip(formulas.iter_rows(min_row=5), values.iter_rows(min_row=5)):
        if formula_row[0].value == "合计":
            total_formulas = [c.value for c in formula_row[labels:]]
            total_values = [_seconds(c) for c in value_row[labels:]]
        else:
            rows[" ".join(str(c.value) for c in value_row[:labels])] = tuple(_seconds(c) for c in value_row[labels:])
    return rows, total_formulas, total_values


def _seconds(cell) -> float:
    if cell.number_format == "[h]:mm:ss":  # openpyxl reads a duration as a timedelta
        return round(cell.value.total_seconds())
    return cell.value
