"""Limits on Markdown text, checked before anything renders it.

Python-Markdown parses nested lists, quotes and raw HTML blocks recursively, and its
inline patterns rescan brackets: a few hundred nested list levels overflow Python's
stack, twenty thousand ``*`` in a row do too, and twenty thousand ``[`` take minutes.
Real text from staff nests three or four levels and has a few dozen links, so these
limits never bite them; each is reported with the line where it is first passed.
"""
from __future__ import annotations

import dataclasses
import re

MAX_CHARS = 50_000
"""Longest Markdown text (a story's body; record fields have their own, smaller ``maxLength``)."""
MAX_DEPTH = 10
"""Deepest nesting of lists and quotes."""
MAX_BRACKETS = 300
"""Most ``[`` in one text (each link or image has one)."""
MAX_TAGS = 300
"""Most raw HTML tags (``<`` followed by a letter or ``/``) in one text."""
MAX_RUN = 40
"""Longest run of one emphasis or code character (``*``, ``_``, ``~``, `````)."""

_MARKERS = re.compile(r"(?:(?:[-*+]|\d{1,9}[.)]|>)(?:[ \t]+|$))+")
_TAG = re.compile(r"<[A-Za-z/!]")
_RUN = re.compile(r"([*_~`])\1{%d,}" % MAX_RUN)


@dataclasses.dataclass(frozen=True)
class Excess:
    """A limit passed: where (1 for the text's first line) and what to say."""

    line: int
    message: str
    hint: str


def check(text: str) -> Excess | None:
    """The first limit ``text`` passes, or None when it is within every limit."""
    if len(text) > MAX_CHARS:
        return Excess(1, f"文字太长：{len(text)} 个字，上限 {MAX_CHARS} 个字", "请精简文字，或分成几篇。")
    return _count(text, "[", MAX_BRACKETS, "方括号“[”", "方括号只用于链接 [文字](网址)；其他地方请改用【】。") \
        or _count_re(text, _TAG, MAX_TAGS, "HTML 标签", "请改用 Markdown 格式书写，不要粘贴网页源代码。") \
        or _runs(text) or _nesting(text)


def _count(text: str, char: str, limit: int, what: str, hint: str) -> Excess | None:
    if text.count(char) <= limit:
        return None
    at = _nth(text, (i for i, c in enumerate(text) if c == char), limit)
    return Excess(_line_at(text, at), f"{what}太多：{text.count(char)} 个，上限 {limit} 个", hint)


def _count_re(text: str, pattern: re.Pattern[str], limit: int, what: str, hint: str) -> Excess | None:
    found = [m.start() for m in pattern.finditer(text)]
    if len(found) <= limit:
        return None
    return Excess(_line_at(text, found[limit]), f"{what}太多：{len(found)} 个，上限 {limit} 个", hint)


def _runs(text: str) -> Excess | None:
    match = _RUN.search(text)
    if not match:
        return None
    return Excess(_line_at(text, match.start()), f"连续的 {match.group(1)} 太多（上限 {MAX_RUN} 个）",
                  "分隔线请写三个 - 单独成行；加粗用 **文字**。")


def _nesting(text: str) -> Excess | None:
    for number, line in enumerate(text.splitlines(), 1):
        expanded = line.expandtabs(4)
        stripped = expanded.lstrip(" ")
        markers = _MARKERS.match(stripped)
        depth = (len(expanded) - len(stripped)) // 4 + (len(re.findall(r"[-*+>]|\d[.)]", markers.group())) if markers else 0)
        if depth > MAX_DEPTH:
            return Excess(number, f"列表或引用嵌套过深（上限 {MAX_DEPTH} 层）",
                          "请减少缩进层数；普通段落不需要缩进。")
    return None


def _nth(positions, items, n: int) -> int:
    for index, position in enumerate(items):
        if index == n:
            return position
    return 0


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
