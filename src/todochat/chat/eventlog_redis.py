"""The Redis Streams event log: one stream per run, readable by every worker and host.

A run's events are entries of the stream ``<prefix>run:<run_id>`` whose ids are ``0-<seq>``,
so a client's ``Last-Event-ID`` (``<run_id>:<seq>``) is a stream position with no lookup.

The process that runs a turn keeps its events in memory as well and writes them to Redis behind
the run, in batches: its own streams read the local copy (no Redis round trip per event), and
one script call stores every event produced since the last one (a word-by-word reply is dozens
of events). The terminal event is written before ``append`` returns, so by the time a run has
ended everywhere it has ended in Redis. Other processes (a resume on another worker) tail the
stream with ``XREAD BLOCK`` from their position; the block timeout is the heartbeat.

Writes go through Lua scripts, atomic across processes: they refuse any event after a terminal
one (so a worker closing a dead worker's run and a late write by that run's own worker cannot
both end it), bound the stream's length and renew its expiry.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from typing import Any, cast

from redis.asyncio import Redis

from todochat.chat.eventlog import EventLogExpired, MemoryEventLog
from todochat.chat.events import TERMINAL, Event, EventName

# KEYS[1] the stream, KEYS[2] the run's "ended" marker.
# ARGV: name, JSON data, max length, ttl seconds, 1 when the event is terminal, a gap to leave.
# Returns the new seq, or 0 when the run has already ended (nothing appended).
_APPEND = """
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
local seq = 1
if #last > 0 then seq = tonumber(string.match(last[1][1], '%-(%d+)$')) + 1 + tonumber(ARGV[6]) end
redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '0-' .. seq, 'n', ARGV[1], 'd', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[4])
if ARGV[5] == '1' then redis.call('SET', KEYS[2], seq, 'EX', ARGV[4]) end
return seq
"""


# The owner's batch. KEYS as above; ARGV: max length, ttl, first seq, 1 when the batch ends the
# run, then name and JSON data of each event. Returns the last seq written, or 0 when the run had
# already ended or another process wrote those seqs first (nothing appended).
_APPEND_BATCH = """
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
local first = tonumber(ARGV[3])
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
if #last > 0 and tonumber(string.match(last[1][1], '%-(%d+)$')) >= first then return 0 end
local seq = first - 1
for i = 5, #ARGV, 2 do
  seq = seq + 1
  redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '0-' .. seq, 'n', ARGV[i], 'd', ARGV[i + 1])
end
redis.call('EXPIRE', KEYS[1], ARGV[2])
if ARGV[4] == '1' then redis.call('SET', KEYS[2], seq, 'EX', ARGV[2]) end
return seq
"""

log = logging.getLogger("todochat.eventlog")

# More events than a run's worker ever holds unstored (they are stored within milliseconds).
UNSTORED_GAP = 10_000


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
        local_runs: int = 100_000,
        gather_seconds: float = 0.005,
    ) -> None:
        self._redis = redis
        self._prefix = prefix
        self._ttl = max(1, int(ttl))
        self._max_events = max_events
        self._append = redis.register_script(_APPEND)
        self._append_batch = redis.register_script(_APPEND_BATCH)
        # Runs of this process: their events, read by this process's own streams. Kept a
        # minute after the end (a resume within it needs no Redis), then Redis alone serves.
        self._local = MemoryEventLog(ttl=60.0, max_runs=local_runs)
        self._pending: dict[str, list[Event]] = {}
        self._gather = gather_seconds
        self._writers: dict[str, asyncio.Task[None]] = {}

    def _key(self, run_id: str) -> str:
        return f"{self._prefix}run:{run_id}"

    def _ended(self, run_id: str) -> str:
        return f"{self._prefix}run-ended:{run_id}"

    async def create(self, run_id: str) -> None:
        # In Redis a stream exists from its first entry, which follows at once.
        await self._local.create(run_id)

    async def append(self, run_id: str, name: EventName, data: Any) -> Event | None:
        if await self._local.exists(run_id):
            event = await self._local.append(run_id, name, data)
            if event is None:
                return None
            self._pending.setdefault(run_id, []).append(event)
            writer = self._writers.get(run_id)
            if writer is None:
                writer = asyncio.create_task(self._write(run_id), name=f"todochat-log-{run_id}")
                self._writers[run_id] = writer
            if event.terminal or event.seq == 1:
                # Stored before anyone could resume elsewhere from it: the first event (the
                # run exists for every worker) and the last (the run has ended everywhere).
                await asyncio.shield(writer)
            return event
        # A run of another process (closing a dead worker's run): straight to Redis, numbered
        # past any event that worker may have streamed to its clients but not yet stored, so
        # a client resuming from the last id it saw still gets this one.
        seq = int(
            await self._append(
                keys=[self._key(run_id), self._ended(run_id)],
                args=[
                    name,
                    _dumps(data),
                    self._max_events,
                    self._ttl,
                    "1" if name in TERMINAL else "0",
                    UNSTORED_GAP,
                ],
            )
        )
        if seq == 0:
            return None
        return Event(run_id, seq, name, data)

    async def _write(self, run_id: str) -> None:
        """Store the run's pending events in Redis, a batch per call, until none are left."""
        try:
            while self._pending.get(run_id):
                waiting = self._pending[run_id]
                if not (waiting[-1].terminal or waiting[0].seq == 1):
                    # A reply streams dozens of events within a few milliseconds: gather
                    # them, so each costs a fraction of one round trip, not one each.
                    await asyncio.sleep(self._gather)
                batch = self._pending.pop(run_id)
                args: list[Any] = [
                    self._max_events,
                    self._ttl,
                    batch[0].seq,
                    "1" if batch[-1].terminal else "0",
                ]
                for event in batch:
                    args.extend((event.name, _dumps(event.data)))
                try:
                    written = await self._append_batch(
                        keys=[self._key(run_id), self._ended(run_id)], args=args
                    )
                except Exception:
                    log.exception("could not store %d event(s) of run %s", len(batch), run_id)
                    continue
                if not written:
                    # Ended elsewhere (its worker was taken for dead): nothing more to store.
                    self._pending.pop(run_id, None)
        finally:
            self._writers.pop(run_id, None)

    async def exists(self, run_id: str) -> bool:
        if await self._local.exists(run_id):
            return True
        return bool(await self._redis.exists(self._key(run_id)))

    async def tail(self, run_id: str, after: int, heartbeat: float) -> AsyncIterator[list[Event]]:
        position = after
        if await self._local.exists(run_id):
            try:
                async for batch in self._local.tail(run_id, after, heartbeat):
                    if batch:
                        position = batch[-1].seq
                    yield batch
                return
            except EventLogExpired:
                pass  # the local copy went; Redis has the rest
        async for batch in self._tail_redis(run_id, position, heartbeat):
            yield batch

    async def _tail_redis(
        self, run_id: str, after: int, heartbeat: float
    ) -> AsyncIterator[list[Event]]:
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
        writers = list(self._writers.values())
        if writers:
            await asyncio.wait(writers, timeout=5.0)
        await self._local.close()
        await self._redis.aclose()
