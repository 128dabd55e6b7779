"""One app per module for the corpus: each case signs up its own user, so cases stay isolated
while the app, its SQLite database and its warm caches are shared (the corpus stays fast)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.conftest import AppUnderTest, Clock, make_settings
from todochat.app import create_app
from todochat.config import sqlite_url
from todochat.db.migrate import upgrade
from todochat.runtime import Runtime


@pytest.fixture(scope="module")
async def shared_api(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[AppUnderTest]:
    """Like the ``api`` fixture on SQLite, built once per module."""
    settings = make_settings(sqlite_url(tmp_path_factory.mktemp("corpus") / "todochat.db"))
    clock = Clock()
    runtime = Runtime.build(settings, clock=clock)
    app = create_app(settings, runtime=runtime)
    await upgrade(runtime.db)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield AppUnderTest(app=app, runtime=runtime, client=client, clock=clock)
    await runtime.db.dispose()
