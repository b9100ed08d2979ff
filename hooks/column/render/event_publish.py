"""Everything the event calendar publishes, gathered for ``site.build``."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any, Callable

from .. import background
from . import calendar_month, event_archive, event_calendars, event_page, events
from .env import Settings
from .page import Asset, Page

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..model.org import Org


@dataclasses.dataclass(frozen=True)
class Published:
    pages: list[Page]
    assets: list[Asset]
    org_context: Callable[[Org], dict[str, Any]]
    """Template context for an organization's profile (its coming and past events)."""


def publish(catalog: Catalog, settings: Settings, now: dt.datetime) -> Published:
    v = events.view(catalog, settings, now)
    calendars = background.start(lambda: event_calendars.assets(v))  # written while the pages render
    pages = [event_page.page(v, e) for e in catalog.event.values()]
    pages += events.pages(v) + calendar_month.pages(v) + event_archive.pages(v)
    return Published(pages, calendars.result(), lambda org: events.org_context(v, org.id))
