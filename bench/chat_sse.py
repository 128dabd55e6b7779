"""Chat turns over SSE at N concurrent streams versus the same turn through the SDK alone.

    python bench/chat_sse.py --streams 50 --turns 1000

Full stack: a real uvicorn server (subprocess, SQLite file) with the benchmark's scripted model
(one add_task call and a ~40-word reply); each client signs up its own user and streams turns on a
keep-alive connection (encoding A) until its share is done. SDK alone: the same agent, model and
tools through ``Runner.run_streamed`` in one process, with an in-memory SQLiteSession, no HTTP.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import uvloop
from _http import Connection, sign_up
from _scripted import BenchModel
from _server import free_port, percentile
from agents import RunConfig, Runner, SQLiteSession

from todochat.agent.agent import build_agent
from todochat.agent.context import TurnContext
from todochat.config import sqlite_url
from todochat.db.engine import Database
from todochat.db.migrate import upgrade
from todochat.db.models import User
from todochat.heap import tune_for_serving
from todochat.todos.service import Owner

HERE = Path(__file__).parent


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


TURN_TEXT = "remind me to call the plumber"
# Per encoding: the route, the body of a turn (a new conversation each, as encoding A's turns
# without an id are), and what marks the first text delta in its bytes.
ENCODINGS: dict[str, tuple[str, Any, bytes]] = {
    "typed": ("/api/{uid}/chat/stream", lambda key: {"message": TURN_TEXT}, b'"type":"text"'),
    "named": (
        "/api/todos/agent-create/stream",
        lambda key: {"messages": [{"role": "user", "content": TURN_TEXT}], "session_id": key},
        b"event: message_delta",
    ),
    "aisdk": (
        "/api/aisdk/chat",
        lambda key: {
            "id": key,
            "messages": [{"role": "user", "parts": [{"type": "text", "text": TURN_TEXT}]}],
            "trigger": "submit-message",
        },
        b'"type":"text-delta"',
    ),
    "agui": (
        "/api/agui",
        lambda key: {
            "threadId": key,
            "runId": key,
            "messages": [{"id": "m1", "role": "user", "content": TURN_TEXT}],
        },
        b'"TEXT_MESSAGE_CONTENT"',
    ),
    "chatkit": (
        "/api/chatkit",
        lambda key: {
            "type": "threads.create",
            "params": {
                "input": {
                    "content": [{"type": "input_text", "text": TURN_TEXT}],
                    "attachments": [],
                    "inference_options": {},
                }
            },
        },
        b'"assistant_message.content_part.text_delta"',
    ),
}


async def full_stack(
    bases: list[str], pids: list[int], streams: int, turns: int, encoding: str = "typed"
) -> dict[str, float]:
    """Steady state at ``streams`` concurrent streams.

    Every client streams turns back to back from start to end. Its first two turns are
    warm-up; the window opens when the last client has finished its warm-up and closes when
    the first client has done its share, so every measured turn ran among ``streams`` others
    and none is part of the synchronised start. That start (all clients sending at the same
    instant) is reported on its own.
    """
    setup = await Connection.open(bases[0])
    users = [await sign_up(setup, f"bench_{os.getpid()}_{i}") for i in range(streams)]
    await setup.close()
    # Opened only now: uvicorn closes keep-alive connections idle for more than 5 s. With
    # several workers, clients are spread over them evenly.
    conns = [await Connection.open(bases[i % len(bases)]) for i in range(streams)]
    cpu: list[float] = []
    warmup = 2
    burst: list[float] = []
    first: list[float] = []
    first_text: list[float] = []
    total: list[float] = []
    window: list[float] = []  # [opened, closed]
    ends: list[float] = []
    warmed = 0
    peak = 0

    async def worker(i: int, count: int) -> None:
        nonlocal peak, warmed
        uid, headers = users[i]
        for n in range(warmup + count):
            began = time.perf_counter()
            route, body, marker = ENCODINGS[encoding]
            f, ft, t, events = await conns[i].stream(
                route.format(uid=uid), body(f"b{os.getpid()}-{i}-{n}"), headers, marker
            )
            # ChatKit sends the words that arrive together as one delta: fewer frames.
            if events < (10 if encoding == "chatkit" else 40):
                raise RuntimeError(f"short stream: {events} events")
            if n == 0:
                burst.append(f)
            if n == warmup - 1:
                warmed += 1
                if warmed == streams:
                    window.append(time.perf_counter())
                    cpu.append(cpu_seconds(pids))
            elif window:
                ends.append(time.perf_counter())
                if began >= window[0] and len(window) == 1:
                    first.append(f)
                    first_text.append(ft)
                    total.append(t)
            peak = max(peak, sum(rss_kib(p) for p in pids))
        if len(window) == 1:
            window.append(time.perf_counter())
            cpu.append(cpu_seconds(pids))

    idle = sum(rss_kib(p) for p in pids)
    await asyncio.gather(*(worker(i, turns // streams) for i in range(streams)))
    for c in conns:
        await c.close()
    in_window = sum(1 for e in ends if e <= window[1])
    return {
        "turns_per_s": in_window / (window[1] - window[0]),
        "cpu_ms_per_turn": 1000 * (cpu[1] - cpu[0]) / max(1, in_window),
        "measured": len(total),
        "burst_p50": percentile(burst, 50),
        "burst_max": max(burst),
        "ttfe_p50": percentile(first, 50),
        "ttfe_p99": percentile(first, 99),
        "text_p50": percentile(first_text, 50),
        "text_p99": percentile(first_text, 99),
        "turn_p50": percentile(total, 50),
        "turn_p99": percentile(total, 99),
        "rss_idle_mib": idle / 1024,
        "rss_per_stream_kib": max(0, peak - idle) / streams,
    }


async def sdk_alone(db_url: str, streams: int, turns: int, name: str) -> float:
    db = Database(db_url)
    await upgrade(db)
    async with db.session() as session:
        user = User(username=name, password_hash="x", timezone="UTC")
        session.add(user)
        await session.commit()
        owner = Owner(user.id, "UTC")
    agent = build_agent()
    gate = asyncio.Semaphore(streams)

    async def one() -> None:
        async with gate:
            context = TurnContext(owner=owner, db=db, clock=lambda: datetime.now(UTC))
            result = Runner.run_streamed(
                agent,
                "remind me to call the plumber",
                context=context,
                session=SQLiteSession("bench"),
                run_config=RunConfig(model=BenchModel(), tracing_disabled=True),
            )
            async for _ in result.stream_events():
                pass

    await asyncio.gather(*(one() for _ in range(streams)))  # warm-up
    start = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(turns)))
    elapsed = time.perf_counter() - start
    await db.dispose()
    return turns / elapsed


def sdk_in_subprocess(db_url: str, streams: int, turns: int, name: str) -> float:
    """``sdk_alone`` in a fresh process, so neither measurement inherits the other's heap."""
    out = subprocess.run(
        [sys.executable, __file__, "--sdk-only", db_url, name, str(streams), str(turns)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return float(out.strip().splitlines()[-1])


def main() -> None:
    if len(sys.argv) == 6 and sys.argv[1] == "--sdk-only":
        tune_for_serving()
        db_url, name, streams, turns = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
        # On the event loop the server gets from uvicorn (uvloop, part of uvicorn[standard]).
        print(uvloop.run(sdk_alone(db_url, streams, turns, name)))
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--streams", type=int, default=50)
    parser.add_argument("--turns", type=int, default=1000)
    parser.add_argument("--db", help="database URL for the server (default: a temp SQLite file)")
    parser.add_argument(
        "--sdk-db", help="database URL for the SDK-alone tools (default: a temp SQLite file)"
    )
    parser.add_argument(
        "--encoding", choices=sorted(ENCODINGS), default="typed", help="the streams' wire format"
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="server processes (several need --db and --redis)"
    )
    parser.add_argument(
        "--redis",
        help="Redis URL: the server keeps its event log in Redis Streams (default: in memory)",
    )
    parser.add_argument(
        "--max-active-runs",
        type=int,
        help="the server's TODOCHAT_MAX_ACTIVE_RUNS (default: its own)",
    )
    args = parser.parse_args()
    if args.workers > 1 and not (args.db and args.redis):
        parser.error("several workers share PostgreSQL (--db) and Redis (--redis)")
    if args.turns < 10 * args.streams:
        parser.error("use at least 10 turns per stream, so most turns are in the steady state")
    # The load client and the SDK-alone run get the server's collector settings: the client's
    # own full passes would otherwise show up as server latency, and the baseline should not
    # pay for what the server was spared.
    tune_for_serving()
    with tempfile.TemporaryDirectory() as tmp:
        # The baseline runs before and after the full stack (this machine is noisy); the ratio
        # is taken against the faster of the two.
        sdk_db = args.sdk_db or sqlite_url(Path(tmp) / "sdk.db")
        sdk_runs = [sdk_in_subprocess(sdk_db, args.streams, args.turns, "sdk_before")]
        port = free_port()
        db = args.db or str(Path(tmp) / "bench.db")
        env = {k: v for k, v in os.environ.items() if not k.startswith("TODOCHAT_")}
        env["PYTHONPATH"] = str(HERE)
        if args.max_active_runs:
            env["TODOCHAT_MAX_ACTIVE_RUNS"] = str(args.max_active_runs)
        if args.redis:
            env["TODOCHAT_REDIS_URL"] = args.redis
            env["TODOCHAT_REDIS_PREFIX"] = f"todochat-bench:{os.getpid()}:"
        if args.db:  # migrated once, not by several workers starting at the same instant
            subprocess.run(
                [sys.executable, "-m", "todochat", "db", "upgrade", "--db", args.db],
                check=True,
                capture_output=True,
            )
        ports = [port] + [free_port() for _ in range(args.workers - 1)]
        procs = [
            subprocess.Popen(
                [sys.executable, str(HERE / "_scripted_server.py"), str(p), db], cwd=tmp, env=env
            )
            for p in ports
        ]
        bases = [f"http://127.0.0.1:{p}" for p in ports]
        try:
            import socket

            for p in ports:
                for _ in range(300):
                    with contextlib.suppress(OSError):
                        socket.create_connection(("127.0.0.1", p), timeout=0.2).close()
                        break
                    time.sleep(0.1)
            stack = asyncio.run(
                full_stack(bases, [p.pid for p in procs], args.streams, args.turns, args.encoding)
            )
        finally:
            for proc in procs:
                proc.terminate()
            for proc in procs:
                proc.wait(timeout=20)
        sdk_runs.append(sdk_in_subprocess(sdk_db, args.streams, args.turns, "sdk_after"))
    sdk = max(sdk_runs)
    print(
        f"chat turns over SSE, {args.streams} concurrent streams, {args.turns} turns "
        f"(one add_task call + ~40-word reply), server on {'SQLite' if not args.db else args.db}"
        f", event log {'in Redis Streams' if args.redis else 'in memory'}"
        f", encoding {args.encoding}"
    )
    print(
        f"  full stack: {stack['turns_per_s']:.1f} turns/s "
        f"(steady state, {stack['measured']:.0f} turns measured)"
    )
    print(
        f"  server CPU per turn: {stack['cpu_ms_per_turn']:.2f} ms "
        f"({args.workers} worker{'s' if args.workers > 1 else ''})"
    )
    print(
        f"  time to first event: p50 {stack['ttfe_p50'] * 1000:.1f} ms, "
        f"p99 {stack['ttfe_p99'] * 1000:.1f} ms"
    )
    print(
        f"  time to first text delta: p50 {stack['text_p50'] * 1000:.0f} ms, "
        f"p99 {stack['text_p99'] * 1000:.0f} ms"
    )
    print(
        f"  all {args.streams} clients starting a turn at the same instant: first event "
        f"p50 {stack['burst_p50'] * 1000:.0f} ms, last {stack['burst_max'] * 1000:.0f} ms"
    )
    print(
        f"  whole turn: p50 {stack['turn_p50'] * 1000:.0f} ms, "
        f"p99 {stack['turn_p99'] * 1000:.0f} ms"
    )
    print(
        f"  server memory: {stack['rss_idle_mib']:.0f} MiB idle, "
        f"+{stack['rss_per_stream_kib']:.0f} KiB per concurrent stream at peak"
    )
    print(
        "  SDK alone (Runner.run_streamed, in-memory session, no HTTP): "
        f"{sdk_runs[0]:.1f} turns/s before, {sdk_runs[1]:.1f} after"
    )
    print(f"  ratio full stack / faster SDK alone: {stack['turns_per_s'] / sdk:.2f}")


if __name__ == "__main__":
    main()
