from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import pytest

from support import browser as browser_support
from support.sitebuild import DATA, FIXTURES, NOW, REPO, build_site, copy_project

LIVE_FILES = {os.fspath(REPO / name) for name in DATA if Path(name).suffix}
LIVE_FOLDERS = tuple(os.fspath(REPO / name) + os.sep for name in DATA if not Path(name).suffix)
"""The federation's own data. Tests build from tests/fixtures/sample/ or records they write."""


def _refuse_live_data(event: str, args: tuple) -> None:
    """Audit hook: a test that opens a live record fails, so the records can change without breaking CI."""
    if event == "open" and isinstance(args[0], (str, os.PathLike)):
        path = os.path.abspath(args[0])
        if path in LIVE_FILES or path.startswith(LIVE_FOLDERS):
            raise PermissionError(f"测试不得读取线上数据：{path}（请改用 tests/fixtures/sample/ 或测试自己写的记录）")


sys.addaudithook(_refuse_live_data)

pytest_plugins = ["support.desk_fixtures"]


@pytest.fixture(autouse=True)
def no_unexpected_warnings(caplog):
    """Fail any test during which MkDocs logged a warning it did not expect."""
    yield
    noisy = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING and r.name.startswith("mkdocs")]
    expected = getattr(caplog, "expected_warnings", 0)
    assert len(noisy) == expected, [r.getMessage() for r in noisy]


@pytest.fixture(scope="session")
def sample_project(tmp_path_factory) -> Path:
    """A copy of the project with the tests' sample data (never the live record folders)."""
    return copy_project(tmp_path_factory.mktemp("sample") / "project")


@pytest.fixture(scope="session")
def sample_site(sample_project) -> Path:
    """The sample data built once, at the root of http://127.0.0.1:8000/."""
    return build_site(sample_project, sample_project.parent / "site")


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory) -> Path:
    """The sample data built for publication under a sub-path."""
    root = tmp_path_factory.mktemp("subpath")
    project = copy_project(root / "project")
    return build_site(project, root / "site", site_url="http://127.0.0.1:8000/mirror/column/")


@pytest.fixture(scope="session")
def figures_site(tmp_path_factory) -> Path:
    """The records of ``tests/fixtures/figures/`` built once (open data and figures)."""
    root = tmp_path_factory.mktemp("figures")
    return build_site(copy_project(root / "project", data=FIXTURES / "figures"), root / "site")


@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def chromium(playwright):
    browser = browser_support.launch(playwright)
    yield browser_support.Clocked(browser, NOW)
    browser.close()


@pytest.fixture
def phone(chromium):
    """A 360-px-wide phone page, like a reader inside WeChat."""
    context = chromium.new_context(**browser_support.PHONE)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def large_text_phone(playwright, tmp_path_factory):
    """The same phone with the browser's text size at 200 % (its own setting, not a page zoom)."""
    context = browser_support.launch_large_text(playwright, tmp_path_factory.mktemp("large-text"), NOW)
    yield context
    context.close()
