"""The todos REST API on real SQLite and PostgreSQL: rules, filters, ordering, isolation."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.conftest import Account, AppUnderTest, SignUp


async def create(api: AppUnderTest, user: Account, **body: Any) -> dict[str, Any]:
    r = await api.client.post("/api/todos", headers=user.headers, json=body)
    assert r.status_code == 201, r.text
    return r.json()


async def titles(api: AppUnderTest, user: Account, **params: Any) -> list[str]:
    r = await api.client.get("/api/todos", headers=user.headers, params=params)
    assert r.status_code == 200, r.text
    return [t["title"] for t in r.json()]


async def test_crud_round_trip(api: AppUnderTest, sign_up_user: SignUp) -> None:
    user = await sign_up_user(timezone="Europe/Berlin")
    todo = await create(
        api,
        user,
        title="Call the plumber",
        description="leak under sink",
        due_date="2026-11-22",
        due_time="17:00",
        priority="high",
        tags=["Home", "#urgent"],
    )
    assert todo["due_date"] == "2026-11-22" and todo["due_time"] == "17:00"
    assert todo["due_at"] == "2026-11-22T16:00:00Z"  # Berlin is UTC+1 in November
    assert todo["all_day"] is False and todo["tags"] == ["home", "urgent"]
    assert todo["completed"] is False and todo["completed_at"] is None
    tid = todo["id"]

    r = await api.client.patch(
        f"/api/todos/{tid}",
        headers=user.headers,
        json={"title": "Call the plumber back", "due_time": "09:30", "tags": ["home"]},
    )
    assert r.status_code == 200
    updated = r.json()
    assert updated["title"] == "Call the plumber back"
    assert (updated["due_date"], updated["due_time"]) == ("2026-11-22", "09:30")
    assert updated["tags"] == ["home"] and updated["priority"] == "high"

    r = await api.client.patch(f"/api/todos/{tid}", headers=user.headers, json={"due_date": None})
    assert r.json()["due_date"] is None and r.json()["due_at"] is None

    done = (await api.client.post(f"/api/todos/{tid}/complete", headers=user.headers)).json()
    assert done["completed"] is True and done["completed_at"] is not None
    assert done["rolled_forward"] is False
    again = (await api.client.post(f"/api/todos/{tid}/uncomplete", headers=user.headers)).json()
    assert again["completed"] is False and again["completed_at"] is None

    r = await api.client.delete(f"/api/todos/{tid}", headers=user.headers)
    assert r.status_code == 200 and r.json()["id"] == tid
    assert (await api.client.get(f"/api/todos/{tid}", headers=user.headers)).status_code == 404


async def test_due_at_with_offset(api: AppUnderTest, sign_up_user: SignUp) -> None:
    user = await sign_up_user(timezone="Asia/Tokyo")
    todo = await create(api, user, title="Standup", due_at="2026-11-22T09:00:00-05:00")
    assert todo["due_at"] == "2026-11-22T14:00:00Z"
    assert (todo["due_date"], todo["due_time"]) == ("2026-11-22", "23:00")


async def test_users_cannot_see_or_touch_each_others_todos(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    alice, bob = await sign_up_user(), await sign_up_user()
    secret = await create(api, alice, title="Alice's secret", tags=["private"])
    tid = secret["id"]
    c = api.client
    h = bob.headers
    assert (await c.get(f"/api/todos/{tid}", headers=h)).status_code == 404
    assert (
        await c.patch(f"/api/todos/{tid}", headers=h, json={"title": "pwned"})
    ).status_code == 404
    assert (await c.post(f"/api/todos/{tid}/complete", headers=h)).status_code == 404
    assert (await c.post(f"/api/todos/{tid}/uncomplete", headers=h)).status_code == 404
    assert (await c.delete(f"/api/todos/{tid}", headers=h)).status_code == 404
    assert await titles(api, bob, status="all") == []
    assert await titles(api, bob, q="secret", status="all") == []
    assert (await c.get("/api/tags", headers=h)).json() == []
    assert (await c.post("/api/todos/clear-completed", headers=h)).json() == {"deleted": 0}
    # Unknown ids look exactly like someone else's.
    missing = await c.get("/api/todos/999999", headers=h)
    theirs = await c.get(f"/api/todos/{tid}", headers=h)
    assert missing.json() == theirs.json()
    mine = (await c.get(f"/api/todos/{tid}", headers=alice.headers)).json()
    assert mine["title"] == "Alice's secret" and mine["completed"] is False


async def test_today_and_overdue_across_timezones(api: AppUnderTest, sign_up_user: SignUp) -> None:
    # 11:30 UTC is already Sunday 00:30 in Auckland but still Saturday 03:30 in Los Angeles.
    api.clock.now = datetime(2026, 11, 21, 11, 30, tzinfo=UTC)
    akl = await sign_up_user(timezone="Pacific/Auckland")
    lax = await sign_up_user(timezone="America/Los_Angeles")
    for user in (akl, lax):
        await create(api, user, title="sat", due_date="2026-11-21")
        await create(api, user, title="sun", due_date="2026-11-22")
        await create(api, user, title="fri", due_date="2026-11-20")
        await create(api, user, title="mon", due_date="2026-11-23")
        await create(api, user, title="undated")
    await create(api, lax, title="sat 2am", due_date="2026-11-21", due_time="02:00")
    await create(api, lax, title="sat 9am", due_date="2026-11-21", due_time="09:00")

    assert await titles(api, akl, due="today") == ["sun"]
    assert await titles(api, akl, due="overdue") == ["fri", "sat"]
    assert await titles(api, akl, due="upcoming") == ["mon"]
    assert await titles(api, lax, due="today") == ["sat 2am", "sat", "sat 9am"]
    assert await titles(api, lax, due="overdue") == ["fri", "sat 2am"]
    assert await titles(api, lax, due="upcoming") == ["sun", "mon"]
    assert await titles(api, lax, due="none") == ["undated"]


async def test_open_ordering(api: AppUnderTest, sign_up_user: SignUp) -> None:
    api.clock.now = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
    user = await sign_up_user(timezone="UTC")
    await create(api, user, title="undated")
    await create(api, user, title="later", due_date="2026-11-25", due_time="10:00")
    await create(api, user, title="today 15:00", due_date="2026-11-21", due_time="15:00")
    await create(api, user, title="today all-day", due_date="2026-11-21")
    await create(api, user, title="overdue 08:00", due_date="2026-11-21", due_time="08:00")
    await create(api, user, title="overdue yesterday", due_date="2026-11-20")
    await create(api, user, title="23rd midnight", due_date="2026-11-23", due_time="00:00")
    await create(api, user, title="23rd all-day", due_date="2026-11-23")
    assert await titles(api, user) == [
        "overdue yesterday",
        "overdue 08:00",
        "today all-day",
        "today 15:00",
        "23rd all-day",
        "23rd midnight",
        "later",
        "undated",
    ]


async def test_completed_newest_first_and_status_filters(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    user = await sign_up_user()
    ids = [(await create(api, user, title=f"t{i}"))["id"] for i in range(4)]
    for minute, tid in enumerate(ids[:3]):
        api.clock.now = datetime(2026, 11, 21, 12, minute, tzinfo=UTC)
        await api.client.post(f"/api/todos/{tid}/complete", headers=user.headers)
    assert await titles(api, user, status="completed") == ["t2", "t1", "t0"]
    assert await titles(api, user) == ["t3"]
    assert len(await titles(api, user, status="all")) == 4
    r = await api.client.post("/api/todos/clear-completed", headers=user.headers)
    assert r.json() == {"deleted": 3}
    assert await titles(api, user, status="all") == ["t3"]


async def test_tag_priority_search_and_paging(api: AppUnderTest, sign_up_user: SignUp) -> None:
    user = await sign_up_user()
    await create(api, user, title="Buy MILK", tags=["shopping"], priority="high")
    await create(api, user, title="Buy eggs", tags=["shopping", "urgent"])
    await create(api, user, title="Write report", description="quarterly milk figures")
    await create(api, user, title="100% done?", priority="low")
    assert await titles(api, user, tag="shopping") == ["Buy MILK", "Buy eggs"]
    assert await titles(api, user, tag="#Shopping") == ["Buy MILK", "Buy eggs"]
    assert await titles(api, user, priority="high") == ["Buy MILK"]
    assert await titles(api, user, q="milk") == ["Buy MILK", "Write report"]
    assert await titles(api, user, q="buy eggs") == ["Buy eggs"]
    assert await titles(api, user, q="100%") == ["100% done?"]
    assert await titles(api, user, q="_") == []
    assert await titles(api, user, limit=2, offset=1) == ["Buy eggs", "Write report"]
    tags = (await api.client.get("/api/tags", headers=user.headers)).json()
    assert tags == [{"name": "shopping", "open_count": 2}, {"name": "urgent", "open_count": 1}]


@pytest.mark.parametrize(
    ("rule", "due", "now", "expected"),
    [
        # Weekly on Mon and Thu: completing Monday's lands on Thursday.
        ("FREQ=WEEKLY;BYDAY=MO,TH", ("2026-11-23", None), "2026-11-23T10:00", ("2026-11-26", None)),
        # Monthly on the 31st clamps to February's last day...
        (
            "FREQ=MONTHLY;BYMONTHDAY=31",
            ("2027-01-31", None),
            "2027-01-31T09:00",
            ("2027-02-28", None),
        ),
        # ...and a plain monthly rule anchored on the 31st does the same.
        ("FREQ=MONTHLY", ("2027-01-31", None), "2027-01-31T09:00", ("2027-02-28", None)),
        # Weekdays: Friday 09:00 rolls to Monday 09:00.
        (
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
            ("2026-11-27", "09:00"),
            "2026-11-27T10:00",
            ("2026-11-30", "09:00"),
        ),
        # An overdue daily todo never rolls onto a day already past.
        ("FREQ=DAILY", ("2026-11-10", None), "2026-11-21T08:00", ("2026-11-22", None)),
        # Every other week keeps its cadence from the due date.
        (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
            ("2026-11-18", "07:00"),
            "2026-11-18T08:00",
            ("2026-12-02", "07:00"),
        ),
    ],
)
async def test_recurring_completion_rolls_forward(
    api: AppUnderTest,
    sign_up_user: SignUp,
    rule: str,
    due: tuple[str, str | None],
    now: str,
    expected: tuple[str, str | None],
) -> None:
    user = await sign_up_user(timezone="America/New_York")
    from zoneinfo import ZoneInfo

    api.clock.now = datetime.fromisoformat(now).replace(tzinfo=ZoneInfo("America/New_York"))
    body: dict[str, Any] = {"title": "repeat", "due_date": due[0], "recurrence": rule}
    if due[1]:
        body["due_time"] = due[1]
    todo = await create(api, user, **body)
    r = await api.client.post(f"/api/todos/{todo['id']}/complete", headers=user.headers)
    done = r.json()
    assert done["rolled_forward"] is True and done["completed"] is False
    assert (done["due_date"], done["due_time"]) == expected


async def test_monthly_31st_returns_to_31st_after_clamping(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    user = await sign_up_user()
    api.clock.now = datetime(2027, 1, 31, 9, 0, tzinfo=UTC)
    todo = await create(api, user, title="rent", due_date="2027-01-31", recurrence="FREQ=MONTHLY")
    path = f"/api/todos/{todo['id']}/complete"
    assert (await api.client.post(path, headers=user.headers)).json()["due_date"] == "2027-02-28"
    api.clock.now = datetime(2027, 2, 28, 9, 0, tzinfo=UTC)
    assert (await api.client.post(path, headers=user.headers)).json()["due_date"] == "2027-03-31"


async def test_exhausted_rule_completes_and_undated_rule_gets_first_date(
    api: AppUnderTest, sign_up_user: SignUp
) -> None:
    user = await sign_up_user()
    api.clock.now = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)  # a Saturday
    once = await create(
        api, user, title="once", due_date="2026-11-21", recurrence="FREQ=DAILY;COUNT=1"
    )
    done = (await api.client.post(f"/api/todos/{once['id']}/complete", headers=user.headers)).json()
    assert done["completed"] is True and done["rolled_forward"] is False
    monday = await create(api, user, title="gym", recurrence="RRULE:freq=weekly;byday=mo")
    assert monday["due_date"] == "2026-11-23" and monday["recurrence"] == "FREQ=WEEKLY;BYDAY=MO"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 501}, "title"),
        ({"title": "ok", "description": "d" * 5001}, "description"),
        ({"title": "ok", "priority": "urgent"}, "priority"),
        ({"title": "ok", "due_date": "2026-02-30"}, "due_date"),
        ({"title": "ok", "due_date": "2026-11-22", "due_time": "25:00"}, "due_time"),
        ({"title": "ok", "due_time": "10:00"}, "due_time"),
        ({"title": "ok", "due_at": "2026-11-22T10:00:00"}, "due_at"),
        ({"title": "ok", "recurrence": "FREQ=SOMETIMES"}, "recurrence"),
        ({"title": "ok", "recurrence": "every monday"}, "recurrence"),
        ({"title": "ok", "tags": ["two words"]}, "tags"),
        ({"title": "ok", "colour": "red"}, "colour"),
        ({}, "title"),
    ],
)
async def test_invalid_input_names_the_field(
    api: AppUnderTest, sign_up_user: SignUp, body: dict[str, Any], field: str
) -> None:
    user = await sign_up_user()
    r = await api.client.post("/api/todos", headers=user.headers, json=body)
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    named = [e for e in detail if field in e["loc"] or field in e["msg"]]
    assert named, detail
    assert all(e["msg"] for e in detail)


async def test_patch_validation_and_unknown_ids(api: AppUnderTest, sign_up_user: SignUp) -> None:
    user = await sign_up_user()
    todo = await create(api, user, title="t")
    c, h = api.client, user.headers
    assert (
        await c.patch(f"/api/todos/{todo['id']}", headers=h, json={"title": None})
    ).status_code == 422
    assert (
        await c.patch(f"/api/todos/{todo['id']}", headers=h, json={"due_time": "10:00"})
    ).status_code == 422
    assert (await c.patch("/api/todos/424242", headers=h, json={"title": "x"})).status_code == 404
    assert (await c.get("/api/todos/not-a-number", headers=h)).status_code == 422
    assert (await c.get("/api/todos", headers=h, params={"due": "someday"})).status_code == 422


@pytest.mark.parametrize(
    "title",
    [
        "Robert'); DROP TABLE todos;--",
        "買牛奶 🥛 — ünïcödé",
        "  padded with spaces  ",
        "<img src=x onerror=alert(1)>",
        'quote " and backslash \\ and %_ wildcards',
        "x" * 500,
    ],
)
async def test_titles_are_stored_verbatim(
    api: AppUnderTest, sign_up_user: SignUp, title: str
) -> None:
    user = await sign_up_user()
    todo = await create(api, user, title=title)
    fetched = (await api.client.get(f"/api/todos/{todo['id']}", headers=user.headers)).json()
    assert fetched["title"] == title
    assert await titles(api, user) == [title]
