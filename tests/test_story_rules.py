"""One test per story rule: the front matter of content/stories/posts/*.md, checked like a record."""
from __future__ import annotations

from pathlib import Path

import pytest

from column import site
from column.problems import Problems, RecordsInvalid
from support.records import TODAY, VALID_ORG, write

POST = "content/stories/posts/ceshi.md"

STORY = """\
---
title: 测试故事
date: 2026-11-01
slug: ceshi-gushi
categories:
  - 典型事迹
description: 一个测试用的故事。
orgs:
  - ceshi
people:
  - name: 王小红
    consent: true
---

王小红和姐妹们的故事。

<!-- more -->

后面的正文。
"""


def project(root: Path, story: str = STORY, *, name: str = POST) -> Path:
    write(root, "orgs/ceshi.yml", VALID_ORG)
    write(root, name, story)
    return root


def load(root: Path) -> tuple[site.Inputs | None, Problems]:
    problems = Problems()
    try:
        return site.load_inputs(root, root / "content", TODAY, problems), problems
    except RecordsInvalid:
        return None, problems


def messages(root: Path) -> list[str]:
    """Every problem as ``file:line field：message`` (hints left out)."""
    return [p.text().split("\n")[0] for p in load(root)[1]]


def test_valid_story_passes(tmp_path):
    inputs, problems = load(project(tmp_path))
    assert list(problems) == []
    (story,) = inputs.stories
    assert (story.id, story.title, story.orgs, story.categories) == ("ceshi-gushi", "测试故事", ("ceshi",), ("典型事迹",))
    assert story.src_uri == "stories/posts/ceshi.md"
    assert story.body.startswith("\n王小红和姐妹们的故事。")


def test_unknown_org_names_file_line_and_suggests(tmp_path):
    project(tmp_path, STORY.replace("  - ceshi\n", "  - ceshii\n"))
    _, problems = load(tmp_path)
    assert [p.text() for p in problems] == [
        f"{POST}:9 orgs[0]：找不到组织 “ceshii”（没有 orgs/ceshii.yml）\n    提示：是不是想写 ceshi？"]


def test_unknown_event(tmp_path):
    project(tmp_path, STORY.replace("people:", "events:\n  - mei-you-zhe-ge\npeople:"))
    assert messages(tmp_path) == [f"{POST}:11 events[0]：找不到活动 “mei-you-zhe-ge”（没有 events/mei-you-zhe-ge.yml）"]


def test_draft_org_cannot_be_named_by_a_published_story(tmp_path):
    project(tmp_path)
    write(tmp_path, "orgs/ceshi.yml", "draft: true\n" + VALID_ORG)
    assert messages(tmp_path) == [
        f"{POST}:9 orgs[0]：引用的组织 ceshi 还是草稿（orgs/ceshi.yml 中 draft: true），不会发布"]


def test_missing_category(tmp_path):
    project(tmp_path, STORY.replace("categories:\n  - 典型事迹\n", ""))
    assert messages(tmp_path) == [f"{POST}:2：缺少必填字段 categories（分类）"]


def test_category_outside_the_list(tmp_path):
    project(tmp_path, STORY.replace("  - 典型事迹", "  - 好人好事"))
    assert messages(tmp_path) == [
        f"{POST}:6 categories[0]（分类）：应为 典型事迹 / 品牌项目 / 领头人风采 / 活动回顾 之一，实际为 \"好人好事\""]


def test_person_without_consent_must_not_be_named(tmp_path):
    project(tmp_path, STORY.replace("consent: true", "consent: false"))
    _, problems = load(tmp_path)
    assert [p.text() for p in problems] == [
        f"{POST}:12 people[0].consent（同意公开）：王小红 未同意公开姓名（consent: false），但标题、摘要或正文中写了这个名字\n"
        "    提示：取得本人书面同意后把 consent 改为 true；否则请在文中改用“王女士”“一位志愿者”等称呼。"]


@pytest.mark.parametrize("written", ["王小&#32418;", "王\u200b小红", "王<span>小</span>红", "王**小**红", "王 小 红",
                                     "王小<!-- -->红", "王\u2060小红"])
