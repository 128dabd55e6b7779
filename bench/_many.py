"""Many chat streams open at once against one `todochat serve`, its model a scripted
OpenAI-compatible server that holds every request until told to answer (`_slow_model.py`).

Used by `idle_streams.py` and `waiting_turns.py`. The server runs on core 0; the model server and
this load client share core 1. Each stream is a real turn over encoding A on its own connection
(plain asyncio sockets: the client must cost less than what it measures).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from _server import free_port
from capacity import bench_env, pinned, sign_up_users

HERE = Path(__file__).parent
MESSAGE = "add buy milk tomorrow"


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def more_files() -> None:
    """Each stream is a socket in the server and one here (and, waiting on the model, one more
    each side of that): raise the open-file limit as far as this user may."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = 200_000
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, max(hard, want)))
        return
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


@dataclass
class Stream:
    opened: float | None = None
    pings: int = 0
    ping_after_open: bool = False
    ended: str | None = None  # "done", "error", "closed"
    error: str = ""


@dataclass
class Load:
    streams: list[Stream] = field(default_factory=list)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)


async def one_stream(target: dict[str, Any], stream: Stream, gate: asyncio.Semaphore) -> None:
    url = httpx.URL(str(target["url"]))
    body = json.dumps({"message": MESSAGE}).encode()
    head = (
        f"POST {url.raw_path.decode()} HTTP/1.1\r\nhost: {url.host}:{url.port}\r\n"
        f"authorization: {target['headers']['Authorization']}\r\n"
        f"content-type: application/json\r\ncontent-length: {len(body)}\r\n\r\n"
    ).encode()
    try:
        async with gate:  # bounded connects in flight, as a real fleet of clients would be
            reader, writer = await asyncio.open_connection(url.host, url.port)
            writer.write(head + body)
            status = await reader.readuntil(b"\r\n\r\n")
            if not status.startswith(b"HTTP/1.1 200"):
                stream.ended, stream.error = "error", status.split(b"\r\n", 1)[0].decode()
                writer.close()
                return
            tail = b""
            while stream.opened is None:
                data = await reader.read(65536)
                if not data:
                    stream.ended = "closed"
                    return
                tail += data
                if b'"type":"start"' in tail:
                    stream.opened = time.perf_counter()
        while True:
            data = await reader.read(65536)
            if not data:
                stream.ended = stream.ended or "closed"
                break
            window = tail[-32:] + data
            tail = data
            if b": ping" in window:
                stream.pings += 1
                stream.ping_after_open = True
            if b'"type":"done"' in window:
                stream.ended = "done"
            elif b'"type":"error"' in window:
                stream.ended = "error"
                stream.error = window.decode(errors="replace")[-300:]
        writer.close()
    except (OSError, asyncio.IncompleteReadError) as exc:
        stream.ended, stream.error = "error", f"{type(exc).__name__}: {exc}"


async def _wait_for(check: Any, within: float, step: float = 0.2) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if check():
            return True
        await asyncio.sleep(step)
    return bool(check())


