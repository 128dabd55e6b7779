"""The per-user live feed: every change to a user's todos and conversations, whoever made it.

A browser tab, a phone and the terminal client each keep one ``GET /api/events`` stream open and
apply what it carries, so they stay in step with each other and with the assistant. Events are
small notices (what changed, its id), not copies of the data: a client reloads what it shows.
The feed keeps the last ``FEED_LENGTH`` events of each user so a client that reconnects with its
``Last-Event-ID`` misses nothing; one that was gone for longer gets ``reset`` (reload all).

In memory for one process; with Redis (``feed_redis``) a change made on any worker reaches the
streams of every worker.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections import OrderedDict, deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from todochat.live.changes import Changes

log = logging.getLogger("todochat.live")

FEED_LENGTH = 256


class FeedEvent(NamedTuple):
    """One change notice; ``id`` orders a user's events and is what a client resumes from."""

    id: str
    kind: str
    data: dict[str, Any]


# Sent first to a client that resumes from an event the feed no longer holds.
RESET = "reset"


class Feed(Protocol):
    """Publish change notices per user; follow a user's notices live."""

    async def publish(self, user_id: int, kind: str, data: dict[str, Any]) -> None:
        """Add a notice to the user's feed and wake the user's streams (on every worker)."""

    async def position(self, user_id: int) -> str:
        """The id of the user's newest notice: where a new stream starts."""
        ...

    def tail(self, user_id: int, after: str, heartbeat: float) -> AsyncIterator[list[FeedEvent]]:
        """Notices after ``after``, then live ones, without end; an empty list when
        ``heartbeat`` seconds passed with nothing new. ``reset`` first when the feed no longer
        holds what came after ``after``."""
        ...

    def end_streams(self) -> None:
        """End every open tail (the server is stopping; clients resume on another worker)."""

    async def close(self) -> None:
        """Release resources."""


# Users whose feed one process keeps; beyond it, those with no open stream are forgotten,
# least recently active first (each costs ~1 KiB, with up to FEED_LENGTH notices more).
FEED_USERS = 10_000


async def woken(wakeup: asyncio.Event, heartbeat: float) -> bool:
    """Wait for ``wakeup``; False when ``heartbeat`` seconds passed first."""
    try:
        # A timeout scope, not wait_for: no task per wait (10,000 idle streams wake 2,000
        # times a second at a 5 s heartbeat).
        async with asyncio.timeout(heartbeat):
            await wakeup.wait()
    except TimeoutError:
        return False
    return True


@dataclass
class _UserFeed:
    seq: int = 0
    events: deque[FeedEvent] = field(default_factory=lambda: deque(maxlen=FEED_LENGTH))
    wakeup: asyncio.Event = field(default_factory=asyncio.Event)
    streams: int = 0


class MemoryFeed:
    """The feed of one process."""

    def __init__(self, max_users: int = FEED_USERS) -> None:
        self._users: OrderedDict[int, _UserFeed] = OrderedDict()
        self._max_users = max_users
        # Notices published in all, for every user: a forgotten user's feed starts again from
        # here, past every id it gave before, so a client resuming from one of those gets
        # ``reset`` rather than the new feed's notices under reused ids.
        self._published = 0
        self._ending = False

    def _user(self, user_id: int) -> _UserFeed:
        feed = self._users.get(user_id)
        if feed is None:
            feed = self._users[user_id] = _UserFeed(seq=self._published)
            if len(self._users) > self._max_users:
                self._forget_idle()
        else:
            self._users.move_to_end(user_id)
        return feed

    def _forget_idle(self) -> None:
        # Least recently active first: usually the first one or two are idle.
        excess = len(self._users) - self._max_users
        idle = list(itertools.islice((u for u, f in self._users.items() if not f.streams), excess))
        for uid in idle:
            del self._users[uid]

    async def publish(self, user_id: int, kind: str, data: dict[str, Any]) -> None:
        feed = self._user(user_id)
        self._published += 1
        feed.seq += 1
        feed.events.append(FeedEvent(str(feed.seq), kind, data))
        wakeup, feed.wakeup = feed.wakeup, asyncio.Event()
        wakeup.set()

    async def position(self, user_id: int) -> str:
        return str(self._user(user_id).seq)

    async def tail(
        self, user_id: int, after: str, heartbeat: float
    ) -> AsyncIterator[list[FeedEvent]]:
        feed = self._user(user_id)
        feed.streams += 1  # kept while a stream follows it
        try:
            position = int(after) if after.isdigit() else -1
            if not feed.seq - len(feed.events) <= position <= feed.seq:
                position = feed.seq
                yield [FeedEvent(str(position), RESET, {})]
            while not self._ending:
                wakeup = feed.wakeup
                if position < feed.seq - len(feed.events):
                    # More came while the client was away or slow than the feed holds.
                    position = feed.seq
                    yield [FeedEvent(str(position), RESET, {})]
                    continue
                if position < feed.seq:
                    batch = [e for e in feed.events if int(e.id) > position]
                    # Up to what this batch holds, not the feed's newest at resumption: a
                    # notice published while the stream was writing the batch comes next.
                    position = int(batch[-1].id)
                    yield batch
                    continue
                if not await woken(wakeup, heartbeat):
                    yield []
        finally:
            feed.streams -= 1

    def end_streams(self) -> None:
        self._ending = True
        for feed in self._users.values():
            feed.wakeup.set()

    async def close(self) -> None:
        self.end_streams()
        self._users.clear()


class ChangeNotifier:
    """Turns committed changes into feed notices, off the committing request's path.

    The database calls ``changed`` after a commit that changed something (sync, from inside
    SQLAlchemy); the notices are published from a task so a slow Redis never holds a commit.
    """

    def __init__(self, feed: Feed) -> None:
        self._feed = feed
        self._tasks: set[asyncio.Task[None]] = set()

    def changed(self, changes: Changes) -> None:
        """What a committed transaction changed: one notice per user and kind."""
        for owner, kinds in changes.items():
            for kind, ids in kinds.items():
                self.publish(owner, kind, {"ids": sorted(ids, key=str)})

    def publish(self, user_id: int, kind: str, data: dict[str, Any]) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # a command-line tool without a loop: nobody to tell
            return
        task = loop.create_task(self._publish(user_id, kind, data))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _publish(self, user_id: int, kind: str, data: dict[str, Any]) -> None:
        try:
            await self._feed.publish(user_id, kind, data)
        except Exception:
            # A lost notice costs a client a refresh, never a change: log it and go on.
            log.exception("could not publish a change notice")
