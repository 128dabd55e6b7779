"""New todos: command words, titles, traps that must stay title text, lists, invalid dates."""

from __future__ import annotations

from datetime import date, time

import pytest

from todochat.nlu import CreateTasks, InvalidDate, TaskDraft, Unknown, parse_message

from .common import BERLIN, NOW

D = date


def tasks(text: str) -> tuple[TaskDraft, ...]:
    intent = parse_message(text, NOW, BERLIN)
    assert isinstance(intent, CreateTasks), intent
    return intent.tasks


CREATE: list[tuple[str, str, date | None, time | None]] = [
    ("add buy milk", "Buy milk", None, None),
    ("Add buy milk tomorrow", "Buy milk", D(2026, 11, 22), None),
    ("add buy milk to my list", "Buy milk", None, None),
    ("add buy milk to my todo list tomorrow", "Buy milk", D(2026, 11, 22), None),
    ("please add buy milk", "Buy milk", None, None),
    ("can you add buy milk?", "Buy milk", None, None),
    ("add a task to buy milk", "Buy milk", None, None),
    ("add a new task: buy milk", "Buy milk", None, None),
    ("create a task to buy milk", "Buy milk", None, None),
    ("new task: buy milk", "Buy milk", None, None),
    ("todo: buy milk", "Buy milk", None, None),
    ("TODO buy milk", "Buy milk", None, None),
    ("remind me to call mom", "Call mom", None, None),
    ("remind me to call mom tomorrow at 5pm", "Call mom", D(2026, 11, 22), time(17, 0)),
    ("remind me at 5pm to call mom", "Call mom", D(2026, 11, 21), time(17, 0)),
    ("remind me about the dentist on monday", "The dentist", D(2026, 11, 23), None),
    ("I need to buy milk", "Buy milk", None, None),
    ("i have to renew my passport by friday", "Renew my passport", D(2026, 11, 27), None),
    ("need to call the plumber", "Call the plumber", None, None),
    ("I should email Anna", "Email Anna", None, None),
    ("I've got to file taxes by the end of the month", "File taxes", D(2026, 11, 30), None),
    ("don't forget to pay rent", "Pay rent", None, None),
    (
        "don't let me forget to water the plants tonight",
        "Water the plants",
        D(2026, 11, 21),
        time(20, 0),
    ),
    ("note to self: back up the laptop", "Back up the laptop", None, None),
    ("buy milk tomorrow", "Buy milk", D(2026, 11, 22), None),
    ("call mom friday", "Call mom", D(2026, 11, 27), None),
    ("call mom on friday", "Call mom", D(2026, 11, 27), None),
    ("call mom friday at 5", "Call mom", D(2026, 11, 27), time(17, 0)),
    ("dentist next friday at 3pm", "Dentist", D(2026, 11, 27), time(15, 0)),
    ("email the report by Dec 15", "Email the report", D(2026, 12, 15), None),
    ("buy milk", "Buy milk", None, None),
    ("finish the report by friday", "Finish the report", D(2026, 11, 27), None),
    ("pay the electricity bill", "Pay the electricity bill", None, None),
    ("submit expenses in 3 days", "Submit expenses", D(2026, 11, 24), None),
    ("call Tokyo office tomorrow 9am JST", "Call Tokyo office", D(2026, 11, 22), time(1, 0)),
    ("add take out the bins tonight", "Take out the bins", D(2026, 11, 21), time(20, 0)),
    ("add turn the heating on at 6am", "Turn the heating on", D(2026, 11, 22), time(6, 0)),
    ("add check in at 5pm", "Check in", D(2026, 11, 21), time(17, 0)),
    ("add log in to the portal tomorrow", "Log in to the portal", D(2026, 11, 22), None),
]


@pytest.mark.parametrize(("text", "title", "day", "clock"), CREATE)
def test_create(text: str, title: str, day: date | None, clock: time | None) -> None:
    (task,) = tasks(text)
    assert (task.title, task.due_date, task.due_time) == (title, day, clock)


TITLE_TRAPS: list[tuple[str, str]] = [
    ("add May conference", "May conference"),
    ("add plan the March budget", "Plan the March budget"),
    ("add fix the sat nav", "Fix the sat nav"),
    ("add watch Friday Night Lights", "Watch Friday Night Lights"),
    ("add Sunday roast recipe", "Sunday roast recipe"),
    ("add buy 2 bottles", "Buy 2 bottles"),
    ("add read 1984", "Read 1984"),
    ("add call 911", "Call 911"),
    ("add wait a second", "Wait a second"),
    ("add second draft of the essay", "Second draft of the essay"),
    ("add march in the parade", "March in the parade"),
    ("add I may need to call Bob", "I may need to call Bob"),
    ("add monthly report", "Monthly report"),
    ("add weekly review", "Weekly review"),
    ("add daily standup", "Daily standup"),
    ("add buy eggs and milk", "Buy eggs and milk"),
    ("add turn on sat nav", "Turn on sat nav"),
    ("add book table for 4 people", "Book table for 4 people"),
    ("add read chapter 12", "Read chapter 12"),
    ("add buy 3 lemons for Sunday Lunch", "Buy 3 lemons for Sunday Lunch"),
]


