"""Load every record of every kind, check it all, and hand back typed records.

Errors are collected across all files; :class:`RecordsInvalid` is raised once
at the end, so staff see every mistake in one report.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path
from typing import Any

from . import background, collector, filegate, validate, yamlsource
from .kinds import Context, Kind
from .model.common import Origin
from .problems import Problems, RecordsInvalid
from .registry import KINDS, cross_checks

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclasses.dataclass(frozen=True)
class Catalog:
    """Every published record, by kind and id, in id order."""

    records: dict[str, dict[str, Any]]
    sources: dict[tuple[str, str], yamlsource.Source]
    warnings: Problems
    broken: dict[str, set[str]] = dataclasses.field(default_factory=dict)
    """Ids whose file exists but has errors of its own, by kind: a reference to one is not "unknown"."""
    flawed: dict[str, set[str]] = dataclasses.field(default_factory=dict)
    """Ids of records built but breaking a rule of their own kind (a repeat that never ends): their
    references are checked, but no rule that reads their model (bookings, series) runs on them."""

    def sound(self) -> Catalog:
        """This catalog without the flawed records."""
        if not any(self.flawed.values()):
            return self
        records = {kind: {i: r for i, r in found.items() if i not in self.flawed.get(kind, ())}
                   for kind, found in self.records.items()}
        return dataclasses.replace(self, records=records)

    def __getattr__(self, kind: str) -> dict[str, Any]:
        try:
            return self.records[kind]
        except KeyError:
            raise AttributeError(kind) from None


def load(ctx: Context, *, include_drafts: bool = False, kinds: tuple[Kind, ...] = KINDS) -> Catalog:
    """Read ``<root>/<folder>/*.yml`` for each kind; raise :class:`RecordsInvalid` on any error."""
    catalog = collect(ctx, include_drafts=include_drafts, kinds=kinds)
    if ctx.problems.errors:
        raise RecordsInvalid(ctx.problems)
    return catalog


def collect(ctx: Context, *, include_drafts: bool = False, kinds: tuple[Kind, ...] = KINDS) -> Catalog:
    """Every record that passed its own checks, after the rules across records ran on them.

    Nothing is raised: the errors are in ``ctx.problems``. The rules across
    records run even when some files have errors, so staff see every mistake in
    one run; a reference to a file with errors of its own is not reported again.
    """
    with collector.paused():
        return _load(ctx, include_drafts, kinds)


def _load(ctx: Context, include_drafts: bool, kinds: tuple[Kind, ...]) -> Catalog:
    records: dict[str, dict[str, Any]] = {}
    sources: dict[tuple[str, str], yamlsource.Source] = {}
    drafts: dict[str, set[str]] = {}
    broken: dict[str, set[str]] = {}
    flawed: dict[str, set[str]] = {}
    for kind in kinds:
        records[kind.name], drafts[kind.name], broken[kind.name], flawed[kind.name] = {}, set(), set(), set()
        for record_id, loaded in _load_all(ctx, kind, _files(ctx, kind)):
            if loaded is None:
                broken[kind.name].add(record_id)
                continue
            source, record, sound = loaded
            if not sound:
                flawed[kind.name].add(record_id)
            sources[(kind.name, record_id)] = source
            if record.origin.draft and not include_drafts:
                drafts[kind.name].add(record_id)
            else:
                records[kind.name][record_id] = record
    catalog = Catalog(records, sources, ctx.problems, broken, flawed)
    cross_checks(catalog, ctx, drafts)
    return catalog


def _refused_folder(ctx: Context, folder: str) -> bool:
    """A record folder that is a link (to ``/etc``…) is reported, and nothing in it is read."""
    path = ctx.root / folder
    why = filegate.folder_refusal(path, ctx.root) if path.is_symlink() or path.exists() else None
    if why:
        ctx.problems.error(folder, None, "", "文件夹" + why.message, why.hint)
    return why is not None


def _files(ctx: Context, kind: Kind) -> list[tuple[str, Path]]:
    folder = ctx.root / kind.folder
    found: list[tuple[str, Path]] = []
    lowered: dict[str, str] = {}
    if _refused_folder(ctx, kind.folder):
        return found
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        name = f"{kind.folder}/{path.name}"
        if path.name.startswith(".") or path.suffix.lower() in (".md", ".txt") or (path.is_dir() and not path.is_symlink()):
            continue
        if path.suffix != ".yml":
            ctx.problems.error(name, None, "", f"{kind.label}文件的扩展名应为 .yml，实际为 “{path.suffix or '无'}”",
                               f"请把文件改名为 {path.stem.lower()}.yml。")
            continue
        stem = path.stem
        if not _ID.match(stem):
            ctx.problems.error(name, None, "", f"文件名 “{stem}” 不能用作网址：应只含小写英文字母、数字和连字符",
                               "文件名就是页面网址，会被转发到微信里，请改为如 duocai-jinguo.yml 的拼音或英文。")
            continue
        if stem.lower() in lowered:
            ctx.problems.error(name, None, "", f"与 {kind.folder}/{lowered[stem.lower()]}.yml 只差大小写", "请给其中一个改名。")
            continue
        lowered[stem.lower()] = stem
        found.append((stem, path))
    return found


PARALLEL_FROM = 500
"""From this many files of one kind on, the processor's cores share the reading (a city has 10,000 events)."""


def _load_all(ctx: Context, kind: Kind, files: list[tuple[str, Path]]
              ) -> list[tuple[str, tuple[yamlsource.Source, Any, bool] | None]]:
    """Each file's source and record, in file order; problems land in ``ctx.problems`` in file order too."""
    workers = background.workers()
    if len(files) < PARALLEL_FROM or workers < 2:
        return [(record_id, _load_one(ctx, kind, record_id, path)) for record_id, path in files]
    size = -(-len(files) // (workers * 4))
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    results = []
    for pending in background.start_all([functools.partial(_load_chunk, ctx, kind, c) for c in chunks], workers):
        loaded, problems = pending.result()
        results += loaded
        ctx.problems.extend(problems)
    return results


def _load_chunk(ctx: Context, kind: Kind, files: list[tuple[str, Path]]
                ) -> tuple[list[tuple[str, tuple[yamlsource.Source, Any, bool] | None]], list[Any]]:
    """In a worker: load some of the files, noting problems in a list of their own."""
    own = dataclasses.replace(ctx, problems=Problems())
    return [(record_id, _load_one(own, kind, record_id, path)) for record_id, path in files], list(own.problems)


def _load_one(ctx: Context, kind: Kind, record_id: str, path: Path) -> tuple[yamlsource.Source, Any, bool] | None:
    """The file's source and record, and whether the record kept its kind's own rules."""
    name = f"{kind.folder}/{path.name}"
    source = yamlsource.load(path, name, ctx.problems)
    if source is None:
        return None
    if not isinstance(source.data, dict):
        validate.not_fields(source, ctx.problems, 1, "文件内容", f"请参照 make new-{kind.name} 生成的模板书写。")
        return None
    if not validate.check(source, kind.schema, ctx.problems):
        return None
    record = kind.build(record_id, Origin(name, bool(source.data.get("draft"))), source.data)
    before = len(ctx.problems)
    kind.check(source, record, ctx)
    return source, record, not ctx.problems.has_errors_from(before)
