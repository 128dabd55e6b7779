"""Repeat rules: RRULE bodies, their first occurrence, and titles that only look like rules."""

from __future__ import annotations

from datetime import date, time

import pytest
from dateutil.rrule import rrulestr

from todochat.nlu import CreateTasks, first_occurrence, parse_message, parse_recurrence

from .common import BERLIN, NOW

RULES: list[tuple[str, str]] = [
    ("every day", "FREQ=DAILY"),
    ("each day", "FREQ=DAILY"),
    ("every other day", "FREQ=DAILY;INTERVAL=2"),
    ("every 3 days", "FREQ=DAILY;INTERVAL=3"),
    ("every three days", "FREQ=DAILY;INTERVAL=3"),
    ("every week", "FREQ=WEEKLY"),
    ("every 2 weeks", "FREQ=WEEKLY;INTERVAL=2"),
    ("every month", "FREQ=MONTHLY"),
    ("every 6 months", "FREQ=MONTHLY;INTERVAL=6"),
    ("every year", "FREQ=YEARLY"),
    ("every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    ("every workday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    ("every weekend", "FREQ=WEEKLY;BYDAY=SA,SU"),
    ("every monday", "FREQ=WEEKLY;BYDAY=MO"),
    ("every Monday", "FREQ=WEEKLY;BYDAY=MO"),
    ("every mon", "FREQ=WEEKLY;BYDAY=MO"),
    ("every tuesday and friday", "FREQ=WEEKLY;BYDAY=TU,FR"),
    ("every friday and tuesday", "FREQ=WEEKLY;BYDAY=TU,FR"),
    ("every monday, wednesday and friday", "FREQ=WEEKLY;BYDAY=MO,WE,FR"),
    ("every mon, wed, fri", "FREQ=WEEKLY;BYDAY=MO,WE,FR"),
    ("every other wednesday", "FREQ=WEEKLY;BYDAY=WE;INTERVAL=2"),
    ("on mondays", "FREQ=WEEKLY;BYDAY=MO"),
    ("on mondays and thursdays", "FREQ=WEEKLY;BYDAY=MO,TH"),
    ("on the 15th of every month", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("the 1st of every month", "FREQ=MONTHLY;BYMONTHDAY=1"),
    ("every month on the 3rd", "FREQ=MONTHLY;BYMONTHDAY=3"),
    ("monthly on the 28th", "FREQ=MONTHLY;BYMONTHDAY=28"),
    ("every 15th", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("every year on Jan 27", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=27"),
    ("every year on 27 January", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=27"),
    ("every Jan 27", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=27"),
    ("every 4th of July", "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=4"),
    ("annually on March 1", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1"),
    ("every first monday", "FREQ=MONTHLY;BYDAY=1MO"),
    ("every last friday of the month", "FREQ=MONTHLY;BYDAY=-1FR"),
    ("every 2nd tuesday of the month", "FREQ=MONTHLY;BYDAY=2TU"),
    ("every morning", "FREQ=DAILY"),
    ("every evening", "FREQ=DAILY"),
    ("every night", "FREQ=DAILY"),
    ("pay rent monthly", "FREQ=MONTHLY"),
    ("water plants daily", "FREQ=DAILY"),
    ("yoga everyday", "FREQ=DAILY"),
    ("team sync weekly", "FREQ=WEEKLY"),
    ("clean filter fortnightly", "FREQ=WEEKLY;INTERVAL=2"),
    ("renew domain yearly", "FREQ=YEARLY"),
    ("check smoke alarms annually", "FREQ=YEARLY"),
]


@pytest.mark.parametrize(("text", "body"), RULES)
def test_rules(text: str, body: str) -> None:
    found = parse_recurrence(text)
    assert found is not None
    assert found.problem is None
    assert found.rrule == body
    rrulestr(body)  # dateutil accepts it


@pytest.mark.parametrize(
    "text",
    [
        "monthly report",
        "weekly review",
        "daily standup",
        "the daily mail",
        "prepare annual report",
        "every",
        "read everything",
        "call mom",
        "Monday motivation",
        "buy a yearly planner",
    ],
)
def test_titles_that_are_not_rules(text: str) -> None:
    assert parse_recurrence(text) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("every year on Feb 30", "February 30 is not a date"),
        ("every April 31", "April 31 is not a date"),
        ("on the 32nd of every month", "the 32th is not a day of the month"),
    ],
)
def test_impossible_rules_are_reported(text: str, message: str) -> None:
    found = parse_recurrence(text)
    assert found is not None
    assert found.problem == message


# now = Saturday 2026-11-21 14:30 Berlin
FIRST: list[tuple[str, time | None, date]] = [
    ("FREQ=DAILY", None, date(2026, 11, 21)),
    ("FREQ=DAILY", time(9, 0), date(2026, 11, 22)),
    ("FREQ=DAILY", time(17, 0), date(2026, 11, 21)),
    ("FREQ=WEEKLY;BYDAY=MO", None, date(2026, 11, 23)),
    ("FREQ=WEEKLY;BYDAY=SA", None, date(2026, 11, 21)),
    ("FREQ=WEEKLY;BYDAY=SA", time(8, 0), date(2026, 11, 28)),
    ("FREQ=WEEKLY;BYDAY=TU,FR", time(7, 0), date(2026, 11, 24)),
    ("FREQ=WEEKLY;BYDAY=WE;INTERVAL=2", None, date(2026, 11, 25)),
    ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", None, date(2026, 11, 23)),
    ("FREQ=MONTHLY;BYMONTHDAY=15", None, date(2026, 12, 15)),
    ("FREQ=MONTHLY;BYMONTHDAY=21", None, date(2026, 11, 21)),
    ("FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=27", None, date(2027, 1, 27)),
    ("FREQ=MONTHLY;BYDAY=1MO", None, date(2026, 12, 7)),
]


@pytest.mark.parametrize(("body", "at", "day"), FIRST)
def test_first_occurrence(body: str, at: time | None, day: date) -> None:
    assert first_occurrence(body, NOW, BERLIN, at) == day


CREATE: list[tuple[str, str, str, date, time | None]] = [
    (
        "gym every tuesday and friday at 7am",
        "Gym",
        "FREQ=WEEKLY;BYDAY=TU,FR",
        date(2026, 11, 24),
        time(7, 0),
    ),
    (
        "every tuesday and friday at 7am gym",
        "Gym",
        "FREQ=WEEKLY;BYDAY=TU,FR",
        date(2026, 11, 24),
        time(7, 0),
    ),
    ("stretch every morning", "Stretch", "FREQ=DAILY", date(2026, 11, 22), time(9, 0)),
    ("journal every evening", "Journal", "FREQ=DAILY", date(2026, 11, 21), time(20, 0)),
    (
        "standup every weekday at 9:30am",
        "Standup",
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        date(2026, 11, 23),
        time(9, 30),
    ),
    (
        "pay rent on the 1st of every month",
        "Pay rent",
        "FREQ=MONTHLY;BYMONTHDAY=1",
        date(2026, 12, 1),
        None,
    ),
    ("pay rent monthly", "Pay rent", "FREQ=MONTHLY", date(2026, 11, 21), None),
    (
        "mum's birthday every year on Jan 27",
        "Mum's birthday",
        "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=27",
        date(2027, 1, 27),
        None,
    ),
    (
        "water plants every other wednesday",
        "Water plants",
        "FREQ=WEEKLY;BYDAY=WE;INTERVAL=2",
        date(2026, 11, 25),
        None,
    ),
    (
        "take out bins every monday at 8pm",
        "Take out bins",
        "FREQ=WEEKLY;BYDAY=MO",
        date(2026, 11, 23),
        time(20, 0),
    ),
    ("add standup daily at 9am", "Standup", "FREQ=DAILY", date(2026, 11, 22), time(9, 0)),
    ("add backup every 3 days", "Backup", "FREQ=DAILY;INTERVAL=3", date(2026, 11, 21), None),
    (
        "review goals every week starting next monday",
        "Review goals",
        "FREQ=WEEKLY",
        date(2026, 11, 23),
        None,
    ),
]


@pytest.mark.parametrize(("text", "title", "body", "day", "clock"), CREATE)
def test_repeating_todos(text: str, title: str, body: str, day: date, clock: time | None) -> None:
    intent = parse_message(text, NOW, BERLIN)
    assert isinstance(intent, CreateTasks)
    (task,) = intent.tasks
    assert (task.title, task.recurrence, task.due_date, task.due_time) == (title, body, day, clock)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("add monthly report", "Monthly report"),
        ("add weekly review", "Weekly review"),
        ("add daily standup notes", "Daily standup notes"),
        ("add prepare the annual report", "Prepare the annual report"),
    ],
)
def test_rule_words_at_the_start_stay_in_the_title(text: str, title: str) -> None:
    intent = parse_message(text, NOW, BERLIN)
    assert isinstance(intent, CreateTasks)
    assert intent.tasks[0].title == title
    assert intent.tasks[0].recurrence is None
