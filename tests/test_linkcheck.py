"""`make linkcheck` on the built site, and which pushes the publish workflow may publish before the tests end."""
from __future__ import annotations

import pytest

from column import ci, linkcheck
from support.records import write

SITEMAP = '<urlset><url><loc>{base}guide/</loc></url><url><loc>{base}</loc></url></urlset>'


def test_the_sample_site_has_no_broken_link(sample_site):
    assert linkcheck.check(sample_site, "http://127.0.0.1:8000/") == []


def test_the_site_under_a_sub_path_has_no_broken_link(subpath_site):
    assert linkcheck.check(subpath_site, ci.published_at(subpath_site)) == []
    assert ci.published_at(subpath_site) == "http://127.0.0.1:8000/mirror/column/"


def test_every_broken_link_is_named_with_its_page(tmp_path, capsys):
    site = tmp_path / "site"
    write(site, "sitemap.xml", SITEMAP.format(base="https://example.org/column/"))
    write(site, "guide/index.html", '<h2 id="top">指南</h2>')
    write(site, "index.html", '<a href="guide/">ok</a> <a href="guide/#top">ok</a> <a href="https://example.org/column/guide/">ok</a>'
                              '<a href="https://other.example/x">elsewhere</a> <a href="mailto:a@example.org">mail</a>'
                              '<a href="events/">missing</a> <a href="guide/#nope">anchor</a> <a href="/x/">outside</a>'
                              '<img src="images/a%20b.png">')
    write(site, "images/a b.png", b"png")
    assert ci.run_linkcheck(site) == 1
    assert capsys.readouterr().out == (
        "  1. /：链接 events/ 指向的文件不存在\n"
        "  2. /：链接 guide/#nope 指向的页面中没有 #nope 这个位置\n"
        "  3. /：链接 /x/ 离开了网站所在的路径（站点发布在子路径下时会失效）\n"
        "发现 3 个失效的链接，请修改上述页面的来源文件。\n")


def test_linkcheck_without_a_built_site_says_what_to_do(tmp_path, capsys):
    assert ci.run_linkcheck(tmp_path / "site") == 1
    assert capsys.readouterr().out == f"错误：{tmp_path / 'site'}/ 中没有构建好的网站，请先运行 make build。\n"


@pytest.mark.parametrize("paths, data_only", [
    (["orgs/duocai.yml", "events/x.yml", "column.yml"], True),
    (["content/stories/posts/a.md", "content/images/a.jpg", "venues/v.yml", "trainings/t.yml"], True),
    (["orgs/duocai.yml", "hooks/column/site.py"], False),
    (["content/guide/index.md"], False),
    (["mkdocs.yml"], False),
    ([], False),
], ids=["records and settings", "stories and images", "with code", "a hand-written page", "site config", "nothing"])
def test_which_changes_are_staff_data_only(paths, data_only):
    assert ci.only_data(paths) is data_only


def test_records_only_prints_true_or_false(tmp_path, capsys):
    changed = write(tmp_path, "changed.txt", "orgs/duocai.yml\ncolumn.yml\n")
    ci.run_records_only(changed)
    write(tmp_path, "changed.txt", "orgs/duocai.yml\nMakefile\n")
    ci.run_records_only(changed)
    assert capsys.readouterr().out == "true\nfalse\n"


def test_a_record_only_push_is_published_without_waiting_for_the_tests():
    import yaml

    from support.sitebuild import REPO

    jobs = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8"))["jobs"]
    assert (jobs["deploy-records"]["needs"], jobs["deploy-records"]["if"]) == ("build", "needs.build.outputs.records_only == 'true'")
    assert (jobs["deploy"]["needs"], jobs["deploy"]["if"]) == (["build", "test"], "needs.build.outputs.records_only != 'true'")
    steps = [step.get("run", "") for step in jobs["build"]["steps"]]
    assert ["make check", "make build", "make linkcheck"] == [run for run in steps if run.startswith("make ")]
