"""One page of each kind the site publishes, for tests that visit them all."""
from __future__ import annotations

from pathlib import Path

PAGES = {
    "home": "",
    "org directory": "orgs/",
    "org filter": "orgs/area/weilao/",
    "org profile": "orgs/binhe-hunyin-jiating-fudao-zhongxin/",
    "event list": "events/",
    "event page": None,
    "month grid": None,
    "venue list": "venues/",
    "venue page": "venues/hutian-funv-zhijia/",
    "venue poster": "venues/hutian-funv-zhijia/poster/",
    "training list": "training/",
    "training page": None,
    "showcase": "showcase/",
    "stories": "stories/",
    "story": "stories/wuqian-shifenzhong/",
    "guide": "guide/",
}
"""Kind -> URL; ``None``: the first built page of that kind (a kind whose page is missing fails the test)."""

_PATTERNS = {"event page": "events/*/index.html", "month grid": "events/calendar/*/*/index.html",
             "training page": "training/*/index.html"}


def first_page(site: Path, pattern: str) -> str:
    found = sorted(site.glob(pattern))
    assert found, f"no page matches {pattern}"
    return found[0].parent.relative_to(site).as_posix() + "/"


def resolve(site: Path, kind: str) -> str:
    """The URL of ``kind``'s page in ``site``, checked to be built."""
    url = PAGES[kind] if PAGES[kind] is not None else first_page(site, _PATTERNS[kind])
    assert (site / url / "index.html").is_file(), url
    return url
