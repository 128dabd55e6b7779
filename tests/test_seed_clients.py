"""The seeds' own ways of reading our streams, in Node, against a live server.

Both parse by prefix rather than by the SSE specification's field rules (tests/node/
seed_clients.mjs): before the `id:` line moved to the end of each event, the FastAPI seed's
`streamChat()` received no event at all from encoding A."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

from tests.conftest import IN_CI, make_settings
from tests.support.client import sign_up
from tests.support.live import live_server
from todochat.config import sqlite_url

SCRIPT = Path(__file__).parent / "node" / "seed_clients.mjs"


def test_the_seed_clients_receive_every_event(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        if IN_CI:
            pytest.fail("node is needed for the seed-client tests")
        pytest.skip("node not installed")
    settings = make_settings(sqlite_url(tmp_path / "t.db"))
    with live_server(settings) as server:

        async def account() -> tuple[int, str]:
            async with httpx.AsyncClient(base_url=server.url) as client:
                user = await sign_up(client)
            return user.id, user.headers["Authorization"].removeprefix("Bearer ")

        import asyncio

        uid, token = asyncio.run(account())
        out = subprocess.run(
            [node, str(SCRIPT), server.url, token, str(uid)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["a"][0] == "start"
    assert [t for t in seen["a"] if t.startswith("tool_")] == ["tool_call", "tool_result"]
    assert "text" in seen["a"]
    assert seen["a"][-2:] == ["done", "[DONE]"]
    assert seen["b"][0] == "session_initialized"
    assert "tool_call" in seen["b"] and "tool_result" in seen["b"]
    assert "message_delta" in seen["b"]
    assert seen["b"][-2:] == ["completed", "history"]
