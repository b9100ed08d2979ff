"""sitemap.xml dates come from the records, so a daily build with unchanged data says nothing changed;
robots.txt names the sitemap of a site at a domain root."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from support.sitebuild import SAMPLE, build_site, copy_project

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITE_URL = "http://127.0.0.1:8000/"


def lastmods(site: Path) -> dict[str, str | None]:
    tree = ET.parse(site / "sitemap.xml")
    return {url.findtext(NS + "loc"): url.findtext(NS + "lastmod") for url in tree.iter(NS + "url")}


@pytest.fixture(scope="module")
def twenty_days_later(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("later")
    return build_site(copy_project(root / "project"), root / "site", now="2026-12-12T10:00:00+08:00")


def test_unchanged_records_keep_their_lastmod_twenty_days_later(sample_site, twenty_days_later):
    before, after = lastmods(sample_site), lastmods(twenty_days_later)
    dated = {url: day for url, day in before.items() if day}
    assert len(dated) >= 60
    assert {url: after.get(url) for url in dated} == dated


def test_lastmod_is_the_records_own_date(sample_site):
    org = yaml.safe_load((SAMPLE / "orgs" / "dongcheng-mamabang.yml").read_text(encoding="utf-8"))
    found = lastmods(sample_site)
    assert found[SITE_URL + "orgs/dongcheng-mamabang/"] == str(org["verified"])
    assert found[SITE_URL + "events/hunyin-jiating-shalong/"] == "2026-11-21"  # its latest update
    assert found[SITE_URL + "events/"] is None  # a list has no record date of its own: no build date either


def test_robots_txt_names_the_sitemap_only_at_a_domain_root(sample_site, subpath_site):
    assert (sample_site / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nAllow: /\n\nSitemap: {SITE_URL}sitemap.xml\n")
    assert not (subpath_site / "robots.txt").exists()


def test_no_url_listed_before_vanishes_twenty_days_later(sample_site, twenty_days_later):
    """Search engines keep what a sitemap once listed: a later build still answers every such address."""
    gone = sorted(url for url in lastmods(sample_site)
                  if not (twenty_days_later / url[len(SITE_URL):] / "index.html").is_file())
    assert not gone, gone
