"""Real `todochat serve` processes on one PostgreSQL database and one Redis, for scale-out tests.

Each worker is its own OS process started exactly as an operator starts one; the language model
is the scripted OpenAI-compatible server (tests/support/fake_openai.py) on loopback, so a turn
takes as long as the test wants. nginx (Debian's binary, our own config, a loopback port) can
be put in front of them, round-robin.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.support.live import free_port


@dataclass
class Worker:
    """One `todochat serve` process."""

    port: int
    proc: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]

    def kill(self) -> None:
        """kill -9: no shutdown of any kind."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def terminate(self) -> None:
        """SIGTERM, as a rolling deploy sends it."""
        self.proc.send_signal(signal.SIGTERM)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


@dataclass
class Cluster:
    """Workers sharing a database and a Redis prefix."""

    env: dict[str, str]
    folder: Path
    workers: list[Worker] = field(default_factory=list)

    def start_worker(self, port: int | None = None) -> Worker:
        port = port or free_port()
        log = self.folder / f"worker-{port}-{len(self.workers)}.log"
        out = log.open("wb")
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "todochat",
                "serve",
                "--port",
                str(port),
                "--log-level",
                "warning",
            ],
            cwd=self.folder,
            env=self.env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        out.close()
        worker = Worker(port, proc, log)
        wait_healthy(worker)
        self.workers.append(worker)
        return worker

    def stop(self) -> None:
        for worker in self.workers:
            worker.stop()


def wait_healthy(worker: Worker, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{worker.url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if worker.proc.poll() is not None:
            raise RuntimeError(f"worker exited: {worker.output()}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"worker did not become ready: {worker.output()}")
        time.sleep(0.1)


def cluster_env(database_url: str, redis_url: str, prefix: str, model_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TODOCHAT_")}
    env.update(
        {
            "TODOCHAT_DATABASE_URL": database_url,
            "TODOCHAT_REDIS_URL": redis_url,
            "TODOCHAT_REDIS_PREFIX": prefix,
            "TODOCHAT_JWT_SECRET": "cluster-secret-" + "y" * 40,
            "TODOCHAT_ENVIRONMENT": "test",
            "TODOCHAT_MODEL": "openai-compatible:scripted",
            "TODOCHAT_OPENAI_BASE_URL": model_url,
            "TODOCHAT_OPENAI_API_KEY": "not-a-real-key",
            "TODOCHAT_OPENAI_MAX_RETRIES": "0",
            "TODOCHAT_RUN_LEASE_SECONDS": "1",
            "TODOCHAT_SHUTDOWN_GRACE_SECONDS": "20",
            "TODOCHAT_RATE_LIMIT": "100000/minute",
            "TODOCHAT_MONTHLY_QUOTA": "1000000",
            "TODOCHAT_ARGON2_TIME_COST": "1",
            "TODOCHAT_ARGON2_MEMORY_KIB": "1024",
            "TODOCHAT_HEARTBEAT_SECONDS": "1",
        }
    )
    return env


@contextmanager
def cluster(env: dict[str, str], folder: Path, size: int = 2) -> Iterator[Cluster]:
    subprocess.run(
        [sys.executable, "-m", "todochat", "db", "upgrade"],
        cwd=folder,
        env=env,
        check=True,
        capture_output=True,
    )
    group = Cluster(env, folder)
    try:
        for _ in range(size):
            group.start_worker()
        yield group
    finally:
        group.stop()


NGINX_CONF = """
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    upstream todochat {{
        {servers}
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://todochat;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_buffering off;
            proxy_cache off;
            proxy_read_timeout 120s;
            proxy_next_upstream error timeout;
        }}
    }}
}}
"""


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/sbin/nginx") if Path(p).exists()), None
    )


@contextmanager
def nginx(ports: list[int], folder: Path) -> Iterator[str]:
    """nginx on a loopback port, round-robin over ``ports``; yields its base URL."""
    binary = nginx_binary()
    assert binary is not None
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    conf = folder / "nginx.conf"
    servers = "\n        ".join(f"server 127.0.0.1:{p};" for p in ports)
    conf.write_text(NGINX_CONF.format(folder=folder, servers=servers, port=port))
    proc = subprocess.Popen(
        [binary, "-c", str(conf), "-p", str(folder), "-e", str(folder / "nginx-error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 15
    while True:
        try:
            httpx.get(f"{url}/healthz", timeout=2)
            break
        except httpx.TransportError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((folder / "nginx-error.log").read_text()) from None
            time.sleep(0.05)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
