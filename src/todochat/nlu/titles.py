"""Turning what is left of a message into a todo title."""

from __future__ import annotations

import re

from .model import MAX_TITLE
from .text import squash

# Connectors left dangling once a phrase is cut out ("call mom and #home" -> "call mom and").
# Date cues (at/on/by) are cut with their phrase, so "turn the heating on" keeps its "on".
_TRAILING = re.compile(
    r"(?:\s*(?:[,;:@&+!?]|[-–—]+|\b(?:and|due|every|each|starting|please|pls|thanks|thx|lol|"
    r"haha+|ngl|tbh|asap|the|make\s+it|make\s+that|set\s+it|(?:please\s+)?(?:add|put|save|note)\s+"
    r"(?:it|that|this)(?:\s+(?:in|down))?)\b))+\s*$",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"^(?:\s*(?:[,;:&+]|[-–—]+|\b(?:and|then|also|to|please|pls|for\s+me(?:\s+to)?)\s))+\s*", re.I
)
_LIST_TAIL = re.compile(
    r"\s+(?:to|on|in|onto|into)\s+(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?"
    r"(?:list|todos|tasks|to-dos|todo)\s*$",
    re.IGNORECASE,
)
_LEAD_NOUN = re.compile(
    r"^(?:(?:a|an|the|new|another)\s+)*(?:task|todo|to-do|reminder)\s+(?:to|for|about|called|"
    r"named|titled)\s+|^(?:(?:a|an|new|another)\s+)+(?:task|todo|to-do|reminder)\s*:\s*",
    re.IGNORECASE,
)
# "I am having tea with Doris", "I have a dentist appointment": the event is the todo.
_SAID_OF_ME = re.compile(
    r"^(?:(?:i\s+am|i'm|we\s+are|we're)\s+having\s+"
    r"|(?:i|we)(?:\s+have|'ve)(?:\s+got)?\s+(?:(?:a|an)\s+)?(?=(?:my|our|the|\w+)\s))",
    re.IGNORECASE,
)
_WRAPPED = re.compile(r'^(["\'`])(.+)\1$', re.DOTALL)
_END_PUNCT = re.compile(r"[\s.,;:]+$")
_PAREN_EMPTY = re.compile(r"\(\s*\)|\[\s*\]")
_DOUBLED = re.compile(r"\b(the|a|an|to|of|for|and|in|on|at|with|my)\s+\1\b", re.IGNORECASE)


# Emoji after the last word ("study group 📚", "send rent to jess 💸"): a mood, not the todo;
# but "buy 🥛 and 🍞" names its things with them.
_EMOJI_END = re.compile(
    r"(?<![\s,&+])(?<!\band)(?<!\bor)\s+[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F\u200d\s]+$"
)


def clean_title(text: str) -> str:
    """Tidy the leftover words: no dangling connectors, first letter capitalised, capped."""
    text = _EMOJI_END.sub("", text.rstrip()) or text
    title = squash(_PAREN_EMPTY.sub(" ", text))
    title = _LIST_TAIL.sub("", title)
    title = _LEAD_NOUN.sub("", title)
    title = _SAID_OF_ME.sub("", title) or title
    for _ in range(3):
        before = title
        title = _TRAILING.sub("", title)
        title = _END_PUNCT.sub("", title)
        title = _LEADING.sub("", title)
        if title == before:
            break
    wrapped = _WRAPPED.match(title)
    if wrapped:
        title = wrapped.group(2).strip()
    title = re.sub(r"\s+([,;:!?])", r"\1", title)
    # A word said twice by a slip of speech or typing ("about the the field trip").
    title = _DOUBLED.sub(r"\1", title)
    if len(title) > MAX_TITLE:
        cut = title[:MAX_TITLE]
        space = cut.rfind(" ")
        title = (cut[:space] if space > MAX_TITLE - 40 else cut).rstrip()
    if title and title[0].islower():
        title = title[0].upper() + title[1:]
    return title
