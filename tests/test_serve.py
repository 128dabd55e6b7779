"""`todochat serve` as a user runs it: a real uvicorn process on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_with_offline_defaults(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TODOCHAT_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "todochat", "serve", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.1)
        assert "swagger" in httpx.get(f"{base}/docs").text.lower()
        r = httpx.post(f"{base}/api/auth/register", json={"username": "zed", "password": "p" * 8})
        assert r.status_code == 201
        token = httpx.post(
            f"{base}/api/auth/token", data={"username": "zed", "password": "p" * 8}
        ).json()["access_token"]
        r = httpx.post(
            f"{base}/api/todos",
            json={"title": "first"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert r.status_code == 201
        # A live feed stream is open when the server is told to stop: the stream ends (the
        # client would resume elsewhere) and the server does not wait out its grace for it.
        ended: list[bytes] = []
        opened = threading.Event()

        def follow() -> None:
            with httpx.stream(
                "GET", f"{base}/api/events", headers={"Authorization": f"Bearer {token}"}
            ) as stream:
                opened.set()
                ended.append(b"".join(stream.iter_bytes()))

        reader = threading.Thread(target=follow, daemon=True)
        reader.start()
        assert opened.wait(10)
        proc.terminate()
        proc.wait(timeout=10)
        reader.join(timeout=10)
        assert ended and ended[0].startswith(b'data: {"type":"ready"}')
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert (tmp_path / "todochat.db").exists()
    secret = tmp_path / "todochat.jwt-secret"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert len(secret.read_text().strip()) >= 32
    # WAL mode leaves its journal beside the database while in use; the mode is persistent.
    import sqlite3

    with sqlite3.connect(tmp_path / "todochat.db") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_db_upgrade_command(tmp_path: Path) -> None:
    db = tmp_path / "explicit.db"
    out = subprocess.run(
        [sys.executable, "-m", "todochat", "db", "upgrade", "--db", str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "head" in out.stdout
    import sqlite3

    from alembic.script import ScriptDirectory

    from todochat.db.migrate import alembic_config

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
