"""Every page a test opens runs on the clock the test site was built with, never on the machine's date."""
from __future__ import annotations

import datetime as dt

from support.sitebuild import NOW

BUILT = dt.datetime.fromisoformat(NOW).timestamp() * 1000


def _drift_ms(page) -> float:
    page.goto("data:text/html,<p>时钟</p>")
    return abs(page.evaluate("Date.now()") - BUILT)


def test_pages_from_every_route_start_at_the_build_clock(chromium, phone):
    context = chromium.new_context()
    lone = chromium.new_page()
    try:
        assert _drift_ms(phone) < 60_000
        assert _drift_ms(context.new_page()) < 60_000
        assert _drift_ms(lone) < 60_000
    finally:
        context.close()
        lone.close()


def test_a_test_can_still_move_the_clock(phone):
    phone.clock.set_fixed_time("2027-01-01T08:00:00+08:00")
    phone.goto("data:text/html,<p>时钟</p>")
    assert phone.evaluate("new Date().toISOString()") == "2027-01-01T00:00:00.000Z"
