"""Read a record schema field by field, as staff see it in templates and in the guide.

The record templates (``column.template``) and the field reference of the staff
guide (``column.render.guide``) both walk the schema with these helpers, so the
order, the wording and the "required or not" of a field are the same everywhere.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Iterator

Schema = dict[str, Any]

ITEM = "[]"
"""Path part standing for "every item of a list" (``projects[].name``)."""


@dataclasses.dataclass(frozen=True)
class Field:
    """One property of an object schema."""

    name: str
    path: tuple[str, ...]
    schema: Schema
    required: bool
    condition: str = ""
    """When the field is required only in some cases, e.g. ``status 为“登记”时必填``."""

    @property
    def dotted(self) -> str:
        """``projects[].name``: the field as written in YAML, for the guide."""
        text = ""
        for part in self.path:
            text += part if part == ITEM else (f".{part}" if text else part)
        return text

    @property
    def title(self) -> str:
        return self.schema.get("title", self.name)

    @property
    def necessity(self) -> str:
        """必填 / 可选 / the condition under which it is required."""
        return "必填" if self.required else (self.condition or "可选")

    @property
    def item(self) -> Schema | None:
        """The schema of each item when the field is a list."""
        return self.schema.get("items") if self.schema.get("type") == "array" else None


def children(schema: Schema, path: tuple[str, ...] = ()) -> list[Field]:
    """The properties of an object schema, in schema order."""
    required = set(schema.get("required", ()))
    conditions = _conditions(schema)
    return [Field(name, path + (name,), sub, name in required, conditions.get(name, ""))
            for name, sub in schema.get("properties", {}).items()]


def flatten(schema: Schema, path: tuple[str, ...] = ()) -> Iterator[Field]:
    """Every field at any depth: objects, and objects inside lists, included."""
    for field in children(schema, path):
        yield field
        nested = field.item or field.schema
        if nested.get("type") == "object":
            yield from flatten(nested, field.path + ((ITEM,) if field.item else ()))


def choices(schema: Schema) -> list[tuple[str, str]]:
    """The allowed values of an enum (or a list of an enum) with their one-line docs."""
    target = schema.get("items", schema) if schema.get("type") == "array" else schema
    values = target.get("enum") or []
    docs = target.get("enumDescriptions") or [""] * len(values)
    return [(str(value), doc) for value, doc in zip(values, docs)]


GROUPS = {"x-any-of": "至少填一项", "x-one-of": "必须填其中一项，只能填一项"}
"""Annotations on an object schema naming fields of which some must be present.

JSON Schema cannot say this in words staff read; the rule itself lives in the
kind's ``rules`` module (with its own message), the annotation tells templates
and the guide, e.g. ``"x-any-of": ["venue", "address", "online"]``.
"""


def _conditions(schema: Schema) -> dict[str, str]:
    """Notes for fields required only in some cases.

    From ``allOf: [{if: {properties: {status: {const: 登记}}}, then: {required: [uscc]}}]``
    and from the ``GROUPS`` annotations.
    """
    notes: dict[str, str] = {}
    for key, words in GROUPS.items():
        names = schema.get(key) or ()
        for name in names:
            notes[name] = f"{'、'.join(names)} {words}"
    for rule in schema.get("allOf", ()):
        when = [f"{key} 为“{sub['const']}”" for key, sub in rule.get("if", {}).get("properties", {}).items()
                if "const" in sub]
        for name in rule.get("then", {}).get("required", ()):
            note = "、".join(when) + "时必填" if when else "视情况必填"
            notes[name] = f"{notes[name]}；{note}" if name in notes else note
    return notes
