"""Online-training pages: ``/training/`` by topic and series, and one player page per lesson."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Iterable

from ..model.training import Training, media_type
from ..schema import vocab
from . import training_ld, urls
from .env import Settings, render
from .page import Page

PLATFORMS = {"player.bilibili.com": "哔哩哔哩", "v.qq.com": "腾讯视频", "player.youku.com": "优酷"}
"""What readers call the platforms of the default allowlist; another host is shown as its name."""


@dataclasses.dataclass(frozen=True)
class SeriesGroup:
    name: str
    episodes: tuple[Training, ...]
    """In episode order."""

    @property
    def anchor(self) -> str:
        return "series-" + urls.text_slug(self.name)

    @property
    def duration(self) -> int:
        return sum(t.duration for t in self.episodes)


@dataclasses.dataclass(frozen=True)
class TopicGroup:
    topic: str
    series: tuple[SeriesGroup, ...]
    singles: tuple[Training, ...]
    """Lessons outside any series, newest first."""

    @property
    def anchor(self) -> str:
        return "topic-" + vocab.TRAINING_TOPICS.slug(self.topic)

    @property
    def lessons(self) -> list[Training]:
        return [t for s in self.series for t in s.episodes] + list(self.singles)

    @property
    def duration(self) -> int:
        return sum(t.duration for t in self.lessons)


def platform(host: str) -> str:
    return PLATFORMS.get(host, host)


def spoken_duration(total: int) -> str:
    """750 -> ``12 分 30 秒``: a length as readers say it."""
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} 小时 {minutes} 分" if minutes else f"{hours} 小时"
    if minutes:
        return f"{minutes} 分 {secs} 秒" if secs else f"{minutes} 分钟"
    return f"{secs} 秒"


def groups(trainings: Iterable[Training]) -> list[TopicGroup]:
    """Topics in vocabulary order; in each, series by name, then single lessons newest first."""
    by_topic: dict[str, list[Training]] = {}
    for t in trainings:
        by_topic.setdefault(t.topic, []).append(t)
    result = []
    for topic in vocab.TRAINING_TOPICS.values:
        lessons = by_topic.get(topic)
        if not lessons:
            continue
        names = sorted({t.series.name for t in lessons if t.series}, key=urls.text_slug)
        series = tuple(SeriesGroup(name, tuple(sorted((t for t in lessons if t.series and t.series.name == name),
                                                      key=lambda t: t.series.order))) for name in names)
        singles = tuple(sorted((t for t in lessons if not t.series), key=lambda t: (-t.published.toordinal(), t.id)))
        result.append(TopicGroup(topic, series, singles))
    return result


def pages(trainings: dict[str, Training], orgs: dict[str, Any], events: dict[str, Any], settings: Settings,
          today: dt.date) -> list[Page]:
    topic_groups = groups(trainings.values())
    series = {s.name: s for g in topic_groups for s in g.series}
    result = [lesson(t, series.get(t.series.name) if t.series else None, orgs, events, settings, today)
              for t in trainings.values()]
    result.append(listing(topic_groups, orgs, settings, today))
    return result


def lesson(t: Training, series: SeriesGroup | None, orgs: dict[str, Any], events: dict[str, Any],
           settings: Settings, today: dt.date) -> Page:
    url = urls.training(t.id)
    body = render("training.html", url, settings, today, t=t, series=series, orgs=orgs,
                  events=[events[e] for e in t.events if e in events], platform=platform,
                  media_type=media_type, spoken_duration=spoken_duration,
                  json_ld=training_ld.script(t, orgs, settings))
    summary = f"{t.title}：{t.topic}{t.kind}，时长 {spoken_duration(t.duration)}。"
    return Page(url, t.title, body, summary, edit_path=t.origin.file, draft=t.origin.draft, names=(t.title,),
                lastmod=t.published)


def listing(topic_groups: list[TopicGroup], orgs: dict[str, Any], settings: Settings, today: dt.date) -> Page:
    url = urls.TRAININGS
    lessons = [t for g in topic_groups for t in g.lessons]
    body = render("trainings.html", url, settings, today, groups=topic_groups, orgs=orgs, total=len(lessons),
                  videos=sum(t.is_video for t in lessons), spoken_duration=spoken_duration)
    return Page(url, "在线培训", body, f"能力培训在线视听，共 {len(lessons)} 节，按主题和系列排列。")
