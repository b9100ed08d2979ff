"""Files that are not what they seem: links out of the project, pipes, devices, files of the wrong type.

One project holds every kind of bad file at once, and ``make check`` (``python -m column
check`` in a process of its own, so that a hang is a timeout, not a stuck test run) must
name each one in Chinese, print nothing it read through a link, and never show a traceback.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support.records import VALID_ORG, write
from support.sitebuild import NOW, REPO

CHECK_SECONDS = 60
"""Far more than a check of a small project takes; a pipe or /dev/zero read would never end."""


def run_check(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMN_NOW": NOW, "PYTHONPATH": str(REPO / "hooks"), "GITHUB_ACTIONS": "false"}
    return subprocess.run([sys.executable, "-m", "column", "check", "--root", str(root)], env=env,
                          capture_output=True, text=True, timeout=CHECK_SECONDS)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("gate")
    write(root, "orgs/good.yml", VALID_ORG)
    (root / "orgs/passwd.yml").symlink_to("/etc/passwd")
    (root / "orgs/zero.yml").symlink_to("/dev/zero")
    (root / "orgs/gone.yml").symlink_to("nowhere.yml")
    os.mkfifo(root / "orgs/pipe.yml")
    write(root, "orgs/dots.yml", VALID_ORG + "logo:\n  src: images/../../../etc/hosts.png\n  alt: 标志\n")
    (root / "venues").symlink_to("/etc")
    write(root, "content/images/orgs/page.jpg", "<html><script>alert(1)</script></html>")
    (root / "content/images/orgs/environ.svg").symlink_to("/proc/self/environ")
    (root / "content/images/etc").symlink_to("/etc")
    write(root, "content/images/orgs/tool.html", "<script>alert(1)</script>")
    write(root, "content/stories/posts/skip.markdown", "---\ntitle: 未经检查\n---\n正文\n")
    os.mkfifo(root / "content/images/orgs/pipe.png")
    result = run_check(root)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    return output


def test_no_traceback_and_nothing_read_through_a_link(report):
    assert "Traceback" not in report
    assert "root:x:0:0" not in report and "PATH=" not in report


@pytest.mark.parametrize("line", [
    "orgs/passwd.yml：是符号链接（指向 /etc/passwd）：网站不读取、也不发布符号链接",
    "orgs/zero.yml：是符号链接（指向 /dev/zero）：网站不读取、也不发布符号链接",
    "orgs/gone.yml：是符号链接（指向 nowhere.yml，指向的文件不存在）：网站不读取、也不发布符号链接",
    "orgs/pipe.yml：不是普通文件（是命名管道）",
    "venues：文件夹是符号链接（指向 /etc）：网站不读取、也不发布符号链接",
    "content/images/orgs/environ.svg：是符号链接（指向 /proc/self/environ）：网站不读取、也不发布符号链接",
    "content/images/etc：文件夹是符号链接（指向 /etc）：网站不读取、也不发布符号链接",
    "content/images/orgs/pipe.png：不是普通文件（是命名管道）",
], ids=["passwd", "dev-zero", "dangling", "fifo", "record-folder", "proc-environ", "image-folder", "image-fifo"])
def test_links_and_special_files_are_refused(report, line):
    assert f". {line}\n    提示：请删除" in report


def test_an_image_path_may_not_leave_content(report):
    assert 'orgs/dots.yml:12 logo.src（图片文件）：应为content/ 下的图片路径，实际为 "images/../../../etc/hosts.png"' in report


def test_a_file_must_be_what_its_extension_says(report):
    assert ("content/images/orgs/page.jpg：文件内容与扩展名 .jpg 不符：应为JPEG 图片，实际不是可识别的图片、音视频或文档"
            in report)


def test_only_media_may_be_published(report):
    assert "content/images/orgs/tool.html：content/ 中不能发布扩展名为 .html 的文件" in report


def test_every_page_extension_markdown_would_render_is_checked(report):
    assert "content/stories/posts/skip.markdown：页面文件的扩展名应为 .md，实际为 .markdown" in report
    assert "请把文件改名为 skip.md" in report


def test_the_content_folder_itself_may_not_be_a_link(tmp_path):
    write(tmp_path, "orgs/good.yml", VALID_ORG)
    (tmp_path / "content").symlink_to("/etc")
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert "1. content：文件夹是符号链接（指向 /etc）：网站不读取、也不发布符号链接\n" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
