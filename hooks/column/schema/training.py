"""Schema of an online-training record, ``trainings/<id>.yml``: one video or audio lesson."""
from __future__ import annotations

from . import fields as f
from . import vocab as v

CLOCK_PATTERN = r"^([0-9]{1,2}:)?[0-5]?[0-9]:[0-5][0-9]$"
"""``12:30`` (minutes:seconds) or ``1:02:03`` (hours:minutes:seconds)."""
MEDIA_PATTERN = r"^media/training/[A-Za-z0-9_][A-Za-z0-9_.-]*\.(webm|mp4|mp3|m4a|ogg|oga|opus)$"
CAPTIONS_PATTERN = r"^media/training/[A-Za-z0-9_][A-Za-z0-9_.-]*\.vtt$"


def _clock(title: str, description: str, example: str) -> f.Schema:
    return {**f.text(title, description, max_length=8, example=example), "pattern": CLOCK_PATTERN,
            "x-expect": f"分:秒 或 时:分:秒，如 {example}"}


def _path(title: str, description: str, pattern: str, expect: str, example: str) -> f.Schema:
    return {**f.text(title, description, max_length=200, example=example), "pattern": pattern,
            "x-expect": expect}


_source = f.obj("播放来源", "本站保存的媒体文件（file），或外部平台的嵌入播放地址（embed），二选一", {
    "file": _path("媒体文件", "content/ 下的视频或音频文件路径；视频用 .webm 或 .mp4，音频用 .mp3、.m4a 或 .ogg",
                  MEDIA_PATTERN, "content/media/training/ 下的媒体文件路径，如 media/training/xiangmushu-1.webm",
                  "media/training/xiangmushu-1.webm"),
    "fallback": _path("备用格式", "同一内容的另一种格式（如给旧款苹果手机的 .mp4），可不填",
                      MEDIA_PATTERN, "content/media/training/ 下的媒体文件路径，如 media/training/xiangmushu-1.mp4",
                      "media/training/xiangmushu-1.mp4"),
    "embed": f.url("嵌入播放地址", "视频平台“分享 → 嵌入代码”里 src 的网址；平台须在 column.yml 的 training.embed_hosts 中"),
    "page": f.url("平台页面", "该视频在平台上的网页地址；读者不开启脚本时给出这个链接"),
})

_series = f.obj("系列", "属于某个系列课程时填写：系列名称和本集是第几集", {
    "name": f.text("系列名称", "同一系列的每一集写完全相同的名称", max_length=60),
    "order": {**f.count("集数", "本集是系列的第几集，从 1 开始"), "minimum": 1, "x-expect": "从 1 开始的整数"},
}, required=["name", "order"])

_chapter = f.obj("章节", "一个章节：从第几分第几秒开始，讲什么", {
    "time": _clock("开始时间", "本章节开始的时刻", "1:15"),
    "title": f.text("章节标题", "如“第一步：找准需求”", max_length=60),
}, required=["time", "title"])

SCHEMA = f.record("training", "在线培训", "一节能力培训视频或音频：文件名（不含 .yml）就是它的网址编号", {
    "title": f.text("标题", "培训的标题", max_length=80),
    "kind": f.choice("类型", "音频 或 视频", v.TRAINING_KINDS),
    "topic": f.choice("主题", "从固定列表中选择一项", v.TRAINING_TOPICS),
    "series": _series,
    "presenter": f.text("主讲人", "主讲老师（本人同意公开后填写），如“李老师（区社会组织服务中心）”", max_length=60),
    "provider": f.slug("提供组织", "提供本培训的组织编号（orgs/ 下的文件名），可不填", ref="org"),
    "description": f.markdown("简介", "这节课讲什么、适合谁听（可用 Markdown）", max_length=5000),
    "duration": _clock("时长", "播放时长", "12:30"),
    "published": f.date("发布日期", "在本站发布的日期"),
    "source": _source,
    "poster": f.image("封面图", "播放前显示的图片；视频必填"),
    "speech": f.flag("有人声", "视频里有人讲话时为 true（默认）；纯音乐或无声画面写 false，可不配字幕"),
    "captions": _path("字幕文件", "WebVTT 字幕（.vtt），有人讲话的本站视频必填",
                      CAPTIONS_PATTERN, "content/media/training/ 下的 .vtt 字幕文件路径，如 media/training/xiangmushu-1.zh.vtt",
                      "media/training/xiangmushu-1.zh.vtt"),
    "transcript": f.markdown("文字稿", "讲话的全部文字；音频必填，显示在播放器下方", max_length=50000),
    "chapters": f.array("章节", "按时间顺序列出，读者点击后跳到该处播放", _chapter),
    "orgs": f.array("相关组织", "相关组织的编号（orgs/ 下的文件名）",
                    f.slug("组织编号", "orgs/ 下的文件名", ref="org"), unique=True),
    "events": f.array("相关活动", "相关活动的编号（events/ 下的文件名）",
                      f.slug("活动编号", "events/ 下的文件名", ref="event"), unique=True),
}, required=["title", "kind", "topic", "description", "duration", "published", "source"], allOf=[
    {"if": {"properties": {"kind": {"const": "音频"}}, "required": ["kind"]},
     "then": {"required": ["transcript"]}},
])
