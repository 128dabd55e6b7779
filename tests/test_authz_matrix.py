"""Authorization matrix generated from the app's own routes (PROTOCOLS.md, Authentication).

Every ``APIRoute`` under ``/api/`` and every one of its methods is called with no token, an expired
token, a token with a forged signature, and another user's (B's) token, with path parameters filled
from user A's ids. None of these may reveal or change A's data: the first three answer ``401`` with
``WWW-Authenticate: Bearer``; B's token answers ``403`` on A's ``{user_id}`` path and ``404`` on A's
todo, conversation or run. New routes are covered automatically; the only exceptions are the routes
that are public by design, listed in ``PUBLIC_ROUTES``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute

from tests.conftest import TEST_SECRET, Account, AppUnderTest, SignUp

# Public by design: creating an account and logging in need no token.
PUBLIC_ROUTES = {
    ("POST", "/api/auth/register"),
    ("POST", "/api/auth/token"),
}

A_CONVERSATION = "a-conv"
A_MARKER = "zq-private-of-a-7731"

# A minimal valid body per route; any route not listed gets ``{}``. Ids in bodies are A's, so a
# route that takes ids in its body is also checked for reaching A's data with B's token.
BODIES: dict[tuple[str, str], Any] = {
    ("POST", "/api/{user_id}/chat"): {
        "message": "delete buy milk",
        "conversation_id": A_CONVERSATION,
    },
    ("POST", "/api/{user_id}/chat/stream"): {
        "message": "delete buy milk",
        "conversation_id": A_CONVERSATION,
    },
    ("POST", "/api/todos/agent-create"): {
        "messages": [{"role": "user", "content": "delete buy milk"}],
        "session_id": A_CONVERSATION,
    },
    ("POST", "/api/todos/agent-create/stream"): {
        "messages": [{"role": "user", "content": "delete buy milk"}],
        "session_id": A_CONVERSATION,
    },
    ("POST", "/api/aisdk/chat"): {
        "id": A_CONVERSATION,
        "messages": [{"role": "user", "parts": [{"type": "text", "text": "delete buy milk"}]}],
        "trigger": "submit-message",
    },
    ("POST", "/api/chatkit"): {
        "type": "threads.add_user_message",
        "params": {
            "thread_id": A_CONVERSATION,
            "input": {
                "content": [{"type": "input_text", "text": "delete buy milk"}],
                "attachments": [],
                "inference_options": {},
            },
        },
    },
    ("POST", "/api/conversations"): {"id": A_CONVERSATION},
    ("POST", "/api/todos/agent-sessions/new"): {"session_id": A_CONVERSATION},
    ("POST", "/api/todos"): {"title": "a todo of b's"},
    ("PATCH", "/api/todos/{todo_id}"): {"title": "hijacked", "priority": "high"},
    ("POST", "/api/todos/{todo_id}/snooze"): {"minutes": 60},
    ("POST", "/api/parse"): {"text": "delete buy milk"},
    ("PATCH", "/api/me"): {"timezone": "Asia/Tokyo"},
}

NOTHING_TO_RESUME = {("GET", "/api/aisdk/chat/{chat_id}/stream")}
# Streams that never end by themselves (the in-process client reads a body to its end), so
# another user's token on them is tested against a live server instead: tests/test_live.py
# (a user's feed carries that user's changes only).
ENDLESS = {("GET", "/api/events")}
PATH_PARAM = re.compile(r"{([^}:]+)(?::[^}]*)?}")


def _flat_routes(app: FastAPI) -> list[tuple[Any, str]]:
    """(route, full path) for every route; newer FastAPI keeps included routers nested."""
    try:
        from fastapi.routing import iter_route_contexts  # FastAPI >= 0.165
    except ImportError:
        return [(r, getattr(r, "path", "")) for r in app.routes]
    return [(c.original_route, c.path or "") for c in iter_route_contexts(app.routes)]


def api_routes(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) of every API route, sorted; HEAD/OPTIONS are served by the same handlers."""
    found = set()
    for route, path in _flat_routes(app):
        if isinstance(route, APIRoute) and path.startswith("/api/"):
            for method in route.methods:
                if method not in {"HEAD", "OPTIONS"}:
                    found.add((method, path))
    return sorted(found)


