"""Links and images staff write in Markdown (records, stories) and in ``column.yml``, checked.

Markdown is rendered with the library the site uses (so reference links and raw
HTML count too); each link or image is then looked up in the :mod:`sitemap`,
and a broken one is reported on the line where it is written. In a record, a
site link is written from the site root (``orgs/duocai/``, ``media/x.pdf``) and
an image is refused (records have image fields; their text shows none). In a
story, links follow MkDocs: relative to the Markdown file, to a source file.
"""
from __future__ import annotations

import dataclasses
import difflib
import html.parser
import posixpath
import re
from typing import Any, Iterator
from urllib.parse import unquote, urlsplit

from .config import FILE as CONFIG_FILE, Config
from .model.story import Story
from .problems import Problems
from .schema.walk import flatten
from .sitemap import Found, SiteMap
from .validate import titled
from .yamlsource import Source

_MAYBE = re.compile(r"\]\s*[(:\[]|<img|<a\s|!\[", re.I)
"""Only a text that may hold a link or an image is rendered (most hold none: ``make check`` stays fast)."""
RECORD_MARKDOWN = ["tables", "sane_lists"]
"""As ``render.markup`` renders record text."""
STORY_MARKDOWN = ["attr_list", "md_in_html", "tables"]
"""As ``mkdocs.yml`` renders pages."""
UPLOAD = "请先把文件上传到 content/ 下对应的文件夹，再核对文件名的大小写和扩展名。"


class _Collector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"a": "href", "img": "src"}.get(tag)
        value = dict(attrs).get(wanted) if wanted else None
        if value:
            self.found.append((tag, value))


def scan(text: str, extensions: list[str]) -> list[tuple[str, str]]:
    """``(tag, url)`` of every link (``a``) and image (``img``) in a Markdown text, in order."""
    if not _MAYBE.search(text):
        return []
    import markdown  # only when a text may hold a link: most runs of `make check` need no Markdown at all

    collector = _Collector()
    collector.feed(markdown.markdown(text, extensions=extensions))
    return collector.found


def site_path(url: str) -> str | None:
    """The path of a link into the site (``orgs/duocai/``); None for other sites, mail, phone and anchors."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return unquote(parts.path)


def check_records(catalog: Any, kinds: tuple[Any, ...], site: SiteMap, problems: Problems) -> None:
    """Every link and image in the Markdown fields of every record."""
    for kind in kinds:
        for record_id in catalog.records.get(kind.name, {}):
            source = catalog.sources[(kind.name, record_id)]
            for path, text in _markdown_fields(kind.schema, source.data, ()):
                for tag, url in scan(text, RECORD_MARKDOWN):
                    _record_link(source, kind.schema, path, tag, url, site, problems)


def _markdown_fields(schema: dict[str, Any], data: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _markdown_fields(schema.get("properties", {}).get(key, {}), value, path + (key,))
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from _markdown_fields(schema.get("items", {}), value, path + (n,))
    elif isinstance(data, str) and schema.get("contentMediaType") == "text/markdown":
        yield path, data


def _record_link(source: Source, schema: dict[str, Any], path: tuple, tag: str, url: str, site: SiteMap,
                 problems: Problems) -> None:
    where = (source.file, source.find_line(url, source.line(path)), titled(schema, path))
    if tag == "img":
        problems.error(*where, f"文字里的图片 {url} 不会显示：记录的文字里不能放图片",
                       f"请删掉这张图片；要在页面上展示图片，请写在{_image_fields(schema)}中（每张都要写替代文字）。")
        return
    target = site_path(url)
    if target is None:
        return
    if target.startswith("/"):
        problems.error(*where, f"站内链接 {url} 不能以 / 开头（网站可能放在子路径下）",
                       f"请从网站根目录写起，去掉开头的 /：{url.lstrip('/')}")
    elif site.find(target) is Found.MISSING:
        problems.error(*where, *_missing(target, site))


def _image_fields(schema: dict[str, Any]) -> str:
    names = [f"{f.dotted.replace('[]', '')}（{f.title}）" for f in flatten(schema)
             if "src" in (f.item or f.schema).get("properties", {})]
    return "、".join(names) if names else "图片字段"


def _missing(target: str, site: SiteMap) -> tuple[str, str]:
    if posixpath.splitext(target.rstrip("/"))[1]:
        return f"找不到链接的文件 content/{target}", UPLOAD
    close = difflib.get_close_matches(target, site.page_urls(), n=1, cutoff=0.6)
    hint = f"是不是想写 {close[0]}？" if close else "站内页面请写网址中域名后面的部分，如 events/ 或 orgs/duocai/。"
    return f"找不到链接的页面 {target}", hint


def check_stories(stories: list[tuple[Source, Story]], site: SiteMap, problems: Problems) -> None:
    """Links and images in story bodies, as MkDocs resolves them (so the strict build never warns)."""
    for source, story in stories:
        body_line = len(source.text.splitlines()) + 2
        lines = story.body.splitlines()
        for tag, url in scan(story.body, STORY_MARKDOWN):
            line = body_line + next((n for n, text in enumerate(lines) if url in text), 0)
            found = _story_link(story.src_uri, tag, url, site)
            if found:
                problems.error(story.origin.file, line, "", *found)


def _story_link(src_uri: str, tag: str, url: str, site: SiteMap) -> tuple[str, str] | None:
    target = site_path(url)
    what = "图片" if tag == "img" else "链接"
    if target is None:
        return None
    if target.startswith("/"):
        return (f"{what} {url} 不能以 / 开头（网站可能放在子路径下）",
                f"请写从本文件出发的相对路径{_relative_hint(src_uri, target.lstrip('/'), site)}。")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), target))
    if not posixpath.splitext(target.rstrip("/"))[1]:
        return (f"{what} {url} 指向一个网址，故事里要写它的源文件",
                f"请写成 {target.rstrip('/')}/index.md（即 content/{resolved}/index.md）。")
    if site.source_of(resolved) is Found.MISSING:
        return f"找不到{what}的文件 content/{resolved}", UPLOAD
    return None


def _relative_hint(src_uri: str, target: str, site: SiteMap) -> str:
    page = site.pages.get(target if target.endswith("/") or not target else target + "/")
    dest = page or (target if target in site.files else "")
    return f"，如 {posixpath.relpath(dest, posixpath.dirname(src_uri))}" if dest else ""


def check_announcement(config: Config, site: SiteMap, problems: Problems) -> None:
    """``announcement.link`` in ``column.yml`` must name a page of the site (or another site)."""
    note = config.announcement
    target = site_path(note.link) if note and note.link else None
    if target is not None and site.find(target.lstrip("/")) is Found.MISSING:
        problems.error(CONFIG_FILE, note.link_line, "announcement.link（链接）", *_missing(target.lstrip("/"), site))


@dataclasses.dataclass(frozen=True)
class Written:
    """Everything staff write links in, kept so that the build can check what ``make check`` left to it."""

    catalog: Any
    stories: list[tuple[Source, Story]]
    config: Config

    def check(self, site: SiteMap, problems: Problems) -> None:
        from .registry import KINDS

        check_records(self.catalog, KINDS, site, problems)
        check_stories(self.stories, site, problems)
        check_announcement(self.config, site, problems)
