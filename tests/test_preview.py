"""``make serve`` with a mistake in a record: a Chinese error page, never a hanging request.

A real ``mkdocs serve`` (as ``make serve`` runs it) on a copy of the project, read by headless Chromium.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from support.records import VALID_ORG, messages, write
from support.sitebuild import NOW, copy_project

pytestmark = pytest.mark.browser

BROKEN_ORG = VALID_ORG.replace("type: 社会服务机构", "type: 协会").replace("verified: 2026-10-01", "verified: 2026-13-01")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, "mkdocs serve stopped: " + server.stderr.read().decode("utf-8", "replace")
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except urllib.error.HTTPError:
            return  # it answers (404 is an answer)
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"mkdocs serve did not answer {url} within {timeout} s")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """``make serve`` on the sample project with one broken organization; yields (project, base URL)."""
    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    write(project, "orgs/broken.yml", BROKEN_ORG)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "COLUMN_NOW": NOW, "COLUMN_DRAFTS": "1", "SITE_URL": base, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_up(base, server)
        yield project, base
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stderr.close()


def test_errors_are_listed_in_chinese_and_the_page_reloads_once_they_are_fixed(preview, chromium, tmp_path):
    project, base = preview
    expected = messages(write(tmp_path, "orgs/broken.yml", BROKEN_ORG).parents[1])
    page = chromium.new_page(locale="zh-CN")
    page.goto(base + "orgs/", timeout=30_000)
    assert page.locator("h1").inner_text() == "预览暂停：记录中有 2 处错误"
    shown = [item.split("\n")[0] for item in page.locator("ol.errors > li").all_inner_texts()]
    assert shown == expected == [
        'orgs/broken.yml:2 type（组织类型）：应为 社会团体 / 社会服务机构 / 基金会 / 社区社会组织 / 其他 之一，实际为 "协会"',
        'orgs/broken.yml:10 verified（核实日期）：应为日期，格式为 年-月-日，如 2024-03-08，实际为 "2026-13-01"',
    ]
    write(project, "orgs/broken.yml", VALID_ORG)
    page.locator("h1", has_text="组织名录").wait_for(timeout=180_000)
    assert "预览暂停" not in page.content()
    page.close()


def test_preview_posters_and_codes_say_do_not_print(preview, chromium):
    _, base = preview
    page = chromium.new_page(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page.goto(base + "venues/posters/", timeout=180_000)
    page.locator("h1", has_text="场地二维码").wait_for(timeout=180_000)
    assert page.locator(".col-poster__preview").inner_text().startswith("预览，请勿打印")
    assert page.locator(".col-share__qr figcaption").inner_text() == "预览，请勿打印（二维码是预览地址）"
    page.close()
