"""Builders for the JSON Schema fragments that make up each record kind.

Every field carries a Chinese ``title`` and ``description``: the editor shows
them while staff type, the staff guide prints them as the field reference, and
the validator names fields by them. ``x-expect`` is the Chinese phrase used in
error messages ("应为 …").
"""
from __future__ import annotations

from typing import Any

from .vocab import Vocab

Schema = dict[str, Any]

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
DATETIME_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{1,2}:[0-9]{2})?$"
PHONE_PATTERN = r"^(\+?[0-9]{2,4}[- ]?)?[0-9]{3,4}[- ]?[0-9]{3,4}[- ]?[0-9]{0,4}$"


def _field(title: str, description: str, expect: str, **schema: Any) -> Schema:
    return {"title": title, "description": description, "x-expect": expect, **schema}


def text(title: str, description: str, *, max_length: int = 200, example: str | None = None) -> Schema:
    extra = {"examples": [example]} if example else {}
    return _field(title, description, "文字", type="string", minLength=1, maxLength=max_length, **extra)


def markdown(title: str, description: str, *, max_length: int = 20000) -> Schema:
    return _field(title, description, "文字（可用 Markdown 格式）", type="string", minLength=1,
                  maxLength=max_length, contentMediaType="text/markdown")


def choice(title: str, description: str, vocab: Vocab) -> Schema:
    return _field(title, description, " / ".join(vocab.values) + " 之一", enum=vocab.values,
                  enumDescriptions=[t.doc for t in vocab.terms], **{"x-vocab": vocab.name})


def choices(title: str, description: str, vocab: Vocab) -> Schema:
    return array(title, description, choice(title, description, vocab), min_items=1, unique=True)


def date(title: str, description: str) -> Schema:
    return _field(title, description, "日期，格式为 年-月-日，如 2024-03-08", type="string",
                  pattern=DATE_PATTERN, format="date")


def datetime_local(title: str, description: str) -> Schema:
    return _field(title, description, "北京时间的日期或日期加时刻，如 2026-12-05 或 2026-12-05 14:30",
                  type="string", pattern=DATETIME_PATTERN, format="local-datetime")


def clock_time(title: str, description: str) -> Schema:
    return _field(title, description, "24 小时制时刻，如 09:00 或 18:30", type="string",
                  pattern=r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$")


def year(title: str, description: str) -> Schema:
    return _field(title, description, "四位数的年份，如 2023", type="integer", minimum=1949, maximum=2100)


def count(title: str, description: str) -> Schema:
    return _field(title, description, "不小于 0 的整数", type="integer", minimum=0)


def money(title: str, description: str) -> Schema:
    return _field(title, description, "以元为单位的数字，如 50000", type="number", minimum=0)


def flag(title: str, description: str) -> Schema:
    return _field(title, description, "true 或 false", type="boolean")


def slug(title: str, description: str, ref: str | None = None) -> Schema:
    extra = {"x-ref": ref} if ref else {}
    return _field(title, description, "小写英文字母、数字和连字符，如 duocai-jinguo", type="string",
                  pattern=SLUG_PATTERN, **extra)


def url(title: str, description: str) -> Schema:
    return _field(title, description, "以 https:// 或 http:// 开头的网址", type="string",
                  pattern=r"^https?://[^\s<>\"]+$", format="web-url")


def link(title: str, description: str) -> Schema:
    """A page of the site (``events/``) or an address on the web: never ``javascript:`` or another scheme."""
    return _field(title, description, "站内页面路径（如 events/）或以 https:// 开头的网址", type="string",
                  maxLength=300, pattern=r"^(?:https?://[^\s<>\"]+|/?[A-Za-z0-9_][A-Za-z0-9_./#?=&%-]*)$")


def email(title: str, description: str) -> Schema:
    return _field(title, description, "电子邮箱，如 contact@example.org", type="string",
                  pattern=r"^[^@\s<>\"]+@[^@\s<>\"]+\.[A-Za-z]{2,}$")


def phone(title: str, description: str) -> Schema:
    return _field(title, description, "电话号码，如 0533-1234567 或 13800000000", type="string",
                  pattern=PHONE_PATTERN)


def image(title: str, description: str) -> Schema:
    return obj(title, description, {
        "src": _field("图片文件", "content/ 下的图片路径，如 images/orgs/duocai.jpg", "content/ 下的图片路径",
                      type="string", pattern=r"^(?:[A-Za-z0-9_][A-Za-z0-9_.-]*/)*[A-Za-z0-9_][A-Za-z0-9_.-]*\.(jpg|jpeg|png|webp|svg|gif)$",
                      format="site-image"),
        "alt": text("替代文字", "给看不到图片的读者的一句描述，如“志愿者在社区为老人测血压”"),
    }, required=["src", "alt"])


def array(title: str, description: str, items: Schema, *, min_items: int = 0, unique: bool = False) -> Schema:
    schema = _field(title, description, "列表（每项一行，以“- ”开头）", type="array", items=items)
    if min_items:
        schema["minItems"] = min_items
    if unique:
        schema["uniqueItems"] = True
    return schema


def obj(title: str, description: str, properties: dict[str, Schema], *, required: list[str] = (),
        **extra: Any) -> Schema:
    schema = _field(title, description, "带子字段的一组内容（下一行缩进两个空格书写）", type="object",
                    properties=properties, additionalProperties=False, **extra)
    if required:
        schema["required"] = list(required)
    return schema


def record(kind: str, title: str, description: str, properties: dict[str, Schema], *,
           required: list[str], **extra: Any) -> Schema:
    """The top-level schema of one record kind, as published under ``schemas/``."""
    properties = {"draft": flag("草稿", "写 true 时不发布，只在本地预览中显示“草稿”"), **properties}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{kind}.schema.json",
        **obj(title, description, properties, required=required, **extra),
    }
