"""Rules on training records that a schema cannot express: media, captions, chapters, series."""
from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from ..kinds import Context
from ..model.training import MIME_TYPES, Training, clock, media_type
from ..schema.training import SCHEMA
from ..validate import titled
from ..yamlsource import Source
from .refs import Ref

if TYPE_CHECKING:
    from ..catalog import Catalog

LARGE_FILE = 20 * 1024 * 1024
"""Media files above this draw a warning: slow on phones, and GitHub's web upload stops at 25 MB."""


class _Record:
    """One record being checked: reports problems at its fields."""

    def __init__(self, source: Source, ctx: Context) -> None:
        self.source, self.ctx = source, ctx

    def error(self, path: tuple[Any, ...], message: str, hint: str = "") -> None:
        self.ctx.problems.error(self.source.file, self.source.line(path), titled(SCHEMA, path), message, hint)

    def warning(self, path: tuple[Any, ...], message: str, hint: str = "") -> None:
        self.ctx.problems.warning(self.source.file, self.source.line(path), titled(SCHEMA, path), message, hint)


def check(source: Source, training: Training, ctx: Context) -> None:
    rec = _Record(source, ctx)
    if training.published > ctx.today:
        rec.error(("published",), f"发布日期 {training.published} 晚于今天 {ctx.today}", "请填写实际发布的日期。")
    if _source_shape(rec, training):
        _media_files(rec, training)
        _embed(rec, training)
    _poster(rec, training)
    _captions(rec, training)
    _transcript(rec, training)
    _chapters(rec, training)


def _source_shape(rec: _Record, t: Training) -> bool:
    """Exactly one of file and embed, and no companion field without its partner."""
    if t.file and t.embed:
        rec.error(("source",), "file（媒体文件）和 embed（嵌入播放地址）只能写一个",
                  "本站保存的文件写 file；放在视频平台上的写 embed。请删掉其中一行。")
        return False
    if not t.file and not t.embed:
        rec.error(("source",), "缺少 file（媒体文件）或 embed（嵌入播放地址）",
                  "本站保存的文件写 file；放在视频平台上的写 embed。")
        return False
    raw = rec.source.data["source"]
    for field, partner in (("fallback", "file"), ("page", "embed")):
        if field in raw and partner not in raw:
            rec.error(("source", field), f"只有写了 {partner} 时才能写 {field}", f"请删掉这一行，或改写 {partner}。")
    return True


def _media_files(rec: _Record, t: Training) -> None:
    for field, path in (("file", t.file), ("fallback", t.fallback)):
        if not path:
            continue
        where = ("source", field)
        if media_type(t.kind, path) is None:
            allowed = "、".join(ext for kind, ext in MIME_TYPES if kind == t.kind)
            other = "音频" if t.is_video else "视频"
            rec.error(where, f"{t.kind}文件应为 {allowed} 之一，实际为 {posixpath.splitext(path)[1]}",
                      f"如果这是{other}，请把 kind 改为 {other}；否则请转换格式后重新上传。")
        elif wrong := rec.ctx.file_problem(path, "媒体", "请先把文件上传到 content/media/training/，再核对文件名的大小写和扩展名。"):
            rec.error(where, *wrong)
        elif (rec.ctx.docs_dir / path).stat().st_size > LARGE_FILE:
            size = (rec.ctx.docs_dir / path).stat().st_size // (1024 * 1024)
            rec.warning(where, f"媒体文件有 {size} MB，手机上加载慢，也会让仓库越来越大",
                        "较长的课程请上传到视频平台，再用 embed 嵌入；或降低分辨率和码率后重新上传。")


def _embed(rec: _Record, t: Training) -> None:
    if not t.embed:
        return
    allowed = rec.ctx.config.embed_hosts
    if not t.embed.url.startswith("https://"):
        rec.error(("source", "embed"), "嵌入播放地址应以 https:// 开头",
                  "本站用 https 发布，http 的播放器会被浏览器拦截；请把开头改为 https://。")
    elif t.embed.host not in allowed:
        rec.error(("source", "embed"),
                  f"不允许嵌入 {t.embed.host or '（无域名）'} 的播放器；允许的平台：{'、'.join(allowed) or '（无）'}",
                  "请使用平台“分享 → 嵌入代码”中的地址；如需新增平台，请在 column.yml 的 training.embed_hosts 中添加。")


