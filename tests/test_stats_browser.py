"""/stats/, a year's report and /data/ on a 360-px phone inside WeChat, in headless Chromium."""
from __future__ import annotations

import pytest

from support.browser import axe_violations
from support.server import serve

pytestmark = pytest.mark.browser

PAGES = ("stats/", "stats/2026/", "data/")


LAYOUT = """() => ({
    wide: document.documentElement.scrollWidth,
    charts: [...document.querySelectorAll('.col-chart svg')].map(svg => {
        const box = svg.getBoundingClientRect();
        const label = svg.querySelector('.axis text').getBoundingClientRect();
        return {left: box.left, right: box.right, height: box.height, label: label.height};
    }),
    lines: [...document.querySelectorAll('.col-stat__table tbody th')].map(th => {
        const range = document.createRange();
        range.selectNodeContents(th);
        return [th.textContent, new Set([...range.getClientRects()].map(r => Math.round(r.top))).size];
    }),
    style: [...document.styleSheets].some(s => (s.href || '').endsWith('stats/charts.css') && [...s.cssRules].length > 0),
})"""


@pytest.mark.parametrize("text", ["100%", "200%"])
@pytest.mark.parametrize("url", PAGES)
def test_readable_on_a_phone_without_sideways_scrolling(figures_site, phone, large_text_phone, url, text):
    """At 100 % and at 200 % text size (the browser's own setting, as a reader sets it)."""
    page = phone if text == "100%" else large_text_phone.new_page()
    with serve(figures_site, "/mirror/column/") as base:
        page.goto(base + url, wait_until="load")
        found = page.evaluate(LAYOUT)
    if page is not phone:
        page.close()
    assert found["wide"] <= 360
    if url.startswith("stats/"):
        assert found["charts"] and found["style"] and found["lines"]
    for chart in found["charts"]:
        assert 0 <= chart["left"] and chart["right"] <= 360 and chart["height"] > 40, chart
        assert chart["label"] >= 11, "chart labels too small to read on a phone"
    assert [name for name, lines in found["lines"] if lines != 1] == [], "a row's name broken over lines"


@pytest.mark.parametrize("url", PAGES)
def test_no_serious_accessibility_violations(figures_site, chromium, url):
    page = chromium.new_page(viewport={"width": 360, "height": 740}, locale="zh-CN")
    with serve(figures_site) as base:
        page.goto(base + url, wait_until="load")
        result = axe_violations(page)
    page.close()
    assert result == []


def test_workbook_downloads_from_the_year_page(figures_site, chromium):
    context = chromium.new_context(accept_downloads=True)
    page = context.new_page()
    with serve(figures_site) as base:
        page.goto(base + "stats/2026/", wait_until="load")
        with page.expect_download() as download:
            page.get_by_role("link", name="下载 2026 年度报表（Excel）").click()
        data = download.value.path().read_bytes()
    context.close()
    assert data == (figures_site / "stats" / "2026.xlsx").read_bytes()
    assert download.value.suggested_filename == "2026.xlsx"
