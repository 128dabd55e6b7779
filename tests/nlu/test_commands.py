"""Changes to existing todos and bulk actions."""

from __future__ import annotations

from datetime import date, time

import pytest

from todochat.nlu import (
    ChangeTags,
    ClearCompleted,
    ClearDue,
    Complete,
    Delete,
    DeleteAll,
    Intent,
    InvalidDate,
    PostponeOverdue,
    Reference,
    Rename,
    Reschedule,
    SetPriority,
    SetRecurrence,
    Uncomplete,
    parse_message,
)

from .common import BERLIN, NOW

D = date
W = Reference  # shorthand in the tables below


def words(text: str) -> Reference:
    return Reference(words=text)


def parse(text: str) -> Intent:
    return parse_message(text, NOW, BERLIN)


COMPLETE = [
    ("mark buy milk as done", words("buy milk")),
    ("mark the milk task as done", words("milk")),
    ("mark 'buy milk' as complete", Reference(quoted="buy milk")),
    ("mark it as done", Reference(pronoun=True)),
    ("mark that done", Reference(pronoun=True)),
    ("complete task 12", Reference(task_id=12)),
    ("complete the second one", Reference(ordinal=2)),
    ("finish #3", Reference(ordinal=3)),
    ("check off buy milk", words("buy milk")),
    ("tick off the dentist", words("dentist")),
    ("cross the dentist off", words("dentist")),
    ("done with the report", words("report")),
    ("buy milk is done", words("buy milk")),
    ("the report is finished", words("report")),
    ("buy milk done", words("buy milk")),
    ("done: buy milk", words("buy milk")),
    ("I finished the report", words("report")),
    ("I've done the laundry", words("laundry")),
    ("I called mom", words("called mom")),
    ("I just paid the rent", words("paid the rent")),
    ("please mark the last one as done", Reference(ordinal=-1)),
    ("mark number 2 as done", Reference(ordinal=2)),
    ("mark id 7 as finished", Reference(task_id=7)),
]


@pytest.mark.parametrize(("text", "ref"), COMPLETE)
def test_complete(text: str, ref: Reference) -> None:
    assert parse(text) == Complete(ref)


UNCOMPLETE = [
    ("I haven't actually called mom", words("called mom")),
    ("I didn't buy milk", words("buy milk")),
    ("mark buy milk as not done", words("buy milk")),
    ("mark it as undone", Reference(pronoun=True)),
    ("mark the report as incomplete", words("report")),
    ("uncheck buy milk", words("buy milk")),
    ("reopen task 4", Reference(task_id=4)),
    ("undo the first one", Reference(ordinal=1)),
    ("buy milk isn't done", words("buy milk")),
    ("the report is not finished yet", words("report")),
]


@pytest.mark.parametrize(("text", "ref"), UNCOMPLETE)
def test_uncomplete(text: str, ref: Reference) -> None:
    assert parse(text) == Uncomplete(ref)


RENAME = [
    ("rename 'A' to 'B'", Reference(quoted="A"), "B"),
    ('rename "go to gym" to "go to the gym"', Reference(quoted="go to gym"), "Go to the gym"),
    ("rename buy milk to buy oat milk", words("buy milk"), "Buy oat milk"),
    ("change the title of the milk task to buy oat milk", words("milk"), "Buy oat milk"),
    ("change the name of task 3 to Call Anna", Reference(task_id=3), "Call Anna"),
    ("change buy milk to buy bread", words("buy milk"), "Buy bread"),
    ("rename it to pay rent", Reference(pronoun=True), "Pay rent"),
]


@pytest.mark.parametrize(("text", "ref", "title"), RENAME)
def test_rename(text: str, ref: Reference, title: str) -> None:
    assert parse(text) == Rename(ref, title)


