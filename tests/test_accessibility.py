"""axe-core (npm) in headless Chromium: no serious or critical violation on any kind of page."""
from __future__ import annotations

from pathlib import Path

import pytest

from support.browser import AXE, axe_violations
from support.server import serve

pytestmark = pytest.mark.browser

# One page of each kind; a kind whose first page is missing fails the test (it must be built).
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
    "guide": "guide/",
}


def first_page(site: Path, pattern: str) -> str:
    found = sorted(site.glob(pattern))
    assert found, f"no page matches {pattern}"
    return found[0].parent.relative_to(site).as_posix() + "/"


def resolve(site: Path, kind: str, url: str | None) -> str:
    if url is not None:
        return url
    pattern = {"event page": "events/*/index.html", "month grid": "events/calendar/*/*/index.html",
               "training page": "training/*/index.html"}[kind]
    return first_page(site, pattern)


@pytest.mark.parametrize("kind", PAGES)
def test_no_serious_violations(sample_site, chromium, kind):
    assert AXE.is_file(), "axe-core is missing: run `npm ci` (make test does)"
    url = resolve(sample_site, kind, PAGES[kind])
    assert (sample_site / url / "index.html").is_file(), url
    page = chromium.new_page(viewport={"width": 360, "height": 740}, locale="zh-CN")
    with serve(sample_site) as base:
        page.goto(base + url, wait_until="load")
        result = axe_violations(page)
    page.close()
    assert result == []
