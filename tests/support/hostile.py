"""Script-injection payloads, placed into every free-text and URL field a schema allows."""
from __future__ import annotations

import itertools
from typing import Any, Iterator

PAYLOADS = (
    "<script>alert('x1')</script>",
    "\"><img src=x onerror=alert('x2')>",
    "<svg onload=alert('x3')>",
    "'\"><iframe src=\"javascript:alert('x4')\"></iframe>",
    "[点我](javascript:alert('x5'))",
    "<a href=\"javascript:alert('x6')\">链接</a>",
    "</script><script>alert('x7')</script>",
    "{{ 7*7 }}{% raw %}",
    "<style>body{display:none}</style><b onmouseover=alert('x8')>粗</b>",
    "<details open ontoggle=alert('x9')>",
)
BAD_URLS = ("javascript:alert('u1')", "data:text/html,<script>alert('u2')</script>", "vbscript:msgbox(1)")


def is_free_text(schema: dict[str, Any]) -> bool:
    return (schema.get("type") == "string" and "enum" not in schema and "pattern" not in schema
            and "format" not in schema)


def is_url(schema: dict[str, Any]) -> bool:
    return schema.get("format") == "web-url"


def fields(schema: dict[str, Any], data: Any, path: tuple = ()) -> Iterator[tuple[tuple, dict[str, Any]]]:
    """(path, subschema) of every scalar field present in ``data``."""
    if isinstance(data, dict):
        for key, value in data.items():
            sub = schema.get("properties", {}).get(key, {})
            yield from fields(sub, value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from fields(schema.get("items", {}), value, path + (index,))
    else:
        yield path, schema


def set_at(data: Any, path: tuple, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def poison(data: dict[str, Any], schema: dict[str, Any]) -> int:
    """Put a payload into every free-text field of ``data``; return how many were poisoned."""
    payloads = itertools.cycle(PAYLOADS)
    count = 0
    for path, sub in list(fields(schema, data)):
        if is_free_text(sub):
            limit = sub.get("maxLength", 10_000)
            payload = next(p for p in (next(payloads) for _ in range(len(PAYLOADS) + 1)) if len(p) <= limit)
            text = f"{payload} {data_at(data, path)}"
            set_at(data, path, text if len(text) <= limit else payload)
            count += 1
    return count


def data_at(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def url_paths(data: dict[str, Any], schema: dict[str, Any]) -> list[tuple]:
    """URL fields present in ``data``, plus those the schema defines outside lists."""
    present = [path for path, sub in fields(schema, data) if is_url(sub)]
    return sorted(set(present) | set(_schema_urls(schema)), key=str)


def _schema_urls(schema: dict[str, Any], path: tuple = ()) -> Iterator[tuple]:
    for key, sub in schema.get("properties", {}).items():
        if is_url(sub):
            yield path + (key,)
        elif sub.get("type") == "object":
            yield from _schema_urls(sub, path + (key,))


def set_url(data: dict[str, Any], path: tuple, value: str) -> None:
    """Like ``set_at`` but creates the objects on the way."""
    for part in path[:-1]:
        data = data.setdefault(part, {})
    data[path[-1]] = value


STORY = """\
---
title: "测试<img src=x onerror=alert('t1')>标题"
date: 2026-11-01
slug: hostile-story
categories:
  - 活动回顾
description: "摘要\\"><script>alert('t2')</script>"
---

开头<script>alert('s1')</script>

<img src="../../images/stories/hunfu-zhongxin-quanhe.svg" onerror="alert('s2')">

<iframe srcdoc="<script>parent.alert('s3')</script>"></iframe>

<a href="javascript:alert('s4')">点</a> <a href="&#106;avascript:alert('s5')">点</a>
<a href="jav&#x09;ascript:alert('s6')">点</a>

<svg><a xlink:href="javascript:alert('s7')"><text y="20">点</text></a><animate onbegin="alert('s8')"/></svg>

<details open ontoggle="alert('s9')"><summary>展开</summary>内容</details>

<style>body{display:none}</style>

<meta http-equiv="refresh" content="0;url=https://evil.example/">

[链接](javascript:alert('s10')){ onclick="alert('s11')" }

<form action="javascript:alert('s12')"><button>提交</button></form>

<!-- more -->

后文 <object data="javascript:alert('s13')"></object><embed src="javascript:alert('s14')">
<base href="https://evil.example/"><math><mtext><img src=../../images/stories/hunfu-zhongxin-quanhe.svg onerror=alert('s15')></mtext></math>
"""
"""A story sent in by pull request, with every way raw HTML in Markdown can run script or hide the page."""

SVG = b"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert('v1')"
 width="40" height="40"><script>alert('v2')</script><a xlink:href="javascript:alert('v3')"><rect width="40"
 height="40" fill="#c00"/></a><foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml"
 src="javascript:alert('v4')"></iframe></foreignObject><set attributeName="onmouseover" to="alert('v5')"/></svg>
"""
"""A logo as a designer might send it, with scripts that run when the SVG is opened on its own."""
