"""The venue request form in a real Chromium: typed requests reach the endpoint intact; wrong ones never leave."""
from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest

from support.endpoint import endpoint
from support.records import write
from support.server import serve
from support.sitebuild import build_site, copy_project

pytestmark = pytest.mark.browser

CHINA = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2026, 11, 22, 10, 0, tzinfo=CHINA)
"""A Sunday. The reader's clock in every test (the build's clock is support.sitebuild.NOW)."""
VENUE = "hutian-funv-zhijia"
"""湖田街道妇女之家: 40 people, 3 days ahead, 周一–周五 08:30–17:30, 周六 09:00–16:00."""
WECHAT_UA = "Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Mobile MicroMessenger/8.0.47"
EVENT = """\
title: 湖田读书会（测试）
category: 文体活动
description: 每月一次的社区读书会。
organizers: [binhe-hunyin-jiating-fudao-zhongxin]
start: "2026-12-02 14:30"
end: "2026-12-02 16:30"
venue: hutian-funv-zhijia
audience: [妇女]
"""

TYPED = {
    "applicant": "王芳", "org": "滨河区婚姻家庭辅导中心", "phone": "13800001234", "date": "2026-12-02",
    "start": "09:30", "end": "11:00", "people": "25", "purpose": "亲子阅读会 & 手工：面向 3–6 岁儿童家庭，约 10 组",
    "equipment": "投影、话筒",
}
SENT = {"venue": [VENUE], "venue_name": ["湖田街道妇女之家 活动室"], "agree": ["yes"],
        **{name: [value] for name, value in TYPED.items()}}


@pytest.fixture(scope="module")
def posting_site(tmp_path_factory):
    """A site whose column.yml sends requests to a recording endpoint; one known event at the venue."""
    with endpoint() as recorder:
        root = tmp_path_factory.mktemp("requests")
        project = copy_project(root / "project")
        config = (project / "column.yml").read_text(encoding="utf-8")
        write(project, "column.yml", config.replace("venues:\n", f"venues:\n  request_endpoint: {recorder.url}\n"))
        write(project, "events/hutian-dushuhui-ceshi.yml", EVENT)
        with serve(build_site(project, root / "site")) as base:
            yield base, recorder


@pytest.fixture
def recorder(posting_site):
    posting_site[1].clear()
    return posting_site[1]


def reader(chromium, user_agent: str | None = None, now: dt.datetime = NOW, **options):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN", timezone_id="Asia/Shanghai",
                                   user_agent=user_agent, **options)
    page = context.new_page()
    if options.get("java_script_enabled", True):
        page.clock.set_fixed_time(now)
    return page


def fill(page, values: dict[str, str], agree: bool = True) -> None:
    for name, value in values.items():
        page.fill(f"#f-{name}", value)
    if agree:
        page.check("#f-agree")


def test_typed_request_arrives_at_the_endpoint_intact(chromium, posting_site, recorder):
    base, _ = posting_site
    page = reader(chromium)
    page.goto(base + f"venues/{VENUE}/")
    fill(page, TYPED)
    page.click("#request-form button[type=submit]")
    status = page.locator(".col-request__status")
    status.filter(has_text="申请已提交").wait_for()
    assert recorder.bodies == [SENT]
    assert recorder.content_types[0].startswith("application/x-www-form-urlencoded")
    assert "col-request__status--ok" in status.get_attribute("class")
    assert page.input_value("#f-applicant") == ""
    summary = page.input_value("#f-summary")
    assert "申请人：王芳" in summary and "使用时间：09:30–11:00" in summary and "2026 年 12 月 2 日（周三）" in summary
    page.context.close()


