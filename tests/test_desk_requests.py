"""POST /requests on both databases: stored once, answered as JSON or a Chinese page, refused with reasons."""
from __future__ import annotations

import re

import pytest

from support.desk import FORM, JSON, VENUE

REFERENCE = re.compile(r"^CD-20261122-\d{4}$")


def send(client, changes=None, headers=JSON, **options):
    return client.post("/requests", data={**FORM, **(changes or {})}, headers=headers, **options)


def test_a_valid_request_is_stored_and_answered_with_a_reference(desk_app):
    response = send(desk_app, {"date": "2026-12-03", "idempotency_key": "valid-1"})
    assert response.status_code == 201
    body = response.json()
    assert REFERENCE.match(body["reference"])
    assert body["status_url"].startswith("http://desk.test/r/") and response.headers["location"] == body["status_url"]
    page = desk_app.get(body["status_url"])
    assert page.status_code == 200 and "待审核" in page.text and body["reference"] in page.text
    assert "0000-0000100" in page.text  # the venue's phone


def test_without_json_the_answer_is_a_chinese_page_with_the_status_link(desk_app):
    response = send(desk_app, {"date": "2026-12-14", "idempotency_key": "html-1"}, headers={"Accept": "text/html"})
    assert response.status_code == 201
    assert response.headers["content-type"].startswith("text/html")
    assert "申请已提交" in response.text
    link = re.search(r'id="status-link">([^<]+)<', response.text)[1]
    assert desk_app.get(link).status_code == 200


def test_the_same_request_sent_twice_is_stored_once(desk_app):
    first = send(desk_app, {"date": "2026-12-07", "idempotency_key": "twice"})
    second = send(desk_app, {"date": "2026-12-07", "idempotency_key": "twice"})
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json() == second.json()


def test_a_form_posted_twice_without_a_key_is_stored_once(desk_app):
    first = send(desk_app, {"date": "2026-12-08"}, headers={"Accept": "text/html"})
    second = send(desk_app, {"date": "2026-12-08"}, headers={"Accept": "text/html"})
    assert (first.status_code, second.status_code) == (201, 200)
    assert re.search(r"CD-\d{8}-\d{4}", first.text)[0] == re.search(r"CD-\d{8}-\d{4}", second.text)[0]


def test_invalid_fields_get_one_chinese_message_each(desk_app):
    response = send(desk_app, {"people": "41", "phone": "12345", "date": "2026-12-06"})
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "phone": "电话号码格式不对：请填写 11 位手机号，或带区号的座机号（如 0533-1234567）",
        "date": "本场地周日不开放，请换一天",
        "people": "本场地最多容纳 40 人，请减少人数或选择更大的场地",
    }
    assert response.json()["message"].startswith("有 3 处需要修改")


def test_without_json_an_invalid_request_comes_back_as_a_form_holding_what_was_typed(desk_app):
    response = send(desk_app, {"people": "41", "purpose": "<b>读书会</b>"}, headers={"Accept": "text/html"})
    assert response.status_code == 422
    assert "本场地最多容纳 40 人" in response.text
    assert 'value="王芳"' in response.text and "&lt;b&gt;读书会&lt;/b&gt;" in response.text
    assert f'name="venue" value="{VENUE}"' in response.text


def test_an_unknown_venue_is_refused(desk_app):
    response = send(desk_app, {"venue": "no-such-room"})
    assert response.status_code == 422
    assert response.json()["errors"] == {"venue": "没有这个场地：请回到场地页面重新打开申请表"}


def test_a_slot_taken_by_an_event_at_the_venue_is_refused(desk_app, desk_records):
    slot = next(s for s in desk_records.event_slots[VENUE] if s.date.isoformat() > "2026-11-25"
                and s.date.weekday() < 5 and s.start.hour >= 9 and s.end.hour < 17)
    response = send(desk_app, {"date": slot.date.isoformat(), "start": f"{slot.start:%H:%M}", "end": f"{slot.end:%H:%M}"})
    assert response.status_code == 422
    assert response.json()["errors"]["start"].startswith(f"所选时段已有安排：{slot.title}（")


def test_the_honeypot_field_refuses_the_request(desk_app):
    response = send(desk_app, {"website": "http://spam.example"})
    assert response.status_code == 400
    assert response.json()["message"] == "申请没有提交：表单中有一项不应填写的内容。请重新打开场地页面填写"


@pytest.mark.parametrize("body, content_type, status, message", [
    (b"a=" + b"x" * 20000, "application/x-www-form-urlencoded", 413, "提交的内容太长（超过 16 KB），请删减活动内容后再提交"),
    ("applicant=王芳".encode("gbk"), "application/x-www-form-urlencoded", 400,
     "提交的文字不是 UTF-8 编码，无法识别：请用手机或电脑的浏览器重新打开申请表提交"),
    (b"applicant=x", "application/x-www-form-urlencoded; charset=gbk", 415, "请用 UTF-8 编码提交（收到的是 gbk）"),
    (b"--x\r\n", "multipart/form-data; boundary=x", 415, "请以网页表单（application/x-www-form-urlencoded）或 JSON 格式提交"),
    (b"[1, 2]", "application/json", 400, "提交的 JSON 应是一个对象（字段名: 值）"),
    (b"{", "application/json", 400, "提交的 JSON 无法识别"),
])
def test_unreadable_bodies_get_a_clear_answer(desk_app, body, content_type, status, message):
    response = desk_app.post("/requests", content=body, headers={**JSON, "Content-Type": content_type})
    assert (response.status_code, response.json()["message"]) == (status, message)


def test_json_bodies_are_accepted_too(desk_app):
    response = desk_app.post("/requests", json={**FORM, "date": "2026-12-15", "people": 12, "agree": True},
                             headers=JSON)
    assert response.status_code == 201


def test_a_post_from_another_site_is_refused_and_the_column_site_may_post(desk_app):
    refused = send(desk_app, {"date": "2026-12-17"}, headers={**JSON, "Origin": "https://evil.example"})
    assert refused.status_code == 403
    allowed = send(desk_app, {"date": "2026-12-17"}, headers={**JSON, "Origin": "http://127.0.0.1:8000"})
    assert allowed.status_code == 201
    assert allowed.headers["access-control-allow-origin"] == "http://127.0.0.1:8000"


def test_the_openapi_description_names_the_public_endpoints(desk_app):
    described = desk_app.get("/openapi.json").json()
    assert set(described["paths"]) == {"/requests", "/r/{token}", "/r/{token}/withdraw", "/venues/{venue}/slots.json",
                                       "/altcha/challenge"}
    body = described["paths"]["/requests"]["post"]["requestBody"]["content"]
    assert "application/x-www-form-urlencoded" in body
    assert {"201", "422", "429", "503"} <= set(described["paths"]["/requests"]["post"]["responses"])
