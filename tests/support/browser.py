"""Debian's Chromium driven by Playwright (never a downloaded browser)."""
from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-gpu", "--disable-quic"]


def launch(playwright):
    """Start headless Chromium; fails (not skips) when Debian's package is missing."""
    if not CHROMIUM.exists():
        raise RuntimeError(f"找不到 {CHROMIUM}：请运行 sudo apt-get install chromium（或 make system-deps）")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)


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
