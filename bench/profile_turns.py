"""Where a chat turn's time goes in the server, per phase (py-spy on the server under load).

    .venv/bin/python bench/profile_turns.py              # 2,000 turns (as bench/capacity.py)
    .venv/bin/python bench/profile_turns.py --short      # CI: it must run
    .venv/bin/python bench/profile_turns.py --top 30     # also the 30 busiest functions
    .venv/bin/python bench/profile_turns.py --detail 4   # the 4 largest phases by caller
    .venv/bin/python bench/profile_turns.py --keep s.txt # and py-spy's raw stacks, to read further
    .venv/bin/python bench/profile_turns.py --rate 110   # open loop (Poisson), as the p99 goal

The load of bench/capacity.py (50 users, 50 turns in flight, "add buy milk tomorrow") while
`py-spy record` samples the server (its main thread, where every turn runs). Each sample is put
in the phase of the deepest frame that names one (see PHASES). Printed: the share of the
server's samples per phase, and milliseconds of server CPU per turn per phase.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from capacity import bench_env, server, sign_up_users, sseload

# (phase, pattern on a frame, "function (package/module.py:line)"). A sample takes the phase of
# its deepest frame in todochat or the agent library; only a sample with none of those falls to
# the libraries around them (LIBRARIES). Database work is one phase whoever asked for it:
# SQLAlchemy runs statements in greenlets, whose stacks do not show the caller.
PHASES: list[tuple[str, str]] = [
    ("database (SQLAlchemy, driver)", r"\((sqlalchemy|aiosqlite|asyncpg)/|\(todochat/db/"),
    ("encoding the events", r"\(todochat/chat/encod"),
    ("event log", r"\(todochat/chat/eventlog"),
    ("model memory (history in/out)", r"\(todochat/chat/memory\.py"),
    ("the tool (incl. its database write)", r"\(todochat/(agent/tools\.py|todos/)"),
    ("the offline model (NLU, reply)", r"\(todochat/(agent/offline|nlu/|agent/streaming)"),
    ("agent loop (openai-agents Runner)", r"\(agents/"),
    ("run bookkeeping, storing the outcome", r"\(todochat/chat/(runs|drive|conversations)\.py"),
    ("starting the turn (admission, records)", r"\(todochat/chat/service\.py"),
    ("auth", r"\(todochat/auth/"),
    ("limits (rate, quota)", r"\(todochat/limits/"),
    ("route and SSE response", r"\(todochat/(chat/router\.py|api/)"),
    ("other todochat", r"\(todochat/"),
]
LIBRARIES: list[tuple[str, str]] = [
    ("HTTP (uvicorn, Starlette, FastAPI)", r"\((uvicorn|starlette|fastapi|httptools|h11)/"),
    ("event loop", r"\((asyncio|uvloop)/"),
]


callers: collections.defaultdict[str, collections.Counter[str]] = collections.defaultdict(
    collections.Counter
)


def classify(stack: list[str]) -> str:
    for table in (PHASES, LIBRARIES):
        for frame in reversed(stack):
            for phase, pattern in table:
                if re.search(pattern, frame):
                    return phase
    return "other"


def caller(stack: list[str]) -> str:
    """The deepest todochat frame of a sample (who asked for it)."""
    for frame in reversed(stack):
        if "(todochat/" in frame:
            return frame.split(":")[0] + ")"
    return "(no todochat frame)"


def profile(stacks_file: Path) -> tuple[collections.Counter[str], collections.Counter[str], int]:
    phases: collections.Counter[str] = collections.Counter()
    functions: collections.Counter[str] = collections.Counter()
    global callers
    total = 0
    for line in stacks_file.read_text().splitlines():
        frames, _, count = line.rpartition(" ")
        if not frames or not count.isdigit():
            continue
        n = int(count)
        stack = frames.split(";")
        total += n
        phase = classify(stack)
        phases[phase] += n
        callers[phase][caller(stack)] += n
        functions[stack[-1]] += n
    return phases, functions, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true")
    parser.add_argument("--turns", type=int, default=2000)
    parser.add_argument("--top", type=int, default=0)
    parser.add_argument("--detail", type=int, default=0, help="callers in the N largest phases")
    parser.add_argument("--keep", type=Path, help="also write py-spy's raw stacks to this file")
    parser.add_argument(
        "--rate", type=float, help="open loop at this many turns/s instead of 50 in flight"
    )
    args = parser.parse_args()
    turns = 100 if args.short else args.turns
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with server(folder, bench_env()) as (base, pid):
            targets = folder / "targets.json"
            targets.write_text(json.dumps(sign_up_users(base, 50)))
            sseload(targets, "-c", "50", "-n", "100")  # warm-up
            stacks = folder / "stacks.txt"
            recorder = subprocess.Popen(
                [spy, "record", "--pid", str(pid), "--format", "raw", "--output", str(stacks),
                 "--rate", "250", "--nonblocking"],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            )  # fmt: skip
            time.sleep(1.0)  # py-spy attaches
            began = time.perf_counter()
            cpu_before = _cpu(pid)
            load = ["-c", "1000", "--rate", str(args.rate)] if args.rate else ["-c", "50"]
            summary = sseload(targets, *load, "-n", str(turns))
            cpu = _cpu(pid) - cpu_before
            wall = time.perf_counter() - began
            recorder.send_signal(signal.SIGINT)
            _, err = recorder.communicate(timeout=60)
            if not stacks.exists():
                raise RuntimeError(f"py-spy wrote nothing: {err.decode()[-1000:]}")
            phases, functions, total = profile(stacks)
            if args.keep:
                shutil.copyfile(stacks, args.keep)
    per_turn_ms = cpu * 1000 / turns
    print(
        f"profile: {turns} turns {f'at {args.rate:g}/s' if args.rate else 'at 50 in flight'}, "
        f"{summary['streams_per_s']} turns/s, "
        f"server CPU {per_turn_ms:.2f} ms per turn ({wall:.1f} s, {total} busy samples)"
    )
    for phase, n in phases.most_common():
        share = n / max(1, total)
        print(f"  {share * 100:5.1f} %  {share * per_turn_ms:6.2f} ms/turn  {phase}")
    if args.detail:
        for phase, _ in phases.most_common(args.detail):
            print(f"{phase}, by the todochat code it ran for:")
            for where, n in callers[phase].most_common(6):
                print(f"  {n / max(1, total) * 100:5.1f} %  {where}")
    if args.top:
        print(f"busiest functions (share of busy samples, top {args.top}):")
        for frame, n in functions.most_common(args.top):
            print(f"  {n / max(1, total) * 100:5.1f} %  {frame}")


def _cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


if __name__ == "__main__":
    main()
