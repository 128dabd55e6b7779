"""Slots: how many turns of this process are answered at once, in the order they came.

Turns of the built-in assistant are CPU work in the server's one thread, so turns in progress
share the processor: with four at once each takes as long as the four. One at a time answers
each soonest — at half capacity the first text delta came at p50 15 ms / p99 61 ms with one,
20 / 85 ms with four — but under a backlog one at a time costs ~10 % of capacity: a single
turn's events reach its stream one by one (a write each), while turns interleaved leave
several events per write. So the slots can be ``calm``: while at most ``backlog`` turns are in
progress or waiting, ``calm`` at once; beyond that, up to ``most``.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque

# Turns in progress or waiting beyond which a calm process opens all its slots.
BACKLOG = 8


class Slots:
    """At most ``most`` turns at once (``calm`` while few wait), granted first come first served."""

    def __init__(self, most: int, calm: int | None = None, backlog: int = BACKLOG) -> None:
        self.most = most
        self.calm = most if calm is None else max(1, min(calm, most))
        self._backlog = backlog
        self._active = 0
        self._waiting: deque[asyncio.Future[None]] = deque()

    @property
    def active(self) -> int:
        """Turns holding a slot."""
        return self._active

    def _limit(self) -> int:
        # Counted over turns in progress and waiting: granting a slot does not change it, so
        # the limit does not swing with each grant.
        return self.most if self._active + len(self._waiting) > self._backlog else self.calm

    async def acquire(self) -> None:
        """Wait for a slot (FIFO); cancelling the wait gives back a slot granted meanwhile."""
        if not self._waiting and self._active < self._limit():
            self._active += 1
            return
        granted = asyncio.get_running_loop().create_future()
        self._waiting.append(granted)
        self._grant()  # a longer queue may have opened more slots
        try:
            await granted
        except BaseException:
            if granted.done() and not granted.cancelled():
                self.release()  # granted as the wait was cancelled: hand it on
            else:
                granted.cancel()
                # Already dropped if a grant passed it over as cancelled.
                with contextlib.suppress(ValueError):
                    self._waiting.remove(granted)
            raise

    def release(self) -> None:
        """Give back a slot; the longest-waiting turn gets it."""
        self._active -= 1
        self._grant()

    def _grant(self) -> None:
        while self._waiting and self._active < self._limit():
            granted = self._waiting.popleft()
            if granted.done():
                continue
            self._active += 1
            granted.set_result(None)
