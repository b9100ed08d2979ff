"""What a published file may be: its extension, its size and what its first bytes say it is.

Every file under ``content/`` is published as it is, on the site's own origin, and the
host serves it with the type its extension names. A file whose bytes are something else
(an HTML page saved as ``.jpg``, a script as ``.svg``…) would reach readers as that other
thing, so each extension here carries the signature its bytes must start with. The table
is small on purpose: only what a staff member, an organization or a page of ours needs.
"""
from __future__ import annotations

import dataclasses
from typing import Callable

KB, MB = 1024, 1024 * 1024


@dataclasses.dataclass(frozen=True)
class FileType:
    """One kind of file the site publishes."""

    label: str
    """What staff call it, e.g. ``JPEG 图片``."""
    limit: int
    """Largest size accepted, in bytes."""
    matches: Callable[[bytes], bool]
    """True when the file's first bytes are this type (text types check the whole text)."""
    text: bool = False
    """Checked as UTF-8 text (the whole file is read), not by a signature."""


def _starts(*magics: bytes) -> Callable[[bytes], bool]:
    return lambda head: head.startswith(magics)


def _riff(form: bytes) -> Callable[[bytes], bool]:
    return lambda head: head[:4] == b"RIFF" and head[8:12] == form


def _mp4(head: bytes) -> bool:
    return head[4:8] == b"ftyp"


def _mp3(head: bytes) -> bool:
    return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


def _svg(head: bytes) -> bool:
    """An SVG is XML text whose root is ``<svg``; the sanitizer (``render.sanitize``) parses it fully."""
    return b"<svg" in head[:4096] and b"\x00" not in head[:4096]


def _utf8(head: bytes) -> bool:
    return b"\x00" not in head


def _vtt(head: bytes) -> bool:
    return head.removeprefix(b"\xef\xbb\xbf").startswith(b"WEBVTT")


_JPEG = FileType("JPEG 图片", 10 * MB, _starts(b"\xff\xd8\xff"))
_PNG = FileType("PNG 图片", 10 * MB, _starts(b"\x89PNG\r\n\x1a\n"))
_GIF = FileType("GIF 图片", 10 * MB, _starts(b"GIF87a", b"GIF89a"))
_WEBP = FileType("WebP 图片", 10 * MB, _riff(b"WEBP"))
_SVG = FileType("SVG 矢量图", 1 * MB, _svg)
_MEDIA_LIMIT = 100 * MB
"""GitHub refuses files over 100 MB; longer recordings belong on a video platform (``embed``)."""

IMAGES: dict[str, FileType] = {".jpg": _JPEG, ".jpeg": _JPEG, ".png": _PNG, ".gif": _GIF, ".webp": _WEBP, ".svg": _SVG}
MEDIA: dict[str, FileType] = {
    ".mp3": FileType("MP3 音频", _MEDIA_LIMIT, _mp3),
    ".m4a": FileType("M4A 音频", _MEDIA_LIMIT, _mp4),
    ".mp4": FileType("MP4 视频", _MEDIA_LIMIT, _mp4),
    ".webm": FileType("WebM 视频", _MEDIA_LIMIT, _starts(b"\x1aE\xdf\xa3")),
    ".ogg": FileType("Ogg 音频", _MEDIA_LIMIT, _starts(b"OggS")),
    ".oga": FileType("Ogg 音频", _MEDIA_LIMIT, _starts(b"OggS")),
    ".opus": FileType("Opus 音频", _MEDIA_LIMIT, _starts(b"OggS")),
    ".vtt": FileType("WebVTT 字幕", 1 * MB, _vtt, text=True),
    ".pdf": FileType("PDF 文档", 20 * MB, _starts(b"%PDF-")),
}
CODE: dict[str, FileType] = {
    ".css": FileType("CSS 样式表", 1 * MB, _utf8, text=True),
    ".js": FileType("JavaScript 脚本", 1 * MB, _utf8, text=True),
}
MARKDOWN = ".md"
MARKDOWN_LIMIT = 1_000_000
"""Largest Markdown page accepted, as for a record file (``yamlsource.MAX_BYTES``)."""
OTHER_MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn")
"""Extensions MkDocs would also render as pages: refused, so every page is a checked ``.md`` file."""

ASSETS = "assets"
"""``content/assets/``: the site's own styles and scripts (developers'), the only place code may be published."""


def allowed(folder: str, suffix: str) -> FileType | None:
    """The type of a file with ``suffix`` under the top-level ``folder`` of ``content/`` (None: not allowed)."""
    if folder == ASSETS and suffix in CODE:
        return CODE[suffix]
    return IMAGES.get(suffix) or MEDIA.get(suffix)


def identify(head: bytes) -> str | None:
    """What the bytes are, by signature (for a message when they are not what the extension says)."""
    for table in (IMAGES, MEDIA):
        for found in table.values():
            if not found.text and found.matches(head):
                return found.label
    return None


def size_label(limit: int) -> str:
    """``1000 KB`` for a record's 1,000,000 bytes, ``100 MB`` for a video's 100 MiB."""
    return f"{limit // MB} MB" if limit % MB == 0 else f"{limit // 1000} KB"
