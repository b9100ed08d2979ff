"""Site-wide settings staff set in one place: ``column.yml`` at the project root."""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from . import validate, yamlsource
from .problems import Problems
from .schema import fields as f

FILE = "column.yml"
LOCAL_DESK = "COLUMN_LOCAL_DESK"
"""Set by ``make serve``: the local desk's address, used when ``column.yml`` names no desk and no endpoint."""

_license = f.obj("许可协议", "开放数据（/data/）的许可协议：读者按它使用、转载专栏的数据", {
    "name": {**f.text("协议代码", "SPDX 代码，如 CC-BY-4.0、CC0-1.0、ODC-By-1.0", max_length=40, example="CC-BY-4.0"),
             "pattern": r"^[A-Za-z0-9][A-Za-z0-9.+-]*$",
             "x-expect": "SPDX 协议代码（英文字母、数字、点和连字符），如 CC-BY-4.0"},
    "title": f.text("协议名称", "读者看到的中文名称，如“知识共享署名 4.0 国际许可协议”", max_length=80),
    "url": f.url("协议网址", "协议全文的网址"),
}, required=["name", "title", "url"])

SCHEMA = f.record("config", "专栏设置", "全站设置：公告、场地申请接收方式、培训视频平台白名单、开放数据许可", {
    "announcement": f.obj("首页公告", "显示在首页顶部的一条公告；不需要时删掉整段", {
        "text": f.text("公告内容", "一两句话", max_length=200),
        "link": f.link("链接", "站内页面路径（如 events/）或 https:// 网址"),
        "until": f.date("显示到", "过了这一天自动不再显示"),
    }, required=["text"]),
    "venues": f.obj("场地申请", "场地申请表默认发到哪里（各场地可在自己的记录中另设）", {
        "request_desk": f.url("受理台网址", "专栏自带的受理台的网址（如 https://shouli.example.org），"
                                          "设置后申请表发到受理台，申请人会拿到申请编号和状态链接"),
        "request_endpoint": f.url("接收地址", "接收申请表的网址（表单以 POST 方式提交，字段见员工指南）"),
        "request_email": f.email("接收邮箱", "没有接收地址时，申请通过邮件发送到这里"),
    }),
    "site": f.obj("网站地址与备案", "所在地区、国内镜像的地址、二维码印哪个地址、备案号（放在国内主机上的网站须在页脚显示）", {
        "region": f.text("所在省份", "地址所在的省、自治区或直辖市，如 浙江省；搜索引擎的结构化数据使用", max_length=20),
        "locality": f.text("所在城市", "地址所在的市，如 宁波市", max_length=20),
        "mirror_url": f.url("国内镜像地址", "国内镜像的公开网址，以 / 结尾，如 https://women.example.cn/column/"),
        "codes_use_mirror": f.flag("二维码印镜像地址", "是：海报、二维码和分享链接印国内镜像地址；否（默认）：印主站地址"),
        "icp": f.text("ICP 备案号", "如 浙ICP备12345678号-1；页脚显示并链接到 beian.miit.gov.cn", max_length=40),
        "police": f.text("公安备案号", "如 浙公网安备33020302000000号；页脚显示并链接到 beian.mps.gov.cn", max_length=40),
    }),
    "directory": f.obj("组织名录", "组织名录对公众显示什么", {
        "show_tiers": f.flag("公开联系层级", "true 时在名录和组织主页上显示联系层级（核心层/紧密层/大众层）并可按层级筛选；"
                                          "默认 false：层级是内部信息，不对公众显示"),
    }),
    "training": f.obj("在线培训", "在线培训设置", {
        "embed_hosts": f.array("允许嵌入的视频平台", "培训记录中 embed 网址允许的域名",
                               f.text("域名", "如 player.bilibili.com"), unique=True),
    }),
    "data": f.obj("开放数据", "数据开放页（/data/）的许可协议和发布单位", {
        "license": _license,
        "publisher": f.text("发布单位", "数据的发布单位，如“滨河区妇联”", max_length=60),
    }, required=["license", "publisher"]),
}, required=[])


@dataclasses.dataclass(frozen=True)
class Announcement:
    text: str
    link: str | None
    until: str | None
    link_line: int | None = None
    """Where ``link`` is written in ``column.yml``."""


@dataclasses.dataclass(frozen=True)
class License:
    """The licence of the open data: an SPDX code, its Chinese name and the text's address."""

    name: str
    title: str
    url: str


DEFAULT_LICENSE = License("CC-BY-4.0", "知识共享署名 4.0 国际许可协议（CC BY 4.0）",
                          "https://creativecommons.org/licenses/by/4.0/deed.zh-hans")
"""Used when ``column.yml`` has no ``data`` section (a fork that has not chosen yet)."""


@dataclasses.dataclass(frozen=True)
class Site:
    """Where the column is and where its mirror is (``column.yml`` ``site``)."""

    region: str | None = None
    locality: str | None = None
    mirror_url: str | None = None
    codes_use_mirror: bool = False
    icp: str | None = None
    """ICP 备案号 shown in every page's footer (a site hosted in mainland China must show it)."""
    police: str | None = None
    """公安备案号 (公网安备) shown beside it."""


@dataclasses.dataclass(frozen=True)
class Config:
    announcement: Announcement | None = None
    request_endpoint: str | None = None
    request_desk: str | None = None
    request_email: str | None = None
    embed_hosts: tuple[str, ...] = ("player.bilibili.com", "v.qq.com", "player.youku.com")
    license: License = DEFAULT_LICENSE
    publisher: str = "区妇联"
    site: Site = Site()
    show_tiers: bool = False
    """Whether the public sees the internal tier (核心层/紧密层/大众层) as a badge and a filter."""


def load(root: Path, problems: Problems) -> Config:
    """Read ``column.yml``; a missing file means the defaults."""
    path = root / FILE
    if not (path.is_symlink() or path.exists()):
        return Config()
    source = yamlsource.load(path, FILE, problems)
    if source is None or not validate.check(source, SCHEMA, problems):
        return Config()
    raw = source.data or {}
    note = raw.get("announcement")
    venues, training, data = raw.get("venues", {}), raw.get("training", {}), raw.get("data")
    return Config(
        announcement=Announcement(note["text"], note.get("link"), note.get("until"),
                                  source.line(("announcement", "link"))) if note else None,
        request_endpoint=venues.get("request_endpoint"),
        request_desk=_desk(venues),
        request_email=venues.get("request_email"),
        embed_hosts=tuple(training.get("embed_hosts", Config.embed_hosts)),
        **({"license": License(**data["license"]), "publisher": data["publisher"]} if data else {}),
        site=Site(**raw.get("site", {})),
        show_tiers=bool(raw.get("directory", {}).get("show_tiers", False)),
    )


def _desk(venues: dict) -> str | None:
    """The desk's address without a trailing ``/``; ``make serve`` supplies the local one when none is set."""
    given = venues.get("request_desk")
    if given is None and "request_endpoint" not in venues:
        given = os.environ.get(LOCAL_DESK) or None
    return given.rstrip("/") if given else None
