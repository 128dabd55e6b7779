"""The real client libraries in Node (tests/node, pinned by its package-lock.json) against a live
server with a scripted model: the fixtures and the runner the client-library tests share."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from agents import TResponseInputItem

from tests.conftest import IN_CI, make_settings
from tests.support.client import sign_up
from tests.support.live import LiveServer, live_server
from tests.support.scripted import factory, last_user_text, slow_words
from todochat.agent.streaming import Plan, PlannedCall
from todochat.config import sqlite_url

NODE_DIR = Path(__file__).parent.parent / "node"


def node_with_packages() -> str | None:
    """``node``, with the pinned packages installed (``npm ci`` the first time); None when Node
    is missing outside CI (in CI that is a failure)."""
    import pytest

    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        if IN_CI:
            pytest.fail("node and npm are needed for the client-library tests")
        return None
    if not (NODE_DIR / "node_modules" / ".package-lock.json").exists():
        # Pinned by tests/node/package-lock.json; the product itself never fetches packages.
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"], cwd=NODE_DIR, check=True, capture_output=True
        )
    return node


def script(items: list[TResponseInputItem]) -> Plan:
    """The scripted model: "fail" fails, "slow" streams 60 words slowly, else one add_task."""
    text = last_user_text(items)
    last = items[-1] if items else {}
    if "fail" in text:
        raise RuntimeError("scripted failure")
    if "slow" in text:
        return Plan(text=slow_words(" ".join(f"w{i}" for i in range(60)), 0.05))
    if not (isinstance(last, dict) and last.get("type") == "function_call_output"):
        return Plan(calls=[PlannedCall("add_task", {"title": "Call the plumber"})])
    return Plan(text=["Added", " 'Call", " the", " plumber'."])


@contextmanager
def scripted_server(folder: Path) -> Iterator[tuple[LiveServer, str]]:
    """A live server with ``script`` as its model, and a signed-up user's token."""
    settings = make_settings(sqlite_url(folder / "t.db"))
    with live_server(settings, factory(script)) as live:

        async def token() -> str:
            async with httpx.AsyncClient(base_url=live.url) as client:
                user = await sign_up(client)
            return user.headers["Authorization"].removeprefix("Bearer ")

        yield live, asyncio.run(token())


def run_node(
    node: str, program: str, server: tuple[LiveServer, str], scenario: str
) -> dict[str, Any]:
    """Run tests/node/``program`` for ``scenario``; its last output line, with no warning."""
    live, token = server
    out = subprocess.run(
        [node, str(NODE_DIR / program), live.url, token, scenario],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert out.returncode == 0, out.stderr
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    assert result.pop("warnings") == [], "the client library warned"
    return result
