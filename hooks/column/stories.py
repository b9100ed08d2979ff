"""Stories: Markdown posts whose YAML front matter is read and checked like a record.

Material's blog renders the posts from disk; this module reads the same files
first so that a wrong category, an unknown organization or a missing consent
ends in the same located Chinese message as a mistake in a record.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from . import pages, validate, yamlsource
from .catalog import Catalog
from .kinds import Context
from .model.common import Origin
from .model.story import POSTS_DIR, Story, build, newest_first
from .registry import KINDS
from .rules import refs
from .rules import story as rules
from .schema import story as schema
from .yamlsource import Source

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
"""The front matter block, as MkDocs finds it."""

Loaded = list[tuple[Source, Story]]


def read(ctx: Context, pages: Iterable[Path]) -> Loaded:
    """Every story among ``pages`` (the gate's list) under ``<docs>/stories/posts/`` (drafts too)
    that passed its own checks."""
    folder = ctx.docs_dir / POSTS_DIR
    loaded: Loaded = []
    for path in sorted(p for p in pages if p.is_relative_to(folder)):
        one = _read_one(ctx, path)
        if one:
            loaded.append(one)
    rules.check_unique(loaded, ctx)
    return loaded


def check_references(loaded: Loaded, catalog: Catalog, ctx: Context) -> None:
    """Every organization and event a story names must exist and be published."""
    drafts = refs.drafts_of(catalog)
    for source, story in loaded:
        refs.check_refs(catalog, ctx, KINDS, drafts, source, rules.references(story), story.origin.draft)


def published(loaded: Loaded, *, include_drafts: bool = False) -> tuple[Story, ...]:
    """The stories the site shows, newest first."""
    return tuple(newest_first([s for _, s in loaded if include_drafts or not s.origin.draft]))


def _read_one(ctx: Context, path: Path) -> tuple[Source, Story] | None:
    name = _shown(ctx, path)
    text = yamlsource.read_text(path, name, ctx.problems)
    if text is None:
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    match = _FRONT.match(text)
    if not match or not (match.group(1) or "").strip():
        ctx.problems.error(name, 1, "", "文件开头缺少设置区（两行 --- 之间的标题、日期、分类等）",
                           "第一行写 ---，接着逐行写 title: …、date: …、slug: …、categories: …、description: …，"
                           "再单独一行 --- 结束；可复制同一文件夹中已有的故事来改。")
        return None
    source = yamlsource.parse("---\n" + match.group(1), name, ctx.problems)
    if source is None:
        return None
    if not isinstance(source.data, dict):
        validate.not_fields(source, ctx.problems, 2, "设置区", "请参照同一文件夹中已有的故事书写。")
        return None
    if not validate.check(source, schema.SCHEMA, ctx.problems):
        return None
    if not pages.check_text(text[match.end():], name, text.count("\n", 0, match.end()), ctx.problems):
        return None
    src_uri = path.relative_to(ctx.docs_dir).as_posix()
    story = build(Origin(name, bool(source.data.get("draft"))), src_uri, source.data, text[match.end():])
    rules.check(source, story, ctx)
    return source, story


def _shown(ctx: Context, path: Path) -> str:
    """The path staff see in messages: relative to the project root."""
    try:
        return path.relative_to(ctx.root).as_posix()
    except ValueError:
        return path.as_posix()
