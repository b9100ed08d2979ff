"""The schema as editors read it: every diagnostic in Chinese, naming what is expected.

The YAML extension of VS Code (``yaml-language-server``) shows a schema's own
``errorMessage`` (and ``patternErrorMessage``) instead of its English "Incorrect
type", "Missing property" or raw regular expression, for the keywords that
honour it: a type, a choice, a pattern or format, a required field and an
unknown field. Everything else is rewritten here into those keywords, with the
same meaning for a validator:

- ``required: [a, b]`` -> one ``allOf`` entry per field, each with its message;
- ``additionalProperties: false`` -> ``propertyNames: {enum: [...]}`` with the fields one may write;
- ``minLength``, ``maxLength``, ``minimum``, ``maximum``, ``minItems``, ``uniqueItems`` ->
  ``{if: {<keyword>}, else: {type: "null", errorMessage: …}}``: the ``else`` runs only when the
  keyword fails, and it always fails on such a value, with our message;
- a text field also takes a number, as ``make check`` reads ``phone: 13800000000`` as text.

The validator (``column.validate``) keeps reading the plain schema; a test compares
the two on broken records, and another drives the real language server.
"""
from __future__ import annotations

import copy
from typing import Any

Schema = dict[str, Any]

_LIMITS = {
    "minLength": lambda v: "不能为空" if v == 1 else f"至少 {v} 个字",
    "maxLength": lambda v: f"太长：最多 {v} 个字",
    "minimum": lambda v: f"应不小于 {v}",
    "maximum": lambda v: f"应不大于 {v}",
    "minItems": lambda v: f"至少要有 {v} 项",
    "uniqueItems": lambda v: "有重复的项，请删掉重复的那一项",
}
"""Keywords the language server reports in English, and what we say instead."""


def for_editor(schema: Schema) -> Schema:
    """A copy of ``schema`` whose every failure the language server reports in Chinese."""
    return _rewrite(copy.deepcopy(schema), schema.get("title", ""))


def _rewrite(schema: Schema, title: str) -> Schema:
    label = schema.get("title", title)
    for key in ("properties",):
        for name, sub in schema.get(key, {}).items():
            _rewrite(sub, sub.get("title", name))
    if isinstance(schema.get("items"), dict):
        _rewrite(schema["items"], label)
    for rule in schema.get("allOf", ()):
        if "then" in rule:
            rule["then"] = _required(rule["then"], schema, _condition(rule.get("if", {})))
    if schema.get("type") == "object":
        _object(schema, label)
    elif "type" in schema or "enum" in schema:
        _value(schema, label)
    return schema


def _value(schema: Schema, label: str) -> None:
    expect = schema.get("x-expect", "")
    space = " " if expect[:1].isascii() else ""
    message = f"{label}：应为{space}{expect}" if expect else f"{label}：填写有误"
    schema["errorMessage"] = message
    if "pattern" in schema:
        schema["patternErrorMessage"] = message
    if schema.get("type") == "string":
        schema["type"] = ["string", "number"]  # `make check` keeps an unquoted number as the text written
    for keyword, say in _LIMITS.items():
        if keyword in schema:
            value = schema.pop(keyword)
            schema.setdefault("allOf", []).append(
                {"if": {keyword: value}, "else": {"type": "null", "errorMessage": f"{label}：{say(value)}"}})


def _object(schema: Schema, label: str) -> None:
    properties = schema.get("properties", {})
    schema["errorMessage"] = f"{label}：应为带子字段的一组内容（下一行缩进两个空格，逐行写“字段: 值”）"
    if schema.pop("additionalProperties", True) is False:
        known = "、".join(f"{name}（{sub.get('title', name)}）" for name, sub in properties.items())
        schema["propertyNames"] = {"enum": list(properties), "errorMessage": f"未知字段：{label}中只能写 {known}"}
    _required(schema, schema, "")


def _required(target: Schema, owner: Schema, condition: str) -> Schema:
    """``required`` of ``target`` as one ``allOf`` entry per field, each saying which field is missing."""
    properties = owner.get("properties", {})
    for name in target.pop("required", ()):
        sub = properties.get(name, {})
        when = f"（{condition}时必填）" if condition else ""
        expect = f"，应为{sub['x-expect']}" if sub.get("x-expect") else ""
        target.setdefault("allOf", []).append({
            "required": [name],
            "errorMessage": f"缺少必填字段 {name}（{sub.get('title', name)}）{when}：请添加一行“{name}: …”{expect}"})
    return target


def _condition(rule: Schema) -> str:
    """``{properties: {status: {const: 登记}}}`` -> ``status 为“登记”``."""
    return "、".join(f"{key} 为“{sub['const']}”" for key, sub in rule.get("properties", {}).items() if "const" in sub)
