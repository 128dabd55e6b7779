"""Admitting turns: races between turns, start failures, time limits, atomic tool changes.

The race tests run a real uvicorn server on SQLite and PostgreSQL with 20 requests at once;
the model waits until the test has every answer's status, so the first turn is still running
when the others arrive, whatever the machine's speed.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from tests.conftest import AppUnderTest, app_under_test, make_settings, sign_up
from tests.support.client import User
from tests.support.client import sign_up as live_sign_up
from tests.support.live import live_server
from tests.support.scripted import factory, tool_then_text
from todochat.agent.streaming import Plan, PlannedCall
from todochat.auth.security import PasswordHasher
from todochat.chat.eventlog import EventLog
from todochat.chat.events import Event, EventName
from todochat.db.models import Conversation, Run

N = 20


def held_reply(release: threading.Event) -> Any:
    """A reply that waits, in the server's loop, until the test sets ``release``."""

    def script(_items: list[Any]) -> Plan:
        async def words() -> AsyncIterator[str]:
            await asyncio.to_thread(release.wait, 60)
            yield "Done."

        return Plan(text=words())

    return script


async def _status_of_stream(client: httpx.AsyncClient, user: User, body: dict[str, Any]) -> Any:
    """Open a streaming turn; the status, and for a 200 the response left open to read."""
    request = client.build_request(
        "POST", f"/api/{user.id}/chat/stream", json=body, headers=user.headers
    )
    response = await client.send(request, stream=True)
    if response.status_code != 200:
        await response.aread()
        await response.aclose()
    return response


@pytest.mark.parametrize("first_turn", [False, True], ids=["existing", "new-key"])
async def test_simultaneous_turns_in_one_conversation_one_runs(
    database_url: str, first_turn: bool
) -> None:
    release = threading.Event()
    settings = make_settings(database_url, rate_limit="1000/minute")
    with live_server(settings, factory(held_reply(release))) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=60) as client:
            user = await live_sign_up(client)
            if not first_turn:
                r = await client.post(
                    "/api/conversations", headers=user.headers, json={"id": "shared"}
                )
                assert r.status_code == 201
            body = {"message": "add milk", "conversation_id": "shared"}
            responses = await asyncio.gather(
                *[_status_of_stream(client, user, body) for _ in range(N)]
            )
            release.set()
            statuses = sorted(r.status_code for r in responses)
            assert statuses == [200] + [409] * (N - 1), statuses
            refused = [r for r in responses if r.status_code == 409]
            assert all("still being written" in r.json()["detail"] for r in refused)
            admitted = next(r for r in responses if r.status_code == 200)
            raw = await admitted.aread()
            await admitted.aclose()
            assert b'"type":"done"' in raw

            conversations = (await client.get("/api/conversations", headers=user.headers)).json()
            assert [c["id"] for c in conversations] == ["shared"]
            history = (
                await client.get("/api/conversations/shared/messages", headers=user.headers)
            ).json()["messages"]
            assert [m["role"] for m in history] == ["user", "assistant"]
            usage = (await client.get("/api/usage", headers=user.headers)).json()
            assert usage["current_usage"] == 1  # refused turns take no quota


async def test_encoding_b_first_turns_with_one_new_session_id(database_url: str) -> None:
    release = threading.Event()
    settings = make_settings(database_url, rate_limit="1000/minute")
    with live_server(settings, factory(held_reply(release))) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=60) as client:
            user = await live_sign_up(client)
            body = {"messages": [{"role": "user", "content": "hi"}], "session_id": "fresh"}

            async def post() -> httpx.Response:
                request = client.build_request(
                    "POST", "/api/todos/agent-create/stream", json=body, headers=user.headers
                )
                return await client.send(request, stream=True)

            responses = await asyncio.gather(*[post() for _ in range(N)])
            release.set()
            for r in responses:
                await r.aread()
                await r.aclose()
            assert sorted(r.status_code for r in responses) == [200] + [409] * (N - 1)
            conversations = (await client.get("/api/conversations", headers=user.headers)).json()
            assert [c["id"] for c in conversations] == ["fresh"]


