"""What every page carries for sharing: Open Graph tags and a QR code of its own address.

The theme (``overrides/main.html``) calls these through globals the adapter
registers; they take plain strings, so they work for generated pages, stories
and hand-written pages alike. The QR code is made at build time (segno, no
script library) and shown only on wide screens, captioned 扫一扫在手机打开当前页.
"""
from __future__ import annotations

import functools
import html
from typing import Any, Callable

from markupsafe import Markup, escape

from .. import background
from . import qr, urls

QR_CAPTION = "扫一扫在手机打开当前页"
PREVIEW_MARK = "预览，请勿打印"
"""Shown on QR codes and posters made by ``make serve``: they encode the preview address."""
DEFAULT_IMAGE = "assets/images/share.png"
"""Image for pages that have none of their own (a QR code of the home page, made at build time)."""
_ABSOLUTE = ("http://", "https://")


def image_url(site_url: str, image: str | None) -> str:
    """Absolute URL of a page's image (a docs-dir path or an absolute URL), else the site's default.

    An SVG (most logos) is replaced by the default: WeChat and search engines show only raster images.
    """
    if image and image.lower().endswith(".svg"):
        image = None
    if image and image.startswith(_ABSOLUTE):
        return image
    return urls.absolute(site_url, (image or DEFAULT_IMAGE).lstrip("/"))


def head(page_url: str, title: str, description: str, image: str | None, site_url: str, site_name: str,
         kind: str | None = None) -> Markup:
    """Open Graph and Twitter-card ``<meta>`` tags for one page; every value escaped exactly once.

    ``title`` and ``description`` may come escaped already (generated pages escape their
    front matter for Material), so they are unescaped first.
    """
    tags = {
        "og:type": kind or ("website" if page_url == site_url else "article"),
        "og:site_name": site_name, "og:title": html.unescape(title),
        "og:description": html.unescape(description or title),
        "og:url": page_url, "og:image": image_url(site_url, image), "og:image:alt": html.unescape(title),
        "og:locale": "zh_CN",
    }
    lines = [f'<meta property="{key}" content="{escape(value)}">' for key, value in tags.items()]
    lines.append('<meta name="twitter:card" content="summary">')
    return Markup("\n".join(lines))


def qr_figure(page_url: str, svg: str | None = None, preview: bool = False) -> Markup:
    """The wide-screen QR code of ``page_url``: inline SVG (its own markup, nothing from staff) and caption."""
    caption = f"{PREVIEW_MARK}（二维码是预览地址）" if preview else QR_CAPTION
    return Markup('<aside class="col-share" aria-label="{caption}">'
                  '<figure class="col-share__qr">{svg}<figcaption>{caption}</figcaption></figure></aside>'
                  ).format(caption=caption, svg=Markup(svg or qr_svg(page_url)))


def qr_svg(page_url: str) -> str:
    return qr.svg(qr.make_for_screen(page_url), QR_CAPTION).decode("utf-8")


class Ahead:
    """Values made ahead in another process (``column.background``) while pages render, in batches in the
    order they will be asked for, so a page rarely waits; a key not in the list is made on the spot."""

    BATCH = 200

    def __init__(self, keys: list[Any], make: Callable[[Any], Any]) -> None:
        batches = [keys[i:i + self.BATCH] for i in range(0, len(keys), self.BATCH)]
        self._pending = background.start_all([functools.partial(_made, make, batch) for batch in batches])
        self._batch_of = {key: n for n, batch in enumerate(batches) for key in batch}
        self._make, self._made = make, {}

    def get(self, key: Any) -> Any:
        batch = self._batch_of.get(key)
        if batch is not None and key not in self._made:
            self._made.update(self._pending[batch].result())
        return self._made[key] if key in self._made else self._make(key)


def _made(make: Callable[[Any], Any], keys: list[Any]) -> dict[Any, Any]:
    return {key: make(key) for key in keys}


class PageCodes:
    """Every page's QR code, made ahead while MkDocs renders the pages (in the order of ``page_urls``)."""

    def __init__(self, page_urls: list[str], preview: bool = False) -> None:
        self._codes, self._preview = Ahead(page_urls, qr_svg), preview

    def figure(self, page_url: str) -> Markup:
        return qr_figure(page_url, self._codes.get(page_url), self._preview)


def default_image(site_url: str) -> bytes:
    """The default share image: a PNG QR code of the home page (WeChat and others need a raster image)."""
    return qr.png(qr.make(site_url))
