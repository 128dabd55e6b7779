"""Several real `todochat serve` processes on PostgreSQL + Redis: resume and Stop on any worker,
a worker killed with -9 or stopped with SIGTERM mid-turn, nginx round-robin in front.

The language model is the scripted OpenAI-compatible server on loopback, so a turn lasts as long
as each test needs; everything else is the product as an operator runs it."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import PG_URL, REDIS_URL, RUN_ID, need, pg_database
from tests.support.client import User, eventually, parse_sse, sign_up
from tests.support.cluster import Cluster, cluster, cluster_env, nginx, nginx_binary
from tests.support.fake_openai import FakeOpenAI, Text, fake_openai

pytestmark = [pytest.mark.postgres, pytest.mark.redis]

WORDS = " ".join(f"w{i}" for i in range(400))


@pytest.fixture
async def shared_services(tmp_path: Path) -> AsyncIterator[tuple[str, str, str]]:
    """A fresh PostgreSQL database and a Redis key prefix of this test's own."""
    need("PostgreSQL", PG_URL is not None)
    need("Redis", REDIS_URL is not None)
    assert PG_URL is not None and REDIS_URL is not None
    from redis.asyncio import Redis

    async with pg_database("so") as url:
        prefix = f"todochat-test:{RUN_ID}:{url.rpartition('/')[2]}:"
        try:
            yield url, REDIS_URL, prefix
        finally:
            client = Redis.from_url(REDIS_URL)
            async for key in client.scan_iter(match=prefix + "*"):
                await client.delete(key)
            await client.aclose()


@pytest.fixture
def model() -> Iterator[FakeOpenAI]:
    with fake_openai() as fake:
        yield fake


@pytest.fixture
def two_workers(
    shared_services: tuple[str, str, str], model: FakeOpenAI, tmp_path: Path
) -> Iterator[Cluster]:
    env = cluster_env(*shared_services, model.url)
    with cluster(env, tmp_path) as group:
        yield group


# -- helpers ---------------------------------------------------------------------------------


def _blocks(raw: bytes) -> list[bytes]:
    """Complete SSE events of a byte stream, heartbeats left out."""
    complete = raw[: raw.rfind(b"\n\n") + 2] if b"\n\n" in raw else b""
    return [b + b"\n\n" for b in complete.split(b"\n\n") if b and not b.startswith(b":")]


def _last_id(blocks: list[bytes]) -> str:
    ids = [e["id"] for e in parse_sse(b"".join(blocks)) if "id" in e]
    return ids[-1]


async def _start(
    client: httpx.AsyncClient, user: User, encoding: str, stop_after: int, conversation: str
) -> list[bytes]:
    """Start a turn and read ``stop_after`` events, then drop the connection."""
    if encoding == "typed":
        request = client.stream(
            "POST",
            f"/api/{user.id}/chat/stream",
            json={"message": "tell me a story", "conversation_id": conversation},
            headers=user.headers,
        )
    else:
        request = client.stream(
            "POST",
            "/api/todos/agent-create/stream",
            json={
                "messages": [{"role": "user", "content": "tell me a story"}],
                "session_id": conversation,
            },
            headers=user.headers,
        )
    raw = b""
    async with request as r:
        assert r.status_code == 200, await r.aread()
        async for chunk in r.aiter_bytes():
            raw += chunk
            if len(_blocks(raw)) >= stop_after:
                break
    return _blocks(raw)[:stop_after]


async def _follow(
    client: httpx.AsyncClient, user: User, run_id: str, encoding: str, last_id: str | None
) -> list[bytes]:
    headers = dict(user.headers)
    if last_id is not None:
        headers["Last-Event-ID"] = last_id
    raw = b""
    async with client.stream(
        "GET", f"/api/runs/{run_id}/events", params={"format": encoding}, headers=headers
    ) as r:
        assert r.status_code == 200, await r.aread()
        async for chunk in r.aiter_bytes():
            raw += chunk
    return _blocks(raw)


def _names(blocks: list[bytes]) -> list[str]:
    out = []
    for event in parse_sse(b"".join(blocks)):
        if "event" in event:
            out.append(event["event"])
        elif "json" in event:
            out.append(event["json"].get("type", "?"))
    return out