def test_person_without_consent_is_found_however_the_name_is_disguised(tmp_path, written):
    project(tmp_path, STORY.replace("consent: true", "consent: false").replace("王小红和姐妹们", written))
    assert [p.message for p in load(tmp_path)[1].errors] == [
        "王小红 未同意公开姓名（consent: false），但标题、摘要或正文中写了这个名字"]


def test_person_without_consent_may_be_listed_when_not_named(tmp_path):
    project(tmp_path, STORY.replace("consent: true", "consent: false").replace("王小红和姐妹们", "王女士和姐妹们"))
    assert messages(tmp_path) == []


def test_missing_cover_file(tmp_path):
    project(tmp_path, STORY.replace("people:", "cover:\n  src: images/stories/mei-you.svg\n  alt: 封面\npeople:"))
    assert messages(tmp_path) == [f"{POST}:11 cover.src：找不到图片文件 content/images/stories/mei-you.svg"]


def test_cover_needs_alt_text(tmp_path):
    write(tmp_path, "content/images/stories/ceshi.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    project(tmp_path, STORY.replace("people:", "cover:\n  src: images/stories/ceshi.svg\npeople:"))
    assert messages(tmp_path) == [f"{POST}:10 cover（封面图）：缺少必填字段 alt（替代文字）"]


def test_two_stories_with_one_slug(tmp_path):
    project(tmp_path)
    write(tmp_path, "content/stories/posts/ceshi-2.md", STORY)
    assert messages(tmp_path) == [f"{POST}:4 slug（网址）：网址 ceshi-gushi 与 content/stories/posts/ceshi-2.md 重复"]


def test_slug_the_blog_uses_itself(tmp_path):
    project(tmp_path, STORY.replace("slug: ceshi-gushi", "slug: category"))
    assert messages(tmp_path) == [f"{POST}:4 slug（网址）：网址 category 是故事栏目自用的地址"]


def test_slug_must_be_ascii(tmp_path):
    project(tmp_path, STORY.replace("slug: ceshi-gushi", "slug: 测试故事"))
    assert messages(tmp_path) == [
        f"{POST}:4 slug（网址）：应为小写英文字母、数字和连字符，如 duocai-jinguo，实际为 \"测试故事\""]


def test_file_without_front_matter(tmp_path):
    project(tmp_path, "# 只有正文\n\n没有设置区。\n")
    assert messages(tmp_path) == [f"{POST}:1：文件开头缺少设置区（两行 --- 之间的标题、日期、分类等）"]


def test_yaml_error_points_at_the_line_in_the_markdown_file(tmp_path):
    project(tmp_path, STORY.replace("description: 一个测试用的故事。", "description: 一个: 测试用的故事。"))
    assert messages(tmp_path) == [f"{POST}:7：YAML 格式错误：这一行有多余的冒号，或上一行缩进不对"]


def test_story_errors_are_reported_with_record_errors(tmp_path):
    project(tmp_path, STORY.replace("  - 典型事迹", "  - 好人好事"))
    write(tmp_path, "orgs/ceshi.yml", VALID_ORG.replace("type: 社会服务机构", "type: 民非"))
    assert [m.split("：")[0] for m in messages(tmp_path)] == [f"{POST}:6 categories[0]（分类）", "orgs/ceshi.yml:2 type（组织类型）"]


def test_missing_excerpt_mark_is_a_warning(tmp_path):
    project(tmp_path, STORY.replace("<!-- more -->\n", ""))
    inputs, problems = load(tmp_path)
    assert inputs is not None and not problems.errors
    assert [p.text().split("\n")[0] for p in problems.warnings] == [
        f"{POST}:2：正文中没有摘要分隔线 <!-- more -->，故事列表会显示全文"]


def test_draft_story_is_checked_but_not_published(tmp_path):
    project(tmp_path, STORY.replace("---\ntitle:", "---\ndraft: true\ntitle:", 1))
    inputs, problems = load(tmp_path)
    assert list(problems) == [] and inputs.stories == ()
    problems = Problems()
    assert len(site.load_inputs(tmp_path, tmp_path / "content", TODAY, problems, include_drafts=True).stories) == 1


@pytest.mark.parametrize("name", ["典型事迹", "品牌项目", "领头人风采", "活动回顾"])
def test_every_category_has_an_ascii_url(name):
    from column.schema.story import category_slug

    assert category_slug(name).isascii() and category_slug(name) != "other"
