"""What a record kind is: its folder, schema, model builder and rules."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any, Callable, Iterable

from . import filegate
from .config import Config
from .model.common import Image, Origin
from .problems import Problems
from .yamlsource import Source


@dataclasses.dataclass(frozen=True)
class Context:
    """Everything a rule may look at besides the record itself."""

    root: Path
    """Project root (holds ``orgs/``, ``content/``…)."""
    docs_dir: Path
    now: dt.datetime
    problems: Problems
    config: Config = Config()
    """Site settings from ``column.yml`` (the defaults when a caller has none)."""

    @property
    def today(self) -> dt.date:
        return self.now.date()

    def check_image(self, source: Source, path: tuple[Any, ...], img: Image | None) -> None:
        """An image must be a file under the docs dir (no link, nothing outside), or no picture is shown."""
        wrong = img and self.file_problem(img.src, "图片", "请先把图片上传到 content/ 下对应的文件夹，再核对文件名的大小写和扩展名。")
        if wrong:
            self.problems.error(source.file, source.line(path + ("src",)), _dotted(path + ("src",)), *wrong)

    def file_problem(self, relative: str, what: str, hint: str) -> tuple[str, str] | None:
        """(message, hint) when ``relative`` is no regular file inside the docs dir (a link, a pipe, ``../``…)."""
        why = filegate.site_file(self.docs_dir, relative)
        if why is None:
            return None
        if why.missing:
            return f"找不到{what}文件 content/{relative}", hint
        return f"{what}文件 content/{relative} {why.message}", why.hint


def _dotted(path: tuple[Any, ...]) -> str:
    from .validate import field_path

    return field_path(path)


@dataclasses.dataclass(frozen=True)
class Kind:
    """One kind of record kept as ``<folder>/<id>.yml``."""

    name: str
    """Key in the catalog and in ``schemas/<name>.schema.json``."""
    folder: str
    label: str
    """What staff call it, e.g. 组织."""
    schema: dict[str, Any]
    build: Callable[[str, Origin, dict[str, Any]], Any]
    check: Callable[[Source, Any, Context], None]
    """Rules on one record beyond its schema (dates in the future, images…)."""
    references: Callable[[Any], Iterable[Any]] = lambda record: ()
    """The ids this record names (``rules.refs.Ref``), checked across the catalog."""
