"""The in-memory event log: sequence numbers, tailing, heartbeats, expiry and bounds."""

from __future__ import annotations

import asyncio
import gc

import pytest

from todochat.chat.eventlog import PACK_AFTER_SECONDS, EventLogExpired, MemoryEventLog


async def test_tail_replays_then_follows_live_and_ends_at_terminal() -> None:
    log = MemoryEventLog()
    await log.create("r")
    await log.append("r", "session_initialized", {"session_id": "s", "run_id": "r"})
    await log.append("r", "message_delta", {"content": "a"})
    seen: list[int] = []

    async def read() -> None:
        async for batch in log.tail("r", 1, heartbeat=5):
            assert batch
            seen.extend(event.seq for event in batch)

    reader = asyncio.create_task(read())
    await asyncio.sleep(0)
    await log.append("r", "message_delta", {"content": "b"})
    await log.append("r", "cancelled", {"reason": "requested"})
    await asyncio.wait_for(reader, 2)
    assert seen == [2, 3, 4]


async def test_tail_yields_heartbeats_while_idle() -> None:
    log = MemoryEventLog()
    await log.create("r")
    items = []
    async for item in log.tail("r", 0, heartbeat=0.01):
        items.append(item)
        if len(items) == 3:
            break
    assert items == [[], [], []]


async def test_an_idle_reader_holds_one_waiter_however_many_heartbeats() -> None:
    # Thousands of idle streams each wait on their run: what a waiting reader leaves on the
    # run must not grow with every heartbeat, nor stay once the reader is gone.
    log = MemoryEventLog()
    await log.create("r")
    beats = 0
    reader = log.tail("r", 0, heartbeat=0.001)
    async for item in reader:
        assert item == []
        beats += 1
        assert len(log._runs["r"].waiters or ()) == 0  # between waits, none left behind
        if beats == 20:
            break
    await reader.aclose()
    # Two readers waiting: both are woken by one event, and nothing is kept after it.
    seen: list[list[int]] = [[], []]

    async def read(i: int) -> None:
        async for batch in log.tail("r", 0, heartbeat=5):
            seen[i].extend(event.seq for event in batch)
            return

    readers = [asyncio.create_task(read(i)) for i in range(2)]
    for _ in range(5):  # each reader reaches its wait in its first pass of the loop
        await asyncio.sleep(0)
    assert len(log._runs["r"].waiters or ()) == 2
    await log.append("r", "message_delta", {"content": "a"})
    await asyncio.wait_for(asyncio.gather(*readers), 2)
    assert seen == [[1], [1]]
    assert not log._runs["r"].waiters


async def test_finished_runs_expire_and_log_is_bounded() -> None:
    log = MemoryEventLog(ttl=0.01, max_runs=3)
    for i in range(3):
        await log.create(f"r{i}")
        await log.append(f"r{i}", "error", {"status": "error", "message": "m", "code": "c"})
    await log.create("r3")  # over the bound: the oldest finished run goes
    assert not await log.exists("r0")
    assert await log.exists("r3")
    with pytest.raises(EventLogExpired):
        await log.append("r0", "message_delta", {"content": "late"})


async def test_a_finished_run_expires_when_its_time_is_up_without_a_new_run() -> None:
    now = [1000.0]
    log = MemoryEventLog(ttl=60.0, clock=lambda: now[0])
    await log.create("r1")
    await log.append("r1", "cancelled", {"reason": "requested"})
    now[0] += 59.0
    assert await log.exists("r1")
    now[0] += 2.0  # past the TTL, and no run has started since
    assert not await log.exists("r1")
    with pytest.raises(EventLogExpired):
        await anext(log.tail("r1", 0, 1.0))
    # A run still answering never expires, however long it takes.
    await log.create("r2")
    await log.append("r2", "message_delta", {"content": "x"})
    now[0] += 10_000.0
    assert await log.exists("r2")


async def test_finished_runs_are_packed_and_read_back_the_same() -> None:
    # Held for an hour, thousands of finished runs as tuples and dicts are objects every full
    # pass of the garbage collector walks; packed, a run is its record and one bytes object.
    now = [0.0]
    log = MemoryEventLog(clock=lambda: now[0])
    events: list[tuple[str, object]] = [
        ("session_initialized", {"session_id": "s", "run_id": "r"}),
        ("message_delta", {"content": "Zoë "}),
        ("tool_call", {"id": "c1", "name": "add_task", "arguments": {"title": "x", "tags": ["a"]}}),
        ("completed", {"status": "completed", "usage": {"input_tokens": 1, "output_tokens": 2}}),
        ("history", {"messages": [{"role": "user", "content": "add x", "tool_calls": []}]}),
    ]
    await log.create("r")
    for name, data in events:
        await log.append("r", name, data)  # type: ignore[arg-type]
    before = [e async for batch in log.tail("r", 0, heartbeat=5) for e in batch]
    assert [(e.seq, e.name, e.data) for e in before] == [
        (i, name, data) for i, (name, data) in enumerate(events, 1)
    ]
    await log.create("other")  # too soon: a just-finished run's own stream may still read it
    assert log._runs["r"].packed is None
    now[0] += PACK_AFTER_SECONDS
    await log.create("later")
    held = log._runs["r"]
    assert held.packed is not None and held.events == []
    gc.collect()
    assert not gc.is_tracked(held.packed)
    after = [e async for batch in log.tail("r", 0, heartbeat=5) for e in batch]
    assert after == before
    # A resume from an event id reads the rest, and nothing can be added to a finished run.
    rest = [e.seq async for batch in log.tail("r", 2, heartbeat=5) for e in batch]
    assert rest == [3, 4, 5]
    assert await log.append("r", "message_delta", {"content": "late"}) is None
