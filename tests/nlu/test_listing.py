"""Requests to see todos and their filters."""

from __future__ import annotations

from datetime import date

import pytest

from todochat.nlu import ListTasks, parse_message

from .common import BERLIN, NOW

L = ListTasks

LISTING: list[tuple[str, ListTasks]] = [
    ("show my todos", L()),
    ("show my tasks", L()),
    ("list tasks", L()),
    ("my todos", L()),
    ("todo list", L()),
    ("tasks", L()),
    ("what's on my list?", L()),
    ("what do I have to do?", L()),
    ("what's on today", L(due="today")),
    ("what's on today?", L(due="today")),
    ("what do I have today?", L(due="today")),
    ("show today's tasks", L(due="today")),
    ("today's tasks", L(due="today")),
    ("anything overdue?", L(due="overdue")),
    ("what's overdue", L(due="overdue")),
    ("show overdue tasks", L(due="overdue")),
    ("overdue?", L(due="overdue")),
    ("what's upcoming?", L(due="upcoming")),
    ("upcoming tasks", L(due="upcoming")),
    ("what's coming up?", L(due="upcoming")),
    ("show the next 7 days", L(due="upcoming")),
    # This week is the seven days from today, today included.
    ("what's due this week?", L(due_from=date(2026, 11, 21), due_to=date(2026, 11, 27))),
    ("which interviews do I have coming up?", L(due="upcoming", word="interviews")),
    # A day is asked about as that day (it used to be the next 7 days).
    ("what's due tomorrow?", L(due_from=date(2026, 11, 22), due_to=date(2026, 11, 22))),
    ("show tasks with no due date", L(due="none")),
    ("which tasks have no date?", L(due="none")),
    ("list undated todos", L(due="none")),
    ("show completed tasks", L(status="completed")),
    ("what have I completed?", L(status="completed")),
    ("what did I finish?", L(status="completed")),
    ("completed ones", L(status="completed")),
    ("show all tasks including completed", L(status="all")),
    ("show my open and done tasks", L(status="all")),
    ("show tasks that are not done", L()),
    ("#work tasks", L(tag="work")),
    ("show #work tasks", L(tag="work")),
    ("show tasks tagged work", L(tag="work")),
    ("list everything tagged home", L(tag="home")),
    ("what's tagged errands?", L(tag="errands")),
    ("high priority ones", L(priority="high")),
    ("show high priority tasks", L(priority="high")),
    ("any urgent tasks?", L(priority="high")),
    ("show p1 tasks", L(priority="high")),
    ("list low priority todos", L(priority="low")),
    ("anything about milk?", L(query="milk")),
    # Searches drop the article, so "the car" also finds "Car insurance".
    ("do I have anything about the dentist?", L(query="dentist")),
    ("search for milk", L(query="milk")),
    ("search milk", L(query="milk")),
    ("show tasks about taxes", L(query="taxes")),
    ("is there a task about the car?", L(query="car")),
    ("what's overdue tagged work?", L(due="overdue", tag="work")),
    ("show high priority tasks due today", L(due="today", priority="high")),
    ("any completed #home tasks?", L(status="completed", tag="home")),
]


@pytest.mark.parametrize(("text", "expected"), LISTING)
def test_listing(text: str, expected: ListTasks) -> None:
    assert parse_message(text, NOW, BERLIN) == expected
