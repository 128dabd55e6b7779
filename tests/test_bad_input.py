"""Bad input on SQLite and PostgreSQL: a clear 4xx, never a 500, and nothing half stored.

PostgreSQL refuses NUL characters in text outright, dates near the calendar's ends overflow
when moved between timezones, and ids past 32 bits overflow its integers: each case below
answered 500 once.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import AppUnderTest, SignUp
from tests.support.scripted import factory, tool_then_text
from todochat.agent.streaming import PlannedCall

NUL = "a\x00b"


async def test_nul_characters_are_refused_or_not_found(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    user = await sign_up_user()
    h = user.headers
    r = await api.client.post("/api/auth/token", data={"username": NUL, "password": "whatever"})
    assert r.status_code == 401
    r = await api.client.post("/api/auth/token", data={"username": user.username, "password": NUL})
    assert r.status_code == 401
    refused: list[tuple[str, str, dict[str, Any]]] = [
        ("POST", "/api/todos", {"json": {"title": NUL}}),
        ("POST", "/api/todos", {"json": {"title": "ok", "description": NUL}}),
        ("POST", "/api/todos", {"json": {"title": "ok", "tags": [NUL]}}),
        ("GET", "/api/todos", {"params": {"q": NUL}}),
        ("GET", "/api/todos", {"params": {"tag": NUL}}),
        ("POST", f"/api/{user.id}/chat", {"json": {"message": NUL}}),
        ("POST", f"/api/{user.id}/chat", {"json": {"message": "hi", "timezone": NUL}}),
        ("POST", f"/api/{user.id}/chat/stream", {"json": {"message": NUL}}),
        (
            "POST",
            "/api/todos/agent-create",
            {"json": {"messages": [{"role": "user", "content": NUL}]}},
        ),
        ("PATCH", "/api/me", {"json": {"timezone": NUL}}),
        (
            "POST",
            "/api/auth/register",
            {"json": {"username": NUL, "password": "long enough"}},
        ),
        (
            "POST",
            "/api/auth/register",
            {"json": {"username": "fine_name", "password": "long\x00enough"}},
        ),
    ]
    for method, path, kwargs in refused:
        r = await api.client.request(method, path, headers=h, **kwargs)
        assert r.status_code == 422, (method, path, kwargs, r.status_code, r.text)
    r = await api.client.post("/api/todos", headers=h, json={"title": "ok"})
    tid = r.json()["id"]
    r = await api.client.patch(f"/api/todos/{tid}", headers=h, json={"title": NUL})
    assert r.status_code == 422
    for method, path in [
        ("GET", "/api/conversations/%00/messages"),
        ("DELETE", "/api/conversations/%00"),
        ("GET", "/api/runs/%00/events"),
        ("POST", "/api/runs/%00/cancel"),
        ("GET", "/api/todos/agent-sessions/%00/history"),
    ]:
        r = await api.client.request(method, path, headers=h)
        assert r.status_code == 404, (method, path, r.status_code, r.text)
    r = await api.client.post("/api/conversations", headers=h, json={"id": NUL})
    assert r.status_code == 422
    # Nothing was stored on the way.
    todos = (await api.client.get("/api/todos", headers=h)).json()
    assert [t["title"] for t in todos] == ["ok"]


@pytest.mark.parametrize("timezone", ["Pacific/Pago_Pago", "Pacific/Kiritimati", "UTC"])
async def test_dates_at_the_calendars_edges(
    api: AppUnderTest, sign_up_user: SignUp, timezone: str
) -> None:
    user = await sign_up_user(timezone=timezone)
    h = user.headers
    for body in (
        {"title": "x", "due_date": "9999-12-31", "due_time": "23:59"},
        {"title": "x", "due_date": "9999-12-31"},
        {"title": "x", "due_date": "0001-01-01"},
        {"title": "x", "due_date": "0001-01-01", "due_time": "00:00"},
        {"title": "x", "due_at": "9999-12-31T23:59:00-12:00"},
        {"title": "x", "due_at": "0001-01-01T00:00:00+14:00"},
        {"title": "x", "due_date": "9999-12-31", "recurrence": "FREQ=DAILY"},
    ):
        r = await api.client.post("/api/todos", headers=h, json=body)
        assert r.status_code == 422, (body, r.status_code, r.text)
        assert "due" in r.text
    # The last dates that are accepted render in every timezone and roll forward safely.
    r = await api.client.post(
        "/api/todos",
        headers=h,
        json={
            "title": "edge",
            "due_date": "9998-12-31",
            "due_time": "23:59",
            "recurrence": "FREQ=YEARLY",
        },
    )
    assert r.status_code == 201, r.text
    tid = r.json()["id"]
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago", "Etc/GMT+12"):
        assert (
            await api.client.patch("/api/me", headers=h, json={"timezone": zone})
        ).status_code == 200
        assert (await api.client.get(f"/api/todos/{tid}", headers=h)).status_code == 200
    r = await api.client.post(f"/api/todos/{tid}/complete", headers=h)
    assert r.status_code == 200, r.text
    r = await api.client.post(f"/api/todos/{tid}/complete", headers=h)
    assert r.status_code == 200, r.text
    r = await api.client.patch(f"/api/todos/{tid}", headers=h, json={"due_date": "9999-12-31"})
    assert r.status_code == 422


async def test_a_date_the_tool_cannot_store_gets_an_answer_in_chat(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    """Through chat, the built-in assistant says why instead of an empty reply."""
    user = await sign_up_user(timezone="Pacific/Pago_Pago")
    r = await api.client.post(
        f"/api/{user.id}/chat",
        headers=user.headers,
        json={"message": "add party on 9999-12-31 at 11:59pm"},
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["response"].strip(), body
    assert "couldn't" in body["response"].lower() or "can't" in body["response"].lower()
    assert (await api.client.get("/api/todos", headers=user.headers)).json() == []


async def test_a_failing_tool_reports_safely_and_the_turn_answers(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    """A scripted model sends arguments no tool accepts: the tool answers an error, the turn
    still completes, and no exception text reaches the client."""
    api.runtime.runs.model_factory = factory(
        tool_then_text(
            [PlannedCall("add_task", {"title": "x", "due_date": "9999-12-31", "priority": 7})],
            "Sorry.",
        )
    )
    user = await sign_up_user()
    r = await api.client.post(f"/api/{user.id}/chat", headers=user.headers, json={"message": "x"})
    assert r.status_code == 200
    result = r.json()["tool_calls"][0]["result"]
    assert result["code"] == "invalid_input"
    assert "Traceback" not in r.text and "pydantic" not in r.text.lower()


@pytest.mark.parametrize("conversation_id", ["abc\n", "abc\r\n", "\nabc", "ab c", "a" * 129, ""])
async def test_conversation_ids_are_checked_alike_by_every_encoding(
    api: AppUnderTest, sign_up_user: SignUp, conversation_id: str
) -> None:
    user = await sign_up_user()
    for path, body in (
        (f"/api/{user.id}/chat", {"message": "hi", "conversation_id": conversation_id}),
        (f"/api/{user.id}/chat/stream", {"message": "hi", "conversation_id": conversation_id}),
        (
            "/api/todos/agent-create",
            {"messages": [{"role": "user", "content": "hi"}], "session_id": conversation_id},
        ),
        (
            "/api/todos/agent-create/stream",
            {"messages": [{"role": "user", "content": "hi"}], "session_id": conversation_id},
        ),
        ("/api/conversations", {"id": conversation_id}),
    ):
        r = await api.client.post(path, headers=user.headers, json=body)
        assert r.status_code == 422, (path, repr(conversation_id), r.status_code)


async def test_usernames_are_unique_ignoring_case(api: AppUnderTest) -> None:
    r = await api.client.post(
        "/api/auth/register", json={"username": "RaceX", "password": "long enough"}
    )
    assert r.status_code == 201
    for other in ("racex", "RACEX", "raceX"):
        r = await api.client.post(
            "/api/auth/register", json={"username": other, "password": "long enough"}
        )
        assert r.status_code == 409, other
    for typed in ("racex", "RACEX", "RaceX"):
        r = await api.client.post(
            "/api/auth/token", data={"username": typed, "password": "long enough"}
        )
        assert r.status_code == 200, typed
    me = await api.client.get(
        "/api/me", headers={"Authorization": f"Bearer {r.json()['access_token']}"}
    )
    assert me.json()["username"] == "RaceX"  # kept as it was typed


async def test_the_database_holds_usernames_unique_ignoring_case(api: AppUnderTest) -> None:
    from sqlalchemy.exc import IntegrityError

    from todochat.db.models import User

    async with api.runtime.db.session() as session:
        session.add(User(username="Dup", password_hash="x", timezone="UTC"))
        await session.commit()
        session.add(User(username="dUP", password_hash="x", timezone="UTC"))
        with pytest.raises(IntegrityError):
            await session.commit()
