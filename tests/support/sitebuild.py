"""Build a real site with MkDocs into a temporary folder, as `make build` does."""
from __future__ import annotations

import logging
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
SAMPLE = FIXTURES / "sample"
"""The tests' own copy of the sample data. The live record folders are the federation's: tests never read them."""
NOW = "2026-11-22T10:00:00+08:00"
"""The clock every test build uses, so results do not depend on today's date."""
RECORD_FOLDERS = ("orgs", "events", "venues", "trainings")
DATA = (*RECORD_FOLDERS, "column.yml", "content/stories/posts", "content/images", "content/media")
"""What a federation replaces when it forks the column: records, settings, stories, images and media."""


@contextmanager
def environ(**values: str):
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def copy_project(dest: Path, *, data: Path = SAMPLE) -> Path:
    """A copy of the project's code (config, hooks, theme, hand-written pages) with the data of ``data``.

    ``data`` is a folder laid out like the repository (``orgs/``, ``column.yml``, ``content/stories/posts/``…),
    by default the tests' sample fixture; what it lacks is left empty.
    """
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(REPO / "content", dest / "content", ignore=_live_data)
    shutil.copytree(REPO / "overrides", dest / "overrides")
    shutil.copytree(REPO / "hooks", dest / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    for name in DATA:
        source, target = data / name, dest / name
        if source.is_file():
            shutil.copy(source, target)
        elif source.is_dir():
            shutil.copytree(source, target)
        elif not source.suffix:
            target.mkdir(parents=True, exist_ok=True)
    return dest


def _live_data(folder: str, names: list[str]) -> set[str]:
    """Leave the live stories, images and media out of a copy of ``content/``."""
    here = Path(folder).relative_to(REPO).as_posix()
    return {n for n in names if f"{here}/{n}" in DATA} | {"__pycache__"}


def build_site(project: Path, site_dir: Path, *, site_url: str = "http://127.0.0.1:8000/",
               now: str = NOW, drafts: bool = False) -> Path:
    """Run a strict MkDocs build of ``project`` into ``site_dir``; raises on any error."""
    with environ(COLUMN_NOW=now, SITE_URL=site_url, COLUMN_DRAFTS="1" if drafts else "0",
                 REPO_URL="https://github.com/example/women-orgs-column"):
        config = load_config(config_file=str(project / "mkdocs.yml"), strict=True, site_dir=str(site_dir))
        logging.getLogger("mkdocs").setLevel(logging.INFO)
        build(config)
    return site_dir