class BrokenLog:
    """An event log that cannot open a run's log (Redis down, say); otherwise the real one."""

    def __init__(self, inner: EventLog) -> None:
        self.inner = inner
        self.broken = True

    async def create(self, run_id: str) -> None:
        if self.broken:
            raise ConnectionError("event log unavailable")
        await self.inner.create(run_id)

    async def append(self, run_id: str, name: EventName, data: Any) -> Event:
        return await self.inner.append(run_id, name, data)

    async def exists(self, run_id: str) -> bool:
        return await self.inner.exists(run_id)

    def tail(self, run_id: str, after: int, heartbeat: float) -> AsyncIterator[list[Event]]:
        return self.inner.tail(run_id, after, heartbeat)

    async def close(self) -> None:
        await self.inner.close()


async def test_a_turn_that_cannot_start_is_closed_and_refunded(database_url: str) -> None:
    async with app_under_test(database_url) as api:
        api.runtime.runs.model_factory = factory(tool_then_text([], "Hello there."))
        user = await sign_up(api.client)
        broken = BrokenLog(api.runtime.runs.events)
        api.runtime.runs.events = broken
        body = {"message": "hello", "conversation_id": "c1"}
        r = await api.client.post(f"/api/{user.id}/chat", headers=user.headers, json=body)
        assert r.status_code == 503, r.text
        assert r.json()["code"] == "not_started" and "Traceback" not in r.text
        assert (await api.client.get("/api/usage", headers=user.headers)).json()[
            "current_usage"
        ] == 0
        messages = (
            await api.client.get("/api/conversations/c1/messages", headers=user.headers)
        ).json()
        assert messages["active_run_id"] is None
        assert [(m["role"], m.get("status")) for m in messages["messages"]] == [
            ("user", None),
            ("assistant", "failed"),
        ]
        async with api.runtime.db.session() as session:
            statuses = list(await session.scalars(select(Run.status)))
        assert statuses == ["failed"]
        broken.broken = False
        r = await api.client.post(f"/api/{user.id}/chat", headers=user.headers, json=body)
        assert r.status_code == 200 and r.json()["response"] == "Hello there."


async def _turn(api: AppUnderTest, user: Any, key: str) -> dict[str, Any]:
    r = await api.client.post(
        f"/api/{user.id}/chat", headers=user.headers, json={"message": "hi", "conversation_id": key}
    )
    return {"status": r.status_code, **r.json()}


async def test_time_waiting_for_a_slot_is_not_run_time(database_url: str) -> None:
    # Each turn takes ~1.2 s; one slot; a 2 s run timeout. The second turn waits ~1.2 s and
    # runs ~1.2 s: together more than the timeout, each part well within it.
    async with app_under_test(
        database_url, max_active_runs=1, run_timeout_seconds=2.0, queue_timeout_seconds=30.0
    ) as api:
        api.runtime.runs.model_factory = factory(
            tool_then_text([], "one two three four", delay=0.3)
        )
        user = await sign_up(api.client)
        results = await asyncio.gather(_turn(api, user, "a"), _turn(api, user, "b"))
        assert [r["status"] for r in results] == [200, 200], results


