"""Latency todochat adds to a real provider's stream: per text delta and to the first delta.

    python bench/llm_latency.py --turns 20 --deltas 200 --interval 0.005

A scripted OpenAI-compatible server (``tests/support/fake_openai.py``, its own process) streams
``--deltas`` Chat Completions text deltas ``--interval`` s apart; each delta's text is the
``time.monotonic()`` at which the server wrote it (CLOCK_MONOTONIC is shared by all processes on
the machine). In the same run, alternating turn by turn:

- direct: ``AsyncOpenAI(...).chat.completions.create(stream=True)`` against the fake;
- todochat: a real ``todochat serve`` (subprocess, SQLite file, ``TODOCHAT_MODEL=
  openai-compatible:bench``) streaming a chat turn over SSE (encoding A) from the same fake.

A delta's latency is its client-side arrival time minus its send stamp. The added latency of delta
i is todochat's latency of delta i minus the direct latency of delta i in the paired turn. The
first-delta figure is (request sent -> first delta arrived) through todochat minus the same
directly.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
from _server import free_port, percentile, running_server, sign_up
from openai import AsyncOpenAI

ROOT = Path(__file__).resolve().parent.parent


def _stamp(text: str) -> float:
    return float(text.strip("<>"))


async def direct_turn(client: AsyncOpenAI) -> tuple[float, list[float]]:
    """(time to first delta, per-delta latencies) reading the provider directly."""
    start = time.monotonic()
    first = 0.0
    latencies: list[float] = []
    stream = await client.chat.completions.create(
        model="bench", messages=[{"role": "user", "content": "go"}], stream=True
    )
    async for chunk in stream:
        now = time.monotonic()
        if chunk.choices and chunk.choices[0].delta.content:
            if not latencies:
                first = now - start
            latencies.append(now - _stamp(chunk.choices[0].delta.content))
    return first, latencies


async def todochat_turn(
    client: httpx.AsyncClient, uid: str, headers: dict[str, str], n: int
) -> tuple[float, float, list[float]]:
    """(time to the start event, to the first delta, per-delta latencies) through todochat."""
    start = time.monotonic()
    started = first = 0.0
    latencies: list[float] = []
    body = {"message": "go", "conversation_id": f"bench-{n}"}
    async with client.stream(
        "POST", f"/api/{uid}/chat/stream", json=body, headers=headers
    ) as response:
        response.raise_for_status()
        async for line in response.aiter_lines():
            now = time.monotonic()
            if not line.startswith("data: {"):
                continue
            event = json.loads(line[6:])
            if event["type"] == "start":
                started = now - start
            elif event["type"] == "text":
                if not latencies:
                    first = now - start
                latencies.append(now - _stamp(event["content"]))
            elif event["type"] == "error":
                raise RuntimeError(event)
    return started, first, latencies


def ms(value: float) -> str:
    return f"{value * 1000:.2f} ms"


async def measure(base: str, fake_url: str, turns: int, deltas: int) -> None:
    direct_client = AsyncOpenAI(base_url=fake_url, api_key="bench", max_retries=0)
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        headers = await sign_up(client, f"bench_llm_{os.getpid()}")
        uid = str((await client.get("/api/me", headers=headers)).json()["id"])
        # Warm-up: connections, imports, first-request costs on both paths.
        await direct_turn(direct_client)
        await todochat_turn(client, uid, headers, -1)
        added: list[float] = []
        todo_lat: list[float] = []
        direct_lat: list[float] = []
        first_diff: list[float] = []
        firsts: tuple[list[float], list[float]] = ([], [])
        starts: list[float] = []
        by_quarter: list[list[float]] = [[], [], [], []]
        for n in range(turns):
            d_first, d_lat = await direct_turn(direct_client)
            t_start, t_first, t_lat = await todochat_turn(client, uid, headers, n)
            starts.append(t_start)
            assert len(d_lat) == len(t_lat) == deltas, (len(d_lat), len(t_lat))
            added.extend(t - d for t, d in zip(t_lat, d_lat, strict=True))
            for i, (t, d) in enumerate(zip(t_lat, d_lat, strict=True)):
                by_quarter[min(3, 4 * i // deltas)].append(t - d)
            todo_lat.extend(t_lat)
            direct_lat.extend(d_lat)
            first_diff.append(t_first - d_first)
            firsts[0].append(d_first)
            firsts[1].append(t_first)
    await direct_client.close()
    print(f"{turns} turns x {deltas} deltas per path")
    print(
        f"per-delta latency  direct: p50 {ms(statistics.median(direct_lat))}"
        f" p99 {ms(percentile(direct_lat, 99))}"
        f" | todochat: p50 {ms(statistics.median(todo_lat))} p99 {ms(percentile(todo_lat, 99))}"
    )
    print(
        f"added per delta (paired): p50 {ms(statistics.median(added))}"
        f" p99 {ms(percentile(added, 99))}   target <= 1 ms"
    )
    quarters = ", ".join(ms(statistics.median(q)) for q in by_quarter)
    print(f"added per delta p50 by quarter of the stream: {quarters}")
    print(
        f"first delta  direct p50 {ms(statistics.median(firsts[0]))}"
        f" | todochat p50 {ms(statistics.median(firsts[1]))}"
        f" p99 {ms(percentile(firsts[1], 99))}"
    )
    to_first = [b - a for a, b in zip(starts, firsts[1], strict=True)]
    print(
        f"todochat start event (auth + turn recorded) p50 {ms(statistics.median(starts))};"
        f" start -> first delta p50 {ms(statistics.median(to_first))}"
    )
    print(
        f"added to first delta: p50 {ms(statistics.median(first_diff))}"
        f" max {ms(max(first_diff))}   target <= 20 ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--deltas", type=int, default=200)
    parser.add_argument("--interval", type=float, default=0.005)
    args = parser.parse_args()
    port = free_port()
    fake = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.support.fake_openai",
            "--port",
            str(port),
            "--deltas",
            str(args.deltas),
            "--interval",
            str(args.interval),
        ],
        cwd=ROOT,
    )
    fake_url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.post(f"{fake_url}/chat/completions", json={"stream": False})
                break
            except httpx.TransportError:
                if fake.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        env = {
            "TODOCHAT_MODEL": "openai-compatible:bench",
            "TODOCHAT_OPENAI_BASE_URL": fake_url,
            "TODOCHAT_RATE_LIMIT": "1000000/minute",
            "TODOCHAT_MONTHLY_QUOTA": "10000000",
        }
        with running_server(env) as base:
            asyncio.run(measure(base, fake_url, args.turns, args.deltas))
    finally:
        fake.terminate()
        fake.wait(timeout=10)


if __name__ == "__main__":
    main()