def _poster(rec: _Record, t: Training) -> None:
    if t.poster:
        rec.ctx.check_image(rec.source, ("poster",), t.poster)
    elif t.is_video:
        rec.error(("poster",) if "poster" in rec.source.data else (), "视频需要封面图 poster（封面图）",
                  "请添加 poster，写图片路径 src 和替代文字 alt；图片放在 content/media/training/。")


def _captions(rec: _Record, t: Training) -> None:
    if not t.captions:
        if t.is_video and t.speech and t.file and not t.embed:
            rec.error((), "有人讲话的视频必须配字幕 captions（字幕文件）",
                      "请把 WebVTT 字幕（.vtt）上传到 content/media/training/，再写 captions: 它的路径；"
                      "视频里没有人讲话时写 speech: false。")
        return
    if not (t.is_video and t.file):
        rec.warning(("captions",), "字幕只用于本站保存的视频，这里不会显示", "音频和嵌入的视频请把文字写在 transcript（文字稿）中。")
        return
    wrong = rec.ctx.file_problem(t.captions, "字幕", "请先把 .vtt 文件上传到 content/media/training/，再核对文件名的大小写。")
    if wrong:
        rec.error(("captions",), *wrong)
    elif not _first_bytes(rec.ctx.docs_dir / t.captions, 9).removeprefix(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
        rec.error(("captions",), f"字幕文件 content/{t.captions} 不是 WebVTT 格式：第一行应为 WEBVTT",
                  "用记事本打开确认第一行是 WEBVTT；.srt 字幕请先用字幕工具转换为 .vtt。")


def _first_bytes(path: Path, count: int) -> bytes:
    """The start of a regular file the gate let through (never the whole of it)."""
    with path.open("rb") as file:
        return file.read(count)


def _transcript(rec: _Record, t: Training) -> None:
    """Audio without a transcript is refused by the schema; an embedded video without one draws a warning."""
    if not t.transcript and t.is_video and t.embed and t.speech:
        rec.warning(("source", "embed"), "嵌入的视频无法附加本站字幕，建议填写 transcript（文字稿）",
                    "把讲话的文字写在 transcript 中，会显示在播放器下方。")


def _chapters(rec: _Record, t: Training) -> None:
    previous = None
    for n, chapter in enumerate(t.chapters):
        where = ("chapters", n, "time")
        if chapter.start >= t.duration:
            rec.error(where, f"章节开始时间 {chapter.label} 不在时长 {t.duration_label} 之内",
                      "请核对开始时间，或更正 duration（时长）。")
        elif previous is not None and chapter.start <= previous:
            rec.error(where, f"章节应按时间先后排列：{chapter.label} 不晚于上一章节的 {clock(previous)}",
                      "请按开始时间从早到晚排列章节，并核对时间。")
        previous = chapter.start


def references(training: Training, kinds: Iterable[str]) -> list[Ref]:
    """Ids this training names; events only once the event kind exists (it is being built in parallel)."""
    refs = [Ref(("provider",), "org", training.provider)] if training.provider else []
    refs += [Ref(("orgs", n), "org", org_id) for n, org_id in enumerate(training.orgs)]
    if "event" in kinds:
        refs += [Ref(("events", n), "event", event_id) for n, event_id in enumerate(training.events)]
    return refs


def cross_check(catalog: Catalog, ctx: Context) -> None:
    """Episodes of one series share a topic (the list groups by topic) and have distinct numbers."""
    first: dict[str, Training] = {}
    taken: dict[tuple[str, int], Training] = {}
    for t in sorted(catalog.records.get("training", {}).values(), key=lambda t: t.id):
        if not t.series:
            continue
        rec = _Record(catalog.sources[("training", t.id)], ctx)
        head = first.setdefault(t.series.name, t)
        if head.topic != t.topic:
            rec.error(("topic",), f"与同一系列的 {head.origin.file} 主题不同（{t.topic} 与 {head.topic}）",
                      "同一系列的每一集请选择相同的主题。")
        other = taken.setdefault((t.series.name, t.series.order), t)
        if other is not t:
            rec.error(("series", "order"), f"系列“{t.series.name}”的第 {t.series.order} 集已是 {other.origin.file}",
                      "请核对集数，同一系列中每一集的集数不能重复。")
