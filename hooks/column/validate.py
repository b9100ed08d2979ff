"""Check one parsed record against its JSON Schema and explain each failure in Chinese.

The JSON Schema (``column.schema``) is the single source of the rules; the
``jsonschema`` library finds every violation, and this module only translates
them into messages that name the line, the field, what was expected, what
arrived and how to fix it.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any, Callable, Iterable, Iterator

import fastjsonschema
import jsonschema
from stdnum.cn import uscc as stdnum_uscc

from . import mistakes
from .fieldtext import markdown_excess, numbers_as_written, schema_at  # noqa: F401 (schema_at: callers read it here)
from .problems import Problems
from .yamlsource import Source

_TYPE_NAMES = {
    "string": "文字", "integer": "整数", "number": "数字", "boolean": "true 或 false",
    "array": "列表（每项一行，以“- ”开头）", "object": "带子字段的一组内容", "null": "空",
}


def field_path(path: Iterable[Any]) -> str:
    """``('projects', 1, 'name')`` -> ``projects[1].name``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def shown(value: Any) -> str:
    """A received value as staff see it in a message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:40] + "…"
        return f"\"{short}\""
    if isinstance(value, dict):
        return "一组子字段"
    if isinstance(value, list):
        return f"含 {len(value)} 项的列表"
    if value is None:
        return "空值"
    return str(value)


def parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


_LOCAL_DATETIME = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2}) ([0-9]{1,2}):([0-9]{1,2})")


def parse_local_datetime(value: str) -> dt.datetime | None:
    """``2026-12-05 14:30`` (or a bare ISO date/time) as a naive datetime; None if no such moment."""
    try:
        if " " not in value:
            return dt.datetime.fromisoformat(value)
        match = _LOCAL_DATETIME.fullmatch(value)
        return dt.datetime(*map(int, match.groups())) if match else None
    except ValueError:
        return None


YEARS = range(1949, 2101)
"""Years a date may name: anything else is a typo (9026 for 2026) and would make calendars run for ages."""


def _in_years(value: dt.date | None) -> bool:
    return value is not None and value.year in YEARS


_FORMAT_CHECKS: dict[str, Callable[[str], bool]] = {
    "date": lambda v: _in_years(parse_date(v)),
    "local-datetime": lambda v: _in_years(parse_local_datetime(v)),
    "uscc": stdnum_uscc.is_valid,
}
"""Formats the validators check; the others in the schemas (web-url, site-image) only inform editors."""

_formats = jsonschema.FormatChecker(formats=())
for _name, _check in _FORMAT_CHECKS.items():
    _formats.checks(_name)(lambda v, check=_check: not isinstance(v, str) or check(v))


class _Validators:
    """One schema, compiled twice: a fast yes/no check, and jsonschema to explain every failure.

    ``fastjsonschema`` turns the schema into Python code (~20× faster than
    jsonschema on a valid record) but stops at the first error; most records are
    valid, so only the failing ones go through jsonschema to find all errors.
    """

    def __init__(self, schema: dict[str, Any]) -> None:
        unknown = _keywords_in(schema) - _GATE_KEYWORDS
        if unknown:  # fastjsonschema would ignore them and let records through: a developer's mistake
            raise ValueError(f"schema {schema.get('$id')} uses keywords the fast check does not know: {sorted(unknown)}")
        self.schema = schema
        self.explain = jsonschema.Draft202012Validator(schema, format_checker=_formats)
        formats = {name: _FORMAT_CHECKS.get(name, lambda v: True) for name in _formats_in(schema)}
        self._fast = fastjsonschema.compile(schema, formats=formats, use_default=False)

    def is_valid(self, data: Any) -> bool:
        try:
            self._fast(data)
        except fastjsonschema.JsonSchemaValueException:
            return False
        return True


_GATE_KEYWORDS = {
    "$schema", "$id", "title", "description", "examples", "default", "contentMediaType", "enumDescriptions",
    "type", "properties", "required", "additionalProperties", "items", "minItems", "maxItems", "uniqueItems",
    "enum", "const", "pattern", "format", "minLength", "maxLength", "minimum", "maximum",
    "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
}
"""Keywords that mean the same to fastjsonschema (draft 7) and jsonschema (2020-12), plus annotations
(``x-…`` keywords are ours: annotations for editors and messages)."""


def _subschemas(schema: Any) -> Iterator[dict[str, Any]]:
    """``schema`` and every schema inside it (not the values of ``enum``, ``const`` or ``examples``)."""
    if isinstance(schema, list):
        for item in schema:
            yield from _subschemas(item)
    elif isinstance(schema, dict):
        yield schema
        for key, value in schema.items():
            if key == "properties":
                for sub in value.values():
                    yield from _subschemas(sub)
            elif key in ("items", "additionalProperties", "allOf", "anyOf", "oneOf", "not", "if", "then", "else"):
                yield from _subschemas(value)


def _keywords_in(schema: dict[str, Any]) -> set[str]:
    """Every keyword used anywhere in ``schema`` (not the names of properties, not ``x-…`` annotations)."""
    return {key for sub in _subschemas(schema) for key in sub if not key.startswith("x-")}


def _formats_in(schema: dict[str, Any]) -> set[str]:
    return {sub["format"] for sub in _subschemas(schema) if isinstance(sub.get("format"), str)}


_compiled: dict[int, _Validators] = {}


def validators_for(schema: dict[str, Any]) -> _Validators:
    """The compiled validators of ``schema`` (a schema dict lives as long as the process: kept by identity)."""
    found = _compiled.get(id(schema))
    if found is None or found.schema is not schema:
        found = _compiled[id(schema)] = _Validators(schema)
    return found


def validator_for(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    """The jsonschema validator of ``schema`` (every error, with paths)."""
    return validators_for(schema).explain


def check(source: Source, schema: dict[str, Any], problems: Problems) -> bool:
    """Record every schema violation of ``source`` (and Markdown past its limits); True when there was none."""
    numbers_as_written(source, schema)
    validators = validators_for(schema)
    if validators.is_valid(source.data):
        return _markdown_within_limits(source, schema, problems)
    seen: set[tuple[tuple[Any, ...], str]] = set()
    for error in sorted(validators.explain.iter_errors(source.data), key=_error_order(source)):
        for path, message, hint in _explain(error, schema):
            if (path, message) not in seen:
                seen.add((path, message))
                problems.error(source.file, _line(source, path), titled(schema, path), message, hint)
    return not seen


def _line(source: Source, path: tuple[Any, ...]) -> int:
    """The field's line; for a text with a full-width character in it, the line of that character."""
    value = _value_at(source.data, path)
    wide = mistakes.WIDE.search(value) if isinstance(value, str) else None
    return source.find_line(wide.group(), source.line(path)) if wide else source.line(path)