def _run_id(blocks: list[bytes]) -> str:
    return _last_id(blocks[:1]).rpartition(":")[0]


# -- tests -----------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["typed", "named"])
async def test_resume_on_the_other_worker_gets_exactly_the_missed_events(
    two_workers: Cluster, model: FakeOpenAI, encoding: str
) -> None:
    a, b = two_workers.workers
    model.default = Text(" ".join(f"w{i}" for i in range(30)), delay=0.02)
    async with httpx.AsyncClient(base_url=a.url, timeout=30) as ca:
        user = await sign_up(ca)
    for turn in range(20):
        # Each request on a new connection, as a browser after a drop would make it.
        async with httpx.AsyncClient(base_url=a.url, timeout=30) as ca:
            first = await _start(ca, user, encoding, 4, f"resume-{encoding}")
        run_id = _run_id(first)
        async with httpx.AsyncClient(base_url=b.url, timeout=30) as cb:
            rest = await _follow(cb, user, run_id, encoding, _last_id(first))
        async with httpx.AsyncClient(base_url=b.url, timeout=30) as cb:
            whole = await _follow(cb, user, run_id, encoding, None)
        assert first + rest == whole, f"turn {turn}: lost or repeated events"
        assert _names(whole)[-1] in ("history", "done"), _names(whole)


async def test_stop_on_the_other_worker_ends_the_run(
    two_workers: Cluster, model: FakeOpenAI
) -> None:
    a, b = two_workers.workers
    model.default = Text(WORDS, delay=0.05)  # 20 s unless stopped
    async with httpx.AsyncClient(base_url=a.url, timeout=30) as ca:
        user = await sign_up(ca)
    latencies: list[float] = []
    for turn in range(20):
        owner, other = (a, b) if turn % 2 == 0 else (b, a)
        async with httpx.AsyncClient(base_url=owner.url, timeout=30) as co:
            request = co.stream(
                "POST",
                f"/api/{user.id}/chat/stream",
                json={"message": "tell me a long story", "conversation_id": "stop"},
                headers=user.headers,
            )
            raw = b""
            async with request as r:
                stream = r.aiter_bytes()
                while "message_delta" not in raw.decode() and "text" not in raw.decode():
                    raw += await anext(stream)
                run_id = _run_id(_blocks(raw))
                asked = time.perf_counter()
                async with httpx.AsyncClient(base_url=other.url, timeout=30) as cx:
                    stop = await cx.post(f"/api/runs/{run_id}/cancel", headers=user.headers)
                assert stop.status_code == 200
                assert stop.json() == {"run_id": run_id, "cancelled": True, "status": "cancelling"}
                async for chunk in stream:
                    raw += chunk
                ended = time.perf_counter() - asked
        names = _names(_blocks(raw))
        assert "cancelled" in names or "stopped" in str(raw), names
        latencies.append(ended)
        async with httpx.AsyncClient(base_url=other.url, timeout=30) as cx:
            again = await cx.post(f"/api/runs/{run_id}/cancel", headers=user.headers)
        assert again.json()["cancelled"] is False
    # The reply so far is kept, marked stopped, on whichever worker is asked.
    async with httpx.AsyncClient(base_url=b.url, timeout=30) as cb:
        history = (await cb.get("/api/conversations/stop/messages", headers=user.headers)).json()
    replies = [m for m in history["messages"] if m["role"] == "assistant"]
    assert len(replies) == 20 and all(m["status"] == "stopped" for m in replies)
    assert history["active_run_id"] is None
    latencies.sort()
    print(f"cross-worker stop: p50 {latencies[10] * 1e3:.0f} ms, max {latencies[-1] * 1e3:.0f} ms")


