"""Read one staff-edited YAML file into plain data plus a map of line numbers.

PyYAML composes the file into nodes (which keep their positions); this module
turns the nodes into dicts, lists and scalars itself so that it can refuse what
staff never mean to write (duplicate keys, anchors and aliases, odd tags) and
remember the line of every field. Dates and times stay text: the schema checks
them, so that ``2026-02-30`` gets a clear message rather than a traceback.
"""
from __future__ import annotations

import dataclasses
import math
import re
from pathlib import Path
from typing import Any

import yaml

from . import filegate, mistakes
from .problems import Problems

MAX_BYTES = 1_000_000
"""Largest record file accepted; a real record is a few kilobytes."""
MAX_DEPTH = 20
"""Deepest nesting accepted; records nest three or four levels."""

_LARGE_HINT = "一个文件只写一条记录；长文字请精简，图片等请放到 content/ 下再引用。"

Path_ = tuple[Any, ...]

_SEXAGESIMAL = re.compile(r"^[-+]?\d+(:[0-5]?\d)+$")
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


@dataclasses.dataclass(frozen=True)
class Source:
    """A parsed record file: its data and where each field stands."""

    file: str
    data: Any
    lines: dict[Path_, int]
    numbers: dict[Path_, str] = dataclasses.field(default_factory=dict)
    """The text of each number as written (``0533``, ``13800000000``), for fields that want text."""
    text: str = ""
    """The file as read (a story's front matter: the file up to its closing ``---``)."""

    def find_line(self, needle: str, start: int) -> int:
        """The first line from ``start`` on that holds ``needle`` (``start`` itself when none does)."""
        lines = self.text.splitlines()
        return next((n for n in range(start, len(lines) + 1) if needle in lines[n - 1]), start)
    blocks: frozenset[Path_] = frozenset()
    """Texts written as a block (``description: |``): their first line is the line after the field's."""

    def line(self, path: Path_) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