RESCHEDULE = [
    ("move buy milk to sunday 6pm", words("buy milk"), D(2026, 11, 22), time(18, 0)),
    ("push the report to next monday", words("report"), D(2026, 11, 23), None),
    ("move it to tomorrow", Reference(pronoun=True), D(2026, 11, 22), None),
    ("reschedule the dentist for friday at 3pm", words("dentist"), D(2026, 11, 27), time(15, 0)),
    ("postpone call mom until monday", words("call mom"), D(2026, 11, 23), None),
    ("postpone call mom", words("call mom"), D(2026, 11, 22), None),
    ("move task 5 to Dec 15", Reference(task_id=5), D(2026, 12, 15), None),
    ("push the second one to next week", Reference(ordinal=2), D(2026, 11, 23), None),
    ("change buy milk to tomorrow", words("buy milk"), D(2026, 11, 22), None),
    ("move call mom to friday", words("call mom"), D(2026, 11, 27), None),
    ("move go to gym to friday", words("go to gym"), D(2026, 11, 27), None),
    ("buy milk is due tomorrow", words("buy milk"), D(2026, 11, 22), None),
    ("snooze the report", words("report"), D(2026, 11, 22), None),
    (
        "move 'pay rent' to the end of the month",
        Reference(quoted="pay rent"),
        D(2026, 11, 30),
        None,
    ),
]


@pytest.mark.parametrize(("text", "ref", "day", "clock"), RESCHEDULE)
def test_reschedule(text: str, ref: Reference, day: date, clock: time | None) -> None:
    assert parse(text) == Reschedule(ref, day, clock)


def test_reschedule_to_an_impossible_date() -> None:
    assert parse("move buy milk to February 30") == InvalidDate("February 30 is not a date")


CLEAR_DUE = [
    ("remove the due date from buy milk", words("buy milk")),
    ("clear the date on the report", words("report")),
    ("remove the deadline from task 3", Reference(task_id=3)),
    ("unschedule it", Reference(pronoun=True)),
    ("buy milk has no due date", words("buy milk")),
    ("no due date for the report", words("report")),
]


@pytest.mark.parametrize(("text", "ref"), CLEAR_DUE)
def test_clear_due(text: str, ref: Reference) -> None:
    assert parse(text) == ClearDue(ref)


PRIORITY = [
    ("make buy milk high priority", words("buy milk"), "high"),
    ("make it p1", Reference(pronoun=True), "high"),
    ("set the report to low priority", words("report"), "low"),
    ("set priority of the report to medium", words("report"), "medium"),
    ("change the priority of task 4 to low", Reference(task_id=4), "low"),
    ("mark the report as urgent", words("report"), "high"),
    ("mark it important", Reference(pronoun=True), "high"),
    ("prioritise the report", words("report"), "high"),
    ("deprioritize the report", words("report"), "low"),
    ("raise the priority of the report", words("report"), "high"),
    ("lower the priority of the report", words("report"), "low"),
    ("remove the priority from the report", words("report"), "none"),
    ("the report is urgent", words("report"), "high"),
    ("the report is not urgent", words("report"), "low"),
    ("make the second one p3", Reference(ordinal=2), "low"),
]


@pytest.mark.parametrize(("text", "ref", "priority"), PRIORITY)
def test_set_priority(text: str, ref: Reference, priority: str) -> None:
    assert parse(text) == SetPriority(ref, priority)  # type: ignore[arg-type]


TAGS = [
    ("tag buy milk groceries", words("buy milk"), ("groceries",), ()),
    ("tag buy milk as groceries", words("buy milk"), ("groceries",), ()),
    ("tag it work", Reference(pronoun=True), ("work",), ()),
    ("tag the report with work and urgent", words("report"), ("work", "urgent"), ()),
    ("tag task 3 #home", Reference(task_id=3), ("home",), ()),
    ("add the work tag to the report", words("report"), ("work",), ()),
    ("add tag work to the report", words("report"), ("work",), ()),
    ("add #work to the report", words("report"), ("work",), ()),
    ("label the report work", words("report"), ("work",), ()),
    ("remove the #home tag from buy milk", words("buy milk"), (), ("home",)),
    ("remove the home tag from buy milk", words("buy milk"), (), ("home",)),
    ("remove tag home from it", Reference(pronoun=True), (), ("home",)),
    ("untag buy milk #home", words("buy milk"), (), ("home",)),
]


