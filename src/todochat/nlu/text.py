"""Text helpers shared by the extractors: normalisation, numbers and a span-masking scanner."""

from __future__ import annotations

import re
from collections.abc import Iterator

# Only this much of a message is examined, so a 20,000-character paste costs the same as a tweet.
MAX_SCAN = 600

Span = tuple[int, int]

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_SPACE = re.compile(r"[ \t\r\f\v]+")
_ALL_SPACE = re.compile(r"\s+")

NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "couple": 2,
    "a couple of": 2,
    "couple of": 2,
    "few": 3,
    "a few": 3,
}
NUMBER_RE = r"(?:\d{1,3}|a\s+couple\s+of|couple\s+of|a\s+few|few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"  # noqa: E501

ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "last": -1,
}


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` (for long word lists written as prose)."""
    return frozenset(text.split())


def normalise(text: str) -> str:
    """Straight quotes, single spaces, trimmed, cut to MAX_SCAN characters."""
    text = text[:MAX_SCAN].translate(_QUOTES)
    return _SPACE.sub(" ", text).strip()


def squash(text: str) -> str:
    """Collapse all whitespace (including newlines) to single spaces."""
    return _ALL_SPACE.sub(" ", text).strip()


def number(word: str) -> int | None:
    """The value of a digit string or a small number word."""
    word = squash(word.lower())
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def ordinal(word: str) -> int | None:
    """The value of "third", "3rd" or "3"; -1 for "last"."""
    word = word.lower()
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    digits = word.rstrip("stndrh")
    if digits.isdigit() and word[len(digits) :] in ("", "st", "nd", "rd", "th"):
        return int(digits)
    return None


class Scanner:
    """Finds phrases in a text; consumed phrases are blanked so later patterns cannot reuse them."""

    __slots__ = ("masked", "spans", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.masked = text
        self.spans: list[Span] = []

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches of ``pattern`` in the not-yet-consumed text."""
        return pattern.finditer(self.masked)

    def search(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """The first match of ``pattern`` in the not-yet-consumed text."""
        return pattern.search(self.masked)

    def consume(self, start: int, end: int) -> None:
        """Blank ``text[start:end]`` (spaces keep every other index valid)."""
        if end <= start:
            return
        self.masked = self.masked[:start] + " " * (end - start) + self.masked[end:]
        self.spans.append((start, end))

    def before(self, start: int) -> str:
        """The unconsumed text before ``start``."""
        return self.masked[:start]

    def after(self, end: int) -> str:
        """The unconsumed text after ``end``."""
        return self.masked[end:]

    def remaining(self) -> str:
        """The unconsumed text with spaces squashed."""
        return squash(self.masked)


def remove_spans(text: str, spans: list[Span] | tuple[Span, ...]) -> str:
    """``text`` without the given spans, spaces squashed."""
    if not spans:
        return squash(text)
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if start > pos:
            out.append(text[pos:start])
        pos = max(pos, end)
    out.append(text[pos:])
    return squash(" ".join(out))


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Za-z])")
# A full stop after these ends a word, not a sentence ("email Dr. Smith").
_ABBREVIATIONS = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "mx",
        "prof",
        "st",
        "sr",
        "jr",
        "vs",
        "etc",
        "eg",
        "ie",
        "approx",
        "appt",
        "dept",
        "no",
        "nr",
        "inc",
        "ltd",
        "co",
        "mt",
        "ft",
        "ave",
        "rd",
    ]
)


def split_sentences(message: str, gaps: re.Pattern[str] = _SENTENCE) -> list[str]:
    """The sentences of ``message``, not split after an abbreviation ("Mr. Braun").

    ``gaps`` finds where sentences may end; a full stop there counts only after a word that is
    not an abbreviation or a single letter.
    """
    out: list[str] = []
    start = 0
    for gap in gaps.finditer(message):
        before = message[start : gap.start()].rstrip(".!?").rsplit(maxsplit=1)
        last = before[-1].lower().replace(".", "") if before else ""
        if message[gap.start() - 1] == "." and (last in _ABBREVIATIONS or len(last) == 1):
            continue
        out.append(message[start : gap.start()])
        start = gap.end()
    out.append(message[start:])
    return [x for x in out if x.strip()]
