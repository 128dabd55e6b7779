"""A turn sent twice with the same `Idempotency-Key` (a retry after a network error) runs once:
the repeat is answered with the first turn's events, on every route that starts a turn."""

from __future__ import annotations

import asyncio

from tests.conftest import AppUnderTest, SignUp
from tests.support.client import parse_sse


async def _todos(api: AppUnderTest, headers: dict[str, str]) -> list[str]:
    r = await api.client.get("/api/todos", headers=headers)
    return [t["title"] for t in r.json()]


def _run_id(raw: bytes) -> str:
    ids = [e["id"] for e in parse_sse(raw) if "id" in e]
    return ids[0].rpartition(":")[0]


async def test_a_repeated_stream_replays_the_same_turn(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    user = await sign_up_user()
    headers = user.headers | {"Idempotency-Key": "turn-1"}
    body = {"message": "add buy milk", "conversation_id": "kitchen"}
    first = await api.client.post(f"/api/{user.id}/chat/stream", headers=headers, json=body)
    again = await api.client.post(f"/api/{user.id}/chat/stream", headers=headers, json=body)
    assert first.status_code == again.status_code == 200
    assert _run_id(first.content) == _run_id(again.content)
    assert first.content == again.content  # the same events, byte for byte
    assert await _todos(api, user.headers) == ["Buy milk"]
    r = await api.client.get("/api/conversations/kitchen/messages", headers=user.headers)
    assert [m["role"] for m in r.json()["messages"]] == ["user", "assistant"]


async def test_every_route_that_starts_a_turn_honours_the_key(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    user = await sign_up_user()
    routes = [
        (f"/api/{user.id}/chat", {"message": "add call mom", "conversation_id": "c1"}),
        (
            "/api/todos/agent-create",
            {"messages": [{"role": "user", "content": "add pay rent"}], "session_id": "c2"},
        ),
        (
            "/api/todos/agent-create/stream",
            {"messages": [{"role": "user", "content": "add walk the dog"}], "session_id": "c3"},
        ),
        (
            "/api/aisdk/chat",
            {
                "id": "c4",
                "messages": [{"role": "user", "parts": [{"type": "text", "text": "add buy eggs"}]}],
                "trigger": "submit-message",
            },
        ),
        (
            "/api/agui",
            {
                "threadId": "c5",
                "messages": [{"id": "m", "role": "user", "content": "add fix bike"}],
            },
        ),
    ]
    for n, (path, body) in enumerate(routes):
        headers = user.headers | {"Idempotency-Key": f"k{n}"}
        first = await api.client.post(path, headers=headers, json=body)
        again = await api.client.post(path, headers=headers, json=body)
        assert first.status_code == again.status_code == 200, (path, again.text)
        assert first.content == again.content, path
    assert sorted(await _todos(api, user.headers)) == [
        "Buy eggs",
        "Call mom",
        "Fix bike",
        "Pay rent",
        "Walk the dog",
    ]


async def test_the_same_key_sent_twice_at_once_is_one_turn(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    user = await sign_up_user()
    headers = user.headers | {"Idempotency-Key": "race"}
    body = {"message": "add water the plants", "conversation_id": "garden"}
    a, b = await asyncio.gather(
        api.client.post(f"/api/{user.id}/chat", headers=headers, json=body),
        api.client.post(f"/api/{user.id}/chat", headers=headers, json=body),
    )
    assert a.status_code == b.status_code == 200, (a.text, b.text)
    assert a.json() == b.json()
    assert await _todos(api, user.headers) == ["Water the plants"]


async def test_a_key_is_the_users_own_and_names_one_message(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    alice, bob = await sign_up_user(), await sign_up_user()
    key = {"Idempotency-Key": "same"}
    r = await api.client.post(
        f"/api/{alice.id}/chat", headers=alice.headers | key, json={"message": "add buy bread"}
    )
    assert r.status_code == 200
    # Another message with that key: refused, nothing runs.
    r = await api.client.post(
        f"/api/{alice.id}/chat", headers=alice.headers | key, json={"message": "add buy wine"}
    )
    assert r.status_code == 409 and "different message" in r.text
    # Bob's key of the same name is Bob's.
    r = await api.client.post(
        f"/api/{bob.id}/chat", headers=bob.headers | key, json={"message": "add buy bread"}
    )
    assert r.status_code == 200
    assert await _todos(api, alice.headers) == ["Buy bread"]
    assert await _todos(api, bob.headers) == ["Buy bread"]
    r = await api.client.post(
        f"/api/{alice.id}/chat",
        headers=alice.headers | {"Idempotency-Key": "no spaces"},
        json={"message": "hi"},
    )
    assert r.status_code == 422 and "Idempotency-Key" in r.text


async def test_a_repeat_after_the_events_expired_says_so(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    user = await sign_up_user()
    headers = user.headers | {"Idempotency-Key": "old"}
    body = {"message": "add buy milk"}
    r = await api.client.post(f"/api/{user.id}/chat/stream", headers=headers, json=body)
    assert r.status_code == 200
    await api.runtime.events.close()  # the log forgets every run, as after its time to live
    r = await api.client.post(f"/api/{user.id}/chat/stream", headers=headers, json=body)
    assert r.status_code == 409 and "answered already" in r.text
    assert await _todos(api, user.headers) == ["Buy milk"]
