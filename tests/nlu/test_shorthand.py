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
        # "like" after a cue is a filler: "at like nine" is written as "at nine" is
        ("call mom at nine", "call mom at 9:00"),
        ("call mom at like nine", "call mom at 9:00"),
        ("call mom at like nine in the morning", "call mom at 9:00am"),
        ("call mom at like 5", "call mom at 5"),
        ("meet at like seven thirty", "meet at 7:30"),
        ("call mom by like nine in the morning", "call mom by 9:00am"),
        ("standup at like 0730 tomorrow", "standup at 07:30 tomorrow"),
        # "about" and "around" after "at" stay, and the clock is cued once
        ("call mom at about nine in the morning", "call mom at about 9:00am"),
        ("call mom at around nine", "call mom at around 9:00"),
        ("standup at around 0730 tomorrow", "standup at around 07:30 tomorrow"),
        # a clock after its cue gets no second "at"
        ("call mom at six thirty please", "call mom at 6:30 please"),
        ("call mom by six thirty please", "call mom by 6:30 please"),
        ("call mom at about six thirty please", "call mom at about 6:30 please"),
        # the number before "past" is the minutes, not an hour after the day
        ("call mom tomorrow 10 past 7 in the evening", "call mom tomorrow 10 past 7pm"),
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
        # the minutes of a spoken clock are never an hour of their own; dates.clock_words
        # reads the whole clock
        "call mom six forty-five in the morning",
        "call mom six forty-five pm",
        "call mom tomorrow at six forty-five pm",
        "call mom at six forty-five o'clock",
        "call mom tomorrow 5 past 9",
        "call mom fri 10 after 9",
        "call mom ten to seven",
        "call mom at ten to seven",
        "call mom ten to seven in the morning",
        "call mom at five to nine tonight",
        "call mom five past nine in the morning",
        "call mom twenty-five past eight tomorrow",
        "call mom tomorrow at twenty five to ten",
        "call mom at twenty to eight in the morning",
    ],
)
def test_left_alone(text: str) -> None:
    assert write_out(text) == text
