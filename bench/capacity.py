"""Capacity and latency of whole chat turns against the anchor, in one run.

    .venv/bin/python bench/capacity.py            # the figures of docs/benchmarks.md
    .venv/bin/python bench/capacity.py --short    # small counts (CI: it must run, not be fast)

A real `todochat serve` (SQLite, the built-in assistant, offline defaults but no rate limit or
quota) pinned to core 0; the anchors' own load client (`bench/anchor/sseload.py`, aiohttp) on
core 1; 50 users, each turn "add buy milk tomorrow" (one add_task and a short reply), encoding A.

- Capacity: closed loop, 50 streams in flight, turns/s (median of 3 runs), against the openai-agents
  Runner alone on the same kind of turn (`bench/anchor/sdk_turns.py`, 50 in flight, on core 0),
  run before and after the server (the ratio takes the faster anchor run).
- Latency below saturation: open loop, Poisson arrivals at half the measured capacity; time to the
  first text delta, p50 and p99.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from _server import free_port

HERE = Path(__file__).parent
ANCHOR = HERE / "anchor"
MESSAGE = "add buy milk tomorrow"
FIRST_TEXT = '"type":"text"'


def pinned(core: int) -> list[str]:
    """Run on one core when the machine has two or more (taskset), else as is."""
    if shutil.which("taskset") and (os.cpu_count() or 1) >= 2:
        return ["taskset", "-c", str(core)]
    return []


def bench_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TODOCHAT_")}
    env.update(
        TODOCHAT_RATE_LIMIT="100000000/minute",
        TODOCHAT_MONTHLY_QUOTA="100000000",
        # Signing 50 users up is not what is measured.
        TODOCHAT_ARGON2_TIME_COST="1",
        TODOCHAT_ARGON2_MEMORY_KIB="8192",
    )
    return env


@contextlib.contextmanager
def server(folder: Path, env: dict[str, str], core: int = 0):  # type: ignore[no-untyped-def]
    port = free_port()
    log = (folder / "serve.log").open("wb")
    proc = subprocess.Popen(
        [*pinned(core), sys.executable, "-m", "todochat", "serve", "--port", str(port),
         "--db", str(folder / "bench.db"), "--log-level", "warning"],
        cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{base}/readyz").status_code == 200:
                    break
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((folder / "serve.log").read_text()[-2000:])
            time.sleep(0.1)
        yield base, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def sign_up_users(base: str, count: int, message: str = MESSAGE) -> list[dict[str, object]]:
    """``count`` users; for each the target of one turn, as sseload.py takes it."""
    targets = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for i in range(count):
            name = f"bench{i}_{os.getpid()}"
            r = client.post(
                "/api/auth/register", json={"username": name, "password": "a long password"}
            )
            r.raise_for_status()
            token = client.post(
                "/api/auth/token", data={"username": name, "password": "a long password"}
            ).json()["access_token"]
            targets.append(
                {
                    "url": f"{base}/api/{r.json()['id']}/chat/stream",
                    "method": "POST",
                    "headers": {"Authorization": f"Bearer {token}"},
                    "json": {"message": message},
                }
            )
    return targets


def sseload(targets: Path, *args: str, core: int = 1) -> dict[str, object]:
    out = subprocess.run(
        [*pinned(core), sys.executable, str(ANCHOR / "sseload.py"), "--targets", str(targets),
         "--first-match", FIRST_TEXT, *args],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    summary: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    if summary["failed"]:
        raise RuntimeError(f"turns failed: {summary}")
    return summary


def anchor_turns_per_s(core: int = 0) -> float:
    """The Runner alone at 50 turns in flight (sdk_turns.py's second line)."""
    out = subprocess.run(
        [*pinned(core), sys.executable, str(ANCHOR / "sdk_turns.py")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    match = re.search(r"conc=50: (\d+) turns/s", out.stdout)
    if match is None:
        raise RuntimeError(out.stdout + out.stderr)
    return float(match.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="small counts, one run each")
    parser.add_argument("--turns", type=int, default=600, help="turns per capacity run")
    args = parser.parse_args()
    turns = 60 if args.short else args.turns
    runs = 1 if args.short else 3
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        anchors = [anchor_turns_per_s()]
        with server(folder, bench_env()) as (base, _pid):
            targets = folder / "targets.json"
            targets.write_text(json.dumps(sign_up_users(base, 50)))
            sseload(targets, "-c", "50", "-n", str(min(turns, 200)))  # warm-up, not counted
            closed = [sseload(targets, "-c", "50", "-n", str(turns)) for _ in range(runs)]
            capacity = statistics.median(float(s["streams_per_s"]) for s in closed)  # type: ignore[arg-type]
            rate = capacity / 2
            opened = sseload(targets, "-c", "1000", "-n", str(turns), "--rate", f"{rate:.2f}")
        anchors.append(anchor_turns_per_s())
    anchor = max(anchors)
    print(
        f"capacity: encoding A, built-in assistant, {MESSAGE!r}, 50 users, 50 turns in flight, "
        f"{turns} turns per run"
    )
    print(
        f"  full stack: {capacity:.1f} turns/s (median of "
        f"{', '.join(str(s['streams_per_s']) for s in closed)}); first text delta p50 "
        f"{closed[len(closed) // 2]['ttfe_ms_p50']} ms"
    )
    print(
        f"  Runner alone (anchor sdk_turns.py, 50 in flight): {anchor:.0f} turns/s "
        f"(before {anchors[0]:.0f}, after {anchors[1]:.0f})"
    )
    print(f"  ratio full stack / Runner alone: {capacity / anchor:.2f} (goal >= 0.75)")
    print(
        f"latency at half capacity: open loop, Poisson {rate:.1f} turns/s, {turns} turns: first "
        f"text delta p50 {opened['ttfe_ms_p50']} ms, p99 {opened['ttfe_ms_p99']} ms "
        "(goal p50 <= 15, p99 <= 50)"
    )


if __name__ == "__main__":
    main()
