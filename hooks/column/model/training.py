"""The online-training record, normalized: one video or audio lesson."""
from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
from typing import Any
from urllib.parse import urlsplit

from .common import Image, Origin, date, image

MIME_TYPES = {
    ("视频", ".webm"): "video/webm", ("视频", ".mp4"): "video/mp4",
    ("音频", ".mp3"): "audio/mpeg", ("音频", ".m4a"): "audio/mp4", ("音频", ".ogg"): "audio/ogg",
    ("音频", ".oga"): "audio/ogg", ("音频", ".opus"): "audio/ogg", ("音频", ".webm"): "audio/webm",
}
"""The file types a native player accepts for each kind, by extension."""


def seconds(clock: str) -> int:
    """``"1:02:03"`` -> 3723, ``"12:30"`` -> 750 (the schema has checked the form)."""
    total = 0
    for part in clock.split(":"):
        total = total * 60 + int(part)
    return total


def clock(total: int) -> str:
    """3723 -> ``"1:02:03"``, 75 -> ``"01:15"``: how times are shown to readers."""
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def iso_duration(total: int) -> str:
    """3723 -> ``"PT1H2M3S"`` (ISO 8601, as schema.org wants)."""
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + (f"{secs}S" if secs or not total else "")
    return "PT" + parts


def media_type(kind: str, path: str) -> str | None:
    """The MIME type of a media file for ``kind`` (视频/音频), or None if that kind cannot play it."""
    return MIME_TYPES.get((kind, posixpath.splitext(path)[1].lower()))


@dataclasses.dataclass(frozen=True)
class Chapter:
    start: int
    """Seconds from the beginning."""
    title: str

    @property
    def label(self) -> str:
        return clock(self.start)


@dataclasses.dataclass(frozen=True)
class Series:
    name: str
    order: int


@dataclasses.dataclass(frozen=True)
class Embed:
    """A player on another platform, loaded only when the reader asks for it."""

    url: str
    page: str | None
    """The platform's own page of the video, for readers without JavaScript."""

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").lower()


@dataclasses.dataclass(frozen=True)
class Training:
    """A capability-training lesson that readers watch or listen to online."""

    id: str
    origin: Origin
    title: str
    kind: str
    """视频 or 音频."""
    topic: str
    series: Series | None
    presenter: str | None
    provider: str | None
    """Id of the providing organization."""
    description: str
    duration: int
    """Seconds."""
    published: dt.date
    file: str | None
    """Media file under the docs dir, when the site keeps it."""
    fallback: str | None
    embed: Embed | None
    poster: Image | None
    speech: bool
    captions: str | None
    transcript: str | None
    chapters: tuple[Chapter, ...]
    orgs: tuple[str, ...]
    events: tuple[str, ...]

    @property
    def is_video(self) -> bool:
        return self.kind == "视频"

    @property
    def duration_label(self) -> str:
        return clock(self.duration)

    @property
    def files(self) -> tuple[str, ...]:
        """The media files to offer the player, preferred first."""
        return tuple(p for p in (self.file, self.fallback) if p)


def build(record_id: str, origin: Origin, raw: dict[str, Any]) -> Training:
    """Turn a record that passed the schema into a :class:`Training`."""
    source = raw["source"]
    series = raw.get("series")
    return Training(
        id=record_id,
        origin=origin,
        title=raw["title"],
        kind=raw["kind"],
        topic=raw["topic"],
        series=Series(series["name"], series["order"]) if series else None,
        presenter=raw.get("presenter"),
        provider=raw.get("provider"),
        description=raw["description"],
        duration=seconds(raw["duration"]),
        published=date(raw["published"]),
        file=source.get("file"),
        fallback=source.get("fallback"),
        embed=Embed(source["embed"], source.get("page")) if "embed" in source else None,
        poster=image(raw.get("poster")),
        speech=raw.get("speech", True),
        captions=raw.get("captions"),
        transcript=raw.get("transcript"),
        chapters=tuple(Chapter(seconds(c["time"]), c["title"]) for c in raw.get("chapters", ())),
        orgs=tuple(raw.get("orgs", ())),
        events=tuple(raw.get("events", ())),
    )