async def test_a_killed_worker_s_turn_is_ended_by_another(
    two_workers: Cluster, model: FakeOpenAI
) -> None:
    a, b = two_workers.workers
    model.default = Text(WORDS, delay=0.05)  # 20 s: the kill lands mid-turn
    async with httpx.AsyncClient(base_url=a.url, timeout=30) as ca:
        user = await sign_up(ca)
        first = await _start(ca, user, "typed", 4, "killed")
    run_id = _run_id(first)
    a.kill()
    killed = time.perf_counter()
    async with httpx.AsyncClient(base_url=b.url, timeout=30) as cb:
        rest = await _follow(cb, user, run_id, "typed", _last_id(first))
        waited = time.perf_counter() - killed
        events = parse_sse(b"".join(rest))
        assert events[-1]["json"]["type"] == "error", events[-1]
        assert events[-1]["json"]["code"] == "worker_lost"
        # Lease 1 s: noticed within about two lease periods (plus the watcher's step).
        assert waited < 6.0, waited
        history = (await cb.get("/api/conversations/killed/messages", headers=user.headers)).json()
        assert history["active_run_id"] is None
        assert [m["role"] for m in history["messages"]] == ["user", "assistant"]
        assert history["messages"][0]["content"] == "tell me a story"
        assert history["messages"][1]["status"] == "failed"
        # The conversation takes the next message at once.
        model.queue(Text("Here you are."))
        r = await cb.post(
            f"/api/{user.id}/chat",
            json={"message": "again please", "conversation_id": "killed"},
            headers=user.headers,
        )
        assert r.status_code == 200, r.text
        assert r.json()["response"] == "Here you are."


async def test_sigterm_lets_the_turn_finish_and_the_end_reaches_every_client(
    two_workers: Cluster, model: FakeOpenAI
) -> None:
    a, b = two_workers.workers
    model.default = Text(" ".join(f"w{i}" for i in range(40)), delay=0.05)  # ~2 s
    async with httpx.AsyncClient(base_url=a.url, timeout=60) as ca:
        user = await sign_up(ca)
        raw = b""
        async with ca.stream(
            "POST",
            f"/api/{user.id}/chat/stream",
            json={"message": "tell me a story", "conversation_id": "deploy"},
            headers=user.headers,
        ) as r:
            stream = r.aiter_bytes()
            while len(_blocks(raw)) < 3:
                raw += await anext(stream)
            a.terminate()  # a rolling deploy
            async for chunk in stream:
                raw += chunk
    names = _names(_blocks(raw))
    assert names[-1] == "done" or "history" in str(raw), names
    # uvicorn shuts down gracefully, then re-raises the signal so the exit status tells.
    assert a.proc.wait(timeout=30) in (0, -15)
    assert "Traceback" not in a.output()
    run_id = _run_id(_blocks(raw))
    async with httpx.AsyncClient(base_url=b.url, timeout=30) as cb:
        # A client that reconnects elsewhere sees the same end.
        replay = await _follow(cb, user, run_id, "typed", None)
        assert replay == _blocks(raw)
        history = (await cb.get("/api/conversations/deploy/messages", headers=user.headers)).json()
        assert history["messages"][-1]["status"] == "complete"


async def test_sigterm_ends_a_turn_past_the_grace_as_failed_and_clients_see_it_elsewhere(
    shared_services: tuple[str, str, str], model: FakeOpenAI, tmp_path: Path
) -> None:
    env = cluster_env(*shared_services, model.url) | {"TODOCHAT_SHUTDOWN_GRACE_SECONDS": "2"}
    model.default = Text(WORDS, delay=0.05)  # 20 s: longer than the grace
    with cluster(env, tmp_path) as group:
        a, b = group.workers
        async with httpx.AsyncClient(base_url=a.url, timeout=60) as ca:
            user = await sign_up(ca)
            first = await _start(ca, user, "typed", 3, "too-long")
        a.terminate()
        assert a.proc.wait(timeout=30) in (0, -15)
        async with httpx.AsyncClient(base_url=b.url, timeout=30) as cb:
            rest = await _follow(cb, user, _run_id(first), "typed", _last_id(first))
            last = parse_sse(b"".join(rest))[-1]["json"]
            assert last["type"] == "error" and last["code"] == "shutdown", last
            history = (
                await cb.get("/api/conversations/too-long/messages", headers=user.headers)
            ).json()
            assert history["active_run_id"] is None
            assert history["messages"][-1]["status"] == "failed"
            # Everything the client saw before the cut is still there, in order.
            whole = await _follow(cb, user, _run_id(first), "typed", None)
            assert whole[: len(first)] == first and whole[len(first) :] == rest


