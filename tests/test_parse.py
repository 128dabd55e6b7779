"""`POST /api/parse`: the composer's preview of what the offline reader takes from a message."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import AppUnderTest, SignUp

# A Saturday morning in Berlin (set on the app's clock: no test depends on today).
NOW = datetime(2027, 3, 6, 9, 30, tzinfo=UTC)


def _marked(text: str, spans: list[dict[str, object]]) -> list[tuple[str, object]]:
    return [(text[s["start"] : s["end"]], s["kind"]) for s in spans]  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "marked", "summary", "title"),
    [
        (
            "call the plumber tomorrow at 5 p1 #home",
            [("tomorrow", "when"), ("at 5", "when"), ("p1", "priority"), ("#home", "tag")],
            "Sun, Mar 7 at 5 PM · high priority · #home",
            "Call the plumber",
        ),
        (
            "water the plants every monday and thursday",
            [("every monday and thursday", "repeat")],
            "Mon, Mar 8 · every Monday and Thursday",
            "Water the plants",
        ),
        ("buy milk", [], "", "Buy milk"),
    ],
)
async def test_the_preview_marks_what_the_assistant_will_read(
    api: AppUnderTest,
    sign_up_user: SignUp,
    text: str,
    marked: list[tuple[str, str]],
    summary: str,
    title: str,
) -> None:
    api.clock.now = NOW
    user = await sign_up_user(timezone="Europe/Berlin")
    r = await api.client.post("/api/parse", headers=user.headers, json={"text": text})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["kind"] == "create_tasks"
    assert _marked(text, body["spans"]) == marked
    assert [t["summary"] for t in body["tasks"]] == [summary]
    assert body["tasks"][0]["title"] == title


async def test_a_question_has_no_todo_to_preview(api: AppUnderTest, sign_up_user: SignUp) -> None:
    user = await sign_up_user()
    r = await api.client.post(
        "/api/parse", headers=user.headers, json={"text": "what's due today?"}
    )
    assert r.status_code == 200
    assert r.json()["tasks"] == [] and r.json()["spans"] == []


async def test_bad_input_is_a_readable_422(api: AppUnderTest, sign_up_user: SignUp) -> None:
    user = await sign_up_user()
    for body, where in (
        ({"text": "x", "timezone": "Mars/Olympus"}, "timezone"),
        ({"text": "x" * 10_001}, "text"),
        ({}, "text"),
    ):
        r = await api.client.post("/api/parse", headers=user.headers, json=body)
        assert r.status_code == 422, r.text
        assert where in r.text
