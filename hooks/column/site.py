"""Everything the column publishes, from the records: the one entry point for any builder."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from . import background, collector, opendata, search_names, stats
from .inputs import Inputs, load_inputs  # noqa: F401 (callers read them from here too)
from .problems import Problems, RecordsInvalid
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
    replaced: dict[str, bytes] = dataclasses.field(default_factory=dict)
    """Files of ``content/`` published with other bytes than their own (SVGs made passive), by docs path."""


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
    shared = background.start(lambda: _shared(inputs, settings, now))  # made while the pages below render
    published = event_publish.publish(records, settings, now)
    pages = org_pages.pages(records.org, settings, today, inputs.stories, extra=published.org_context)
    pages += published.pages
    pages += guide_pages.pages(KINDS, settings, today)
    pages += training_pages.pages(records.records.get("training", {}), records.org,
                                  records.records.get("event", {}), settings, today)
    venues = records.records.get("venue", {})
    pages += venue_pages.pages(venues, records.org, inputs.config, by_venue(records.records.get("event", {}).values()),
                               settings, today, calendars="event" in records.records)
    pages += poster_pages.pages(venue_pages.ordered(venues), settings, today)
    assets = qr.assets(settings.site_url, {v.id: v.name for v in venues.values()}) + published.assets
    assets.append(Asset(share.DEFAULT_IMAGE, share.default_image(settings.site_url)))
    for made_here in shared.result():
        pages, assets = pages + made_here.pages, assets + made_here.assets
    assets.append(search_names.asset(pages))
    made = front.render(inputs, pages, docs_dir, settings, now)
    decorations = structured.with_articles(made.decorations, inputs.stories, records.org, settings)
    _check_unique(pages + made.pages, front.written_urls(docs_dir), problems)
    replaced = {path: data for path, data in inputs.docs.published.items() if data is not None}
    return Output(pages + made.pages, assets + made.assets, problems, decorations, replaced)


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
