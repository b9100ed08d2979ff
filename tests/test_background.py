"""Work done in another process while the build goes on (``column.background``) and what uses it."""
from __future__ import annotations

import os

import pytest

from column import background
from column.render import share

PARENT = os.getpid()


def test_tasks_run_in_another_process_with_this_ones_memory():
    state = {"records": list(range(1000))}  # reaches the child by fork, not by pickling
    pending = background.start_all([lambda: (os.getpid(), sum(state["records"])), lambda: os.getpid()])
    (child, total), again = [p.result() for p in pending]
    assert child != PARENT and again == child and total == 499500


def test_without_workers_a_task_runs_here_when_first_needed(monkeypatch):
    monkeypatch.setenv("COLUMN_WORKERS", "1")
    ran = []
    pending = background.start(lambda: ran.append(os.getpid()) or "done")
    assert ran == []
    assert pending.result() == "done" and pending.result() == "done"
    assert ran == [PARENT]


def test_an_error_in_the_other_process_is_raised_where_the_result_is_asked_for():
    pending = background.start(lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        pending.result()


@pytest.mark.parametrize("workers", ["1", ""])
def test_page_codes_made_ahead_are_the_codes_made_on_the_spot(monkeypatch, workers):
    monkeypatch.setenv("COLUMN_WORKERS", workers)
    urls = [f"https://example.org/column/orgs/org-{n}/" for n in range(share.PageCodes.BATCH + 5)]
    codes = share.PageCodes(urls)
    for url in (urls[0], urls[-1], "https://example.org/column/not-listed/"):
        assert codes.figure(url) == share.qr_figure(url)
        assert 'class="col-qr"' in codes.figure(url)
