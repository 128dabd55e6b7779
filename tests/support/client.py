"""HTTP helpers for tests against a live server."""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx

T = TypeVar("T")


@dataclass
class User:
    """A signed-up user of a live server."""

    id: int
    username: str
    headers: dict[str, str]


async def sign_up(client: httpx.AsyncClient, timezone: str = "UTC") -> User:
    """Register and log in a fresh user."""
    username = f"u_{secrets.token_hex(5)}"
    r = await client.post(
        "/api/auth/register",
        json={"username": username, "password": "pw-" + username, "timezone": timezone},
    )
    assert r.status_code == 201, r.text
    r = await client.post(
        "/api/auth/token", data={"username": username, "password": "pw-" + username}
    )
    assert r.status_code == 200, r.text
    headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
    me = (await client.get("/api/me", headers=headers)).json()
    return User(me["id"], username, headers)


def parse_sse(raw: bytes) -> list[dict[str, Any]]:
    """Split an SSE byte stream into events ({id, event, data} plus comments as {comment})."""
    events: list[dict[str, Any]] = []
    for block in raw.decode().split("\n\n"):
        if not block:
            continue
        event: dict[str, Any] = {}
        for line in block.split("\n"):
            if line.startswith(":"):
                event["comment"] = line[1:].strip()
            else:
                field, _, value = line.partition(": ")
                event[field] = value
        if "data" in event and event["data"] != "[DONE]":
            event["json"] = json.loads(event["data"])
        events.append(event)
    return events


async def eventually(check: Callable[[], Awaitable[T | None]], within: float = 15.0) -> T:
    """Poll ``check`` until it returns something truthy (observable state, not sleeps)."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        value = await check()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.02)
