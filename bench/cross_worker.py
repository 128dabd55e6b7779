"""Stop and resume across workers: two `todochat serve` processes on PostgreSQL + Redis.

    python bench/cross_worker.py --db postgresql://postgres@127.0.0.1:5432/postgres \\
        --redis redis://127.0.0.1:6379/0 --runs 100

A fresh database is created (and dropped) beside the one given. The model is the scripted
OpenAI-compatible server on loopback, streaming a long reply slowly, so every turn is still
answering when it is stopped or resumed. Each request is on a new connection.

- Stop: a turn streams from worker A; at its first text delta, ``POST /api/runs/{id}/cancel``
  goes to worker B; the figure is the time from sending the Stop to the ``cancelled`` event on
  A's stream.
- Resume: a turn starts on A and the client drops after its first events; it reconnects to B
  with ``Last-Event-ID``; the figure is the time from sending that request to the first
  replayed event.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
import uuid
from pathlib import Path

import asyncpg
import httpx

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from tests.support.client import sign_up  # noqa: E402
from tests.support.cluster import cluster, cluster_env  # noqa: E402
from tests.support.fake_openai import Text, fake_openai  # noqa: E402
from todochat.client import TodochatClient  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]


async def measure(a: str, b: str, runs: int) -> tuple[list[float], list[float]]:
    """With ``todochat.client``: a turn sent to A, stopped or followed through B."""
    async with httpx.AsyncClient(base_url=a, timeout=60) as c:
        user = await sign_up(c)
    password = "pw-" + user.username
    stops: list[float] = []
    resumes: list[float] = []
    for i in range(runs):
        async with TodochatClient(a) as ca, TodochatClient(b) as cb:
            await ca.login(user.username, password)
            await cb.login(user.username, password)
            turn = await ca.send("tell me a story", f"bench-{i}")
            asked: float | None = None
            async for event in turn:
                if event.type == "text" and asked is None and turn.run_id is not None:
                    asked = time.perf_counter()
                    await cb.cancel(turn.run_id)
                elif event.type == "cancelled" and asked is not None:
                    stops.append(time.perf_counter() - asked)
                    break

            turn = await ca.send("tell me a story", f"bench-r{i}")
            async for event in turn:
                if event.type == "agent_updated":  # the third event: resume after it
                    break
            assert turn.run_id is not None
            began = time.perf_counter()
            async for _ in cb.follow(turn.run_id, turn.last_id):
                resumes.append(time.perf_counter() - began)
                break
            await cb.cancel(turn.run_id)
    return stops, resumes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a PostgreSQL URL (its server is used)")
    parser.add_argument("--redis", required=True)
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    admin = args.db.replace("postgresql+asyncpg://", "postgresql://")
    name = f"todochat_bench_{uuid.uuid4().hex[:8]}"

    async def create() -> None:
        conn = await asyncpg.connect(admin)
        await conn.execute(f'CREATE DATABASE "{name}"')
        await conn.close()

    async def drop() -> None:
        conn = await asyncpg.connect(admin)
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.close()

    asyncio.run(create())
    try:
        with fake_openai() as model, tempfile.TemporaryDirectory() as tmp:
            model.default = Text(" ".join(f"w{i}" for i in range(2000)), delay=0.02)
            url = admin.rpartition("/")[0] + "/" + name
            env = cluster_env(url, args.redis, f"todochat-bench:{name}:", model.url)
            env["TODOCHAT_RUN_LEASE_SECONDS"] = "6"
            with cluster(env, Path(tmp)) as group:
                a, b = (w.url for w in group.workers)
                stops, resumes = asyncio.run(measure(a, b, args.runs))
    finally:
        asyncio.run(drop())
    print(f"two workers, PostgreSQL + Redis, {args.runs} turns each, a new connection per request")
    print(
        f"  Stop on the other worker -> cancelled event: p50 {percentile(stops, 50) * 1e3:.1f} ms, "
        f"p99 {percentile(stops, 99) * 1e3:.1f} ms ({len(stops)}/{args.runs} stopped)"
    )
    print(
        f"  resume on the other worker -> first event: p50 {percentile(resumes, 50) * 1e3:.1f} ms,"
        f" p99 {percentile(resumes, 99) * 1e3:.1f} ms ({len(resumes)}/{args.runs})"
    )


if __name__ == "__main__":
    main()
