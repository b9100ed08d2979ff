"""The schema files editors read: ``schemas/<kind>.schema.json`` and the VS Code mapping.

They are generated from the one schema source (``column.schema``) by
``make schemas``; a test fails when a committed file differs from what this
module writes, so the editor never disagrees with ``make check``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    from ..kinds import Kind

FOLDER = "schemas"
VSCODE_SETTINGS = ".vscode/settings.json"


def path(kind: Kind) -> str:
    """``schemas/org.schema.json``, relative to the project root."""
    return f"{FOLDER}/{kind.name}.schema.json"


def text(kind: Kind) -> str:
    """The published JSON Schema of ``kind``: sorted keys, Chinese as is, one trailing newline.

    The ``x-`` keys (``x-expect`` and friends) stay: Draft 2020-12 ignores unknown
    keywords, and they tell a reader of the file what the validator will say.
    """
    return json.dumps(kind.schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def vscode_mapping(kinds: Iterable[Kind]) -> dict[str, str]:
    """``yaml.schemas`` of the YAML extension: schema file -> the records it describes."""
    return {f"./{path(kind)}": f"{kind.folder}/*.yml" for kind in kinds}


def vscode_text(kinds: Iterable[Kind], current: str | None) -> str:
    """``.vscode/settings.json`` with ``yaml.schemas`` brought up to date, other settings kept."""
    settings: dict[str, Any] = json.loads(current) if current else {}
    settings["yaml.schemas"] = vscode_mapping(kinds)
    settings.setdefault("files.encoding", "utf8")
    settings.setdefault("editor.insertSpaces", True)
    settings.setdefault("[yaml]", {"editor.tabSize": 2, "editor.autoIndent": "keep"})
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def expected_files(root: Path, kinds: Iterable[Kind]) -> dict[Path, str]:
    """Every file ``make schemas`` writes, with the text it should hold."""
    kinds = tuple(kinds)
    files = {root / path(kind): text(kind) for kind in kinds}
    settings = root / VSCODE_SETTINGS
    files[settings] = vscode_text(kinds, settings.read_text(encoding="utf-8") if settings.is_file() else None)
    return files


def write_all(root: Path, kinds: Iterable[Kind]) -> list[str]:
    """Write the files that changed; return their paths relative to ``root``."""
    changed = []
    for file, content in expected_files(root, kinds).items():
        if not file.is_file() or file.read_text(encoding="utf-8") != content:
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(content, encoding="utf-8")
            changed.append(file.relative_to(root).as_posix())
    return changed
