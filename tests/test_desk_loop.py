"""The whole loop in headless Chromium, as a reader inside WeChat at 360 px: the poster's QR code, the venue
page, the desk (started here on 127.0.0.1), the manager's approval, the status page and the venue page."""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pytest
from pyzbar import pyzbar

from support import desk
from support.desk import FORM, PASSWORD, VENUE
from support.pixels import draw
from support.postgres import free_port
from support.records import write
from support.server import serve
from support.sitebuild import build_site, copy_project

pytestmark = pytest.mark.browser

WECHAT_UA = "Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Mobile MicroMessenger/8.0.47"
READER_CLOCK = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
TYPED = {name: FORM[name] for name in ("applicant", "org", "phone", "date", "start", "end", "people", "purpose")}
MANAGER = "hutian-manager"


@pytest.fixture(scope="module")
def loop(tmp_path_factory):
    """A site whose form posts to a desk on a port chosen before the build; the site served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("loop")
    project = copy_project(root / "project")
    desk_url = f"http://127.0.0.1:{free_port()}"
    config = (project / "column.yml").read_text(encoding="utf-8")
    write(project, "column.yml", config.replace("venues:\n", f"venues:\n  request_desk: {desk_url}\n"))
    database = f"sqlite:///{root / 'desk.sqlite3'}"
    with serve(build_site(project, root / "site")) as base:
        origin = base.rstrip("/")
        env = desk.environment(database, project, desk_url, DESK_SITE_ORIGINS=origin)
        added = desk.run_command(env, "user", "add", MANAGER, "--venue", VENUE, stdin=PASSWORD + "\n")
        assert added.returncode == 0, added.stderr.decode()
        yield base, desk_url, database, project


def start_desk(loop, **extra: str) -> desk.Server:
    base, desk_url, database, project = loop
    return desk.start_server(database, project, urlsplit(desk_url).port, DESK_BASE_URL=desk_url,
                             DESK_SITE_ORIGINS=base.rstrip("/"), **extra)


def reader(chromium, **options):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN", is_mobile=True,
                                   has_touch=True, timezone_id="Asia/Shanghai", user_agent=WECHAT_UA, **options)
    page = context.new_page()
    if options.get("java_script_enabled", True):
        page.clock.set_fixed_time(READER_CLOCK)
    return page


def scan_poster(page, base: str) -> str:
    """Decode the poster's QR code with zbar; the address of the page it names, on the served site."""
    page.goto(base + f"venues/{VENUE}/poster/")
    gray = draw(page, page.get_attribute(".col-poster__qr", "src"), 600)
    [code] = pyzbar.decode((gray.data, gray.width, gray.height))
    return base + urlsplit(code.data.decode("utf-8")).path.lstrip("/")


def fill(page, values: dict[str, str]) -> None:
    for name, value in values.items():
        page.fill(f"#f-{name}", value)
    page.check("#f-agree")


def approve(chromium, desk_url: str, reference: str, note: str) -> None:
    """The venue's manager logs in on a phone and approves the request with a note."""
    page = reader(chromium)
    page.goto(desk_url + "/staff/login")
    page.fill("#name", MANAGER)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.click(f"text={reference}")
    page.fill("#note-input", note)
    page.click("button[value=approve]")
    page.locator("#status", has_text="已同意").wait_for()
    page.context.close()


def test_scan_send_approve_and_see_it(chromium, loop):
    base, desk_url = loop[:2]
    running = start_desk(loop, DESK_PROOF_OF_WORK="on", DESK_POW_COST="50")
    try:
        page = reader(chromium)
        page.goto(scan_poster(page, base))
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.locator("altcha-widget").wait_for()
        fill(page, TYPED)
        page.click("#request-form button[type=submit]")
        reference = page.locator(".col-request__reference").inner_text(timeout=30000)
        assert reference.startswith("CD-2026")
        status_url = page.get_attribute(".col-request__status-link", "href")
        approve(chromium, desk_url, reference, "请提前十分钟到，钥匙在门卫处")
        page.goto(status_url)
        assert page.inner_text("#status") == "已同意"
        assert page.inner_text("#note") == "请提前十分钟到，钥匙在门卫处"
        page.context.close()
        page = reader(chromium)  # another reader: the slots answer may be cached for a minute
        page.goto(base + f"venues/{VENUE}/")
        page.locator("#f-live li", has_text="2026 年 12 月 1 日（周二） 14:00–15:30 已同意的申请").wait_for()
        page.fill("#f-date", "2026-12-01")
        page.fill("#f-start", "15:00")
        page.fill("#f-end", "16:00")
        page.dispatch_event("#f-end", "change")
        assert "已同意的申请（14:00–15:30）" in page.inner_text("#f-overlap")
        page.context.close()
    finally:
        running.stop()


def post_without_script(chromium, base: str, date: str):
    """Fill and send the form in a browser without JavaScript; the page the desk answered with."""
    page = reader(chromium, java_script_enabled=False)
    page.goto(base + f"venues/{VENUE}/")
    fill(page, {**TYPED, "date": date})
    with page.expect_navigation():
        page.click("#request-form button[type=submit]")
    return page


def test_without_a_solved_proof_the_desk_refuses_and_keeps_what_was_typed(chromium, loop):
    running = start_desk(loop, DESK_PROOF_OF_WORK="on", DESK_POW_COST="50")
    try:
        page = post_without_script(chromium, loop[0], "2026-12-04")
        assert "人机验证没有完成" in page.inner_text("#message")
        assert page.input_value("#f-applicant") == TYPED["applicant"]
        page.context.close()
    finally:
        running.stop()


def test_without_javascript_the_desk_answers_with_a_page(chromium, loop):
    running = start_desk(loop, DESK_PROOF_OF_WORK="off")
    try:
        page = post_without_script(chromium, loop[0], "2026-12-03")
        assert page.inner_text("h1") == "申请已提交"
        assert page.inner_text(".desk-reference").startswith("CD-2026")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.click("#status-link")
        assert page.inner_text("#status") == "待审核"
        page.context.close()
    finally:
        running.stop()


def test_when_the_desk_cannot_be_reached_the_page_offers_the_phone(chromium, loop):
    page = reader(chromium)
    page.goto(loop[0] + f"venues/{VENUE}/")
    fill(page, {**TYPED, "date": "2026-12-07"})
    page.click("#request-form button[type=submit]")
    page.locator(".col-request__status--error").wait_for()
    assert "您填写的内容还在" in page.inner_text(".col-request__status")
    assert page.input_value("#f-applicant") == TYPED["applicant"]
    assert page.is_hidden("#f-live")
    assert page.locator(".col-request__summary a[href^='tel:']").is_visible()
    page.context.close()
