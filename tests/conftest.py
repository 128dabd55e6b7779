"""Shared fixtures: real SQLite and PostgreSQL databases, the app, signed-up users."""

from __future__ import annotations

import os
import secrets
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI

from todochat.app import create_app
from todochat.config import Settings, sqlite_url
from todochat.db.engine import Database
from todochat.db.migrate import upgrade
from todochat.runtime import Runtime

PG_URL = os.environ.get("TODOCHAT_TEST_DATABASE_URL")
REDIS_URL = os.environ.get("TODOCHAT_TEST_REDIS_URL")
IN_CI = bool(os.environ.get("CI"))
RUN_ID = uuid.uuid4().hex[:8]
TEST_SECRET = "test-secret-" + "x" * 40


def need(service: str, available: bool) -> None:
    """Skip without the service locally; in CI a missing service is a failure, not a skip."""
    if available:
        return
    message = f"{service} not configured for tests"
    if IN_CI:
        pytest.fail(message + " (CI must run every backend)")
    pytest.skip(message)


def _pg_admin_dsn() -> str:
    assert PG_URL is not None
    return PG_URL.replace("postgresql+asyncpg://", "postgresql://")


def _with_database(url: str, name: str) -> str:
    base, _, _ = url.rpartition("/")
    return f"{base}/{name}"


_pg_counter = 0


@asynccontextmanager
async def pg_database(label: str) -> AsyncIterator[str]:
    """A new, empty PostgreSQL database of this run (its URL), dropped afterwards."""
    assert PG_URL is not None
    global _pg_counter
    _pg_counter += 1
    name = f"todochat_{label}{RUN_ID}_{_pg_counter}"
    admin = await asyncpg.connect(_pg_admin_dsn())
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield _with_database(PG_URL, name)
    finally:
        admin = await asyncpg.connect(_pg_admin_dsn())
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database of each kind, dropped after the test."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "todochat.db")
        return
    need("PostgreSQL", PG_URL is not None)
    async with pg_database("t") as url:
        yield url


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    """A migrated database of each kind."""
    database = Database(database_url)
    await upgrade(database)
    yield database
    await database.dispose()


def make_settings(database_url: str, **overrides: Any) -> Settings:
    """Settings for a test: no .env, a fixed strong secret."""
    values: dict[str, Any] = {
        "database_url": database_url,
        "jwt_secret": TEST_SECRET,
        "environment": "test",
        # Cheap hashing keeps sign-ups fast; the algorithm and code path are the real ones.
        "argon2_time_cost": 1,
        "argon2_memory_kib": 1024,
        # Tests move the server's clock across days, months and years after signing in; a
        # token's lifetime is not what they test (tests/test_auth.py sets its own).
        "access_token_minutes": 10 * 366 * 24 * 60,
        # Keys of this test run only, when a test uses Redis.
        "redis_prefix": f"todochat-test:{RUN_ID}:",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


class Clock:
    """A settable clock: tests move time instead of sleeping."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


@dataclass
class AppUnderTest:
    """An app on a real database, with an in-process HTTP client."""

    app: FastAPI
    runtime: Runtime
    client: httpx.AsyncClient
    clock: Clock


@asynccontextmanager
async def app_under_test(database_url: str, **overrides: Any) -> AsyncIterator[AppUnderTest]:
    """The app (migrated) on ``database_url`` and an httpx client speaking ASGI to it."""
    settings = make_settings(database_url, **overrides)
    clock = Clock()
    runtime = Runtime.build(settings, clock=clock)
    app = create_app(settings, runtime=runtime)
    await upgrade(runtime.db)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield AppUnderTest(app=app, runtime=runtime, client=client, clock=clock)
    await runtime.db.dispose()


@pytest.fixture
async def api(database_url: str) -> AsyncIterator[AppUnderTest]:
    """The app (migrated) and an httpx client speaking ASGI to it."""
    async with app_under_test(database_url) as under_test:
        yield under_test


@dataclass
class Account:
    """A signed-up user and the headers that authenticate as them."""

    id: int
    username: str
    password: str
    timezone: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


async def sign_up(
    client: httpx.AsyncClient, timezone: str = "UTC", username: str | None = None
) -> Account:
    """Register and log in a fresh user."""
    username = username or f"user_{secrets.token_hex(4)}"
    password = "correct horse battery"
    r = await client.post(
        "/api/auth/register",
        json={"username": username, "password": password, "timezone": timezone},
    )
    assert r.status_code == 201, r.text
    user = r.json()
    r = await client.post("/api/auth/token", data={"username": username, "password": password})
    assert r.status_code == 200, r.text
    return Account(user["id"], username, password, timezone, r.json()["access_token"])


SignUp = Callable[..., Any]


@pytest.fixture
def sign_up_user(api: AppUnderTest) -> SignUp:
    """``await sign_up_user(timezone=...)`` registers a new user on the app under test."""

    async def make(timezone: str = "UTC", username: str | None = None) -> Account:
        return await sign_up(api.client, timezone, username)

    return make
