"""Due dates and times: relative words, weekdays, month-days, clocks, zones, DST, traps."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from todochat.nlu import (
    AFTERNOON,
    EVENING,
    MORNING,
    NOON,
    CreateTasks,
    TaskDraft,
    parse_message,
    parse_when,
)
from todochat.nlu.dates import clock_words

from .common import BERLIN, FRIDAY, MONDAY, NEW_YORK, NOW, TOKYO, UTC_ZONE

D = date
T = time

# now = Saturday 2026-11-21 14:30 Europe/Berlin
CASES: list[tuple[str, date, time | None]] = [
    ("today", D(2026, 11, 21), None),
    ("tonight", D(2026, 11, 21), T(20, 0)),
    ("on the last day of the month", D(2026, 11, 30), None),
    ("the first day of next month", D(2026, 12, 1), None),
    ("tomorrow", D(2026, 11, 22), None),
    ("tmrw", D(2026, 11, 22), None),
    ("by tomorrow", D(2026, 11, 22), None),
    ("day after tomorrow", D(2026, 11, 23), None),
    ("the day after tomorrow", D(2026, 11, 23), None),
    ("tomorrow morning", D(2026, 11, 22), T(9, 0)),
    ("tomorrow afternoon", D(2026, 11, 22), T(15, 0)),
    ("tomorrow evening", D(2026, 11, 22), T(20, 0)),
    ("tomorrow night", D(2026, 11, 22), T(20, 0)),
    ("this morning", D(2026, 11, 21), T(9, 0)),
    ("this evening", D(2026, 11, 21), T(20, 0)),
    ("tomorrow at 5", D(2026, 11, 22), T(17, 0)),
    ("tomorrow at 9", D(2026, 11, 22), T(9, 0)),
    ("tomorrow at 12", D(2026, 11, 22), T(12, 0)),
    ("tomorrow at 7", D(2026, 11, 22), T(19, 0)),
    ("tomorrow at 8", D(2026, 11, 22), T(8, 0)),
    ("tomorrow morning at 7", D(2026, 11, 22), T(7, 0)),
    ("tonight at 9", D(2026, 11, 21), T(21, 0)),
    ("tomorrow at 5pm", D(2026, 11, 22), T(17, 0)),
    ("tomorrow 5:30 pm", D(2026, 11, 22), T(17, 30)),
    ("tomorrow 5 p.m.", D(2026, 11, 22), T(17, 0)),
    ("tomorrow at 12am", D(2026, 11, 22), T(0, 0)),
    ("tomorrow at 12pm", D(2026, 11, 22), T(12, 0)),
    ("tomorrow at 17:30", D(2026, 11, 22), T(17, 30)),
    ("tomorrow at 09:15", D(2026, 11, 22), T(9, 15)),
    ("tomorrow at noon", D(2026, 11, 22), NOON),
    ("tomorrow at midnight", D(2026, 11, 22), T(0, 0)),
    ("tomorrow at 5 o'clock", D(2026, 11, 22), T(17, 0)),
    ("5pm", D(2026, 11, 21), T(17, 0)),
    ("at 5pm", D(2026, 11, 21), T(17, 0)),
    ("17:30", D(2026, 11, 21), T(17, 30)),
    ("at 5", D(2026, 11, 21), T(17, 0)),
    ("at 3", D(2026, 11, 21), T(15, 0)),
    ("at 9", D(2026, 11, 22), T(9, 0)),
    ("at 9am", D(2026, 11, 22), T(9, 0)),
    ("9am", D(2026, 11, 22), T(9, 0)),
    ("at 14", D(2026, 11, 22), T(14, 0)),
    ("at 14:30", D(2026, 11, 22), T(14, 30)),
    ("at 14:31", D(2026, 11, 21), T(14, 31)),
    ("noon", D(2026, 11, 22), NOON),
    ("at midnight", D(2026, 11, 22), T(0, 0)),
    ("in the morning", D(2026, 11, 22), MORNING),
    ("in the evening", D(2026, 11, 21), EVENING),
    ("in the afternoon", D(2026, 11, 21), AFTERNOON),
    ("at night", D(2026, 11, 21), EVENING),
    ("saturday", D(2026, 11, 21), None),
    ("on saturday", D(2026, 11, 21), None),
    ("on saturday at 2pm", D(2026, 11, 28), T(14, 0)),
    ("on saturday at 4pm", D(2026, 11, 21), T(16, 0)),
    ("sunday", D(2026, 11, 22), None),
    ("on sunday at 6pm", D(2026, 11, 22), T(18, 0)),
    ("monday", D(2026, 11, 23), None),
    ("on monday", D(2026, 11, 23), None),
    ("by friday", D(2026, 11, 27), None),
    ("this friday", D(2026, 11, 27), None),
    ("next friday", D(2026, 11, 27), None),
    ("next monday", D(2026, 11, 23), None),
    ("next saturday", D(2026, 11, 28), None),
    ("next sunday", D(2026, 11, 29), None),
    ("friday next week", D(2026, 11, 27), None),
    ("friday at 5", D(2026, 11, 27), T(17, 0)),
    ("friday 5pm", D(2026, 11, 27), T(17, 0)),
    ("friday morning", D(2026, 11, 27), MORNING),
    ("on fri", D(2026, 11, 27), None),
    ("on wed at 10am", D(2026, 11, 25), T(10, 0)),
    ("on Tuesday", D(2026, 11, 24), None),
    ("THURSDAY", D(2026, 11, 26), None),
    ("this weekend", D(2026, 11, 21), None),
    ("next weekend", D(2026, 11, 28), None),
    ("on the weekend", D(2026, 11, 21), None),
    ("next week", D(2026, 11, 23), None),
    ("next month", D(2026, 12, 1), None),
    ("next year", D(2027, 1, 1), None),
    ("end of the month", D(2026, 11, 30), None),
    ("by the end of the month", D(2026, 11, 30), None),
    ("end of month", D(2026, 11, 30), None),
    ("end of next month", D(2026, 12, 31), None),
    ("end of week", D(2026, 11, 27), None),
    ("end of the year", D(2026, 12, 31), None),
    ("beginning of next month", D(2026, 12, 1), None),
    ("in 3 days", D(2026, 11, 24), None),
    ("in three days", D(2026, 11, 24), None),
    ("in a week", D(2026, 11, 28), None),
    ("in 2 weeks", D(2026, 12, 5), None),
    ("in a month", D(2026, 12, 21), None),
    ("in a year", D(2027, 11, 21), None),
    ("in a fortnight", D(2026, 12, 5), None),
    ("3 days from now", D(2026, 11, 24), None),
    ("in 2 hours", D(2026, 11, 21), T(16, 30)),
    ("in an hour", D(2026, 11, 21), T(15, 30)),
    ("in 30 minutes", D(2026, 11, 21), T(15, 0)),
    ("in half an hour", D(2026, 11, 21), T(15, 0)),
    ("in an hour and a half", D(2026, 11, 21), T(16, 0)),
    ("in 10 hours", D(2026, 11, 22), T(0, 30)),
    ("Dec 15", D(2026, 12, 15), None),
    ("dec 15th", D(2026, 12, 15), None),
    ("December 15th", D(2026, 12, 15), None),
    ("15 December", D(2026, 12, 15), None),
    ("15th of December", D(2026, 12, 15), None),
    ("on the 15th of December", D(2026, 12, 15), None),
    ("December 15, 2027", D(2027, 12, 15), None),
    ("December the 15th", D(2026, 12, 15), None),
    ("on Dec 24 at 6pm", D(2026, 12, 24), T(18, 0)),
    ("Nov 21", D(2026, 11, 21), None),
    ("Nov 20", D(2027, 11, 20), None),
    ("jan 3", D(2027, 1, 3), None),
    ("March 3", D(2027, 3, 3), None),
    ("may 5", D(2027, 5, 5), None),
    ("sept 1", D(2027, 9, 1), None),
    ("Feb 29", D(2028, 2, 29), None),
    ("2026-12-15", D(2026, 12, 15), None),
    ("on 2027-01-02 at 10:00", D(2027, 1, 2), T(10, 0)),
    ("on the 3rd", D(2026, 12, 3), None),
    ("by the 21st", D(2026, 11, 21), None),
    ("on the 31st", D(2026, 12, 31), None),
    ("on the 30th", D(2026, 11, 30), None),
]


@pytest.mark.parametrize(("text", "day", "clock"), CASES)
def test_when(text: str, day: date, clock: time | None) -> None:
    found = parse_when(text, NOW, BERLIN)
    assert found is not None
    assert found.problem is None
    assert (found.due_date, found.due_time) == (day, clock)


# now = Monday 2026-11-16 10:00
MONDAY_CASES: list[tuple[str, date]] = [
    ("friday", D(2026, 11, 20)),
    ("this friday", D(2026, 11, 20)),
    ("next friday", D(2026, 11, 27)),
    ("next monday", D(2026, 11, 23)),
    ("monday", D(2026, 11, 16)),
    ("next week", D(2026, 11, 23)),
    ("this weekend", D(2026, 11, 21)),
    ("next weekend", D(2026, 11, 28)),
    ("end of week", D(2026, 11, 20)),
    ("end of next week", D(2026, 11, 27)),
    ("sunday", D(2026, 11, 22)),
]


@pytest.mark.parametrize(("text", "day"), MONDAY_CASES)
def test_weekday_rules_early_in_the_week(text: str, day: date) -> None:
    found = parse_when(text, MONDAY, BERLIN)
    assert found is not None
    assert found.due_date == day


@pytest.mark.parametrize(
    ("text", "day", "clock"),
    [
        ("friday", D(2026, 11, 20), None),
        ("friday at 5pm", D(2026, 11, 20), T(17, 0)),
        ("friday at 8am", D(2026, 11, 27), T(8, 0)),
        ("next friday", D(2026, 11, 27), None),
    ],
)
def test_weekday_said_on_that_weekday(text: str, day: date, clock: time | None) -> None:
    found = parse_when(text, FRIDAY, BERLIN)
    assert found is not None
    assert (found.due_date, found.due_time) == (day, clock)


TRAPS = [
    "May conference",
    "plan the March budget",
    "fix the sat nav",
    "turn on sat nav",
    "watch Friday Night Lights",
    "Sunday roast recipe",
    "Sunday Roast",
    "buy 2 bottles",
    "read 1984",
    "call 911",
    "wait a second",
    "second draft",
    "march in the parade",
    "I may need to call Bob",
    "monthly report",
    "weekly review",
    "daily standup",
    "Monday motivation playlist",
    "buy 12 eggs",
    "room 101",
    "take 3 pills",
    "book for 4 people",
    "meet at 221B Baker Street",
    "score 5/10",
    "version 2.5",
    "pages 12-15",
    "the morning routine",
    "sun cream",
    "wed planning doc",
    "buy a mon ami gift",
    "",
]


@pytest.mark.parametrize("text", TRAPS)
def test_traps_are_not_dates(text: str) -> None:
    assert parse_when(text, NOW, BERLIN) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("February 30", "February 30 is not a date"),
        ("Feb 30", "February 30 is not a date"),
        ("April 31", "April 31 is not a date"),
        ("on the 31st of June", "June 31 is not a date"),
        ("Nov 31st", "November 31 is not a date"),
        ("Jan 32", "January 32 is not a date"),
        ("February 29, 2027", "February 29, 2027 is not a date"),
        ("2026-02-30", "2026-02-30 is not a date"),
        ("2026-13-01", "2026-13-01 is not a date"),
    ],
)
def test_invalid_dates_are_reported(text: str, message: str) -> None:
    found = parse_when(text, NOW, BERLIN)
    assert found is not None
    assert found.problem == message
    assert found.due_date is None


def test_spans_cover_the_phrase() -> None:
    text = "call mom on friday at 5pm please"
    found = parse_when(text, NOW, BERLIN)
    assert found is not None
    cut = "".join(ch for i, ch in enumerate(text) if not any(s <= i < e for s, e in found.spans))
    assert " ".join(cut.split()) == "call mom please"


def test_time_only_is_not_a_given_date() -> None:
    found = parse_when("at 5pm", NOW, BERLIN)
    assert found is not None
    assert not found.date_given
    found = parse_when("tomorrow at 5pm", NOW, BERLIN)
    assert found is not None
    assert found.date_given


ZONE_CASES: list[tuple[str, datetime, date, time]] = [
    # Berlin user, Saturday 14:30 CET (UTC+1).
    ("9am JST", NOW, D(2026, 11, 22), T(1, 0)),
    ("tomorrow 9am JST", NOW, D(2026, 11, 22), T(1, 0)),
    ("3pm EST", NOW, D(2026, 11, 21), T(21, 0)),
    ("tomorrow at 3pm EST", NOW, D(2026, 11, 22), T(21, 0)),
    ("10pm PST", NOW, D(2026, 11, 22), T(7, 0)),
    ("tomorrow at 10pm PST", NOW, D(2026, 11, 23), T(7, 0)),
    ("10:00 UTC", NOW, D(2026, 11, 22), T(11, 0)),
    ("16:00 UTC", NOW, D(2026, 11, 21), T(17, 0)),
    ("tomorrow 10:00 GMT", NOW, D(2026, 11, 22), T(11, 0)),
    ("tomorrow 5pm CET", NOW, D(2026, 11, 22), T(17, 0)),
    ("tomorrow 5pm BST", NOW, D(2026, 11, 22), T(18, 0)),
    ("tomorrow 9am IST", NOW, D(2026, 11, 22), T(4, 30)),
    ("tomorrow at 11pm ET", NOW, D(2026, 11, 23), T(5, 0)),
    ("dec 1 at 8am AEDT", NOW, D(2026, 11, 30), T(22, 0)),
    # Tokyo user: 3pm EST Saturday is Sunday 05:00 in Tokyo.
    ("tomorrow at 3pm EST", datetime(2026, 11, 21, 10, 0, tzinfo=TOKYO), D(2026, 11, 23), T(5, 0)),
    # New York user in summer: EST means New York civil time, so no shift.
    ("tomorrow at 3pm EST", datetime(2026, 7, 1, 9, 0, tzinfo=NEW_YORK), D(2026, 7, 2), T(15, 0)),
    ("tomorrow at 3pm UTC", datetime(2026, 7, 1, 9, 0, tzinfo=NEW_YORK), D(2026, 7, 2), T(11, 0)),
    ("tomorrow at 1am UTC", datetime(2026, 7, 1, 9, 0, tzinfo=NEW_YORK), D(2026, 7, 1), T(21, 0)),
]


@pytest.mark.parametrize(("text", "now", "day", "clock"), ZONE_CASES)
def test_explicit_zones_convert_to_the_user_zone(
    text: str, now: datetime, day: date, clock: time
) -> None:
    tz = now.tzinfo
    assert tz is not None
    found = parse_when(text, now, tz)  # type: ignore[arg-type]
    assert found is not None
    assert (found.due_date, found.due_time) == (day, clock)


def test_now_in_another_zone_is_converted_first() -> None:
    # 23:30 UTC on Saturday is already Sunday 00:30 in Berlin.
    now = datetime(2026, 11, 21, 23, 30, tzinfo=UTC)
    found = parse_when("tomorrow", now, BERLIN)
    assert found is not None
    assert found.due_date == D(2026, 11, 23)


DST_CASES: list[tuple[str, datetime, date, time]] = [
    # Europe/Berlin springs forward 2026-03-29 02:00 -> 03:00; 02:30 does not exist.
    ("tomorrow at 2:30am", datetime(2026, 3, 28, 12, 0, tzinfo=BERLIN), D(2026, 3, 29), T(2, 30)),
    # Europe/Berlin falls back 2026-10-25 03:00 -> 02:00; 02:30 happens twice.
    ("tomorrow at 2:30am", datetime(2026, 10, 24, 12, 0, tzinfo=BERLIN), D(2026, 10, 25), T(2, 30)),
    # In two hours across the Berlin spring-forward: 01:30 CET + 2h = 04:30 CEST.
    ("in 2 hours", datetime(2026, 3, 29, 1, 30, tzinfo=BERLIN), D(2026, 3, 29), T(4, 30)),
    # Across the fall-back: 01:30 CEST + 2h = 02:30 CET (the second 02:30).
    ("in 2 hours", datetime(2026, 10, 25, 1, 30, tzinfo=BERLIN), D(2026, 10, 25), T(2, 30)),
    # America/New_York springs forward 2026-03-08 02:00 -> 03:00.
    ("tomorrow at 2:30am", datetime(2026, 3, 7, 12, 0, tzinfo=NEW_YORK), D(2026, 3, 8), T(2, 30)),
    ("sunday at 2:30am", datetime(2026, 3, 7, 12, 0, tzinfo=NEW_YORK), D(2026, 3, 8), T(2, 30)),
    # America/New_York falls back 2026-11-01 02:00 -> 01:00.
    (
        "tomorrow at 1:30am",
        datetime(2026, 10, 31, 12, 0, tzinfo=NEW_YORK),
        D(2026, 11, 1),
        T(1, 30),
    ),
    ("in 3 hours", datetime(2026, 11, 1, 0, 30, tzinfo=NEW_YORK), D(2026, 11, 1), T(2, 30)),
    # 9am JST the day New York springs forward: 2026-03-08 09:00 JST = 03-07 19:00 EST.
    ("mar 8 at 9am JST", datetime(2026, 3, 7, 12, 0, tzinfo=NEW_YORK), D(2026, 3, 7), T(19, 0)),
    ("mar 9 at 9am JST", datetime(2026, 3, 7, 12, 0, tzinfo=NEW_YORK), D(2026, 3, 8), T(20, 0)),
]


@pytest.mark.parametrize(("text", "now", "day", "clock"), DST_CASES)
def test_dst_change_days(text: str, now: datetime, day: date, clock: time) -> None:
    tz = now.tzinfo
    assert tz is not None
    found = parse_when(text, now, tz)  # type: ignore[arg-type]
    assert found is not None
    assert (found.due_date, found.due_time) == (day, clock)


def test_defaults_are_documented_constants() -> None:
    assert (T(9), T(15), T(20), T(12)) == (MORNING, AFTERNOON, EVENING, NOON)


# Spoken clock times: "half past 4", "quarter to 9", "twenty past six", "at like nine". The clock
# said follows the bare-hour rule ("at 1".."at 7" pm, "8".."11" am, 12 noon) unless a part of the
# day or am/pm says otherwise; "to" is the hour before ("quarter to 9" = 8:45).
SAT = NOW  # Saturday 2026-11-21 14:30 Berlin
NY_SUMMER = datetime(2026, 7, 1, 9, 0, tzinfo=NEW_YORK)  # Wednesday 09:00 EDT
TOKYO_MORNING = datetime(2026, 11, 21, 8, 0, tzinfo=TOKYO)  # Saturday 08:00 JST
UTC_MORNING = datetime(2026, 11, 21, 9, 20, tzinfo=UTC_ZONE)  # Saturday 09:20 UTC

SPOKEN_CASES: list[tuple[str, datetime, str, date, time]] = [
    # Berlin, Saturday 14:30.
    ("call mom half past 4", SAT, "Call mom", D(2026, 11, 21), T(16, 30)),
    ("call mom half past four", SAT, "Call mom", D(2026, 11, 21), T(16, 30)),
    ("call mom half past 4 in the afternoon", SAT, "Call mom", D(2026, 11, 21), T(16, 30)),
    ("call mom half past four in the afternoon", SAT, "Call mom", D(2026, 11, 21), T(16, 30)),
    ("call mom at half past ten in the morning", SAT, "Call mom", D(2026, 11, 22), T(10, 30)),
    ("call mom at half 5", SAT, "Call mom", D(2026, 11, 21), T(17, 30)),
    ("call mom at half five", SAT, "Call mom", D(2026, 11, 21), T(17, 30)),
    ("call mom quarter past eleven in the morning", SAT, "Call mom", D(2026, 11, 22), T(11, 15)),
    ("call mom quarter to 9", SAT, "Call mom", D(2026, 11, 22), T(8, 45)),
    ("call mom quarter to 9 in the evening", SAT, "Call mom", D(2026, 11, 21), T(20, 45)),
    ("call mom quarter to nine in the evening", SAT, "Call mom", D(2026, 11, 21), T(20, 45)),
    ("call mom quarter to 9 pm", SAT, "Call mom", D(2026, 11, 21), T(20, 45)),
    ("call mom quarter to 9pm", SAT, "Call mom", D(2026, 11, 21), T(20, 45)),
    ("call mom tonight at quarter to 9", SAT, "Call mom", D(2026, 11, 21), T(20, 45)),
    ("call mom a quarter past 3", SAT, "Call mom", D(2026, 11, 21), T(15, 15)),
    ("call mom at a quarter past 3", SAT, "Call mom", D(2026, 11, 21), T(15, 15)),
    ("call mom quarter after 3", SAT, "Call mom", D(2026, 11, 21), T(15, 15)),
    ("call mom twenty past six", SAT, "Call mom", D(2026, 11, 21), T(18, 20)),
    ("call mom ten to seven", SAT, "Call mom", D(2026, 11, 21), T(18, 50)),
    ("call mom at ten to seven", SAT, "Call mom", D(2026, 11, 21), T(18, 50)),
    ("call mom ten to seven in the morning", SAT, "Call mom", D(2026, 11, 22), T(6, 50)),
    ("call mom 5 past 9", SAT, "Call mom", D(2026, 11, 22), T(9, 5)),
    ("call mom at 5 past 9", SAT, "Call mom", D(2026, 11, 22), T(9, 5)),
    ("call mom tomorrow 5 past 9", SAT, "Call mom", D(2026, 11, 22), T(9, 5)),
    ("call mom 5 past 9 in the evening", SAT, "Call mom", D(2026, 11, 21), T(21, 5)),
    ("call mom at 10 to 7", SAT, "Call mom", D(2026, 11, 21), T(18, 50)),
    # "five to nine" counts up like a range, so it needs a cue or a day next to it.
    ("call mom at five to nine", SAT, "Call mom", D(2026, 11, 22), T(8, 55)),
    ("call mom tomorrow five to nine", SAT, "Call mom", D(2026, 11, 22), T(8, 55)),
    ("call mom five to nine tonight", SAT, "Call mom", D(2026, 11, 21), T(20, 55)),
    ("call mom twenty-five past eight tomorrow", SAT, "Call mom", D(2026, 11, 22), T(8, 25)),
    ("call mom tomorrow at twenty five to ten", SAT, "Call mom", D(2026, 11, 22), T(9, 35)),
    ("call mom ten minutes to five", SAT, "Call mom", D(2026, 11, 21), T(16, 50)),
    ("call mom at 3 minutes past 6", SAT, "Call mom", D(2026, 11, 21), T(18, 3)),
    (
        "call mom friday at twenty to eight in the morning",
        SAT,
        "Call mom",
        D(2026, 11, 27),
        T(7, 40),
    ),
    ("call mom around half past three", SAT, "Call mom", D(2026, 11, 21), T(15, 30)),
    ("call mom at around half past three", SAT, "Call mom", D(2026, 11, 21), T(15, 30)),
    ("call mom by half past 5", SAT, "Call mom", D(2026, 11, 21), T(17, 30)),
    ("call mom at nine", SAT, "Call mom", D(2026, 11, 22), T(9, 0)),
    ("call mom at like nine", SAT, "Call mom", D(2026, 11, 22), T(9, 0)),
    ("call mom at like nine in the morning", SAT, "Call mom", D(2026, 11, 22), T(9, 0)),
    ("call mom at like 5", SAT, "Call mom", D(2026, 11, 21), T(17, 0)),
    ("call mom at around 5", SAT, "Call mom", D(2026, 11, 21), T(17, 0)),
    ("call mom at about 5", SAT, "Call mom", D(2026, 11, 21), T(17, 0)),
    ("call mom at seven thirty", SAT, "Call mom", D(2026, 11, 21), T(19, 30)),
    ("call mom tomorrow at seven thirty", SAT, "Call mom", D(2026, 11, 22), T(19, 30)),
    ("call mom tomorrow morning at seven thirty", SAT, "Call mom", D(2026, 11, 22), T(7, 30)),
    ("call mom at six forty-five", SAT, "Call mom", D(2026, 11, 21), T(18, 45)),
    ("call mom tomorrow six forty-five", SAT, "Call mom", D(2026, 11, 22), T(18, 45)),
    ("call mom six forty-five tomorrow", SAT, "Call mom", D(2026, 11, 22), T(18, 45)),
    ("call mom six forty-five in the morning", SAT, "Call mom", D(2026, 11, 22), T(6, 45)),
    ("call mom tomorrow at six forty-five pm", SAT, "Call mom", D(2026, 11, 22), T(18, 45)),
    ("call mom six forty-five pm", SAT, "Call mom", D(2026, 11, 21), T(18, 45)),
    ("call mom tomorrow at like six forty-five pm", SAT, "Call mom", D(2026, 11, 22), T(18, 45)),
    ("call mom six forty-five o'clock tomorrow", SAT, "Call mom", D(2026, 11, 22), T(18, 45)),
    ("call mom fri 5 past 9", SAT, "Call mom", D(2026, 11, 27), T(9, 5)),
    ("call mom tomorrow 10 past 7 in the evening", SAT, "Call mom", D(2026, 11, 22), T(19, 10)),
    ("call mom by like nine in the morning", SAT, "Call mom", D(2026, 11, 22), T(9, 0)),
    ("call mom at about nine in the morning", SAT, "Call mom", D(2026, 11, 22), T(9, 0)),
    ("call mom at like seven thirty", SAT, "Call mom", D(2026, 11, 21), T(19, 30)),
    ("standup at like 0730 tomorrow", SAT, "Standup", D(2026, 11, 22), T(7, 30)),
    ("standup at around 0730 tomorrow", SAT, "Standup", D(2026, 11, 22), T(7, 30)),
    ("call mom at six thirty please", SAT, "Call mom", D(2026, 11, 21), T(18, 30)),
    ("call mom by six thirty please", SAT, "Call mom", D(2026, 11, 21), T(18, 30)),
    ("call mom around six thirty please", SAT, "Call mom", D(2026, 11, 21), T(18, 30)),
    # The clock said is what the bare-hour rule reads: "quarter to 8" is 7:45, so 19:45.
    ("call mom at quarter to 8", SAT, "Call mom", D(2026, 11, 21), T(19, 45)),
    ("call mom at quarter to 8 in the morning", SAT, "Call mom", D(2026, 11, 22), T(7, 45)),
    ("call mom at half past 12", SAT, "Call mom", D(2026, 11, 22), T(12, 30)),
    ("call mom quarter to 1", SAT, "Call mom", D(2026, 11, 22), T(12, 45)),
    ("call mom quarter to 12", SAT, "Call mom", D(2026, 11, 22), T(11, 45)),
    ("call mom tonight at quarter to twelve", SAT, "Call mom", D(2026, 11, 21), T(23, 45)),
    ("call mom at quarter to midnight", SAT, "Call mom", D(2026, 11, 21), T(23, 45)),
    ("call mom quarter past noon", SAT, "Call mom", D(2026, 11, 22), T(12, 15)),
    ("call mom tomorrow at quarter past midnight", SAT, "Call mom", D(2026, 11, 22), T(0, 15)),
    ("call mom quarter to 1 am", SAT, "Call mom", D(2026, 11, 22), T(0, 45)),
    ("call mom at quarter past 10 pm", SAT, "Call mom", D(2026, 11, 21), T(22, 15)),
    # A zone after a spoken clock names that region's time (15:30 EST = 21:30 in Berlin).
    ("call bob at half past 3 EST", SAT, "Call bob", D(2026, 11, 21), T(21, 30)),
    # New York in summer, Wednesday 09:00.
    ("pay rent at half past ten", NY_SUMMER, "Pay rent", D(2026, 7, 1), T(10, 30)),
    ("pay rent tonight quarter to 9", NY_SUMMER, "Pay rent", D(2026, 7, 1), T(20, 45)),
    ("pay rent friday at ten past eleven", NY_SUMMER, "Pay rent", D(2026, 7, 3), T(11, 10)),
    # Tokyo, Saturday 08:00: 07:50 has passed, so tomorrow.
    (
        "walk dog at ten to eight in the morning",
        TOKYO_MORNING,
        "Walk dog",
        D(2026, 11, 22),
        T(7, 50),
    ),
    ("walk the dog twenty past nine", TOKYO_MORNING, "Walk the dog", D(2026, 11, 21), T(9, 20)),
    # UTC, Saturday 09:20: 09:15 has passed.
    ("join standup at quarter past nine", UTC_MORNING, "Join standup", D(2026, 11, 22), T(9, 15)),
    ("join standup at half nine", UTC_MORNING, "Join standup", D(2026, 11, 21), T(9, 30)),
]


@pytest.mark.parametrize(("text", "now", "title", "day", "clock"), SPOKEN_CASES)
def test_spoken_clock_times(text: str, now: datetime, title: str, day: date, clock: time) -> None:
    tz = now.tzinfo
    assert isinstance(tz, ZoneInfo)
    task = _one_task(text, now, tz)
    assert (task.title, task.due_date, task.due_time) == (title, day, clock)


def _one_task(text: str, now: datetime, tz: ZoneInfo) -> TaskDraft:
    intent = parse_message(text, now, tz)
    assert isinstance(intent, CreateTasks), intent
    assert len(intent.tasks) == 1
    return intent.tasks[0]


def test_spoken_clock_on_a_dst_change_day_is_kept_as_said() -> None:
    # Berlin springs forward on 2026-03-29: 02:30 does not exist and is returned as typed.
    now = datetime(2026, 3, 28, 12, 0, tzinfo=BERLIN)
    task = _one_task("feed the cat tomorrow at half past two in the morning", now, BERLIN)
    assert (task.title, task.due_date, task.due_time) == ("Feed the cat", D(2026, 3, 29), T(2, 30))


# Numbers, "half" and "quarter" that are not clock times keep their words and give no due time.
SPOKEN_TRAPS: list[tuple[str, str]] = [
    ("buy 2 bottles", "Buy 2 bottles"),
    ("read 1984", "Read 1984"),
    ("add half price sale", "Half price sale"),
    ("buy quarter final tickets", "Buy quarter final tickets"),
    ("add a quarter of the budget to savings", "A quarter of the budget to savings"),
    ("add twenty past", "Twenty past"),
    ("pay the past due bill", "Pay the past due bill"),
    ("book half an hour with the coach", "Book half an hour with the coach"),
    ("call mom half 5", "Call mom half 5"),
    ("read five to ten pages", "Read five to ten pages"),
    ("read chapters five to ten", "Read chapters five to ten"),
    ("call mom five to nine", "Call mom five to nine"),
    ("add meet between ten to seven and eight", "Meet between ten to seven and eight"),
    ("add chapter 10 to 12", "Chapter 10 to 12"),
    ("add count down from ten to seven", "Count down from ten to seven"),
    ("add review 10 past papers", "Review 10 past papers"),
    ("buy a quarter pound of cheese", "Buy a quarter pound of cheese"),
    ("add seven thirty-somethings to the guest list", "Seven thirty-somethings to the guest list"),
]


@pytest.mark.parametrize(("text", "title"), SPOKEN_TRAPS)
def test_spoken_clock_traps(text: str, title: str) -> None:
    task = _one_task(text, NOW, BERLIN)
    assert (task.title, task.due_date, task.due_time) == (title, None, None)


def test_half_an_hour_is_unchanged() -> None:
    task = _one_task("call mom in half an hour", NOW, BERLIN)
    assert (task.title, task.due_date, task.due_time) == ("Call mom", D(2026, 11, 21), T(15, 0))


@pytest.mark.parametrize(
    "text",
    ["5 to 9", "pages 5 to 9", "we met at one point", "half price", "twenty past", "half 5"],
)
def test_spoken_clock_traps_for_parse_when(text: str) -> None:
    assert parse_when(text, NOW, BERLIN) is None


@pytest.mark.parametrize(
    ("text", "rest", "clock"),
    [
        ("call mom at half past 4 in the afternoon please", "call mom please", T(16, 30)),
        ("call mom around half past three", "call mom", T(15, 30)),
        ("call mom a quarter past 3 about the party", "call mom about the party", T(15, 15)),
        ("call mom ten to seven, then cook", "call mom , then cook", T(18, 50)),
        ("call mom at like 5", "call mom", T(17, 0)),
        ("call mom at like nine", "call mom", T(9, 0)),
        ("call mom at half 5", "call mom", T(17, 30)),
    ],
)
def test_parse_when_reads_spoken_clocks_in_place(text: str, rest: str, clock: time) -> None:
    # parse_when reads the raw words too, and its spans cover them (the composer's preview).
    found = parse_when(text, NOW, BERLIN)
    assert found is not None
    assert found.due_time == clock
    cut = "".join(ch for i, ch in enumerate(text) if not any(s <= i < e for s, e in found.spans))
    assert " ".join(cut.split()) == rest


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("at quarter to six", "at 5:45"),
        ("around half past two", "at 2:30"),
        ("half past 4pm", "at 4:30pm"),
        ("at half 5", "at 5:30"),
        ("half 5", "half 5"),
        ("at like nine", "at 9:00"),
        ("six forty-five pm", "at 6:45pm"),
        ("tomorrow 5 past 9", "tomorrow at 9:05"),
        ("quarter to midnight", "at 23:45"),
        ("quarter past noon", "at 12:15"),
        ("half price", "half price"),
    ],
)
def test_clock_words_writes_spoken_clocks(text: str, written: str) -> None:
    assert clock_words(text) == written
