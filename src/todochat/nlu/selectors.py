"""Bulk selectors: phrases that name several todos at once ("all the late ones", "everything
tagged errands", "those two", "both of them", "all of today's stuff").

A selector is a list filter (what ``list_tasks`` takes) or "what was just shown" (``shown``),
optionally with a count ("those two"). The dialogue lists what a selector matches and asks
before it changes more than one todo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .priority import clean_tag
from .text import NUMBER_RE, number, squash

_F = re.IGNORECASE
_ALL = (
    r"(?:all(?:\s+of)?(?:\s+(?:the|my|these|those))?|every(?:thing|\s+one|\s+single\s+one)?"
    r"|each(?:\s+of)?(?:\s+the)?|the\s+whole\s+lot(?:\s+of)?|any)"
)
_NOUN = r"(?:\s+(?:ones?|tasks?|todos?|to-dos?|items?|things?|stuff|reminders?))?"
_LATE = re.compile(
    rf"^(?:{_ALL}\s+)?(?:the\s+)?(?:late|overdue|past[\s-]due|missed|outstanding\s+overdue)"
    rf"{_NOUN}$|^(?:{_ALL}|everything)\s+(?:that's\s+|that\s+is\s+|which\s+is\s+)?"
    r"(?:late|overdue|past\s+due)$",
    _F,
)
_TODAY = re.compile(
    rf"^(?:{_ALL}\s+)?(?:of\s+)?(?:today's|todays|today)\s*{_NOUN}$"
    rf"|^(?:{_ALL}|everything)\s+(?:due\s+|for\s+|from\s+)?today$",
    _F,
)
_TAGGED = re.compile(
    rf"^(?:{_ALL}|everything)(?:\s+(?:tasks?|todos?|to-dos?|items?|things?|ones?))?"
    r"\s+(?:tagged|labell?ed|with|in|on|under|from)\s+(?:the\s+)?"
    r"(?:tag\s+)?#?(?P<t>[a-z][\w-]*)(?:\s+(?:tag|label|list))?$"
    rf"|^(?:{_ALL}\s+)?(?:the\s+|my\s+)?#(?P<t2>[a-z][\w-]*){_NOUN}$",
    _F,
)
_DAY = (
    r"(?:tomorrow|tmrw|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next\s+week|"
    r"this\s+week|this\s+weekend|next\s+weekend|the\s+weekend)"
)
_ON_DAY = re.compile(
    rf"^(?:{_ALL}\s+)?(?:of\s+)?(?P<d>{_DAY})(?:'s|s)?\s*{_NOUN}$"
    rf"|^(?:{_ALL}|everything)\s+(?:due\s+|for\s+|on\s+|from\s+|set\s+for\s+)?(?P<d2>{_DAY})$",
    _F,
)
_DONE = re.compile(
    rf"^(?:{_ALL}\s+)?(?:the\s+)?(?:done|completed|finished|ticked(?:\s+off)?){_NOUN}$", _F
)
_SHOWN = re.compile(
    rf"^(?:(?:all|both)(?:\s+of)?\s+)?(?:those|these|them|they|the\s+ones?\s+(?:above|you\s+"
    rf"(?:just\s+)?(?:showed|listed|found)))(?:\s+(?P<n>{NUMBER_RE}))?{_NOUN}(?:\s+(?:all|both))?$"
    r"|^(?:both|all\s+(?:of\s+)?them|them\s+all|the\s+(?P<n2>two|three|four|both)\s+of\s+them|"
    r"both\s+of\s+them|all\s+(?:of\s+)?these|all\s+(?:of\s+)?those|all\s+three|all\s+two|"
    r"the\s+lot|all\s+(?:of\s+)?the\s+(?:above|ones\s+above))$",
    _F,
)
_EVERYTHING = re.compile(
    r"^(?:everything|all(?:\s+(?:my|the|of\s+my|of\s+the))?\s+(?:tasks|todos|to-dos|items|"
    r"things|stuff)|every\s+(?:single\s+)?(?:task|todo|item)|all|the\s+whole\s+list|"
    r"everything\s+(?:on|in)\s+(?:my|the)\s+list)$",
    _F,
)
_BOTH = re.compile(r"^(?:both|the\s+two|all\s+(?P<n>two|three|four))\s+(?P<w>[a-z][\w'-]*)$", _F)
_PRIORITY = re.compile(
    rf"^(?:{_ALL}\s+)?(?:the\s+|my\s+)?(?P<lvl>high|medium|low|urgent|top|important)"
    rf"(?:[\s-]+priority)?{_NOUN}$",
    _F,
)
_UNDATED = re.compile(
    rf"^(?:{_ALL}|everything)?\s*(?:the\s+)?(?:ones?\s+|tasks?\s+|todos?\s+)?(?:without\s+(?:a\s+)?"
    r"(?:due\s+)?date|with\s+no\s+(?:due\s+)?date|undated|unscheduled|not\s+scheduled)"
    rf"{_NOUN}$|^(?:{_ALL}\s+)?(?:the\s+)?(?:undated|unscheduled){_NOUN}$",
    _F,
)
_WORD_ONES = re.compile(
    r"^(?:all\s+(?:of\s+)?|every\s+|each\s+)(?:the|my)?\s*(?P<w>[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)\s+(?:ones|tasks|"
    r"todos|items|things|stuff)$",
    _F,
)


# Several todos named by a word they share: "both priya calls", "all the marking", "the two
# things for the Kita", "both the buy ones"; and inside a longer phrase only with a noun that
# says "several" ("picked up both the buy ones at the merchants", "got all the grocery things").
_GROUP_NOUN = r"(?:ones|things|stuff|bits|tasks|todos|to-dos|items|calls|errands|jobs)"
_SOME = re.compile(
    r"^(?:(?P<n>both|two|three|four)|all(?:\s+of)?)\s+(?:of\s+)?(?:the\s+|my\s+)?"
    r"(?:(?P<n2>two|three|four)\s+)?"
    rf"(?P<w>[a-z][\w'-]*(?:\s+[a-z][\w'-]*)??)(?:\s+{_GROUP_NOUN})?"
    r"(?:\s+(?:for|about|from)\s+(?:the\s+|my\s+)?(?P<w2>[a-z][\w'-]*))?$"
    r"|^the\s+(?P<n3>two|three|four)\s+"
    rf"(?:{_GROUP_NOUN}\s+(?:for|about|from)\s+(?:the\s+|my\s+)?(?P<w3>[a-z][\w'-]*)"
    rf"|(?P<w4>[a-z][\w'-]*)(?:\s+{_GROUP_NOUN})?)$",
    _F,
)
_SOME_INSIDE = re.compile(
    r"\b(?:(?P<n>both)|all)\s+(?:of\s+)?(?:the\s+|my\s+)?"
    rf"(?P<w>[a-z][\w'-]*)\s+{_GROUP_NOUN}\b(?P<w2>)",
    _F,
)


@dataclass(frozen=True)
class Selector:
    """Several todos: by list filter, or what was just shown (``shown``), maybe ``count`` many."""

    filters: dict[str, Any] = field(default_factory=dict)
    shown: bool = False
    count: int | None = None
    everything: bool = False
    # A topic ("all the grocery stuff", "both calls"): todos with that tag or that word.
    word: str | None = None
    # Days, as said ("tomorrow", "friday", "next week"): todos due then.
    day: str | None = None


def bulk_selector(phrase: str) -> Selector | None:
    """The selector ``phrase`` is, or None when it names one todo."""
    found = _selector(phrase)
    if found is None and "," in phrase:
        # "every task tagged fundraising, round's closed": the group, then why.
        found = _selector(phrase.split(",", 1)[0])
    return found


def _selector(phrase: str) -> Selector | None:
    text = squash(phrase).strip(" .,!?").lower()
    text = re.sub(r"(?<![\w/])w/(?!o\b)\s*", "with ", text)  # "everything w/ the errands tag"
    text = re.sub(r"^(?:out|off|up)\s+", "", text)  # "close out all ...", "tick off all ..."
    if not text:
        return None
    if _LATE.match(text):
        return Selector({"due": "overdue"})
    if _TODAY.match(text):
        return Selector({"due": "today"})
    m = _ON_DAY.match(text)
    if m:
        return Selector(day=(m["d"] or m["d2"]).lower())
    if _EVERYTHING.match(text):  # before tags: "everything on my list" names no tag "my"
        return Selector(shown=True, everything=True)
    m = _TAGGED.match(text)
    if m:
        return Selector({"tag": clean_tag(m["t"] or m["t2"])})
    if _DONE.match(text):
        return Selector({"status": "completed"})
    m = _PRIORITY.match(text)
    if m:
        level = m["lvl"].lower()
        return Selector({"priority": "high" if level in ("urgent", "top", "important") else level})
    if _UNDATED.match(text):
        return Selector({"due": "none"})
    m = _BOTH.match(text)
    if m:
        count = number(m["n"]) if m["n"] else 2
        return Selector(shown=True, count=count, word=m["w"])
    m = _SHOWN.match(text)
    if m:
        words = (m["n"] or m["n2"] or "").lower()
        count = (
            2 if words == "both" or text.startswith("both") else (number(words) if words else None)
        )
        return Selector(shown=True, count=count)
    m = _WORD_ONES.match(text)
    if m:
        return Selector(word=m["w"])
    m = _SOME.match(text) or _SOME_INSIDE.search(text)
    if m:
        got = {k: v for k, v in m.groupdict().items() if v}
        said = (got.get("n") or got.get("n2") or got.get("n3") or "").lower()
        count = 2 if said == "both" else (number(said) if said else None)
        word = got.get("w2") or got.get("w3") or got.get("w") or got.get("w4")
        if word and word not in _NOT_A_WORD:
            return Selector(count=count, word=word)
    return None


# Words that name no todo after "all the" ("all the time", "all the same").
_NOT_A_WORD = frozenset(
    {"time", "same", "way", "rest", "others", "other", "best", "more", "the", "my", "of", "them"}
    | {"these", "those", "this", "that", "it", "its", "your", "our", "their", "a", "an", "and"}
)