def test_organization_can_be_picked_from_the_directory_or_typed(chromium, posting_site, recorder):
    base, _ = posting_site
    page = reader(chromium)
    page.goto(base + f"venues/{VENUE}/")
    options = page.eval_on_selector_all("#f-org-list option", "os => os.map(o => o.value)")
    assert TYPED["org"] in options and len(options) >= 15
    assert page.get_attribute("#f-org", "list") == "f-org-list"
    fill(page, {**TYPED, "org": "湖田社区编织小组"})
    page.click("#request-form button[type=submit]")
    page.locator(".col-request__status", has_text="申请已提交").wait_for()
    assert recorder.bodies[0]["org"] == ["湖田社区编织小组"]
    page.context.close()


def test_no_double_submit_while_sending(chromium, posting_site, recorder):
    base, _ = posting_site
    recorder.delay = 1.0
    page = reader(chromium)
    page.goto(base + f"venues/{VENUE}/")
    fill(page, TYPED)
    page.click("#request-form button[type=submit]")
    assert page.is_disabled("#request-form button[type=submit]")
    page.dispatch_event("#request-form", "submit")
    page.evaluate("document.getElementById('request-form').requestSubmit()")
    page.locator(".col-request__status", has_text="申请已提交").wait_for()
    assert len(recorder.bodies) == 1
    page.context.close()


def test_failure_is_shown_and_can_be_retried(chromium, posting_site, recorder):
    base, _ = posting_site
    recorder.answer = "fail"
    page = reader(chromium)
    page.goto(base + f"venues/{VENUE}/")
    fill(page, TYPED)
    page.click("#request-form button[type=submit]")
    page.locator(".col-request__status--error", has_text="提交没有成功").wait_for()
    button = page.locator("#request-form button[type=submit]")
    assert button.inner_text() == "重新提交" and button.is_enabled()
    assert page.input_value("#f-applicant") == "王芳"
    assert page.locator(".col-request__summary").is_visible()
    recorder.answer = "ok"
    button.click()
    page.locator(".col-request__status--ok").wait_for()
    assert recorder.bodies == [SENT, SENT]
    page.context.close()


@pytest.mark.parametrize("changes, field, message", [
    ({"date": "2026-11-24"}, "date", "本场地需至少提前 3 天申请：请选择 2026 年 11 月 25 日（周三）或以后的日期"),
    ({"date": "2026-12-06"}, "date", "本场地周日不开放，请换一天"),
    ({"start": "07:30", "end": "09:00"}, "start", "所选时间不在开放时间内：周三开放 08:30–17:30"),
    ({"date": "2026-12-05", "start": "15:00", "end": "17:00"}, "start", "所选时间不在开放时间内：周六开放 09:00–16:00"),
    ({"start": "16:00", "end": "14:00"}, "end", "结束时间应晚于开始时间"),
    ({"people": "41"}, "people", "本场地最多容纳 40 人，请减少人数或选择更大的场地"),
    ({"people": "0"}, "people", "参加人数应为 1 到 40 之间的整数"),
    ({"phone": "12345"}, "phone", "电话号码格式不对：请填写 11 位手机号，或带区号的座机号（如 0533-1234567）"),
    ({"applicant": ""}, "applicant", "请填写申请人姓名"),
    ({"purpose": ""}, "purpose", "请简单写明活动内容"),
])
def test_invalid_input_shows_its_message_and_sends_nothing(chromium, posting_site, recorder, changes, field, message):
    base, _ = posting_site
    page = reader(chromium)
    page.goto(base + f"venues/{VENUE}/")
    fill(page, {**TYPED, **changes})
    page.click("#request-form button[type=submit]")
    error = page.locator(f"#f-{field}-error")
    assert error.inner_text() == message
    assert error.is_visible()
    assert page.get_attribute(f"#f-{field}", "aria-invalid") == "true"
    assert f"f-{field}-error" in page.get_attribute(f"#f-{field}", "aria-describedby")
    assert page.evaluate("document.activeElement.id") == f"f-{field}"
    assert page.locator(".col-request__status").inner_text() == "有 1 处需要修改，请看标红的提示。"
    page.wait_for_timeout(300)
    assert recorder.bodies == []
    assert not page.locator(".col-request__summary").is_visible()
    page.context.close()


