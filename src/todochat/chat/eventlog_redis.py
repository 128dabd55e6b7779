"""The Redis Streams event log: one stream per run, readable by every worker and host.

A run's events are entries of the stream ``<prefix>run:<run_id>`` whose ids are ``0-<seq>``,
so a client's ``Last-Event-ID`` (``<run_id>:<seq>``) is a stream position with no lookup.
Appends go through one Lua script, which makes them atomic across processes: the script
numbers the event after the last entry, refuses any event after a terminal one (so a worker
taking over a dead worker's run and a late write by the run's owner cannot both end it),
bounds the stream's length and renews its expiry. Readers tail with ``XREAD BLOCK`` from
their position; the block timeout is the heartbeat.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any, cast

from redis.asyncio import Redis

from todochat.chat.eventlog import EventLogExpired
from todochat.chat.events import TERMINAL, Event, EventName

# KEYS[1] the stream, KEYS[2] the run's "ended" marker.
# ARGV: name, JSON data, max length, ttl seconds, 1 when the event is terminal.
# Returns the new seq, or 0 when the run has already ended (nothing appended).
_APPEND = """
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
local seq = 1
if #last > 0 then seq = tonumber(string.match(last[1][1], '%-(%d+)$')) + 1 end
redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '0-' .. seq, 'n', ARGV[1], 'd', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[4])
if ARGV[5] == '1' then redis.call('SET', KEYS[2], seq, 'EX', ARGV[4]) end
return seq
"""


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class RedisEventLog:
    """Events in Redis Streams, shared by every process that uses the same Redis."""

    def __init__(
        self,
        redis: Redis,
        *,
        prefix: str = "todochat:",
        ttl: float = 3600.0,
        max_events: int = 100_000,
    ) -> None:
        self._redis = redis
        self._prefix = prefix
        self._ttl = max(1, int(ttl))
        self._max_events = max_events
        self._append = redis.register_script(_APPEND)

    def _key(self, run_id: str) -> str:
        return f"{self._prefix}run:{run_id}"

    def _ended(self, run_id: str) -> str:
        return f"{self._prefix}run-ended:{run_id}"

    async def create(self, run_id: str) -> None:
        # A stream exists from its first entry; the run's first event follows at once.
        return None

    async def append(self, run_id: str, name: EventName, data: Any) -> Event | None:
        seq = int(
            await self._append(
                keys=[self._key(run_id), self._ended(run_id)],
                args=[
                    name,
                    _dumps(data),
                    self._max_events,
                    self._ttl,
                    "1" if name in TERMINAL else "0",
                ],
            )
        )
        if seq == 0:
            return None
        return Event(run_id, seq, name, data)

    async def exists(self, run_id: str) -> bool:
        return bool(await self._redis.exists(self._key(run_id)))

    async def tail(self, run_id: str, after: int, heartbeat: float) -> AsyncIterator[list[Event]]:
        key = self._key(run_id)
        if not await self._redis.exists(key):
            raise EventLogExpired(run_id)
        position = after
        block = max(1, int(heartbeat * 1000))
        while True:
            reply = await self._redis.xread({key: f"0-{position}"}, block=block, count=1000)
            if not reply:
                if not await self._redis.exists(key):
                    raise EventLogExpired(run_id)
                yield []
                continue
            batch: list[Event] = []
            entries = cast(list[tuple[bytes, dict[bytes, bytes]]], cast(Any, reply)[0][1])
            for entry_id, fields in entries:
                seq = int(entry_id.rpartition(b"-")[2])
                name = cast(EventName, fields[b"n"].decode())
                batch.append(Event(run_id, seq, name, json.loads(fields[b"d"])))
                position = seq
                if name in TERMINAL:
                    yield batch
                    return
            yield batch

    async def ping(self) -> None:
        """Raise when Redis cannot be reached."""
        await self._redis.ping()

    async def close(self) -> None:
        await self._redis.aclose()
