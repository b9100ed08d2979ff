"""What the public sees and what only staff see: no editor links, no internal tiers, no software words."""
from __future__ import annotations

import json
import re

import pytest

from column import clock, site
from column.render.env import Settings
from support.server import serve
from support.sitebuild import NOW, copy_project, environ

EDITOR = "https://github.com/example/women-orgs-column/edit/"
RECORD_PAGE = "orgs/binhe-hunyin-jiating-fudao-zhongxin/"


def test_no_public_page_links_to_the_repository_editor(sample_site):
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 50
    linking = [p for p in pages if re.search(rf'href="{re.escape(EDITOR)}', p.read_text(encoding="utf-8"))]
    assert linking == []


@pytest.mark.browser
def test_staff_switch_on_the_guide_shows_edit_links_on_this_device_only(sample_site, phone, chromium):
    with serve(sample_site) as base:
        phone.goto(base + RECORD_PAGE)
        assert phone.locator("[data-col-edit]:visible").count() == 0
        phone.goto(base + "guide/")
        phone.locator("[data-col-staff-switch]").click()
        assert "已打开" in phone.locator("[data-col-staff-state]").inner_text()
        phone.goto(base + RECORD_PAGE)
        pencil = phone.locator('a.md-content__button[title="编辑此页"]')
        assert pencil.is_visible()
        assert pencil.get_attribute("href") == EDITOR + "main/orgs/binhe-hunyin-jiating-fudao-zhongxin.yml"
        assert phone.locator(".col-verified a:visible", has_text="编辑此页").count() == 1
        other = chromium.new_page()
        other.goto(base + RECORD_PAGE)
        assert other.locator("[data-col-edit]:visible").count() == 0
        other.close()


def test_the_preview_shows_edit_links_as_plain_links(tmp_path):
    project = copy_project(tmp_path / "project")
    settings = Settings("http://127.0.0.1:8000/", edit_base=EDITOR + "main/", staff_view=True)
    with environ(COLUMN_NOW=NOW):
        output = site.build(project, project / "content", settings, clock.now())
    profile = next(p for p in output.pages if p.url == RECORD_PAGE)
    assert f'<a href="{EDITOR}main/orgs/binhe-hunyin-jiating-fudao-zhongxin.yml" rel="nofollow">编辑此页</a>' in profile.html()


def tier_words(html: str) -> list[str]:
    return re.findall(r"联系层级|核心层|紧密层|大众层|data-tier|/tier/", html)


def test_internal_tiers_are_not_public_by_default(sample_site):
    for url in ("orgs/", "orgs/area/weilao/", RECORD_PAGE, "showcase/", ""):
        assert tier_words((sample_site / url / "index.html").read_text(encoding="utf-8")) == [], url
    assert not (sample_site / "orgs" / "tier").exists()


def test_column_yml_can_make_tiers_public(tmp_path):
    project = copy_project(tmp_path / "project")
    with (project / "column.yml").open("a", encoding="utf-8") as file:
        file.write("\ndirectory:\n  show_tiers: true\n")
    with environ(COLUMN_NOW=NOW):
        output = site.build(project, project / "content", Settings("http://127.0.0.1:8000/"), clock.now())
    by_url = {p.url: p for p in output.pages}
    assert "联系层级" in by_url[RECORD_PAGE].html() and "核心层" in by_url[RECORD_PAGE].html()
    assert "orgs/tier/hexin/" in by_url and 'data-tier="' in by_url["orgs/"].html()


def test_stories_carry_no_software_words(sample_site):
    story = (sample_site / "stories" / "wuqian-shifenzhong" / "index.html").read_text(encoding="utf-8")
    assert "元数据" not in story and "发布信息" in story
    assert "Made with" not in story


def test_open_data_and_figures_leave_the_tier_out_by_default(sample_site):
    package = json.loads((sample_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    orgs = next(r for r in package["resources"] if r["name"] == "orgs")
    names = [field["name"] for field in orgs["schema"]["fields"]]
    assert "name" in names and "tier" not in names
    assert tier_words((sample_site / "stats" / "index.html").read_text(encoding="utf-8")) == []
