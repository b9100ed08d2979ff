"""The built organization pages, read back as a reader gets them."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from support.records import VALID_ORG, write
from support.sitebuild import SAMPLE, build_site, copy_project

SAMPLE_IDS = sorted(p.stem for p in (SAMPLE / "orgs").glob("*.yml"))


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_every_org_record_has_a_profile(sample_site):
    assert len(SAMPLE_IDS) >= 15
    for org_id in SAMPLE_IDS:
        page = html(sample_site, f"orgs/{org_id}")
        name = yaml.safe_load((SAMPLE / "orgs" / f"{org_id}.yml").read_text(encoding="utf-8"))["name"]
        assert f"<h1>{name}</h1>" in page


def test_profile_shows_facts_projects_and_links(sample_site):
    page = html(sample_site, "orgs/binhe-hunyin-jiating-fudao-zhongxin")
    assert "评估 5A" in page and "已登记" in page
    assert re.search(r'href="tel:0000\d+"', page)
    assert 'href="mailto:' in page
    assert "https://uri.amap.com/search?keyword=" in page
    assert "资金合计" in page and "人次" in page
    assert 'data-col-edit="https://github.com/example/women-orgs-column/edit/main/orgs/binhe-hunyin-jiating-fudao-zhongxin.yml"' in page
    assert 'href="../area/hunyin-jiating/"' in page


def test_expired_rating_is_shown_as_expired(sample_site):
    page = html(sample_site, "orgs/zhumeng-chengzhang-gongyi-fuwu-zhongxin")
    assert "2A（已过期）" in page
    assert "已于 2023 年底过期" in page


def test_leader_without_consent_is_not_named(sample_site):
    record = yaml.safe_load((SAMPLE / "orgs/liuyin-wanxiahong-yishutuan.yml").read_text(encoding="utf-8"))
    assert record["leader"]["name"] and record["leader"]["consent"] is False
    page = html(sample_site, "orgs/liuyin-wanxiahong-yishutuan")
    assert record["leader"]["name"] not in page
    assert "（姓名未公开）" in page


def test_filed_org_shows_filing_body_not_credit_code(sample_site):
    page = html(sample_site, "orgs/dongcheng-mamabang")
    assert "已备案" in page and "备案单位" in page and "统一社会信用代码" not in page


def test_directory_lists_every_org_with_filter_pages(sample_site):
    page = html(sample_site, "orgs")
    assert page.count('class="col-card"') == len(SAMPLE_IDS)
    filtered = html(sample_site, "orgs/area/hunyin-jiating")
    expected = sum("婚姻家庭" in yaml.safe_load((SAMPLE / "orgs" / f"{i}.yml").read_text(encoding="utf-8"))["areas"]
                   for i in SAMPLE_IDS)
    assert filtered.count('class="col-card"') == expected
    assert 'aria-current="page"' in filtered
    for facet in ("type/shehui-tuanti", "rating/5a", "street/mashang-jiedao"):
        assert (sample_site / "orgs" / facet / "index.html").is_file(), facet


def test_record_pages_stay_out_of_the_navigation(sample_site):
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    assert "orgs/binhe-hunyin-jiating-fudao-zhongxin/" not in home


def test_no_third_party_assets_in_any_page(sample_site):
    offenders = []
    for page in sample_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", text):
            if re.search(r'(?:src|href)="(?:https?:)?//', tag) and "http://127.0.0.1:8000/" not in tag:
                offenders.append((page.relative_to(sample_site).as_posix(), tag))
    assert offenders == []


def test_bad_record_stops_the_build_with_a_chinese_message(tmp_path):
    project = copy_project(tmp_path / "project")
    write(project, "orgs/broken.yml", VALID_ORG.replace("type: 社会服务机构", "type: 民非"))
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort, match=r"orgs/broken\.yml:2 type（组织类型）：应为 社会团体 / .*，实际为 \"民非\""):
        build_site(project, tmp_path / "site")
    assert not (tmp_path / "site" / "index.html").exists()


def test_relative_links_are_what_posixpath_computes():
    """``urls.rel`` counts segments for plain paths; posixpath's answer (with a trailing slash kept) is the oracle."""
    import itertools
    import posixpath

    from column.render import urls

    def oracle(from_url: str, to_url: str) -> str:
        base = "/" + from_url
        link = posixpath.relpath("/" + to_url, base if base.endswith("/") else posixpath.dirname(base) + "/")
        link += "/" if to_url.endswith("/") and not link.endswith("/") else ""
        return "./" if link in (".", "./") else link

    paths = ["", "orgs/", "orgs/a/", "orgs/area/weilao/", "orgs/a/calendar.ics", "events/x/event.ics", "feed.xml",
             "events/calendar/2026/11/", "assets/images/share.png", "venues/v/qr.svg", "orgs/ab/", "org/a/",
             "events/", "../x/", "a/./b/", "a//b/", "orgs", ".well-known/x", "orgs/a.b/c/", "orgs/a.b", "orgsx",
             "orgs/b", "orgs/a", "orgs/..", "orgs/a/.", "orgs/.hidden"]
    for from_url, to_url in itertools.product(paths, repeat=2):
        assert urls.rel(from_url, to_url) == oracle(from_url, to_url), (from_url, to_url)