async def test_nginx_round_robin_in_front_of_two_workers(
    two_workers: Cluster, model: FakeOpenAI, tmp_path: Path
) -> None:
    if nginx_binary() is None:
        need("nginx", False)
    ports = [w.port for w in two_workers.workers]
    model.default = Text(" ".join(f"w{i}" for i in range(30)), delay=0.02)
    with nginx(ports, tmp_path / "nginx") as url:
        async with httpx.AsyncClient(base_url=url, timeout=30) as c:
            user = await sign_up(c)
        for turn in range(10):
            async with httpx.AsyncClient(base_url=url, timeout=30) as c:
                first = await _start(c, user, "typed", 3, "proxied")
            async with httpx.AsyncClient(base_url=url, timeout=30) as c:
                rest = await _follow(c, user, _run_id(first), "typed", _last_id(first))
            async with httpx.AsyncClient(base_url=url, timeout=30) as c:
                whole = await _follow(c, user, _run_id(first), "typed", None)
            assert first + rest == whole, f"turn {turn}"
        model.default = Text(WORDS, delay=0.05)
        for _ in range(10):
            async with httpx.AsyncClient(base_url=url, timeout=30) as c:
                raw = b""
                async with c.stream(
                    "POST",
                    f"/api/{user.id}/chat/stream",
                    json={"message": "long one", "conversation_id": "proxied-stop"},
                    headers=user.headers,
                ) as r:
                    stream = r.aiter_bytes()
                    while len(_blocks(raw)) < 3:
                        raw += await anext(stream)
                    async with httpx.AsyncClient(base_url=url, timeout=30) as cx:
                        stop = await cx.post(
                            f"/api/runs/{_run_id(_blocks(raw))}/cancel", headers=user.headers
                        )
                    assert stop.json()["cancelled"] is True
                    async for chunk in stream:
                        raw += chunk
            assert "cancelled" in _names(_blocks(raw)) or '"stopped"' in raw.decode()


# -- refusals --------------------------------------------------------------------------------


def _serve(env: dict[str, str], *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "todochat", "serve", "--port", "1", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _base_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("TODOCHAT_")}


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({}, "several workers need PostgreSQL"),
        (
            {"TODOCHAT_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/x"},
            "several workers need Redis",
        ),
    ],
)
def test_several_workers_refuse_without_a_shared_database_and_redis(
    tmp_path: Path, settings: dict[str, Any], expected: str
) -> None:
    env = _base_env() | settings
    out = _serve(env, "--workers", "2", cwd=tmp_path)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], out.stderr
    assert not (tmp_path / "todochat.db").exists()


def test_a_wrong_redis_url_fails_at_start_up_in_one_line(tmp_path: Path) -> None:
    env = _base_env() | {"TODOCHAT_REDIS_URL": "redis://:hunter2@127.0.0.1:1/0"}
    out = _serve(env, cwd=tmp_path)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach Redis" in lines[0], out.stderr
    assert "hunter2" not in out.stderr


async def test_a_change_on_one_worker_reaches_live_streams_on_the_other(
    two_workers: Cluster, model: FakeOpenAI
) -> None:
    """The live feed through Redis: a tab streaming from worker B sees what a request to
    worker A changed, and a resume on A after B's stream dropped misses nothing."""
    a, b = two_workers.workers
    async with httpx.AsyncClient(base_url=a.url, timeout=30) as ca:
        user = await sign_up(ca)
        async with httpx.AsyncClient(base_url=b.url, timeout=30) as cb:
            async with cb.stream("GET", "/api/events", headers=user.headers) as feed:
                lines = feed.aiter_lines()

                async def next_data() -> dict[str, Any]:
                    async for line in lines:
                        if line.startswith("data: "):
                            return dict(json.loads(line[6:]))
                    raise AssertionError("the feed ended")

                assert (await next_data())["type"] == "ready"
                created = []
                for n in range(5):
                    r = await ca.post("/api/todos", headers=user.headers, json={"title": f"t{n}"})
                    created.append(r.json()["id"])
                    notice = await asyncio.wait_for(next_data(), 10)
                    assert notice == {"type": "todos", "ids": [created[-1]]}
                last_id = None
                async for line in lines:
                    if line.startswith("id: "):
                        last_id = line[4:]
                        break
        # B's stream is gone; a change meanwhile, then a resume on A from B's last id.
        r = await ca.post("/api/todos", headers=user.headers, json={"title": "while away"})
        missed = r.json()["id"]
        headers = user.headers | ({"Last-Event-ID": last_id} if last_id else {})
        async with ca.stream("GET", "/api/events", headers=headers) as feed:
            seen = []
            async for line in feed.aiter_lines():
                if line.startswith("data: "):
                    seen.append(json.loads(line[6:]))
                    if seen[-1].get("ids") == [missed]:
                        break
        assert [e for e in seen if e["type"] == "todos"][-1] == {"type": "todos", "ids": [missed]}


