"""The reader's dialogue pieces: acts, change sets, clause requests, bulk selectors, typo fixes and
the new date forms (pure functions, no database)."""

from __future__ import annotations

from datetime import date, time

import pytest

from todochat import nlu
from todochat.nlu.dates import clock_words
from todochat.nlu.typos import correct

from .common import BERLIN, NOW  # Saturday 21 Nov 2026, 14:30 Berlin


@pytest.mark.parametrize(
    ("text", "kind", "body"),
    [
        ("undo", "undo", ""),
        ("scratch that", "undo", ""),
        ("oops can you undo that please", "undo", ""),
        ("take that back", "undo", ""),
        ("no wait, 6 in the evening", "correct", "6pm"),  # the clock is written out first
        ("do it the day after instead", "correct", "the day after"),
        ("actually thursday works better", "correct", "thursday"),
        ("make that high priority", "correct", "high priority"),
        ("sorry i meant call the dentist", "correct", "call the dentist"),
        ("and make it 2pm, sorry", "correct", "2pm"),
        ("wrong tag, it's personal not work", "correct", "it's personal not work"),
        ("oh and stamps", "add", "stamps"),
        ("and the bread too", "add", "the bread"),
        ("what about tomorrow?", "follow_up", "tomorrow"),
        ("and the week after?", "follow_up", "the week after"),
    ],
)
def test_acts(text: str, kind: str, body: str) -> None:
    act = nlu.read_act(nlu.prepare(text))
    assert act is not None and (act.kind, act.body) == (kind, body), act


@pytest.mark.parametrize(
    "text",
    ["add milk please", "buy bread", "what else do i have?", "ummm can u add cake", "no"],
)
def test_plain_requests_are_no_act(text: str) -> None:
    assert nlu.read_act(nlu.prepare(text)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6 in the evening", {"due_time": time(18, 0)}),
        ("4", {"due_time": time(16, 0)}),
        ("the day after", {"shift_days": 1}),
        ("two days later", {"shift_days": 2}),
        ("a week earlier", {"shift_days": -7}),
        ("thursday", {"due_date": date(2026, 11, 26)}),
        ("tomorrow at quarter to six", {"due_date": date(2026, 11, 22), "due_time": time(17, 45)}),
        ("high priority", {"priority": "high"}),
        ("not that urgent, medium", {"priority": "medium"}),
        ("tag it work", {"tags": ("work",)}),
        ("take the work tag off", {"untags": ("work",)}),
        ("every saturday morning", {"recurrence": "FREQ=WEEKLY;BYDAY=SA", "clock": time(9, 0)}),
        ("shouldn't repeat anymore", {"recurrence": ""}),
        ("call it BBQ at Mike's place", {"title": "BBQ at Mike's place"}),
        ("call the dentist", {"title": "Call the dentist"}),
    ],
)
def test_changes(text: str, expected: dict[str, object]) -> None:
    changes = nlu.read_changes(text, NOW, BERLIN)
    for key, value in expected.items():
        assert getattr(changes, key) == value, (key, changes)


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        (
            "bump the gym one to p1 and tag it health",
            "gym",
            {"priority": "high", "tags": ("health",)},
        ),
        (
            "can you move the dentist thing to friday at 2 and tag it health pls",
            "dentist",
            {"due_date": date(2026, 11, 27), "due_time": time(14, 0), "tags": ("health",)},
        ),
        (
            "the tap is really urgent, do it tomorrow morning",
            "tap",
            {"priority": "high", "due_date": date(2026, 11, 22), "due_time": time(9, 0)},
        ),
        (
            "take the work tag off sort receipts and drop it to low priority",
            "sort receipts",
            {"untags": ("work",), "priority": "low"},
        ),
        (
            "set 'Pay council tax' to high priority and due friday",
            "Pay council tax",
            {"priority": "high", "due_date": date(2026, 11, 27)},
        ),
        (
            "phone bill: make it monthly on the 10th, and medium priority",
            "phone bill",
            {"recurrence": "FREQ=MONTHLY;BYMONTHDAY=10", "priority": "medium"},
        ),
    ],
)
def test_clause_requests(text: str, ref: str, expected: dict[str, object]) -> None:
    intent = nlu.parse_message(text, NOW, BERLIN)
    assert isinstance(intent, nlu.Update), intent
    assert ref.lower() in (intent.ref.text or "").lower()
    for key, value in expected.items():
        assert getattr(intent.changes, key) == value, (key, intent.changes)


