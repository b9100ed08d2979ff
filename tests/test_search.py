"""The header search (Pagefind): the query set finds its pages, cheaply, at the root and under a sub-path."""
from __future__ import annotations

import pytest

from column.search import index_terms
from support import searching
from support.server import serve

BUDGET = 300 * 1024
"""Bytes (gzipped, as GitHub Pages sends them) a phone may download for search before the first results."""
SUBPATH = "/mirror/column/"


@pytest.fixture(scope="module")
def outcomes(sample_site, chromium):
    with serve(sample_site) as base:
        return [searching.search(chromium, base, query) for query in searching.load_queries()]


def test_query_set_covers_every_kind_of_search():
    queries = searching.load_queries()
    kinds = {q.kind for q in queries}
    assert len(queries) >= 30
    assert {"topic", "service", "org", "street", "venue", "event", "story", "training"} <= kinds


def test_every_query_finds_its_page_in_the_first_three(outcomes):
    misses = [(o.query.text, o.query.expect, o.top[:3]) for o in outcomes if not o.hit]
    assert misses == []


def test_search_downloads_stay_within_the_phone_budget(outcomes):
    heaviest = max(outcomes, key=lambda o: o.gzip_bytes)
    assert heaviest.gzip_bytes <= BUDGET, (heaviest.query.text, heaviest.gzip_bytes)


def test_search_works_under_a_sub_path_without_third_party_requests(subpath_site, chromium):
    context = chromium.new_context(**searching.PHONE)
    page = context.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    with serve(subpath_site, prefix=SUBPATH) as base:
        page.goto(base + "venues/hutian-funv-zhijia/")
        page.click("label.md-header__button[for=__search]")
        page.fill(".md-search__input", "东城妈妈帮")
        first = page.locator(".md-search-result__item > a").first
        first.wait_for()
        hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
        assert base + "orgs/dongcheng-mamabang/" in hrefs[:3]
        page.goto(base + "orgs/dongcheng-mamabang/")
        assert page.title().startswith("东城社区妈妈帮互助会")
    context.close()
    assert hosts == {base.split("/")[2]}


def test_no_results_says_so_in_chinese(sample_site, phone):
    with serve(sample_site) as base:
        phone.goto(base)
        phone.click("label.md-header__button[for=__search]")
        phone.fill(".md-search__input", "火星探测器")
        phone.wait_for_function(searching._DONE)
        assert phone.locator(".md-search-result__meta").inner_text() == "没有找到相关页面，换个关键词试试"


def test_search_box_sits_in_the_header_and_material_search_index_is_not_shipped(sample_site):
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    header = home.split('<header class="md-header', 1)[1].split("</header>", 1)[0]
    assert 'class="md-search__input col-search__input"' in header
    assert not (sample_site / "search" / "search_index.json").exists()
    assert (sample_site / "pagefind" / "pagefind.js").is_file()


def test_posters_and_404_are_left_out_of_the_index(sample_site):
    poster = (sample_site / "venues" / "hutian-funv-zhijia" / "poster" / "index.html").read_text(encoding="utf-8")
    missing = (sample_site / "404.html").read_text(encoding="utf-8")
    venue = (sample_site / "venues" / "hutian-funv-zhijia" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in poster
    assert "data-pagefind-body" not in missing
    assert "data-pagefind-body" in venue


def test_draft_pages_are_not_indexed(tmp_path):
    from support.sitebuild import build_site, copy_project

    project = copy_project(tmp_path / "project")
    record = (project / "orgs" / "dongcheng-mamabang.yml").read_text(encoding="utf-8")
    (project / "orgs" / "caogao-zuzhi.yml").write_text(record + "draft: true\n", encoding="utf-8")
    site = build_site(project, tmp_path / "site", drafts=True)
    page = (site / "orgs" / "caogao-zuzhi" / "index.html").read_text(encoding="utf-8")
    assert "草稿：此页不会发布" in page
    assert "data-pagefind-body" not in page


def test_index_terms_split_chinese_into_characters_and_keep_other_words():
    assert index_terms("东城社区妈妈帮互助会", "5A 级", "") == "东 城 社 区 妈 妈 帮 互 助 会 5A 级"
