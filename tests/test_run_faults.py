"""Fault injection: a Stop (or a deletion) at every phase of a run, on SQLite and PostgreSQL.

Runs pause at named checkpoints (``RunManager.checkpoint``), inside the real tool's transaction
too, so each phase is reached on purpose rather than by timing. Whatever the phase, afterwards:
exactly one terminal event; every change in the database has its ``tool_call`` and
``tool_result`` in the events and in the history (or no change was made); the run row is
finished; the conversation takes the next message.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import select

from tests.conftest import Account, AppUnderTest, app_under_test, sign_up
from tests.support.scripted import factory, last_user_text
from todochat.agent.streaming import Plan, PlannedCall
from todochat.chat.events import Event
from todochat.db.models import Run, User

REPLY = "Added Buy milk for tomorrow. " + " ".join(f"w{i}" for i in range(12))
TIMEOUT = 30.0


@dataclass
class Pauses:
    """Checkpoints that pause a run until released; records every phase reached."""

    reached: dict[tuple[str, str], asyncio.Event] = field(default_factory=dict)
    gates: dict[str, tuple[asyncio.Event, asyncio.Event]] = field(default_factory=dict)

    def at(self, phase: str) -> tuple[asyncio.Event, asyncio.Event]:
        """(reached, release) for the next time a run gets to ``phase``."""
        self.gates[phase] = (asyncio.Event(), asyncio.Event())
        return self.gates[phase]

    async def checkpoint(self, phase: str, run_id: str) -> None:
        self.reached.setdefault((phase, run_id), asyncio.Event()).set()
        gate = self.gates.pop(phase, None)
        if gate is not None:
            gate[0].set()
            await gate[1].wait()

    async def until(self, phase: str, run_id: str) -> None:
        seen = self.reached.setdefault((phase, run_id), asyncio.Event())
        await asyncio.wait_for(seen.wait(), TIMEOUT)


def add_then_reply(text_gate: asyncio.Event) -> Any:
    """First response: add_task; then the reply, word by word, pausing after the first word
    until ``text_gate`` is set (the "model streaming" phase)."""

    def script(items: list[Any]) -> Plan:
        last = items[-1] if items else {}
        if not (isinstance(last, dict) and last.get("type") == "function_call_output"):
            title = last_user_text(items).removeprefix("add ").capitalize()
            return Plan(calls=[PlannedCall("add_task", {"title": title})])

        async def words() -> AsyncIterator[str]:
            for i, word in enumerate(REPLY.split(" ")):
                yield word if i == 0 else " " + word
                if i == 0:
                    await text_gate.wait()

        return Plan(text=words(), input_tokens=5, output_tokens=5)

    return script


@dataclass
class Rig:
    api: AppUnderTest
    pauses: Pauses
    text_gate: asyncio.Event
    account: Account
    user: User
    # The user's todo ids when each run started: what a run changed is what is new after it.
    todos_before: dict[str, set[int]] = field(default_factory=dict)

    async def todo_ids(self) -> set[int]:
        r = await self.api.client.get("/api/todos?status=all", headers=self.account.headers)
        return {t["id"] for t in r.json()}

    async def start(self, text: str, key: str) -> str:
        before = await self.todo_ids()
        turn = await self.api.runtime.chat.start_turn(self.user, text, key, None)
        self.todos_before[turn.run_id] = before
        return turn.run_id

    async def events(self, run_id: str) -> list[Event]:
        async def collect() -> list[Event]:
            return [e async for b in self.api.runtime.events.tail(run_id, 0, 5.0) for e in b]

        return await asyncio.wait_for(collect(), TIMEOUT)

    async def stop(self, run_id: str) -> dict[str, Any]:
        r = await self.api.client.post(f"/api/runs/{run_id}/cancel", headers=self.account.headers)
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        return body

    async def seen(self, run_id: str, name: str) -> None:
        async def wait() -> None:
            async for batch in self.api.runtime.events.tail(run_id, 0, 5.0):
                if any(e.name == name for e in batch):
                    return

        await asyncio.wait_for(wait(), TIMEOUT)


@pytest.fixture
async def rig(database_url: str) -> AsyncIterator[Rig]:
    async with app_under_test(database_url, rate_limit="1000/minute", max_active_runs=1) as api:
        pauses = Pauses()
        gate = asyncio.Event()
        api.runtime.runs.checkpoint = pauses.checkpoint
        api.runtime.runs.model_factory = factory(add_then_reply(gate))
        account = await sign_up(api.client)
        async with api.runtime.db.session() as session:
            user = await session.get(User, account.id)
            assert user is not None
            session.expunge(user)
        yield Rig(api, pauses, gate, account, user)
        gate.set()
        await api.runtime.runs.shutdown(grace=5.0)


async def assert_consistent(rig: Rig, run_id: str, key: str, events: list[Event]) -> None:
    """The invariants every ending must keep, then the next message in the conversation."""
    terminal = [e for e in events if e.terminal]
    assert len(terminal) == 1 and events[-1] is terminal[0], [e.name for e in events]
    calls = {e.data["call_id"]: e.data for e in events if e.name == "tool_call"}
    results = {e.data["call_id"]: e.data["output"] for e in events if e.name == "tool_result"}
    assert set(calls) == set(results), (calls, results)
    for call_id in results:  # each result follows its call
        names = [(e.name, e.data.get("call_id")) for e in events if isinstance(e.data, dict)]
        assert names.index(("tool_call", call_id)) < names.index(("tool_result", call_id))
    headers = rig.account.headers
    made = await rig.todo_ids() - rig.todos_before[run_id]
    reported = {r["task_id"] for r in results.values() if r.get("status") == "created"}
    assert made == reported, (made, results)

    async with rig.api.runtime.db.session() as session:
        run = await session.scalar(select(Run).where(Run.id == run_id))
    r = await rig.api.client.get(f"/api/conversations/{key}/messages", headers=headers)
    if r.status_code == 404:  # the conversation was deleted: its runs went with it
        assert run is None
        return
    assert run is not None and run.status != "running" and run.finished_at is not None
    body = r.json()
    assert body["active_run_id"] is None
    reply = [m for m in body["messages"] if m["run_id"] == run_id and m["role"] == "assistant"]
    assert len(reply) == 1
    stored = {c["call_id"]: c["result"] for c in reply[0]["tool_calls"]}
    assert stored == results

    # The conversation takes the next message, and it runs to completion.
    rig.text_gate.set()
    rig.pauses.gates.clear()
    nxt = await rig.start("add stamps", key)
    after = await rig.events(nxt)
    assert [e.name for e in after][-2:] == ["completed", "history"]


async def test_stop_while_queued(rig: Rig) -> None:
    first = await rig.start("add bread", "k-first")  # takes the one slot, waits in its reply
    await rig.seen(first, "message_delta")
    queued = await rig.start("add milk", "k-queued")
    await rig.pauses.until("queued", queued)
    assert (await rig.stop(queued))["cancelled"] is True
    events = await rig.events(queued)
    assert [e.name for e in events] == ["session_initialized", "cancelled"]
    rig.text_gate.set()
    await rig.events(first)
    await assert_consistent(rig, queued, "k-queued", events)


async def test_stop_while_the_model_streams(rig: Rig) -> None:
    run_id = await rig.start("add milk", "k-stream")
    await rig.seen(run_id, "message_delta")
    assert (await rig.stop(run_id))["cancelled"] is True
    events = await rig.events(run_id)
    assert events[-1].name == "cancelled"
    assert [e.name for e in events].count("tool_result") == 1
    await assert_consistent(rig, run_id, "k-stream", events)


@pytest.mark.parametrize("phase", ["tool_call", "tool", "tool_result"])
async def test_stop_around_a_tool_call(rig: Rig, phase: str) -> None:
    """Paused just after the tool_call event, inside the tool's transaction, or just after
    the tool_result event; the Stop comes while paused."""
    reached, release = rig.pauses.at(phase)
    run_id = await rig.start("add milk", f"k-{phase}")
    await asyncio.wait_for(reached.wait(), TIMEOUT)
    assert (await rig.stop(run_id))["cancelled"] is True
    release.set()  # inside the tool: its transaction finishes, so the change is reported
    events = await rig.events(run_id)
    assert events[-1].name == "cancelled"
    if phase != "tool_call":  # at tool_call the tool may or may not have started: both are fine
        created = [e for e in events if e.name == "tool_result"]
        assert len(created) == 1 and created[0].data["output"]["status"] == "created"
    await assert_consistent(rig, run_id, f"k-{phase}", events)


async def test_stop_while_the_outcome_is_stored_changes_nothing(rig: Rig) -> None:
    rig.text_gate.set()
    reached, release = rig.pauses.at("storing")
    run_id = await rig.start("add milk", "k-store")
    await asyncio.wait_for(reached.wait(), TIMEOUT)
    first, second = await rig.stop(run_id), await rig.stop(run_id)
    assert first["cancelled"] is False and second["cancelled"] is False
    release.set()
    events = await rig.events(run_id)
    assert [e.name for e in events][-2:] == ["completed", "history"]
    await assert_consistent(rig, run_id, "k-store", events)


async def test_stop_twice_in_a_row(rig: Rig) -> None:
    run_id = await rig.start("add milk", "k-twice")
    await rig.seen(run_id, "message_delta")
    first, second = await asyncio.gather(rig.stop(run_id), rig.stop(run_id))
    assert sorted([first["cancelled"], second["cancelled"]]) == [False, True]
    assert {first["status"], second["status"]} == {"cancelling"}
    events = await rig.events(run_id)
    assert events[-1].name == "cancelled"
    later = await rig.stop(run_id)
    assert later == {"run_id": run_id, "cancelled": False, "status": "cancelled"}
    await assert_consistent(rig, run_id, "k-twice", events)


async def test_delete_the_conversation_while_its_tool_runs(rig: Rig) -> None:
    reached, release = rig.pauses.at("tool")
    run_id = await rig.start("add milk", "k-delete")
    await asyncio.wait_for(reached.wait(), TIMEOUT)
    # On SQLite the deletion waits for the tool's transaction (one connection); on
    # PostgreSQL it goes ahead while the tool is still inside its own.
    deleting = asyncio.ensure_future(
        rig.api.client.delete("/api/conversations/k-delete", headers=rig.account.headers)
    )
    await rig.pauses.until("tool", run_id)
    if rig.api.runtime.db.dialect == "postgresql":
        assert (await deleting).status_code == 204
    release.set()
    assert (await deleting).status_code == 204
    events = await rig.events(run_id)
    assert events[-1].name == "cancelled", [e.name for e in events]
    assert all(e.data.get("code") != "storage_error" for e in events if e.name == "error")
    await assert_consistent(rig, run_id, "k-delete", events)


async def test_delete_the_conversation_while_the_outcome_is_stored(rig: Rig) -> None:
    rig.text_gate.set()
    reached, release = rig.pauses.at("storing")
    run_id = await rig.start("add milk", "k-delete-late")
    await asyncio.wait_for(reached.wait(), TIMEOUT)
    r = await rig.api.client.delete("/api/conversations/k-delete-late", headers=rig.account.headers)
    assert r.status_code == 204
    release.set()
    events = await rig.events(run_id)
    assert [e.name for e in events][-2:] == ["completed", "history"]
    await assert_consistent(rig, run_id, "k-delete-late", events)