async def measure(
    base: str, model: str, pid: int, targets: list[dict[str, Any]], count: int, heartbeat: float
) -> dict[str, Any]:
    async with httpx.AsyncClient(timeout=60) as http:
        # Warm up (every code path once), then hold the model again.
        await http.post(f"{model}/release")
        warm = [Stream() for _ in range(20)]
        gate = asyncio.Semaphore(20)
        await asyncio.gather(*(one_stream(targets[i], warm[i], gate) for i in range(20)))
        assert all(s.ended == "done" for s in warm), [s.error for s in warm]
        await http.post(f"{model}/hold")
        await asyncio.sleep(1.0)
        before = rss_mib(pid)
        streams = [Stream() for _ in range(count)]
        gate = asyncio.Semaphore(256)
        began = time.perf_counter()
        tasks = [
            asyncio.ensure_future(one_stream(targets[i % len(targets)], streams[i], gate))
            for i in range(count)
        ]
        await _wait_for(lambda: all(s.opened or s.ended for s in streams), 600, 0.05)
        opened = [s for s in streams if s.opened]
        open_seconds = max((s.opened or began) for s in streams) - began
        # Heartbeats: every open stream has a ping after it opened.
        for s in streams:
            s.ping_after_open = False
        beat = time.perf_counter()
        await _wait_for(lambda: all(s.ping_after_open or s.ended for s in streams), heartbeat * 3)
        beats = sum(1 for s in streams if s.ping_after_open)
        beat_seconds = time.perf_counter() - beat
        arrived = (await http.get(f"{model}/arrived")).json()["arrived"]
        during = rss_mib(pid)
        await http.post(f"{model}/release")
        released = time.perf_counter()
        await asyncio.wait(tasks, timeout=900)
        finish_seconds = time.perf_counter() - released
        after = rss_mib(pid)
    ends: dict[str, int] = {}
    for s in streams:
        ends[s.ended or "open"] = ends.get(s.ended or "open", 0) + 1
    errors = sorted({s.error[:200] for s in streams if s.error})[:3]
    return {
        "count": count,
        "opened": len(opened),
        "open_seconds": open_seconds,
        "waiting_at_model": arrived - 20,
        "rss_before": before,
        "rss_open": during,
        "rss_after": after,
        "kib_per_stream": (during - before) * 1024 / max(1, len(opened)),
        "heartbeats": beats,
        "heartbeat_seconds": beat_seconds,
        "ends": ends,
        "errors": errors,
        "finish_seconds": finish_seconds,
    }


def run(count: int, extra_env: dict[str, str], heartbeat: float = 5.0) -> dict[str, Any]:
    more_files()
    with contextlib.suppress(AttributeError, OSError):
        os.sched_setaffinity(0, {1} if (os.cpu_count() or 1) >= 2 else {0})
    model_port = free_port()
    model = subprocess.Popen([*pinned(1), sys.executable, str(HERE / "_slow_model.py"),
                              str(model_port)])  # fmt: skip
    model_url = f"http://127.0.0.1:{model_port}"
    try:
        env = bench_env()
        env.update(
            TODOCHAT_MODEL="openai-compatible:slow",
            TODOCHAT_OPENAI_BASE_URL=f"{model_url}/v1",
            TODOCHAT_HEARTBEAT_SECONDS=str(heartbeat),
            # Turns wait on the model for as long as the benchmark holds it.
            TODOCHAT_RUN_TIMEOUT_SECONDS="1800",
            TODOCHAT_QUEUE_TIMEOUT_SECONDS="1800",
            TODOCHAT_OPENAI_TIMEOUT_SECONDS="1800",
            **extra_env,
        )
        from capacity import server

        with tempfile.TemporaryDirectory() as tmp:
            with server(Path(tmp), env) as (base, pid):
                targets = sign_up_users(base, 50, MESSAGE)
                result = asyncio.run(measure(base, model_url, pid, targets, count, heartbeat))
            # Why turns failed, as the server logged it (the exception's last line).
            log = (Path(tmp) / "serve.log").read_text(errors="replace").splitlines()
            causes = collections.Counter(
                line.strip()[:160]
                for line in log
                if re.match(r"^[\w.]+(Error|Exception|Timeout)\b", line.strip())
            )
            result["server_errors"] = causes.most_common(3)
            return result
    finally:
        model.terminate()
        model.wait(timeout=10)


def report(title: str, result: dict[str, Any]) -> None:
    r = result
    print(title)
    print(
        f"  opened {r['opened']}/{r['count']} streams in {r['open_seconds']:.1f} s; "
        f"{r['waiting_at_model']} turns waiting on the model at once"
    )
    print(
        f"  server RSS: {r['rss_before']:.0f} MiB before, {r['rss_open']:.0f} MiB with the "
        f"streams open (+{r['rss_open'] - r['rss_before']:.0f} MiB, "
        f"{r['kib_per_stream']:.1f} KiB per stream), {r['rss_after']:.0f} MiB after"
    )
    print(
        f"  heartbeats: {r['heartbeats']}/{r['opened']} open streams had one within "
        f"{r['heartbeat_seconds']:.1f} s"
    )
    print(
        f"  after the model answered: {json.dumps(r['ends'])} in {r['finish_seconds']:.1f} s"
        + (f"; errors: {r['errors']}" if r["errors"] else "")
    )
    if r.get("server_errors"):
        print(f"  the server logged: {r['server_errors']}")
