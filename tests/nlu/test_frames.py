"""Clauses and frames: a message split where a new request starts, and each clause read as an
action on named todos wherever its cue words stand."""

from __future__ import annotations

from datetime import date

import pytest

from todochat import nlu
from todochat.nlu.frames import clauses, read_frame

from .common import BERLIN, NOW  # Saturday 21 Nov 2026, 14:30 Berlin


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bump the gym one to p1 and tag it health", ["bump the gym one to p1", "tag it health"]),
        (
            "move the dentist to friday, high priority",
            ["move the dentist to friday", "high priority"],
        ),
        (
            "the standup notes thing, make it repeat every weekday, move it to 9:30",
            ["the standup notes thing", "make it repeat every weekday", "move it to 9:30"],
        ),
        ("delete milk. also mark eggs done", ["delete milk", "also mark eggs done"]),
        # "and" between two things, not before a verb, stays inside the clause
        ("buy milk and eggs", ["buy milk and eggs"]),
    ],
)
def test_clauses(text: str, expected: list[str]) -> None:
    assert clauses(text) == expected


def _frame(text: str) -> nlu.Frame | None:
    return read_frame(nlu.prepare(text), NOW, BERLIN)


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("mark the oil change thing as done i did it this morning", "complete", "oil change"),
        ("could you mark the report as done?", "complete", "report"),
        ("the gym one, not done yet", "uncomplete", "gym"),
        ("wipe everything tagged #errands", "delete", "everything tagged errands"),
        ("get rid of the date on the report", "update", "report"),
        ("everything overdue is done", "complete", "everything overdue"),
    ],
)
def test_frames(text: str, kind: str, words: str) -> None:
    frame = _frame(text)
    assert frame is not None and (frame.kind, frame.words) == (kind, words), frame


def test_when_it_was_done_is_not_a_change() -> None:
    frame = _frame("mark the oil change as done, did it this morning")
    assert frame is not None and frame.kind == "complete" and frame.changes is None


def test_clearing_the_date_keeps_the_todo() -> None:
    frame = _frame("get rid of the date on the report")
    assert frame is not None and frame.changes is not None and frame.changes.clear_due


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("delete both of them", 2),
        ("move those two to friday", 2),
        ("move all three to monday", 3),
        ("mark them done", None),
    ],
)
def test_a_said_count_is_kept_and_names_nothing(text: str, count: int | None) -> None:
    frame = _frame(text)
    assert frame is not None and frame.plural and frame.count == count
    assert frame.words == ""


def test_a_moved_day_is_a_change() -> None:
    frame = _frame("move those two to friday")
    assert frame is not None and frame.changes is not None
    assert frame.changes.due_date == date(2026, 11, 27)


@pytest.mark.parametrize(
    "text",
    [
        "can you tell me what is due?",  # a question
        "what did I finish?",
        "buy milk",  # a new todo, no action on one
    ],
)
def test_no_frame(text: str) -> None:
    assert _frame(text) is None


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        ("high priority, not low", "high"),
        ("make it low, not high", "low"),
    ],
)
def test_negated_values_are_never_taken(text: str, priority: str) -> None:
    assert nlu.read_changes(text, NOW, BERLIN).priority == priority


def test_a_negated_day_is_never_taken() -> None:
    changes = nlu.read_changes("friday, not thursday", NOW, BERLIN)
    assert changes.due_date == date(2026, 11, 27)
