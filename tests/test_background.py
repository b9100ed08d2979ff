"""Work done in another process while the build goes on (``column.background``) and what uses it."""
from __future__ import annotations

import os
import time

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
    urls = [f"https://example.org/column/orgs/org-{n}/" for n in range(share.Ahead.BATCH + 5)]
    codes = share.PageCodes(urls)
    for url in (urls[0], urls[-1], "https://example.org/column/not-listed/"):
        assert codes.figure(url) == share.qr_figure(url)
        assert 'class="col-qr"' in codes.figure(url)


class Refused(Exception):
    """Like the checker's own errors: a constructor pickle cannot call again."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def test_an_error_that_cannot_travel_is_raised_here_with_its_own_type_and_spares_the_other_tasks():
    def fail():
        raise Refused(3, "第 3 行有误")

    pending = background.start_all([fail, lambda: os.getpid()])
    with pytest.raises(Refused, match="第 3 行有误"):
        pending[0].result()
    assert pending[1].result() != PARENT


def test_a_task_that_failed_here_fails_again_on_every_ask(monkeypatch):
    monkeypatch.setenv("COLUMN_WORKERS", "1")
    pending = background.start(lambda: 1 / 0)
    for _ in range(2):
        with pytest.raises(ZeroDivisionError):
            pending.result()


def test_tasks_not_begun_are_dropped_when_a_new_build_starts_and_run_here_if_still_asked_for():
    pending = background.start_all([lambda: time.sleep(0.5) or os.getpid()] + [lambda: os.getpid()] * 50)
    background.cancel_all()
    where = [p.result() for p in pending]
    assert where[0] != PARENT  # already begun: finished over there
    assert PARENT in where[1:]  # dropped there, done here when asked
