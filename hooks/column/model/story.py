"""A story (Material blog post), normalized from its checked front matter."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from ..clock import TZ
from .common import Image, Origin, date, image

POSTS_DIR = "stories/posts"
"""Where the posts live, relative to the docs dir (Material's ``post_dir``)."""


@dataclasses.dataclass(frozen=True)
class Person:
    """Someone a story names or shows; named on the site only with ``consent``."""

    name: str
    consent: bool


@dataclasses.dataclass(frozen=True)
class Story:
    """One story; its page is rendered by Material's blog from the Markdown file."""

    id: str
    """The ``slug``: the page is ``stories/<slug>/``."""
    origin: Origin
    src_uri: str
    """Path of the Markdown file relative to the docs dir, e.g. ``stories/posts/x.md``."""
    title: str
    date: dt.date
    categories: tuple[str, ...]
    description: str
    orgs: tuple[str, ...]
    events: tuple[str, ...]
    people: tuple[Person, ...]
    cover: Image | None
    featured: bool
    body: str
    """The Markdown below the front matter."""

    @property
    def published(self) -> dt.datetime:
        """Local midnight of the story's date: the feed's entry time (never the build clock)."""
        return dt.datetime.combine(self.date, dt.time(), TZ)


def build(origin: Origin, src_uri: str, raw: dict[str, Any], body: str) -> Story:
    """Turn front matter that passed the schema into a :class:`Story`."""
    return Story(
        id=raw["slug"], origin=origin, src_uri=src_uri, title=raw["title"], date=date(raw["date"]),
        categories=tuple(raw["categories"]), description=raw["description"], orgs=tuple(raw.get("orgs", ())),
        events=tuple(raw.get("events", ())), people=tuple(Person(p["name"], p["consent"]) for p in raw.get("people", ())),
        cover=image(raw.get("cover")), featured=raw.get("featured", False), body=body,
    )


def newest_first(stories: list[Story] | tuple[Story, ...]) -> list[Story]:
    """Newest first, as the blog lists them; ties by slug so the order is stable."""
    return sorted(stories, key=lambda s: (s.date, s.id), reverse=True)