@pytest.mark.parametrize(("text", "ref", "add", "remove"), TAGS)
def test_change_tags(
    text: str, ref: Reference, add: tuple[str, ...], remove: tuple[str, ...]
) -> None:
    assert parse(text) == ChangeTags(ref, add, remove)


REPEAT = [
    ("make water plants repeat every monday", words("water plants"), "FREQ=WEEKLY;BYDAY=MO"),
    ("make it repeat daily", Reference(pronoun=True), "FREQ=DAILY"),
    ("make it recur every other week", Reference(pronoun=True), "FREQ=WEEKLY;INTERVAL=2"),
    ("set the report to repeat monthly", words("report"), "FREQ=MONTHLY"),
    ("repeat pay rent on the 1st of every month", words("pay rent"), "FREQ=MONTHLY;BYMONTHDAY=1"),
    ("repeat stretch every weekday", words("stretch"), "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    ("the report should repeat weekly", words("report"), "FREQ=WEEKLY"),
    ("make the standup weekly", words("standup"), "FREQ=WEEKLY"),
    ("stop repeating water plants", words("water plants"), None),
    ("stop repeating it", Reference(pronoun=True), None),
    ("don't repeat the report anymore", words("report"), None),
    ("the report should not repeat", words("report"), None),
    ("remove the recurrence from task 9", Reference(task_id=9), None),
    ("make it a one-off", Reference(pronoun=True), None),
]


@pytest.mark.parametrize(("text", "ref", "body"), REPEAT)
def test_set_recurrence(text: str, ref: Reference, body: str | None) -> None:
    assert parse(text) == SetRecurrence(ref, body)


def test_set_recurrence_with_a_time() -> None:
    assert parse("make gym repeat every tuesday and friday at 7am") == SetRecurrence(
        words("gym"), "FREQ=WEEKLY;BYDAY=TU,FR", time(7, 0)
    )


DELETE = [
    ("delete buy milk", words("buy milk")),
    ("delete it", Reference(pronoun=True)),
    ("remove the dentist task", words("dentist")),
    ("remove buy milk from my list", words("buy milk")),
    ("get rid of task 8", Reference(task_id=8)),
    ("delete the third one", Reference(ordinal=3)),
    ("trash 'call Bob'", Reference(quoted="call Bob")),
    ("cancel the dentist", words("dentist")),
    ("forget about the party", words("party")),
]


@pytest.mark.parametrize(("text", "ref"), DELETE)
def test_delete(text: str, ref: Reference) -> None:
    assert parse(text) == Delete(ref)


@pytest.mark.parametrize(
    "text",
    [
        "clear completed",
        "clear completed tasks",
        "delete all completed todos",
        "remove the done ones",
        "clean up finished tasks",
        "delete all done tasks",
        "get rid of the completed ones",
        "please clear all completed",
    ],
)
def test_clear_completed(text: str) -> None:
    assert parse(text) == ClearCompleted()


@pytest.mark.parametrize(
    "text",
    [
        "delete everything",
        "delete all",
        "delete all tasks",
        "remove all my todos",
        "clear my list",
        "wipe everything",
        "delete every single task",
        "clear the whole list",
        "start over",
    ],
)
def test_delete_all(text: str) -> None:
    assert parse(text) == DeleteAll()


@pytest.mark.parametrize(
    ("text", "day", "clock"),
    [
        ("postpone everything overdue to tomorrow", D(2026, 11, 22), None),
        ("move all overdue tasks to today", D(2026, 11, 21), None),
        ("push overdue stuff to monday", D(2026, 11, 23), None),
        ("reschedule all overdue to next week", D(2026, 11, 23), None),
        ("move overdue tasks to tomorrow at 9am", D(2026, 11, 22), time(9, 0)),
        ("postpone overdue", D(2026, 11, 22), None),
    ],
)
def test_postpone_overdue(text: str, day: date, clock: time | None) -> None:
    assert parse(text) == PostponeOverdue(day, clock)
