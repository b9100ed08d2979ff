"""axe-core (npm) in headless Chromium: no serious or critical violation on any kind of page,
in the ordinary view and in 长者模式."""
from __future__ import annotations

import pytest

from support.browser import AXE, axe_violations
from support.kinds import PAGES, resolve
from support.server import serve

pytestmark = pytest.mark.browser

ELDER_ON = "localStorage.setItem('column-elder', '1')"


@pytest.mark.parametrize("elder", [False, True], ids=["ordinary", "elder"])
@pytest.mark.parametrize("kind", PAGES)
def test_no_serious_violations(sample_site, chromium, kind, elder):
    assert AXE.is_file(), "axe-core is missing: run `npm ci` (make test does)"
    url = resolve(sample_site, kind)
    page = chromium.new_page(viewport={"width": 360, "height": 740}, locale="zh-CN")
    if elder:
        page.add_init_script(ELDER_ON)
    with serve(sample_site) as base:
        page.goto(base + url, wait_until="load")
        assert page.evaluate("document.documentElement.classList.contains('col-elder')") is elder
        result = axe_violations(page)
    page.close()
    assert result == []
