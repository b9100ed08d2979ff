"""``make linkcheck``: every internal link, image, script and stylesheet of the built site leads somewhere.

Read from the files of ``site/`` (no server): each link is resolved against its
page's address under the path of ``site_url``, as a browser does; it must name a
file of the site (a folder: its ``index.html``) and, with a ``#fragment``, an id on
that page. Links to other hosts are not followed (readers' pages never need them).
"""
from __future__ import annotations

import html.parser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit


class Links(html.parser.HTMLParser):
    """The ``href`` and ``src`` of one page (not its canonical and alternate addresses), and its ids."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for key in ("href", "src"):
            if attrs.get(key) and not (tag == "link" and attrs.get("rel") in ("canonical", "alternate")):
                self.links.append(attrs[key])


def parse(text: str) -> Links:
    parser = Links()
    parser.feed(text)
    return parser


def check(site_dir: Path, site_url: str) -> list[str]:
    """Every broken link of the site in ``site_dir`` published at ``site_url``, as Chinese sentences."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    pages = {_url(base, site_dir, f): parse(f.read_text(encoding="utf-8")) for f in sorted(site_dir.rglob("*.html"))}
    broken = []
    for page, found in pages.items():
        for link in found.links:
            problem = _follow(base, site_dir, page, link, pages)
            if problem:
                broken.append(f"{page[len(base) - 1:]}：链接 {link} {problem}")
    return broken


def _url(base: str, site_dir: Path, file: Path) -> str:
    relative = file.relative_to(site_dir).as_posix()
    return base + (relative[:-len("index.html")] if relative.endswith("index.html") else relative)


def _follow(base: str, site_dir: Path, page: str, link: str, pages: dict[str, Links]) -> str | None:
    """Why ``link`` on ``page`` leads nowhere, or None."""
    target, fragment = urldefrag(urljoin(page, link))
    if urlsplit(target).scheme not in ("http", "https") or urlsplit(target).netloc != urlsplit(base).netloc:
        return None
    if not target.startswith(base) and target + "/" != base:
        return "离开了网站所在的路径（站点发布在子路径下时会失效）"
    relative = unquote(urlsplit(target).path)[len(urlsplit(base).path):]
    file = site_dir / relative
    if file.is_dir():
        file, target = file / "index.html", target if target.endswith("/") else target + "/"
    if not file.is_file():
        return "指向的文件不存在"
    if fragment and target in pages and fragment not in pages[target].ids:
        return f"指向的页面中没有 #{fragment} 这个位置"
    return None
