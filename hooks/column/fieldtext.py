"""Values the schema lets through but the pages cannot use as written.

- A number written without quotes in a text field (a phone ``0533…``) goes back to
  the text as written.
- A whole number written with a decimal point (``interval: 2.0``) in a field of whole
  numbers becomes the whole number: jsonschema counts 2.0 as an integer, Python's
  ``range`` does not.
- Markdown text is held to :mod:`column.mdlimits` before anything renders it
  (deep lists overflow Python-Markdown's recursion; thousands of brackets take minutes).
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from . import mdlimits
from .yamlsource import Source

MARKDOWN = "text/markdown"


def schema_at(root: dict[str, Any], path: Iterable[Any]) -> dict[str, Any]:
    """The subschema that describes the value at ``path`` (empty if none does)."""
    schema = root
    for part in path:
        key = "items" if isinstance(part, int) else None
        schema = schema.get(key, {}) if key else schema.get("properties", {}).get(part, {})
    return schema


def numbers_as_written(source: Source, schema: dict[str, Any]) -> None:
    """Text fields get a number back as written; whole-number fields get ``2`` for ``2.0``."""
    for path, text in source.numbers.items():
        kind = schema_at(schema, path).get("type")
        target = source.data
        for part in path[:-1]:
            target = target[part]
        value = target[path[-1]]
        if kind == "string":
            target[path[-1]] = text
        elif kind == "integer" and isinstance(value, float) and value.is_integer():
            target[path[-1]] = int(value)


def markdown_excess(source: Source, schema: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], int, mdlimits.Excess]]:
    """(path, file line, excess) for each Markdown field of ``source`` that passes a limit.

    A block text (``description: |``) starts on the line after its field's.
    """
    for path, value in strings(source.data):
        if schema_at(schema, path).get("contentMediaType") == MARKDOWN:
            excess = mdlimits.check(value)
            if excess:
                yield path, source.line(path) + excess.line - (0 if path in source.blocks else 1), excess


def strings(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(path, text) of every text in ``data``."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, path + (index,))
