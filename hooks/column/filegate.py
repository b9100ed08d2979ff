"""The one gate for files: every file the build reads or publishes passes here first.

Records, stories, ``column.yml`` and everything under ``content/`` that MkDocs would
copy to the site are checked before anything reads them. A file must

- be a regular file: not a folder, pipe or device (reading a pipe hangs the build,
  ``/dev/zero`` never ends);
- not be a symlink, nor sit in a folder that is one: the site never reads or publishes
  through a link, even one that stays inside the project (see the staff guide, 图片);
  a link to ``/proc/self/environ`` would otherwise publish the build machine's secrets;
- stay within its size limit, and be read no further than that limit;
- for what is published, have an allowed extension and hold what that extension says.

Every refusal is a Chinese message naming the file, collected with all other problems.
"""
from __future__ import annotations

import dataclasses
import os
import stat
from pathlib import Path, PurePosixPath
from typing import Iterator

from . import filetypes, svgclean
from .problems import Problems

_KINDS = ((stat.S_ISDIR, "文件夹"), (stat.S_ISFIFO, "命名管道"), (stat.S_ISCHR, "设备文件"),
          (stat.S_ISBLK, "设备文件"), (stat.S_ISSOCK, "套接字"))
_EXCLUDED_TOP = ("templates",)
"""Folders of the docs dir MkDocs never publishes (with names starting with a dot)."""
_ANY_SIZE = 1 << 62
"""While walking, sizes are not checked yet: each kind has its own limit (``filetypes``)."""
_REPLACE_HINT = "请删除它，把真正的文件放在这里（在 GitHub 网页上用 Add file → Upload files 上传）。"


@dataclasses.dataclass(frozen=True)
class Refusal:
    message: str
    hint: str
    missing: bool = False
    """Nothing at all is there (callers name the file they looked for)."""


def refusal(path: Path, limit: int, too_large_hint: str = "") -> Refusal | None:
    """Why ``path`` may not be read (None when it may): a symlink, not a regular file, too large."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return Refusal("找不到这个文件", "请核对文件名的大小写和扩展名。", missing=True)
    except OSError as exc:
        return Refusal(f"无法读取这个文件（{exc.strerror}）", _REPLACE_HINT)
    if stat.S_ISLNK(info.st_mode):
        return _symlink(path)
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _KINDS if test(info.st_mode)), "特殊文件")
        return Refusal(f"不是普通文件（是{kind}）", _REPLACE_HINT)
    if info.st_size > limit:
        return _too_large(info.st_size, limit, too_large_hint)
    return None


def _symlink(path: Path) -> Refusal:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    dangling = "，指向的文件不存在" if not os.path.exists(path) else ""
    return Refusal(f"是符号链接（指向 {target}{dangling}）：网站不读取、也不发布符号链接",
                   "请删除这个链接，在这里放一份真正的文件（网站只读取、只发布项目里的普通文件）。")


def _too_large(size: int, limit: int, hint: str) -> Refusal:
    return Refusal(f"文件过大（{size // 1024} KB），上限为 {filetypes.size_label(limit)}",
                   hint or "请压缩后重新上传。")


def read(path: Path, name: str, problems: Problems, *, limit: int, too_large_hint: str = "") -> bytes | None:
    """The bytes of ``path`` (shown to staff as ``name``), or None after recording why not.

    The file is opened without following links and without blocking, checked again once
    open (it may have been swapped meanwhile), and read no further than ``limit``.
    """
    why = refusal(path, limit, too_large_hint)
    if why:
        problems.error(name, None, "", why.message, why.hint)
        return None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        problems.error(name, None, "", f"无法读取这个文件（{exc.strerror}）",
                       "请确认文件有读取权限（chmod 644），或删除后重新上传。")
        return None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        data = file.read(limit + 1) if stat.S_ISREG(info.st_mode) else None
    if data is None or len(data) > limit:
        why = Refusal("不是普通文件", _REPLACE_HINT) if data is None else _too_large(info.st_size, limit, too_large_hint)
        problems.error(name, None, "", why.message, why.hint)
        return None
    return data


def folder_refusal(folder: Path, root: Path) -> Refusal | None:
    """Why the listed ``folder`` may not be read: it, or a folder between it and ``root``, is a symlink."""
    real_root = Path(os.path.realpath(root))
    try:
        expected = real_root / folder.relative_to(root)
    except ValueError:
        return Refusal("不在项目文件夹之内", "请只使用项目里的文件。")
    if Path(os.path.realpath(folder)) != expected:
        link = next((p for p in (folder, *folder.parents) if p.is_symlink()), folder)
        return _symlink(link)
    return None


@dataclasses.dataclass(frozen=True)
class Docs:
    """What the docs dir holds, once every file in it passed the gate."""

    markdown: tuple[Path, ...]
    """The ``.md`` pages (stories and hand-written pages), for their own checks."""
    published: dict[str, bytes | None]
    """Every other file MkDocs will copy, by docs-dir path (``images/orgs/x.png``); for an SVG, the
    sanitized bytes to publish instead of the file's own (None: the file is published as it is)."""