async def test_chatkit_stop_by_closing_the_stream_stops_the_turn_on_its_worker(
    two_workers: Cluster, model: FakeOpenAI
) -> None:
    """ChatKit's Stop closes the request; the worker that serves it owns the turn, so the
    turn stops there and the partial reply is stored, seen from the other worker."""
    a, b = two_workers.workers
    model.default = Text(WORDS, delay=0.05)  # 20 s unless stopped
    async with httpx.AsyncClient(base_url=a.url, timeout=30) as ca:
        user = await sign_up(ca)
        body = {
            "type": "threads.create",
            "params": {
                "input": {
                    "content": [{"type": "input_text", "text": "tell me a long story"}],
                    "attachments": [],
                    "inference_options": {},
                }
            },
        }
        raw = ""
        async with ca.stream("POST", "/api/chatkit", json=body, headers=user.headers) as r:
            async for chunk in r.aiter_text():
                raw += chunk
                if raw.count("text_delta") >= 3:
                    break
        thread_id = json.loads(raw.split("\n\n")[0][6:])["thread"]["id"]
    async with httpx.AsyncClient(base_url=b.url, timeout=30) as cb:

        async def ended() -> list[dict[str, Any]] | None:
            r = await cb.get(f"/api/conversations/{thread_id}/messages", headers=user.headers)
            history = r.json()
            done = (
                history["active_run_id"] is None and history["messages"][-1]["role"] == "assistant"
            )
            return list(history["messages"]) if done else None

        messages = await eventually(ended)
    assert messages[-1]["status"] == "stopped"
    assert 0 < len(messages[-1]["content"].split()) < 400


async def test_a_reminder_fires_once_with_two_workers_looking(
    two_workers: Cluster, model: FakeOpenAI
) -> None:
    """Both workers look for due reminders every second; each reminder is claimed in the
    database by one of them and reaches every stream of its owner once."""
    a, b = two_workers.workers
    async with (
        httpx.AsyncClient(base_url=a.url, timeout=30) as ca,
        httpx.AsyncClient(base_url=b.url, timeout=30) as cb,
    ):
        user = await sign_up(ca)
        ids = []
        for n in range(5):
            r = await ca.post("/api/todos", headers=user.headers, json={"title": f"r{n}"})
            ids.append(r.json()["id"])
        seen: dict[str, list[int]] = {"a": [], "b": []}

        async def listen(name: str, client: httpx.AsyncClient, ready: asyncio.Event) -> None:
            async with client.stream("GET", "/api/events", headers=user.headers) as feed:
                async for line in feed.aiter_lines():
                    if not line.startswith("data: "):
                        continue
                    event = json.loads(line[6:])
                    if event["type"] == "ready":
                        ready.set()
                    elif event["type"] == "reminder":
                        seen[name] += event["ids"]

        ready_a, ready_b = asyncio.Event(), asyncio.Event()
        tasks = [
            asyncio.create_task(listen("a", ca, ready_a)),
            asyncio.create_task(listen("b", cb, ready_b)),
        ]
        await asyncio.wait_for(asyncio.gather(ready_a.wait(), ready_b.wait()), 10)
        soon = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
        for todo_id in ids:
            r = await cb.post(
                f"/api/todos/{todo_id}/snooze", headers=user.headers, json={"until": soon}
            )
            assert r.status_code == 200

        async def all_seen() -> bool:
            return len(seen["a"]) >= len(ids) and len(seen["b"]) >= len(ids)

        await eventually(all_seen)
        # Both workers have looked several times more by now; nothing came twice.
        r = await ca.get("/api/todos", headers=user.headers)
        assert all(t["remind_at"] is None for t in r.json())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    assert sorted(seen["a"]) == sorted(ids) and sorted(seen["b"]) == sorted(ids)
