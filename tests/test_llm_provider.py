"""Real language models over real HTTP: todochat's provider path against a scripted OpenAI server.

A live todochat server (uvicorn on 127.0.0.1, no model override) talks to ``fake_openai`` (another
real HTTP server) through the ``openai`` client and the agents SDK's Chat Completions and Responses
models. The last test runs against a real OpenAI-compatible server when one is configured.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from httpx_sse import aconnect_sse
from typer.testing import CliRunner

from tests.conftest import make_settings
from tests.support.client import User, parse_sse, sign_up
from tests.support.fake_openai import Cut, Fail, FakeOpenAI, Hang, Text, ToolCall, fake_openai
from tests.support.live import free_port, live_server
from todochat.agent.provider import ModelConfigError, model_factory
from todochat.config import Settings, sqlite_url
from todochat.openfiles import RESERVE, open_file_limit, turns_within
from todochat.runtime import Runtime

KEY = "sk-test-DO-NOT-LEAK-1234567890"
ARGS = {"title": "Call the plumber", "due_date": "2026-11-22", "due_time": "17:00"}
REPLY = "Added Call the plumber for Sun, Nov 22 at 5 PM."


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with fake_openai() as server:
        yield server


def llm_settings(tmp_path: Path, base_url: str, model: str, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "model": model,
        "openai_base_url": base_url,
        "openai_timeout_seconds": 5.0,
        "openai_max_retries": 1,
        "rate_limit": "1000/minute",
    }
    values.update(extra)
    return make_settings(sqlite_url(tmp_path / "llm.db"), **values)


async def typed_turn(
    client: httpx.AsyncClient, user: User, message: str, conversation: str = "c1"
) -> tuple[list[dict[str, Any]], str]:
    """One turn through encoding A: the typed payloads (without [DONE]) and the raw body."""
    async with client.stream(
        "POST",
        f"/api/{user.id}/chat/stream",
        json={"message": message, "conversation_id": conversation},
        headers=user.headers,
    ) as r:
        assert r.status_code == 200, await r.aread()
        raw = b"".join([chunk async for chunk in r.aiter_bytes()])
    events = parse_sse(raw)
    assert events[-1]["data"] == "[DONE]" or events[-1]["json"]["type"] == "error"
    return [e["json"] for e in events if "json" in e], raw.decode()


async def named_turn(
    client: httpx.AsyncClient, user: User, message: str, session: str = "s1"
) -> list[tuple[str, Any]]:
    """One turn through encoding B: (event name, payload) pairs."""
    out: list[tuple[str, Any]] = []
    async with aconnect_sse(
        client,
        "POST",
        "/api/todos/agent-create/stream",
        headers=user.headers,
        json={"messages": [{"role": "user", "content": message}], "session_id": session},
    ) as source:
        async for sse in source.aiter_sse():
            out.append((sse.event, sse.json()))
    return out


def _system_text(body: dict[str, Any]) -> str:
    if "instructions" in body:
        return str(body["instructions"])
    first = body["messages"][0]
    assert first["role"] in ("system", "developer")
    return str(first["content"])


def _assert_instructions_have_now(body: dict[str, Any], tz: str) -> None:
    text = _system_text(body)
    today = datetime.now(ZoneInfo(tz)).strftime("%Y-%m-%d")
    assert f"({tz})" in text and today in text, text[-200:]
    assert "confirm" in text.lower()


# -- Chat Completions -------------------------------------------------------------------------


async def test_chat_completions_turn_typed_stream(tmp_path: Path, fake: FakeOpenAI) -> None:
    fake.queue(ToolCall("add_task", json.dumps(ARGS), pieces=5), Text(REPLY))
    settings = llm_settings(tmp_path, fake.url, "openai-compatible:scripted")
    with live_server(settings) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            user = await sign_up(client, "Europe/Berlin")
            events, _ = await typed_turn(client, user, "remind me to call the plumber")
            types = [e["type"] for e in events]
            deltas = REPLY.count(" ") + 1
            assert types == ["start", "agent_updated", "tool_call", "tool_result"] + [
                "text"
            ] * deltas + ["message", "done"]
            call, result = events[2], events[3]
            # Arguments streamed in five pieces arrive as one event, parsed and complete.
            assert call == {
                "type": "tool_call",
                "name": "add_task",
                "call_id": "call_fake_1",
                "arguments": ARGS,
                "status": "started",
            }
            assert result["call_id"] == "call_fake_1" and result["result"]["status"] == "created"
            assert "".join(e["content"] for e in events if e["type"] == "text") == REPLY
            assert events[-1]["response"] == REPLY
            todos = (await client.get("/api/todos", headers=user.headers)).json()
            assert [t["title"] for t in todos] == ["Call the plumber"]

    first, second = fake.bodies("/chat/completions")
    assert first["model"] == "scripted" and first["stream"] is True
    assert first["stream_options"] == {"include_usage": True}
    assert {t["function"]["name"] for t in first["tools"]} >= {"add_task", "delete_task"}
    _assert_instructions_have_now(first, "Europe/Berlin")
    assert first["messages"][-1] == {"role": "user", "content": "remind me to call the plumber"}
    # The second request carries the tool call and its result.
    tool_msgs = [m for m in second["messages"] if m["role"] == "tool"]
    assert len(tool_msgs) == 1 and tool_msgs[0]["tool_call_id"] == "call_fake_1"
    assert json.loads(tool_msgs[0]["content"])["title"] == "Call the plumber"
    assert fake.requests[0].authorization == "Bearer not-needed"


async def test_chat_completions_named_stream_usage_and_late_call_id(
    tmp_path: Path, fake: FakeOpenAI
) -> None:
    # The call id comes on the second chunk (the first has only the name), as some servers do.
    fake.queue(
        ToolCall("add_task", json.dumps(ARGS), pieces=3, late_id=True, usage=(100, 20)),
        Text(REPLY, usage=(150, 30)),
    )
    settings = llm_settings(tmp_path, fake.url, "openai-compatible:scripted", openai_api_key=KEY)
    with live_server(settings) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            user = await sign_up(client)
            events = await named_turn(client, user, "add plumber")
            names = [n for n, _ in events]
            deltas = REPLY.count(" ") + 1
            assert names == ["session_initialized", "agent_updated", "tool_call", "tool_result"] + [
                "message_delta"
            ] * deltas + ["message", "completed", "history"]
            data = dict(events[2:4])
            assert data["tool_call"] == {
                "call_id": "call_fake_1",
                "tool_name": "add_task",
                "arguments": ARGS,
            }
            assert data["tool_result"]["output"]["status"] == "created"
            assert events[-2][1] == {
                "final_message": REPLY,
                "usage": {"input_tokens": 250, "output_tokens": 50},
            }
            history = events[-1][1]
            assert [(m["role"], m["content"]) for m in history] == [
                ("user", "add plumber"),
                ("assistant", REPLY),
            ]
            # The next turn sees the previous one (memory holds the tool call and result).
            fake.queue(Text("You have one task."))
            events = await named_turn(client, user, "what do I have?")
            assert events[-2][0] == "completed"
    assert fake.requests[0].authorization == f"Bearer {KEY}"
    third = fake.bodies("/chat/completions")[2]
    roles = [m["role"] for m in third["messages"]]
    assert roles[1:] == ["user", "assistant", "tool", "assistant", "user"]


async def test_invalid_json_arguments_become_a_tool_error_the_model_can_fix(
    tmp_path: Path, fake: FakeOpenAI
) -> None:
    broken = '{"title": "Call the plumber", "due_date": '
    fake.queue(
        ToolCall("add_task", broken, pieces=3),
        ToolCall("add_task", json.dumps(ARGS), call_id="call_fake_2"),
        Text(REPLY),
    )
    settings = llm_settings(tmp_path, fake.url, "openai-compatible:scripted")
    with live_server(settings) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            user = await sign_up(client)
            events = await named_turn(client, user, "add plumber")
            names = [n for n, _ in events]
            assert names[:6] == [
                "session_initialized",
                "agent_updated",
                "tool_call",
                "tool_result",
                "tool_call",
                "tool_result",
            ]
            assert names[-2:] == ["completed", "history"]
            bad_call, bad_result = events[2][1], events[3][1]
            assert bad_call["call_id"] == "call_fake_1"
            assert bad_call["arguments"] == {"invalid_json": broken}
            assert "error" in json.dumps(bad_result["output"]).lower()
            assert events[5][1]["output"]["status"] == "created"
            todos = (await client.get("/api/todos", headers=user.headers)).json()
            assert [t["title"] for t in todos] == ["Call the plumber"]
    retry = fake.bodies("/chat/completions")[1]
    tool_msgs = [m for m in retry["messages"] if m["role"] == "tool"]
    assert tool_msgs[0]["tool_call_id"] == "call_fake_1"
    assert "error" in tool_msgs[0]["content"].lower()


async def test_429_is_retried_before_anything_ran(tmp_path: Path, fake: FakeOpenAI) -> None:
    fake.queue(Fail(429, "slow down"), ToolCall("add_task", json.dumps(ARGS)), Text(REPLY))
    settings = llm_settings(tmp_path, fake.url, "openai-compatible:scripted")
    with live_server(settings) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            user = await sign_up(client)
            events, _ = await typed_turn(client, user, "add plumber")
            assert [e["type"] for e in events].count("tool_call") == 1
            assert events[-1]["type"] == "done"
            todos = (await client.get("/api/todos", headers=user.headers)).json()
            assert len(todos) == 1
    assert len(fake.requests) == 3


FAILURES: dict[str, tuple[list[Any], str]] = {
    "401": ([Fail(401, f"Incorrect API key provided: {KEY}")], "model_auth"),
    "500": ([Fail(500), Fail(500)], "model_unavailable"),
    "429": ([Fail(429), Fail(429)], "model_unavailable"),
    "hang": ([Hang(3.0), Hang(3.0)], "model_unavailable"),
    "cut": ([Cut()], "model_unavailable"),
}


@pytest.mark.parametrize("failure", [*FAILURES, "refused"])
async def test_provider_failure_is_a_safe_error_and_the_next_turn_works(
    tmp_path: Path, failure: str
) -> None:
    port = free_port()
    base_url = f"http://127.0.0.1:{port}/v1"
    settings = llm_settings(
        tmp_path,
        base_url,
        "openai-compatible:scripted",
        openai_api_key=KEY,
        openai_timeout_seconds=0.5,
    )
    with live_server(settings) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            user = await sign_up(client)
            if failure == "refused":
                events, raw = await typed_turn(client, user, "add plumber")
                code = "model_unavailable"
                with fake_openai(port) as fake:
                    fake.queue(Text("Back again."))
                    after, _ = await typed_turn(client, user, "still there?")
            else:
                steps, code = FAILURES[failure]
                with fake_openai(port) as fake:
                    fake.queue(*steps, Text("Back again."))
                    events, raw = await typed_turn(client, user, "add plumber")
                    after, _ = await typed_turn(client, user, "still there?")
            assert events[-1]["type"] == "error", events
            # 401 may be told apart (model_auth) or not (model_unavailable); both are safe.
            assert events[-1]["code"] in (code, "model_unavailable")
            message = events[-1]["message"]
            assert "language model" in message.lower()
            for secret in (KEY, "Traceback", "scripted failure", "127.0.0.1", "httpx"):
                assert secret not in raw
            assert "tool_call" not in [e["type"] for e in events]
            # The conversation stays consistent: the next turn answers and sees the first message.
            assert after[-1] == {
                "type": "done",
                "conversation_id": after[0]["conversation_id"],
                "response": "Back again.",
            }
            body = fake.bodies("/chat/completions")[-1]
            users = [m["content"] for m in body["messages"] if m["role"] == "user"]
            assert users == ["add plumber", "still there?"]
            msgs = (await client.get("/api/conversations/c1/messages", headers=user.headers)).json()
            assert [m.get("status") for m in msgs["messages"]] == [
                None,
                "failed",
                None,
                "complete",
            ]


# -- Responses API (openai:<model>) ----------------------------------------------------------


async def test_openai_responses_turn(tmp_path: Path, fake: FakeOpenAI) -> None:
    fake.queue(
        ToolCall("add_task", json.dumps(ARGS), pieces=4, usage=(90, 12)),
        Text(REPLY, usage=(130, 22)),
    )
    settings = llm_settings(tmp_path, fake.url, "openai:gpt-test", openai_api_key=KEY)
    with live_server(settings) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            user = await sign_up(client, "America/New_York")
            events = await named_turn(client, user, "add plumber")
            names = [n for n, _ in events]
            deltas = REPLY.count(" ") + 1
            assert names == ["session_initialized", "agent_updated", "tool_call", "tool_result"] + [
                "message_delta"
            ] * deltas + ["message", "completed", "history"]
            assert events[2][1] == {
                "call_id": "call_fake_1",
                "tool_name": "add_task",
                "arguments": ARGS,
            }
            assert events[-2][1] == {
                "final_message": REPLY,
                "usage": {"input_tokens": 220, "output_tokens": 34},
            }
            typed, _ = await typed_turn(client, user, "and now?", conversation="c2")
            assert typed[-1]["type"] == "done" and typed[-1]["response"] == "Done."
            todos = (await client.get("/api/todos", headers=user.headers)).json()
            assert [t["title"] for t in todos] == ["Call the plumber"]
            # A refused key is an error a person understands; the key never shows.
            fake.queue(Fail(401, f"Incorrect API key provided: {KEY}"))
            failed, raw = await typed_turn(client, user, "again", conversation="c3")
            assert failed[-1]["type"] == "error" and KEY not in raw
            assert failed[-1]["code"] in ("model_auth", "model_unavailable")
            # A stream cut mid-way: an error event, and the conversation goes on.
            fake.queue(Cut(), Text("Back again."))
            failed, raw = await typed_turn(client, user, "again", conversation="c3")
            assert failed[-1]["type"] == "error" and failed[-1]["code"] == "model_unavailable"
            typed, _ = await typed_turn(client, user, "and now?", conversation="c3")
            assert typed[-1]["response"] == "Back again."
    assert all(r.path == "/v1/responses" for r in fake.requests)
    assert len(fake.requests) == 6
    assert fake.requests[0].authorization == f"Bearer {KEY}"
    first, second = fake.bodies()[:2]
    assert first["model"] == "gpt-test" and first["stream"] is True
    _assert_instructions_have_now(first, "America/New_York")
    outputs = [i for i in second["input"] if i.get("type") == "function_call_output"]
    assert outputs[0]["call_id"] == "call_fake_1"
    assert json.loads(outputs[0]["output"])["status"] == "created"


# -- Start-up ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"model": "openai:gpt-4.1-mini"}, "OPENAI_API_KEY"),
        ({"model": "openai-compatible:x"}, "TODOCHAT_OPENAI_BASE_URL"),
        ({"model": "anthropic:claude"}, "is not supported"),
        ({"model": "gpt-4.1"}, "is not supported"),
        ({"model": "openai-compatible:", "openai_base_url": "http://x/v1"}, "names no model"),
        ({"model": "openai-compatible:x", "openai_base_url": "localhost:11434"}, "not an http"),
    ],
)
def test_wrong_model_settings_fail_at_start_up(
    tmp_path: Path, overrides: dict[str, Any], expected: str
) -> None:
    settings = make_settings(sqlite_url(tmp_path / "x.db"), openai_api_key=None, **overrides)
    with pytest.raises(ModelConfigError) as caught:
        Runtime.build(settings)
    message = str(caught.value)
    assert expected in message and "\n" not in message


def test_model_settings_build_one_client(tmp_path: Path) -> None:
    settings = make_settings(
        sqlite_url(tmp_path / "x.db"),
        model="openai:gpt-4.1-mini",
        openai_api_key=KEY,
        openai_timeout_seconds=12.5,
        openai_max_retries=4,
    )
    factory = model_factory(settings)
    a, b = factory(None), factory(None)  # type: ignore[arg-type]
    assert a is b
    client = a._client  # type: ignore[attr-defined]
    assert client.max_retries == 4 and client.timeout == 12.5
    # One connection per turn in progress, kept alive for the next turn (not the library's 1,000).
    pool = client._client._transport._pool
    assert pool._max_connections == pool._max_keepalive_connections == 256
    assert KEY not in repr(a)


def test_the_model_connection_pool_follows_the_turns_in_progress(tmp_path: Path) -> None:
    settings = make_settings(
        sqlite_url(tmp_path / "x.db"),
        model="openai-compatible:llama3.1",
        openai_base_url="http://127.0.0.1:9/v1",
        max_active_runs=10_000,
    )
    client = model_factory(settings)(None)._client  # type: ignore[arg-type, attr-defined]
    assert client._client._transport._pool._max_connections == 10_000
    client = model_factory(settings, 300)(None)._client  # type: ignore[arg-type, attr-defined]
    assert client._client._transport._pool._max_connections == 300


def test_turns_in_progress_stay_within_the_open_file_limit(tmp_path: Path) -> None:
    # Each turn at a model holds its client's stream and its model connection: past what the
    # limit allows, model connections failed ("All connection attempts failed") while the
    # model was idle. The runtime's slots and the model's pool are the same bounded number.
    assert turns_within(10_000, None) == 10_000
    assert turns_within(10_000, 1_000_000) == 10_000
    assert turns_within(10_000, 20_000) == (20_000 - RESERVE) // 2
    assert turns_within(256, 1_024) == 256
    assert turns_within(256, 512) == (512 - RESERVE) // 2
    assert turns_within(4, 1_024) == 4
    assert turns_within(256, 100) == 1
    limit = open_file_limit()
    assert limit is not None  # Linux: a finite limit (raised to the hard one)
    settings = make_settings(
        sqlite_url(tmp_path / "x.db"),
        model="openai-compatible:llama3.1",
        openai_base_url="http://127.0.0.1:9/v1",
        max_active_runs=limit,  # more than the limit can hold
    )
    runtime = Runtime.build(settings)
    assert runtime.runs.max_active == turns_within(limit, limit) < limit
    client = runtime.runs.model_factory(None)._client  # type: ignore[arg-type, attr-defined]
    assert client._client._transport._pool._max_connections == runtime.runs.max_active


def test_openai_api_key_env_name_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TODOCHAT_OPENAI_API_KEY", raising=False)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.openai_api_key is not None
    assert settings.openai_api_key.get_secret_value() == "sk-from-env"
    monkeypatch.setenv("TODOCHAT_OPENAI_API_KEY", "sk-todochat")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.openai_api_key is not None
    assert settings.openai_api_key.get_secret_value() == "sk-todochat"


def test_serve_prints_one_line_and_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from todochat.cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("TODOCHAT_OPENAI_API_KEY", raising=False)
    monkeypatch.setenv("TODOCHAT_MODEL", "openai:gpt-4.1-mini")
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "OPENAI_API_KEY" in lines[0]
    assert "Traceback" not in result.output


# -- A real server, when one is configured ----------------------------------------------------

REAL_URL = os.environ.get("TODOCHAT_TEST_OPENAI_BASE_URL")


@pytest.mark.skipif(not REAL_URL, reason="TODOCHAT_TEST_OPENAI_BASE_URL not set")
async def test_real_openai_compatible_server(tmp_path: Path) -> None:
    assert REAL_URL is not None
    model = os.environ.get("TODOCHAT_TEST_OPENAI_MODEL", "llama3.1")
    extra: dict[str, Any] = {"openai_timeout_seconds": 120.0, "run_timeout_seconds": 300.0}
    if key := os.environ.get("TODOCHAT_TEST_OPENAI_API_KEY"):
        extra["openai_api_key"] = key
    settings = llm_settings(tmp_path, REAL_URL, f"openai-compatible:{model}", **extra)
    with live_server(settings) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=300) as client:
            user = await sign_up(client)
            events = await named_turn(client, user, "Say hello in five words.")
            names = [n for n, _ in events]
            assert "message_delta" in names, events
            assert names[-2:] == ["completed", "history"], events
            assert events[-2][1]["final_message"]


def test_turns_in_progress_default_to_few_offline_and_many_with_a_language_model(
    tmp_path: Path,
) -> None:
    # The built-in assistant's turns are CPU work in the server's thread: a few at once, and
    # one at a time while few wait when nothing else (PostgreSQL, Redis) makes them wait; a
    # language model's turns mostly wait on the network.
    alone = make_settings(sqlite_url(tmp_path / "a.db"))
    assert (alone.active_runs_limit(), alone.calm_runs_limit()) == (4, 1)
    shared = make_settings(sqlite_url(tmp_path / "a.db"), redis_url="redis://127.0.0.1:9/0")
    assert (shared.active_runs_limit(), shared.calm_runs_limit()) == (4, 4)
    postgres = make_settings("postgresql+asyncpg://todochat@127.0.0.1:9/todochat")
    assert (postgres.active_runs_limit(), postgres.calm_runs_limit()) == (4, 4)
    chosen = make_settings(sqlite_url(tmp_path / "a.db"), max_active_runs=3)
    assert (chosen.active_runs_limit(), chosen.calm_runs_limit()) == (3, 3)
    llm = llm_settings(tmp_path, "http://127.0.0.1:9/v1", "openai-compatible:m")
    assert llm.active_runs_limit() == 256
    assert (
        llm_settings(
            tmp_path, "http://127.0.0.1:9/v1", "openai-compatible:m", max_active_runs=7
        ).active_runs_limit()
        == 7
    )
