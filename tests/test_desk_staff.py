"""Staff pages on both databases: login, lists by venue with clashes, decisions, export, and who sees what."""
from __future__ import annotations

import csv
import io
import re

import openpyxl
import pytest
from sqlalchemy import select

from desk.tables import AuditEntry
from support.desk import FORM, JSON, OTHER_VENUE, VENUE, add_staff, csrf_in, log_in

ORIGIN = {"Origin": "http://desk.test"}
HOSTILE = "<script>alert('x')</script>"


@pytest.fixture(scope="module")
def staffed(desk_app):
    """Two managers (one per venue), an administrator, and requests at both venues."""
    add_staff(desk_app, "hutian", venues=(VENUE,))
    add_staff(desk_app, "dongcheng", venues=(OTHER_VENUE,))
    add_staff(desk_app, "admin", admin=True)
    sent = {}
    for key, changes in {
        "a1": {"date": "2026-12-01"},
        "a2": {"date": "2026-12-01", "start": "15:00", "end": "16:00", "applicant": HOSTILE, "purpose": HOSTILE,
               "phone": "0533-1234567"},
        "b1": {"venue": OTHER_VENUE, "date": "2026-12-01", "phone": "13900009999"},
    }.items():
        response = desk_app.post("/requests", data={**FORM, **changes, "idempotency_key": key}, headers=JSON)
        assert response.status_code == 201, response.text
        sent[key] = response.json()
    return sent


def detail(client, reference):
    return client.get(f"/staff/requests/{reference}")


def decide(client, reference, decision, note=""):
    page = detail(client, reference)
    return client.post(f"/staff/requests/{reference}/decision",
                       data={"decision": decision, "note": note, "csrf": csrf_in(page.text)}, headers=ORIGIN)


def test_no_staff_page_without_login(desk_app, staffed):
    desk_app.cookies.clear()
    for path in ("/staff/", f"/staff/requests/{staffed['a1']['reference']}", "/staff/export?format=csv"):
        response = desk_app.get(path)
        assert response.status_code == 303 and response.headers["location"].startswith("/staff/login?next=")


def test_a_wrong_password_is_refused_and_attempts_are_limited(desk_app, staffed):
    answers = [log_in(desk_app, "hutian", "wrong password").status_code for _ in range(6)]
    assert answers == [401] * 5 + [429]
    assert "登录失败次数太多，请 15 分钟后再试。" in log_in(desk_app, "hutian").text
    desk_app.app.state.desk.login_limit.hits.clear()


def test_the_session_cookie_is_httponly(desk_app, staffed):
    response = log_in(desk_app, "hutian")
    assert response.status_code == 303
    cookie = response.headers["set-cookie"]
    assert "desk_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie


def test_a_manager_sees_her_venue_newest_first_with_masked_phones_and_clashes(desk_app, staffed):
    log_in(desk_app, "hutian")
    page = desk_app.get("/staff/").text
    shown = re.findall(r'data-reference="([^"]+)"', page)
    assert shown == [staffed["a2"]["reference"], staffed["a1"]["reference"]]
    assert staffed["b1"]["reference"] not in page
    assert "138****1234" in page and "0533-***4567" in page and "13800001234" not in page
    assert page.count("时间冲突") == 2
    assert HOSTILE not in page and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page


def test_the_detail_shows_the_full_phone_and_escapes_what_was_typed(desk_app, staffed):
    log_in(desk_app, "hutian")
    page = detail(desk_app, staffed["a2"]["reference"]).text
    assert '<dd id="phone"><a href="tel:05331234567">0533-1234567</a></dd>' in page
    assert HOSTILE not in page and "&lt;script&gt;" in page


def test_approving_changes_the_status_page_at_once_and_blocks_the_slot(desk_app, staffed):
    log_in(desk_app, "hutian")
    answer = decide(desk_app, staffed["a1"]["reference"], "approve", "请提前 10 分钟到，钥匙在一楼值班室。")
    assert answer.status_code == 303 and "已同意" in desk_app.get(answer.headers["location"]).text
    status = desk_app.get(staffed["a1"]["status_url"]).text
    assert "已同意" in status and "请提前 10 分钟到，钥匙在一楼值班室。" in status
    clash = decide(desk_app, staffed["a2"]["reference"], "approve")
    assert "时间重叠，不能同意" in desk_app.get(clash.headers["location"]).text
    again = desk_app.post("/requests", data={**FORM, "date": "2026-12-01", "start": "14:30", "end": "15:00"}, headers=JSON)
    assert again.status_code == 422 and "已同意的申请" in again.json()["errors"]["start"]
    slots = desk_app.get(f"/venues/{VENUE}/slots.json").json()["slots"]
    assert {"date": "2026-12-01", "start": "14:00", "end": "15:30", "status": "approved"} in slots


