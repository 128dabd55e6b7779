"""The corpus vocabulary: a case is data (turns, seeded todos, a clock, expectations).

Expectations are partial: a call or todo matches when every key given matches. Values may be
plain (titles compare case-insensitively), ``Id(n)`` (the id of the n-th seeded todo),
``Rule(...)`` (an RRULE holding these parts), ``Re(...)`` (a regex) or ``ABSENT``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

READ_TOOLS = frozenset({"list_tasks", "search_tasks", "list_tags"})


class _Absent:
    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()


@dataclass(frozen=True)
class Id:
    """The id of the n-th seeded todo (0-based)."""

    index: int


@dataclass(frozen=True)
class New:
    """The id of the n-th todo the conversation itself created in its earlier turns (0-based,
    in the order the assistant added them)."""

    index: int


@dataclass(frozen=True)
class Rule:
    """An RRULE holding all these parts, e.g. Rule("FREQ=WEEKLY", "BYDAY=TU")."""

    parts: tuple[str, ...]

    def __init__(self, *parts: str) -> None:
        object.__setattr__(self, "parts", parts)


@dataclass(frozen=True)
class Re:
    """A value (as text) the pattern finds."""

    pattern: str


@dataclass(frozen=True)
class T:
    """A todo seeded through REST before the chat."""

    title: str
    due: str | None = None
    at: str | None = None
    priority: str = "none"
    tags: tuple[str, ...] = ()
    rrule: str | None = None
    done: bool = False

    def body(self) -> dict[str, Any]:
        data: dict[str, Any] = {"title": self.title, "priority": self.priority}
        if self.due:
            data["due_date"] = self.due
        if self.at:
            data["due_time"] = self.at
        if self.tags:
            data["tags"] = list(self.tags)
        if self.rrule:
            data["recurrence"] = self.rrule
        return data


@dataclass(frozen=True)
class C:
    """An expected tool call: its name and some of its arguments."""

    name: str
    args: dict[str, Any]

    def __init__(self, name: str, **args: Any) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "args", args)


@dataclass(frozen=True)
class Case:
    """One conversation; the expectations are about its last turn.

    ``calls``: the writing tool calls of the last turn, in order (default: none at all).
    ``reads``: the reading calls (list/search; a list_tags lookup is not one), checked only
    when given.
    ``todos``: the whole todo list afterwards (matched by title; same count), when given.
    ``reply`` / ``not_reply``: regexes the last reply must / must not contain.
    ``before``: a regex the previous turn's reply must contain.
    In ``says``, "{id0}" stands for the id of the first seeded todo.
    """

    id: str
    says: tuple[str, ...]
    now: str = "2026-11-21 14:30"  # Saturday, in ``tz``
    tz: str = "Europe/Berlin"
    seed: tuple[T, ...] = ()
    calls: tuple[C, ...] = ()
    reads: tuple[C, ...] | None = None
    todos: tuple[dict[str, Any], ...] | None = None
    reply: str = ""
    not_reply: str = ""
    before: str = ""


def case(id: str, says: str | tuple[str, ...], **kwargs: Any) -> Case:
    """``case("id", "text" or ("turn 1", "turn 2"), ...)``."""
    return Case(id, (says,) if isinstance(says, str) else tuple(says), **kwargs)


def matches(
    expected: Any, actual: Any, ids: list[int], key: str = "", made: list[int] | None = None
) -> bool:
    """Whether one expected value matches the actual one."""
    if expected is ABSENT:
        return actual is None
    if isinstance(expected, Id):
        return actual == ids[expected.index]
    if isinstance(expected, New):
        made = made or []
        return expected.index < len(made) and actual == made[expected.index]
    if isinstance(expected, Rule):
        have = set(str(actual or "").split(";"))
        return all(p in have for p in expected.parts)
    if isinstance(expected, Re):
        return actual is not None and re.search(expected.pattern, str(actual)) is not None
    if key == "title" and isinstance(expected, str) and isinstance(actual, str):
        return expected.casefold() == actual.casefold()
    if isinstance(expected, tuple | list) and isinstance(actual, list):
        return sorted(expected) == sorted(actual)
    return bool(expected == actual)


def subset(
    expected: dict[str, Any], actual: dict[str, Any], ids: list[int], made: list[int] | None = None
) -> bool:
    """Every expected key matches (a missing key counts as None)."""
    return all(matches(v, actual.get(k), ids, k, made) for k, v in expected.items())
