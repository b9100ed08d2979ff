"""One test per training rule, each asserting the exact Chinese message staff see."""
from __future__ import annotations

import os

import pytest

from column import site
from column.problems import Problems, RecordsInvalid
from support.records import TODAY, VALID_ORG, check, messages, write

VIDEO = """\
title: 测试视频
kind: 视频
topic: 项目书撰写
description: 测试用的视频。
duration: 2:30
published: 2026-10-01
source:
  file: media/training/t.webm
poster:
  src: media/training/t.jpg
  alt: 封面
captions: media/training/t.vtt
chapters:
  - time: 0:00
    title: 开场
  - time: 1:15
    title: 第二部分
"""

AUDIO = """\
title: 测试音频
kind: 音频
topic: 法律维权
description: 测试用的音频。
duration: "0:45"
published: 2026-10-01
source:
  file: media/training/a.mp3
transcript: 讲话的全部文字。
"""

EMBED = """\
title: 测试嵌入
kind: 视频
topic: 心理疏导
description: 放在平台上的视频。
duration: 1:02:03
published: 2026-10-01
source:
  embed: https://player.bilibili.com/player.html?bvid=BV1test
  page: https://www.bilibili.com/video/BV1test/
poster:
  src: media/training/t.jpg
  alt: 封面
transcript: 讲话的全部文字。
"""


@pytest.fixture
def media(tmp_path):
    """The media files the records above name, written under content/."""
    for name, data in (("t.webm", b"\x1a\x45\xdf\xa3"), ("t.jpg", b"\xff\xd8\xff"), ("t.vtt", b"WEBVTT\n\n"),
                       ("a.mp3", b"ID3")):
        write(tmp_path, f"content/media/training/{name}", data)
    return tmp_path


def training(root, text: str, name: str = "t") -> None:
    write(root, f"trainings/{name}.yml", text)


