"""The dialogue state lives with the conversation in the database: a correction, an answer to a
question or a confirmation works across a server restart, on SQLite and PostgreSQL, and an answer
given the next day still means the date that was offered."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tests.conftest import AppUnderTest, app_under_test, sign_up

BERLIN = ZoneInfo("Europe/Berlin")
SATURDAY = datetime(2026, 11, 21, 14, 30, tzinfo=BERLIN)


async def _say(api: AppUnderTest, user: Any, text: str, key: str) -> dict[str, Any]:
    r = await api.client.post(
        f"/api/{user.id}/chat",
        headers=user.headers,
        json={"message": text, "conversation_id": key},
    )
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


async def _todos(api: AppUnderTest, user: Any) -> dict[str, dict[str, Any]]:
    r = await api.client.get("/api/todos", params={"status": "all"}, headers=user.headers)
    return {t["title"]: t for t in r.json()}


async def test_a_correction_after_a_restart_changes_the_todo_just_added(
    database_url: str,
) -> None:
    async with app_under_test(database_url) as api:
        api.clock.now = SATURDAY
        user = await sign_up(api.client, "Europe/Berlin")
        body = await _say(api, user, "add dentist next tuesday 3pm", "c1")
        assert body["tool_calls"][0]["name"] == "add_task"
    async with app_under_test(database_url) as api:  # a new process on the same database
        api.clock.now = SATURDAY + timedelta(minutes=5)
        body = await _say(api, user, "no wait, 6 in the evening", "c1")
        assert [c["name"] for c in body["tool_calls"] if c["name"] != "list_tasks"] == [
            "update_task"
        ]
        todos = await _todos(api, user)
        assert list(todos) == ["Dentist"]
        assert (todos["Dentist"]["due_date"], todos["Dentist"]["due_time"]) == (
            "2026-11-24",
            "18:00",
        )


async def test_an_answer_the_next_day_means_the_date_that_was_offered(database_url: str) -> None:
    async with app_under_test(database_url) as api:
        api.clock.now = SATURDAY
        user = await sign_up(api.client, "Europe/Berlin")
        for title in ("Buy milk", "Buy oat milk"):
            r = await api.client.post("/api/todos", headers=user.headers, json={"title": title})
            assert r.status_code == 201
        body = await _say(api, user, "move the milk one to tomorrow", "c2")
        assert "Which one" in body["response"]
    async with app_under_test(database_url) as api:
        api.clock.now = SATURDAY + timedelta(days=1, hours=2)  # Sunday: "tomorrow" is Monday now
        body = await _say(api, user, "the oat one", "c2")
        todos = await _todos(api, user)
        # Saturday's "tomorrow" (Sunday, Nov 22), as the question offered it.
        assert todos["Buy oat milk"]["due_date"] == "2026-11-22"
        assert todos["Buy milk"]["due_date"] is None
        assert "Buy oat milk" in body["response"]


async def test_a_bulk_change_waits_for_yes_across_a_restart(database_url: str) -> None:
    async with app_under_test(database_url) as api:
        api.clock.now = SATURDAY
        user = await sign_up(api.client, "Europe/Berlin")
        for title, due in (("Pay rent", "2026-11-18"), ("Call bank", "2026-11-19")):
            await api.client.post(
                "/api/todos", headers=user.headers, json={"title": title, "due_date": due}
            )
        body = await _say(api, user, "close out all the late ones", "c3")
        assert "Reply 'yes'" in body["response"]
        assert all(not t["completed"] for t in (await _todos(api, user)).values())
    async with app_under_test(database_url) as api:
        api.clock.now = SATURDAY + timedelta(minutes=1)
        body = await _say(api, user, "yes", "c3")
        assert all(t["completed"] for t in (await _todos(api, user)).values())
        body = await _say(api, user, "undo", "c3")
        assert all(not t["completed"] for t in (await _todos(api, user)).values())
        assert "Undone" in body["response"]


async def test_each_conversation_has_its_own_state(database_url: str) -> None:
    async with app_under_test(database_url) as api:
        api.clock.now = SATURDAY
        user = await sign_up(api.client, "Europe/Berlin")
        await _say(api, user, "add call mom", "one")
        await _say(api, user, "add call dad", "two")
        await _say(api, user, "make it high priority", "one")
        todos = await _todos(api, user)
        assert todos["Call mom"]["priority"] == "high"
        assert todos["Call dad"]["priority"] == "none"
