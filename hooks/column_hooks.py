"""MkDocs adapter: hands the column's generated pages and files to MkDocs.

Thin on purpose; the work is done by the ``column`` package beside this file,
which does not import MkDocs. MkDocs imports this module once per process, so
state is reset in ``on_config`` (``mkdocs serve`` rebuilds reuse the module).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from column import clock, site
from column.problems import RecordsInvalid
from column.render.env import Settings
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

_staff_log = logging.getLogger("column")
"""Warnings for staff (expired rating…); not under ``mkdocs.*`` so ``--strict`` ignores them."""
_output: site.Output | None = None


def on_config(config):
    global _output
    _output = None
    root = Path(config.config_file_path).parent
    settings = Settings(site_url=config.site_url or "http://127.0.0.1:8000/", site_name=config.site_name,
                        edit_base=_edit_base(config))
    try:
        _output = site.build(root, Path(config.docs_dir), settings, clock.now(),
                             include_drafts=os.environ.get("COLUMN_DRAFTS") == "1")
    except RecordsInvalid as exc:
        raise Abort("\n" + exc.problems.report()) from None
    if _output.warnings:
        _staff_log.warning("%s", _output.warnings.report())
    return config


def on_files(files, config):
    for page in _output.pages:
        files.append(File.generated(config, page.src_uri, content=page.markdown()))
    for asset in _output.assets:
        files.append(File.generated(config, asset.path, content=asset.content))
    return files


def on_page_context(context, page, config, nav):
    """"编辑此页": a generated page opens its record, a written page its Markdown file."""
    base = _edit_base(config)
    if base:
        docs = Path(config.docs_dir).relative_to(Path(config.config_file_path).parent).as_posix()
        page.edit_url = base + page.meta.get("edit_path", f"{docs}/{page.file.src_uri}")
    return context


def _edit_base(config) -> str | None:
    """``https://github.com/<owner>/<repo>/edit/<branch>/`` from ``extra.repository`` (None without one)."""
    repo = str(config.extra.get("repository") or "").rstrip("/")
    return f"{repo}/edit/{config.extra.get('branch', 'main')}/" if repo.startswith("https://") else None