def test_rules_must_be_agreed_to(chromium, posting_site, recorder):
    base, _ = posting_site
    page = reader(chromium)
    page.goto(base + f"venues/{VENUE}/")
    fill(page, TYPED, agree=False)
    page.click("#request-form button[type=submit]")
    assert page.inner_text("#f-agree-error") == "请先阅读并勾选同意使用须知"
    page.wait_for_timeout(300)
    assert recorder.bodies == []
    page.context.close()


def test_lead_time_counts_from_the_readers_clock(chromium, posting_site, recorder):
    base, _ = posting_site
    page = reader(chromium, now=dt.datetime(2026, 11, 21, 9, 0, tzinfo=CHINA))
    page.goto(base + f"venues/{VENUE}/")
    assert page.get_attribute("#f-date", "min") == "2026-11-24"
    fill(page, {**TYPED, "date": "2026-11-24"})
    page.click("#request-form button[type=submit]")
    page.locator(".col-request__status--ok").wait_for()
    assert recorder.bodies[0]["date"] == ["2026-11-24"]
    page.context.close()


def test_overlap_with_a_known_booking_is_warned_but_allowed(chromium, posting_site, recorder):
    base, _ = posting_site
    page = reader(chromium)
    page.goto(base + f"venues/{VENUE}/")
    fill(page, {**TYPED, "start": "14:00", "end": "15:00"})
    warning = page.locator("#f-overlap")
    assert warning.inner_text() == "提醒：所选时段与已知安排重叠——湖田读书会（测试）（14:30–16:30）。仍可提交，场地管理人会和您协调。"
    page.fill("#f-start", "16:30")
    page.fill("#f-end", "17:00")
    page.dispatch_event("#f-end", "change")
    assert not warning.is_visible()
    page.fill("#f-start", "14:00")
    page.dispatch_event("#f-start", "change")
    page.click("#request-form button[type=submit]")
    page.locator(".col-request__status--ok").wait_for()
    assert len(recorder.bodies) == 1
    page.context.close()


def test_form_posts_without_javascript(chromium, posting_site, recorder):
    base, _ = posting_site
    page = reader(chromium, java_script_enabled=False)
    page.goto(base + f"venues/{VENUE}/")
    fill(page, TYPED)
    with page.expect_navigation():
        page.click("#request-form button[type=submit]")
    assert recorder.bodies == [SENT]
    page.context.close()


def test_nothing_personal_stays_in_the_browser(chromium, posting_site, recorder):
    base, _ = posting_site
    page = reader(chromium)
    page.goto(base + f"venues/{VENUE}/")
    fill(page, {**TYPED, "phone": "1"})
    page.click("#request-form button[type=submit]")
    page.goto(base + "venues/")
    page.go_back()
    page.wait_for_selector("#f-applicant")
    assert all(page.input_value(f"#f-{name}") == "" for name in TYPED)
    assert not page.is_checked("#f-agree")
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("document.cookie") == ""
    assert page.context.cookies() == []
    assert page.get_attribute("#request-form", "autocomplete") == "off"
    page.context.close()


# --- where no endpoint is set: a prefilled mail, the phone, and the summary ---------------


def submit_in_mail_mode(page, base: str) -> None:
    page.goto(base + f"venues/{VENUE}/")
    fill(page, TYPED)
    page.click("#request-form button[type=submit]")
    page.locator('[data-action="mailto"]').wait_for()


def test_mail_mode_builds_a_prefilled_mailto(sample_site, chromium):
    page = reader(chromium)
    with serve(sample_site) as base:
        submit_in_mail_mode(page, base)
        href = page.get_attribute('[data-action="mailto"]', "href")
    parts = urlsplit(href)
    assert (parts.scheme, parts.path) == ("mailto", "changdi@example.org")
    query = parse_qs(parts.query)
    assert query["subject"] == ["场地申请：湖田街道妇女之家 活动室 2026-12-02 09:30–11:00"]
    body = query["body"][0]
    assert body == page.input_value("#f-summary").replace("\n", "\r\n")
    for line in ("场地：湖田街道妇女之家 活动室", "申请人：王芳", "申请单位：滨河区婚姻家庭辅导中心", "联系电话：13800001234",
                 "参加人数：25 人", "需要的设备：投影、话筒", f"场地页面：{base}venues/hutian-funv-zhijia/"):
        assert line in body
    assert "已生成申请邮件" in page.inner_text(".col-request__status")
    assert not page.locator(".col-request__wechat").is_visible()
    page.context.close()


