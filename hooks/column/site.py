"""Everything the column publishes, from the records: the one entry point for any builder."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from . import catalog, config
from .kinds import Context
from .problems import Problems
from .render import orgs as org_pages
from .render.env import Settings
from .render.page import Asset, Page


@dataclasses.dataclass(frozen=True)
class Output:
    pages: list[Page]
    assets: list[Asset]
    warnings: Problems


@dataclasses.dataclass(frozen=True)
class Inputs:
    """Everything staff edit, checked: site settings and every record."""

    config: config.Config
    catalog: catalog.Catalog


def load_inputs(root: Path, docs_dir: Path, now: dt.datetime, problems: Problems, *,
                include_drafts: bool = False) -> Inputs:
    """Check ``column.yml`` and every record; raises ``RecordsInvalid`` listing every error."""
    settings = config.load(root, problems)
    records = catalog.load(Context(root, docs_dir, now, problems), include_drafts=include_drafts)
    return Inputs(settings, records)


def build(root: Path, docs_dir: Path, settings: Settings, now: dt.datetime, *, include_drafts: bool = False) -> Output:
    """Load and check every record, then render every page and file.

    Raises :class:`column.problems.RecordsInvalid` (with every error found) when a
    record is wrong; nothing is rendered then.
    """
    problems = Problems()
    inputs = load_inputs(root, docs_dir, now, problems, include_drafts=include_drafts)
    records = inputs.catalog
    today = now.date()
    pages = org_pages.pages(records.org, settings, today)
    return Output(pages, [], problems)
