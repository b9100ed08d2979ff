"""The request form on a venue's page: where requests go, and the facts its script checks.

The form's field names are a public interface for whoever runs the endpoint
(see ``content/guide/venue-requests.md``); change them only together with it.
"""
from __future__ import annotations

import dataclasses
import json
from typing import Any

from markupsafe import Markup

from ..config import Config
from ..model.venue import Venue
from ..rules.venue_request import AGREE_VALUE

FIELDS = ("venue", "venue_name", "applicant", "org", "phone", "date", "start", "end", "people", "purpose",
          "equipment", "agree")
"""Every field the form sends, in order (form-encoded, UTF-8)."""
DESK_PATH = "/requests"
"""Where a desk receives requests."""


@dataclasses.dataclass(frozen=True)
class Target:
    """Where one venue's requests are sent."""

    endpoint: str | None
    email: str | None
    desk: str | None = None
    """The column's own desk (受理台): proof of work, live slots, a reference and a status link."""

    @property
    def mode(self) -> str:
        """``post`` to an endpoint, else ``mail`` (a prefilled mailto:), else ``phone`` only."""
        return "post" if self.endpoint else "mail" if self.email else "phone"


def target(venue: Venue, config: Config) -> Target:
    """The venue's own ``requests`` settings when it has any, else the site's (``column.yml``)."""
    if venue.request_endpoint or venue.request_email:
        return Target(venue.request_endpoint, venue.request_email)
    if config.request_desk:
        return Target(config.request_desk + DESK_PATH, config.request_email, config.request_desk)
    return Target(config.request_endpoint, config.request_email)


def data(venue: Venue, where: Target, page_url: str, busy: list[dict[str, str]]) -> dict[str, Any]:
    """Everything the form script needs; nothing personal."""
    return {
        "id": venue.id, "name": venue.name, "url": page_url, "capacity": venue.capacity,
        "leadDays": venue.lead_days, "phone": venue.phone, "mode": where.mode,
        "endpoint": where.endpoint, "email": where.email, "desk": where.desk,
        "hours": [{"days": list(h.weekdays), "open": f"{h.open:%H:%M}", "close": f"{h.close:%H:%M}"}
                  for h in venue.hours],
        "busy": busy,
    }


def script_json(value: Any) -> Markup:
    """JSON safe inside ``<script type="application/json">`` and through Markdown.

    ``<``, ``>`` and ``&`` become ``\\u`` escapes, so no ``</script>``, tag or
    entity can appear in the text; the result is one line (no blank line
    could split the page's HTML block).
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text)
