"""Work handed to a forked process while this one goes on: the build machine has more than one core.

The forked process starts with this process's memory (records, settings), so a
task is any callable; only its result travels back (pickled). Where ``fork`` is
not available, or ``COLUMN_WORKERS=1``, each task simply runs in this process when
its result is first needed. A task that fails in the other process raises the same
error here when its result is asked for.
"""
from __future__ import annotations

import concurrent.futures
import gc
import multiprocessing
import os
from typing import Any, Callable, Generic, Sequence, TypeVar

T = TypeVar("T")

_tasks: Sequence[Callable[[], Any]] = ()
"""The tasks of the process about to be forked (the child reads them; the parent clears them)."""


def workers() -> int:
    """Processes the work may be shared among: the cores (at most 8), or ``COLUMN_WORKERS``; 1 without fork."""
    wanted = os.environ.get("COLUMN_WORKERS", "")
    count = int(wanted) if wanted.isdigit() and int(wanted) > 0 else min(os.cpu_count() or 1, 8)
    return count if "fork" in multiprocessing.get_all_start_methods() else 1


def enabled() -> bool:
    return workers() > 1


class Pending(Generic[T]):
    """The result of one task: from the other process, or computed here on first use."""

    def __init__(self, task: Callable[[], T], future: concurrent.futures.Future | None = None) -> None:
        self._task, self._future = task, future

    def result(self) -> T:
        if self._future is None:
            self._future = concurrent.futures.Future()
            self._future.set_result(self._task())
        return self._future.result()


def start(task: Callable[[], T]) -> Pending[T]:
    """Begin ``task`` in another process."""
    return start_all([task])[0]


def start_all(tasks: Sequence[Callable[[], T]], processes: int = 1) -> list[Pending[T]]:
    """Begin ``tasks`` in ``processes`` other processes, which take them in order (ask for them in that order)."""
    if not tasks or not enabled():
        return [Pending(task) for task in tasks]
    global _tasks
    _tasks = tasks
    try:
        pool = concurrent.futures.ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"))
        futures = [pool.submit(_run, index) for index in range(len(tasks))]  # forked at the first submit
    finally:
        _tasks = ()
    pool.shutdown(wait=False)
    return [Pending(task, future) for task, future in zip(tasks, futures)]


def _run(index: int) -> Any:
    gc.disable()  # a short-lived process: collecting would only rescan what it inherited
    return _tasks[index]()
