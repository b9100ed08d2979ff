"""References between records: every id a record names must exist and be published."""
from __future__ import annotations

import dataclasses
import difflib
from typing import TYPE_CHECKING, Any, Iterable

from ..kinds import Context

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..kinds import Kind
    from ..yamlsource import Source


@dataclasses.dataclass(frozen=True)
class Ref:
    """One id that a record names, at ``path`` in its file."""

    path: tuple[Any, ...]
    kind: str
    """Kind name of the target, e.g. ``org``."""
    id: str


def check_all(catalog: Catalog, ctx: Context, kinds: tuple[Kind, ...], drafts: dict[str, set[str]]) -> None:
    for kind in kinds:
        for record_id, record in catalog.records[kind.name].items():
            source = catalog.sources[(kind.name, record_id)]
            check_refs(catalog, ctx, kinds, drafts, source, kind.references(record), record.origin.draft)


def check_refs(catalog: Catalog, ctx: Context, kinds: tuple[Kind, ...], drafts: dict[str, set[str]],
               source: Source, refs: Iterable[Ref], from_draft: bool) -> None:
    """Check the ids that one file names: a record, or the front matter of a story."""
    folders = {k.name: (k.folder, k.label) for k in kinds}
    for ref in refs:
        _check_one(catalog, ctx, source, ref, folders, drafts, from_draft)


def drafts_of(catalog: Catalog) -> dict[str, set[str]]:
    """Ids of the records left out of ``catalog`` because they are drafts, by kind."""
    found: dict[str, set[str]] = {kind: set() for kind in catalog.records}
    for kind, record_id in catalog.sources:
        if record_id not in catalog.records.get(kind, {}):
            found.setdefault(kind, set()).add(record_id)
    return found


def _check_one(catalog, ctx, source, ref: Ref, folders, drafts, from_draft: bool) -> None:
    from ..validate import field_path

    folder, label = folders[ref.kind]
    where = (source.file, source.line(ref.path), field_path(ref.path))
    target = catalog.records.get(ref.kind, {}).get(ref.id)
    if (target is not None and not target.origin.draft) or ref.id in catalog.broken.get(ref.kind, ()):
        return  # a file with errors of its own has its own messages
    # A draft target is in ``drafts`` (published build) or among the records (make check, make serve).
    if target is not None or ref.id in drafts.get(ref.kind, set()):
        if not from_draft:
            ctx.problems.error(*where, f"引用的{label} {ref.id} 还是草稿（{folder}/{ref.id}.yml 中 draft: true），不会发布",
                               f"请先发布该{label}（删掉 draft 一行），或在这里去掉对它的引用。")
        return
    known = sorted(catalog.records.get(ref.kind, {}))
    close = difflib.get_close_matches(ref.id, known, n=1, cutoff=0.6)
    hint = f"是不是想写 {close[0]}？" if close else f"请填写 {folder}/ 文件夹中已有的文件名（不含 .yml）。"
    ctx.problems.error(*where, f"找不到{label} “{ref.id}”（没有 {folder}/{ref.id}.yml）", hint)
