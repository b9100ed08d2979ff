"""Site-wide settings staff set in one place: ``column.yml`` at the project root."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from . import validate, yamlsource
from .problems import Problems
from .schema import fields as f

FILE = "column.yml"

SCHEMA = f.record("config", "专栏设置", "全站设置：公告、场地申请接收方式、培训视频平台白名单", {
    "announcement": f.obj("首页公告", "显示在首页顶部的一条公告；不需要时删掉整段", {
        "text": f.text("公告内容", "一两句话", max_length=200),
        "link": f.text("链接", "站内页面路径（如 events/）或 https:// 网址", max_length=300),
        "until": f.date("显示到", "过了这一天自动不再显示"),
    }, required=["text"]),
    "venues": f.obj("场地申请", "场地申请表默认发到哪里（各场地可在自己的记录中另设）", {
        "request_endpoint": f.url("接收地址", "接收申请表的网址（表单以 POST 方式提交，字段见员工指南）"),
        "request_email": f.email("接收邮箱", "没有接收地址时，申请通过邮件发送到这里"),
    }),
    "training": f.obj("在线培训", "在线培训设置", {
        "embed_hosts": f.array("允许嵌入的视频平台", "培训记录中 embed 网址允许的域名",
                               f.text("域名", "如 player.bilibili.com"), unique=True),
    }),
}, required=[])


@dataclasses.dataclass(frozen=True)
class Announcement:
    text: str
    link: str | None
    until: str | None


@dataclasses.dataclass(frozen=True)
class Config:
    announcement: Announcement | None = None
    request_endpoint: str | None = None
    request_email: str | None = None
    embed_hosts: tuple[str, ...] = ("player.bilibili.com", "v.qq.com", "player.youku.com")


def load(root: Path, problems: Problems) -> Config:
    """Read ``column.yml``; a missing file means the defaults."""
    path = root / FILE
    if not path.is_file():
        return Config()
    source = yamlsource.load(path, FILE, problems)
    if source is None or not validate.check(source, SCHEMA, problems):
        return Config()
    raw = source.data or {}
    note = raw.get("announcement")
    venues, training = raw.get("venues", {}), raw.get("training", {})
    return Config(
        announcement=Announcement(note["text"], note.get("link"), note.get("until")) if note else None,
        request_endpoint=venues.get("request_endpoint"),
        request_email=venues.get("request_email"),
        embed_hosts=tuple(training.get("embed_hosts", Config.embed_hosts)),
    )
