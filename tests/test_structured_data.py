"""JSON-LD on organization, venue, training and story pages parses and carries what schema.org readers need;
sitemap.xml lists every public page and no draft."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from support.sitebuild import SAMPLE, build_site, copy_project

SITE_URL = "http://127.0.0.1:8000/"
_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def ld(site: Path, url: str) -> list[dict]:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    assert "&lt;div" not in html, f"{url}: the page's own HTML was escaped"
    return [json.loads(block) for block in _LD.findall(html)]


def one(site: Path, url: str, kind: str) -> dict:
    found = [d for d in ld(site, url) if d["@type"] == kind]
    assert len(found) == 1, (url, [d["@type"] for d in ld(site, url)])
    return found[0]


def ids(folder: str) -> list[str]:
    return sorted(p.stem for p in (SAMPLE / folder).glob("*.yml"))


@pytest.mark.parametrize("org_id", ids("orgs"))
def test_every_organization_page_is_an_ngo_with_identifier_address_and_contact(sample_site, org_id):
    data = one(sample_site, f"orgs/{org_id}", "NGO")
    assert data["@context"] == "https://schema.org"
    assert data["url"] == f"{SITE_URL}orgs/{org_id}/"
    assert data["identifier"]["@type"] == "PropertyValue" and data["identifier"]["value"]
    assert data["address"]["@type"] == "PostalAddress" and data["address"]["streetAddress"]
    assert data["contactPoint"]["@type"] == "ContactPoint"
    assert data["contactPoint"].get("telephone") or data["contactPoint"].get("email")


def test_registered_organization_is_identified_by_its_credit_code(sample_site):
    record = (SAMPLE / "orgs" / "binhe-nvqiyejia-xiehui.yml").read_text(encoding="utf-8")
    code = re.search(r"uscc: \"?([0-9A-Z]{18})", record).group(1)
    data = one(sample_site, "orgs/binhe-nvqiyejia-xiehui", "NGO")
    assert data["identifier"] == {"@type": "PropertyValue", "propertyID": "统一社会信用代码", "value": code}
    assert data["alternateName"] == "区女企协"


def test_filed_organization_without_code_is_identified_by_its_record(sample_site):
    data = one(sample_site, "orgs/dongcheng-mamabang", "NGO")
    assert data["identifier"] == {"@type": "PropertyValue", "propertyID": "专栏组织编号", "value": "dongcheng-mamabang"}


@pytest.mark.parametrize("venue_id", ids("venues"))
def test_every_venue_page_is_a_place_with_address_and_hours(sample_site, venue_id):
    data = one(sample_site, f"venues/{venue_id}", "Place")
    assert data["url"] == f"{SITE_URL}venues/{venue_id}/"
    assert data["name"] and data["telephone"] and data["maximumAttendeeCapacity"] > 0
    assert data["address"]["streetAddress"]
    assert all(day.startswith("https://schema.org/") for h in data["openingHoursSpecification"] for day in h["dayOfWeek"])


@pytest.mark.parametrize("training_id", ids("trainings"))
def test_every_training_page_is_a_video_or_audio_object(sample_site, training_id):
    found = [d for d in ld(sample_site, f"training/{training_id}") if d["@type"] in ("VideoObject", "AudioObject")]
    assert len(found) == 1
    assert found[0]["name"] and found[0]["uploadDate"] and found[0]["url"] == f"{SITE_URL}training/{training_id}/"


def story_slugs() -> list[str]:
    posts = (SAMPLE / "content" / "stories" / "posts").glob("*.md")
    return sorted(re.search(r"^slug: (\S+)", p.read_text(encoding="utf-8"), re.M).group(1) for p in posts)


@pytest.mark.parametrize("slug", story_slugs())
def test_every_story_page_is_an_article(sample_site, slug):
    data = one(sample_site, f"stories/{slug}", "Article")
    assert data["headline"] and data["datePublished"] and data["description"]
    assert data["url"] == data["mainEntityOfPage"] == f"{SITE_URL}stories/{slug}/"
    assert data["publisher"]["name"] == "女性社会组织专栏"
    assert all(a["url"].startswith(f"{SITE_URL}orgs/") for a in data.get("about", []))


def test_story_about_names_its_organizations(sample_site):
    stories = {slug: one(sample_site, f"stories/{slug}", "Article") for slug in story_slugs()}
    assert any(story.get("about") for story in stories.values())


def test_json_ld_text_cannot_close_its_script(sample_site):
    for page in (sample_site / "orgs").glob("*/index.html"):
        for block in _LD.findall(page.read_text(encoding="utf-8")):
            assert "<" not in block


@pytest.fixture(scope="module")
def draft_site(tmp_path_factory) -> Path:
    """The sample data plus one draft organization, built for production (drafts left out)."""
    root = tmp_path_factory.mktemp("drafts")
    project = copy_project(root / "project")
    record = (project / "orgs" / "dongcheng-mamabang.yml").read_text(encoding="utf-8")
    (project / "orgs" / "caogao-zuzhi.yml").write_text(record + "draft: true\n", encoding="utf-8")
    return build_site(project, root / "site")


def sitemap(site: Path) -> set[str]:
    tree = ET.parse(site / "sitemap.xml")
    return {loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}


def test_sitemap_lists_every_public_page_and_no_draft(draft_site):
    listed = sitemap(draft_site)
    built = {SITE_URL + p.parent.relative_to(draft_site).as_posix() + "/" for p in draft_site.rglob("index.html")}
    built = {url.replace("/./", "/") for url in built}
    assert not (draft_site / "orgs" / "caogao-zuzhi").exists()
    assert f"{SITE_URL}orgs/caogao-zuzhi/" not in listed
    assert built - listed == set()
    for url in ("", "orgs/", "orgs/dongcheng-mamabang/", "venues/hutian-funv-zhijia/", "stories/wuqian-shifenzhong/"):
        assert SITE_URL + url in listed
