"""The search box's name lookup: what readers call a page (``search/names.json``).

Readers who type a name mean the page of that name, but at city scale a topic word or an
organization's exact name is held by hundreds of event pages too ("心理健康沙龙（第 12 期）"
beside the page listing the 心理健康 organizations). The search box (``assets/search-engine.js``)
therefore ranks first the pages whose name is the query, starts with it or contains it, and the
pages named by one of the query's words or by the site word a need word leads to ("婆媳" ->
婚姻家庭 -> the directory's 婚姻家庭 page).

Only pages that declare names are listed (profiles of organizations, venues and trainings; the
filter pages of the directory and the event lists; the month calendars), not the thousands of
event pages, so the file stays small (``make search-bench``).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .search_rules import normal

PATH = "names.json"
"""The lookup's file in the index folder."""


class Named(Protocol):
    title: str
    names: tuple[str, ...]


def entries(documents: Sequence[Named]) -> list[list[object]]:
    """``[page number, title, other names…]`` of each page that has names; the title and every name are matched."""
    return [[number, doc.title, *_others(doc)] for number, doc in enumerate(documents) if doc.names]


def _others(doc: Named) -> list[str]:
    return list(dict.fromkeys(n for n in doc.names if n and normal(n) != normal(doc.title)))
