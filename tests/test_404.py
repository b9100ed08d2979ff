"""The 404 page helps at any depth and under a sub-path: search box and the main sections."""
from __future__ import annotations

import pytest

from support.server import serve

SECTIONS = {"首页": "", "组织名录": "orgs/", "活动预告": "events/", "场地申请": "venues/", "在线培训": "training/",
            "风采展示": "showcase/", "工作指南": "guide/"}


@pytest.mark.parametrize("site, prefix", [("sample_site", "/"), ("subpath_site", "/mirror/column/")])
def test_missing_page_at_any_depth_links_to_every_section(request, phone, site, prefix):
    built = request.getfixturevalue(site)
    missing = (built / "404.html").read_bytes()
    with serve(built, prefix=prefix) as base:
        phone.route("**/no/such/deep/page/", lambda route: route.fulfill(status=404, body=missing,
                                                                          content_type="text/html; charset=utf-8"))
        phone.goto(base + "no/such/deep/page/")
        assert phone.locator("h1").inner_text() == "页面没有找到"
        assert phone.title() == "页面没有找到 - 女性社会组织专栏"
        for label, url in SECTIONS.items():
            link = phone.locator(".col-404__sections a", has_text=label)
            assert link.evaluate("a => a.href") == base + url
            assert (built / url / "index.html").is_file()
        phone.locator(".col-404__sections a", has_text="组织名录").click()
        phone.wait_for_url(base + "orgs/")
        assert phone.title().startswith("组织名录")


def test_missing_page_search_box_finds_pages(subpath_site, phone):
    missing = (subpath_site / "404.html").read_bytes()
    with serve(subpath_site, prefix="/mirror/column/") as base:
        phone.route("**/gone/", lambda route: route.fulfill(status=404, body=missing,
                                                            content_type="text/html; charset=utf-8"))
        phone.goto(base + "a/b/gone/")
        phone.locator("label.md-button", has_text="搜索本站").click()
        phone.fill(".md-search__input", "晚霞红艺术团")
        phone.locator(".md-search-result__item > a").first.wait_for()
        hrefs = phone.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
        assert base + "orgs/liuyin-wanxiahong-yishutuan/" in hrefs[:3]
        assert not (subpath_site / "404.html").read_text(encoding="utf-8").count("data-pagefind-body")
