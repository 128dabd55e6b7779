"""Schemathesis over the app's own OpenAPI schema, in-process over ASGI, on SQLite and PostgreSQL.

Every operation gets a bounded number of generated requests, authenticated as a fresh user so the
protected operations are exercised past the token check. A request must never get a 5xx, and a
response with a documented status must match its documented schema. Error statuses the schema
does not list (401, 403, 404, 408, 409, 413, 422, 429) are allowed: they are the app's documented
error contract (PROTOCOLS.md), not part of each operation's OpenAPI entry.

Each generated request is also sent again poisoned, the ways that once answered 500 on
PostgreSQL: every string with a NUL character in it, every integer past 64 bits, every date at
the calendar's ends; those must still never get a 5xx.

Event loop: schemathesis runs ASGI apps on one shared portal thread with its own event loop and
starts the app's lifespan there, so the app's database engine must be first used in that loop.
The database is migrated beforehand with a separate, disposed ``Database`` (``asyncio.run``), and
the app under test is built afterwards and only ever called through schemathesis' client.
"""

from __future__ import annotations

import asyncio
import re
import secrets
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import asyncpg
import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.python import asgi
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from tests.conftest import PG_URL, RUN_ID, AppUnderTest, SignUp, make_settings, need
from todochat.app import create_app
from todochat.config import sqlite_url
from todochat.db.engine import Database
from todochat.db.migrate import upgrade

# 400: FastAPI's own answer to a body that is not decodable JSON ("There was an error parsing
# the body"); a client error, never a crash.
ALLOWED_UNDOCUMENTED = {400, 401, 403, 404, 408, 409, 413, 422, 429}
# Streaming endpoints answer text/event-stream that the schema does not describe beyond "SSE";
# their turns are the same as the non-streaming chat routes (fuzzed) and their encodings are
# covered by tests/test_chat_stream.py. Fuzzing them only adds slow turns.
# The live feed never ends by itself (tests/test_live.py drives it against a live server).
NOT_FUZZED = r"(/stream$|^/api/runs/\{run_id\}/events$|^/api/events$)"


async def _migrate(url: str) -> None:
    db = Database(url)
    try:
        await upgrade(db)
    finally:
        await db.dispose()


def _pg_database() -> str | None:
    """A fresh PostgreSQL database for this module, or None without PostgreSQL."""
    if PG_URL is None:
        return None
    name = f"todochat_fuzz_{RUN_ID}"
    admin_dsn = PG_URL.replace("postgresql+asyncpg://", "postgresql://")

    async def create() -> None:
        admin = await asyncpg.connect(admin_dsn)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await admin.execute(f'CREATE DATABASE "{name}"')
        finally:
            await admin.close()

    asyncio.run(create())
    return PG_URL.rpartition("/")[0] + "/" + name


def _drop_pg_database(url: str) -> None:
    name = url.rpartition("/")[2]
    admin_dsn = url.rpartition("/")[0].replace("postgresql+asyncpg://", "postgresql://") + "/"
    admin_dsn += PG_URL.rpartition("/")[2] if PG_URL else "postgres"

    async def drop() -> None:
        admin = await asyncpg.connect(admin_dsn)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()

    asyncio.run(drop())


def _app(url: str) -> FastAPI:
    asyncio.run(_migrate(url))
    return create_app(make_settings(url))


SQLITE_URL = sqlite_url(Path(tempfile.mkdtemp(prefix="todochat-fuzz-")) / "todochat.db")
PG_FUZZ_URL = _pg_database()
APPS = {"sqlite": _app(SQLITE_URL)}
if PG_FUZZ_URL is not None:
    APPS["postgresql"] = _app(PG_FUZZ_URL)


def _schema(app: FastAPI) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", app).exclude(path_regex=NOT_FUZZED)


sqlite_schema = _schema(APPS["sqlite"])
# Without PostgreSQL the same operations are listed (and the test fails in CI, skips locally).
pg_schema = _schema(APPS.get("postgresql", APPS["sqlite"]))


def status_code_conformance_relaxed(ctx: Any, response: Any, case: Any) -> bool | None:
    """Undocumented statuses fail, except the error contract's 4xx."""
    if response.status_code in ALLOWED_UNDOCUMENTED:
        return None
    return status_code_conformance(ctx, response, case)