def check_docs(docs_dir: Path, root: Path, problems: Problems) -> Docs:
    """Walk the docs dir as MkDocs will, refusing what must not be read or published."""
    markdown: list[Path] = []
    published: dict[str, bytes | None] = {}
    why = folder_refusal(docs_dir, root) if docs_dir.is_symlink() or docs_dir.exists() else None
    if why:
        problems.error(_shown(docs_dir, root), None, "", "文件夹" + why.message, why.hint)
    if why or not docs_dir.is_dir():
        return Docs((), {})
    for path in _walk(docs_dir, root, problems):
        relative = PurePosixPath(path.relative_to(docs_dir).as_posix())
        if path.suffix.lower() == filetypes.MARKDOWN:
            markdown.append(path)
            continue
        checked = _published(path, relative, _shown(path, root), problems)
        if checked is not None:
            published[relative.as_posix()] = checked if path.suffix.lower() == ".svg" else None
    return Docs(tuple(markdown), published)


def _walk(top: Path, root: Path, problems: Problems) -> Iterator[Path]:
    """Regular files under ``top`` that MkDocs would see, in name order; links and others are reported."""
    def unreadable(exc: OSError) -> None:
        if not isinstance(exc, FileNotFoundError):  # a folder removed while walking is simply gone
            problems.error(_shown(Path(exc.filename), root), None, "", f"无法读取这个文件夹（{exc.strerror}）",
                           "请确认文件夹有读取权限（chmod 755），或删除后重新上传其中的文件。")

    for folder, dirs, files in os.walk(top, followlinks=False, onerror=unreadable):
        here = Path(folder)
        kept = []
        for name in sorted(dirs):
            path = here / name
            if name.startswith(".") or (here == top and name in _EXCLUDED_TOP):
                continue
            if path.is_symlink():
                why = _symlink(path)
                problems.error(_shown(path, root), None, "", "文件夹" + why.message, why.hint)
            else:
                kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            path = here / name
            if name.startswith("."):
                continue
            why = refusal(path, limit=_ANY_SIZE)
            if why:
                problems.error(_shown(path, root), None, "", why.message, why.hint)
            else:
                yield path


def _published(path: Path, relative: PurePosixPath, name: str, problems: Problems) -> bytes | None:
    """The bytes of a file MkDocs copies (an SVG's sanitized), once its extension, size and bytes agree."""
    suffix = path.suffix.lower()
    if suffix in filetypes.OTHER_MARKDOWN:
        problems.error(name, None, "", f"页面文件的扩展名应为 .md，实际为 {suffix}",
                       f"请把文件改名为 {path.stem}.md；其他扩展名的页面不会经过检查，因此不能发布。")
        return None
    kind = filetypes.allowed(relative.parts[0] if len(relative.parts) > 1 else "", suffix)
    if kind is None:
        problems.error(name, None, "", f"content/ 中不能发布扩展名为 {suffix or '（无）'} 的文件",
                       "图片请用 .jpg、.png、.webp、.gif 或 .svg；音视频用 .mp3、.m4a、.mp4 或 .webm，字幕用 .vtt，"
                       "文档用 .pdf；网页请写成 .md 故事，或写进记录。")
        return None
    data = read(path, name, problems, limit=kind.limit, too_large_hint=_LARGE_HINT)
    if data is None:
        return None
    if not kind.matches(data[:4096]) or (kind.text and not decodes(data)):
        actual = filetypes.identify(data[:64])
        problems.error(name, None, "", f"文件内容与扩展名 {suffix} 不符：应为{kind.label}，实际"
                       + (f"是{actual}" if actual else "不是可识别的图片、音视频或文档"),
                       f"请改为与内容相符的扩展名，或用图片、音视频工具重新导出为{kind.label}后上传。")
        return None
    return _svg(data, name, problems) if suffix == ".svg" else data


def _svg(data: bytes, name: str, problems: Problems) -> bytes | None:
    clean = svgclean.clean(data)
    if clean is None:
        problems.error(name, None, "", "SVG 文件无法解析（不是完整的 SVG 矢量图）",
                       "请用绘图软件重新导出为 SVG，或改用 PNG、JPEG 图片。")
    return clean


_LARGE_HINT = "照片请压缩到宽 1600 像素以内；较长的音视频请上传到视频平台，在培训记录中用 embed 嵌入。"


def decodes(data: bytes, encoding: str = "utf-8") -> bool:
    """True when ``data`` is text in ``encoding``."""
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def site_file(docs_dir: Path, relative: str) -> Refusal | None:
    """Why the file a record names (``images/orgs/x.png``) may not be shown: outside ``content/``, a link…"""
    path = PurePosixPath(relative)
    if not path.parts or path.is_absolute() or ".." in path.parts or "\\" in relative:
        return Refusal("路径离开了 content/ 文件夹（不能含 ..，不能以 / 开头）",
                       "请写 content/ 之下的路径，如 images/orgs/duocai.jpg，并把文件放在那里。")
    return refusal(docs_dir / relative, _ANY_SIZE)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
