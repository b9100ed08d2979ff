"""Training pages in a real headless Chromium: players load, chapters seek, embeds wait for a click."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from support.server import serve

pytestmark = pytest.mark.browser

VIDEO = "training/xiangmushu-zhaozhun-xuqiu/"
AUDIO = "training/fanjiabao-falv-zhishi/"
EMBED = "training/xiangmushu-yusuan-biaoge/"
PAGES = ["training/", VIDEO, AUDIO, EMBED, "training/shegong-kaoshi-shiwu-fudao/"]

MEDIA_STATE = """(selector) => {
  const m = document.querySelector(selector);
  return {ready: m.readyState, duration: m.duration, error: m.error && m.error.code, src: m.currentSrc};
}"""


def third_party(page, base: str) -> list[str]:
    """Record every request that leaves the test server; answer it with an empty page instead."""
    own = urlsplit(base).netloc
    leaving: list[str] = []

    def handle(route):
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            leaving.append(route.request.url)
            route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>stub</title>")

    page.route("**/*", handle)
    return leaving


def load_media(page, selector: str) -> dict:
    page.wait_for_function(f"document.querySelector('{selector}').readyState >= 1", timeout=10_000)
    return page.evaluate(MEDIA_STATE, selector)


@pytest.mark.parametrize("url", PAGES)
def test_no_overflow_at_360px_and_no_third_party_request(sample_site, phone, url):
    with serve(sample_site) as base:
        leaving = third_party(phone, base)
        phone.goto(base + url, wait_until="networkidle")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360
        assert leaving == []


def test_video_loads_with_captions_showing(sample_site, phone):
    with serve(sample_site) as base:
        phone.goto(base + VIDEO)
        state = load_media(phone, "video")
        assert state["error"] is None and state["duration"] > 18 and state["src"].endswith(".webm")
        phone.wait_for_function("document.querySelector('video').textTracks[0].cues?.length > 0", timeout=10_000)
        track = phone.evaluate("""() => { const t = document.querySelector('video').textTracks[0];
            return {kind: t.kind, mode: t.mode, label: t.label, first: t.cues[0].text}; }""")
        assert track == {"kind": "captions", "mode": "showing", "label": "中文字幕",
                         "first": "大家好，欢迎收看公益创投项目书写作课。"}


@pytest.mark.parametrize("url, selector, chapter", [(VIDEO, "video", 7), (VIDEO, "video", 13), (AUDIO, "audio", 12)])
def test_chapter_link_seeks_the_player(sample_site, phone, url, selector, chapter):
    with serve(sample_site) as base:
        phone.goto(base + url)
        phone.evaluate(f"document.querySelector('{selector}').muted = true")
        assert load_media(phone, selector)["duration"] > chapter
        assert phone.evaluate(f"document.querySelector('{selector}').currentTime") == 0
        phone.click(f'a[data-seek="{chapter}"]')
        phone.wait_for_function(f"document.querySelector('{selector}').currentTime >= {chapter}", timeout=10_000)
        assert phone.evaluate(f"document.querySelector('{selector}').currentTime") < chapter + 5
        assert phone.url == base + url + f"#t={chapter}"
        phone.wait_for_selector(f'a[data-seek="{chapter}"][aria-current="true"]')
        assert phone.locator("a[data-seek][aria-current]").count() == 1


def test_shared_link_with_a_time_opens_there(sample_site, phone):
    with serve(sample_site) as base:
        phone.goto(base + VIDEO + "#t=13")
        phone.wait_for_function("document.querySelector('video').currentTime === 13", timeout=10_000)
        assert phone.evaluate("document.querySelector('video').paused")


def test_audio_loads_and_has_its_transcript_below(sample_site, phone):
    with serve(sample_site) as base:
        phone.goto(base + AUDIO)
        state = load_media(phone, "audio")
        assert state["error"] is None and state["duration"] > 20
        player = phone.locator("audio").bounding_box()
        transcript = phone.locator("#transcript + .col-transcript")
        assert "人身安全保护令" in transcript.inner_text()
        assert transcript.bounding_box()["y"] > player["y"]


def test_embed_loads_the_platform_only_after_a_click(sample_site, phone):
    with serve(sample_site) as base:
        leaving = third_party(phone, base)
        phone.goto(base + EMBED, wait_until="networkidle")
        button = phone.get_by_role("button", name="点击播放（将在 哔哩哔哩 播放，会连接到第三方网站）")
        assert button.is_visible()
        assert phone.locator("iframe").count() == 0 and leaving == []
        button.click()
        frame = phone.locator("iframe.col-embed__frame")
        frame.wait_for()
        assert frame.get_attribute("src") == "https://player.bilibili.com/player.html?bvid=BV1Xx4y1Yexample&autoplay=0"
        phone.wait_for_timeout(300)
        assert [urlsplit(u).netloc for u in leaving] == ["player.bilibili.com"]


def test_embed_works_by_keyboard(sample_site, phone):
    with serve(sample_site) as base:
        third_party(phone, base)
        phone.goto(base + EMBED)
        phone.focus(".col-embed__cover")
        phone.keyboard.press("Enter")
        phone.locator("iframe.col-embed__frame").wait_for()


def test_without_javascript_embed_is_a_link_and_players_still_play(sample_site, chromium):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    with serve(sample_site) as base:
        leaving = third_party(page, base)
        page.goto(base + EMBED, wait_until="networkidle")
        link = page.locator("a.col-embed__cover")
        assert link.get_attribute("href") == "https://www.bilibili.com/video/BV1Xx4y1Yexample/"
        assert "到“哔哩哔哩”观看（将打开第三方网站）" in link.inner_text()
        assert page.locator("iframe").count() == 0 and leaving == []
        page.goto(base + VIDEO)
        assert page.locator("video[controls]").count() == 1
        assert page.locator("ol.col-chapters a").count() == 3
    context.close()
