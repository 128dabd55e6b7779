"""Slots: turns in progress, first come first served, fewer at once while few wait."""

from __future__ import annotations

import asyncio

import pytest

from todochat.chat.slots import Slots


async def _settle() -> None:
    # Let woken tasks run (a scheduling pass, not a timing assumption).
    for _ in range(5):
        await asyncio.sleep(0)


async def _holder(slots: Slots, name: str, order: list[str], release: asyncio.Event) -> None:
    await slots.acquire()
    order.append(name)
    try:
        await release.wait()
    finally:
        slots.release()


async def test_calm_slots_serve_one_at_a_time_in_arrival_order() -> None:
    slots = Slots(4, calm=1, backlog=3)
    order: list[str] = []
    gates = {name: asyncio.Event() for name in "abc"}
    tasks = [asyncio.create_task(_holder(slots, n, order, gates[n])) for n in "abc"]
    await _settle()
    assert order == ["a"] and slots.active == 1
    gates["a"].set()
    await _settle()
    assert order == ["a", "b"] and slots.active == 1
    gates["b"].set()
    gates["c"].set()
    await asyncio.gather(*tasks)
    assert order == ["a", "b", "c"] and slots.active == 0


async def test_a_backlog_opens_every_slot_and_the_calm_limit_returns_after() -> None:
    slots = Slots(4, calm=1, backlog=3)
    order: list[str] = []
    gates = {name: asyncio.Event() for name in "abcdef"}
    tasks = [asyncio.create_task(_holder(slots, n, order, gates[n])) for n in "abcdef"]
    await _settle()
    # Six turns in progress or waiting, more than the backlog of three: four at once, the
    # first four to come (granted together; which of them runs first is the loop's choice).
    assert sorted(order) == ["a", "b", "c", "d"] and slots.active == 4
    for name in "abcd":
        gates[name].set()
    await asyncio.gather(*tasks[:4])
    await _settle()
    # e and f were granted while the four were still finishing (more than three in all).
    assert sorted(order[4:]) == ["e", "f"] and slots.active == 2
    gates["e"].set()
    gates["f"].set()
    await asyncio.gather(*tasks)
    assert slots.active == 0
    # Few again: one at a time.
    more = {name: asyncio.Event() for name in "gh"}
    later = [asyncio.create_task(_holder(slots, n, order, more[n])) for n in "gh"]
    await _settle()
    assert order[6:] == ["g"] and slots.active == 1
    more["g"].set()
    more["h"].set()
    await asyncio.gather(*later)
    assert order[6:] == ["g", "h"] and slots.active == 0


async def test_a_cancelled_or_timed_out_wait_leaves_no_slot_taken_or_lost() -> None:
    slots = Slots(2, calm=1, backlog=10)
    await slots.acquire()
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0):
            await slots.acquire()
    waiter = asyncio.create_task(slots.acquire())
    await _settle()
    waiter.cancel()
    await _settle()
    assert waiter.cancelled() and slots.active == 1
    # Granted and cancelled in the same pass: the slot goes on to the next in line.
    first = asyncio.create_task(slots.acquire())
    second = asyncio.create_task(slots.acquire())
    await _settle()
    slots.release()
    first.cancel()
    await _settle()
    assert first.cancelled() and second.done() and slots.active == 1
    slots.release()
    assert slots.active == 0
    await slots.acquire()  # nothing left behind in the queue
    assert slots.active == 1


async def test_without_a_calm_limit_slots_are_a_plain_bound() -> None:
    slots = Slots(3)
    for _ in range(3):
        await slots.acquire()
    blocked = asyncio.create_task(slots.acquire())
    await _settle()
    assert not blocked.done()
    slots.release()
    await _settle()
    assert blocked.done() and slots.active == 3