async def test_a_turn_that_waits_too_long_for_a_slot_fails_as_busy(database_url: str) -> None:
    release = threading.Event()
    async with app_under_test(database_url, max_active_runs=1, queue_timeout_seconds=0.3) as api:
        api.runtime.runs.model_factory = factory(held_reply(release))
        started = asyncio.Event()

        async def checkpoint(phase: str, _run_id: str) -> None:
            if phase == "started":
                started.set()

        api.runtime.runs.checkpoint = checkpoint
        user = await sign_up(api.client)
        first = asyncio.ensure_future(_turn(api, user, "a"))
        await asyncio.wait_for(started.wait(), 10)  # the first turn holds the only slot
        second = await _turn(api, user, "b")
        release.set()
        assert second["status"] == 503 and second["code"] == "busy", second
        assert (await first)["status"] == 200
        messages = (
            await api.client.get("/api/conversations/b/messages", headers=user.headers)
        ).json()
        assert messages["active_run_id"] is None
        assert messages["messages"][-1]["status"] == "failed"


async def test_update_task_applies_all_of_a_change_or_none(database_url: str) -> None:
    calls: list[PlannedCall] = []
    async with app_under_test(database_url) as api:
        api.runtime.runs.model_factory = factory(tool_then_text(lambda _t: calls, "ok"))
        user = await sign_up(api.client)
        r = await api.client.post(
            "/api/todos", headers=user.headers, json={"title": "original", "tags": ["home"]}
        )
        tid = r.json()["id"]
        for bad in (
            {"title": "renamed", "add_tags": ["bad tag"]},
            {"title": "renamed", "priority": "urgent!"},
            {"title": "renamed", "tags": ["x"] * 5, "add_tags": [f"t{i}" for i in range(20)]},
            {"title": "renamed", "due_time": "09:00"},
        ):
            calls[:] = [PlannedCall("update_task", {"task_id": tid, **bad})]
            r = await api.client.post(
                f"/api/{user.id}/chat", headers=user.headers, json={"message": "change it"}
            )
            assert r.status_code == 200, r.text
            result = r.json()["tool_calls"][0]["result"]
            assert "error" in result, (bad, result)
            todo = (await api.client.get(f"/api/todos/{tid}", headers=user.headers)).json()
            assert (todo["title"], todo["tags"], todo["priority"]) == ("original", ["home"], "none")
        calls[:] = [
            PlannedCall(
                "update_task",
                {"task_id": tid, "title": "renamed", "add_tags": ["work"], "remove_tags": ["home"]},
            )
        ]
        r = await api.client.post(
            f"/api/{user.id}/chat", headers=user.headers, json={"message": "change it"}
        )
        todo = (await api.client.get(f"/api/todos/{tid}", headers=user.headers)).json()
        assert (todo["title"], todo["tags"]) == ("renamed", ["work"])
        # The REST API takes the same additive tag changes.
        r = await api.client.patch(
            f"/api/todos/{tid}", headers=user.headers, json={"add_tags": ["#Later"]}
        )
        assert r.status_code == 200 and r.json()["tags"] == ["later", "work"]


