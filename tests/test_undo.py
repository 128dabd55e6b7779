"""Undo, on SQLite and PostgreSQL: the change journal reverts the last group of changes, whether
it came from one REST request or from one chat turn, and never another user's."""

from __future__ import annotations

from typing import Any

from tests.conftest import AppUnderTest, SignUp
from tests.support.scripted import factory, tool_then_text
from todochat.agent.streaming import PlannedCall


async def _todos(api: AppUnderTest, headers: dict[str, str]) -> list[dict[str, Any]]:
    r = await api.client.get("/api/todos", params={"status": "all"}, headers=headers)
    return sorted(r.json(), key=lambda t: t["id"])


async def _undo(api: AppUnderTest, headers: dict[str, str]) -> dict[str, Any]:
    r = await api.client.post("/api/todos/undo", headers=headers)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


async def test_undo_walks_back_one_request_at_a_time(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    user = await sign_up_user(timezone="America/New_York")
    h = user.headers
    r = await api.client.post(
        "/api/todos",
        headers=h,
        json={
            "title": "Dentist",
            "due_date": "2026-12-03",
            "due_time": "15:00",
            "tags": ["health"],
        },
    )
    tid = r.json()["id"]
    created = r.json()
    await api.client.patch(
        f"/api/todos/{tid}", headers=h, json={"title": "Dentist (moved)", "add_tags": ["later"]}
    )
    await api.client.post(f"/api/todos/{tid}/complete", headers=h)
    # Each undo reverts one request, newest first.
    body = await _undo(api, h)
    assert body["undone"] is True
    assert [(c["action"], c["todo"]["completed"]) for c in body["changes"]] == [("reverted", False)]
    body = await _undo(api, h)
    todo = body["changes"][0]["todo"]
    assert (todo["title"], todo["tags"]) == ("Dentist", ["health"])
    assert (todo["due_date"], todo["due_time"]) == ("2026-12-03", "15:00")
    body = await _undo(api, h)
    assert [c["action"] for c in body["changes"]] == ["removed"]
    assert await _todos(api, h) == []
    assert await _undo(api, h) == {"undone": False, "changes": []}
    assert created["id"] == tid


async def test_undo_brings_back_what_was_deleted_with_its_id(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    user = await sign_up_user()
    h = user.headers
    r = await api.client.post(
        "/api/todos",
        headers=h,
        json={
            "title": "Water plants",
            "due_date": "2026-11-23",
            "recurrence": "FREQ=WEEKLY;BYDAY=MO",
            "priority": "high",
            "tags": ["home", "garden"],
            "description": "the ferns too",
        },
    )
    before = r.json()
    assert (await api.client.delete(f"/api/todos/{before['id']}", headers=h)).status_code == 200
    body = await _undo(api, h)
    assert [c["action"] for c in body["changes"]] == ["restored"]
    (after,) = await _todos(api, h)
    for key in (
        "id",
        "title",
        "description",
        "due_date",
        "recurrence",
        "priority",
        "tags",
        "created_at",
    ):
        assert after[key] == before[key], key
    # Completed todos cleared in one request come back together.
    ids = []
    for title in ("a", "b", "c"):
        r = await api.client.post("/api/todos", headers=h, json={"title": title})
        ids.append(r.json()["id"])
        await api.client.post(f"/api/todos/{ids[-1]}/complete", headers=h)
    r = await api.client.post("/api/todos/clear-completed", headers=h)
    assert r.json() == {"deleted": 3}
    body = await _undo(api, h)
    assert sorted(c["todo"]["id"] for c in body["changes"]) == ids
    assert len(await _todos(api, h)) == 4


async def test_undo_reverts_a_whole_chat_turn_and_nobody_elses(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    alice, bob = await sign_up_user(), await sign_up_user()
    ids = []
    for title in ("Milk", "Bread", "Eggs"):
        r = await api.client.post("/api/todos", headers=alice.headers, json={"title": title})
        ids.append(r.json()["id"])
    await api.client.post("/api/todos", headers=bob.headers, json={"title": "Bob's"})
    # One turn: two completions and a deletion (a multi-todo change).
    api.runtime.runs.model_factory = factory(
        tool_then_text(
            [
                PlannedCall("complete_task", {"task_id": ids[0]}),
                PlannedCall("complete_task", {"task_id": ids[1]}),
                PlannedCall("delete_task", {"task_id": ids[2]}),
            ],
            "Done.",
        )
    )
    r = await api.client.post(
        f"/api/{alice.id}/chat", headers=alice.headers, json={"message": "tidy up"}
    )
    assert r.status_code == 200
    assert [t["completed"] for t in await _todos(api, alice.headers)] == [True, True]
    # Bob's undo finds only his own change.
    body = await _undo(api, bob.headers)
    assert [c["todo"]["title"] for c in body["changes"]] == ["Bob's"]
    assert len(await _todos(api, alice.headers)) == 2
    # Alice says "undo" in chat: the model calls the undo tool; all three come back as they were.
    api.runtime.runs.model_factory = factory(tool_then_text([PlannedCall("undo", {})], "Undone."))
    r = await api.client.post(
        f"/api/{alice.id}/chat", headers=alice.headers, json={"message": "undo"}
    )
    result = r.json()["tool_calls"][0]["result"]
    assert result["status"] == "undone"
    assert sorted(c["status"] for c in result["changes"]) == ["restored", "reverted", "reverted"]
    todos = await _todos(api, alice.headers)
    assert [(t["id"], t["completed"]) for t in todos] == [(i, False) for i in ids]
    # The undo itself is not a change to undo: undoing again goes one request further back,
    # to the creation of "Eggs".
    r = await api.client.post(
        f"/api/{alice.id}/chat", headers=alice.headers, json={"message": "undo"}
    )
    result = r.json()["tool_calls"][0]["result"]
    assert [(c["status"], c["title"]) for c in result["changes"]] == [("removed", "Eggs")]
