"""The staff guide (/guide/) and "编辑此页", read back from a built site."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from column import clock, site
from column.__main__ import main
from column.registry import KINDS
from column.render.env import Settings
from column.render.guide import documented
from column.schema.walk import choices, flatten
from support.records import write
from support.sitebuild import NOW, REPO, environ

DOCUMENTED = documented(KINDS, clock.now({"COLUMN_NOW": NOW}).date())
EDIT = "https://github.com/example/women-orgs-column/edit/main/"


def page(site_dir: Path, url: str) -> str:
    return (site_dir / url / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", DOCUMENTED, ids=[k.name for k in DOCUMENTED])
def test_field_reference_lists_every_field_of_the_schema(sample_site, kind):
    text = html.unescape(page(sample_site, f"guide/fields/{kind.name}"))
    for field in flatten(kind.schema):
        row = re.search(rf"<tr id=\"[^\"]*\">\s*<td><code>{re.escape(field.dotted)}</code></td>(.*?)</tr>", text, re.S)
        assert row, f"{field.dotted} missing from the field reference"
        cells = row.group(1)
        assert field.title in cells and field.necessity in cells
        assert field.schema.get("x-expect", "") in cells
        for value, doc in choices(field.schema):
            assert f"<code>{value}</code>" in cells and doc in cells


def test_field_reference_index_links_every_kind(sample_site):
    text = page(sample_site, "guide/fields")
    for kind in DOCUMENTED:
        assert f'href="{kind.name}/"' in text and kind.new in text
    assert "make new-org ID=编号" in text and "make new-story SLUG=编号" in text


def test_conditional_requirement_is_named():
    from column.registry import ORG

    fields = {f.dotted: f for f in flatten(ORG.schema)}
    assert fields["registration.uscc"].necessity == "status 为“登记”时必填"
    assert fields["registration.status"].necessity == "必填"
    assert fields["projects[].name"].necessity == "必填" and fields["projects"].necessity == "可选"


def test_guide_is_out_of_the_public_menu_linked_from_the_footer_and_links_its_pages(sample_site):
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    menu = home.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "guide/" not in menu and "指南" not in menu
    footer = home.split('<div class="md-copyright">', 1)[1].split("</div>\n</div>", 1)[0]
    assert re.search(r'<a href="guide/" class="col-footer__staff">工作人员</a>', footer)
    assert "Made with" not in home and "Material for MkDocs" not in home
    guide = page(sample_site, "guide")
    for target in ("web-editor/", "fields/", "errors/", "drafts/", "images/", "posters/"):
        assert f'href="{target}"' in guide, target
        assert (sample_site / "guide" / target / "index.html").is_file()


def _blocks(markdown: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", markdown, re.S)


def test_error_example_in_the_guide_is_what_check_prints(tmp_path, capsys):
    """The guide quotes real output; rerun its example and compare, so the guide cannot go stale."""
    guide = (REPO / "content/guide/errors.md").read_text(encoding="utf-8")
    record, output = _blocks(guide, "yaml")[0], _blocks(guide, "text")[0]
    file = re.search(r"(orgs/[a-z-]+\.yml):", output).group(1)
    write(tmp_path, file, record)
    (tmp_path / "content").mkdir()
    with environ(COLUMN_NOW=NOW, GITHUB_ACTIONS="false"):
        assert main(["check", "--root", str(tmp_path)]) == 1
    assert capsys.readouterr().out == output


def test_every_record_page_opens_its_yaml_in_the_web_editor(sample_project, sample_site):
    """Each record of every kind has a page whose "编辑此页" opens that record's file."""
    with environ(COLUMN_NOW=NOW):
        output = site.build(sample_project, sample_project / "content", Settings("http://127.0.0.1:8000/", edit_base=EDIT),
                            clock.now())
    edit_paths = {p.edit_path: p for p in output.pages if p.edit_path}
    for kind in KINDS:
        for record in sorted((sample_project / kind.folder).glob("*.yml")):
            relative = f"{kind.folder}/{record.name}"
            assert relative in edit_paths, f"no page opens {relative}"
            built = page(sample_site, edit_paths[relative].url.rstrip("/"))
            assert f'data-col-edit="{EDIT}{relative}" title="编辑此页"' in built, relative


def test_generated_lists_have_no_edit_link_to_a_missing_file(sample_site):
    directory = page(sample_site, "orgs")
    assert 'title="编辑此页"' not in directory
    guide_fields = page(sample_site, "guide/fields/org")
    assert 'title="编辑此页"' not in guide_fields
    assert f'data-col-edit="{EDIT}content/guide/errors.md" title="编辑此页"' in page(sample_site, "guide/errors")


@pytest.mark.browser
@pytest.mark.parametrize("kind", DOCUMENTED, ids=[k.name for k in DOCUMENTED])
def test_the_guide_offers_the_complete_template_to_copy(sample_site, chromium, kind):
    """Staff who only use GitHub's web editor copy the same commented template `make new-…` writes."""
    from support.server import serve

    context = chromium.new_context(locale="zh-CN", viewport={"width": 360, "height": 740})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    with serve(sample_site) as base:
        page.goto(f"{base}guide/fields/{kind.name}/#template")
        page.locator(".col-template button[title=复制]").click()
        copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert copied + "\n" == kind.template  # the copy button leaves off the final newline
    assert copied.startswith("# yaml-language-server: $schema=../schemas/" if kind.name != "story" else "---\n")
