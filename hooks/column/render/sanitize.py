"""The one HTML allowlist: what staff- and organization-written HTML may keep on the site.

Two sources of HTML are written by many hands: Markdown fields inside records
(``render.markup``) and hand-written pages, above all the stories organizations send
in by pull request (Markdown that Python-Markdown lets raw HTML through). Both are
cleaned here by nh3 (the Rust ammonia allowlist sanitizer): no script, style, frame,
form, event handler, ``javascript:`` or ``data:`` link survives, whether written plainly,
with entities or in SVG. Pages may keep a little more than record fields (headings of
every level with their anchors, the site's own images, collapsible details), never more.

MkDocs renders hand-written pages, and Material's blog renders the story excerpts of the
story lists with Markdown instances of its own; :class:`PageSanitizer` is a Markdown
extension, so every one of those instances cleans its output last.
"""
from __future__ import annotations

import re
from typing import Any, Callable

import nh3
from markupsafe import Markup, escape
from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

URL_SCHEMES = {"http", "https", "mailto", "tel"}
"""The only link schemes a reader can be sent to."""

RECORD_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre",
    "h3", "h4", "h5", "h6", "a", "hr", "table", "thead", "tbody", "tr", "th", "td", "del", "sup", "sub",
}
RECORD_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}

PAGE_TAGS = RECORD_TAGS | {"h1", "h2", "img", "figure", "figcaption", "details", "summary", "span", "div",
                           "dl", "dt", "dd", "caption", "mark", "small", "abbr", "button"}
PAGE_ATTRIBUTES = {
    **RECORD_ATTRIBUTES, "img": {"src", "alt", "title", "width", "height", "loading"}, "abbr": {"title"},
    **{f"h{n}": {"id"} for n in range(1, 7)}, "th": {"align", "colspan", "rowspan"}, "td": {"align", "colspan", "rowspan"},
    "button": {"type", "aria-pressed", "hidden", "data-col-staff-switch"}, "span": {"role", "data-col-staff-state"},
}
PAGE_CLASSES = {"img": {"col-story__cover"}, "a": {"toclink"}, "button": {"md-button"},
                "code": {f"language-{name}" for name in ("yaml", "text", "bash", "json", "markdown", "html", "python")}}
"""Classes a page keeps: the story cover the column itself puts in (``render.stories``), the blog's title
links, the language of a code block (the guide's examples), the guide's switch for staff (``modes.js`` binds it;
a button without a handler of its own does nothing)."""
ESCAPED_META = ("title", "description")
"""Front matter the theme prints into the page without escaping it."""

MORE = "<!-- more -->"
"""Material's excerpt separator: a comment, kept so that the story lists can still cut the excerpt."""

_ANCHOR = re.compile(r"[A-Za-z0-9_-]{1,80}")
_SCHEME = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+.-]*:|^\s*//")

_record = nh3.Cleaner(tags=RECORD_TAGS, attributes=RECORD_ATTRIBUTES, url_schemes=URL_SCHEMES,
                      link_rel="noopener noreferrer nofollow")


def _page_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Images only from the site itself (no request to another host); anchors never the theme's own ``__`` ids."""
    if tag == "img" and attribute == "src":
        return None if _SCHEME.match(value) else value
    if attribute == "id":
        return value if _ANCHOR.fullmatch(value) and not value.startswith("__") else None
    return value


_page = nh3.Cleaner(tags=PAGE_TAGS, attributes=PAGE_ATTRIBUTES, allowed_classes=PAGE_CLASSES,
                    url_schemes=URL_SCHEMES, attribute_filter=_page_attribute, link_rel=None)


def record_html(html: str, attribute_filter: Callable[[str, str, str], str | None] | None = None) -> str:
    """HTML rendered from a Markdown field of a record, cleaned; ``attribute_filter`` may rewrite what is kept."""
    if attribute_filter is None:
        return _record.clean(html)
    return nh3.clean(html, tags=RECORD_TAGS, attributes=RECORD_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener noreferrer nofollow", attribute_filter=attribute_filter)


def page_html(html: str) -> str:
    """HTML rendered from a hand-written page (a story), cleaned; the excerpt separator stays."""
    return MORE.join(_page.clean(part) for part in html.split(MORE))


class _Clean(Postprocessor):
    def run(self, text: str) -> str:
        return page_html(text)


class PageSanitizer(Extension):
    """Cleans the HTML of every page Python-Markdown renders, after every other step."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.postprocessors.register(_Clean(md), "column_sanitize", 0)


def escape_meta(meta: dict[str, Any]) -> None:
    """Escape a written page's title and description in place (once: escaped text is ``Markup``)."""
    for key in ESCAPED_META:
        if isinstance(meta.get(key), str):
            meta[key] = escape(meta[key]) if not isinstance(meta[key], Markup) else meta[key]
