"""The schema files editors read: ``schemas/<kind>.schema.json`` and the VS Code mapping.

They are generated from the one schema source (``column.schema``) by
``make schemas``; a test fails when a committed file differs from what this
module writes, so the editor never disagrees with ``make check``.
"""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from .editor import for_editor

if TYPE_CHECKING:
    from ..kinds import Kind

FOLDER = "schemas"
VSCODE_SETTINGS = ".vscode/settings.json"


@dataclasses.dataclass(frozen=True)
class Document:
    """A kind of file staff write in YAML, with the schema editors check it against."""

    name: str
    schema: dict[str, Any]
    files: str | None
    """The files the YAML extension applies it to (None: front matter, which the extension does not read)."""


def documents(kinds: Iterable[Kind]) -> list[Document]:
    """Every record kind, ``column.yml`` and the front matter of stories."""
    from .. import config
    from . import story

    return [*(Document(k.name, k.schema, f"{k.folder}/*.yml") for k in kinds),
            Document("config", config.SCHEMA, config.FILE), Document("story", story.SCHEMA, None)]


def path(kind: Kind | Document) -> str:
    """``schemas/org.schema.json``, relative to the project root."""
    return f"{FOLDER}/{kind.name}.schema.json"


def text(kind: Kind | Document) -> str:
    """The published JSON Schema of ``kind``: sorted keys, Chinese as is, one trailing newline.

    Rewritten for editors (:mod:`.editor`) so that every diagnostic is in Chinese. The
    ``x-`` keys (``x-expect`` and friends) stay: Draft 2020-12 ignores unknown
    keywords, and they tell a reader of the file what the validator will say.
    """
    return json.dumps(for_editor(kind.schema), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def vscode_mapping(docs: Iterable[Document]) -> dict[str, str]:
    """``yaml.schemas`` of the YAML extension: schema file -> the files it describes."""
    return {f"./{path(doc)}": doc.files for doc in docs if doc.files}


def vscode_text(docs: Iterable[Document], current: str | None) -> str:
    """``.vscode/settings.json`` with ``yaml.schemas`` brought up to date, other settings kept."""
    settings: dict[str, Any] = json.loads(current) if current else {}
    settings["yaml.schemas"] = vscode_mapping(docs)
    settings.setdefault("files.encoding", "utf8")
    settings.setdefault("editor.insertSpaces", True)
    settings.setdefault("[yaml]", {"editor.tabSize": 2, "editor.autoIndent": "keep"})
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def expected_files(root: Path, kinds: Iterable[Kind]) -> dict[Path, str]:
    """Every file ``make schemas`` writes, with the text it should hold."""
    docs = documents(kinds)
    files = {root / path(doc): text(doc) for doc in docs}
    settings = root / VSCODE_SETTINGS
    files[settings] = vscode_text(docs, settings.read_text(encoding="utf-8") if settings.is_file() else None)
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
