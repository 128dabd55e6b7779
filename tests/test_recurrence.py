"""Recurrence rules as pure functions: normalising, anchoring, next occurrence."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from todochat.todos.recurrence import RecurrenceError, anchor, next_occurrence, normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FREQ=WEEKLY;BYDAY=MO,TH", "FREQ=WEEKLY;BYDAY=MO,TH"),
        ("rrule:freq=daily;interval=3", "FREQ=DAILY;INTERVAL=3"),
        ("BYMONTHDAY=15;FREQ=MONTHLY", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "FREQ=HOURLY",
        "BYDAY=MO",
        "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=DAILY;DTSTART=20200101",
        "every day",
        "FREQ=DAILY;FREQ=WEEKLY",
        "FREQ=DAILY;INTERVAL=zero",
    ],
)
def test_normalise_rejects(text: str) -> None:
    with pytest.raises(RecurrenceError):
        normalise(text)


def test_anchor_pins_implicit_parts() -> None:
    assert anchor("FREQ=WEEKLY", date(2026, 11, 26)) == "FREQ=WEEKLY;BYDAY=TH"
    assert anchor("FREQ=MONTHLY", date(2027, 1, 31)) == "FREQ=MONTHLY;BYMONTHDAY=31"
    assert anchor("FREQ=YEARLY", date(2027, 1, 27)) == "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=27"
    assert anchor("FREQ=DAILY", date(2027, 1, 27)) == "FREQ=DAILY"


def test_next_occurrence_clamps_to_month_end_without_drift() -> None:
    rule = "FREQ=MONTHLY;BYMONTHDAY=31"
    feb = next_occurrence(rule, datetime(2027, 1, 31), datetime(2027, 1, 31))
    assert feb == datetime(2027, 2, 28)
    assert next_occurrence(rule, feb, feb) == datetime(2027, 3, 31)
    leap = next_occurrence(rule, datetime(2028, 1, 31), datetime(2028, 1, 31))
    assert leap == datetime(2028, 2, 29)


def test_next_occurrence_skips_past_and_stops_when_exhausted() -> None:
    daily = next_occurrence("FREQ=DAILY", datetime(2026, 1, 1, 9), datetime(2026, 3, 1, 10))
    assert daily == datetime(2026, 3, 2, 9)
    assert next_occurrence("FREQ=DAILY;COUNT=1", datetime(2026, 1, 1), datetime(2026, 1, 1)) is None