@dataclass
class World:
    a: Account
    b: Account
    todo_id: int
    marker_todo_id: int
    run_id: str

    def fill(self, path: str) -> str:
        values = {
            "user_id": str(self.a.id),
            "todo_id": str(self.todo_id),
            "conversation_id": A_CONVERSATION,
            "chat_id": A_CONVERSATION,
            "run_id": self.run_id,
        }

        def sub(match: re.Match[str]) -> str:
            name = match.group(1)
            assert name in values, f"{path}: add a filler for path parameter {{{name}}}"
            return values[name]

        return PATH_PARAM.sub(sub, path)


def token_for(user_id: int, secret: str, *, expired: bool = False) -> str:
    now = datetime.now(UTC)
    issued = now - timedelta(hours=3) if expired else now
    exp = now - timedelta(hours=1) if expired else now + timedelta(hours=1)
    claims = {"sub": str(user_id), "iat": issued, "exp": exp, "typ": "access"}
    return jwt.encode(claims, secret, algorithm="HS256")


async def make_world(api: AppUnderTest, sign_up_user: SignUp) -> World:
    a = await sign_up_user()
    b = await sign_up_user()
    c = api.client
    r = await c.post(
        f"/api/{a.id}/chat",
        headers=a.headers,
        json={"message": "add buy milk", "conversation_id": A_CONVERSATION},
    )
    assert r.status_code == 200, r.text
    r = await c.get("/api/todos", headers=a.headers)
    assert r.status_code == 200, r.text
    milk = [t for t in r.json() if "milk" in t["title"].lower()]
    assert len(milk) == 1, r.json()
    # A completed todo too, so B's "clear completed" has something of A's it must not touch.
    r = await c.post(
        "/api/todos",
        headers=a.headers,
        json={"title": A_MARKER, "description": A_MARKER, "tags": [A_MARKER]},
    )
    assert r.status_code == 201, r.text
    marker_id = r.json()["id"]
    r = await c.post(f"/api/todos/{marker_id}/complete", headers=a.headers)
    assert r.status_code == 200, r.text
    r = await c.get(f"/api/conversations/{A_CONVERSATION}/messages", headers=a.headers)
    assert r.status_code == 200, r.text
    run_ids = {m["run_id"] for m in r.json()["messages"] if m.get("run_id")}
    assert len(run_ids) == 1, r.json()
    return World(a, b, milk[0]["id"], marker_id, run_ids.pop())


async def snapshot(api: AppUnderTest, w: World) -> dict[str, Any]:
    """Everything of A's that the matrix could disturb, as A sees it."""
    h = w.a.headers
    paths = [
        "/api/me",
        f"/api/todos/{w.todo_id}",
        f"/api/todos/{w.marker_todo_id}",
        "/api/todos?status=all",
        "/api/tags",
        "/api/conversations",
        f"/api/conversations/{A_CONVERSATION}/messages",
        "/api/usage",
    ]
    result: dict[str, Any] = {}
    for path in paths:
        r = await api.client.get(path, headers=h)
        result[path] = (r.status_code, r.json())
    return result


def leaks(w: World, text: str) -> bool:
    return A_MARKER in text or w.run_id in text or w.a.username in text


CREDENTIALS = ["none", "expired", "forged", "other_user"]


