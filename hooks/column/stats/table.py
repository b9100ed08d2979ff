"""A table of figures as the page, the chart and the workbook show it."""
from __future__ import annotations

import dataclasses

COUNT, PEOPLE, MONEY, DURATION = "count", "people", "money", "duration"
"""How a measure is written: a count, 人次, 元, a duration in seconds."""


@dataclasses.dataclass(frozen=True)
class Measure:
    heading: str
    """Column heading, e.g. 组织数, 资金（元）."""
    unit: str = COUNT


@dataclasses.dataclass(frozen=True)
class Row:
    labels: tuple[str, ...]
    """The row's text cells (one for most tables: the type, the month…)."""
    values: tuple[float, ...]
    link: str | None = None
    """Site-relative address of the list this row counts (a filter page, a month grid), if there is one."""


@dataclasses.dataclass(frozen=True)
class Table:
    key: str
    """ASCII id: the anchor on the page and the order of the sheets."""
    title: str
    sheet: str
    """Worksheet name (at most 31 characters)."""
    labels: tuple[str, ...]
    """Headings of the text cells."""
    measures: tuple[Measure, ...]
    rows: tuple[Row, ...]
    note: str = ""
    """How the figures are counted, printed under the table."""
    total: bool = True
    """A totals row (the sum of each column); off when a record counts in several rows."""
    chart: bool = True

    @property
    def totals(self) -> tuple[float, ...]:
        return tuple(sum(row.values[n] for row in self.rows) for n in range(len(self.measures)))

    @property
    def empty(self) -> bool:
        return not any(any(row.values) for row in self.rows)


def number(value: float, unit: str) -> str:
    """A figure as the page prints it: 1,234 · 1,234 人次 · 50,000 元 · 12:30:00."""
    if unit == DURATION:
        hours, rest = divmod(int(value), 3600)
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) and not value.is_integer() \
        else f"{int(value):,}"
    return text