def replaced(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


@pytest.mark.parametrize("text", [VIDEO, AUDIO, EMBED])
def test_valid_trainings_pass(media, text):
    training(media, text)
    catalog, problems = check(media)
    assert [p.text() for p in problems] == []
    assert catalog.training["t"].title.startswith("测试")


def test_durations_and_chapters_become_seconds(media):
    training(media, VIDEO)
    training(media, EMBED, "e")
    catalog, _ = check(media)
    assert catalog.training["t"].duration == 150
    assert [c.start for c in catalog.training["t"].chapters] == [0, 75]
    assert catalog.training["e"].duration == 3723


def test_unquoted_minutes_and_seconds_stay_a_duration(media):
    training(media, replaced(AUDIO, 'duration: "0:45"', "duration: 12:30"))
    catalog, _ = check(media)
    assert catalog.training["t"].duration == 750


@pytest.mark.parametrize("old, new, expected", [
    ("duration: 2:30", "duration: 90 分钟",
     "trainings/t.yml:5 duration（时长）：应为分:秒 或 时:分:秒，如 12:30，实际为 \"90 分钟\""),
    ("  - time: 1:15", "  - time: 75",
     "trainings/t.yml:16 chapters[1].time（开始时间）：应为分:秒 或 时:分:秒，如 1:15，实际为 \"75\""),
    ("kind: 视频", "kind: 录像",
     "trainings/t.yml:2 kind（类型）：应为 音频 / 视频 之一，实际为 \"录像\""),
    ("topic: 项目书撰写", "topic: 写项目书",
     "trainings/t.yml:3 topic（主题）：应为 项目书撰写 / 社会工作师考试 / 财务与年检 / 等级评估 / 组织管理 / 党建引领 / "
     "法律维权 / 心理疏导 / 家庭教育 / 创业就业 / 其他 之一，实际为 \"写项目书\""),
    ("captions: media/training/t.vtt", "captions: media/training/t.srt",
     "trainings/t.yml:12 captions（字幕文件）：应为content/media/training/ 下的 .vtt 字幕文件路径，"
     "如 media/training/xiangmushu-1.zh.vtt，实际为 \"media/training/t.srt\""),
    ("  file: media/training/t.webm", "  file: videos/t.webm",
     "trainings/t.yml:8 source.file（媒体文件）：应为content/media/training/ 下的媒体文件路径，"
     "如 media/training/xiangmushu-1.webm，实际为 \"videos/t.webm\""),
])
def test_schema_rules(media, old, new, expected):
    training(media, replaced(VIDEO, old, new))
    assert expected in messages(media)


def test_video_with_speech_needs_captions(media):
    training(media, replaced(VIDEO, "captions: media/training/t.vtt\n", ""))
    assert messages(media) == ["trainings/t.yml:1：有人讲话的视频必须配字幕 captions（字幕文件）"]


def test_video_without_speech_needs_no_captions(media):
    training(media, replaced(VIDEO, "captions: media/training/t.vtt\n", "speech: false\n"))
    assert messages(media) == []


def test_captions_file_must_exist(media):
    training(media, replaced(VIDEO, "captions: media/training/t.vtt", "captions: media/training/none.vtt"))
    assert messages(media) == ["trainings/t.yml:12 captions（字幕文件）：找不到字幕文件 content/media/training/none.vtt"]


def test_captions_must_be_webvtt(media):
    write(media, "content/media/training/t.vtt", "1\n00:00:00,000 --> 00:00:02,000\n开场\n")
    training(media, VIDEO)
    assert messages(media) == [
        "trainings/t.yml:12 captions（字幕文件）：字幕文件 content/media/training/t.vtt 不是 WebVTT 格式：第一行应为 WEBVTT"]


def test_webvtt_with_byte_order_mark_is_accepted(media):
    write(media, "content/media/training/t.vtt", b"\xef\xbb\xbfWEBVTT\n")
    training(media, VIDEO)
    assert messages(media) == []


def test_audio_needs_transcript(media):
    training(media, replaced(AUDIO, "transcript: 讲话的全部文字。\n", ""))
    assert messages(media) == ["trainings/t.yml:1：缺少必填字段 transcript（文字稿）"]


def test_captions_on_audio_warn_that_they_are_not_shown(media):
    training(media, AUDIO + "captions: media/training/t.vtt\n")
    catalog, problems = check(media)
    assert catalog is not None
    assert [p.text().split("\n")[0] for p in problems.warnings] == [
        "trainings/t.yml:10 captions（字幕文件）：字幕只用于本站保存的视频，这里不会显示"]


def test_media_file_must_exist(media):
    training(media, replaced(AUDIO, "a.mp3", "none.mp3"))
    assert messages(media) == ["trainings/t.yml:8 source.file（媒体文件）：找不到媒体文件 content/media/training/none.mp3"]


def test_media_type_must_fit_the_kind(media):
    training(media, replaced(AUDIO, "kind: 音频", "kind: 视频") + "speech: false\nposter:\n  src: media/training/t.jpg\n  alt: 封面\n")
    assert messages(media) == ["trainings/t.yml:8 source.file（媒体文件）：视频文件应为 .webm、.mp4 之一，实际为 .mp3"]


def test_fallback_file_is_checked_too(media):
    training(media, replaced(VIDEO, "  file: media/training/t.webm\n",
                             "  file: media/training/t.webm\n  fallback: media/training/t.mp4\n"))
    assert messages(media) == ["trainings/t.yml:9 source.fallback（备用格式）：找不到媒体文件 content/media/training/t.mp4"]


def test_large_media_file_warns(media):
    os.truncate(media / "content/media/training/a.mp3", 21 * 1024 * 1024)
    training(media, AUDIO)
    catalog, problems = check(media)
    assert catalog is not None
    assert [p.message for p in problems.warnings] == ["媒体文件有 21 MB，手机上加载慢，也会让仓库越来越大"]


def test_source_needs_file_or_embed(media):
    training(media, replaced(AUDIO, "  file: media/training/a.mp3\n", "  page: https://www.bilibili.com/video/x/\n"))
    assert messages(media) == ["trainings/t.yml:7 source（播放来源）：缺少 file（媒体文件）或 embed（嵌入播放地址）"]


def test_source_cannot_have_both(media):
    training(media, replaced(EMBED, "  page: https://www.bilibili.com/video/BV1test/\n",
                             "  file: media/training/t.webm\n"))
    assert messages(media) == ["trainings/t.yml:7 source（播放来源）：file（媒体文件）和 embed（嵌入播放地址）只能写一个"]


def test_platform_page_only_with_embed(media):
    training(media, replaced(AUDIO, "  file: media/training/a.mp3\n",
                             "  file: media/training/a.mp3\n  page: https://www.bilibili.com/video/x/\n"))
    assert messages(media) == ["trainings/t.yml:9 source.page（平台页面）：只有写了 embed 时才能写 page"]


def test_embed_host_must_be_allowed(media):
    training(media, replaced(EMBED, "https://player.bilibili.com/player.html?bvid=BV1test", "https://evil.example.com/player"))
    assert messages(media) == [
        "trainings/t.yml:8 source.embed（嵌入播放地址）：不允许嵌入 evil.example.com 的播放器；"
        "允许的平台：player.bilibili.com、v.qq.com、player.youku.com"]


def test_embed_must_use_https(media):
    training(media, replaced(EMBED, "https://player.bilibili.com", "http://player.bilibili.com"))
    assert messages(media) == ["trainings/t.yml:8 source.embed（嵌入播放地址）：嵌入播放地址应以 https:// 开头"]


def _check_with_settings(root) -> list[str]:
    """Check as the build does: ``column.yml`` first, then the records."""
    problems = Problems()
    with pytest.raises(RecordsInvalid):
        site.load_inputs(root, root / "content", TODAY, problems)
    return [p.text().split("\n")[0] for p in problems]


def test_embed_allowlist_comes_from_column_yml(media):
    write(media, "column.yml", "training:\n  embed_hosts:\n    - v.qq.com\n")
    training(media, EMBED)
    assert _check_with_settings(media) == [
        "trainings/t.yml:8 source.embed（嵌入播放地址）：不允许嵌入 player.bilibili.com 的播放器；允许的平台：v.qq.com"]


def test_embed_without_transcript_warns(media):
    training(media, replaced(EMBED, "transcript: 讲话的全部文字。\n", ""))
    catalog, problems = check(media)
    assert catalog is not None
    assert [p.message for p in problems.warnings] == ["嵌入的视频无法附加本站字幕，建议填写 transcript（文字稿）"]


def test_video_needs_poster(media):
    training(media, replaced(EMBED, "poster:\n  src: media/training/t.jpg\n  alt: 封面\n", ""))
    assert messages(media) == ["trainings/t.yml:1：视频需要封面图 poster（封面图）"]


def test_poster_file_must_exist(media):
    training(media, replaced(VIDEO, "src: media/training/t.jpg", "src: media/training/none.jpg"))
    assert messages(media) == ["trainings/t.yml:10 poster.src：找不到图片文件 content/media/training/none.jpg"]


def test_chapter_beyond_the_duration(media):
    training(media, replaced(VIDEO, "time: 1:15", "time: 2:30"))
    assert messages(media) == ["trainings/t.yml:16 chapters[1].time（开始时间）：章节开始时间 02:30 不在时长 02:30 之内"]


def test_chapters_in_time_order(media):
    training(media, replaced(VIDEO, "time: 0:00", "time: 1:20"))
    assert messages(media) == [
        "trainings/t.yml:16 chapters[1].time（开始时间）：章节应按时间先后排列：01:15 不晚于上一章节的 01:20"]


def test_published_in_the_future(media):
    training(media, replaced(AUDIO, "published: 2026-10-01", "published: 2026-12-01"))
    assert messages(media) == ["trainings/t.yml:6 published（发布日期）：发布日期 2026-12-01 晚于今天 2026-11-22"]


def test_provider_must_be_a_known_org(media):
    write(media, "orgs/ceshi.yml", VALID_ORG)
    training(media, AUDIO + "provider: cehsi\n")
    _, problems = check(media)
    assert [p.text() for p in problems] == [
        "trainings/t.yml:10 provider：找不到组织 “cehsi”（没有 orgs/cehsi.yml）\n    提示：是不是想写 ceshi？"]


def test_related_orgs_and_events_must_exist(media):
    write(media, "orgs/ceshi.yml", VALID_ORG)
    training(media, AUDIO + "provider: ceshi\norgs:\n  - ceshi\n  - nope\nevents:\n  - nope-event\n")
    assert messages(media) == [
        "trainings/t.yml:13 orgs[1]：找不到组织 “nope”（没有 orgs/nope.yml）",
        "trainings/t.yml:15 events[0]：找不到活动 “nope-event”（没有 events/nope-event.yml）",
    ]


def test_events_are_checked_only_when_the_event_kind_exists():
    from column.model.training import Training
    from column.rules.training import references

    t = Training(id="t", origin=None, title="", kind="音频", topic="其他", series=None, presenter=None, provider=None,
                 description="", duration=1, published=None, file=None, fallback=None, embed=None, poster=None,
                 speech=True, captions=None, transcript=None, chapters=(), orgs=("a",), events=("e",))
    assert [r.kind for r in references(t, {"org"})] == ["org"]
    assert [r.kind for r in references(t, {"org", "event"})] == ["org", "event"]


SERIES = "series:\n  name: 测试系列\n  order: {order}\n"


def test_series_numbers_are_unique(media):
    training(media, AUDIO + SERIES.format(order=1), "a")
    training(media, AUDIO + SERIES.format(order=1), "b")
    assert messages(media) == ["trainings/b.yml:12 series.order（集数）：系列“测试系列”的第 1 集已是 trainings/a.yml"]


def test_series_shares_one_topic(media):
    training(media, AUDIO + SERIES.format(order=1), "a")
    training(media, replaced(AUDIO, "topic: 法律维权", "topic: 家庭教育") + SERIES.format(order=2), "b")
    assert messages(media) == ["trainings/b.yml:3 topic（主题）：与同一系列的 trainings/a.yml 主题不同（家庭教育 与 法律维权）"]
