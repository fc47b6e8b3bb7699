"""Waiting for something another thread or process does, without a fixed sleep."""

from __future__ import annotations

import time


def until(condition, seconds: float = 10.0, every: float = 0.05) -> bool:
    """Whether ``condition()`` became true within ``seconds`` (asked every ``every`` seconds)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(every)
    return True