def _value_at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def not_fields(source: Source, problems: Problems, line: int, what: str, hint: str) -> None:
    """The file (or front matter) is not a set of ``key: value`` lines: say why, if a typing mistake is why."""
    found = mistakes.anywhere(source.text)
    if found:
        problems.error(source.file, found.line, "", found.message, found.hint)
    else:
        problems.error(source.file, line, "", f"{what}应为若干“字段: 值”，实际为 {shown(source.data)}", hint)



def _markdown_within_limits(source: Source, schema: dict[str, Any], problems: Problems) -> bool:
    excesses = list(markdown_excess(source, schema))
    for path, line, excess in excesses:
        problems.error(source.file, line, titled(schema, path), excess.message, excess.hint)
    return not excesses


def titled(root: dict[str, Any], path: tuple[Any, ...]) -> str:
    """``rating.grade（评估等级）``: the field as written and as staff know it."""
    if not path:
        return ""
    title = schema_at(root, path).get("title")
    return f"{field_path(path)}（{title}）" if title else field_path(path)


def _error_order(source: Source):
    return lambda e: (source.line(tuple(e.absolute_path)), str(e.absolute_path))


def _explain(error: jsonschema.ValidationError, root: dict[str, Any]) -> Iterable[tuple[tuple[Any, ...], str, str]]:
    path = tuple(error.absolute_path)
    schema, value = error.schema, error.instance
    kind = error.validator
    if kind == "required":
        properties = schema_at(root, path).get("properties", {})
        for name in error.validator_value:
            if isinstance(value, dict) and name not in value:
                sub = properties.get(name, {})
                yield path, f"缺少必填字段 {name}（{sub.get('title', name)}）", \
                    f"请添加一行“{name}: …”，应为{sub.get('x-expect', '一个值')}。"
        return
    if kind == "additionalProperties":
        known = schema.get("properties", {})
        for name in value:
            if name not in known:
                yield path + (name,), "未知字段", (mistakes.in_key(name) or _elsewhere(name, path, root)
                                                    or _did_you_mean_field(name, known))
        return
    expect = schema.get("x-expect", "") if isinstance(schema, dict) else ""
    if value is None and kind in ("type", "enum"):
        after = "“-”" if path and isinstance(path[-1], int) else "冒号"
        yield path, f"还没有填写（{after}后是空的）", f"请在{after}后空一格填写：{_empty_hint(root, path, expect)}"
        return
    if kind == "type":
        wanted = error.validator_value
        wanted = _TYPE_NAMES.get(wanted, wanted) if isinstance(wanted, str) else "、".join(_TYPE_NAMES[w] for w in wanted)
        hint = mistakes.in_value(value, error.validator_value, _name(path)) or f"应为{expect or wanted}。"
        yield path, f"应为{wanted}，实际为 {shown(value)}", hint
    elif kind == "enum":
        listed = path and isinstance(path[-1], int) and mistakes.one_per_line(str(value), _name(path[:-1]))
        yield path, f"应为 {' / '.join(map(str, error.validator_value))} 之一，实际为 {shown(value)}", \
            listed or _did_you_mean(str(value), error.validator_value)
    elif kind in ("pattern", "format"):
        yield path, f"应为{expect}，实际为 {shown(value)}", _format_hint(schema, value, _name(path))
    elif kind == "minLength":
        yield path, f"不能为空", "请填写内容，或删掉这一行。"
    elif kind == "maxLength":
        yield path, f"太长：最多 {error.validator_value} 个字，实际 {len(value)} 个字", "请精简文字。"
    elif kind in ("minimum", "maximum"):
        op = "不小于" if kind == "minimum" else "不大于"
        yield path, f"应{op} {error.validator_value}，实际为 {shown(value)}", f"应为{expect}。"
    elif kind == "minItems":
        yield path, f"至少要有 {error.validator_value} 项", "请在下面添加以“- ”开头的项。"
    elif kind == "uniqueItems":
        yield path, f"有重复的项", "请删掉重复的那一项。"
    else:
        yield path, f"不符合要求：{error.message}", f"应为{expect}。" if expect else ""


