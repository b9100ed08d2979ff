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
