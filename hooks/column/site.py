"""Everything the column publishes, from the records: the one entry point for any builder."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

from . import background, collector, opendata, search_needs, sitemap, stats
from .config import Site
from .inputs import Inputs, load_inputs  # noqa: F401 (callers read them from here too)
from .problems import Problems, RecordsInvalid
from .render import urls
from .schema import story as story_schema
from .render import event_publish, front
from .render import guide as guide_pages
from .render import orgs as org_pages
from .render import poster as poster_pages
from .render import qr, share, structured
from .render import venues as venue_pages
from .render.bookings import by_venue
from .render import trainings as training_pages
from .render.env import Settings
from .registry import KINDS
from .render.page import Asset, Page


@dataclasses.dataclass(frozen=True)
class Output:
    pages: list[Page]
    assets: list[Asset]
    warnings: Problems
    decorations: dict[str, tuple[str, str]] = dataclasses.field(default_factory=dict)
    """Markdown put before and after hand-written pages (stories), by their path in the docs dir."""
    place: Site = Site()
    """Where the column is: its mirror, filing numbers (footer) and region (``column.yml`` ``site``)."""
    codes_url: str = ""
    """The address printed QR codes and posters carry (the site's, or the mirror's when staff chose it)."""
    replaced: dict[str, bytes] = dataclasses.field(default_factory=dict)
    """Files of ``content/`` published with other bytes than their own (SVGs made passive), by docs path."""
    needs: list[list[str]] = dataclasses.field(default_factory=list)
    """The need vocabulary as the search box reads it (``search_needs.browser_table``)."""


def robots(site_url: str) -> list[Asset]:
    """``robots.txt`` naming the sitemap, for a site at a domain root (crawlers read it only there)."""
    if urlsplit(site_url).path.strip("/"):
        return []
    return [Asset("robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n".encode())]


def codes_address(site_url: str, place: Site) -> str:
    """The mirror's address when ``column.yml`` asks codes to carry it, else the site's own."""
    return place.mirror_url if place.codes_use_mirror and place.mirror_url else site_url


def build(root: Path, docs_dir: Path, settings: Settings, now: dt.datetime, *, include_drafts: bool = False) -> Output:
    """Load and check every record, then render every page and file.

    Raises :class:`column.problems.RecordsInvalid` (with every error found) when a
    record is wrong; nothing is rendered then.
    """
    with collector.paused():
        return _build(root, docs_dir, settings, now, include_drafts)


def _shared(inputs: Inputs, settings: Settings, now: dt.datetime) -> list:
    """What reads the records of every kind: the open data and the figures."""
    every = inputs.public_records()
    return [opendata.publish(every, inputs.config, settings, now), stats.publish(every, inputs.config, settings, now)]


def _build(root: Path, docs_dir: Path, settings: Settings, now: dt.datetime, include_drafts: bool) -> Output:
    problems = Problems()
    inputs = load_inputs(root, docs_dir, now, problems, include_drafts=include_drafts)
    records = inputs.catalog
    today = now.date()
    place = inputs.config.site
    settings = dataclasses.replace(settings, region=place.region, locality=place.locality,
                                   show_tiers=inputs.config.show_tiers)
    printed = dataclasses.replace(settings, site_url=codes_address(settings.site_url, place))
    shared = background.start(lambda: _shared(inputs, settings, now))  # made while the pages below render
    published = event_publish.publish(records, settings, now)
    pages = org_pages.pages(records.org, settings, today, inputs.stories, extra=published.org_context)
    pages += published.pages
    pages += guide_pages.pages(KINDS, settings, today)
    pages.append(guide_pages.needs_page(inputs.needs, settings, today))
    pages += training_pages.pages(records.records.get("training", {}), records.org,
                                  records.records.get("event", {}), settings, today)
    venues = records.records.get("venue", {})
    pages += venue_pages.pages(venues, records.org, inputs.config, by_venue(records.records.get("event", {}).values()),
                               settings, today, calendars="event" in records.records)
    pages += poster_pages.pages(venue_pages.ordered(venues), printed, today)
    assets = qr.assets(printed.site_url, {v.id: v.name for v in venues.values()}) + published.assets
    assets.append(Asset(share.DEFAULT_IMAGE, share.default_image(settings.site_url)))
    for made_here in shared.result():
        pages, assets = pages + made_here.pages, assets + made_here.assets
    assets += robots(settings.site_url)
    made = front.render(inputs, pages, docs_dir, settings, now)
    _check_links_left(inputs, pages + made.pages, assets + made.assets)
    decorations = structured.with_articles(made.decorations, inputs.stories, records.org, settings)
    _check_unique(pages + made.pages, front.written_urls(docs_dir), problems)
    replaced = {path: data for path, data in inputs.docs.published.items() if data is not None}
    return Output(pages + made.pages, assets + made.assets, problems, decorations, place, printed.site_url, replaced,
                  search_needs.browser_table(list(inputs.needs)))


def _check_links_left(inputs: Inputs, pages: list[Page], assets: list[Asset]) -> None:
    """The links ``make check`` left to the build (into generated sections) against every page made."""
    blog = [urls.story_category(story_schema.category_slug(c)) for s in inputs.stories for c in s.categories]
    made = sitemap.after_build(inputs.site, [p.url for p in pages] + blog, [a.path for a in assets])
    problems = Problems()
    inputs.links.check(made, problems)
    if problems.errors:
        raise RecordsInvalid(problems)


def _check_unique(pages: list[Page], written: dict[str, str], problems: Problems) -> None:
    """Two pages at one URL: the later would silently replace the other. Raises ``RecordsInvalid``."""
    seen: dict[str, str] = dict(written)
    for page in pages:
        shown = page.edit_path or f"“{page.title}”"
        other = seen.setdefault(page.url, shown)
        if other != shown:
            problems.error(page.edit_path or "", None, "", f"网址 {page.url} 同时属于 {other} 和 {shown}：一页会覆盖另一页",
                           "请给其中一个换一个文件名（编号）或名称，让两者的网址不同。")
    if problems.errors:
        raise RecordsInvalid(problems)
