"""A mainland mirror: filing numbers in every page's footer, printed codes carrying the mirror's address,
and the build saying which address that is."""
from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from column import site
from column.config import Site
from support.sitebuild import build_site, copy_project

MIRROR = "https://women.example.cn/column/"
SITE = """
site:
  region: 示例省
  locality: 示例市
  mirror_url: https://women.example.cn/column/
  codes_use_mirror: true
  icp: 示ICP备12345678号-1
  police: 示公网安备11010502030143号
"""


@pytest.fixture(scope="module")
def mirrored(tmp_path_factory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("mirrored")
    project = copy_project(root / "project")
    config = project / "column.yml"
    text = re.sub(r"\nsite:\n(  .*\n)*", "\n", config.read_text(encoding="utf-8"))
    config.write_text(text + SITE, encoding="utf-8")
    handler = _Collect()
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        site = build_site(project, root / "site")
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return site, handler.messages


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.mark.parametrize("url", ["", "orgs/dongcheng-mamabang/", "events/", "stories/wuqian-shifenzhong/", "404.html"])
def test_filing_numbers_are_in_every_footer_linked_to_the_official_sites(mirrored, url):
    page = (mirrored[0] / (url if url.endswith(".html") else url + "index.html")).read_text(encoding="utf-8")
    assert '<a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener" data-col-icp>示ICP备12345678号-1</a>' in page
    assert ('<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143" target="_blank" rel="noopener"'
            ' data-col-police>示公网安备11010502030143号</a>') in page


def test_no_filing_numbers_when_none_are_set(sample_site):
    assert "data-col-icp" not in (sample_site / "index.html").read_text(encoding="utf-8")
    assert "col-filing" not in (sample_site / "orgs/index.html").read_text(encoding="utf-8")


def test_posters_and_page_codes_carry_the_mirror_and_the_build_says_so(mirrored):
    built, messages = mirrored
    poster = (built / "venues/hutian-funv-zhijia/poster/index.html").read_text(encoding="utf-8")
    assert "women.example.cn/column/venues/hutian-funv-zhijia/" in poster
    assert "海报、二维码和分享链接上的网址：" + MIRROR in messages


def test_codes_carry_the_sites_own_address_unless_column_yml_chooses_the_mirror():
    own = "https://example.github.io/women-orgs-column/"
    assert site.codes_address(own, Site()) == own
    assert site.codes_address(own, Site(mirror_url=MIRROR)) == own
    assert site.codes_address(own, Site(mirror_url=MIRROR, codes_use_mirror=True)) == MIRROR


def test_canonical_and_shared_addresses_follow_the_codes_to_the_mirror(mirrored, sample_site):
    page = (mirrored[0] / "orgs/dongcheng-mamabang/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{MIRROR}orgs/dongcheng-mamabang/">' in page
    assert f'<meta property="og:url" content="{MIRROR}orgs/dongcheng-mamabang/">' in page
    assert f"<loc>{MIRROR}orgs/dongcheng-mamabang/</loc>" in (mirrored[0] / "sitemap.xml").read_text(encoding="utf-8")
    own = (sample_site / "orgs/dongcheng-mamabang/index.html").read_text(encoding="utf-8")
    assert MIRROR not in own and 'rel="canonical" href="http' in own
