"""How much slower this machine runs code right after it has been idle, and what that does to
a chat turn.

    .venv/bin/python bench/idle_penalty.py           # the figures of docs/benchmarks.md
    .venv/bin/python bench/idle_penalty.py --short   # CI: it must run

Two measurements, each with pauses of 0, 50 and 200 ms before every repetition:
- a pure-Python loop of about a millisecond (no todochat, no I/O), on core 0;
- one chat turn at a time against a real `todochat serve` (as bench/capacity.py: SQLite, the
  built-in assistant, pinned to core 0; this client on core 1): time to the first text delta,
  and the server's processor time per turn (``/proc/<pid>/stat``).
Open-loop latency at moderate load includes this: about half the turns arrive at an idle server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

import aiohttp
from capacity import FIRST_TEXT, bench_env, server, sign_up_users, sseload

GAPS = (0.0, 0.05, 0.2)
DATA = [{"id": i, "title": f"task {i}", "tags": [str(j) for j in range(5)]} for i in range(20_000)]


def work() -> int:
    total = sum(len(d["title"]) + len(d["tags"]) for d in DATA[::4])
    return total + len(json.loads(json.dumps(DATA[:300])))


def pure(reps: int) -> None:
    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) >= 2:
        os.sched_setaffinity(0, {0})
    for gap in GAPS:
        took = []
        for _ in range(reps):
            if gap:
                time.sleep(gap)
            start = time.perf_counter()
            work()
            took.append(1000 * (time.perf_counter() - start))
        print(f"  pure Python, after {gap * 1000:.0f} ms idle: {statistics.median(took):.2f} ms")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def turns(targets: list[dict[str, object]], pid: int, reps: int) -> None:
    async with aiohttp.ClientSession() as client:
        for gap in GAPS:
            firsts = []
            used = cpu_seconds(pid)
            for i in range(reps):
                target = targets[i % len(targets)]
                if gap:
                    await asyncio.sleep(gap)
                start = time.perf_counter()
                first = None
                seen = ""
                headers = {**target["headers"], "content-type": "application/json"}  # type: ignore[dict-item]
                async with client.post(
                    str(target["url"]), headers=headers, data=json.dumps(target["json"])
                ) as response:
                    async for chunk in response.content.iter_any():
                        seen += chunk.decode()
                        if first is None and FIRST_TEXT in seen:
                            first = 1000 * (time.perf_counter() - start)
                if first is None:
                    raise RuntimeError(f"no text delta in: {seen[-500:]}")
                firsts.append(first)
            cpu = 1000 * (cpu_seconds(pid) - used) / reps
            print(
                f"  chat turn, after {gap * 1000:.0f} ms idle: first text delta p50 "
                f"{statistics.median(firsts):.2f} ms, server CPU {cpu:.2f} ms per turn"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="small counts")
    args = parser.parse_args()
    reps = 5 if args.short else 60
    print("idle penalty: the same work right after the machine was idle")
    pure(reps)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with server(folder, bench_env()) as (base, pid):
            targets = sign_up_users(base, 10)
            (folder / "targets.json").write_text(json.dumps(targets))
            sseload(folder / "targets.json", "-c", "10", "-n", "20" if args.short else "300")
            if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) >= 2:
                os.sched_setaffinity(0, {1})
            asyncio.run(turns(targets, pid, reps))


if __name__ == "__main__":
    main()
