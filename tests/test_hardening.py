"""Hardening: body size, CORS, sign-in attempt limits, weak secrets, output sanitizing."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from tests.conftest import AppUnderTest, SignUp, app_under_test, make_settings, sign_up
from todochat.app import create_app
from todochat.auth.secret import WeakSecretError, resolve_jwt_secret
from todochat.chat.sanitize import sanitize
from todochat.config import sqlite_url


async def test_oversized_bodies_are_refused_with_413(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    user = await sign_up_user()
    big = {"title": "x", "description": "y" * (300 * 1024)}
    r = await api.client.post("/api/todos", headers=user.headers, json=big)
    assert r.status_code == 413
    assert r.json() == {"detail": "The request body is larger than the limit of 256 KiB."}

    # Without a Content-Length (chunked), the body is counted as it arrives.
    async def chunks():  # type: ignore[no-untyped-def]
        for _ in range(300):
            yield b"x" * 1024

    r = await api.client.post(
        "/api/todos",
        headers={**user.headers, "Content-Type": "application/json"},
        content=chunks(),
    )
    assert r.status_code == 413
    assert "larger than the limit" in r.json()["detail"]
    assert (await api.client.get("/api/todos", headers=user.headers)).json() == []


async def test_cors_is_off_by_default_and_follows_the_allowlist(tmp_path: Path) -> None:
    preflight = {"Origin": "https://app.example", "Access-Control-Request-Method": "POST"}
    default = create_app(make_settings(sqlite_url(tmp_path / "a.db")))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=default), base_url="http://t"
    ) as c:
        r = await c.options("/api/todos", headers=preflight)
        assert "access-control-allow-origin" not in r.headers
    allowed = create_app(
        make_settings(sqlite_url(tmp_path / "b.db"), cors_origins=["https://app.example"])
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=allowed), base_url="http://t"
    ) as c:
        r = await c.options("/api/todos", headers=preflight)
        assert r.headers["access-control-allow-origin"] == "https://app.example"
        r = await c.options("/api/todos", headers={**preflight, "Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in r.headers


async def test_failed_sign_ins_are_limited_per_username_and_address(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    user = await sign_up_user()
    bad = {"username": user.username, "password": "wrong password"}
    for _ in range(5):
        assert (await api.client.post("/api/auth/token", data=bad)).status_code == 401
    good = {"username": user.username, "password": user.password}
    r = await api.client.post("/api/auth/token", data=good)
    assert r.status_code == 429
    assert 1 <= int(r.headers["retry-after"]) <= 60
    assert "too many failed sign-in attempts" in r.json()["detail"]
    # The same address is blocked for other usernames too, until the window passes.
    other = await api.client.post("/api/auth/token", data={"username": "someone", "password": "x"})
    assert other.status_code == 429
    api.clock.now += timedelta(seconds=61)
    assert (await api.client.post("/api/auth/token", data=good)).status_code == 200


def test_weak_secrets_are_refused_outside_development(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "s.db")
    for weak in ("secret", "changeme", "short"):
        with pytest.raises(WeakSecretError):
            resolve_jwt_secret(make_settings(url, jwt_secret=weak, environment="production"))
    dev = make_settings(url, jwt_secret="secret", environment="development")
    assert resolve_jwt_secret(dev) == "secret"


def test_tool_output_sanitizing() -> None:
    out = sanitize(
        {
            "title": "ok",
            "Password": "hunter2",
            "nested": [{"api_key": "sk-1", "refresh_TOKEN": "t", "client_secret": "s", "n": 1}],
            "long": "z" * 6000,
        }
    )
    assert out["title"] == "ok" and out["Password"] == "[REDACTED]"
    assert out["nested"] == [
        {
            "api_key": "[REDACTED]",
            "refresh_TOKEN": "[REDACTED]",
            "client_secret": "[REDACTED]",
            "n": 1,
        }
    ]
    assert out["long"] == "z" * 5000 + "... [truncated]"


async def test_failed_sign_ins_are_forgotten_once_their_window_passes(
    api: AppUnderTest,
) -> None:
    for i in range(300):
        # Other addresses are not modelled here: one address, many usernames; spread the
        # failures so the address limit does not stop the loop.
        api.clock.now += timedelta(seconds=15)
        r = await api.client.post(
            "/api/auth/token", data={"username": f"nobody{i}", "password": "x"}
        )
        assert r.status_code == 401
    assert (api.runtime.login_guard.tracked() or 0) <= 20
    api.clock.now += timedelta(seconds=61)
    await api.client.post("/api/auth/token", data={"username": "last", "password": "x"})
    assert api.runtime.login_guard.tracked() == 2  # "last" and the address


async def test_a_body_that_stops_arriving_gets_408(tmp_path: Path) -> None:
    import asyncio

    from tests.support.live import live_server

    settings = make_settings(sqlite_url(tmp_path / "slow.db"), body_timeout_seconds=0.5)
    with live_server(settings) as server:
        port = int(server.url.rsplit(":", 1)[1])
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(
            b"POST /api/auth/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 100\r\n\r\n" + b'{"username":'
        )
        await writer.drain()
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 20)
        assert head.startswith(b"HTTP/1.1 408"), head
        writer.close()
        async with httpx.AsyncClient(base_url=server.url) as client:
            for path in ("/", "/healthz"):
                r = await client.head(path)
                assert r.status_code == 200 and r.content == b"", path

            # A body that arrives in pieces, within the time, is read as usual.
            async def slow():  # type: ignore[no-untyped-def]
                yield b'{"username": "slowpoke", '
                await asyncio.sleep(0.2)
                yield b'"password": "long enough"}'

            r = await client.post(
                "/api/auth/register", content=slow(), headers={"Content-Type": "application/json"}
            )
            assert r.status_code == 201, r.text


async def test_a_database_held_by_another_process_gets_503_and_keeps_nothing(
    tmp_path: Path,
) -> None:
    path = tmp_path / "todochat.db"
    async with app_under_test(sqlite_url(path)) as under:
        user = await sign_up(under.client)
        # The server's one connection gives up on the lock after 50 ms instead of 10 s.
        async with under.runtime.db.session() as session:
            await session.execute(text("PRAGMA busy_timeout = 50"))
            await session.commit()
        other = sqlite3.connect(path)
        other.execute("BEGIN EXCLUSIVE")
        try:
            for url, body in (
                ("/api/todos", {"title": "Milk"}),
                (f"/api/{user.id}/chat", {"message": "add milk"}),
            ):
                r = await under.client.post(url, headers=user.headers, json=body)
                assert r.status_code == 503, r.text
                assert r.headers["Retry-After"] == "1"
                assert r.json() == {
                    "detail": "The database is busy; please try again.",
                    "code": "database_busy",
                }
        finally:
            other.rollback()
            other.close()
        # Nothing of either request was kept; the same requests now succeed.
        assert (await under.client.get("/api/todos", headers=user.headers)).json() == []
        assert (await under.client.get("/api/conversations", headers=user.headers)).json() == []
        r = await under.client.post("/api/todos", headers=user.headers, json={"title": "Milk"})
        assert r.status_code == 201
