"""Columns of the open-data tables, described from the one schema source.

A column is a field of a record kind's JSON Schema (``column.schema``), named by
its dotted path (``registration.status`` -> column ``registration_status``):
its Chinese title, description, type and allowed values come from the schema,
so the data package says what the staff guide and the validator say. The few
columns no record field holds (a page's address, a session's number) are
:func:`derived` and carry their own title.

A column's value is read from the *normalized* record, never from the YAML:
the model has already dropped what records do not mark public (a leader's name
without consent, a phone marked not public), and drafts never reach a table.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Callable

from ..schema.fields import Schema
from ..validate import schema_at

LIST_DELIMITER = ";"
"""How a list (service areas, audiences) is written in one CSV cell; JSON keeps a real array."""

_SCALAR_TYPES = {"integer": "integer", "number": "number", "boolean": "boolean"}
_FORMAT_TYPES = {"date": "date", "local-datetime": "datetime"}


@dataclasses.dataclass(frozen=True)
class Column:
    """One column: its stable name, its Table Schema field, and how to read it from a row."""

    name: str
    field: dict[str, Any]
    """The Table Schema field descriptor (name, title, description, type, constraints)."""
    get: Callable[[Any], Any]

    @property
    def title(self) -> str:
        return self.field.get("title", self.name)

    @property
    def type(self) -> str:
        return self.field["type"]

    @property
    def description(self) -> str:
        return self.field.get("description", "")

    @property
    def enum(self) -> list[Any]:
        return self.field.get("constraints", {}).get("enum", [])


def from_schema(kind_schema: Schema, path: str, get: Callable[[Any], Any] | None = None, *,
                type: str | None = None, title: str | None = None, required: bool = False) -> Column:
    """The column of the field at dotted ``path``; ``projects[].name`` for the items of a list.

    A list's items are rows of a table of their own, read as ``(record, item)`` pairs; the
    column is then named after the item's field alone (``name``). ``get`` reads the value
    from a row (default: the same attributes on the model); ``type`` and ``title`` override
    the schema when the model keeps a value in another form (a duration in seconds).
    """
    parent, _, own = path.rpartition("[].")
    parts = tuple(0 if p == "[]" else p for p in path.replace("[]", ".[]").split(".") if p)
    schema = schema_at(kind_schema, parts)
    name = own.replace(".", "_")
    descriptor = {"name": name, "title": title or schema.get("title", name)}
    if schema.get("description"):
        descriptor["description"] = schema["description"]
    descriptor.update(_type_of(schema, type))
    if required:
        descriptor.setdefault("constraints", {})["required"] = True
    names = own.split(".")
    default = (lambda row: _attributes(row[1], names)) if parent else (lambda row: _attributes(row, names))
    return Column(name, descriptor, get or default)


def derived(name: str, title: str, type: str, get: Callable[[Any], Any], description: str = "", *,
            required: bool = False, **extra: Any) -> Column:
    """A column no record field holds (a page's address, a session's number)."""
    descriptor: dict[str, Any] = {"name": name, "title": title, **({"description": description} if description else {}),
                                  "type": type, **extra}
    if required:
        descriptor["constraints"] = {"required": True}
    return Column(name, descriptor, get)


def _type_of(schema: Schema, override: str | None) -> dict[str, Any]:
    if schema.get("type") == "array":
        return {"type": "list", "delimiter": LIST_DELIMITER, "itemType": override or _scalar(schema["items"])[0]}
    kind, enum = _scalar(schema)
    kind = override or kind
    return {"type": kind, **({"constraints": {"enum": enum}} if enum and kind == "string" else {})}


def _scalar(schema: Schema) -> tuple[str, list[Any] | None]:
    if schema.get("type") in _SCALAR_TYPES:
        return _SCALAR_TYPES[schema["type"]], None
    if schema.get("format") in _FORMAT_TYPES:
        return _FORMAT_TYPES[schema["format"]], None
    return "string", schema.get("enum")


def _attributes(row: Any, names: list[str]) -> Any:
    for name in names:
        row = getattr(row, name, None) if row is not None else None
    return row


def cell(value: Any) -> Any:
    """A value as JSON holds it: dates in ISO 8601 (Beijing time with its offset), tuples as lists."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [cell(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def text(value: Any) -> str:
    """A JSON value as one CSV cell: ``true``/``false``, lists joined by :data:`LIST_DELIMITER`, nothing for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_DELIMITER.join(text(item) for item in value)
    return str(value)
