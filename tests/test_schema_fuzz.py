"""Schemathesis over the app's own OpenAPI schema, in-process over ASGI, on SQLite.

Every operation gets a bounded number of generated requests, authenticated as a fresh user so the
protected operations are exercised past the token check. A request must never get a 5xx, and a
response with a documented status must match its documented schema. Error statuses the schema
does not list (401, 403, 404, 409, 413, 422, 429) are allowed: they are the app's documented
error contract (PROTOCOLS.md), not part of each operation's OpenAPI entry.

Event loop: schemathesis runs ASGI apps on one shared portal thread with its own event loop and
starts the app's lifespan there, so the app's database engine must be first used in that loop.
The database is migrated beforehand with a separate, disposed ``Database`` (``asyncio.run``), and
the app under test is built afterwards and only ever called through schemathesis' client.
"""

from __future__ import annotations

import asyncio
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.python import asgi
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from tests.conftest import AppUnderTest, SignUp, make_settings
from todochat.app import create_app
from todochat.config import sqlite_url
from todochat.db.engine import Database
from todochat.db.migrate import upgrade

# 400: FastAPI's own answer to a body that is not decodable JSON ("There was an error parsing
# the body"); a client error, never a crash.
ALLOWED_UNDOCUMENTED = {400, 401, 403, 404, 409, 413, 422, 429}

_DIR = Path(tempfile.mkdtemp(prefix="todochat-fuzz-"))
_URL = sqlite_url(_DIR / "todochat.db")


async def _migrate(url: str) -> None:
    db = Database(url)
    try:
        await upgrade(db)
    finally:
        await db.dispose()


asyncio.run(_migrate(_URL))
app = create_app(make_settings(_URL))

schema = schemathesis.openapi.from_asgi("/openapi.json", app).exclude(
    # Streaming endpoints answer text/event-stream that the schema does not describe beyond
    # "SSE"; their turns are the same as the non-streaming chat routes (fuzzed) and their
    # encodings are covered by tests/test_chat_stream.py. Fuzzing them only adds slow turns.
    path_regex=r"(/stream$|^/api/runs/\{run_id\}/events$)",
)


def status_code_conformance_relaxed(ctx: Any, response: Any, case: Any) -> bool | None:
    """Undocumented statuses fail, except the error contract's 4xx."""
    if response.status_code in ALLOWED_UNDOCUMENTED:
        return None
    return status_code_conformance(ctx, response, case)


@pytest.fixture(scope="module")
def auth_headers() -> Iterator[dict[str, str]]:
    """A fresh user's bearer token, obtained through the same in-process client."""
    username = f"fuzz_{secrets.token_hex(4)}"
    password = "correct horse battery"
    with asgi.get_client(app) as client:
        r = client.post(
            "http://testserver/api/auth/register",
            json={"username": username, "password": password, "timezone": "UTC"},
        )
        assert r.status_code == 201, r.text
        r = client.post(
            "http://testserver/api/auth/token", data={"username": username, "password": password}
        )
        assert r.status_code == 200, r.text
        yield {"Authorization": f"Bearer {r.json()['access_token']}"}
    asgi.shutdown_lifespans()


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_conforms_to_its_schema(case: schemathesis.Case, auth_headers: dict[str, str]) -> None:
    case.headers = {**(case.headers or {}), **auth_headers}
    case.call_and_validate(
        checks=[not_a_server_error, response_schema_conformance, status_code_conformance_relaxed]
    )


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
