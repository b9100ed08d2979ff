"""Work handed to a forked process while this one goes on: the build machine has more than one core.

The forked process starts with this process's memory (records, settings), so a
task is any callable; only its result travels back (pickled). Where ``fork`` is
not available, or ``COLUMN_WORKERS=1``, each task simply runs in this process when
its result is first needed. A task that fails in the other process is run again
here when its result is asked for, so its error is raised here with its own type
(an exception need not survive pickling).
"""
from __future__ import annotations

import concurrent.futures
import concurrent.futures.process
import gc
import multiprocessing
import os
from typing import Any, Callable, Generic, Sequence, TypeVar

T = TypeVar("T")

_tasks: Sequence[Callable[[], Any]] = ()
"""The tasks of the process about to be forked (the child reads them; the parent clears them)."""
_outstanding: list[concurrent.futures.Future] = []
"""Tasks handed out and perhaps not begun yet (see :func:`cancel_all`)."""


def workers() -> int:
    """Processes the work may be shared among: the cores (at most 8), or ``COLUMN_WORKERS``; 1 without fork."""
    wanted = os.environ.get("COLUMN_WORKERS", "")
    count = int(wanted) if wanted.isdigit() and int(wanted) > 0 else min(os.cpu_count() or 1, 8)
    return count if "fork" in multiprocessing.get_all_start_methods() else 1


def enabled() -> bool:
    return workers() > 1


_FAILED = "column.background: the task failed"
"""What the other process returns for a failed task (the task is then run again here)."""


class Pending(Generic[T]):
    """The result of one task: from the other process, or computed here on first use."""

    def __init__(self, task: Callable[[], T], future: concurrent.futures.Future | None = None) -> None:
        self._task, self._future = task, future

    def result(self) -> T:
        if self._future is not None:
            try:
                value = self._future.result()
            except (concurrent.futures.process.BrokenProcessPool, concurrent.futures.CancelledError):
                value = _FAILED  # the other process died (killed, out of memory) or was told to stop: work here
            if not (isinstance(value, str) and value == _FAILED):
                return value
        done: concurrent.futures.Future = concurrent.futures.Future()
        try:
            done.set_result(self._task())
        except BaseException as exc:
            done.set_exception(exc)
        self._future = done
        return done.result()


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
    _outstanding[:] = [future for future in _outstanding if not future.done()] + futures
    return [Pending(task, future) for task, future in zip(tasks, futures)]


def cancel_all() -> None:
    """Drop the tasks not begun yet (a new build starts: the last one's results are not wanted)."""
    while _outstanding:
        _outstanding.pop().cancel()


def _run(index: int) -> Any:
    gc.disable()  # a short-lived process: collecting would only rescan what it inherited
    try:
        return _tasks[index]()
    except Exception:
        return _FAILED