class _Refused(Exception):
    def __init__(self, line: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


def read_text(path: Path, name: str, problems: Problems) -> str | None:
    """The file's text, or ``None`` after recording why it cannot be read.

    Read through :mod:`column.filegate`: never through a link, never from a pipe or a
    device, never more than :data:`MAX_BYTES`.
    """
    raw = filegate.read(path, name, problems, limit=MAX_BYTES, too_large_hint=_LARGE_HINT)
    if raw is None:
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return _printable(raw.decode("utf-8"), name, problems)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        if filegate.decodes(raw, "gbk"):
            problems.error(name, line, "", "文件不是 UTF-8 编码（看起来是 GBK/GB2312 编码）", _GBK_HINT)
        else:
            problems.error(name, line, "", "文件不是 UTF-8 编码",
                           "请用 VS Code 右下角的编码按钮选择“通过编码保存 → UTF-8”，或在 GitHub 网页编辑器中重新粘贴内容。")
        return None


_GBK_HINT = ("在 VS Code 中先点右下角的“UTF-8”，选“通过编码重新打开”→“GBK”，确认中文显示正常后，"
             "再点右下角选“通过编码保存”→“UTF-8”；用 GitHub 网页编辑器时，请把文字从原文档重新粘贴进来。")


_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""What YAML refuses (and Markdown may turn into garbage): control characters, NUL bytes."""


def _printable(text: str, name: str, problems: Problems) -> str | None:
    """``text``, or None after naming the line and column of its first control character."""
    found = _UNPRINTABLE.search(text)
    if found is None:
        return text
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - text.rfind("\n", 0, found.start())
    problems.error(name, line, "", f"第 {column} 个字符是看不见的控制字符 U+{ord(found.group()):04X}",
                   "这种字符常随从 Word、网页或聊天软件复制的文字混入：请删掉这一行中出问题的位置，重新输入这几个字。")
    return None


def load(path: Path, name: str, problems: Problems) -> Source | None:
    """Parse ``path`` (shown to staff as ``name``); ``None`` if it cannot be used."""
    text = read_text(path, name, problems)
    return None if text is None else parse(text, name, problems)


def parse(text: str, name: str, problems: Problems) -> Source | None:
    """Parse YAML ``text`` read from ``name`` (e.g. a Markdown file's front matter, lines as in the file)."""
    try:
        node = yaml.compose(text, Loader=_loader_for(text))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problems.error(name, *_syntax_error(exc, text, mark.line + 1 if mark else None))
        return None
    except yaml.YAMLError as exc:
        problems.error(name, None, "", f"YAML 格式错误：{exc}", _SYNTAX_HINT)
        return None
    except RecursionError:
        problems.error(name, None, "", f"嵌套层级过深（上限 {MAX_DEPTH} 层）", "记录只需要三四层缩进，请检查是否多写了括号。")
        return None
    if node is None:
        problems.error(name, 1, "", "文件是空的，没有任何字段", "请参照 README 或 make new-org 生成的模板填写内容。")
        return None
    lines: dict[Path_, int] = {(): node.start_mark.line + 1}
    builder = _Builder(lines)
    try:
        data = builder.value(node, (), 0)
    except _Refused as exc:
        problems.error(name, exc.line, "", exc.message, exc.hint)
        return None
    return Source(name, data, lines, builder.numbers, text, frozenset(builder.blocks))


_BRACKETS = re.compile(r"[^\[\]{}]+")


def _loader_for(text: str) -> type:
    """libyaml's loader (ten times faster) unless brackets nest deeply.

    libyaml composes recursively in C and crashes the process on very deep
    nesting; the pure-Python loader raises ``RecursionError`` instead, which
    becomes a message. Records nest a few levels, so the fast path is the rule.
    """
    depth = deepest = 0
    for char in _BRACKETS.sub("", text):
        depth += 1 if char in "[{" else -1
        deepest = max(deepest, depth)
    fast = getattr(yaml, "CSafeLoader", None)
    return fast if fast and deepest <= 2 * MAX_DEPTH else yaml.SafeLoader


_SYNTAX_HINT = "YAML 用空格缩进（不能用 Tab），冒号后要有一个空格；含冒号或 # 的文字请用英文引号括起来。"


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, line: int | None) -> tuple[int | None, str, str, str]:
    """Line, field, message and hint for a YAML syntax error: its real cause where we can tell it."""
    problem = exc.problem or ""
    text_lines = text.splitlines()
    if "'\\t'" in problem or "tab character" in problem or (line and line <= len(text_lines) and "\t" in text_lines[line - 1]):
        return line, "", "YAML 格式错误：这一行用了 Tab 缩进", _SYNTAX_HINT
    found = mistakes.near(text_lines, line) or mistakes.indentation(text_lines, line, problem)
    if found:
        return found.line or line, "", found.message, found.hint
    return line, "", _syntax_message(exc), _SYNTAX_HINT


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or ""
    if "mapping values are not allowed" in problem:
        return "YAML 格式错误：这一行有多余的冒号，或上一行缩进不对"
    if "could not find expected ':'" in problem or "did not find expected key" in problem:
        return "YAML 格式错误：缺少冒号，或字段名后少了空格"
    if "found undefined alias" in problem or "found unhashable key" in problem:
        return "YAML 格式错误：不支持以 * 或 & 开头的写法"
    return f"YAML 格式错误（{problem or exc.context}）"


class _Builder:
    """Turns composed nodes into data, recording lines and refusing odd constructs."""

    def __init__(self, lines: dict[Path_, int]) -> None:
        self.lines = lines
        self.numbers: dict[Path_, str] = {}
        self.blocks: set[Path_] = set()
        self.seen: set[int] = set()
        self.constructor = yaml.SafeLoader("")

    def value(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        line = node.start_mark.line + 1
        if depth > MAX_DEPTH:
            raise _Refused(line, f"嵌套层级过深（上限 {MAX_DEPTH} 层）", "记录只需要三四层缩进，请检查缩进。")
        if id(node) in self.seen:
            raise _Refused(line, "不支持 YAML 锚点和别名（& 和 *）", "请把要重复的内容直接写出来。")
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return self.sequence(node, path, depth)
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused(line, "字段名必须是简单文字", "请检查这一行开头是否多了 [、{、<< 或 ?。")
            key = key_node.value
            if key in result:
                first = self.lines[path + (key,)]
                raise _Refused(line, f"字段 {key} 重复出现（第 {first} 行已有）", "同一层里每个字段只能写一次，请删掉或合并其中一个。")
            self.lines[path + (key,)] = line
            result[key] = self.value(value_node, path + (key,), depth + 1)
        return result

    def sequence(self, node: yaml.SequenceNode, path: Path_, depth: int) -> list[Any]:
        items = []
        for index, item in enumerate(node.value):
            self.lines[path + (index,)] = item.start_mark.line + 1
            items.append(self.value(item, path + (index,), depth + 1))
        return items

    def scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        if node.tag not in _PLAIN_TAGS:
            raise _Refused(node.start_mark.line + 1, f"不支持的 YAML 标签 {node.tag}", "请去掉以 ! 开头的标签。")
        if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
            if node.style in ("|", ">"):
                self.blocks.add(path)
            return node.value
        if node.tag == "tag:yaml.org,2002:int" and _SEXAGESIMAL.match(node.value):
            return node.value
        if node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
            self.numbers[path] = node.value
        value = self.constructor.construct_object(node)
        if isinstance(value, float) and not math.isfinite(value):
            raise _Refused(node.start_mark.line + 1, f"数字应为普通的数，实际为 {node.value}",
                           "请写出实际的数目，如 50000；不知道时删掉这一行。")
        return value
