"""POST /api/todos throughput and latency on SQLite, N concurrent clients on loopback.

python bench/todos_create.py --clients 20 --requests 2000
"""

from __future__ import annotations

import argparse
import asyncio
import time

import httpx
from _server import percentile, running_server, sign_up


async def run(base: str, clients: int, requests: int) -> None:
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        headers = [await sign_up(client, f"bench{i}") for i in range(clients)]
        latencies: list[float] = []
        per_client = requests // clients

        async def worker(i: int) -> None:
            for n in range(per_client):
                body = {
                    "title": f"Task {n} of client {i}",
                    "due_date": "2026-12-01",
                    "priority": "high",
                    "tags": ["bench", f"c{i}"],
                }
                start = time.perf_counter()
                r = await client.post("/api/todos", json=body, headers=headers[i])
                latencies.append(time.perf_counter() - start)
                r.raise_for_status()

        await asyncio.gather(*(worker(i) for i in range(min(clients, 4))))  # warm-up
        latencies.clear()
        start = time.perf_counter()
        await asyncio.gather(*(worker(i) for i in range(clients)))
        elapsed = time.perf_counter() - start
    print(f"POST /api/todos, SQLite, {clients} concurrent clients, {len(latencies)} requests")
    print(f"  throughput: {len(latencies) / elapsed:.0f} requests/s")
    print(f"  latency p50: {percentile(latencies, 50) * 1000:.1f} ms")
    print(f"  latency p99: {percentile(latencies, 99) * 1000:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    args = parser.parse_args()
    with running_server() as base:
        asyncio.run(run(base, args.clients, args.requests))


if __name__ == "__main__":
    main()
