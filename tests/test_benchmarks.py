"""Every benchmark in bench/ runs in a short mode (small counts) and prints its figures, so none
can silently break. The figures are not asserted: speed is measured by the benchmarks, on a quiet
machine, not by tests (docs/benchmarks.md).

Left out of the run a year ahead (the Makefile ignores this file there): nothing here reads the
date, and the suite runs them once.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PG_URL, REDIS_URL, need

BENCH = Path(__file__).resolve().parents[1] / "bench"
NUMBER = r"\d+(\.\d+)?"

CASES = {
    "capacity": (
        ["capacity.py", "--short"],
        [
            rf"full stack: {NUMBER} turns/s",
            rf"Runner alone .*: {NUMBER} turns/s",
            rf"ratio full stack / Runner alone: {NUMBER}",
            rf"first text delta p50 {NUMBER} ms, p99 {NUMBER} ms",
        ],
    ),
    "idle_streams": (
        ["idle_streams.py", "--short"],
        [
            r"opened 200/200 streams",
            rf"{NUMBER} KiB per stream",
            r"heartbeats: 200/200",
            r'"done": 200',
        ],
    ),
    "waiting_turns": (
        ["waiting_turns.py", "--short"],
        [r"300 turns waiting on the model at once", r'"done": 300'],
    ),
    "profile_turns": (
        ["profile_turns.py", "--short"],
        [rf"server CPU {NUMBER} ms per turn", rf"{NUMBER} ms/turn +agent loop"],
    ),
    "startup": (
        ["startup.py", "--runs", "1"],
        [rf"/healthz answers: median {NUMBER} s", rf"user list: +median {NUMBER} s"],
    ),
    "llm_latency": (["llm_latency.py", "--turns", "2", "--deltas", "20"], [rf"{NUMBER} ms"]),
    "chat_sse": (["chat_sse.py", "--streams", "5", "--turns", "50"], [rf"{NUMBER} turns/s"]),
    "encoders": (["encoders.py", "--turns", "20"], [rf"{NUMBER}"]),
    "todos_create": (
        ["todos_create.py", "--clients", "2", "--requests", "40"],
        [rf"{NUMBER}"],
    ),
    "live_feed": (
        ["live_feed.py", "--streams", "5", "--changes", "10", "--parses", "20"],
        [rf"p50 {NUMBER} ms"],
    ),
    "nlu_parse": (["nlu_parse.py", "--reps", "1", "--turns", "5"], [rf"{NUMBER}"]),
    "idle_penalty": (
        ["idle_penalty.py", "--short"],
        [
            rf"pure Python, after 200 ms idle: {NUMBER} ms",
            rf"chat turn, after 200 ms idle: first text delta p50 {NUMBER} ms, server CPU "
            rf"{NUMBER} ms per turn",
        ],
    ),
}


def _run(args: list[str]) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TODOCHAT_")}
    out = subprocess.run(
        [sys.executable, *args],
        cwd=BENCH,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, f"{out.stdout[-3000:]}\n{out.stderr[-3000:]}"
    return out.stdout


@pytest.mark.parametrize("name", sorted(CASES))
def test_benchmark_runs_in_short_mode(name: str) -> None:
    args, figures = CASES[name]
    out = _run(args)
    for figure in figures:
        assert re.search(figure, out), f"{figure!r} not in:\n{out}"


def test_every_benchmark_script_is_run() -> None:
    scripts = {p.name for p in BENCH.glob("*.py") if not p.name.startswith("_")}
    run = {args[0] for args, _ in CASES.values()} | {"cross_worker.py"}
    assert scripts == run


def test_the_cross_worker_benchmark_runs_in_short_mode() -> None:
    need("PostgreSQL", PG_URL is not None)
    need("Redis", REDIS_URL is not None)
    assert PG_URL is not None and REDIS_URL is not None
    out = _run(["cross_worker.py", "--db", PG_URL, "--redis", REDIS_URL, "--runs", "3"])
    assert re.search(rf"Stop on the other worker -> cancelled event: p50 {NUMBER} ms", out), out
    assert "(3/3 stopped)" in out and "(3/3)" in out