def test_wechat_is_told_that_mail_may_not_open_and_offered_copy_and_phone(sample_site, chromium):
    page = reader(chromium, user_agent=WECHAT_UA, permissions=["clipboard-read", "clipboard-write"])
    with serve(sample_site) as base:
        page.goto(base + f"venues/{VENUE}/")
        notice = page.locator(".col-request__wechat")
        assert notice.is_visible()
        assert "微信里点邮件链接常常没有反应" in notice.inner_text()
        assert notice.locator('a[href="tel:00000000100"]').is_visible()
        submit_in_mail_mode(page, base)
        assert "微信里邮件链接常常打不开" in page.inner_text(".col-request__status")
        page.click('[data-action="copy"]')
        page.locator(".col-request__status", has_text="申请摘要已复制").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.input_value("#f-summary") and "申请人：王芳" in copied
    assert page.locator('.col-request__summary a[href^="tel:"]').is_visible()
    page.context.close()


def test_venue_setting_overrides_the_site_endpoint(chromium, posting_site):
    base, _ = posting_site
    page = reader(chromium)
    page.goto(base + "venues/fuer-fuwu-zhongxin-peixunshi/")
    assert page.get_attribute("#request-form", "data-mode") == "mail"
    page.goto(base + f"venues/{VENUE}/")
    assert page.get_attribute("#request-form", "data-mode") == "post"
    assert page.get_attribute("#request-form", "action") == posting_site[1].url
    page.context.close()


# Date and time fields follow the browser's own language (Chinese: 年/月/日 and 24 h; this
# machine's Chromium: month/day/year and AM/PM). A probe in the same browser tells which.
def us_layout(context) -> bool:
    probe = context.new_page()
    probe.set_content("<input type=date id=d>")
    probe.focus("#d")
    type_segments(probe, ["12", "02", "2026"])
    us = probe.input_value("#d") == "2026-12-02"
    probe.close()
    return us


def type_segments(page, parts: list[str]) -> None:
    """Complete segments advance by themselves; a year (up to six digits) needs ArrowRight."""
    for n, part in enumerate(parts):
        page.keyboard.type(part)
        if len(part) == 4 and n < len(parts) - 1:
            page.keyboard.press("ArrowRight")


def segments(name: str, value: str, us: bool) -> list[str]:
    if name == "date":
        year, month, day = value.split("-")
        return [month, day, year] if us else [year, month, day]
    if name in ("start", "end"):
        return value.split(":") + (["AM" if int(value[:2]) < 12 else "PM"] if us else [])
    return [value]


def test_request_by_keyboard_alone(chromium, posting_site, recorder):
    """Tab moves through the fields in reading order; typing, Space and Enter are enough to send."""
    base, _ = posting_site
    page = reader(chromium)
    page.goto(base + f"venues/{VENUE}/")
    us = us_layout(page.context)
    page.focus("#f-applicant")
    for name, value in TYPED.items():
        assert page.evaluate("document.activeElement.id") == f"f-{name}"
        type_segments(page, segments(name, value, us))
        assert page.input_value(f"#f-{name}") == value
        for _ in range(3):  # a date or time field may keep focus for its own segments
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") != f"f-{name}":
                break
    while page.evaluate("document.activeElement.id") != "f-agree":
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    while page.evaluate("document.activeElement.type") != "submit":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.locator(".col-request__status", has_text="申请已提交").wait_for()
    assert recorder.bodies == [SENT]
    page.context.close()