@pytest.mark.parametrize(("text", "title"), TITLE_TRAPS)
def test_traps_stay_title_text(text: str, title: str) -> None:
    (task,) = tasks(text)
    assert task.title == title
    assert task.due_date is None
    assert task.due_time is None
    assert task.recurrence is None


def test_trap_with_a_real_date_too() -> None:
    (task,) = tasks("watch Friday Night Lights on friday")
    assert task.title == "Watch Friday Night Lights"
    assert task.due_date == D(2026, 11, 27)


VERBATIM: list[tuple[str, str]] = [
    ("add buy 🥛 and 🍞", "Buy 🥛 and 🍞"),
    ('add read "The Hobbit"', 'Read "The Hobbit"'),
    ("add Robert'); DROP TABLE todos;--", "Robert'); DROP TABLE todos"),
    ("add <script>alert(1)</script>", "<script>alert(1)</script>"),
    ("add iPhone backup", "IPhone backup"),
    ("add eBay return", "EBay return"),
    ("add 'buy milk'", "Buy milk"),
    ("add call McDonald's HQ", "Call McDonald's HQ"),
    ("add   lots    of   spaces  ", "Lots of spaces"),
    ("add Ünïcödé title", "Ünïcödé title"),
]


@pytest.mark.parametrize(("text", "title"), VERBATIM)
def test_titles_are_kept_verbatim(text: str, title: str) -> None:
    assert tasks(text)[0].title == title


MULTI: list[tuple[str, tuple[str, ...]]] = [
    ("add three tasks: buy milk, call mom, pay rent", ("Buy milk", "Call mom", "Pay rent")),
    ("add 3 tasks: buy milk, call mom and pay rent", ("Buy milk", "Call mom", "Pay rent")),
    ("add two tasks buy milk and call mom", ("Buy milk", "Call mom")),
    ("add these: a, b, c", ("A", "B", "C")),
    ("add the following tasks: a; b; c", ("A", "B", "C")),
    ("add: eggs, milk, bread", ("Eggs", "Milk", "Bread")),
    ("add call mom, buy milk and pay rent", ("Call mom", "Buy milk", "Pay rent")),
    ("add: buy milk; call mom", ("Buy milk", "Call mom")),
    ("add buy milk; the organic one", ("Buy milk; the organic one",)),
    ("add tasks:\n- buy milk\n- call mom\n- pay rent", ("Buy milk", "Call mom", "Pay rent")),
    ("todo:\n1. buy milk\n2. call mom", ("Buy milk", "Call mom")),
    ("add buy eggs and milk", ("Buy eggs and milk",)),
    ("add buy eggs, milk and bread", ("Buy eggs, milk and bread",)),
    ("todo: buy eggs, milk", ("Buy eggs, milk",)),
    ("add call mom and dad", ("Call mom and dad",)),
]


@pytest.mark.parametrize(("text", "titles"), MULTI)
def test_multiple_tasks_only_for_clear_lists(text: str, titles: tuple[str, ...]) -> None:
    assert tuple(t.title for t in tasks(text)) == titles


def test_each_item_keeps_its_own_cues() -> None:
    found = tasks("add three tasks: buy milk tomorrow, call mom friday #family, pay rent p1")
    assert [t.title for t in found] == ["Buy milk", "Call mom", "Pay rent"]
    assert found[0].due_date == D(2026, 11, 22)
    assert found[1].due_date == D(2026, 11, 27)
    assert found[1].tags == ("family",)
    assert found[2].priority == "high"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("add dentist on February 30", "February 30 is not a date"),
        ("remind me to pay rent on April 31", "April 31 is not a date"),
        ("call mom on Feb 30", "February 30 is not a date"),
        ("add party on 2026-02-30", "2026-02-30 is not a date"),
        ("add birthday every year on Feb 30", "February 30 is not a date"),
        ("add three tasks: a, b on April 31, c", "April 31 is not a date"),
    ],
)
def test_invalid_dates_are_reported_not_shifted(text: str, message: str) -> None:
    intent = parse_message(text, NOW, BERLIN)
    assert intent == InvalidDate(message)


def test_description() -> None:
    (task,) = tasks("add call the bank tomorrow -- ask about the mortgage rate")
    assert task.title == "Call the bank"
    assert task.description == "ask about the mortgage rate"
    (task,) = tasks("add renew passport notes: bring two photos")
    assert (task.title, task.description) == ("Renew passport", "bring two photos")


def test_title_is_capped() -> None:
    (task,) = tasks("add " + "word " * 300)
    assert 0 < len(task.title) <= 500
    assert task.title.startswith("Word word")


@pytest.mark.parametrize("text", ["add tomorrow", "add", "remind me", "add #work", "add p1"])
def test_nothing_left_for_a_title(text: str) -> None:
    intent = parse_message(text, NOW, BERLIN)
    assert isinstance(intent, Unknown)
    assert intent.reason == "unclear"
