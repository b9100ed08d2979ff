"""The OpenAPI description of the public endpoints (bodies are read by hand, so they are described here)."""
from __future__ import annotations

from ..intake import FORM

_TEXT = {"type": "string"}
REQUEST_SCHEMA = {
    "type": "object",
    "required": ["venue", "applicant", "org", "phone", "date", "start", "end", "people", "purpose", "agree"],
    "properties": {
        "venue": {**_TEXT, "description": "场地编号（场地记录的文件名）", "example": "hutian-funv-zhijia"},
        "venue_name": {**_TEXT, "description": "场地名称（只用于显示）"},
        "applicant": {**_TEXT, "maxLength": 30, "description": "申请人姓名"},
        "org": {**_TEXT, "maxLength": 60, "description": "申请单位"},
        "phone": {**_TEXT, "maxLength": 20, "description": "11 位手机号，或带区号的座机号", "example": "13800001234"},
        "date": {**_TEXT, "description": "使用日期，年-月-日", "example": "2026-12-02"},
        "start": {**_TEXT, "description": "开始时间，时:分（24 小时制）", "example": "09:30"},
        "end": {**_TEXT, "description": "结束时间，晚于开始时间", "example": "11:00"},
        "people": {**_TEXT, "description": "参加人数：1 到场地容纳人数之间的整数", "example": "25"},
        "purpose": {**_TEXT, "maxLength": 500, "description": "活动内容"},
        "equipment": {**_TEXT, "maxLength": 200, "description": "需要的设备，可为空"},
        "agree": {**_TEXT, "enum": ["yes"], "description": "已阅读并同意使用须知"},
        "idempotency_key": {**_TEXT, "maxLength": 80, "description": "客户端为一次填写生成的随机值：同一值只保存一次"},
        "altcha": {**_TEXT, "description": "ALTCHA 人机验证的答案（受理台开启人机验证时必填）"},
        "website": {**_TEXT, "description": "留空（给机器人看的陷阱字段）"},
    },
}
REQUEST_BODY = {"requestBody": {"required": True, "content": {FORM: {"schema": REQUEST_SCHEMA},
                                                              "application/json": {"schema": REQUEST_SCHEMA}}}}
_MESSAGE = {"type": "object", "properties": {"message": _TEXT, "errors": {"type": "object",
                                                                             "additionalProperties": _TEXT}}}
_JSON_MESSAGE = {"application/json": {"schema": _MESSAGE}, "text/html": {"schema": _TEXT}}
_CREATED = {"type": "object", "required": ["reference", "status_url"],
            "properties": {"reference": {**_TEXT, "example": "CD-20261209-0007"}, "status_url": _TEXT}}
REQUEST_RESPONSES = {
    201: {"description": "已保存（请求 JSON 时回复 JSON，否则回复中文网页）",
          "content": {"application/json": {"schema": _CREATED}, "text/html": {"schema": _TEXT}}},
    200: {"description": "同一申请已经保存过（重试或连点），回复原来的编号",
          "content": {"application/json": {"schema": _CREATED}, "text/html": {"schema": _TEXT}}},
    400: {"description": "内容无法识别", "content": _JSON_MESSAGE},
    403: {"description": "从不允许的网站提交", "content": _JSON_MESSAGE},
    413: {"description": "内容太长", "content": _JSON_MESSAGE},
    415: {"description": "格式或编码不对", "content": _JSON_MESSAGE},
    422: {"description": "有字段需要修改：每个字段一条中文说明", "content": _JSON_MESSAGE},
    429: {"description": "同一地址提交太频繁", "content": _JSON_MESSAGE},
    503: {"description": "数据库暂时无法保存（申请人填写的内容还在，可重新提交）", "content": _JSON_MESSAGE},
}
HTML_PAGE = {200: {"description": "中文网页", "content": {"text/html": {"schema": _TEXT}}},
             404: {"description": "没有这份申请", "content": {"text/html": {"schema": _TEXT}}}}
WITHDRAW_RESPONSES = {303: {"description": "已撤回，转到申请状态页"},
                      403: {"description": "不是从申请状态页提交", "content": _JSON_MESSAGE},
                      404: {"description": "没有这份申请", "content": _JSON_MESSAGE},
                      503: {"description": "数据库暂时无法保存", "content": _JSON_MESSAGE}}
_SLOT = {"type": "object", "properties": {"date": _TEXT, "start": _TEXT, "end": _TEXT,
                                          "status": {"type": "string", "enum": ["pending", "approved"]}}}
SLOTS_RESPONSES = {200: {"description": "今天起的待审核和已同意时段", "content": {"application/json": {"schema": {
    "type": "object", "properties": {"venue": _TEXT, "today": _TEXT, "slots": {"type": "array", "items": _SLOT}}}}}},
    404: {"description": "没有这个场地", "content": {"application/json": {"schema": _MESSAGE}}},
    503: {"description": "数据库暂时无法读取", "content": {"application/json": {"schema": _MESSAGE}}}}
CHALLENGE_RESPONSES = {200: {"description": "ALTCHA 题目（由受理台签名）",
                             "content": {"application/json": {"schema": {"type": "object"}}}}}
