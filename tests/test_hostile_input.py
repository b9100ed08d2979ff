"""Hostile and broken input that is not a file problem: settings, text that costs time, numbers and dates.

Each case ends in one located Chinese message from the same checks ``make check`` runs.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from column import inputs
from column.problems import Problems, RecordsInvalid
from support.records import TODAY, write


def staff_messages(root: Path) -> list[str]:
    """Every problem the check finds in ``root`` (settings, stories and records), hints left out."""
    problems = Problems()
    (root / "content").mkdir(exist_ok=True)
    with pytest.raises(RecordsInvalid):
        inputs.load_inputs(root, root / "content", TODAY, problems)
    return [p.text().split("\n")[0] for p in problems.errors]


@pytest.mark.parametrize("link", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                                  "data:text/html,<script>alert(1)</script>", "//evil.example/", "vbscript:msgbox(1)"])
def test_announcement_link_is_a_site_page_or_a_web_address(tmp_path, link):
    write(tmp_path, "column.yml", f"announcement:\n  text: 公告\n  link: '{link}'\n")
    assert staff_messages(tmp_path) == [
        f'column.yml:3 announcement.link（链接）：应为站内页面路径（如 events/）或以 https:// 开头的网址，实际为 "{link[:40]}"'
        + ("…" if len(link) > 40 else "")]
