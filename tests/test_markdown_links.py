"""Links and images staff write (records, stories, column.yml): checked by `make check`, at their line."""
from __future__ import annotations

import pytest

from column import inputs, site
from column.problems import Problems, RecordsInvalid
from column.render.env import Settings
from column.render.markup import to_html
from support.records import TODAY, VALID_ORG, story, write

DESCRIBED = VALID_ORG.replace("description: 为社区妇女提供婚姻家庭辅导。", "description: |\n  为社区妇女提供辅导。\n\n  {}")
"""An organization whose description (line 9) has a second paragraph on line 12."""

def reported(root) -> list[str]:
    """Every problem `make check` reports, in full."""
    problems = Problems()
    (root / "content").mkdir(exist_ok=True)
    try:
        inputs.load_inputs(root, root / "content", TODAY, problems, include_drafts=True)
    except RecordsInvalid:
        pass
    return [p.text() for p in problems]


@pytest.fixture
def project(tmp_path):
    write(tmp_path, "orgs/good.yml", VALID_ORG)
    write(tmp_path, "content/media/guide.pdf", b"%PDF-1.4\n%%EOF\n")
    write(tmp_path, "content/images/stories/photo.jpg", b"\xff\xd8\xff\xe0jpg")
    return tmp_path


def org_text(project, markdown: str) -> None:
    write(project, "orgs/a.yml", DESCRIBED.format(markdown))


def test_an_image_in_a_record_description(project):
    org_text(project, "![活动照片](images/stories/photo.jpg)")
    assert reported(project) == [
        "orgs/a.yml:12 description（组织简介）：文字里的图片 images/stories/photo.jpg 不会显示：记录的文字里不能放图片\n"
        "    提示：请删掉这张图片；要在页面上展示图片，请写在leader.photo（照片）、logo（标志）、photos（照片）中（每张都要写替代文字）。"]


def test_a_link_to_a_file_that_does_not_exist(project):
    org_text(project, "详见[章程](media/zhangcheng.pdf)。")
    assert reported(project) == [
        "orgs/a.yml:12 description（组织简介）：找不到链接的文件 content/media/zhangcheng.pdf\n"
        "    提示：请先把文件上传到 content/ 下对应的文件夹，再核对文件名的大小写和扩展名。"]


def test_a_link_to_a_page_that_does_not_exist(project):
    org_text(project, "合作伙伴：[好组织][good]\n\n  [good]: orgs/goood/")
    assert reported(project) == [
        "orgs/a.yml:14 description（组织简介）：找不到链接的页面 orgs/goood/\n    提示：是不是想写 orgs/good/？"]


def test_a_site_link_that_starts_with_a_slash(project):
    org_text(project, "见[活动](/events/)。")
    assert reported(project) == [
        "orgs/a.yml:12 description（组织简介）：站内链接 /events/ 不能以 / 开头（网站可能放在子路径下）\n"
        "    提示：请从网站根目录写起，去掉开头的 /：events/"]


def test_links_to_existing_pages_and_files_pass_and_work_from_any_page(project):
    org_text(project, "见[好组织](orgs/good/)、[指南](media/guide.pdf)和[外站](https://example.org/)。")
    assert reported(project) == []
    html = to_html("见[好组织](orgs/good/)和[外站](https://example.org/)。", "events/x/")
    assert 'href="../../orgs/good/"' in html and 'href="https://example.org/"' in html


def test_a_story_image_that_does_not_exist(project):
    write(project, "content/stories/posts/a.md", story("文字。\n\n![合影](../../images/stories/phot.jpg)"))
    assert reported(project) == [
        "content/stories/posts/a.md:15：找不到图片的文件 content/images/stories/phot.jpg\n"
        "    提示：请先把文件上传到 content/ 下对应的文件夹，再核对文件名的大小写和扩展名。"]


def test_a_story_link_to_a_page_address_instead_of_its_source(project):
    write(project, "content/stories/posts/a.md", story("见[好组织](../../orgs/good/)。"))
    assert reported(project) == [
        "content/stories/posts/a.md:13：链接 ../../orgs/good/ 指向一个网址，故事里要写它的源文件\n"
        "    提示：请写成 ../../orgs/good/index.md（即 content/orgs/good/index.md）。"]


def test_a_story_link_from_the_site_root(project):
    write(project, "content/stories/posts/a.md", story("见[好组织](/orgs/good/)。"))
    assert reported(project) == [
        "content/stories/posts/a.md:13：链接 /orgs/good/ 不能以 / 开头（网站可能放在子路径下）\n"
        "    提示：请写从本文件出发的相对路径，如 ../../orgs/good/index.md。"]


def test_story_links_to_generated_pages_and_files_pass(project):
    write(project, "content/stories/posts/a.md", story(
        "见[好组织](../../orgs/good/index.md)，[指南](../../media/guide.pdf)。\n\n![合影](../../images/stories/photo.jpg)"))
    assert reported(project) == []


def test_announcement_link_to_a_page_that_does_not_exist(project):
    write(project, "column.yml", "announcement:\n  text: 申报开始了\n  link: guide/shenbao/\n")
    assert reported(project) == [
        "column.yml:3 announcement.link（链接）：找不到链接的页面 guide/shenbao/\n"
        "    提示：站内页面请写网址中域名后面的部分，如 events/ 或 orgs/duocai/。"]


def test_a_link_only_the_build_can_tell_is_checked_by_the_build(project):
    write(project, "column.yml", "announcement:\n  text: 申报开始了\n  link: events/category/nothing/\n")
    assert reported(project) == []
    with pytest.raises(RecordsInvalid) as raised:
        site.build(project, project / "content", Settings("http://127.0.0.1:8000/"), TODAY)
    assert [p.text().split("\n")[0] for p in raised.value.problems] == [
        "column.yml:3 announcement.link（链接）：找不到链接的页面 events/category/nothing/"]
