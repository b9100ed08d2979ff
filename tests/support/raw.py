"""The fixture records read straight from their YAML, so that tests recompute figures without the column's code."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml

from .sitebuild import FIXTURES

FIGURES = FIXTURES / "figures"


def records(folder: str, *, drafts: bool = False) -> dict[str, dict]:
    """``{id: data}`` of ``tests/fixtures/figures/<folder>/*.yml``; drafts only when asked for."""
    found = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
             for path in sorted((FIGURES / folder).glob("*.yml"))}
    return {key: data for key, data in found.items() if drafts or not data.get("draft")}


def stories() -> dict[str, dict]:
    """Front matter of the fixture's stories, by slug."""
    found = {}
    for path in sorted((FIGURES / "content" / "stories" / "posts").glob("*.md")):
        data = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        found[data["slug"]] = data
    return found


def csv_rows(site: Path, name: str) -> list[dict[str, str]]:
    """A published CSV table, as Excel would read it (the BOM taken off)."""
    text = (site / "data" / f"{name}.csv").read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def json_rows(site: Path, name: str) -> list[dict]:
    return json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8"))
