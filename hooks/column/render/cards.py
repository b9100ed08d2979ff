"""Share cards: a raster picture for every page, which WeChat shows when the page is sent to a chat.

WeChat (without its JS-SDK) takes the page's ``<title>`` and the first image of at least
300×300 px in the body; other apps read ``og:image``. Both must be raster, never SVG.
A page whose record has a raster picture of that size uses it; every other page gets a
card drawn here at build time (Pillow): the page's title in Chinese on the column's
colour, and the column's name, in Noto Sans CJK from Debian's ``fonts-noto-cjk``
(``COLUMN_CARD_FONT`` names another font file). Each character is drawn once and
pasted after that: titles share most characters, so a card costs a few milliseconds.
"""
from __future__ import annotations

import functools
import html
import io
import os
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .share import Ahead

SIZE = 400
"""Width and height in pixels (WeChat needs at least 300 × 300)."""
NAME = "share.jpg"
"""A page's card, beside its ``index.html``."""
FONTS = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",  # Debian, Ubuntu: fonts-noto-cjk
         "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",  # Arch, openSUSE
         "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc",  # Fedora
         "/System/Library/Fonts/PingFang.ttc")  # macOS
_SC = {"NotoSansCJK-Bold.ttc": 2}
"""Which face of a font collection is Simplified Chinese (Noto: JP, KR, SC, TC…)."""
BACKGROUND, INK, SOFT = (140, 29, 69), (255, 255, 255), (255, 214, 228)
MARGIN, TITLE_PX, NAME_PX, MAX_LINES = 32, 44, 24, 4


class FontMissing(Exception):
    """No Chinese font to draw the share cards with."""

    def __str__(self) -> str:
        return ("找不到绘制分享图片用的中文字体（" + "、".join(FONTS) + "）。\n"
                "  提示：请运行 sudo apt-get install fonts-noto-cjk（或 make system-deps），"
                "或设置环境变量 COLUMN_CARD_FONT=中文字体文件的路径。")


def font_file() -> tuple[str, int]:
    """The font file and face to draw with; raises :class:`FontMissing`."""
    wanted = os.environ.get("COLUMN_CARD_FONT")
    for path in ([wanted] if wanted else FONTS):
        if Path(path).is_file():
            return path, _SC.get(Path(path).name, 0)
    raise FontMissing()


class _Glyphs:
    """One font size: each character drawn once as a mask, then pasted."""

    def __init__(self, font: ImageFont.FreeTypeFont) -> None:
        self.font, self.height, self._masks = font, int(font.size * 1.4), {}

    def mask(self, char: str) -> tuple[Image.Image, float]:
        if char not in self._masks:
            advance = self.font.getlength(char)
            mask = Image.new("L", (int(advance) + 2, self.height))
            ImageDraw.Draw(mask).text((0, 0), char, font=self.font, fill=255)
            self._masks[char] = (mask, advance)
        return self._masks[char]

    def lines(self, text: str, width: int) -> list[list[str]]:
        """``text`` broken into lines of at most ``width`` pixels (Chinese breaks between any characters)."""
        lines, line, used = [], [], 0.0
        for char in text:
            advance = self.mask(char)[1]
            if line and used + advance > width:
                lines.append(line)
                line, used = [], 0.0
            line.append(char)
            used += advance
        return lines + [line] if line else lines

    def draw(self, image: Image.Image, line: list[str], x: float, y: int, colour: tuple[int, int, int]) -> None:
        for char in line:
            mask, advance = self.mask(char)
            image.paste(colour, (int(x), y), mask)
            x += advance


@functools.lru_cache(maxsize=1)
def _glyphs() -> tuple[_Glyphs, _Glyphs]:
    path, face = font_file()
    return (_Glyphs(ImageFont.truetype(path, TITLE_PX, index=face)),
            _Glyphs(ImageFont.truetype(path, NAME_PX, index=face)))


def card(title: str, site_name: str) -> bytes:
    """A JPEG card: ``title`` (at most five lines, then …) above ``site_name`` on the column's colour."""
    big, small = _glyphs()
    image = Image.new("RGB", (SIZE, SIZE), BACKGROUND)
    lines = big.lines(" ".join(title.split()), SIZE - 2 * MARGIN)
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES - 1] + [lines[MAX_LINES - 1][:-1] + ["…"]]
    for n, line in enumerate(lines):
        big.draw(image, line, MARGIN, MARGIN + n * big.height, INK)
    image.paste(SOFT, (MARGIN, SIZE - MARGIN - small.height - 12, MARGIN + 48, SIZE - MARGIN - small.height - 8))
    small.draw(image, small.lines(site_name, SIZE - 2 * MARGIN)[0], MARGIN, SIZE - MARGIN - small.height, SOFT)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def raster_size(path: Path) -> tuple[int, int] | None:
    """Pixel size of a PNG or JPEG file (read from its header only); None for SVG or anything else."""
    if path.suffix.lower() not in (".png", ".jpg", ".jpeg") or not path.is_file():
        return None
    with Image.open(path) as image:
        return image.size


def usable(path: Path) -> bool:
    """Whether a record's own picture can be the share image: raster, at least 300 × 300."""
    size = raster_size(path)
    return bool(size and min(size) >= 300)


def card_title(title: str, site_name: str, description: str) -> str:
    """What a page's card says: its title; the home page (titled with the column's name) its description."""
    title = html.unescape(title or "").strip()
    return html.unescape(description) if (not title or title == site_name) and description else title or site_name


class Cards:
    """Every page's share image: its record's own raster picture when it has one, else a card.

    Cards of the pages known before rendering are drawn ahead in another process
    (``share.Ahead``); the others when the build writes them (:meth:`write`).
    """

    def __init__(self, docs_dir: Path, site_name: str, known: list[tuple[str, str]]) -> None:
        """``known``: (page URL, card title) of the pages known now, in the order they will render."""
        self._docs, self._site_name = docs_dir, site_name
        self._ahead = Ahead(known, self._draw)
        self._wanted: dict[str, tuple[str, str]] = {}

    def _draw(self, key: tuple[str, str]) -> bytes:
        return card(key[1], self._site_name)

    def image(self, page_url: str, title: str, own: str | None = None) -> str:
        """The docs-relative path of the page's share image; a card is written by :meth:`write`."""
        if own and usable(self._docs / own.lstrip("/")):
            return own.lstrip("/")
        path = page_url + NAME if page_url.endswith("/") or not page_url else page_url.rsplit("/", 1)[0] + "/" + NAME
        self._wanted[path] = (page_url, title)
        return path

    def write(self, site_dir: Path) -> None:
        for path, key in self._wanted.items():
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self._ahead.get(key))
