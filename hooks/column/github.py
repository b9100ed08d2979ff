"""What ``make check`` tells GitHub Actions: each problem on its line, and all of them in the job summary.

GitHub shows at most 10 annotations of a step on a pull request, so the job summary
(``$GITHUB_STEP_SUMMARY``) lists every problem. Reminders about files the pull request
did not touch (``$COLUMN_CHANGED_FILES``: a file naming one changed path a line) are not
annotated on it: they stay in the summary, under their own heading.
"""
from __future__ import annotations

import html
from pathlib import Path
from typing import Mapping

from .problems import Problem, Problems, Severity, by_place


def changed_files(env: Mapping[str, str]) -> set[str] | None:
    """The paths the pull request changed; None when unknown (a push: every problem is annotated)."""
    listing = env.get("COLUMN_CHANGED_FILES")
    if not listing or not Path(listing).is_file():
        return None
    return {line.strip() for line in Path(listing).read_text(encoding="utf-8").splitlines() if line.strip()}


def annotated(problem: Problem, changed: set[str] | None) -> bool:
    """Errors always; a reminder only about a file the pull request touched."""
    return problem.severity is Severity.ERROR or changed is None or problem.file in changed


def annotations(problems: Problems, changed: set[str] | None) -> list[str]:
    return [p.annotation() for p in problems if annotated(p, changed)]


def summary(problems: Problems, changed: set[str] | None) -> str:
    """The job summary in Markdown: counts, then every error and reminder with its fix."""
    errors, warnings = problems.errors, problems.warnings
    if not problems:
        return "## 检查记录：全部通过\n"
    lines = [f"## 检查记录：{len(errors)} 处错误，{len(warnings)} 处提醒", ""]
    if errors:
        lines += ["有错误时网站不会发布。请逐条修改（每处也标在文件的对应行上）：", ""]
        lines += _items(errors)
    mine = [p for p in warnings if annotated(p, changed)]
    others = [p for p in warnings if not annotated(p, changed)]
    if mine:
        lines += ["", "### 提醒（不影响发布）", ""] + _items(mine)
    if others:
        lines += ["", "### 本次没有修改的文件中的提醒（不在修改中标出）", ""] + _items(others)
    return "\n".join(lines) + "\n"


def _items(problems: list[Problem]) -> list[str]:
    lines = []
    for n, p in enumerate(sorted(problems, key=by_place), 1):
        field = f" `{p.field}`" if p.field else ""
        lines.append(f"{n}. `{p.where}`{field}：{html.escape(p.message, quote=False)}")
        if p.hint:
            lines.append(f"   提示：{html.escape(p.hint, quote=False)}")
    return lines


def publish(problems: Problems, env: Mapping[str, str]) -> None:
    """Print the annotations and append the summary, when running in GitHub Actions."""
    if env.get("GITHUB_ACTIONS") != "true":
        return
    changed = changed_files(env)
    for line in annotations(problems, changed):
        print(line)
    if env.get("GITHUB_STEP_SUMMARY"):
        with open(env["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as out:
            out.write(summary(problems, changed))
