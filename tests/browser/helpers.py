"""Shared pieces of the browser tests: Chromium launch, a live server, REST shortcuts."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from agents import Model, TResponseInputItem

from tests.conftest import make_settings
from tests.support.live import LiveServer, live_server
from tests.support.scripted import last_user_text
from todochat.agent.context import TurnContext
from todochat.agent.streaming import Plan
from todochat.config import sqlite_url

CHROMIUM = os.environ.get("TODOCHAT_TEST_CHROMIUM")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PASSWORD = "correct horse battery"


@contextmanager
def serve(
    tmp_path: Path, model_factory: Callable[[TurnContext], Model] | None = None
) -> Iterator[LiveServer]:
    """A real server on a fresh SQLite file."""
    settings = make_settings(sqlite_url(tmp_path / "web.db"))
    with live_server(settings, model_factory) as server:
        yield server


@dataclass
class Rest:
    """A signed-up user and an httpx client authenticated as them."""

    id: int
    username: str
    token: str
    client: httpx.Client

    def get(self, path: str) -> Any:
        r = self.client.get(path)
        r.raise_for_status()
        return r.json()

    def post(self, path: str, json: Any = None) -> Any:
        r = self.client.post(path, json=json)
        r.raise_for_status()
        return r.json() if r.content else None


def register(url: str, timezone: str = "UTC", username: str | None = None) -> Rest:
    """Sign a user up through the API."""
    username = username or f"u{secrets.token_hex(4)}"
    client = httpx.Client(base_url=url, timeout=10)
    r = client.post(
        "/api/auth/register",
        json={"username": username, "password": PASSWORD, "timezone": timezone},
    )
    assert r.status_code == 201, r.text
    user_id = r.json()["id"]
    r = client.post("/api/auth/token", data={"username": username, "password": PASSWORD})
    assert r.status_code == 200, r.text
    token = r.json()["access_token"]
    client.headers["Authorization"] = f"Bearer {token}"
    return Rest(user_id, username, token, client)


def echo_script(items: list[TResponseInputItem]) -> Plan:
    """Answer every message with ``Echo: <message>``."""
    return Plan(text=["Echo:", " " + last_user_text(items)])
