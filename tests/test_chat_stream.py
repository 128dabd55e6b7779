"""End to end: a real uvicorn server on 127.0.0.1, a scripted model, SSE clients.

Covers both streaming encodings, the non-streaming ones, resume after a drop, cancel, model
errors, heartbeats, restarts and isolation between users.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from httpx_sse import aconnect_sse
from sqlalchemy import select

from tests.conftest import make_settings
from tests.support.client import User, eventually, parse_sse, sign_up
from tests.support.live import LiveServer, live_server
from tests.support.scripted import Script, factory, last_user_text, recording, tool_then_text
from todochat.agent.streaming import Plan, PlannedCall
from todochat.config import sqlite_url
from todochat.db.engine import Database
from todochat.db.models import ChatMessage, Conversation, Run

REPLY = "Added Call the plumber for Sat, Nov 22 at 5 PM. " + " ".join(f"word{i}" for i in range(30))
ADD = [
    PlannedCall(
        "add_task",
        {
            "title": "Call the plumber",
            "due_date": "2026-11-22",
            "due_time": "17:00",
            "priority": "high",
        },
    )
]


def add_script(delay: float = 0.0) -> Script:
    return tool_then_text(ADD, REPLY, delay=delay)


@pytest.fixture
def sqlite_settings(tmp_path: Path) -> Any:
    return make_settings(sqlite_url(tmp_path / "chat.db"), heartbeat_seconds=15.0)


@pytest.fixture
def server(sqlite_settings: Any) -> Iterator[LiveServer]:
    with live_server(sqlite_settings, factory(add_script())) as live:
        yield live


@pytest.fixture
async def client(server: LiveServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as c:
        yield c


async def stream_raw(
    client: httpx.AsyncClient, user: User, path: str, body: dict[str, Any]
) -> tuple[httpx.Headers, bytes]:
    async with client.stream("POST", path, json=body, headers=user.headers) as r:
        assert r.status_code == 200, await r.aread()
        return r.headers, b"".join([chunk async for chunk in r.aiter_bytes()])


async def test_typed_stream_event_order_and_tool_effect(client: httpx.AsyncClient) -> None:
    user = await sign_up(client, "Europe/Berlin")
    headers, raw = await stream_raw(
        client,
        user,
        f"/api/{user.id}/chat/stream",
        {"message": "remind me to call the plumber tomorrow at 5"},
    )
    assert headers["content-type"] == "text/event-stream"
    assert headers["cache-control"] == "no-cache"
    assert headers["x-accel-buffering"] == "no"
    events = parse_sse(raw)
    assert events[-1]["data"] == "[DONE]"
    payloads = [e["json"] for e in events[:-1]]
    types = [p["type"] for p in payloads]
    deltas = REPLY.count(" ") + 1
    assert types == ["start", "agent_updated", "tool_call", "tool_result"] + ["text"] * deltas + [
        "message",
        "done",
    ]
    start, _, call, result = payloads[:4]
    run_id = start["run_id"]
    assert [e["id"] for e in events[:-1]] == [f"{run_id}:{i}" for i in range(1, len(payloads) + 1)]
    assert call == {
        "type": "tool_call",
        "name": "add_task",
        "call_id": call["call_id"],
        "arguments": ADD[0].arguments,
        "status": "started",
    }
    assert result["call_id"] == call["call_id"] and result["name"] == "add_task"
    created = result["result"]
    assert created["status"] == "created" and created["title"] == "Call the plumber"
    assert (created["due_date"], created["due_time"], created["priority"]) == (
        "2026-11-22",
        "17:00",
        "high",
    )
    assert "".join(p["content"] for p in payloads if p["type"] == "text") == REPLY
    assert payloads[-1] == {
        "type": "done",
        "conversation_id": start["conversation_id"],
        "response": REPLY,
    }
    todos = (await client.get("/api/todos", headers=user.headers)).json()
    assert [(t["id"], t["title"], t["due_at"]) for t in todos] == [
        (created["task_id"], "Call the plumber", "2026-11-22T16:00:00Z")
    ]


async def test_named_stream_event_order_and_history(client: httpx.AsyncClient) -> None:
    user = await sign_up(client)
    names: list[str] = []
    data: list[Any] = []
    async with aconnect_sse(
        client,
        "POST",
        "/api/todos/agent-create/stream",
        headers=user.headers,
        json={
            "messages": [{"role": "user", "content": "add plumber"}],
            "session_id": "default_session",
        },
    ) as source:
        async for sse in source.aiter_sse():
            names.append(sse.event)
            data.append(sse.json())
    deltas = REPLY.count(" ") + 1
    assert names == ["session_initialized", "agent_updated", "tool_call", "tool_result"] + [
        "message_delta"
    ] * deltas + ["message", "completed", "history"]
    assert data[0]["session_id"] == "default_session"
    assert data[2]["tool_name"] == "add_task" and data[2]["arguments"] == ADD[0].arguments
    assert data[3]["output"]["status"] == "created"
    assert data[-3] == {"content": REPLY}
    assert data[-2] == {
        "final_message": REPLY,
        "usage": {"input_tokens": 12, "output_tokens": len(REPLY.split())},
    }
    history = data[-1]
    assert [(m["role"], m["content"]) for m in history] == [
        ("user", "add plumber"),
        ("assistant", REPLY),
    ]
    assert history[1]["tool_calls"][0]["name"] == "add_task"
    # The same conversation through the REST history endpoints, under both names.
    for path in (
        "/api/conversations/default_session/messages",
        "/api/todos/agent-sessions/default_session/history",
    ):
        body = (await client.get(path, headers=user.headers)).json()
        assert [m["content"] for m in body["messages"]] == ["add plumber", REPLY]


async def test_non_streaming_endpoints(client: httpx.AsyncClient) -> None:
    user = await sign_up(client)
    r = await client.post(
        f"/api/{user.id}/chat",
        headers=user.headers,
        json={"message": "add it", "conversation_id": 42},
    )
    assert r.status_code == 200
    body = r.json()
    assert body["conversation_id"] == "42" and body["response"] == REPLY
    assert [c["name"] for c in body["tool_calls"]] == ["add_task"]
    assert body["tool_calls"][0]["result"]["status"] == "created"
    r = await client.post(
        "/api/todos/agent-create",
        headers=user.headers,
        json={"messages": [{"role": "user", "content": "again"}], "session_id": "s-1"},
    )
    body = r.json()
    assert body["session_id"] == "s-1" and body["final_message"] == REPLY
    assert [m["role"] for m in body["history"]] == ["user", "assistant"]
    assert len((await client.get("/api/todos", headers=user.headers)).json()) == 2


@pytest.mark.parametrize("fmt", ["typed", "named"])
async def test_disconnect_then_resume_gets_exactly_the_missed_events(
    sqlite_settings: Any, fmt: str
) -> None:
    with live_server(sqlite_settings, factory(add_script(delay=0.02))) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            user = await sign_up(client)
            if fmt == "typed":
                path, body = (
                    f"/api/{user.id}/chat/stream",
                    {"message": "add", "conversation_id": "c1"},
                )
            else:
                path, body = (
                    "/api/todos/agent-create/stream",
                    {"messages": [{"role": "user", "content": "add"}], "session_id": "c1"},
                )
            received = b""
            async with client.stream("POST", path, json=body, headers=user.headers) as r:
                async for chunk in r.aiter_bytes():
                    received += chunk
                    if received.count(b"\n\n") >= 6:
                        break  # the client goes away mid-turn
            first = [e for e in parse_sse(received) if "id" in e]
            run_id, last_seq = first[-1]["id"].rsplit(":", 1)

            # The run finishes without anyone listening: the reply is stored.
            async def done() -> bool:
                msgs = (
                    await client.get("/api/conversations/c1/messages", headers=user.headers)
                ).json()
                return len(msgs["messages"]) == 2

            await eventually(done)
            async with client.stream(
                "GET",
                f"/api/runs/{run_id}/events",
                params={"format": fmt},
                headers={**user.headers, "Last-Event-ID": first[-1]["id"]},
            ) as r:
                assert r.status_code == 200
                resumed = b"".join([c async for c in r.aiter_bytes()])
            async with client.stream(
                "GET",
                f"/api/runs/{run_id}/events",
                params={"format": fmt, "after": 0},
                headers=user.headers,
            ) as r:
                full = b"".join([c async for c in r.aiter_bytes()])
            # Cut the original at its last complete event; original + resumed == a full replay.
            cut = received[: received.rindex(b"\n\n") + 2]
            assert cut + resumed == full
            seqs = [int(e["id"].rsplit(":", 1)[1]) for e in parse_sse(resumed) if "id" in e]
            assert seqs == list(range(int(last_seq) + 1, int(last_seq) + 1 + len(seqs)))
            # ?after= works the same as Last-Event-ID.
            r = await client.get(
                f"/api/runs/{run_id}/events",
                headers=user.headers,
                params={"format": fmt, "after": last_seq},
            )
            assert r.content == resumed


async def test_cancel_keeps_partial_reply_and_conversation_usable(sqlite_settings: Any) -> None:
    seen_inputs, script = recording(tool_then_text(ADD, REPLY, delay=0.05))

    with live_server(sqlite_settings, factory(script)) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            user = await sign_up(client)
            texts: list[str] = []
            kinds: list[str] = []
            async with aconnect_sse(
                client,
                "POST",
                f"/api/{user.id}/chat/stream",
                headers=user.headers,
                json={"message": "add", "conversation_id": "stop-me"},
            ) as src:
                async for sse in src.aiter_sse():
                    if sse.data == "[DONE]":
                        kinds.append("[DONE]")
                        continue
                    payload = sse.json()
                    kinds.append(payload["type"])
                    if payload["type"] == "start":
                        run_id = payload["run_id"]
                    if payload["type"] == "text":
                        texts.append(payload["content"])
                        if len(texts) == 3:
                            r = await client.post(
                                f"/api/runs/{run_id}/cancel", headers=user.headers
                            )
                            assert r.json() == {
                                "run_id": run_id,
                                "cancelled": True,
                                "status": "cancelling",
                            }
            assert kinds[-2:] == ["cancelled", "[DONE]"]
            partial = "".join(texts)
            assert partial and partial != REPLY
            history = (
                await client.get("/api/conversations/stop-me/messages", headers=user.headers)
            ).json()["messages"]
            assert [(m["role"], m.get("status")) for m in history] == [
                ("user", None),
                ("assistant", "stopped"),
            ]
            assert REPLY.startswith(history[1]["content"]) and len(history[1]["content"]) >= len(
                partial
            )
            # The tool call finished before the stop: applied once, reported with the reply.
            assert len((await client.get("/api/todos", headers=user.headers)).json()) == 1
            assert history[1]["tool_calls"][0]["result"]["status"] == "created"
            # Cancelling again is harmless; the next turn works and sees the stopped reply.
            r = await client.post(f"/api/runs/{run_id}/cancel", headers=user.headers)
            assert r.json()["cancelled"] is False and r.json()["status"] == "cancelled"
            r = await client.post(
                f"/api/{user.id}/chat",
                headers=user.headers,
                json={"message": "again", "conversation_id": "stop-me"},
            )
            assert r.status_code == 200 and r.json()["response"] == REPLY
            last_input = seen_inputs[-2]  # the first model call of the second turn
            assert any(
                i.get("role") == "assistant"
                and str(i.get("content", "")).startswith(history[1]["content"][:5])
                for i in last_input
                if isinstance(i, dict)
            )


async def test_turns_beyond_the_limit_get_start_at_once_and_run_when_a_slot_frees(
    tmp_path: Path,
) -> None:
    settings = make_settings(sqlite_url(tmp_path / "gate.db"), max_active_runs=1)
    slow = tool_then_text(ADD, REPLY, delay=0.03)
    asked: list[str] = []

    def script(items: list[Any]) -> Plan:
        asked.append(last_user_text(items))
        return slow(items)

    async def turn(
        client: httpx.AsyncClient, user: User, text: str, log: list[tuple[float, str]]
    ) -> None:
        async with aconnect_sse(
            client,
            "POST",
            f"/api/{user.id}/chat/stream",
            headers=user.headers,
            json={"message": text, "conversation_id": text},
        ) as src:
            async for sse in src.aiter_sse():
                kind = "[DONE]" if sse.data == "[DONE]" else sse.json()["type"]
                if kind == "start":
                    log.append((time.monotonic(), "start:" + sse.json()["run_id"]))
                else:
                    log.append((time.monotonic(), kind))

    with live_server(settings, factory(script)) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            user = await sign_up(client)
            first: list[tuple[float, str]] = []
            second: list[tuple[float, str]] = []
            third: list[tuple[float, str]] = []

            async def first_is_writing() -> bool:
                return any(k == "text" for _, k in first)

            async def both_started() -> bool:
                return bool(second) and bool(third)

            a = asyncio.create_task(turn(client, user, "first", first))
            await eventually(first_is_writing)
            sent = time.monotonic()
            b = asyncio.create_task(turn(client, user, "second", second))
            c = asyncio.create_task(turn(client, user, "third", third))
            await eventually(both_started)
            # Both got their start event while the first turn still holds the only slot...
            assert second[0][1].startswith("start:") and third[0][1].startswith("start:")
            assert second[0][0] - sent < 2.0 and not any(k == "done" for _, k in first)
            # ...and the queued third turn can be stopped before its model is ever asked.
            run_id = third[0][1].removeprefix("start:")
            r = await client.post(f"/api/runs/{run_id}/cancel", headers=user.headers)
            assert r.json()["cancelled"] is True
            await asyncio.wait_for(asyncio.gather(a, b, c), 30)

    assert [k for _, k in third] == [third[0][1], "cancelled", "[DONE]"]
    done_first = next(t for t, k in first if k == "done")
    first_text_second = next(t for t, k in second if k == "text")
    assert first_text_second > done_first  # the second turn ran only after the first finished
    assert [k for _, k in second][-2:] == ["done", "[DONE]"]
    assert "third" not in asked and asked.count("second") == 2


async def test_model_error_yields_safe_error_and_consistent_conversation(
    sqlite_settings: Any, tmp_path: Path
) -> None:
    calls = {"n": 0}

    def script(items: list[Any]) -> Plan:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("secret internals: password=hunter2 at /srv/app.py line 12")
        return Plan(text=["fine", " now"])

    with live_server(sqlite_settings, factory(script)) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            user = await sign_up(client)
            _, raw = await stream_raw(
                client,
                user,
                f"/api/{user.id}/chat/stream",
                {"message": "boom", "conversation_id": "e1"},
            )
            events = [e["json"] for e in parse_sse(raw)]
            assert [e["type"] for e in events] == ["start", "agent_updated", "error"]
            assert events[-1]["code"] == "internal_error"
            assert "hunter2" not in raw.decode() and "Traceback" not in raw.decode()
            assert "app.py" not in raw.decode()
            run_id = events[0]["run_id"]
            r = await client.post(
                f"/api/{user.id}/chat",
                headers=user.headers,
                json={"message": "hello?", "conversation_id": "e1"},
            )
            assert r.json()["response"] == "fine now"
            msgs = (await client.get("/api/conversations/e1/messages", headers=user.headers)).json()
            assert [(m["role"], m["content"], m.get("status")) for m in msgs["messages"]] == [
                ("user", "boom", None),
                ("assistant", "", "failed"),
                ("user", "hello?", None),
                ("assistant", "fine now", "complete"),
            ]
            r = await client.post(
                f"/api/{user.id}/chat",
                headers=user.headers,
                json={"message": "x", "conversation_id": "e1"},
            )
    db = Database(sqlite_settings.database_url)
    try:
        async with db.session() as session:
            run = await session.scalar(select(Run).where(Run.id == run_id))
            assert run is not None and run.status == "failed" and run.error_code == "internal_error"
    finally:
        await db.dispose()


async def test_heartbeat_on_a_slow_run(tmp_path: Path) -> None:
    settings = make_settings(sqlite_url(tmp_path / "hb.db"), heartbeat_seconds=0.1)
    with live_server(settings, factory(tool_then_text([], "slow reply here", delay=0.35))) as srv:
        async with httpx.AsyncClient(base_url=srv.url, timeout=30) as client:
            user = await sign_up(client)
            _, raw = await stream_raw(
                client, user, f"/api/{user.id}/chat/stream", {"message": "hi"}
            )
    events = parse_sse(raw)
    assert {"comment": "ping"} in events
    assert events[-1]["data"] == "[DONE]"
    assert raw.count(b": ping\n\n") >= 2


async def test_conversation_continues_after_restart(database_url: str) -> None:
    settings = make_settings(database_url)
    seen, script = recording(add_script())

    with live_server(settings, factory(script)) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            user = await sign_up(client)
            r = await client.post(
                f"/api/{user.id}/chat",
                headers=user.headers,
                json={"message": "first turn", "conversation_id": "keep"},
            )
            assert r.status_code == 200
    seen.clear()
    with live_server(settings, factory(script)) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            r = await client.post(
                f"/api/{user.id}/chat",
                headers=user.headers,
                json={"message": "second turn", "conversation_id": "keep"},
            )
            assert r.status_code == 200
            msgs = (
                await client.get("/api/conversations/keep/messages", headers=user.headers)
            ).json()["messages"]
    assert [m["content"] for m in msgs] == ["first turn", REPLY, "second turn", REPLY]
    first_call = seen[0]
    texts = [i.get("content") for i in first_call if isinstance(i, dict) and "role" in i]
    assert texts[0] == "first turn" and texts[-1] == "second turn"
    assert any(i.get("type") == "function_call_output" for i in first_call if isinstance(i, dict))


async def test_other_users_cannot_reach_runs_or_conversations(client: httpx.AsyncClient) -> None:
    alice, bob = await sign_up(client), await sign_up(client)
    r = await client.post(
        f"/api/{alice.id}/chat",
        headers=alice.headers,
        json={"message": "alice's secret plan", "conversation_id": "shared"},
    )
    assert r.status_code == 200
    msgs = (await client.get("/api/conversations/shared/messages", headers=alice.headers)).json()
    run_id = msgs["messages"][1]["run_id"]
    assert (await client.get(f"/api/runs/{run_id}/events", headers=bob.headers)).status_code == 404
    assert (await client.post(f"/api/runs/{run_id}/cancel", headers=bob.headers)).status_code == 404
    assert (
        await client.get("/api/conversations/shared/messages", headers=bob.headers)
    ).status_code == 404
    assert (
        await client.delete("/api/conversations/shared", headers=bob.headers)
    ).status_code == 404
    assert (await client.get("/api/conversations", headers=bob.headers)).json() == []
    # Bob's own path only: Alice's user id in the path is refused.
    r = await client.post(
        f"/api/{alice.id}/chat/stream", headers=bob.headers, json={"message": "x"}
    )
    assert r.status_code == 403
    # The same client-chosen id is Bob's own, separate conversation.
    r = await client.post(
        f"/api/{bob.id}/chat",
        headers=bob.headers,
        json={"message": "bob here", "conversation_id": "shared"},
    )
    mine = (await client.get("/api/conversations/shared/messages", headers=bob.headers)).json()
    assert [m["content"] for m in mine["messages"]] == ["bob here", REPLY]
    theirs = (await client.get("/api/conversations/shared/messages", headers=alice.headers)).json()
    assert theirs["messages"][0]["content"] == "alice's secret plan"
    # Deleting is per owner too.
    assert (
        await client.delete("/api/conversations/shared", headers=bob.headers)
    ).status_code == 204
    assert (
        await client.get("/api/conversations/shared/messages", headers=alice.headers)
    ).status_code == 200


async def test_model_cannot_delete_another_users_todo(sqlite_settings: Any) -> None:
    target: dict[str, int] = {}

    def calls(_text: str) -> list[PlannedCall]:
        return [
            PlannedCall("delete_task", {"task_id": target["id"]}),
            PlannedCall("complete_task", {"task_id": target["id"]}),
            PlannedCall("update_task", {"task_id": target["id"], "title": "pwned"}),
        ]

    with live_server(sqlite_settings, factory(tool_then_text(calls, "Done."))) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            alice, mallory = await sign_up(client), await sign_up(client)
            r = await client.post("/api/todos", headers=alice.headers, json={"title": "Alice's"})
            target["id"] = r.json()["id"]
            r = await client.post(
                f"/api/{mallory.id}/chat",
                headers=mallory.headers,
                json={"message": f"delete task {target['id']}"},
            )
            results = [c["result"] for c in r.json()["tool_calls"]]
            assert all(res["code"] == "not_found" for res in results), results
            todo = (await client.get(f"/api/todos/{target['id']}", headers=alice.headers)).json()
            assert todo["title"] == "Alice's" and todo["completed"] is False


async def test_bad_tool_arguments_come_back_to_the_model(sqlite_settings: Any) -> None:
    calls = [
        PlannedCall("add_task", {"title": "x", "due_date": "2026-02-30"}),
        PlannedCall("add_task", {"title": "y", "recurrence": "FREQ=SOMETIMES"}),
        PlannedCall("complete_task", {"task_id": 999999}),
    ]
    with live_server(sqlite_settings, factory(tool_then_text(calls, "Sorry."))) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            user = await sign_up(client)
            r = await client.post(
                f"/api/{user.id}/chat", headers=user.headers, json={"message": "go"}
            )
            assert r.status_code == 200 and r.json()["response"] == "Sorry."
            results = [c["result"] for c in r.json()["tool_calls"]]
            assert [res["code"] for res in results] == [
                "invalid_input",
                "invalid_input",
                "not_found",
            ]
            assert "due_date" in results[0]["error"] and "FREQ" in results[1]["error"]


@pytest.mark.parametrize(
    ("path", "body", "needle"),
    [
        (
            "/api/todos/agent-create/stream",
            {"messages": [{"role": "user", "content": "x"}] * 51},
            "50",
        ),
        (
            "/api/todos/agent-create/stream",
            {"messages": [{"role": "user", "content": "x" * 10_001}]},
            "10000",
        ),
        (
            "/api/todos/agent-create/stream",
            {"messages": [{"role": "user", "content": "x"}], "session_id": "bad id!"},
            "session_id",
        ),
        ("/api/todos/agent-create", {"messages": []}, "messages"),
        ("/api/{uid}/chat/stream", {"message": ""}, "message"),
        ("/api/{uid}/chat/stream", {"message": "hi", "timezone": "Nope/Nope"}, "timezone"),
    ],
)
async def test_invalid_chat_requests_are_422(
    client: httpx.AsyncClient, path: str, body: dict[str, Any], needle: str
) -> None:
    user = await sign_up(client)
    r = await client.post(path.replace("{uid}", str(user.id)), headers=user.headers, json=body)
    assert r.status_code == 422, r.text
    assert needle in r.text


async def test_conversation_endpoints(client: httpx.AsyncClient) -> None:
    user = await sign_up(client)
    a = (await client.post("/api/conversations", headers=user.headers)).json()
    b = (
        await client.post(
            "/api/todos/agent-sessions/new", headers=user.headers, json={"session_id": "mine"}
        )
    ).json()
    assert b["id"] == "mine"
    await asyncio.sleep(0.01)
    await client.post(
        f"/api/{user.id}/chat",
        headers=user.headers,
        json={"message": "Plan the week", "conversation_id": a["id"]},
    )
    listed = (await client.get("/api/conversations", headers=user.headers)).json()
    assert [c["id"] for c in listed] == [a["id"], "mine"]
    assert listed[0]["title"] == "Plan the week"
    assert [
        c["id"]
        for c in (await client.get("/api/todos/agent-sessions", headers=user.headers)).json()
    ] == [a["id"], "mine"]
    assert (
        await client.delete(f"/api/todos/agent-sessions/{a['id']}", headers=user.headers)
    ).status_code == 204
    assert [
        c["id"] for c in (await client.get("/api/conversations", headers=user.headers)).json()
    ] == ["mine"]
    assert (
        await client.get(f"/api/conversations/{a['id']}/messages", headers=user.headers)
    ).status_code == 404


async def test_history_names_the_running_turn_and_expired_runs_answer_410(
    tmp_path: Path,
) -> None:
    settings = make_settings(sqlite_url(tmp_path / "active.db"), event_log_max_runs=1)
    with live_server(settings, factory(tool_then_text([], REPLY, delay=0.03))) as srv:
        async with httpx.AsyncClient(base_url=srv.url, timeout=30) as client:
            user = await sign_up(client)
            async with aconnect_sse(
                client,
                "POST",
                f"/api/{user.id}/chat/stream",
                headers=user.headers,
                json={"message": "hi", "conversation_id": "a1"},
            ) as src:
                async for sse in src.aiter_sse():
                    first = sse.json()
                    break
            run_id = first["run_id"]

            async def recorded() -> dict[str, Any] | None:
                r = await client.get("/api/conversations/a1/messages", headers=user.headers)
                return r.json() if r.status_code == 200 else None

            body = await eventually(recorded)
            assert body["active_run_id"] == run_id
            assert body["messages"][0]["run_id"] == run_id

            async def finished() -> bool:
                r = await client.get("/api/conversations/a1/messages", headers=user.headers)
                return r.json()["active_run_id"] is None

            await eventually(finished)
            # A newer run evicts the first one's events (the log holds one run here).
            r = await client.post(
                f"/api/{user.id}/chat",
                headers=user.headers,
                json={"message": "again", "conversation_id": "a2"},
            )
            assert r.status_code == 200
            r = await client.get(f"/api/runs/{run_id}/events", headers=user.headers)
            assert r.status_code == 410
            assert "expired" in r.json()["detail"]


async def test_turns_cut_off_by_a_crash_are_closed_at_start_up(tmp_path: Path) -> None:
    settings = make_settings(sqlite_url(tmp_path / "crash.db"))
    seen, script = recording(add_script())

    with live_server(settings, factory(script)) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            user = await sign_up(client)
            r = await client.post(
                f"/api/{user.id}/chat",
                headers=user.headers,
                json={"message": "first turn", "conversation_id": "c1"},
            )
            assert r.status_code == 200
    # What a killed process leaves behind: a turn recorded, its run still marked running.
    db = Database(settings.database_url)
    try:
        async with db.session() as session:
            conversation = await session.scalar(
                select(Conversation).where(Conversation.key == "c1")
            )
            assert conversation is not None
            now = datetime.now(UTC)
            session.add(
                Run(
                    id="run_cut_off",
                    owner_id=user.id,
                    conversation_id=conversation.id,
                    status="running",
                    created_at=now,
                )
            )
            session.add(
                ChatMessage(
                    conversation_id=conversation.id,
                    run_id="run_cut_off",
                    role="user",
                    content="the lost message",
                    created_at=now,
                )
            )
            await session.commit()
    finally:
        await db.dispose()

    seen.clear()
    with live_server(settings, factory(script)) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            body = (await client.get("/api/conversations/c1/messages", headers=user.headers)).json()
            assert body["active_run_id"] is None
            assert [(m["role"], m["content"], m.get("status")) for m in body["messages"][2:]] == [
                ("user", "the lost message", None),
                ("assistant", "", "failed"),
            ]
            # The conversation is not blocked, and the model sees the message that was cut off.
            r = await client.post(
                f"/api/{user.id}/chat",
                headers=user.headers,
                json={"message": "next turn", "conversation_id": "c1"},
            )
            assert r.status_code == 200, r.text
    texts = [i.get("content") for i in seen[0] if isinstance(i, dict) and i.get("role") == "user"]
    assert texts == ["first turn", "the lost message", "next turn"]


async def test_typed_resume_after_done_still_gets_the_terminator(client: httpx.AsyncClient) -> None:
    user = await sign_up(client)
    _, raw = await stream_raw(
        client, user, f"/api/{user.id}/chat/stream", {"message": "add", "conversation_id": "d1"}
    )
    events = parse_sse(raw)
    done = next(e for e in events if e.get("json", {}).get("type") == "done")
    assert events[-1]["data"] == "[DONE]"
    run_id = done["id"].rsplit(":", 1)[0]
    r = await client.get(
        f"/api/runs/{run_id}/events",
        params={"format": "typed"},
        headers={**user.headers, "Last-Event-ID": done["id"]},
    )
    assert r.status_code == 200 and r.content == b"data: [DONE]\n\n"
    # The whole replay is byte for byte the original stream.
    r = await client.get(f"/api/runs/{run_id}/events", headers=user.headers)
    assert r.content == raw