class HeldHasher(PasswordHasher):
    """argon2 as usual, but each check waits until the test lets it go."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_kib=1024)
        self.checking = asyncio.Event()
        self.release = asyncio.Event()

    async def verify(self, password_hash: str | None, password: str) -> bool:
        self.checking.set()
        await self.release.wait()
        return await super().verify(password_hash, password)


async def test_signing_in_does_not_hold_the_database_while_checking_the_password(
    database_url: str,
) -> None:
    async with app_under_test(database_url) as api:
        user = await sign_up(api.client)
        hasher = HeldHasher()
        api.runtime.hasher = hasher
        signing_in = asyncio.ensure_future(
            api.client.post(
                "/api/auth/token", data={"username": user.username, "password": user.password}
            )
        )
        await asyncio.wait_for(hasher.checking.wait(), 10)
        # While the (slow) password check runs, other requests use the database.
        r = await asyncio.wait_for(api.client.get("/api/todos", headers=user.headers), 10)
        assert r.status_code == 200
        r = await asyncio.wait_for(
            api.client.post("/api/todos", headers=user.headers, json={"title": "x"}), 10
        )
        assert r.status_code == 201
        hasher.release.set()
        assert (await signing_in).status_code == 200


async def test_conversation_rows_for_one_key_stay_one(database_url: str) -> None:
    """Creating a conversation with a client-chosen id twice at once: one 201, one 409."""
    async with app_under_test(database_url) as api:
        user = await sign_up(api.client)
        results = await asyncio.gather(
            *[
                api.client.post("/api/conversations", headers=user.headers, json={"id": "dup"})
                for _ in range(5)
            ]
        )
        assert sorted(r.status_code for r in results) == [201] + [409] * 4
        async with api.runtime.db.session() as session:
            keys = list(await session.scalars(select(Conversation.key)))
        assert keys == ["dup"]


@pytest.mark.parametrize("existing", [True, False], ids=["existing", "new-key"])
async def test_the_database_admits_one_running_turn_per_conversation(
    database_url: str, existing: bool
) -> None:
    """Below the HTTP layer (where the quota's row lock happens to serialize one user's turns):
    20 transactions recording a turn in one conversation at once; exactly one is admitted, the
    others are refused as a Conflict, never an IntegrityError."""
    from todochat.chat.conversations import ConversationService
    from todochat.chat.runs import new_run_id
    from todochat.errors import Conflict

    async with app_under_test(database_url) as api:
        user = await sign_up(api.client)
        if existing:
            r = await api.client.post("/api/conversations", headers=user.headers, json={"id": "k"})
            assert r.status_code == 201
        barrier = asyncio.Barrier(N)

        async def record() -> str:
            async with api.runtime.db.session() as session:
                await barrier.wait()
                try:
                    await ConversationService(session, user.id).begin_turn(
                        "k", new_run_id(), "hi", 600.0
                    )
                except Conflict:
                    return "conflict"
                await session.commit()
                return "admitted"

        outcomes = await asyncio.gather(*[record() for _ in range(N)])
        assert sorted(outcomes) == ["admitted"] + ["conflict"] * (N - 1)
        async with api.runtime.db.session() as session:
            running = list(await session.scalars(select(Run.id).where(Run.status == "running")))
            keys = list(await session.scalars(select(Conversation.key)))
        assert len(running) == 1 and keys == ["k"]


async def test_a_run_its_process_abandoned_stops_blocking_once_past_its_limits(
    database_url: str,
) -> None:
    from datetime import timedelta

    from todochat.db.models import ChatMessage

    async with app_under_test(database_url) as api:
        api.runtime.runs.model_factory = factory(tool_then_text([], "Back again."))
        user = await sign_up(api.client)
        r = await api.client.post(
            f"/api/{user.id}/chat",
            headers=user.headers,
            json={"message": "hi", "conversation_id": "c"},
        )
        assert r.status_code == 200
        async with api.runtime.db.session() as session:
            conversation_id = await session.scalar(select(Conversation.id))
            # What a worker that died leaves: a run still marked running, no process behind it.
            session.add(
                Run(
                    id="run_" + "0" * 32,
                    owner_id=user.id,
                    conversation_id=conversation_id,
                    status="running",
                    created_at=api.clock.now,
                )
            )
            session.add(
                ChatMessage(
                    conversation_id=conversation_id,
                    run_id="run_" + "0" * 32,
                    role="user",
                    content="lost",
                    created_at=api.clock.now,
                )
            )
            await session.commit()
        body = {"message": "again", "conversation_id": "c"}
        r = await api.client.post(f"/api/{user.id}/chat", headers=user.headers, json=body)
        assert r.status_code == 409  # it may still be answering somewhere
        settings = api.runtime.settings
        api.clock.now += timedelta(seconds=2 * settings.run_timeout_seconds + 61)
        r = await api.client.post(f"/api/{user.id}/chat", headers=user.headers, json=body)
        assert r.status_code == 200, r.text
        async with api.runtime.db.session() as session:
            old = await session.get(Run, "run_" + "0" * 32)
            assert old is not None
            assert (old.status, old.error_code) == ("failed", "abandoned")