@pytest.mark.parametrize(
    "text",
    [
        "call mom friday",  # a new todo: "call" changes a todo only as "call it ..."
        "do laundry tomorrow",
        "take out bins every monday at 8pm",
        "buy milk and eggs",
    ],
)
def test_task_phrases_are_new_todos(text: str) -> None:
    intent = nlu.parse_message(text, NOW, BERLIN)
    assert isinstance(intent, nlu.CreateTasks), intent


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("all the late ones", nlu.Selector({"due": "overdue"})),
        ("out all the overdue stuff", nlu.Selector({"due": "overdue"})),
        ("everything tagged errands", nlu.Selector({"tag": "errands"})),
        ("all of today's stuff", nlu.Selector({"due": "today"})),
        ("all the high priority ones", nlu.Selector({"priority": "high"})),
        ("everything without a due date", nlu.Selector({"due": "none"})),
        ("those two", nlu.Selector(shown=True, count=2)),
        ("both", nlu.Selector(shown=True, count=2)),
        ("both calls", nlu.Selector(shown=True, count=2, word="calls")),
        ("all the grocery stuff", nlu.Selector(word="grocery")),
        ("everything", nlu.Selector(shown=True, everything=True)),
    ],
)
def test_bulk_selectors(phrase: str, expected: nlu.Selector) -> None:
    assert nlu.bulk_selector(phrase) == expected


@pytest.mark.parametrize("phrase", ["the milk one", "groceries and the car wash", "it"])
def test_names_are_not_selectors(phrase: str) -> None:
    assert nlu.bulk_selector(phrase) is None


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("remidn me to call the bank tommorow", "remind me to call the bank tomorrow"),
        ("compelte laundry", "complete laundry"),
        ("ad bread", "add bread"),
        ("mvoe it to fridya", "move it to friday"),
        ("set the tax thing to hihg priority", "set the tax thing to high priority"),
        # Titles keep their words: close to a command word is not a misspelling of it.
        ("watch a movie tonight", "watch a movie tonight"),
        ("call the bnak", "call the bnak"),
        ("every 2 months", "every 2 months"),
        ("fix the 'Mvoe' button", "fix the 'Mvoe' button"),
    ],
)
def test_typos(text: str, fixed: str) -> None:
    assert correct(text) == fixed


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("at quarter to six", "at 5:45"),
        ("half past five", "at 5:30"),
        ("quarter past 9", "at 9:15"),
        ("standup at 0915", "standup at 09:15"),
        ("meet at 1430", "meet at 14:30"),
        ("read 1984", "read 1984"),
    ],
)
def test_clock_words(text: str, clock: str) -> None:
    assert clock_words(text) == clock


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("add party on the third friday of december", date(2026, 12, 18)),
        ("add review on the first monday of february", date(2027, 2, 1)),
        ("call the bank on the second tuesday of january", date(2027, 1, 12)),
        ("add pay the cleaner next month on the 3rd", date(2026, 12, 3)),
        ("add a walk on the last sunday of this month", date(2026, 11, 29)),
    ],
)
def test_new_date_forms(text: str, day: date) -> None:
    intent = nlu.parse_message(text, NOW, BERLIN)
    assert isinstance(intent, nlu.CreateTasks)
    assert intent.tasks[0].due_date == day


def test_final_day_of_each_month_is_a_repeat_from_this_month() -> None:
    intent = nlu.parse_message("add pay rent on the final day of each month", NOW, BERLIN)
    assert isinstance(intent, nlu.CreateTasks)
    task = intent.tasks[0]
    assert (task.title, task.recurrence, task.due_date) == (
        "Pay rent",
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        date(2026, 11, 30),
    )
