"""Python's cyclic garbage collector, paused while the column builds many long-lived objects."""
from __future__ import annotations

import contextlib
import gc
from typing import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block (reference counting still frees everything acyclic).

    Loading records and rendering pages create objects that live on (nodes, data,
    records, pages); the collector would rescan them again and again as they pile
    up — 70 % of the YAML parsing time at city scale. What is built here holds no
    cycles worth collecting early, and collection resumes after the block.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
