"""Reading what a browser or a client sent: size, content type and encoding checked before anything else."""
from __future__ import annotations

import json
from urllib.parse import parse_qsl

from starlette.requests import Request

MAX_FIELDS = 40
FORM = "application/x-www-form-urlencoded"


class Refused(Exception):
    """The body cannot be read: HTTP ``status`` and a Chinese message for the sender."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


async def body(request: Request, limit: int) -> bytes:
    """The body, read up to ``limit`` bytes (a larger one is refused before it is all read)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise Refused(413, f"提交的内容太长（超过 {limit // 1024} KB），请删减活动内容后再提交")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Refused(413, f"提交的内容太长（超过 {limit // 1024} KB），请删减活动内容后再提交")
        chunks.append(chunk)
    return b"".join(chunks)


def fields(content_type: str, raw: bytes) -> dict[str, str]:
    """Form-encoded or JSON fields as text (the first value of a repeated field); UTF-8 only."""
    kind, _, params = content_type.partition(";")
    kind = kind.strip().lower()
    charset = params.split("charset=", 1)[1].strip().strip('"').lower() if "charset=" in params.lower() else "utf-8"
    if kind not in (FORM, "application/json"):
        raise Refused(415, "请以网页表单（application/x-www-form-urlencoded）或 JSON 格式提交")
    if charset.replace("-", "") != "utf8":
        raise Refused(415, f"请用 UTF-8 编码提交（收到的是 {charset[:20]}）")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(400, "提交的文字不是 UTF-8 编码，无法识别：请用手机或电脑的浏览器重新打开申请表提交") from None
    return _json(text) if kind == "application/json" else _form(text)


def _form(text: str) -> dict[str, str]:
    try:
        pairs = parse_qsl(text, keep_blank_values=True, max_num_fields=MAX_FIELDS, errors="strict")
    except (ValueError, UnicodeDecodeError):
        raise Refused(400, "提交的内容无法识别：请用浏览器重新打开申请表提交") from None
    result: dict[str, str] = {}
    for name, value in pairs:
        result.setdefault(name, value.replace("\x00", ""))
    return result


def _json(text: str) -> dict[str, str]:
    try:
        data = json.loads(text)
    except ValueError:
        raise Refused(400, "提交的 JSON 无法识别") from None
    if not isinstance(data, dict) or len(data) > MAX_FIELDS:
        raise Refused(400, "提交的 JSON 应是一个对象（字段名: 值）")
    return {str(k): _text(v) for k, v in data.items()}


def _text(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, (str, int, float)):
        return str(value).replace("\x00", "")
    return ""


def wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept
