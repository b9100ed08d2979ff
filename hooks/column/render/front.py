"""The column's front: home page, 风采展示, the feed and what each story page gets added.

Rendered last, from the records, the stories and the list of every other page
(so the home page's tiles only point at sections that are published).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from . import events, feed, home, showcase, stories
from .env import Settings
from .page import Asset, Page

if TYPE_CHECKING:
    from ..site import Inputs


@dataclasses.dataclass(frozen=True)
class Front:
    pages: list[Page]
    assets: list[Asset]
    decorations: dict[str, stories.Decoration]
    """Markdown to put before and after each story, by its path in the docs dir."""


def render(inputs: Inputs, others: Iterable[Page], docs_dir: Path, settings: Settings, now: dt.datetime) -> Front:
    records, told = inputs.catalog, inputs.stories
    view = events.view(records, settings, now)
    showcase_page = showcase.page(records.org, told, settings, now.date())
    published = {p.url for p in others} | {showcase_page.url} | set(written_urls(docs_dir))
    home_page = home.page(view, inputs.config.announcement, told, published)
    return Front([showcase_page, home_page], [feed.asset(told, records.event.values(), settings, now)],
                 stories.decorations(told, records.org, records.event, settings, now.date()))


def written_urls(docs_dir: Path) -> dict[str, str]:
    """URLs of the hand-written Markdown pages (``stories/index.md`` -> ``stories/``), with their files."""
    found = {}
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        url = relative[: -len("index.md")] if path.name == "index.md" else relative[:-3] + "/"
        found[url] = f"{docs_dir.name}/{relative}"
    return found