def test_declining_with_a_note(desk_app, staffed):
    log_in(desk_app, "hutian")
    decide(desk_app, staffed["a2"]["reference"], "decline", "这个时段已有安排，请改约周四。")
    status = desk_app.get(staffed["a2"]["status_url"]).text
    assert "未同意" in status and "这个时段已有安排，请改约周四。" in status


def test_a_manager_cannot_read_change_or_export_another_venue(desk_app, staffed):
    log_in(desk_app, "dongcheng")
    other = staffed["a1"]["reference"]
    assert staffed["a1"]["reference"] not in desk_app.get("/staff/").text
    assert staffed["a1"]["reference"] not in desk_app.get(f"/staff/?venue={VENUE}").text
    assert detail(desk_app, other).status_code == 404
    guessed = re.sub(r"\d{4}$", "0999", other)
    assert detail(desk_app, guessed).text == detail(desk_app, other).text
    own = detail(desk_app, staffed["b1"]["reference"])
    refused = desk_app.post(f"/staff/requests/{other}/decision",
                            data={"decision": "decline", "csrf": csrf_in(own.text)}, headers=ORIGIN)
    assert "不属于您管理的场地" in desk_app.get(refused.headers["location"]).text or refused.status_code == 303
    assert "未同意" not in desk_app.get(staffed["a1"]["status_url"]).text
    exported = desk_app.get(f"/staff/export?format=csv&venue={VENUE}").content.decode("utf-8-sig")
    assert [row[0] for row in csv.reader(io.StringIO(exported))] == ["编号", staffed["b1"]["reference"]]


def test_posts_without_csrf_or_from_another_origin_are_refused(desk_app, staffed):
    log_in(desk_app, "hutian")
    token = csrf_in(detail(desk_app, staffed["a2"]["reference"]).text)
    path = f"/staff/requests/{staffed['a2']['reference']}/decision"
    no_csrf = desk_app.post(path, data={"decision": "approve"}, headers=ORIGIN)
    elsewhere = desk_app.post(path, data={"decision": "approve", "csrf": token}, headers={"Origin": "https://evil.example"})
    assert (no_csrf.status_code, elsewhere.status_code) == (403, 403)
    assert "缺少有效的安全令牌" in no_csrf.text and "拒绝了来自其他网站的提交" in elsewhere.text
    assert "未同意" in desk_app.get(staffed["a2"]["status_url"]).text


def test_the_administrator_sees_and_exports_every_venue(desk_app, staffed):
    log_in(desk_app, "admin")
    page = desk_app.get("/staff/").text
    assert all(sent["reference"] in page for sent in staffed.values())
    workbook = openpyxl.load_workbook(io.BytesIO(desk_app.get("/staff/export?format=xlsx").content))
    rows = list(workbook.active.values)
    assert rows[0][:3] == ("编号", "场地编号", "场地")
    assert {r[0] for r in rows[1:]} >= {sent["reference"] for sent in staffed.values()}
    assert any(r[8] == HOSTILE for r in rows[1:])  # kept as text, never a formula


def test_every_view_change_and_export_is_audited(desk_app, staffed):
    with desk_app.app.state.desk.db.transaction() as session:
        actions = {(e.user_name, e.action) for e in session.scalars(select(AuditEntry))}
    assert {("hutian", "list"), ("hutian", "view"), ("hutian", "approve"), ("hutian", "decline"),
            ("dongcheng", "export"), ("admin", "export"), ("hutian", "login")} <= actions


def test_one_status_link_shows_nothing_of_another_request(desk_app, staffed):
    page = desk_app.get(staffed["b1"]["status_url"]).text
    assert staffed["b1"]["reference"] in page
    assert staffed["a1"]["reference"] not in page and "13900009999" not in page
    assert desk_app.get("/r/not-a-token").status_code == 404


def test_withdrawing_frees_the_slot(desk_app, staffed):
    url = staffed["b1"]["status_url"]
    token = url.rsplit("/", 1)[1]
    assert desk_app.post(f"/r/{token}/withdraw", headers={"Origin": "https://evil.example"}).status_code == 403
    answer = desk_app.post(f"/r/{token}/withdraw", headers=ORIGIN)
    assert answer.status_code == 303
    assert "已撤回" in desk_app.get(url).text and "撤回申请</button>" not in desk_app.get(url).text
    assert desk_app.get(f"/venues/{OTHER_VENUE}/slots.json").json()["slots"] == []


def test_live_slots_hold_no_personal_data_and_may_be_cached_by_the_site(desk_app, staffed):
    response = desk_app.get(f"/venues/{VENUE}/slots.json", headers={"Origin": "http://127.0.0.1:8000"})
    assert response.headers["cache-control"] == "public, max-age=60"
    assert response.headers["access-control-allow-origin"] == "http://127.0.0.1:8000"
    text = response.text
    assert all(word not in text for word in ("王芳", "1380000", "滨河区婚姻家庭辅导中心", "亲子阅读会", "CD-"))
    assert desk_app.get("/venues/no-such-room/slots.json").status_code == 404
