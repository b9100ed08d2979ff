"""MkDocs adapter: hands the column's generated pages and files to MkDocs.

Thin on purpose; the work is done by the ``column`` package beside this file,
which does not import MkDocs. MkDocs imports this module once per process, so
state is reset in ``on_config`` (``mkdocs serve`` rebuilds reuse the module).
"""
from __future__ import annotations

import functools
import logging
import os
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from column import background, clock, preview, search, site
from column.problems import RecordsInvalid
from column.render.page import Page
from column.render.env import Settings
from column.render import cards, sanitize, share
from column.schema import story as story_schema
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

_staff_log = logging.getLogger("column")
"""Warnings for staff (expired rating…); not under ``mkdocs.*`` so ``--strict`` ignores them."""
_build_log = logging.getLogger("mkdocs.plugins.column")
"""What staff should know about every build (shown by `make build`, never a warning)."""
_output: site.Output | None = None
_page_codes: share.PageCodes | None = None
_cards: cards.Cards | None = None
_generated: dict[str, Page] = {}
"""Each generated page by docs path: its content is HTML already, so its file is left empty (no front
matter to parse, no Markdown to convert) and its settings and content are handed over below."""
_search: search.Collector | None = None
_serving = False
"""``mkdocs serve`` (``make serve``): records with errors show an error page instead of stopping."""
_error_page: str | None = None


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_config(config):
    global _output, _page_codes, _cards, _error_page, _search
    _output = _page_codes = _cards = _error_page = _search = None
    background.cancel_all()  # `mkdocs serve`: what the previous build still had queued is not wanted
    _generated.clear()
    root = Path(config.config_file_path).parent
    settings = Settings(site_url=config.site_url or "http://127.0.0.1:8000/", site_name=config.site_name,
                        edit_base=_edit_base(config), staff_view=_preview(), preview=_serving)
    try:
        _output = site.build(root, Path(config.docs_dir), settings, clock.now(), include_drafts=_preview())
    except RecordsInvalid as exc:
        if not _serving:
            raise Abort("\n" + exc.problems.report()) from None
        return _preview_errors(config, exc.problems)
    _search = search.Collector(_output.needs, clock.now().date())
    if _output.warnings:
        _staff_log.warning("%s", _output.warnings.report())
    _build_log.info("海报、二维码和分享链接上的网址：%s", _output.codes_url)
    _configure_blog(config)
    config.markdown_extensions.append(sanitize.PageSanitizer())  # every page, and the blog's excerpts
    return config


def _preview_errors(config, problems):
    """``make serve`` with errors: the site is one page listing them, which reloads itself once they are fixed."""
    global _error_page
    _staff_log.warning("\n%s\n预览页面显示上述错误；改好并保存后会自动刷新。", problems.report())
    _error_page = preview.error_page(problems)
    blog = config.plugins.get("material/blog")
    if blog:
        blog.config.enabled = False  # its pages are not there to list
    config.theme.static_templates.clear()  # Material's own 404.html would replace the error page
    config.nav = None
    return config


def _configure_blog(config) -> None:
    """Material's blog (the stories) takes its categories and their ASCII URLs from the story schema."""
    blog = config.plugins.get("material/blog")
    if blog:
        blog.config.categories_allowed = story_schema.CATEGORIES.values
        blog.config.categories_slugify = story_schema.category_slug
        if _preview():
            blog.config.draft = True  # draft stories too, as on every page the column generates


def _preview() -> bool:
    """``make serve`` (``COLUMN_DRAFTS=1``): drafts shown, "编辑此页" a plain link for staff."""
    return os.environ.get("COLUMN_DRAFTS") == "1"


def on_env(env, config, files):
    """Theme globals for ``overrides/``: Open Graph tags and the per-page QR code."""
    site_url = config.site_url or "http://127.0.0.1:8000/"
    env.globals.update(
        column_share_head=lambda url, title, description, image=None: share.head(
            url, title, description, image, site_url, config.site_name),
        column_share_qr=lambda url: (_page_codes.figure if _page_codes else functools.partial(share.qr_figure, preview=_serving))(_printed(url, site_url)),
        column_place=_output.place if _output else None,
        column_sections=_sections(), column_staff_view=_preview())
    env.filters["urlparse_path"] = lambda url: urlsplit(url).path or "/"
    return env


