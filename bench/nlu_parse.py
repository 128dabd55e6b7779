"""The offline assistant's speed: nlu.parse_message per message, and a full offline turn over SSE.

    python bench/nlu_parse.py [--reps 200] [--turns 200]

1. parse_message on every utterance of the assistant corpus (tests/assistant), each repeated
   --reps times: p50/p99 time per message, next to dateparser.search_dates on the same
   utterances in the same run (dateparser is optional: `.venv/bin/pip install dateparser`; it is
   not a dependency of todochat).
2. A real server (bench/_server.py, SQLite file, the default offline model): one user streams
   --turns sequential turns of "add buy milk tomorrow at 5pm" (POST /api/{uid}/chat/stream,
   encoding A) on a keep-alive connection: p50/p99 time to first event and to the end of the turn.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))  # tests.assistant: the corpus utterances

from _http import Connection, sign_up  # noqa: E402
from _server import percentile, running_server  # noqa: E402

from tests.assistant.corpus import CORPUS  # noqa: E402
from tests.assistant.heldout import HELDOUT  # noqa: E402
from todochat import nlu  # noqa: E402

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 21, 14, 30, tzinfo=TZ)
TURN = "add buy milk tomorrow at 5pm"


def utterances() -> list[str]:
    return [text for case in CORPUS + HELDOUT for text in case.says]


def per_message(texts: list[str], reps: int, parse: Callable[[str], object]) -> list[float]:
    """Seconds per call, one sample per (message, repetition)."""
    samples: list[float] = []
    for _ in range(reps):
        for text in texts:
            start = time.perf_counter()
            parse(text)
            samples.append(time.perf_counter() - start)
    return samples


def show(name: str, samples: list[float]) -> dict[str, float]:
    p50, p99 = percentile(samples, 50) * 1e6, percentile(samples, 99) * 1e6
    mean = statistics.fmean(samples) * 1e6
    print(f"{name:28} p50 {p50:9.1f} µs   p99 {p99:9.1f} µs   mean {mean:9.1f} µs")
    return {"p50_us": p50, "p99_us": p99, "mean_us": mean}


def bench_parse(reps: int) -> dict[str, dict[str, float]]:
    texts = utterances()
    print(f"parse: {len(texts)} corpus utterances x {reps} repetitions")
    for text in texts:  # warm caches and regexes once
        nlu.parse_message(text, NOW, TZ)
    results = {
        "nlu.parse_message": show(
            "nlu.parse_message", per_message(texts, reps, lambda t: nlu.parse_message(t, NOW, TZ))
        )
    }
    try:
        from dateparser.search import search_dates
    except ImportError:
        print(
            "dateparser is not installed, so there is no comparison. Install it in the bench "
            "env only: .venv/bin/pip install dateparser"
        )
        return results
    settings = {
        "RELATIVE_BASE": NOW.replace(tzinfo=None),
        "TIMEZONE": "Europe/Berlin",
        "PREFER_DATES_FROM": "future",
    }
    for text in texts[:20]:
        search_dates(text, languages=["en"], settings=settings)
    dp_reps = max(1, reps // 10)  # dateparser is slow; fewer repetitions keep the run short
    results["dateparser.search_dates"] = show(
        f"dateparser.search_dates (x{dp_reps})",
        per_message(texts, dp_reps, lambda t: search_dates(t, languages=["en"], settings=settings)),
    )
    ratio = results["dateparser.search_dates"]["p50_us"] / results["nlu.parse_message"]["p50_us"]
    print(f"parse_message is {ratio:.0f}x faster at p50 (and it reads the whole intent)")
    return results


async def turns_over_sse(base: str, turns: int) -> dict[str, float]:
    conn = await Connection.open(base)
    uid, headers = await sign_up(conn, f"nlu_bench_{os.getpid()}")
    path = f"/api/{uid}/chat/stream"
    first: list[float] = []
    total: list[float] = []
    for _ in range(3):  # warm-up, not measured
        await conn.stream(path, {"message": TURN}, headers)
    for _ in range(turns):
        ttfe, _, whole, events = await conn.stream(path, {"message": TURN}, headers)
        if events < 4:
            raise RuntimeError(f"a turn streamed only {events} events")
        first.append(ttfe)
        total.append(whole)
    await conn.close()
    out = {
        "ttfe_p50_ms": percentile(first, 50) * 1e3,
        "ttfe_p99_ms": percentile(first, 99) * 1e3,
        "turn_p50_ms": percentile(total, 50) * 1e3,
        "turn_p99_ms": percentile(total, 99) * 1e3,
    }
    print(
        f"offline turn over SSE ({turns} sequential turns of {TURN!r}): "
        f"first event p50 {out['ttfe_p50_ms']:.1f} ms / p99 {out['ttfe_p99_ms']:.1f} ms; "
        f"whole turn p50 {out['turn_p50_ms']:.1f} ms / p99 {out['turn_p99_ms']:.1f} ms"
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=200, help="repetitions of the parse corpus")
    parser.add_argument("--turns", type=int, default=200, help="sequential SSE turns")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args()
    figures: dict[str, object] = {"parse": bench_parse(args.reps)}
    # The benchmark's own user sends more turns than the default per-user limits allow.
    limits = {"TODOCHAT_RATE_LIMIT": "100000/minute", "TODOCHAT_MONTHLY_QUOTA": "1000000"}
    with running_server(limits) as base:
        figures["sse"] = asyncio.run(turns_over_sse(base, args.turns))
    if args.json:
        print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
