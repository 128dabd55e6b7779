"""Rate-limit and quota refusals as each encoding shows them, and the quota admin command."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import httpx
from httpx_sse import aconnect_sse

from tests.conftest import make_settings
from tests.support.client import sign_up
from tests.support.live import live_server
from tests.support.scripted import factory, tool_then_text
from todochat.config import sqlite_url


async def test_rate_limit_refusals_have_the_exact_shapes(tmp_path: Path) -> None:
    settings = make_settings(sqlite_url(tmp_path / "r.db"), rate_limit="2/minute")
    with live_server(settings, factory(tool_then_text([], "ok"))) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            user = await sign_up(client)
            for _ in range(2):
                r = await client.post(
                    f"/api/{user.id}/chat", headers=user.headers, json={"message": "hi"}
                )
                assert r.status_code == 200
            # Non-streaming: 429, Retry-After, the rate_limit_exceeded payload.
            r = await client.post(
                f"/api/{user.id}/chat", headers=user.headers, json={"message": "hi"}
            )
            assert r.status_code == 429
            assert 1 <= int(r.headers["retry-after"]) <= 60
            body = r.json()
            assert set(body) == {
                "message",
                "current_usage",
                "monthly_limit",
                "remaining_quota",
                "reset_date",
            }
            assert "at most 2 per minute" in body["message"]
            assert body["current_usage"] == 2 and body["monthly_limit"] == 200
            # Named events: one rate_limit_exceeded event and the end.
            async with aconnect_sse(
                client,
                "POST",
                "/api/todos/agent-create/stream",
                headers=user.headers,
                json={"messages": [{"role": "user", "content": "hi"}]},
            ) as s:
                assert s.response.status_code == 200
                events = [(e.event, e.json()) async for e in s.aiter_sse()]
            assert [name for name, _ in events] == ["rate_limit_exceeded"]
            assert events[0][1] == body
            # Typed events: one error event with the refusal code.
            r = await client.post(
                f"/api/{user.id}/chat/stream", headers=user.headers, json={"message": "hi"}
            )
            assert r.headers["content-type"] == "text/event-stream"
            lines = [line for line in r.text.split("\n") if line]
            assert len(lines) == 1 and lines[0].startswith("data: ")
            assert '"type":"error"' in lines[0] and '"code":"rate_limit_exceeded"' in lines[0]
            # Refused turns are not counted: usage still shows the two that ran.
            usage = (await client.get("/api/usage", headers=user.headers)).json()
            assert usage["current_usage"] == 2 and usage["remaining_quota"] == 198


async def test_quota_refusal_and_admin_override(tmp_path: Path) -> None:
    db_path = tmp_path / "q.db"
    settings = make_settings(sqlite_url(db_path), monthly_quota=1)
    with live_server(settings, factory(tool_then_text([], "ok"))) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            user = await sign_up(client)
            assert (
                await client.post(
                    f"/api/{user.id}/chat", headers=user.headers, json={"message": "one"}
                )
            ).status_code == 200
            r = await client.post(
                f"/api/{user.id}/chat", headers=user.headers, json={"message": "two"}
            )
            assert r.status_code == 429
            assert r.json()["remaining_quota"] == 0
            assert r.json()["reset_date"].endswith("-01T00:00:00Z")
            out = await asyncio.to_thread(
                subprocess.run,
                [
                    sys.executable,
                    "-m",
                    "todochat",
                    "user",
                    "quota",
                    user.username,
                    "5",
                    "--db",
                    str(db_path),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            assert "quota set to 5" in out.stdout
            r = await client.post(
                f"/api/{user.id}/chat", headers=user.headers, json={"message": "three"}
            )
            assert r.status_code == 200
            usage = (await client.get("/api/usage", headers=user.headers)).json()
            assert usage["monthly_limit"] == 5 and usage["current_usage"] == 2
    missing = await asyncio.to_thread(
        subprocess.run,
        [
            sys.executable,
            "-m",
            "todochat",
            "user",
            "quota",
            "nobody-at-all",
            "5",
            "--db",
            str(db_path),
        ],
        capture_output=True,
        text=True,
    )
    # Every failure of a command is one line and exit status 2 (issue: a CLI an operator can trust).
    assert missing.returncode == 2 and "not found" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