@pytest.mark.parametrize("credential", CREDENTIALS)
async def test_authorization_matrix(
    api: AppUnderTest, sign_up_user: SignUp, credential: str
) -> None:
    w = await make_world(api, sign_up_user)
    headers = {
        "none": {},
        "expired": {"Authorization": f"Bearer {token_for(w.a.id, TEST_SECRET, expired=True)}"},
        "forged": {"Authorization": f"Bearer {token_for(w.a.id, 'forged-' + 'y' * 40)}"},
        "other_user": w.b.headers,
    }[credential]
    routes = api_routes(api.app)
    assert set(routes) >= PUBLIC_ROUTES, "a public exception no longer exists; update the list"
    documented = {
        (method.upper(), path)
        for path, item in api.app.openapi()["paths"].items()
        if path.startswith("/api/")
        for method in item
    }
    assert documented <= set(routes), f"routes missed by the walk: {documented - set(routes)}"
    before = await snapshot(api, w)
    failures: list[str] = []
    checked = 0
    for method, template in routes:
        if (method, template) in PUBLIC_ROUTES:
            continue
        checked += 1
        if credential == "other_user" and (method, template) in ENDLESS:
            continue
        path = w.fill(template)
        body = BODIES.get((method, template), {})
        kwargs: dict[str, Any] = {} if method in {"GET", "DELETE"} else {"json": body}
        r = await api.client.request(method, path, headers=headers, **kwargs)
        where = f"{method} {path} ({credential}) body={body!r} -> {r.status_code} {r.text[:300]!r}"
        if credential != "other_user":
            if r.status_code != 401 or r.headers.get("www-authenticate") != "Bearer":
                failures.append(f"expected 401 + WWW-Authenticate: Bearer: {where}")
        elif "{user_id}" in template:
            if r.status_code != 403:
                failures.append(f"expected 403 on another user's path: {where}")
        elif (method, template) in NOTHING_TO_RESUME:
            # The AI SDK asks on every page load whether a reply is being written in a chat;
            # another user's chat answers exactly as a chat that does not exist: nothing.
            if r.status_code != 204 or r.content:
                failures.append(f"expected an empty 204 for A's chat: {where}")
        elif PATH_PARAM.search(template):
            if r.status_code != 404:
                failures.append(f"expected 404 for A's id: {where}")
        else:
            # B's own collection routes: allowed, but only on B's data.
            if r.status_code >= 500:
                failures.append(f"server error: {where}")
            if leaks(w, r.text):
                failures.append(f"A's data in B's response: {where}")
        after = await snapshot(api, w)
        if after != before:
            changed = [k for k in before if before[k] != after[k]]
            failures.append(f"A's data changed ({changed}): {where}")
            before = after
    assert checked >= 20, f"only {checked} protected routes found"
    assert not failures, "\n".join(failures)


async def test_ids_in_bodies_stay_within_the_caller(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    """B naming A's conversation id in a body gets a conversation of B's own, never A's."""
    w = await make_world(api, sign_up_user)
    before = await snapshot(api, w)
    c, b = api.client, w.b

    r = await c.post(
        f"/api/{b.id}/chat",
        headers=b.headers,
        json={"message": "delete buy milk", "conversation_id": A_CONVERSATION},
    )
    assert r.status_code == 200, r.text
    assert r.json()["conversation_id"] == A_CONVERSATION and not leaks(w, r.text)

    r = await c.post(
        "/api/todos/agent-create",
        headers=b.headers,
        json={
            "messages": [{"role": "user", "content": "complete buy milk"}],
            "session_id": A_CONVERSATION,
        },
    )
    assert r.status_code == 200, r.text
    assert r.json()["session_id"] == A_CONVERSATION and not leaks(w, r.text)
    # B's history holds B's turns only.
    history = r.json()["history"]
    assert all("add buy milk" not in str(m.get("content", "")) for m in history), history

    r = await c.post(
        f"/api/{b.id}/chat/stream",
        headers=b.headers,
        json={"message": "show my todos", "conversation_id": A_CONVERSATION},
    )
    assert r.status_code == 200 and not leaks(w, r.text), r.text

    r = await c.get(f"/api/conversations/{A_CONVERSATION}/messages", headers=b.headers)
    assert r.status_code == 200, r.text
    b_messages = r.json()["messages"]
    assert not leaks(w, r.text)
    assert all(m.get("run_id") != w.run_id for m in b_messages)
    assert not any(m.get("content") == "add buy milk" for m in b_messages), b_messages

    # Client-chosen ids are per user: B may create "a-conv" (B has one now, so 409) and
    # "fresh" without touching A's.
    r = await c.post("/api/conversations", headers=b.headers, json={"id": A_CONVERSATION})
    assert r.status_code in (201, 409), r.text
    r = await c.get(
        "/api/todos", headers=b.headers, params={"status": "all", "tag": A_MARKER, "q": A_MARKER}
    )
    assert r.status_code == 200 and r.json() == [], r.text

    assert await snapshot(api, w) == before
