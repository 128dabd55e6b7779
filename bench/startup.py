"""Start-up time: `todochat serve` until `/healthz` answers (and until `/readyz`: everything a
chat turn needs loaded), and a whole `todochat user list`.

Later starts (the first one after installing is run and thrown away), median of N each, on a
migrated SQLite database in a temporary directory. Prints one line per figure.

    .venv/bin/python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from _server import free_port

TODOCHAT = [sys.executable, "-m", "todochat"]


def _env(db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TODOCHAT_")}
    env["TODOCHAT_DATABASE_URL"] = f"sqlite+aiosqlite:///{db}"
    return env


def time_to_healthy(db: Path, path: str = "/healthz") -> float:
    port = free_port()
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*TODOCHAT, "serve", "--port", str(port), "--log-level", "warning"],
        env=_env(db),
        cwd=db.parent,
    )
    try:
        with httpx.Client() as client:
            while True:
                with contextlib.suppress(httpx.TransportError):
                    if client.get(f"http://127.0.0.1:{port}{path}").status_code == 200:
                        return time.perf_counter() - start
                if proc.poll() is not None:
                    raise RuntimeError("the server stopped")
                time.sleep(0.01)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def time_command(db: Path, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([*TODOCHAT, *args], env=_env(db), check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "startup.db"
        time_command(db, "db", "upgrade")  # also the thrown-away first start
        time_command(db, "user", "create", "bench", "--password", "a long password")
        time_to_healthy(db)
        serve = [time_to_healthy(db) for _ in range(args.runs)]
        ready = [time_to_healthy(db, "/readyz") for _ in range(args.runs)]
        listing = [time_command(db, "user", "list") for _ in range(args.runs)]
    print(
        f"serve until /healthz answers: median {statistics.median(serve):.2f} s "
        f"(runs: {', '.join(f'{s:.2f}' for s in serve)})"
    )
    print(
        f"serve until /readyz is ready:  median {statistics.median(ready):.2f} s "
        f"(runs: {', '.join(f'{s:.2f}' for s in ready)})"
    )
    print(
        f"todochat user list:           median {statistics.median(listing):.2f} s "
        f"(runs: {', '.join(f'{s:.2f}' for s in listing)})"
    )


if __name__ == "__main__":
    main()
