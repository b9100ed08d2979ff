"""Bar charts as inline SVG, drawn at build time by pygal (no script, nothing fetched by the reader).

Horizontal bars, one per row, with the figure printed at the end of each bar:
they stay readable on a 360-px phone, where the chart is drawn at its own
width. The chart is a picture of the table below it (hidden from screen
readers, which read the table). pygal writes each chart as a file of its own,
with its style sheet, a configuration script for its tooltips and a dated
comment; in a page the charts share one style sheet (:func:`stylesheet`, published
once), and the script and comment are left out, so the same records give the
same page.
"""
from __future__ import annotations

import functools
import html
import math
import re

from .table import DURATION, Table, number

WIDTH = 360
BAR = 32
"""Height of one bar's band, in the chart's own pixels."""
FONT = 15
MOST = 15
"""Bars drawn at most; the table lists every row."""
_DROPPED = re.compile(r"<!--.*?-->|<style[^>]*>.*?</style>|<script[^>]*>.*?</script>|<title>Pygal</title>|<desc[^>]*>[^<]*</desc>", re.S)
_OURS = ".col-chart .pygal-chart .text-overlay text.value{text-anchor:start}\n"
"""Figures start just after the end of their bar (pygal centres them on it)."""
STYLESHEET = "stats/charts.css"
"""Site-relative address of the charts' shared style sheet."""


@functools.lru_cache(maxsize=1)
def _style():
    from pygal.style import Style

    return Style(background="transparent", plot_background="transparent", foreground="#333",
                 foreground_strong="#222", foreground_subtle="#e6d6dc", colors=("#d04a7b",), value_colors=("#222",),
                 font_family="inherit", label_font_size=FONT, major_label_font_size=FONT, value_font_size=FONT,
                 value_label_font_size=FONT, title_font_size=FONT + 2, tooltip_font_size=FONT)


def shown_rows(table: Table) -> list:
    """The rows the chart draws: the first :data:`MOST` (tables list the busiest first where order is free)."""
    return list(table.rows[:MOST])


@functools.lru_cache(maxsize=64)
def svg(table: Table) -> str:
    """The chart of ``table``'s first figure, as an ``<svg>`` element ready to put in a page.

    Drawn once per table: the directory's tables are the same on every year's page.
    """
    text = _DROPPED.sub("", _chart(table, f"stats-{table.key}").render(is_unicode=True))
    return text.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def stylesheet() -> bytes:
    """pygal's style sheet of these charts, for every chart of a page (instead of one copy in each)."""
    from .table import Measure, Row

    sample = Table("sample", "", "", ("",), (Measure(""),), (Row(("",), (1,)),))
    text = _chart(sample, "x").render(is_unicode=True)
    css = html.unescape(re.search(r"<style[^>]*>(.*?)</style>", text, re.S).group(1))  # as written in XML
    css = css.replace("#chart-x ", ".col-chart .pygal-chart ").replace("#chart-x", ".col-chart .pygal-chart")
    return (css.strip() + "\n" + _OURS).encode()


def _chart(table: Table, chart_id: str):
    import pygal

    rows = shown_rows(table)
    labels = [" ".join(row.labels) for row in rows]
    unit = table.measures[0].unit
    chart = pygal.HorizontalBar(
        width=WIDTH, height=16 + BAR * len(rows), style=_style(), show_legend=False, js=[],
        disable_xml_declaration=True, print_values=True, print_values_position="top", truncate_label=-1,
        show_x_labels=False, show_y_guides=False, show_x_guides=False, margin=4, margin_right=_text_width(
            [number(row.values[0], unit) for row in rows]) + 6, margin_left=_wide_glyphs(labels), spacing=6,
        value_formatter=lambda value: number(value or 0, unit), range=(0, _top(rows)), include_x_axis=True,
    )
    chart.uuid = chart_id
    chart.x_labels = list(reversed(labels))  # pygal draws the first bar at the bottom
    chart.add(table.measures[0].heading, [row.values[0] for row in reversed(rows)])
    return chart


def _top(rows: list) -> float:
    return max([row.values[0] for row in rows] + [1])


def _text_width(texts: list[str]) -> int:
    return math.ceil(max([len(t) for t in texts] + [1]) * 0.6 * FONT)


def _wide_glyphs(labels: list[str]) -> int:
    """Room pygal leaves out for Chinese labels: it assumes 0.6 em a character, a Chinese one takes 1 em."""
    wide = max([sum(1 for ch in label if ord(ch) > 0x2E7F) for label in labels] + [0])
    return math.ceil(wide * 0.4 * FONT) + 4


__all__ = ["svg", "DURATION"]
