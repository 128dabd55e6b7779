"""Priorities and tags in new todos."""

from __future__ import annotations

import pytest

from todochat.nlu import CreateTasks, TaskDraft, parse_message

from .common import BERLIN, NOW


def one(text: str) -> TaskDraft:
    intent = parse_message(text, NOW, BERLIN)
    assert isinstance(intent, CreateTasks), intent
    assert len(intent.tasks) == 1
    return intent.tasks[0]


PRIORITIES = [
    ("add call the bank p1", "Call the bank", "high"),
    ("add call the bank P2", "Call the bank", "medium"),
    ("add call the bank p3", "Call the bank", "low"),
    ("add call the bank p4", "Call the bank", "none"),
    ("add p1 call the bank", "Call the bank", "high"),
    # Like Todoist, a p-code counts anywhere.
    ("add fix the p1 bug report", "Fix the bug report", "high"),
    ("add call the bank high priority", "Call the bank", "high"),
    ("add call the bank, high priority", "Call the bank", "high"),
    ("add call the bank with high priority", "Call the bank", "high"),
    ("add call the bank medium priority", "Call the bank", "medium"),
    ("add call the bank low priority", "Call the bank", "low"),
    ("add call the bank low-priority", "Call the bank", "low"),
    ("add call the bank priority: high", "Call the bank", "high"),
    ("add call the bank priority 2", "Call the bank", "medium"),
    ("add a high priority task to call the bank", "Call the bank", "high"),
    ("urgent: call the bank", "Call the bank", "high"),
    ("add urgent: call the bank", "Call the bank", "high"),
    ("add call the bank, it's urgent", "Call the bank", "high"),
    ("add call the bank urgent", "Call the bank", "high"),
    ("add call the bank (important)", "Call the bank", "high"),
    ("add call the bank asap", "Call the bank", "high"),
    ("add call the bank!!!", "Call the bank", "high"),
    ("add call the bank", "Call the bank", None),
]


@pytest.mark.parametrize(("text", "title", "priority"), PRIORITIES)
def test_priorities(text: str, title: str, priority: str | None) -> None:
    task = one(text)
    assert (task.title, task.priority) == (title, priority)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("add review the important documents", "Review the important documents"),
        ("add read urgent care leaflet", "Read urgent care leaflet"),
        ("add buy milk!", "Buy milk"),  # sentence punctuation is not title
    ],
)
def test_priority_words_inside_a_title_stay(text: str, title: str) -> None:
    task = one(text)
    assert task.title == title
    assert task.priority is None


TAGS = [
    ("add buy milk #groceries", "Buy milk", ("groceries",)),
    ("add #groceries buy milk", "Buy milk", ("groceries",)),
    ("add buy milk #Groceries #home", "Buy milk", ("groceries", "home")),
    ("add buy milk #shop-list", "Buy milk", ("shop-list",)),
    ("add buy milk #errands_2", "Buy milk", ("errands_2",)),
    ("add buy milk tagged groceries", "Buy milk", ("groceries",)),
    ("add buy milk tagged groceries and home", "Buy milk", ("groceries", "home")),
    ("add buy milk with tags groceries, home", "Buy milk", ("groceries", "home")),
    ("add buy milk with the tag groceries", "Buy milk", ("groceries",)),
    ("add buy milk and tag it groceries", "Buy milk", ("groceries",)),
    ("add buy milk, tag it groceries", "Buy milk", ("groceries",)),
    ("add buy milk #groceries #groceries", "Buy milk", ("groceries",)),
    ("add fix bug #2", "Fix bug #2", ()),
    ("add email bob&co", "Email bob&co", ()),
    ("add buy C# book", "Buy C# book", ()),
    ("add check example.com/#anchor", "Check example.com/#anchor", ()),
]


@pytest.mark.parametrize(("text", "title", "tags"), TAGS)
def test_tags(text: str, title: str, tags: tuple[str, ...]) -> None:
    task = one(text)
    assert (task.title, task.tags) == (title, tags)


def test_everything_at_once() -> None:
    task = one("call the dentist on friday at 3pm #health p2")
    assert task.title == "Call the dentist"
    assert task.tags == ("health",)
    assert task.priority == "medium"
    assert str(task.due_date) == "2026-11-27"
    assert str(task.due_time) == "15:00:00"