def _printed(page_url: str, site_url: str) -> str:
    """The address a page's QR code carries: on the mirror when ``column.yml`` says so."""
    codes = _output.codes_url if _output else site_url
    return codes.rstrip("/") + "/" + page_url[len(site_url):].lstrip("/") if page_url.startswith(site_url) else page_url


def _sections() -> list[str]:
    """The site's top folders (orgs, events, assets…): the 404 page finds the site's root by them."""
    paths = [p.src_uri for p in _output.pages] + [a.path for a in _output.assets] if _output else []
    return sorted({path.split("/")[0] for path in paths if "/" in path} | {"stories"})


def on_files(files, config):
    if _error_page is not None:
        return Files([File.generated(config, name, content=_error_page) for name in ("index.html", "404.html")])
    for file in files.documentation_pages():  # the blog read its posts' front matter already
        if file.page is not None:
            sanitize.escape_meta(file.page.meta)
    for page in _output.pages:
        files.append(File.generated(config, page.src_uri, content=""))
        _generated[page.src_uri] = page
    for asset in _output.assets:
        files.append(File.generated(config, asset.path, content=asset.content))
    for src_uri, content in _output.replaced.items():  # SVGs: the passive copy, never the file as sent
        files.remove(files.get_file_from_path(src_uri))
        files.append(File.generated(config, src_uri, content=content))
    _start_page_codes(files, config)
    _start_cards(files, config)
    return files


def _start_cards(files, config) -> None:
    """Begin drawing the share cards of the generated pages, in the order MkDocs will render them."""
    global _cards
    try:
        cards.font_file()
    except cards.FontMissing as exc:
        raise Abort(str(exc)) from None
    known = [(file.url, _card_title(_generated[file.src_uri].meta().get("title"), config))
             for file in files.documentation_pages() if file.src_uri in _generated]
    _cards = cards.Cards(Path(config.docs_dir), config.site_name, known)


def _card_title(title, config) -> str:
    return cards.card_title(str(title or ""), config.site_name, config.site_description or "")


def _start_page_codes(files, config) -> None:
    """Begin making every page's QR code, in the order MkDocs will render the pages."""
    global _page_codes
    if config.site_url:
        base = _output.codes_url if _output.codes_url.endswith("/") else _output.codes_url + "/"
        _page_codes = share.PageCodes([urljoin(base, file.url) for file in files.documentation_pages()],
                                     _serving)


def on_page_markdown(markdown, page, config, files):
    """A generated page gets its settings; a written page's own settings are escaped; a story gets its cover.
    The canonical address is the mirror's when ``column.yml`` sends readers there (set before the sitemap is written).
    """
    if page.canonical_url:
        page.canonical_url = _printed(page.canonical_url, config.site_url)
    if page.file.src_uri in _generated:
        page.meta.update(_generated[page.file.src_uri].meta())
    else:
        sanitize.escape_meta(page.meta)
    return _output.decorations.get(page.file.src_uri, ("", ""))[0] + markdown


def on_page_content(html, page, config, files):
    """A generated page's content is the HTML our templates wrote: Python-Markdown would only re-parse it.
    A story gets the events and organizations it names (our HTML, after its own was sanitized).

    (Parsing big raw-HTML blocks is ~60 % of MkDocs' time per page; links in them are
    checked by the crawler test instead of MkDocs' Markdown link validation.) Every page then goes to the
    search index, unless it is a draft or asks to be left out (the stories' lists, Material blog views with
    ``posts``, by their title only).
    """
    made = _generated.get(page.file.src_uri)
    content = made.html() if made else html + _output.decorations.get(page.file.src_uri, ("", ""))[1]
    if made or not (page.meta.get("draft") or (page.meta.get("search") or {}).get("exclude")):
        _search.add_page(page.url, page.title or "", content, made, listing=hasattr(page, "posts"),
                         description=page.meta.get("description") or "")
    return content


def on_page_context(context, page, config, nav):
    """The page's share image (``share_image``, for the theme); "编辑此页": a record's page opens its YAML,
    a written page its Markdown file. A generated page that is no record's (a list, a filter) has no file to edit.
    """
    title = _card_title(page.meta.get("title") or page.title, config)
    cover = page.meta.get("cover")
    own = page.meta.get("og_image") or (cover.get("src") if isinstance(cover, dict) else None)
    page.meta["share_image"] = _cards.image(page.url, title, own)
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
    """Write the share cards and the search index of the pages just rendered (served from the site itself)."""
    if _error_page is not None:
        return
    _cards.write(Path(config.site_dir))
    _search.write(Path(config.site_dir))
