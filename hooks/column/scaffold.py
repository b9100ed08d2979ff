"""``make new-org ID=…`` and friends: write a new record from its template, refusing bad ids.

Every refusal is a Chinese message and exit code 1, never a traceback; nothing
is overwritten.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Iterable

from . import template
from .kinds import Kind
from .schema import publish
from .schema import story as story_schema

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
"""Same rule as a record's file name (``catalog``): the id is the page's URL."""
STORIES = "content/stories/posts"
"""Where Material's blog plugin reads the showcase stories from."""


@dataclasses.dataclass(frozen=True)
class Created:
    path: str
    """Relative to the project root."""
    message: str


class Refused(Exception):
    """A new record cannot be written; ``str()`` is the Chinese reason."""


def new_record(root: Path, kind: Kind, record_id: str, kinds: Iterable[Kind] = ()) -> Created:
    """Write ``<folder>/<id>.yml`` from the template of ``kind``."""
    _check_id(record_id, "ID", f"make new-{kind.name} ID=")
    folder = root / kind.folder
    _refuse_existing(folder, record_id, ".yml", kind.label)
    text = record_template(kind)
    path = folder / f"{record_id}.yml"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    relative = f"{kind.folder}/{record_id}.yml"
    return Created(relative, f"已创建 {relative}：请填写其中没有“#”的字段（必填），然后运行 make check。")


def record_template(kind: Kind) -> str:
    """What ``make new-<kind>`` writes, and what the guide offers to copy."""
    return template.render(kind.schema, "../" + publish.path(kind))


def new_story(root: Path, slug: str, today: dt.date) -> Created:
    """Write ``content/stories/posts/<slug>.md``: the story template as front matter, starting as a draft."""
    _check_id(slug, "SLUG", "make new-story SLUG=")
    folder = root / STORIES
    _refuse_existing(folder, slug, ".md", "故事")
    folder.mkdir(parents=True, exist_ok=True)
    relative = f"{STORIES}/{slug}.md"
    (root / relative).write_text(story_text(slug, today), encoding="utf-8")
    return Created(relative, f"已创建 {relative}：填好标题、分类、摘要和正文，确认无误后删掉 draft: true 一行即可发布。")


def story_text(slug: str, today: dt.date) -> str:
    """Front matter from the story schema (date and slug filled in, ``draft: true``), then a body to replace."""
    lines = template.render(story_schema.SCHEMA, "").split("\n")[1:]
    filled = {"date:": f"date: {today.isoformat()}", "slug:": f"slug: {slug}", "# draft:": "draft: true"}
    front = "\n".join(filled.get(line, line) for line in lines).rstrip()
    return f"---\n{front}\n---\n\n{_STORY_BODY}"


def _check_id(value: str, name: str, example: str) -> None:
    if not value:
        raise Refused(f"缺少编号：请写 {example}编号，如 {example}binhe-mamabang")
    if not SLUG.match(value):
        raise Refused(f"编号 “{value}” 不能用作网址：应只含小写英文字母、数字和连字符（不能以连字符开头或结尾）。\n"
                      f"请改用拼音或英文，如 {example}binhe-mamabang")


def _refuse_existing(folder: Path, record_id: str, suffix: str, label: str) -> None:
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.stem.lower() == record_id:
            shown = f"{folder.name}/{path.name}"
            raise Refused(f"编号 “{record_id}” 已被使用：{shown} 已经存在，没有做任何修改。\n"
                          f"要修改这个{label}请直接编辑 {shown}；要新建请换一个编号。")


_STORY_BODY = """\
第一段是摘要式的开头，会显示在故事列表中。

<!-- more -->

正文从这里开始，可用 Markdown：## 小标题、**加粗**、- 列表。

<!-- 放图片：先把图片上传到 content/images/stories/，再在正文中单独写一行（去掉这里的说明文字）：
![图片说明（给看不到图片的读者）](../../images/stories/图片文件名.jpg)
-->
"""
