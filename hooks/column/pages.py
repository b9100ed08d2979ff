"""Hand-written pages (``content/**/*.md``): held to the Markdown limits before MkDocs renders them.

Every page reaches this module from the file gate's list (no link, no pipe, within
its size). Stories are read by :mod:`column.stories`, which checks their front matter
and their body; this pass covers every other page (a guide page, the story list's own
``index.md``), so that no page reaches Python-Markdown before its size, nesting and
brackets were checked (:mod:`column.mdlimits`).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from . import mdlimits, yamlsource
from .kinds import Context
from .problems import Problems


def check(paths: Iterable[Path], ctx: Context, *, skip: Path) -> None:
    """Report every page outside ``skip`` that cannot be read or passes a limit."""
    for path in paths:
        if not path.is_relative_to(skip):
            name = path.relative_to(ctx.root).as_posix() if path.is_relative_to(ctx.root) else path.as_posix()
            text = yamlsource.read_text(path, name, ctx.problems)
            if text is not None:
                check_text(text, name, 0, ctx.problems)


def check_text(text: str, name: str, first_line: int, problems: Problems) -> bool:
    """Report the first limit ``text`` (starting after line ``first_line`` of ``name``) passes; False then."""
    excess = mdlimits.check(text)
    if excess:
        problems.error(name, first_line + excess.line, "", excess.message, excess.hint)
    return excess is None
