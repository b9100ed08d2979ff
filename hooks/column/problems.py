"""Problems found in staff-edited files, and how they are reported.

Every check appends to one :class:`Problems` collection instead of raising, so
a single run reports every mistake at once (like ``mkdocs.config`` does).
"""
from __future__ import annotations

import dataclasses
import enum
from typing import Iterator


class Severity(enum.Enum):
    """How bad a problem is."""

    ERROR = "错误"
    """Stops `make check` and the build; nothing is published."""
    WARNING = "提醒"
    """Printed, but the site is still built (an expired rating, an old record)."""


@dataclasses.dataclass(frozen=True)
class Problem:
    """One mistake, located as precisely as the input allows."""

    file: str
    """Path relative to the project root, e.g. ``orgs/duocai.yml``."""
    line: int | None
    field: str
    """Dotted path of the field, e.g. ``rating.grade`` or ``projects[1].name``."""
    message: str
    """What is wrong: expected vs received, in Chinese."""
    hint: str = ""
    """How to fix it, in Chinese."""
    severity: Severity = Severity.ERROR

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def text(self) -> str:
        field = f" {self.field}" if self.field else ""
        head = f"{self.where}{field}：{self.message}"
        return f"{head}\n    提示：{self.hint}" if self.hint else head

    def annotation(self) -> str:
        """A GitHub Actions workflow command that marks the line in a pull request."""
        kind = "error" if self.severity is Severity.ERROR else "warning"
        line = f",line={self.line}" if self.line else ""
        file = _escape(self.file).replace(":", "%3A").replace(",", "%2C")
        return f"::{kind} file={file}{line}::{_escape(self.text())}"


def _escape(text: str) -> str:
    """Workflow-command escaping, as GitHub's ``@actions/core`` does it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


class Problems:
    """An ordered collection of problems from one run."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def add(self, problem: Problem) -> None:
        self._items.append(problem)

    def error(self, file: str, line: int | None, field: str, message: str, hint: str = "") -> None:
        self.add(Problem(file, line, field, message, hint))

    def warning(self, file: str, line: int | None, field: str, message: str, hint: str = "") -> None:
        self.add(Problem(file, line, field, message, hint, Severity.WARNING))

    def extend(self, other: Problems) -> None:
        self._items.extend(other)

    def has_errors_from(self, start: int) -> bool:
        """Whether any error was noted after the first ``start`` problems."""
        return any(p.severity is Severity.ERROR for p in self._items[start:])

    def __iter__(self) -> Iterator[Problem]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self._items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self._items if p.severity is Severity.WARNING]

    def report(self) -> str:
        """The Chinese report printed by `make check` and by a failed build."""
        lines: list[str] = []
        for title, items in (("错误", self.errors), ("提醒", self.warnings)):
            if items:
                lines.append(f"发现 {len(items)} 处{title}：")
                lines.extend(f"  {n}. {p.text()}" for n, p in enumerate(sorted(items, key=by_place), 1))
        if self.errors:
            lines.append("请按提示修改上述文件后重新运行 make check。有错误时网站不会发布。")
        return "\n".join(lines)


def by_place(problem: Problem) -> tuple[str, int]:
    """Sort key: by file, then line."""
    return (problem.file, problem.line or 0)


class RecordsInvalid(Exception):
    """Raised once, after every record was checked, when any error was found."""

    def __init__(self, problems: Problems) -> None:
        super().__init__(problems.report())
        self.problems = problems
