"""The live feed and the composer preview, against a real `todochat serve` on SQLite.

python bench/live_feed.py [--streams 200 --changes 300 --parses 2000]

- Live feed: ``--streams`` open ``GET /api/events`` streams (one user per 2 streams, as two tabs),
  then one user's todos are changed over REST one at a time; the delay is from sending the
  change to its notice arriving on that user's other open stream (p50/p99).
- ``POST /api/parse``: latency of the composer's preview for typical messages, one client, as a
  person typing would send them (p50/p99).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time

import httpx
from _server import percentile, running_server, sign_up

TYPED = [
    "call the plumber tomorrow at 5 p1 #home",
    "water the plants every monday and thursday",
    "buy milk",
    "remind me to call mom friday evening #family",
    "pay rent on the 1st of every month high priority",
    "dentist next tuesday at 10:30",
    "what's due today?",
]


async def feed(base: str, streams: int, changes: int) -> None:
    limits = httpx.Limits(max_connections=streams + 10, max_keepalive_connections=streams + 10)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        users = [await sign_up(client, f"live{i}") for i in range(max(1, (streams + 1) // 2))]
        arrived: dict[int, float] = {}
        wakeup = asyncio.Event()
        all_open = asyncio.Event()
        opened = 0

        async def listen(headers: dict[str, str], watch: bool) -> None:
            nonlocal opened
            async with client.stream("GET", "/api/events", headers=headers) as r:
                buffer = ""
                async for text in r.aiter_text():
                    buffer += text
                    while "\n\n" in buffer:
                        block, buffer = buffer.split("\n\n", 1)
                        for line in block.split("\n"):
                            if not line.startswith("data: "):
                                continue
                            event = json.loads(line[6:])
                            if event["type"] == "ready":
                                opened += 1
                                if opened == streams:
                                    all_open.set()
                            elif watch and event["type"] == "todos":
                                for todo_id in event["ids"]:
                                    arrived[todo_id] = time.perf_counter()
                                wakeup.set()

        began = time.perf_counter()
        tasks = [asyncio.create_task(listen(users[i // 2], watch=(i == 1))) for i in range(streams)]
        await asyncio.wait_for(all_open.wait(), 120)
        open_seconds = time.perf_counter() - began
        delays: list[float] = []
        writer = users[0]
        for n in range(changes):
            sent = time.perf_counter()
            r = await client.post("/api/todos", json={"title": f"change {n}"}, headers=writer)
            todo_id = r.json()["id"]
            while todo_id not in arrived:
                wakeup.clear()
                await asyncio.wait_for(wakeup.wait(), 10)
            delays.append(arrived[todo_id] - sent)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    print(f"live feed: {streams} open streams (opened in {open_seconds:.2f} s), {changes} changes")
    print(
        f"  change sent -> notice on the other stream: p50 {percentile(delays, 50) * 1000:.1f} ms,"
        f" p99 {percentile(delays, 99) * 1000:.1f} ms"
    )


async def parse(base: str, parses: int) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        headers = await sign_up(client, "typist")
        latencies: list[float] = []
        for n in range(parses + 50):
            text = TYPED[n % len(TYPED)]
            start = time.perf_counter()
            r = await client.post("/api/parse", json={"text": text}, headers=headers)
            r.raise_for_status()
            if n >= 50:  # warm-up
                latencies.append(time.perf_counter() - start)
    print(f"POST /api/parse: {parses} requests, one client")
    print(
        f"  latency p50 {percentile(latencies, 50) * 1000:.2f} ms,"
        f" p99 {percentile(latencies, 99) * 1000:.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--streams", type=int, default=200)
    parser.add_argument("--changes", type=int, default=300)
    parser.add_argument("--parses", type=int, default=2000)
    args = parser.parse_args()
    with running_server() as base:
        asyncio.run(feed(base, args.streams, args.changes))
        asyncio.run(parse(base, args.parses))


if __name__ == "__main__":
    main()
