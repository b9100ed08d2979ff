"""What the column adds to each story page that Material's blog renders from disk.

The blog plugin owns the post pages; the adapter asks :func:`decorations` for
the Markdown to put before a post (its cover) and the HTML to put after it (the
events it names and cards of the organizations it names), keyed by the post's path
in the docs dir. The HTML is ours, so it is added after the story's own HTML was
sanitized (``render.sanitize``), and never reaches the story list's excerpts.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from typing import Iterable, Mapping

from ..model.event import Event
from ..model.org import Org
from ..model.story import Story
from . import urls
from .env import Settings, render
from .orgs import card_facets

Decoration = tuple[str, str]
"""Markdown put before a page's own Markdown; HTML put after its HTML."""

_MD_ESCAPE = re.compile(r"([\\\[\]*_`])")


def decorations(stories: Iterable[Story], orgs: Mapping[str, Org], events: Mapping[str, Event], settings: Settings,
                today: dt.date) -> dict[str, Decoration]:
    """Cover image, related events and organization cards for every story, by ``src_uri``."""
    return {story.src_uri: (_cover(story), _after(story, orgs, events, settings, today)) for story in stories}


def about(stories: Iterable[Story], org_id: str) -> list[Story]:
    """The stories that name the organization ``org_id``, newest first as given."""
    return [story for story in stories if org_id in story.orgs]


def _cover(story: Story) -> str:
    """A Markdown image, so MkDocs fixes its path both on the post and in the story list."""
    if not story.cover:
        return ""
    src = posixpath.relpath(story.cover.src, posixpath.dirname(story.src_uri))
    alt = _MD_ESCAPE.sub(r"\\\1", story.cover.alt)
    return f"![{alt}]({src}){{ .col-story__cover width=\"640\" height=\"360\" }}\n\n"


def _after(story: Story, orgs: Mapping[str, Org], events: Mapping[str, Event], settings: Settings,
           today: dt.date) -> str:
    named = [orgs[i] for i in story.orgs if i in orgs]
    held = [events[i] for i in story.events if i in events]
    if not named and not held:
        return ""
    html = render("story_related.html", urls.story(story.id), settings, today, orgs=named, events=held,
                  card_facets=card_facets(settings))
    return f"\n{html}\n"
