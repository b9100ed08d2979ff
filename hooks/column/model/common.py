"""Parts shared by several record kinds."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any


@dataclasses.dataclass(frozen=True)
class Image:
    """An image kept under ``content/``, with its alternative text."""

    src: str
    """Path relative to the docs dir, e.g. ``images/orgs/duocai.svg``."""
    alt: str


@dataclasses.dataclass(frozen=True)
class Honour:
    """A title awarded to an organization or a person."""

    title: str
    year: int
    by: str | None


@dataclasses.dataclass(frozen=True)
class Origin:
    """Where a record came from, for messages and the "编辑此页" link."""

    file: str
    """Path relative to the project root, e.g. ``orgs/duocai.yml``."""
    draft: bool


def image(raw: dict[str, Any] | None) -> Image | None:
    return Image(raw["src"], raw["alt"]) if raw else None


def images(raw: list[dict[str, Any]] | None) -> tuple[Image, ...]:
    return tuple(Image(i["src"], i["alt"]) for i in raw or ())


def honours(raw: list[dict[str, Any]] | None) -> tuple[Honour, ...]:
    items = (Honour(h["title"], h["year"], h.get("by")) for h in raw or ())
    return tuple(sorted(items, key=lambda h: -h.year))


def date(raw: str | None) -> dt.date | None:
    return dt.date.fromisoformat(raw) if raw else None
