"""Debian's Chromium driven by Playwright (never a downloaded browser)."""
from __future__ import annotations

import json
import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-gpu", "--disable-quic"]
WECHAT = "Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Mobile MicroMessenger/8.0"
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True,
         "locale": "zh-CN", "user_agent": WECHAT}
"""A 360-px phone inside WeChat's in-app browser."""


def _executable() -> str:
    """Debian's Chromium; a missing one fails the run (never a skip)."""
    if not CHROMIUM.exists():
        raise RuntimeError(f"找不到 {CHROMIUM}：请运行 sudo apt-get install chromium（或 make system-deps）")
    return str(CHROMIUM)


def launch(playwright):
    """Start headless Chromium."""
    return playwright.chromium.launch(executable_path=_executable(), args=ARGS, headless=True)


def launch_large_text(playwright, profile: Path, now: str):
    """A phone context whose browser text size is 200 %: Chromium's default font size 32 px instead of 16 px,
    set in the profile's preferences as the browser's own text-size setting does (rem and em grow, px stay)."""
    (profile / "Default").mkdir(parents=True, exist_ok=True)
    prefs = {"webkit": {"webprefs": {"default_font_size": 32, "default_fixed_font_size": 26}}}
    (profile / "Default" / "Preferences").write_text(json.dumps(prefs), encoding="utf-8")
    context = playwright.chromium.launch_persistent_context(str(profile), executable_path=_executable(), args=ARGS,
                                                           headless=True, **PHONE)
    context.clock.install(time=now)
    return context


class Clocked:
    """A browser whose every context starts with its clock at ``now``, the clock the test site was built with.

    Pages then judge "past", "today" and "coming" as the build did, whatever the machine's date; a test that
    needs another moment moves the clock itself (``page.clock.set_fixed_time``, ``page.clock.install``).
    """

    def __init__(self, browser, now: str):
        self._browser, self.now = browser, now

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        context.clock.install(time=self.now)
        return context

    def new_page(self, **options):
        page = self._browser.new_page(**options)
        page.context.clock.install(time=self.now)
        return page

    def __getattr__(self, name):
        return getattr(self._browser, name)


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page) -> list[dict]:
    """axe-core's serious and critical WCAG 2.1 A/AA violations on the loaded ``page``."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