def _empty_hint(root: dict[str, Any], path: tuple[Any, ...], expect: str) -> str:
    """What to write in a field left empty (as templates leave required fields)."""
    required = bool(path) and path[-1] in schema_at(root, path[:-1]).get("required", ())
    optional = "" if required or not path or isinstance(path[-1], int) else "；不需要这一项时请删掉这一行"
    return f"{expect or '一个值'}{optional}。"


def _did_you_mean(word: str, options: Iterable[Any]) -> str:
    options = [str(o) for o in options]
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.5)
    if close:
        return f"是不是想写 {close[0]}？"
    return "可用的写法：" + "、".join(options[:20]) + ("……" if len(options) > 20 else "")


def _elsewhere(name: str, path: tuple[Any, ...], root: dict[str, Any]) -> str:
    """A field written at the wrong level (``电话`` at the top instead of ``contact.phone``)."""
    from .schema.walk import flatten

    here = tuple(p for p in path if not isinstance(p, int))
    for field in flatten(root):
        parent = tuple(p for p in field.path[:-1] if p != "[]")
        if name in (field.name, field.title) and parent != here and parent:
            return (f"“{name}”应写在 {field.dotted.rsplit('.', 1)[0]} 下面：先写一行 {parent[-1]}:，"
                    f"再在下一行缩进两个空格写 {field.name}: …")
    return ""


def _did_you_mean_field(name: str, known: dict[str, Any]) -> str:
    """Suggest the key for a misspelt key, or for a key written as its Chinese title."""
    by_title = {sub.get("title"): key for key, sub in known.items()}
    close = difflib.get_close_matches(name, list(by_title), n=1, cutoff=0.5)
    if close:
        return f"字段名请用英文：把“{name}”改为 {by_title[close[0]]}（{close[0]}）。"
    return _did_you_mean(name, known)


def _name(path: tuple[Any, ...]) -> str:
    """The key a value is written under (``start`` for ``postponed_to.start``)."""
    keys = [p for p in path if not isinstance(p, int)]
    return str(keys[-1]) if keys else ""


def _format_hint(schema: dict[str, Any], value: Any, name: str) -> str:
    fmt = schema.get("format")
    typed = isinstance(value, str) and (mistakes.wide_characters(value) or (
        mistakes.date_hint(value) if fmt == "date" else mistakes.datetime_hint(value, name)
        if fmt == "local-datetime" else ""))
    if typed:
        return typed
    parsed = isinstance(value, str) and (parse_date(value) if fmt == "date" else parse_local_datetime(value)
                                         if fmt == "local-datetime" else None)
    if parsed and parsed.year not in YEARS:
        return f"年份应在 {YEARS[0]} 到 {YEARS[-1]} 之间，这里写的是 {parsed.year} 年：请核对年份（如把 2026 误写成 9026）。"
    if fmt == "uscc":
        return "请对照登记证书逐位核对；最后一位校验码不符说明有一位抄错了。"
    if fmt == "local-datetime":
        return "时刻用 24 小时制，如 2026-12-05 14:30；请用英文引号括起来以免被误读。"
    examples = schema.get("examples")
    return f"例如：{examples[0]}" if examples else ""
