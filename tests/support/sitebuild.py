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
NOW = "2026-11-22T10:00:00+08:00"
"""The clock every test build uses, so results do not depend on today's date."""
RECORD_FOLDERS = ("orgs", "events", "venues", "trainings")


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


def copy_project(dest: Path, *, records: bool = True) -> Path:
    """A copy of the project (config, content, hooks and, if asked, the sample records)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "column.yml"):
        shutil.copy(REPO / name, dest / name)
    shutil.copytree(REPO / "content", dest / "content")
    shutil.copytree(REPO / "overrides", dest / "overrides")
    shutil.copytree(REPO / "hooks", dest / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    for folder in RECORD_FOLDERS:
        if records and (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, dest / folder)
        else:
            (dest / folder).mkdir(exist_ok=True)
    return dest


def build_site(project: Path, site_dir: Path, *, site_url: str = "http://127.0.0.1:8000/",
               now: str = NOW, drafts: bool = False) -> Path:
    """Run a strict MkDocs build of ``project`` into ``site_dir``; raises on any error."""
    with environ(COLUMN_NOW=now, SITE_URL=site_url, COLUMN_DRAFTS="1" if drafts else "0",
                 REPO_URL="https://github.com/example/women-orgs-column"):
        config = load_config(config_file=str(project / "mkdocs.yml"), strict=True, site_dir=str(site_dir))
        logging.getLogger("mkdocs").setLevel(logging.INFO)
        build(config)
    return site_dir
