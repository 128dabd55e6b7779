"""Reminders that fire: at a timed todo's due moment (less its lead time), exactly once however
many workers look, again for each occurrence of a repeating todo, late after a restart within a
grace period and otherwise marked missed."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from tests.conftest import AppUnderTest, SignUp
from todochat.db.models import Todo
from todochat.live.feed import MemoryFeed
from todochat.todos.reminders import Reminders

# 08:00 in Berlin on a Wednesday (the app's clock is set: nothing depends on today).
START = datetime(2027, 3, 3, 7, 0, tzinfo=UTC)


def _reminders(api: AppUnderTest, feed: MemoryFeed | None = None) -> Reminders:
    return Reminders(api.runtime.db, feed or MemoryFeed(), api.clock, grace_seconds=3600)


async def _todo(api: AppUnderTest, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    r = await api.client.post("/api/todos", headers=headers, json=body)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def test_a_timed_todo_reminds_at_its_due_moment_once(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    api.clock.now = START
    user = await sign_up_user(timezone="Europe/Berlin")
    todo = await _todo(
        api, user.headers, title="Call the plumber", due_date="2027-03-03", due_time="17:00"
    )
    assert todo["remind_at"] == "2027-03-03T16:00:00Z"  # 17:00 in Berlin
    await _todo(api, user.headers, title="All day", due_date="2027-03-03")  # no time: none
    await _todo(
        api,
        user.headers,
        title="Quiet",
        due_date="2027-03-03",
        due_time="17:00",
        remind_before_minutes=None,
    )
    feed = MemoryFeed()
    reminders = _reminders(api, feed)
    api.clock.now = datetime(2027, 3, 3, 15, 59, tzinfo=UTC)
    assert await reminders.tick() == []
    api.clock.now = datetime(2027, 3, 3, 16, 0, 20, tzinfo=UTC)
    sent = await reminders.tick()
    assert [(n["ids"], n["title"]) for n in sent] == [([todo["id"]], "Call the plumber")]
    assert await reminders.tick() == []
    # Renaming it does not remind again; moving it does.
    r = await api.client.patch(
        f"/api/todos/{todo['id']}", headers=user.headers, json={"title": "Call the plumber!"}
    )
    assert r.json()["remind_at"] is None
    r = await api.client.patch(
        f"/api/todos/{todo['id']}", headers=user.headers, json={"due_time": "18:30"}
    )
    assert r.json()["remind_at"] == "2027-03-03T17:30:00Z"
    # The notice reached the owner's feed.
    tail = feed.tail(user.id, "0", 0.05)
    assert [e.kind for e in await anext(tail)] == ["reminder"]


async def test_a_lead_time_reminds_that_much_earlier(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    api.clock.now = START
    user = await sign_up_user(timezone="UTC")
    todo = await _todo(
        api,
        user.headers,
        title="Dentist",
        due_date="2027-03-03",
        due_time="10:00",
        remind_before_minutes=30,
    )
    assert todo["remind_at"] == "2027-03-03T09:30:00Z"
    reminders = _reminders(api)
    api.clock.now = datetime(2027, 3, 3, 9, 30, tzinfo=UTC)
    assert [n["ids"] for n in await reminders.tick()] == [[todo["id"]]]


async def test_several_workers_deliver_each_reminder_once(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    api.clock.now = START
    user = await sign_up_user(timezone="UTC")
    ids = [
        (await _todo(api, user.headers, title=f"t{i}", due_date="2027-03-03", due_time="09:00"))[
            "id"
        ]
        for i in range(20)
    ]
    api.clock.now = datetime(2027, 3, 3, 9, 0, tzinfo=UTC)
    workers = [_reminders(api) for _ in range(4)]
    results = await asyncio.gather(*(w.tick() for w in workers))
    delivered = sorted(i for sent in results for notice in sent for i in notice["ids"])
    assert delivered == sorted(ids)


async def test_a_repeating_todo_reminds_at_every_occurrence(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    api.clock.now = START
    user = await sign_up_user(timezone="UTC")
    todo = await _todo(
        api,
        user.headers,
        title="Stand-up",
        due_date="2027-03-03",
        due_time="09:00",
        recurrence="FREQ=DAILY",
    )
    reminders = _reminders(api)
    for day in (3, 4, 5):
        api.clock.now = datetime(2027, 3, day, 9, 0, 5, tzinfo=UTC)
        assert [n["ids"] for n in await reminders.tick()] == [[todo["id"]]], day
        r = await api.client.post(f"/api/todos/{todo['id']}/complete", headers=user.headers)
        assert r.json()["rolled_forward"] is True
        assert r.json()["remind_at"] == f"2027-03-0{day + 1}T09:00:00Z"


async def test_after_a_restart_late_reminders_come_and_old_ones_are_missed(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    api.clock.now = START
    user = await sign_up_user(timezone="UTC")
    recent = await _todo(api, user.headers, title="Recent", due_date="2027-03-03", due_time="12:00")
    old = await _todo(api, user.headers, title="Old", due_date="2027-03-03", due_time="09:00")
    # The server was down from 08:30 to 12:20: 12:00 is 20 min late, 09:00 over 3 h.
    api.clock.now = datetime(2027, 3, 3, 12, 20, tzinfo=UTC)
    sent = await _reminders(api).tick()
    assert [n["title"] for n in sent] == ["Recent"]
    async with api.runtime.db.session() as session:
        rows = {
            t.id: t for t in await session.scalars(select(Todo).where(Todo.owner_id == user.id))
        }
    assert rows[old["id"]].reminder_missed and rows[old["id"]].remind_at is None
    assert not rows[recent["id"]].reminder_missed


async def test_snooze_reminds_again_later(api: AppUnderTest, sign_up_user: SignUp) -> None:
    api.clock.now = START
    user = await sign_up_user(timezone="UTC")
    todo = await _todo(api, user.headers, title="Water", due_date="2027-03-03", due_time="09:00")
    reminders = _reminders(api)
    api.clock.now = datetime(2027, 3, 3, 9, 0, tzinfo=UTC)
    assert len(await reminders.tick()) == 1
    r = await api.client.post(
        f"/api/todos/{todo['id']}/snooze", headers=user.headers, json={"minutes": 60}
    )
    assert r.status_code == 200 and r.json()["remind_at"] == "2027-03-03T10:00:00Z"
    api.clock.now += timedelta(minutes=59)
    assert await reminders.tick() == []
    api.clock.now += timedelta(minutes=1)
    assert len(await reminders.tick()) == 1
    for body in ({}, {"minutes": 0}, {"until": "2027-03-03T10:00:00"}):
        r = await api.client.post(
            f"/api/todos/{todo['id']}/snooze", headers=user.headers, json=body
        )
        assert r.status_code == 422, body


async def test_the_assistant_reads_a_lead_time(api: AppUnderTest, sign_up_user: SignUp) -> None:
    api.clock.now = START
    user = await sign_up_user(timezone="UTC")
    r = await api.client.post(
        f"/api/{user.id}/chat",
        headers=user.headers,
        json={"message": "dentist tomorrow at 10, remind me 30 minutes before"},
    )
    assert r.status_code == 200, r.text
    assert "reminder 30 min before" in r.json()["response"]
    todos = (await api.client.get("/api/todos", headers=user.headers)).json()
    assert [(t["title"], t["remind_before_minutes"], t["remind_at"]) for t in todos] == [
        ("Dentist", 30, "2027-03-04T09:30:00Z")
    ]


def test_lead_time_phrasings() -> None:
    from zoneinfo import ZoneInfo

    from todochat.nlu import CreateTasks, parse_message

    now = datetime(2027, 3, 3, 8, tzinfo=UTC)
    cases = {
        "call mom at 5pm and remind me an hour before": ("Call mom", 60),
        "standup every weekday at 9 ping me 5 min early": ("Standup", 5),
        "dentist at 10 remind me half an hour before": ("Dentist", 30),
        "flight on friday at 7am, remind me 1 day before": ("Flight", 1440),
        "remind me to call the plumber tomorrow at 5": ("Call the plumber", None),
        # No time to be early for: the words are not a lead time.
        "buy milk": ("Buy milk", None),
    }
    for text, (title, lead) in cases.items():
        intent = parse_message(text, now, ZoneInfo("UTC"))
        assert isinstance(intent, CreateTasks), text
        task = intent.tasks[0]
        assert (task.title, task.remind_before_minutes) == (title, lead), text
