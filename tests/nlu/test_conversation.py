"""Conversation moves, answers to questions, and messages that must not become todos."""

from __future__ import annotations

import time

import pytest

from todochat.nlu import (
    Choose,
    Confirm,
    CreateTasks,
    Goodbye,
    Greeting,
    Help,
    Intent,
    Thanks,
    Unknown,
    parse_message,
)

from .common import BERLIN, NOW


def parse(text: str) -> Intent:
    return parse_message(text, NOW, BERLIN)


SMALLTALK: list[tuple[str, Intent]] = [
    ("hi", Greeting()),
    ("Hello!", Greeting()),
    ("hey there", Greeting()),
    ("good morning", Greeting()),
    ("hi, how are you?", Greeting()),
    ("help", Help()),
    ("what can you do?", Help()),
    ("How does this work?", Help()),
    ("?", Help()),
    ("thanks", Thanks()),
    ("thank you so much!", Thanks()),
    ("ok thanks", Thanks()),
    ("cheers", Thanks()),
    ("bye", Goodbye()),
    ("see you later", Goodbye()),
    ("good night", Goodbye()),
    ("that's all", Goodbye()),
    ("yes", Confirm(yes=True)),
    ("Yes!", Confirm(yes=True)),
    ("yep, do it", Confirm(yes=True)),
    ("sure", Confirm(yes=True)),
    ("ok", Confirm(yes=True)),
    ("go ahead", Confirm(yes=True)),
    ("yes please", Confirm(yes=True)),
    ("absolutely", Confirm(yes=True)),
    ("👍 yes", Confirm(yes=True)),
    ("no", Confirm(yes=False)),
    ("nope", Confirm(yes=False)),
    ("cancel", Confirm(yes=False)),
    ("no thanks", Confirm(yes=False)),
    ("never mind", Confirm(yes=False)),
    ("don't", Confirm(yes=False)),
    ("stop", Confirm(yes=False)),
    ("the first", Choose(ordinal=1)),
    ("the first one", Choose(ordinal=1)),
    ("first", Choose(ordinal=1)),
    ("2", Choose(ordinal=2)),
    ("number 3", Choose(ordinal=3)),
    ("#2", Choose(ordinal=2)),
    ("the second one", Choose(ordinal=2)),
    ("the 3rd", Choose(ordinal=3)),
    ("the last one", Choose(ordinal=-1)),
    ("the one about milk", Choose(words="milk")),
    ("the one called buy milk", Choose(words="buy milk")),
    ("the milk one", Choose(words="milk")),
]


@pytest.mark.parametrize(("text", "expected"), SMALLTALK)
def test_smalltalk(text: str, expected: Intent) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("asdfgh qwerty", "gibberish"),
        ("asdf", "gibberish"),
        ("qwertyuiop", "gibberish"),
        ("jkjkjkjk", "gibberish"),
        ("zxcvbnm", "gibberish"),
        ("sdfsdfsdf ghjghj", "gibberish"),
        ("añadir comprar leche mañana", "foreign"),
        ("acheter du pain demain", "foreign"),
        ("rappelle-moi d'appeler maman demain", "foreign"),
        ("Milch kaufen morgen", "foreign"),
        ("erinnere mich morgen an den Zahnarzt", "foreign"),
        ("comprare il latte domani", "foreign"),
        ("牛乳を買う", "foreign"),
        ("明天买牛奶", "foreign"),
        ("купить молоко завтра", "foreign"),
        ("اشتري الحليب", "foreign"),
        ("우유 사기", "foreign"),
        ("hmm", "unclear"),
        ("the weather is nice", "unclear"),
        ("why?", "unclear"),
        ("12345", "unclear"),
        ("...", "unclear"),
        ("", "unclear"),
        ("   ", "unclear"),
        ("monthly report", "unclear"),
    ],
)
def test_never_a_todo(text: str, reason: str) -> None:
    intent = parse(text)
    assert isinstance(intent, Unknown), intent
    assert intent.reason == reason


def test_english_command_with_a_foreign_title_is_kept() -> None:
    intent = parse("add 牛乳を買う tomorrow")
    assert isinstance(intent, CreateTasks)
    assert intent.tasks[0].title == "牛乳を買う"


def test_unclear_keeps_the_text_for_a_suggestion() -> None:
    assert parse("the weather is nice") == Unknown("unclear", "the weather is nice")


@pytest.mark.parametrize(
    "text",
    [
        "x" * 20_000,
        "buy " * 5_000,
        "add " + "call mom tomorrow at 5pm #home p1 " * 600,
        "every " * 4_000,
        "on friday " * 2_000,
        "🙂" * 20_000,
        "a, " * 7_000,
    ],
)
def test_long_input_is_fast_and_capped(text: str) -> None:
    start = time.perf_counter()
    intent = parse(text)
    elapsed = time.perf_counter() - start
    assert elapsed < 0.25
    if isinstance(intent, CreateTasks):
        assert all(len(t.title) <= 500 for t in intent.tasks)
        assert len(intent.tasks) <= 50
