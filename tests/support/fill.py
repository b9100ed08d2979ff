"""Fill a generated record template the way a person would: type a value after each empty placeholder.

Values are chosen generically from the schema (an ``examples`` entry, the first
allowed value, a candidate that the field's own schema accepts), so every new
record kind is covered without writing its template by hand.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema

from column import template, validate, yamlsource
from column.kinds import Kind
from column.problems import Problems
from column.schema.walk import GROUPS

_CANDIDATES: tuple[Any, ...] = (
    "2026-11-01", "2026-11-01 14:30", "09:00", "https://example.org/", "contact@example.org", "0000-1234567",
    "52370303MJD123456T", "shili-jilu", True, 1, 30, 2024, 1000.5, 118.05, 36.8,
)
OVERRIDES: dict[tuple[str, str], Any] = {
    ("venue", "close"): "17:00",
}
"""(kind, field name) -> value, where a rule across fields needs a specific one (closing after opening)."""


def _content_files(docs_dir: Path) -> list[str]:
    """Files under ``content/``: a field holding a file path must name one that exists."""
    return [p.relative_to(docs_dir).as_posix() for p in sorted(docs_dir.rglob("*")) if p.is_file()]


def value_for(kind: Kind, path: tuple[Any, ...], refs: dict[str, str], docs_dir: Path, marker: str) -> Any:
    """A value that the schema of the field at ``path`` accepts."""
    schema = validate.schema_at(kind.schema, path)
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    if (kind.name, name) in OVERRIDES:
        return OVERRIDES[(kind.name, name)]
    if schema.get("x-ref"):
        return refs[schema["x-ref"]]
    if schema.get("enum"):
        return schema["enum"][0]
    checker = jsonschema.Draft202012Validator(schema, format_checker=validate._formats)
    files = _content_files(docs_dir) if "pattern" in schema else ()
    for candidate in (*files, *schema.get("examples", ()), *_CANDIDATES, f"{marker}{schema.get('title', name)}"):
        if checker.is_valid(candidate):
            return candidate
    raise AssertionError(f"no value fits {kind.name} {path}: {schema}")


def fill(text: str, kind: Kind, refs: dict[str, str], docs_dir: Path, marker: str = "") -> str:
    """``text`` (a template) with each empty required field given a value, on its own line.

    A field required only in some cases ("status 为“登记”时必填") is uncommented
    when the schema asks for it, as a person does after reading the comment.
    """
    for _ in range(5):
        text = _fill_placeholders(text, kind, refs, docs_dir, marker)
        missing = _missing(text, kind)
        if not missing:
            return text
        text = _uncomment(text, missing)
    raise AssertionError(f"template of {kind.name} could not be filled:\n{text}")


def _fill_placeholders(text: str, kind: Kind, refs: dict[str, str], docs_dir: Path, marker: str) -> str:
    source = load_text(text, kind)
    lines = text.split("\n")
    for path in template.placeholder_paths(source.data):
        if validate.schema_at(kind.schema, path).get("type") == "object":
            continue  # filled by uncommenting its fields (``_missing``)
        number = source.line(path) - 1
        value = value_for(kind, path, refs, docs_dir, marker)
        lines[number] = lines[number].rstrip() + " " + json.dumps(value, ensure_ascii=False)
    return "\n".join(lines)


def _missing(text: str, kind: Kind) -> list[tuple[int, str]]:
    """(line of the object, name) of every required field still absent, and of the first of each group."""
    source = load_text(text, kind)
    errors = validate.validator_for(kind.schema).iter_errors(source.data)
    missing = [(source.line(tuple(e.absolute_path)), name) for e in errors
               if e.validator == "required" for name in e.validator_value if name not in e.instance]
    for path, data in _objects(source.data):
        schema = validate.schema_at(kind.schema, path)
        group = next((schema[k] for k in GROUPS if schema.get(k)), None)
        if data is None:
            if schema.get("type") == "object":
                missing.append((source.line(path), (group or list(schema["properties"]))[0]))
        elif group and not any(name in data for name in group):
            missing.append((source.line(path), group[0]))
    return list(dict.fromkeys(missing))


def _objects(data: Any, path: tuple[Any, ...] = ()):
    """Every mapping (or empty value) in the record with its path, the record itself first."""
    if isinstance(data, dict) or data is None:
        yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _objects(value, path + (key,))
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from _objects(value, path + (n,))


def _uncomment(text: str, missing: list[tuple[int, str]]) -> str:
    lines = text.split("\n")
    for line, name in missing:
        pattern = re.compile(rf"^(\s*)# ((?:- )?{re.escape(name)}:)$")
        number = next(n for n in range(line, len(lines)) if pattern.match(lines[n]))
        lines[number] = pattern.sub(r"\1\2", lines[number])
    return "\n".join(lines)


def load_text(text: str, kind: Kind) -> yamlsource.Source:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "record.yml"
        path.write_text(text, encoding="utf-8")
        problems = Problems()
        source = yamlsource.load(path, f"{kind.folder}/record.yml", problems)
    assert source is not None, problems.report()
    return source


def existing_refs(root: Path, kinds: tuple[Kind, ...]) -> dict[str, str]:
    """The first record id of each kind in the project, for fields that name another record."""
    refs = {}
    for kind in kinds:
        ids = sorted(p.stem for p in (root / kind.folder).glob("*.yml"))
        if ids:
            refs[kind.name] = ids[0]
    return refs
