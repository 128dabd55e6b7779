"""The EventLog contract, on both backends: the in-memory log and Redis Streams (real Redis).

Whatever the backend, a run's events get seq 1, 2, 3...; a reader replays from its position and
follows live; heartbeats flow while nothing happens; nothing is added after the terminal event;
and the bytes a client receives are the same."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
from redis.asyncio import Redis

from tests.conftest import REDIS_URL, RUN_ID, need
from todochat.chat.encoders import encode_named, encode_typed
from todochat.chat.eventlog import EventLog, EventLogExpired, MemoryEventLog
from todochat.chat.eventlog_redis import RedisEventLog
from todochat.chat.events import Event

_counter = itertools.count()


@dataclass
class Logs:
    """Where a run's events are written and where they are read: the same log, or (redis,
    remote) the logs of two processes."""

    w: EventLog
    r: EventLog


@pytest.fixture(params=["memory", "redis", "redis-remote"])
async def log(request: pytest.FixtureRequest) -> AsyncIterator[Logs]:
    if request.param == "memory":
        memory = MemoryEventLog()
        yield Logs(memory, memory)
        return
    need("Redis", REDIS_URL is not None)
    assert REDIS_URL is not None
    prefix = f"todochat-test:{RUN_ID}:{next(_counter)}:"
    writer = RedisEventLog(Redis.from_url(REDIS_URL), prefix=prefix, ttl=60)
    reader = (
        RedisEventLog(Redis.from_url(REDIS_URL), prefix=prefix, ttl=60)
        if request.param == "redis-remote"
        else writer
    )
    yield Logs(writer, reader)
    cleanup = Redis.from_url(REDIS_URL)
    async for key in cleanup.scan_iter(match=prefix + "*"):
        await cleanup.delete(key)
    await cleanup.aclose()
    await writer.close()
    if reader is not writer:
        await reader.close()


async def _read(log: EventLog, run_id: str, after: int = 0) -> list[Event]:
    return [e async for batch in log.tail(run_id, after, heartbeat=5) for e in batch]


DATA: list[tuple[Any, ...]] = [
    ("session_initialized", {"session_id": "s-1", "run_id": "r"}),
    ("message_delta", {"content": "Añadido 'Café' ☕ — \"quoted\"\n"}),
    (
        "tool_call",
        {"call_id": "c1", "tool_name": "add_task", "arguments": {"title": "x", "n": 1.5}},
    ),
    ("tool_result", {"call_id": "c1", "tool_name": "add_task", "output": {"ok": [1, None, True]}}),
    ("completed", {"final_message": "Done.", "usage": {"input_tokens": 0, "output_tokens": 0}}),
    ("history", [{"role": "user", "content": "hi"}]),
]


async def test_seq_counts_from_one_and_a_reader_replays_to_the_terminal(log: Logs) -> None:
    await log.w.create("r")
    for name, data in DATA:
        await log.w.append("r", name, data)
    events = await _read(log.r, "r")
    assert [e.seq for e in events] == [1, 2, 3, 4, 5, 6]
    assert [(e.name, e.data) for e in events] == [tuple(d) for d in DATA]
    assert [e.seq for e in await _read(log.r, "r", after=4)] == [5, 6]


async def test_a_reader_follows_live_from_its_position(log: Logs) -> None:
    await log.w.create("r")
    await log.w.append("r", "session_initialized", {"session_id": "s", "run_id": "r"})
    await log.w.append("r", "message_delta", {"content": "a"})
    seen: list[int] = []
    got_first = asyncio.Event()

    async def read() -> None:
        async for batch in log.r.tail("r", 1, heartbeat=5):
            seen.extend(e.seq for e in batch)
            got_first.set()

    reader = asyncio.create_task(read())
    await asyncio.wait_for(got_first.wait(), 5)  # the backlog first
    await log.w.append("r", "message_delta", {"content": "b"})
    await log.w.append("r", "cancelled", {"reason": "requested"})
    await asyncio.wait_for(reader, 5)
    assert seen == [2, 3, 4]


async def test_heartbeats_flow_while_nothing_happens(log: Logs) -> None:
    await log.w.create("r")
    await log.w.append("r", "session_initialized", {"session_id": "s", "run_id": "r"})
    items: list[list[Event]] = []
    async for item in log.r.tail("r", 1, heartbeat=0.02):
        items.append(item)
        if len(items) == 3:
            break
    assert items == [[], [], []]


async def test_nothing_is_added_after_the_terminal_event(log: Logs) -> None:
    await log.w.create("r")
    await log.w.append("r", "session_initialized", {"session_id": "s", "run_id": "r"})
    ended = await log.w.append("r", "error", {"status": "error", "message": "m", "code": "c"})
    assert ended is not None and ended.seq == 2
    assert await log.w.append("r", "cancelled", {"reason": "late"}) is None
    assert await log.w.append("r", "message_delta", {"content": "late"}) is None
    assert [e.name for e in await _read(log.r, "r")] == ["session_initialized", "error"]


async def test_an_unknown_run_is_not_there(log: Logs) -> None:
    assert not await log.r.exists("nobody")
    with pytest.raises(EventLogExpired):
        await anext(log.r.tail("nobody", 0, 1.0))


async def test_concurrent_appends_get_distinct_increasing_seqs(log: Logs) -> None:
    await log.w.create("r")
    results = await asyncio.gather(
        *(log.w.append("r", "message_delta", {"content": str(i)}) for i in range(50))
    )
    seqs = sorted(e.seq for e in results if e is not None)
    assert seqs == list(range(1, 51))


async def test_both_backends_give_the_same_bytes() -> None:
    need("Redis", REDIS_URL is not None)
    assert REDIS_URL is not None
    prefix = f"todochat-test:{RUN_ID}:bytes:"
    redis_log = RedisEventLog(Redis.from_url(REDIS_URL), prefix=prefix, ttl=60)
    memory_log = MemoryEventLog()
    try:
        streams: list[tuple[bytes, bytes]] = []
        for backend in (memory_log, redis_log):
            await backend.create("run_x")
            for name, data in DATA:
                await backend.append("run_x", name, data)
            events = await _read(backend, "run_x")
            streams.append(
                (
                    b"".join(encode_typed(e, "conv") for e in events),
                    b"".join(encode_named(e) for e in events),
                )
            )
        assert streams[0] == streams[1]
    finally:
        await redis_log._redis.delete(f"{prefix}run:run_x", f"{prefix}run-ended:run_x")
        await redis_log.close()


async def test_redis_streams_expire_and_are_bounded() -> None:
    need("Redis", REDIS_URL is not None)
    assert REDIS_URL is not None
    prefix = f"todochat-test:{RUN_ID}:ttl:"
    client = Redis.from_url(REDIS_URL)
    log = RedisEventLog(client, prefix=prefix, ttl=30, max_events=10)
    try:
        await log.create("r")
        for i in range(300):
            await log.append("r", "message_delta", {"content": str(i)})
        ttl = await client.ttl(f"{prefix}run:r")
        assert 0 < ttl <= 30
        # Trimmed to about its bound (Redis trims whole nodes: "~").
        assert await client.xlen(f"{prefix}run:r") < 300
        await log.append("r", "cancelled", {"reason": "requested"})
        assert 0 < await client.ttl(f"{prefix}run-ended:r") <= 30
    finally:
        await client.delete(f"{prefix}run:r", f"{prefix}run-ended:r")
        await log.close()


async def test_closing_another_worker_s_run_is_numbered_past_what_it_may_have_sent() -> None:
    need("Redis", REDIS_URL is not None)
    assert REDIS_URL is not None
    prefix = f"todochat-test:{RUN_ID}:reap:"
    owner = RedisEventLog(Redis.from_url(REDIS_URL), prefix=prefix, ttl=60)
    other = RedisEventLog(Redis.from_url(REDIS_URL), prefix=prefix, ttl=60)
    try:
        await owner.create("r")
        for i in range(3):
            await owner.append("r", "message_delta", {"content": str(i)})
        # The owner's writes land behind it (it is about to "die"): wait until they have.
        deadline = asyncio.get_running_loop().time() + 5
        while await owner._redis.xlen(f"{prefix}run:r") < 3:
            assert asyncio.get_running_loop().time() < deadline
            await asyncio.sleep(0.01)
        closing = await other.append("r", "error", {"status": "error", "message": "m", "code": "c"})
        assert closing is not None and closing.seq > 3 + 1000
        # A client that saw seq 3 from the owner, or even events the owner never stored,
        # resumes elsewhere and gets the end.
        seen = [e async for batch in other.tail("r", 3, 5) for e in batch]
        assert [e.name for e in seen] == ["error"]
        assert await other.append("r", "cancelled", {"reason": "late"}) is None
    finally:
        await other._redis.delete(f"{prefix}run:r", f"{prefix}run-ended:r")
        await owner.close()
        await other.close()
