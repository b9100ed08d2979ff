"""The header search, as a reader meets it: typed key by key on a 360-px phone inside WeChat, with the browser's
clock set to the build's. The query set finds its pages, cheaply, at the root and under a sub-path; the box says
what it did with her words (characters the site lacks, traditional characters, why each page was found)."""
from __future__ import annotations

import pytest

from support import searching
from support.server import serve

BUDGET = 300 * 1024
"""Bytes (gzipped, as GitHub Pages sends them) a phone may download for search before the first results."""
SUBPATH = "/mirror/column/"
KINDS = {"topic", "service", "org", "street", "venue", "event", "story", "training",
         "need", "synonym", "pinyin", "initials", "traditional", "date", "filler", "body"}


@pytest.fixture(scope="module")
def outcomes(sample_site, chromium):
    with serve(sample_site) as base:
        return [searching.search(chromium, base, query) for query in searching.load_queries()]


@pytest.fixture(scope="module")
def box(sample_site, chromium):
    """``box(query)``: what the search box shows for ``query`` typed on a fresh phone."""
    with serve(sample_site) as base:
        def shown(query: str, everything: bool = False) -> dict:
            context, page = searching.open_phone(chromium)
            try:
                page.goto(base)
                searching.type_query(page, query)
                while everything and page.locator(".col-search__more").is_visible():
                    count = page.locator(".md-search-result__item").count()
                    page.click(".col-search__more")
                    page.locator(".md-search-result__item").nth(count).wait_for()
                return searching.shown(page, base)
            finally:
                context.close()
        yield shown


def test_query_set_covers_every_kind_of_search():
    queries = searching.load_queries()
    assert len(queries) >= 60
    assert {q.kind for q in queries} == KINDS


def test_every_query_finds_its_page_in_the_first_three(outcomes):
    misses = [(o.query.text, o.query.expect, o.top[:3]) for o in outcomes if not o.hit]
    assert misses == []


def test_search_downloads_stay_within_the_phone_budget(outcomes):
    heaviest = max(outcomes, key=lambda o: o.gzip_bytes)
    assert heaviest.gzip_bytes <= BUDGET, (heaviest.query.text, heaviest.gzip_bytes)


def test_search_works_under_a_sub_path_without_third_party_requests(subpath_site, chromium):
    context, page = searching.open_phone(chromium)
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    with serve(subpath_site, prefix=SUBPATH) as base:
        page.goto(base + "venues/hutian-funv-zhijia/")
        searching.type_query(page, "东城妈妈帮")
        hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
        assert base + "orgs/dongcheng-mamabang/" in hrefs[:3]
        page.goto(base + "orgs/dongcheng-mamabang/")
        assert page.title().startswith("东城社区妈妈帮互助会")
    context.close()
    assert hosts == {base.split("/")[2]}


def test_no_results_says_so_and_names_the_characters_the_site_lacks(box):
    shown = box("鑫淼犇")
    assert shown["meta"] == "没有找到相关页面，换个关键词试试"
    assert shown["note"] == "本站没有“鑫”“淼”“犇”字，已按其余部分查找"
    assert shown["results"] == []


def test_a_query_with_a_word_no_page_holds_still_finds_the_rest_and_says_what_is_missing(box):
    shown = box("剪窗花 宇航员")
    assert shown["note"] == "本站没有“宇”字，已按其余部分查找"
    assert shown["results"][0]["url"] == "events/xinnian-qinzi-shougong/"
    assert shown["results"][0]["why"] == "不含：宇航员"


def test_a_need_in_everyday_words_leads_to_the_site_word_and_says_so(box):
    shown = box("婆媳吵架怎么办")
    assert shown["results"][0]["url"] == "orgs/area/hunyin-jiating/"
    assert shown["results"][0]["why"] == "“婆媳”“吵架”→婚姻家庭"


def test_traditional_characters_are_read_as_simplified_and_the_box_says_so(box):
    shown = box("婚姻家庭輔導")
    assert shown["note"] == "已按简体“婚姻家庭辅导”查找"
    assert shown["results"][0]["url"] == "orgs/binhe-hunyin-jiating-fudao-zhongxin/"


def test_a_date_word_brings_that_days_events_first_by_the_readers_clock(box):
    """The clock says Sunday 2026-11-22: "下周四" is 2026-11-26, the day of the anti-domestic-violence talk."""
    shown = box("下周四")
    assert shown["results"][0]["url"] == "events/fanjiabao-xuanjiang/"
    assert shown["results"][0]["why"] == "下周四有活动"


def test_pinyin_initials_find_a_name_and_say_how(box):
    shown = box("dcmmb")
    urls = [r["url"] for r in shown["results"][:3]]
    assert "orgs/dongcheng-mamabang/" in urls
    assert {r["why"] for r in shown["results"][:3]} == {"首字母 dcmmb"}


def test_a_word_only_in_a_pages_text_finds_it(box):
    """"原始基金" stands only in the foundation's description, not in any title, name or summary."""
    shown = box("原始基金")
    assert shown["results"][0]["url"] == "orgs/binhe-funv-ertong-fazhan-jijinhui/"
    assert "原始基金" in shown["results"][0]["marked"]


def test_the_staff_guide_never_outranks_a_readers_page(box):
    """"海报" stands in three of the guide's pages and in five venue pages: every result is shown."""
    urls = [r["url"] for r in box("海报", everything=True)["results"]]
    guide = [i for i, url in enumerate(urls) if url.startswith("guide/")]
    assert guide and guide[0] > 0
    assert guide == list(range(guide[0], len(urls)))


def test_results_fit_a_360_px_phone(box):
    assert box("婆媳吵架怎么办")["width"] <= 360


def test_posters_404_and_drafts_are_left_out_of_the_index(sample_site):
    urls = {page["u"] for page in searching.indexed_pages(sample_site)}
    assert "venues/hutian-funv-zhijia/" in urls
    assert not [u for u in urls if u.endswith("/poster/") or u.startswith("404")]
    assert not (sample_site / "pagefind").exists() and not (sample_site / "search" / "search_index.json").exists()


def test_draft_pages_are_not_indexed(tmp_path):
    from support.sitebuild import build_site, copy_project

    project = copy_project(tmp_path / "project")
    record = (project / "orgs" / "dongcheng-mamabang.yml").read_text(encoding="utf-8")
    (project / "orgs" / "caogao-zuzhi.yml").write_text(record + "draft: true\n", encoding="utf-8")
    site = build_site(project, tmp_path / "site", drafts=True)
    page = (site / "orgs" / "caogao-zuzhi" / "index.html").read_text(encoding="utf-8")
    assert "草稿：此页不会发布" in page
    assert "orgs/caogao-zuzhi/" not in {p["u"] for p in searching.indexed_pages(site)}
