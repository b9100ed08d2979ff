"""长者模式 and large text where readers meet them: headless Chromium on a 360-px phone inside WeChat,
with the browser's text size at 100 % and at 200 %."""
from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from support.kinds import PAGES, resolve
from support.server import serve

pytestmark = pytest.mark.browser

SWITCH = "header [data-col-elder-switch]"
MEASURE = """() => {
    const body = getComputedStyle(document.querySelector('.md-content .md-typeset'));
    return {elder: document.documentElement.classList.contains('col-elder'),
            font: parseFloat(body.fontSize), line: parseFloat(body.lineHeight),
            width: document.documentElement.scrollWidth};
}"""


def tour(page, base: str, site) -> dict[str, dict]:
    """On each kind of page: 长者模式 off, one tap on the header switch, measure, then open the home page.
    No request may leave the site meanwhile (no toolbar script, no speech service, no font host)."""
    found = {}
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    for kind in PAGES:
        page.goto(base + resolve(site, kind))
        page.evaluate("localStorage.clear()")
        page.reload()
        before = page.evaluate(MEASURE)
        page.locator(SWITCH).click()
        on = page.evaluate(MEASURE)
        page.goto(base)
        found[kind] = {"before": before, "on": on, "next page": page.evaluate(MEASURE)}
    assert hosts - {""} == {urlsplit(base).netloc}
    return found


def check_tour(found: dict[str, dict], ordinary_font: float) -> None:
    for kind, seen in found.items():
        assert not seen["before"]["elder"] and seen["before"]["font"] == ordinary_font, kind
        assert seen["on"]["elder"] and seen["on"]["font"] >= 20, (kind, seen)
        assert seen["on"]["line"] >= 1.5 * seen["on"]["font"], (kind, seen)
        assert seen["on"]["width"] <= 360 and seen["before"]["width"] <= 360, (kind, seen)
        assert seen["next page"]["elder"] and seen["next page"]["font"] >= 20, (kind, seen)


def test_elder_mode_from_every_kind_of_page_header_at_ordinary_text_size(sample_site, phone):
    with serve(sample_site) as base:
        found = tour(phone, base, sample_site)
    check_tour(found, ordinary_font=16)


def test_elder_mode_from_every_kind_of_page_header_at_200_percent_text(sample_site, large_text_phone):
    page = large_text_phone.new_page()
    with serve(sample_site) as base:
        found = tour(page, base, sample_site)
    page.close()
    check_tour(found, ordinary_font=32)


def test_switch_is_one_labelled_button_of_48_px_and_says_whether_it_is_on(sample_site, phone):
    with serve(sample_site) as base:
        phone.goto(base + "events/")
        switch = phone.locator(SWITCH)
        assert switch.inner_text() == "长者模式" and switch.get_attribute("aria-pressed") == "false"
        switch.focus()
        phone.keyboard.press("Enter")
        assert switch.get_attribute("aria-pressed") == "true"
        box = switch.bounding_box()
        assert box["height"] >= 48 and box["x"] + box["width"] <= 360
        switch.click()
        assert phone.evaluate(MEASURE)["font"] == 16
        phone.goto(base)
        assert not phone.evaluate(MEASURE)["elder"]
        assert phone.evaluate("localStorage.length") == 0 and phone.context.cookies() == []


def test_month_grid_entries_show_titles_and_are_tap_targets_at_200_percent(sample_site, large_text_phone):
    page = large_text_phone.new_page()
    with serve(sample_site) as base:
        page.goto(base + resolve(sample_site, "month grid"))
        entries = page.evaluate("""() => [...document.querySelectorAll('.col-month td li a')].map(a => {
            const time = a.querySelector('.col-month__time'), title = a.querySelector('.col-month__title');
            const line = parseFloat(getComputedStyle(time).lineHeight);
            return {height: a.getBoundingClientRect().height, right: a.getBoundingClientRect().right,
                    timeLines: Math.round(time.getBoundingClientRect().height / line),
                    title: title.getBoundingClientRect().width > 1 ? title.innerText : ''};
        })""")
        width = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    assert entries and width <= 360
    for entry in entries:
        assert entry["height"] >= 44 and entry["right"] <= 360, entry
        assert entry["timeLines"] == 1 and entry["title"], entry


def test_venue_form_fits_the_phone_at_200_percent(sample_site, large_text_phone):
    page = large_text_phone.new_page()
    with serve(sample_site) as base:
        page.goto(base + PAGES["venue page"])
        rights = page.evaluate("""() => [...document.querySelectorAll('.col-request input, .col-request label')]
            .filter(e => e.offsetParent).map(e => e.getBoundingClientRect().right)""")
        width = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    assert rights and max(rights) <= 360 and width <= 360


def speech_stub(langs: list[str]) -> str:
    """The browser's speech synthesis replaced at its boundary: the device's voices, and what is spoken."""
    voices = [{"lang": lang, "name": lang, "default": False, "localService": True} for lang in langs]
    return """(() => {
        const voices = %s; window.spoken = [];
        window.SpeechSynthesisUtterance = function (text) { this.text = text; };
        Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
            getVoices: () => voices, cancel: () => {}, addEventListener: () => {},
            speak: u => window.spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.lang})}});
    })()""" % json.dumps(voices)


@pytest.mark.parametrize("langs", [[], ["en-US"]], ids=["no voice", "no Chinese voice"])
def test_read_aloud_is_hidden_where_the_device_has_no_chinese_voice(sample_site, phone, langs):
    phone.add_init_script(speech_stub(langs))
    with serve(sample_site) as base:
        phone.goto(base + PAGES["org profile"])
        assert phone.locator(".col-read-aloud:visible").count() == 0


def test_read_aloud_speaks_the_page_in_chinese_with_the_devices_voice(sample_site, phone):
    phone.add_init_script(speech_stub(["en-US", "zh-CN"]))
    with serve(sample_site) as base:
        phone.goto(base + PAGES["org profile"])
        title = phone.locator("article h1").inner_text()
        button = phone.locator(".col-read-aloud")
        assert button.inner_text() == "朗读本页" and button.is_visible()
        button.click()
        spoken = phone.evaluate("window.spoken")
        assert button.inner_text() == "停止朗读"
    assert spoken[0]["text"] == title
    assert all(s["lang"] == "zh-CN" == s["voice"] and 0 < len(s["text"]) <= 120 for s in spoken)
    assert any("联系方式" in s["text"] for s in spoken) and not any("朗读" in s["text"] for s in spoken)