def _token(app: FastAPI) -> dict[str, str]:
    username = f"fuzz_{secrets.token_hex(4)}"
    password = "correct horse battery"
    with asgi.get_client(app) as client:
        r = client.post(
            "http://testserver/api/auth/register",
            json={"username": username, "password": password, "timezone": "Pacific/Pago_Pago"},
        )
        assert r.status_code == 201, r.text
        r = client.post(
            "http://testserver/api/auth/token", data={"username": username, "password": password}
        )
        assert r.status_code == 200, r.text
        return {"Authorization": f"Bearer {r.json()['access_token']}"}


@pytest.fixture(scope="module")
def auth_headers() -> Iterator[dict[str, dict[str, str]]]:
    """A fresh user's bearer token per database, obtained through the same in-process client."""
    yield {name: _token(app) for name, app in APPS.items()}
    asgi.shutdown_lifespans()
    if PG_FUZZ_URL is not None:
        _drop_pg_database(PG_FUZZ_URL)


DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T")


def _poison(value: Any, leaf: Callable[[Any], Any]) -> Any:
    if isinstance(value, dict):
        return {k: _poison(v, leaf) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, leaf) for v in value]
    return leaf(value)


def _with_nul(value: Any) -> Any:
    return value + "\x00" if isinstance(value, str) else value


def _too_big(value: Any) -> Any:
    is_int = isinstance(value, int) and not isinstance(value, bool)
    return 2**63 + 7 if is_int else value


def _calendar_end(value: Any) -> Any:
    if isinstance(value, str) and DATE.match(value):
        return "9999-12-31"
    if isinstance(value, str) and DATETIME.match(value):
        return "0001-01-01T00:00:00+14:00"
    return value


POISONS = [_with_nul, _too_big, _calendar_end]


def _fuzz(case: schemathesis.Case, headers: dict[str, str]) -> None:
    case.headers = {**(case.headers or {}), **headers}
    case.call_and_validate(
        checks=[not_a_server_error, response_schema_conformance, status_code_conformance_relaxed]
    )
    original = (case.body, case.query, case.path_parameters)
    for poison in POISONS:
        case.body = _poison(original[0], poison)
        case.query = _poison(original[1], poison)
        case.path_parameters = _poison(original[2], poison)
        response = case.call()
        assert response.status_code < 500, (poison.__name__, case.method, case.path, response.text)
    case.body, case.query, case.path_parameters = original


FUZZ_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)


@sqlite_schema.parametrize()
@FUZZ_SETTINGS
def test_api_conforms_to_its_schema_on_sqlite(
    case: schemathesis.Case, auth_headers: dict[str, dict[str, str]]
) -> None:
    _fuzz(case, auth_headers["sqlite"])


@pg_schema.parametrize()
@FUZZ_SETTINGS
def test_api_conforms_to_its_schema_on_postgresql(
    case: schemathesis.Case, auth_headers: dict[str, dict[str, str]]
) -> None:
    need("PostgreSQL", PG_FUZZ_URL is not None)
    _fuzz(case, auth_headers["postgresql"])


OUT_OF_RANGE = [
    ("GET", f"/api/todos/{2**63}", None),
    ("PATCH", f"/api/todos/{2**63}", {"title": "x"}),
    ("DELETE", f"/api/todos/{2**63}", None),
    ("POST", f"/api/todos/{2**63}/complete", None),
    ("POST", f"/api/todos/{2**63}/uncomplete", None),
    ("GET", f"/api/todos/{-(2**63) - 1}", None),
    ("GET", f"/api/todos/{2**31}", None),
    ("GET", f"/api/todos?offset={2**63}", None),
]


@pytest.mark.parametrize(("method", "path", "body"), OUT_OF_RANGE)
async def test_out_of_range_numbers_are_client_errors(
    api: AppUnderTest,
    sign_up_user: SignUp,
    method: str,
    path: str,
    body: Any,
) -> None:
    """A number the database cannot hold is "not found" / invalid input, never a 500."""
    user = await sign_up_user()
    kwargs = {} if body is None else {"json": body}
    r = await api.client.request(method, path, headers=user.headers, **kwargs)
    assert r.status_code in (404, 422), (r.status_code, r.text)
