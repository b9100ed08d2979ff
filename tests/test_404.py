"""The 404 page helps at any depth and under a sub-path: search box and the main sections."""
from __future__ import annotations

import pytest

from support import searching
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
        phone.locator(".md-search__input").press_sequentially("晚霞红艺术团")
        phone.locator(".md-search-result__item > a").first.wait_for()
        hrefs = phone.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
        assert base + "orgs/liuyin-wanxiahong-yishutuan/" in hrefs[:3]
        assert not [p for p in searching.indexed_pages(subpath_site) if p["u"].startswith("404")]


def requests_seen(page) -> list[tuple[str, str, int]]:
    seen: list[tuple[str, str, int]] = []
    page.on("requestfailed", lambda request: seen.append((request.method, request.url, 0)))
    page.on("response", lambda response: seen.append((response.request.method, response.url, response.status)))
    return seen


def open_missing(page, built, prefix: str, missing_path: str) -> tuple[str, list[tuple[str, str, int]]]:
    """Serve ``built`` under ``prefix`` as a static host does: its 404.html for every missing address."""
    body = (built / "404.html").read_bytes()
    seen = requests_seen(page)
    base_holder: list[str] = []
    with serve(built, prefix=prefix) as base:
        base_holder.append(base)
        page.route(base + missing_path, lambda route: route.fulfill(status=404, body=body,
                                                                    content_type="text/html; charset=utf-8"))
        page.goto(base + missing_path)
        page.wait_for_load_state("networkidle")
        assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
        assert page.locator(".col-404__sections a", has_text="组织名录").evaluate("a => a.href") == base + "orgs/"
        page.locator(".col-404__sections a", has_text="组织名录").click()
        page.wait_for_url(base + "orgs/")
    return base_holder[0], seen


@pytest.mark.parametrize("site, prefix", [("sample_site", "/"), ("sample_site", "/column/"),
                                          ("subpath_site", "/"), ("subpath_site", "/column/"),
                                          ("subpath_site", "/mirror/column/"),
                                          ("sample_site", "/women-orgs-column/")])
def test_a_removed_page_in_a_known_section_loads_styled_on_any_host_and_path_without_a_failed_request(
        request, phone, site, prefix):
    """The built site copied anywhere: a removed organization's address shows a working 404 page."""
    base, seen = open_missing(phone, request.getfixturevalue(site), prefix, "orgs/no-such-org/")
    failed = [r for r in seen if r[2] == 0 or (r[2] >= 400 and not r[1].endswith("orgs/no-such-org/"))]
    assert not failed, failed
    assert any(r[1].endswith(".css") and r[1].startswith(base) for r in seen)


@pytest.mark.parametrize("site, prefix", [("sample_site", "/column/"), ("subpath_site", "/")])
def test_an_unknown_deep_address_finds_the_root_by_asking_the_host(request, phone, site, prefix):
    """No known section in the address: the page asks the host which folder holds the site (HEAD requests)."""
    base, seen = open_missing(phone, request.getfixturevalue(site), prefix, "no/such/deep/page/")
    failed = [r for r in seen if r[2] == 0 or (r[2] >= 400 and r[0] != "HEAD" and not r[1].endswith("deep/page/"))]
    assert not failed, failed
