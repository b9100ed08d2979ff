"""``showcase/`` (风采展示): featured organizations, brand projects, leaders and the latest stories."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Iterable, Mapping

from ..model.org import Org, Project
from ..model.story import Story
from ..schema.story import CATEGORIES
from . import urls
from .env import Settings, render
from .orgs import card_facets, directory_order
from .page import Page

URL = urls.SHOWCASE
LATEST = 6
"""How many stories the showcase lists."""


@dataclasses.dataclass(frozen=True)
class Brand:
    """One brand project of one organization, its yearly records summed."""

    org: Org
    name: str
    kinds: tuple[str, ...]
    first_year: int
    last_year: int
    funding: float
    served: int
    description: str | None


@dataclasses.dataclass(frozen=True)
class Totals:
    projects: int
    funding: float
    served: int


def brands(orgs: Iterable[Org]) -> list[Brand]:
    """Every project marked ``brand: true``; the same name in several years counts as one project."""
    found: list[Brand] = []
    for org in directory_order(orgs):
        grouped: dict[str, list[Project]] = {}
        for project in org.projects:
            if project.brand:
                grouped.setdefault(project.name, []).append(project)
        found.extend(_brand(org, name, projects) for name, projects in grouped.items())
    return found


def totals(items: list[Brand]) -> Totals:
    return Totals(len(items), sum(b.funding for b in items), sum(b.served for b in items))


def leaders(orgs: Iterable[Org]) -> list[Org]:
    """Organizations whose leader agreed to be named and has honours to show."""
    return [o for o in directory_order(orgs) if o.leader and o.leader.name and o.leader.honours]


def used_categories(stories: Iterable[Story]) -> list:
    """The categories that have a page: the blog makes one only for a category in use."""
    used = {c for s in stories for c in s.categories}
    return [term for term in CATEGORIES.terms if term.value in used]


def page(orgs: Mapping[str, Org], stories: tuple[Story, ...], settings: Settings, today: dt.date) -> Page:
    ordered = directory_order(orgs.values())
    found = brands(ordered)
    body = render("showcase.html", URL, settings, today, featured=[o for o in ordered if o.featured],
                  brands=found, totals=totals(found), leaders=leaders(ordered), stories=stories[:LATEST],
                  categories=used_categories(stories), card_facets=card_facets(settings))
    return Page(URL, "风采展示", body, "女性社会组织典型、品牌项目、优秀领头人和最新故事。")


def _brand(org: Org, name: str, projects: list[Project]) -> Brand:
    years = [p.year for p in projects]
    kinds = tuple(dict.fromkeys(p.kind for p in projects))
    described = next((p.description for p in sorted(projects, key=lambda p: -p.year) if p.description), None)
    return Brand(org, name, kinds, min(years), max(years), sum(p.funding or 0 for p in projects),
                 sum(p.served or 0 for p in projects), described)
