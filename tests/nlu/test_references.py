"""Naming existing todos and matching those names against a list."""

from __future__ import annotations

import pytest

from todochat.nlu import Candidate, Reference, match_reference, parse_reference

REFS: list[tuple[str, Reference]] = [
    ("'buy milk'", Reference(quoted="buy milk")),
    ('"buy milk"', Reference(quoted="buy milk")),
    ("the 'buy milk' task", Reference(quoted="buy milk")),
    ("it", Reference(pronoun=True)),
    ("that", Reference(pronoun=True)),
    ("this one", Reference(pronoun=True)),
    ("that task", Reference(pronoun=True)),
    ("task 12", Reference(task_id=12)),
    ("task #12", Reference(task_id=12)),
    ("id 12", Reference(task_id=12)),
    ("todo 4", Reference(task_id=4)),
    ("the second one", Reference(ordinal=2)),
    ("the first", Reference(ordinal=1)),
    ("the 3rd one", Reference(ordinal=3)),
    ("the last one", Reference(ordinal=-1)),
    ("number 3", Reference(ordinal=3)),
    ("#2", Reference(ordinal=2)),
    ("2", Reference(ordinal=2)),
    ("the milk task", Reference(words="milk")),
    ("the task about milk", Reference(words="milk")),
    ("the one about the dentist", Reference(words="the dentist")),
    ("buy milk", Reference(words="buy milk")),
    ("the second draft", Reference(words="second draft")),
    ("my report", Reference(words="report")),
    ("Call Mom", Reference(words="Call Mom")),
]


@pytest.mark.parametrize(("phrase", "ref"), REFS)
def test_parse_reference(phrase: str, ref: Reference) -> None:
    assert parse_reference(phrase) == ref


TODOS = [
    Candidate(1, "Buy milk"),
    Candidate(2, "Buy oat milk"),
    Candidate(3, "Call mom"),
    Candidate(4, "Call the dentist"),
    Candidate(5, "Write the quarterly report"),
    Candidate(6, "Pay rent"),
]


@pytest.mark.parametrize(
    ("ref", "ids"),
    [
        (Reference(task_id=4), [4]),
        (Reference(task_id=99), []),
        (Reference(ordinal=1), [1]),
        (Reference(ordinal=6), [6]),
        (Reference(ordinal=7), []),
        (Reference(ordinal=-1), [6]),
        (Reference(quoted="buy milk"), [1]),
        (Reference(quoted="Buy Milk"), [1]),
        (Reference(words="buy milk"), [1]),
        (Reference(words="milk"), [1, 2]),
        (Reference(words="oat milk"), [2]),
        (Reference(words="mom"), [3]),
        (Reference(words="called mom"), [3]),
        (Reference(words="calling mom"), [3]),
        (Reference(words="dentist"), [4]),
        (Reference(words="the dentist"), [4]),
        (Reference(words="report"), [5]),
        (Reference(words="quarterly reports"), [5]),
        (Reference(words="dentsit"), [4]),
        (Reference(words="call mum"), []),
        (Reference(words="rent"), [6]),
        (Reference(words="paid rent"), [6]),
        (Reference(words="groceries"), []),
        (Reference(words="call"), [3, 4]),
        (Reference(pronoun=True), []),
    ],
)
def test_match_reference(ref: Reference, ids: list[int]) -> None:
    assert [c.id for c in match_reference(ref, TODOS)] == ids


def test_pronoun_with_a_single_candidate() -> None:
    assert match_reference(Reference(pronoun=True), [Candidate(9, "Only one")]) == [
        Candidate(9, "Only one")
    ]


def test_no_candidates() -> None:
    assert match_reference(Reference(words="milk"), []) == []
