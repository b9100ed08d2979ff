"""Organization pages: one profile per record, the directory, and one page per filter value."""
from __future__ import annotations

import dataclasses
import functools
import datetime as dt
from typing import Any, Callable, Iterable

from ..model.org import Org
from ..schema import vocab
from . import structured, urls
from .env import Settings, render
from .page import Page


@dataclasses.dataclass(frozen=True)
class FacetValue:
    slug: str
    label: str
    count: int


@dataclasses.dataclass(frozen=True)
class Facet:
    """One way to filter the directory; each value gets its own page at ``orgs/<key>/<slug>/``."""

    key: str
    label: str
    values: tuple[FacetValue, ...]
    more: int = 0
    """Values left out of ``values`` (only the busiest organizers are offered on the event lists)."""


FacetDef = tuple[str, str, Callable[[Any], Iterable[tuple[str, str]]]]
"""(key, label, item -> its (slug, label) values)."""

_FACETS: tuple[FacetDef, ...] = (
    ("area", "服务领域", lambda o: ((vocab.AREAS.slug(a), a) for a in o.areas)),
    ("type", "组织类型", lambda o: [(vocab.ORG_TYPES.slug(o.type), o.type)]),
    ("registration", "登记状态",
     lambda o: [(vocab.REGISTRATION.slug(o.registration.status), o.registration.status)]),
    ("tier", "联系层级", lambda o: [(vocab.TIERS.slug(o.tier), o.tier)] if o.tier else []),
    ("rating", "评估等级", lambda o: [(vocab.GRADES.slug(o.rating.grade), o.rating.grade)] if o.rating else []),
    ("street", "服务街道", lambda o: ((urls.text_slug(s), s) for s in o.streets)),
)
_ORDER = {
    "area": vocab.AREAS.values, "type": vocab.ORG_TYPES.values, "registration": vocab.REGISTRATION.values,
    "tier": vocab.TIERS.values,
    "rating": vocab.GRADES.values,
}


def public_facets(settings: Settings) -> tuple[FacetDef, ...]:
    """The directory's filters the public sees: the internal tier only when ``column.yml`` says so."""
    return _FACETS if settings.show_tiers else tuple(d for d in _FACETS if d[0] != "tier")


def card_facets(settings: Settings) -> Callable[[Any], dict[str, list[str]]]:
    """An organization card's filter values (``data-*`` for the instant filter), public facets only."""
    return functools.partial(facet_slugs, definitions=public_facets(settings))


def facet_slugs(item: Any, definitions: tuple[FacetDef, ...] = _FACETS) -> dict[str, list[str]]:
    """The filter values of one organization (or event), as put on its card for the instant filter."""
    return {key: [slug for slug, _ in values(item)] for key, _, values in definitions}


def members(items: Iterable[Any], slugs_of: Callable[[Any], dict[str, list[str]]] = facet_slugs
            ) -> dict[tuple[str, str], list[Any]]:
    """``items`` by each filter value ``(facet key, slug)`` they carry, in their order: one pass for all filter pages."""
    found: dict[tuple[str, str], list[Any]] = {}
    for item in items:
        for key, slugs in slugs_of(item).items():
            for slug in slugs:
                found.setdefault((key, slug), []).append(item)
    return found


def facets(items: list[Any], definitions: tuple[FacetDef, ...] = _FACETS,
           orders: dict[str, list[str]] = _ORDER) -> list[Facet]:
    """Each facet with its values and how many of ``items`` carry each (also used for events)."""
    result = []
    for key, label, values in definitions:
        counts: dict[tuple[str, str], int] = {}
        for item in items:
            for pair in values(item):
                counts[pair] = counts.get(pair, 0) + 1
        order = orders.get(key)
        ranked = sorted(counts, key=lambda p: (order.index(p[1]) if order else 0, p[0]))
        result.append(Facet(key, label, tuple(FacetValue(slug, text, counts[(slug, text)]) for slug, text in ranked)))
    return result


def directory_order(orgs: Iterable[Org]) -> list[Org]:
    """Featured first, then by the pinyin of the name (what readers expect of a 名录)."""
    return sorted(orgs, key=lambda o: (not o.featured, urls.text_slug(o.name), o.id))


def pages(orgs: dict[str, Org], settings: Settings, today: dt.date, stories: tuple[Any, ...] = (),
          extra: Callable[[Org], dict[str, Any]] | None = None) -> list[Page]:
    """Profiles, directory and filter pages; ``stories`` (newest first) are listed on the profiles they name;
    ``extra(org)`` adds template context to each profile (its events, from ``render.events.org_context``)."""
    ordered = directory_order(orgs.values())
    result = [profile(org, settings, today, [s for s in stories if org.id in s.orgs], extra(org) if extra else None)
              for org in ordered]
    shown = public_facets(settings)
    all_facets = facets(ordered, shown)
    result.append(_directory(urls.ORG_DIRECTORY, "组织名录", ordered, all_facets, None, settings, today, total=len(ordered)))
    having = members(ordered, card_facets(settings))
    for facet in all_facets:
        for value in facet.values:
            chosen = having[(facet.key, value.slug)]
            title = f"{facet.label}：{value.label}"
            result.append(_directory(urls.org_filter(facet.key, value.slug), f"组织名录 · {title}", chosen,
                                     all_facets, (facet.key, value.slug), settings, today, len(ordered), title,
                                     names=(value.label,)))
    return result


def profile(org: Org, settings: Settings, today: dt.date, stories: list[Any] = (),
            extra: dict[str, Any] | None = None) -> Page:
    url = urls.org(org.id)
    body = render("org.html", url, settings, today, org=org, stories=stories, **(extra or {}))
    summary = f"{org.name}：{org.type}，服务领域 {'、'.join(org.areas)}。"
    return Page(url, org.name, body + str(structured.org_script(org, settings)), summary, edit_path=org.origin.file, lastmod=org.verified,
                draft=org.origin.draft, og_image=org.logo.src if org.logo else None,
                keywords=(org.short_name, *org.streets), names=(org.name, org.short_name))


def _directory(url: str, title: str, orgs: list[Org], all_facets: list[Facet], active: tuple[str, str] | None,
               settings: Settings, today: dt.date, total: int, active_label: str = "",
               names: tuple[str, ...] = ()) -> Page:
    body = render("orgs.html", url, settings, today, orgs=orgs, facets_list=all_facets, active=active,
                  active_label=active_label, total=total, card_facets=card_facets(settings))
    return Page(url, title, body, f"{title}，共 {len(orgs)} 个组织。", names=names)
