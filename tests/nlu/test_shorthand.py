"""How a message is written out before it is read: texting words, fillers, openers, spoken and
compact clocks, day ordinals, sign-offs. Each rewrite must leave a message that needs none of
them exactly as it was, and never touch the words of a title."""

from __future__ import annotations

import pytest

from todochat.nlu.shorthand import write_out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # texting words and fillers
        ("sry nvm", "sorry never mind"),
        ("del the gym one", "delete the gym one"),
        ("um so like add bread", "so add bread"),
        ("hey so add eggs", "add eggs"),
        # spoken clocks, with and without a cue
        ("remind me at five thirty", "remind me at 5:30"),
        ("call mom seven in the morning", "call mom at 7:00am"),
        ("set it for 8 in the morning", "set it for 8am"),
        ("the meeting at 11 of the morning", "the meeting at 11am"),
        ("gym 6:30 in the evening", "gym 6:30pm"),
        # a 24-hour clock next to a day
        ("gym 1830 fri", "gym at 18:30 fri"),
        ("fri 830 standup", "fri at 8:30 standup"),
        ("standup at 0730 tomorrow", "standup at 07:30 tomorrow"),  # cued once, not twice
        # days of the month in words; the weekday before a date only confirms it
        ("dentist on the twenty third", "dentist on the 23rd"),
        ("friday the 26th party", "on the 26th party"),
        ("finish report by end of day", "finish report today"),
        # sign-offs
        ("call mom tomorrow 🙏", "call mom tomorrow"),
        ("dentist fri 3pm 😅!", "dentist fri 3pm"),
        ("add milk, no rush", "add milk"),
        ("call the bank when you get a chance", "call the bank"),
        (
            "you're a lifesaver 🙏 can you also add pump milk",
            "you're a lifesaver. can you also add pump milk",
        ),
    ],
)
def test_written_out(text: str, expected: str) -> None:
    assert write_out(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "buy 🥛 and 🍞",  # emoji that are the todo stay
        "add pick up whatever I can",
        "Read chapter five of Dune",  # no cue, nothing after: a title's number word stays
        "put the bins out on monday",
        "call Mom",
        "book flights to Lima",
    ],
)
def test_left_alone(text: str) -> None:
    assert write_out(text) == text
