"""MkDocs adapter: hands the column's generated pages and files to MkDocs.

Thin on purpose; the work is done by the ``column`` package beside this file,
which does not import MkDocs. MkDocs imports this module once per process, so
state is reset in ``on_config`` (``mkdocs serve`` rebuilds reuse the module).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urljoin

from column import background, clock, search, site
from column.problems import RecordsInvalid
from column.render.env import Settings
from column.render import sanitize, share
from column.schema import story as story_schema
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

_staff_log = logging.getLogger("column")
"""Warnings for staff (expired rating…); not under ``mkdocs.*`` so ``--strict`` ignores them."""
_output: site.Output | None = None
_page_codes: share.PageCodes | None = None
_generated: dict[str, tuple[dict, str]] = {}
"""Each generated page's settings and content by docs path: its content is HTML already, so its file is
left empty (no front matter to parse, no Markdown to convert) and both are handed over below."""


def on_config(config):
    global _output, _page_codes
    _output = _page_codes = None
    background.cancel_all()  # `mkdocs serve`: what the previous build still had queued is not wanted
    _generated.clear()
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
    _configure_blog(config)
    config.markdown_extensions.append(sanitize.PageSanitizer())  # every page, and the blog's excerpts
    return config


def _configure_blog(config) -> None:
    """Material's blog (the stories) takes its categories and their ASCII URLs from the story schema."""
    blog = config.plugins.get("material/blog")
    if blog:
        blog.config.categories_allowed = story_schema.CATEGORIES.values
        blog.config.categories_slugify = story_schema.category_slug
        if os.environ.get("COLUMN_DRAFTS") == "1":
            blog.config.draft = True  # draft stories too, as on every page the column generates


def on_env(env, config, files):
    """Theme globals for ``overrides/``: Open Graph tags, the per-page QR code, search index terms."""
    site_url = config.site_url or "http://127.0.0.1:8000/"
    env.globals.update(
        column_share_head=lambda url, title, description, image=None: share.head(
            url, title, description, image, site_url, config.site_name),
        column_share_qr=_page_codes.figure if _page_codes else share.qr_figure,
        column_index_terms=search.index_terms)
    return env


def on_files(files, config):
    for file in files.documentation_pages():  # the blog read its posts' front matter already
        if file.page is not None:
            sanitize.escape_meta(file.page.meta)
    for page in _output.pages:
        files.append(File.generated(config, page.src_uri, content=""))
        _generated[page.src_uri] = (page.meta(), page.html())
    for asset in _output.assets:
        files.append(File.generated(config, asset.path, content=asset.content))
    for src_uri, content in _output.replaced.items():  # SVGs: the passive copy, never the file as sent
        files.remove(files.get_file_from_path(src_uri))
        files.append(File.generated(config, src_uri, content=content))
    _start_page_codes(files, config)
    return files


def _start_page_codes(files, config) -> None:
    """Begin making every page's QR code, in the order MkDocs will render the pages."""
    global _page_codes
    if config.site_url:
        base = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        _page_codes = share.PageCodes([urljoin(base, file.url) for file in files.documentation_pages()])


def on_page_markdown(markdown, page, config, files):
    """A generated page gets its settings; a written page's own settings are escaped; a story gets its cover."""
    if page.file.src_uri in _generated:
        page.meta.update(_generated[page.file.src_uri][0])
    else:
        sanitize.escape_meta(page.meta)
    return _output.decorations.get(page.file.src_uri, ("", ""))[0] + markdown


def on_page_content(html, page, config, files):
    """A generated page's content is the HTML our templates wrote: Python-Markdown would only re-parse it.
    A story gets the events and organizations it names (our HTML, after its own was sanitized).

    (Parsing big raw-HTML blocks is ~60 % of MkDocs' time per page; links in them are
    checked by the crawler test instead of MkDocs' Markdown link validation.)
    """
    if page.file.src_uri in _generated:
        return _generated[page.file.src_uri][1]
    return html + _output.decorations.get(page.file.src_uri, ("", ""))[1]


def on_page_context(context, page, config, nav):
    """"编辑此页": a record's page opens its YAML, a written page its Markdown file.

    A generated page that is no record's (a list, a filter) has no file to edit: no link.
    """
    base = _edit_base(config)
    docs = Path(config.docs_dir).relative_to(Path(config.config_file_path).parent).as_posix()
    if not base or (page.file.generated_by and "edit_path" not in page.meta):
        page.edit_url = None
    else:
        page.edit_url = base + page.meta.get("edit_path", f"{docs}/{page.file.src_uri}")
    return context


def _edit_base(config) -> str | None:
    """``https://github.com/<owner>/<repo>/edit/<branch>/`` from ``extra.repository`` (None without one)."""
    repo = str(config.extra.get("repository") or "").rstrip("/")
    return f"{repo}/edit/{config.extra.get('branch', 'main')}/" if repo.startswith("https://") else None


def on_post_build(config):
    """Index the built pages for the header search box (Pagefind, served from the site itself)."""
    try:
        search.index(Path(config.site_dir))
    except search.SearchIndexFailed as exc:
        raise Abort(str(exc)) from None
