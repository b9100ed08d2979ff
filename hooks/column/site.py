"""Everything the column publishes, from the records: the one entry point for any builder."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from . import catalog
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


def build(root: Path, docs_dir: Path, settings: Settings, now: dt.datetime, *, include_drafts: bool = False) -> Output:
    """Load and check every record, then render every page and file.

    Raises :class:`column.problems.RecordsInvalid` (with every error found) when a
    record is wrong; nothing is rendered then.
    """
    problems = Problems()
    records = catalog.load(Context(root, docs_dir, now, problems), include_drafts=include_drafts)
    today = now.date()
    pages = org_pages.pages(records.org, settings, today)
    return Output(pages, [], problems)
