"""The live feed through Redis: a change made on any worker reaches every worker's streams.

Each user's notices are a Redis stream ``<prefix>feed:<user_id>`` (the last ``FEED_LENGTH``,
kept a day after the last change); a publish also sends the user id on ``<prefix>feed``, and each
process listens there once and wakes its own streams of that user, which read the new entries.
So an open stream holds no Redis connection of its own, and a thousand idle streams cost nothing
in Redis. An event's id is its stream entry id.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

from redis.asyncio import Redis

from todochat.live.feed import FEED_LENGTH, RESET, FeedEvent, woken

log = logging.getLogger("todochat.live")

KEEP_SECONDS = 24 * 3600


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _order(entry_id: str) -> tuple[int, int]:
    ms, _, seq = entry_id.partition("-")
    return (int(ms), int(seq or 0)) if ms.isdigit() and (seq or "0").isdigit() else (-1, -1)


class RedisFeed:
    """The feed, shared by every worker through Redis."""

    def __init__(self, redis: Redis, *, prefix: str = "todochat:") -> None:
        self._redis = redis
        self._prefix = prefix
        self._channel = f"{prefix}feed"
        self._wakeups: dict[int, asyncio.Event] = {}
        self._listener: asyncio.Task[None] | None = None
        self._ending = False

    def _key(self, user_id: int) -> str:
        return f"{self._prefix}feed:{user_id}"

    async def publish(self, user_id: int, kind: str, data: dict[str, Any]) -> None:
        body = json.dumps({"kind": kind, "data": data}, separators=(",", ":"))
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.xadd(self._key(user_id), {"e": body}, maxlen=FEED_LENGTH, approximate=True)
            pipe.expire(self._key(user_id), KEEP_SECONDS)
            pipe.publish(self._channel, str(user_id))
            await pipe.execute()

    def _wakeup(self, user_id: int) -> asyncio.Event:
        wakeup = self._wakeups.get(user_id)
        if wakeup is None:
            wakeup = self._wakeups[user_id] = asyncio.Event()
        return wakeup

    async def _listen(self) -> None:
        pubsub = self._redis.pubsub(ignore_subscribe_messages=True)
        while True:
            try:
                await pubsub.subscribe(self._channel)
                async for message in pubsub.listen():
                    data = message.get("data")
                    text = _text(data)
                    if text.isdigit():
                        wakeup = self._wakeups.pop(int(text), None)
                        if wakeup is not None:
                            wakeup.set()
            except asyncio.CancelledError:
                with contextlib.suppress(Exception):
                    await pubsub.aclose()  # type: ignore[no-untyped-call]
                raise
            except Exception:
                log.warning("lost the live feed channel; listening again", exc_info=True)
                # Streams re-read on their next heartbeat; nothing published is lost.
                await asyncio.sleep(0.5)

    async def position(self, user_id: int) -> str:
        last = await self._redis.xrevrange(self._key(user_id), count=1)
        return _text(last[0][0]) if last else "0-0"

    async def tail(
        self, user_id: int, after: str, heartbeat: float
    ) -> AsyncIterator[list[FeedEvent]]:
        if self._listener is None:
            self._listener = asyncio.create_task(self._listen(), name="todochat-live-feed")
        key = self._key(user_id)
        position = after
        first = await self._redis.xrange(key, count=1)
        oldest = _order(_text(first[0][0])) if first else None
        wanted = _order(position)
        if wanted < (0, 0) or (oldest is not None and wanted < oldest and wanted != (0, 0)):
            # Gone for longer than the feed remembers, or not an id of ours.
            position = await self.position(user_id)
            yield [FeedEvent(position, RESET, {})]
        while not self._ending:
            # Taken before reading, so a notice published between the read and the wait
            # still wakes this stream.
            wakeup = self._wakeup(user_id)
            entries = await self._redis.xrange(key, min=f"({position}")
            if entries:
                batch: list[FeedEvent] = []
                for entry_id, fields in entries:
                    position = _text(entry_id)
                    if fields and b"e" in fields:
                        body = json.loads(fields[b"e"])
                        batch.append(FeedEvent(position, body["kind"], body["data"]))
                if batch:
                    yield batch
                continue
            if not await woken(wakeup, heartbeat):
                yield []

    def end_streams(self) -> None:
        self._ending = True
        for wakeup in self._wakeups.values():
            wakeup.set()
        self._wakeups.clear()

    async def close(self) -> None:
        self.end_streams()
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
            self._listener = None
        await self._redis.aclose()
