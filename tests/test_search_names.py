"""The search box's name lookup (column.search_names): a name or a topic word brings its page first."""
from __future__ import annotations

import json

import pytest

from column import search_names
from column.search_index import Document
from column.search_rules import normal
from support import searching
from support.server import serve


def _results(page, base: str, query: str) -> list[tuple[str, str, str]]:
    """(site-relative URL, title, excerpt) of each result shown for ``query``."""
    page.goto(base)
    searching.type_query(page, query)
    return page.eval_on_selector_all(
        ".md-search-result__item > a",
        "links => links.map(a => [a.getAttribute('href'), a.querySelector('h1').textContent,"
        " a.querySelector('p:last-child').textContent])")


@pytest.mark.parametrize("topic, slug", [("心理健康", "xinli-jiankang"), ("巾帼志愿", "jinguo-zhiyuan"),
                                         ("婚姻家庭", "hunyin-jiating")])
def test_a_topic_word_brings_its_directory_page_first(sample_site, phone, topic, slug):
    """Without the lookup, an organization or a story that repeats the words comes first (巾帼志愿, 婚姻家庭)."""
    with serve(sample_site) as base:
        results = _results(phone, base, topic)
    assert searching.relative(base, results[0][0]) == f"orgs/area/{slug}/"
    assert results[0][1] == f"组织名录 · 服务领域：{topic}"


def test_an_exact_name_brings_the_profile_first_and_each_page_once(sample_site, phone):
    with serve(sample_site) as base:
        results = _results(phone, base, "滨河区婚姻家庭辅导中心")
    urls = [searching.relative(base, r[0]) for r in results]
    assert urls[0] == "orgs/binhe-hunyin-jiating-fudao-zhongxin/"
    assert len(urls) == len(set(urls))


def test_a_short_name_finds_the_profile_and_shows_the_name_it_matched(sample_site, phone):
    with serve(sample_site) as base:
        results = _results(phone, base, "区婚辅中心")
    url, title, excerpt = results[0]
    assert searching.relative(base, url) == "orgs/binhe-hunyin-jiating-fudao-zhongxin/"
    assert title == "滨河区婚姻家庭辅导中心"
    assert "区婚辅中心" in excerpt


def test_name_matches_come_before_events_that_repeat_the_words(sample_site, phone):
    """A street's pages (its organizations, its events) before the venues and events that carry its name."""
    with serve(sample_site) as base:
        results = _results(phone, base, "马尚街道")
    first = [searching.relative(base, url) for url, _, _ in results[:2]]
    assert sorted(first) == ["events/street/mashang-jiedao/", "orgs/street/mashang-jiedao/"]


def test_search_still_answers_when_the_name_lookup_cannot_load(sample_site, phone):
    phone.route("**/search/names.json", lambda route: route.abort())
    with serve(sample_site) as base:
        results = _results(phone, base, "东城妈妈帮")
    assert "orgs/dongcheng-mamabang/" in [searching.relative(base, r[0]) for r in results[:3]]


def test_the_box_says_so_when_the_index_cannot_load(sample_site, phone):
    phone.route("**/search/terms/**", lambda route: route.abort())
    with serve(sample_site) as base:
        phone.goto(base)
        phone.click("label.md-header__button[for=__search]")
        phone.locator(".md-search__input").press_sequentially("心理健康")
        meta = phone.locator(".col-search__meta")
        meta.filter(has_text="搜索暂时无法使用").wait_for()
    assert meta.inner_text() == "搜索暂时无法使用，请稍后再试"


def test_the_lookup_is_published_under_a_sub_path_and_links_stay_inside_it(subpath_site, phone):
    with serve(subpath_site, prefix="/mirror/column/") as base:
        results = _results(phone, base, "心理健康")
    assert results[0][0].startswith("/mirror/column/orgs/area/xinli-jiankang/")


def test_the_built_lookup_lists_profiles_and_directory_pages_but_not_events(sample_site):
    """Event pages are too many for the lookup; the event lists by category, audience and street are hubs."""
    rows = json.loads((sample_site / "search" / search_names.PATH).read_text(encoding="utf-8"))
    urls = [page["u"] for page in searching.indexed_pages(sample_site)]
    by_url = {urls[row[0]]: row[1:] for row in rows}
    assert by_url["orgs/area/xinli-jiankang/"] == ["组织名录 · 服务领域：心理健康", "心理健康"]
    assert by_url["orgs/binhe-hunyin-jiating-fudao-zhongxin/"] == ["滨河区婚姻家庭辅导中心", "区婚辅中心"]
    assert by_url["venues/hutian-funv-zhijia/"] == ["湖田街道妇女之家 活动室"]
    assert by_url["events/category/qinzi-huodong/"] == ["活动预告 · 活动类别：亲子活动", "亲子活动"]
    events = [url for url in by_url if url.startswith("events/")]
    assert events and all(url.split("/")[1] in ("category", "audience", "street", "org", "calendar") for url in events)
    assert not [url for url in by_url if url.endswith("/poster/")]


def _doc(url: str, title: str, *names: str) -> Document:
    return Document(url, title, "正文", names=names)


def test_entry_keeps_the_title_first_and_drops_names_that_repeat_it():
    docs = [_doc("orgs/a/", "滨河区 女企协", "滨河区女企协", "区女企协", "区女企协"),
            _doc("orgs/area/b/", "组织名录 · 服务领域：心理健康", "心理健康")]
    assert search_names.entries(docs) == [[0, "滨河区 女企协", "区女企协"], [1, "组织名录 · 服务领域：心理健康", "心理健康"]]


def test_entries_leave_out_pages_without_names():
    docs = [_doc("venues/b/", "乙", "乙"), _doc("events/c/", "丙"), _doc("orgs/a/", "甲", "甲")]
    assert search_names.entries(docs) == [[0, "乙"], [2, "甲"]]


def test_normal_form_ignores_spaces_width_and_case_and_reads_traditional_as_simplified():
    assert normal(" 东城社区 妇女之家\u3000") == "东城社区妇女之家"
    assert normal("ＡＢＣ 5a") == "abc5a"
    assert normal("婦女之家", {"婦": "妇"}) == "妇女之家"
