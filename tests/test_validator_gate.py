"""The fast validity gate (fastjsonschema) must never accept what jsonschema refuses.

``validate.check`` trusts the compiled validator when it says "valid" and only then
skips jsonschema; a record the gate wrongly accepted would publish unchecked. So every
sample record of every kind is mutated field by field, driven by the schemas, and on
every variant "the gate accepts" must imply "jsonschema accepts". (The other way
round costs only time: jsonschema then runs and finds nothing.)
"""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Iterator

import pytest

from column import validate
from column.problems import Problems
from column.registry import KINDS
from column.schema.walk import ITEM, flatten
from column.yamlsource import parse

from support.sitebuild import SAMPLE

ODD_VALUES: tuple[Any, ...] = (
    None, "", " ", "x" * 5000, 0, -1, 1.5, 10**12, True, [], {}, ["a"], {"a": 1},
    "2026-02-30", "2026-13-01", "2026-11-22", "2026-11-22 9:30", "2026-11-22 25:00", "2026-11-22T10:00",
    "9:30", "javascript:alert(1)", "https://example.org/", "tel:110", "52370303MJD123456T",
    "52370303MJD123456X", "社会服务机构", "每周", "０５３３", "13800000000", "2026-11-22\n", "venue\n",
    {"unknown_key": 1}, [{"unknown_key": 1}], 3.0,
)


def _samples(kind) -> list[tuple[str, Any]]:
    found = []
    for file in sorted((SAMPLE / kind.folder).glob("*.yml"))[:4]:
        source = parse(file.read_text(encoding="utf-8"), file.name, Problems())
        validate.numbers_as_written(source, kind.schema)
        found.append((file.name, source.data))
    return found


def _containers(data: Any, path: tuple[str, ...]) -> Iterator[tuple[Any, Any]]:
    """(container, key) pairs that ``path`` (with ``[]`` for every item) reaches in ``data``."""
    if not path:
        return
    head, rest = path[0], path[1:]
    if head == ITEM:
        for index, item in enumerate(data if isinstance(data, list) else []):
            yield from ((data, index),) if not rest else _containers(item, rest)
        return
    if not isinstance(data, dict):
        return
    if not rest:
        yield data, head
    elif head in data:
        yield from _containers(data[head], rest)


def _variants(data: dict[str, Any], schema: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for field in flatten(schema):
        for value in ODD_VALUES + tuple(field.schema.get("enum", ())[:2]):
            variant = copy.deepcopy(data)
            for container, key in list(_containers(variant, field.path)):
                container[key] = value
            yield f"{field.dotted}={value!r:.30}", variant
        variant = copy.deepcopy(data)
        for container, key in list(_containers(variant, field.path)):
            container.pop(key, None) if isinstance(container, dict) else None
        yield f"{field.dotted} removed", variant
        variant = copy.deepcopy(data)
        for container, key in list(_containers(variant, field.path)):
            value = container[key] if isinstance(container, list) or key in container else None
            if isinstance(value, dict):
                value["unknown_key"] = 1
            elif isinstance(value, list) and value:
                value.append(copy.deepcopy(value[0]))  # a repeated item
        yield f"{field.dotted} nested unknown key / repeated item", variant
    yield "unknown key", {**data, "unknown_key": 1}


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_what_the_fast_gate_accepts_jsonschema_accepts_too(kind):
    validators = validate.validators_for(kind.schema)
    checked = rejected = agreed = 0
    for name, data in _samples(kind):
        for label, variant in _variants(data, kind.schema):
            slow = not list(validators.explain.iter_errors(variant))
            fast = validators.is_valid(variant)
            assert slow or not fast, (kind.name, name, label, variant)
            checked += 1
            rejected += not slow
            agreed += fast == slow
    # The variants really probe both answers, and the gate is useful: it agrees nearly always.
    assert checked > 500 and 0.3 * checked < rejected < checked, (checked, rejected)
    assert agreed > 0.97 * checked, (agreed, checked)


def test_a_schema_keyword_the_fast_gate_does_not_know_is_refused():
    """fastjsonschema (draft 7) ignores 2020-12 keywords such as unevaluatedProperties: that would let records through."""
    schema = {"$id": "t", "type": "object", "properties": {"a": {"type": "object", "unevaluatedProperties": False}}}
    with pytest.raises(ValueError, match="unevaluatedProperties"):
        validate.validators_for(schema)


def test_an_impossible_date_is_refused_by_the_gate_too():
    """fastjsonschema's own "date" format only looks at the shape; ours knows February."""
    org = next(k for k in KINDS if k.name == "org")
    _, data = _samples(org)[0]
    assert validate.validators_for(org.schema).is_valid(data)
    assert not validate.validators_for(org.schema).is_valid({**data, "verified": "2026-02-30"})
