"""The field reference of the staff guide, generated from the schemas so it never drifts.

``guide/fields/`` lists the record kinds; ``guide/fields/<kind>/`` has one row
per field at any depth: where it goes, whether it is required, what to write
(the validator's own ``x-expect`` wording), its description and allowed values.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Iterable

from .. import scaffold, search_needs
from ..kinds import Kind
from ..search_needs import Need
from ..schema import story as story_schema
from ..schema.walk import choices, flatten
from .env import Settings, render
from .page import Page

INDEX = "guide/fields/"
NEEDS = "guide/search-words/"


@dataclasses.dataclass(frozen=True)
class Documented:
    """One kind of file staff write, as the field reference presents it."""

    name: str
    label: str
    folder: str
    schema: dict[str, Any]
    new: str
    """The command that writes a new one from its template."""
    template: str
    """The text that command writes: the guide shows it to copy (staff who only use GitHub's web editor)."""


def documented(kinds: Iterable[Kind], today: dt.date) -> tuple[Documented, ...]:
    """Every record kind, then stories (Markdown posts whose front matter has a schema like a record)."""
    story = Documented("story", "故事", scaffold.STORIES, story_schema.SCHEMA, "make new-story SLUG=编号",
                       scaffold.story_text("", today))
    return (*(Documented(k.name, k.label, k.folder, k.schema, f"make new-{k.name} ID=编号",
                         scaffold.record_template(k)) for k in kinds), story)


def url(kind: Documented) -> str:
    return f"{INDEX}{kind.name}/"


def pages(kinds: Iterable[Kind], settings: Settings, today: dt.date) -> list[Page]:
    kinds = documented(kinds, today)
    result = [_kind_page(kind, settings, today) for kind in kinds]
    body = render("guide_index.html", INDEX, settings, today, kinds=kinds, kind_url=url)
    result.append(Page(INDEX, "字段说明", body, "每类记录可以写哪些字段、怎么写。"))
    return result


def needs_page(needs: Iterable[Need], settings: Settings, today: dt.date) -> Page:
    """``guide/search-words/``: the need vocabulary, group by group (``column.search_needs``)."""
    groups: dict[str, list[Need]] = {}
    for need in needs:
        groups.setdefault(need.group, []).append(need)
    body = render("guide_needs.html", NEEDS, settings, today, groups=groups, file=search_needs.FILE)
    return Page(NEEDS, "搜索用词", body, "读者在站内搜索中的说法与本站用语的对照，搜索时自动换用。")


def _kind_page(kind: Documented, settings: Settings, today: dt.date) -> Page:
    page_url = url(kind)
    body = render("guide_fields.html", page_url, settings, today, kind=kind, fields=list(flatten(kind.schema)),
                  schema_file=f"schemas/{kind.name}.schema.json" if kind.name != "story" else "", index=INDEX,
                  walk_choices=choices)
    return Page(page_url, f"字段说明：{kind.label}", body, f"{kind.label}（{kind.folder}/）的全部字段。")
