"""Counting attempts per key (an address, a staff name) over a sliding window, in this process's memory."""
from __future__ import annotations

import collections
import threading
import time


class Window:
    """At most ``limit`` hits per ``seconds`` for each key; ``hit`` says whether one more is allowed."""

    def __init__(self, limit: int, seconds: float, clock=time.monotonic) -> None:
        self.limit, self.seconds, self.clock = limit, seconds, clock
        self.hits: dict[str, collections.deque[float]] = {}
        self.lock = threading.Lock()

    def _recent(self, key: str, now: float) -> collections.deque[float]:
        hits = self.hits.setdefault(key, collections.deque())
        while hits and hits[0] <= now - self.seconds:
            hits.popleft()
        return hits

    def hit(self, key: str) -> bool:
        """Count one attempt for ``key``; False (not counted) when the limit is already reached."""
        with self.lock:
            now = self.clock()
            hits = self._recent(key, now)
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            if len(self.hits) > 10000:
                self._forget_old(now)
            return True

    def blocked(self, key: str) -> bool:
        with self.lock:
            return len(self._recent(key, self.clock())) >= self.limit

    def clear(self, key: str) -> None:
        with self.lock:
            self.hits.pop(key, None)

    def _forget_old(self, now: float) -> None:
        for key in [k for k, v in self.hits.items() if not v or v[-1] <= now - self.seconds]:
            del self.hits[key]
