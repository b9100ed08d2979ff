"""Typing mistakes staff make in YAML, named by their real cause, with the fix.

A Chinese input method gives a full-width colon, dash, space or digit that looks
right but is not YAML; dates get written ``2026/12/9`` or ``2026年12月9日``; a time
range goes into ``start``; a list is joined with commas; a key is indented by a
space too many. The parser and the schema only see the consequence (a
"mapping values are not allowed", a wrong pattern) one line later or one level
up; this module recognizes the cause on a line or in a value and says how to fix it.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any, Sequence


@dataclasses.dataclass(frozen=True)
class Mistake:
    message: str
    hint: str
    line: int | None = None
    """The line the mistake is on (1-based), when it is not the line the parser reported."""


COLON_FIX = "把全角冒号“：”改为半角冒号“:”并在后面加一个空格"
DASH_FIX = "把全角“－”改为半角“-”并在后面加一个空格"
SPACE_FIX = "把全角空格“　”删掉，改用半角空格（缩进用两个半角空格）"
WIDE = re.compile(r"[\uff01-\uff5e\u3000]")
"""Full-width forms of ASCII characters (``：，－０-９Ａ-Ｚ``…) and the full-width space."""
SEPARATORS = re.compile(r"\s*[,，、;；]\s*")

_WIDE_KEY = re.compile(r"^\s*(?:-\s+)?([^\s:：#'\"\[{-][^:：#]*?)\s*：")
_WIDE_DASH = re.compile(r"^\s*－")
_WIDE_SPACE = re.compile(r"^[ ]*\u3000|:\u3000")


def on_line(text: str) -> Mistake | None:
    """A full-width colon after a key, a full-width list dash or a full-width space on one line."""
    key = _WIDE_KEY.match(text)
    if key:
        return Mistake(f"YAML 格式错误：{key.group(1)} 后面是全角冒号“：”", COLON_FIX + "（先把输入法切换到英文）。")
    if _WIDE_DASH.match(text):
        return Mistake("YAML 格式错误：列表项开头是全角“－”", DASH_FIX + "。")
    if _WIDE_SPACE.search(text):
        return Mistake("YAML 格式错误：这一行有全角空格“　”", SPACE_FIX + "。")
    return None


def near(lines: Sequence[str], line: int | None) -> Mistake | None:
    """A full-width mistake on ``line`` or on the line above it (where the parser often stops one line late)."""
    for number in (line, line - 1) if line else ():
        if 1 <= number <= len(lines):
            found = on_line(lines[number - 1])
            if found:
                return dataclasses.replace(found, line=number)
    return None


_KEY_LINE = re.compile(r"^( *)(- +)?([^\s#:'\"-][^:#]*?):(?:\s+(\S.*))?$")


def indentation(lines: Sequence[str], line: int | None, problem: str) -> Mistake | None:
    """A key indented further than the key above it (which has a value), or between two levels."""
    if not line or line > len(lines):
        return None
    here = _KEY_LINE.match(lines[line - 1])
    above = _previous_key(lines, line)
    if not here or not above or here.group(2):
        return None
    indent, key = len(here.group(1)), here.group(3)
    above_indent = len(above.group(1)) + len(above.group(2) or "")
    if "mapping values" in problem and indent > above_indent and above.group(4):
        extra = indent - above_indent
        return Mistake(f"YAML 格式错误：字段 {key} 比上一行的 {above.group(3)} 多缩进了 {extra} 个空格",
                       f"同一层的字段要左对齐：删掉 {key} 前面多出的 {extra} 个空格；"
                       f"如果 {key} 属于 {above.group(3)}，{above.group(3)}: 后面就不能再写内容。")
    if "expected key" in problem and indent != above_indent:
        return Mistake(f"YAML 格式错误：字段 {key} 的缩进与上面的字段没有对齐",
                       f"同一层的字段前面的空格数要相同：与上一行的 {above.group(3)} 对齐（{above_indent} 个空格）。")
    return None


def _previous_key(lines: Sequence[str], line: int) -> re.Match[str] | None:
    for text in reversed(lines[: line - 1]):
        if text.strip() and not text.lstrip().startswith("#"):
            return _KEY_LINE.match(text)
    return None


def in_key(name: str) -> str:
    """The fix for a field name with full-width characters in it ("" when there are none)."""
    if "\u3000" in name:
        return SPACE_FIX + "。"
    if "：" in name:
        return COLON_FIX + "。"
    return ""


def in_value(value: Any, expect_type: str | None, field: str) -> str:
    """The fix for a value that failed its schema because of how it was typed ("" when none applies)."""
    if not isinstance(value, str):
        return ""
    if expect_type == "object":
        return in_key(value) or (COLON_FIX + "。" if "：" in value else "")
    if expect_type == "array":
        if value.lstrip().startswith("－"):
            return DASH_FIX + "。"
        return one_per_line(value, field)
    return ""


def one_per_line(value: str, field: str) -> str:
    """``婚姻家庭，心理`` where a list was expected: one item per line."""
    parts = [p for p in SEPARATORS.split(value.strip()) if p]
    if len(parts) < 2:
        return ""
    items = "".join(f"“  - {p}”" for p in parts[:4])
    return f"列表不能用逗号或顿号连在一行里，要每项单独写一行：先写一行 {field}:，下面每项一行，如 {items}。"


def wide_characters(value: str) -> str:
    """The fix for full-width characters in a value that must be written in half-width ("" if none)."""
    found = sorted(set(WIDE.findall(value)), key=value.index)
    if not found:
        return ""
    shown = "、".join("全角空格" if c == "\u3000" else f"“{c}”" for c in found[:6])
    fixed = unicodedata.normalize("NFKC", value)
    return f"里面有全角字符 {shown}：请改为半角（先把输入法切换到英文），即 {fixed}"


_DATE_WRITTEN = re.compile(r"^\s*([0-9]{4})\s*[/.年-]\s*([0-9]{1,2})\s*[/.月-]\s*([0-9]{1,2})\s*日?\s*$")
_CALENDAR_SHAPE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_RANGE = re.compile(r"^(.*?[0-9]{1,2}:[0-9]{2})\s*(?:-|~|～|—|–|至|到)\s*([0-9]{1,2}:[0-9]{2})\s*$")


def _iso(value: str) -> str | None:
    """``2026/12/9``, ``2026年12月9日``, ``2026-12-9`` -> ``2026-12-09`` (None if not such a date)."""
    written = _DATE_WRITTEN.match(value)
    if not written or _CALENDAR_SHAPE.match(value):
        return None
    year, month, day = (int(g) for g in written.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def date_hint(value: str) -> str:
    """How to write a date that is not ``yyyy-mm-dd``; "does not exist" only for a well-shaped date."""
    fixed = _iso(value)
    if fixed:
        return f"日期请写成 年-月-日，月和日都写两位：{fixed}"
    if _CALENDAR_SHAPE.match(value):
        return "这一天在日历上不存在，请核对月份和日期。"
    return ""


def datetime_hint(value: str, field: str) -> str:
    """A time range written in one field, or a date written the wrong way, in a date-and-time field."""
    ranged = _RANGE.match(value)
    if ranged:
        start, end = ranged.groups()
        day = start.rsplit(" ", 1)[0] if " " in start else "日期"
        return f"{field} 只写开始时间，结束时间请写在下一行的 end: 中：{field}: \"{start}\"，end: \"{day} {end}\""
    date, _, time = value.strip().partition(" ")
    fixed = _iso(date)
    if fixed:
        return f"日期请写成 年-月-日，月和日都写两位：\"{fixed} {time.strip()}\"" if time else date_hint(date)
    return ""


def anywhere(text: str) -> Mistake | None:
    """The first line with a full-width colon, dash or space (a file that read as one long text)."""
    for number, line in enumerate(text.splitlines(), 1):
        found = on_line(line)
        if found:
            return dataclasses.replace(found, line=number)
    return None
