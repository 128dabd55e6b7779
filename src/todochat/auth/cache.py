"""UserCache: the signed-in user for a few seconds, so a request need not read it again.

Every API request authenticates; at 50 concurrent chat streams that read (and its commit) was a
measurable share of each turn on SQLite's single connection. Entries live ``ttl`` seconds and are
dropped here when the account changes in this process; another worker may show a timezone change
up to ``ttl`` seconds late. Token signature and expiry are still checked on every request.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from todochat.db.models import User


class UserCache:
    """A small, bounded, time-limited map from user id to a loaded (detached) User."""

    def __init__(
        self, ttl: float = 5.0, max_size: int = 10_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._ttl = ttl
        self._max_size = max_size
        self._clock = clock
        self._entries: OrderedDict[int, tuple[float, User]] = OrderedDict()

    def get(self, user_id: int) -> User | None:
        """The cached user, if fresh."""
        entry = self._entries.get(user_id)
        if entry is None:
            return None
        if entry[0] <= self._clock():
            del self._entries[user_id]
            return None
        return entry[1]

    def put(self, user: User) -> None:
        """Remember ``user`` for ``ttl`` seconds."""
        if self._ttl <= 0:
            return
        self._entries[user.id] = (self._clock() + self._ttl, user)
        self._entries.move_to_end(user.id)
        while len(self._entries) > self._max_size:
            self._entries.popitem(last=False)

    def drop(self, user_id: int) -> None:
        """Forget a user whose account just changed."""
        self._entries.pop(user_id, None)
