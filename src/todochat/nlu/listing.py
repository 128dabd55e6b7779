"""Requests to see todos ("what's on today?", "#work tasks", "anything about milk?")."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from .dates import FULL_WEEKDAYS, MONTHS, WEEKDAYS, parse_when
from .model import DueFilter, ListTasks, Priority, Status
from .priority import LEVELS, P_CODES, clean_tag
from .text import word_set

_F = re.IGNORECASE
_NOUN = r"(?:tasks?|todos?|to-dos?|items?|things|stuff|reminders?|list|agenda|plate|schedule|ones)"
_POLITE = (
    r"^(?:(?:ok|okay|so|and|hey|please|now)[,\s]+)*(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?"
)
_STRONG = re.compile(
    _POLITE + r"(?:show|list|display|what|what's|whats|what\s+is|what\s+are|which|any|anything|"
    r"is\s+there|are\s+there|is\s+anything|are\s+any|do\s+i\s+have|have\s+i|how\s+many|"
    r"search|where\s+are|pull\s+up|bring\s+up|let\s+me\s+see|gimme|give\s+me|tell\s+me\s+(?:what|which|"
    r"if|whether)|(?:do|does)\s+\w+\s+have\s+anything)\b",
    _F,
)
# Weak leads ("my", "overdue", "#work" ...) only list when a list noun or "?" follows.
_WEAK = re.compile(
    _POLITE + r"(?:see|view|get|give|tell|read|print|find|look\s+for|look\s+up|lookup|my|all|open|"
    r"pending|overdue|upcoming|completed|finished|done|remaining|outstanding|todays?|today's|"
    r"tomorrow's|high|low|medium|urgent|important|undated|p[1-4]\s+(?:stuff|ones|tasks|todos|items|things)|#[a-z])",
    _F,
)
_HAS_NOUN = re.compile(rf"\b{_NOUN}\b|\?\s*$|^\S+$", _F)
_NOUN_ONLY = re.compile(
    r"^(?:my\s+|all\s+(?:of\s+)?(?:my\s+)?|the\s+|open\s+)?(?:todo\s+|to-do\s+)?"
    r"(?:tasks|todos|to-dos|list|agenda)\??$",
    _F,
)
_COMPLETED = re.compile(
    r"\b(?:completed|done|finished|ticked\s+off|checked\s+off|crossed\s+off|accomplished|"
    r"did\s+i\s+(?:do|finish|complete)|(?:i|i've|ive)\s+(?:have\s+|already\s+)*(?:finish|complete))\b",
    _F,
)
_NOT_DONE = re.compile(r"\b(?:not|un)[\s-]?(?:done|completed|finished)\b|\bstill\s+open\b", _F)
_ALL = re.compile(
    r"\b(?:including|incl\.?|with|and)\s+(?:the\s+)?(?:completed|done|finished)(?:\s+ones)?\b|"
    r"\b(?:open\s+and\s+(?:completed|done)|(?:completed|done)\s+and\s+open|every\s+single)\b|"
    r"\b(?:completed|done|finished)\s+ones\s+(?:too|as\s+well)\b",
    _F,
)
_DUE = (
    (re.compile(r"\b(?:overdue|late|past[\s-]due|missed|behind)\b", _F), "overdue"),
    (
        re.compile(
            r"\b(?:no\s+|without\s+(?:a\s+)?|missing\s+(?:a\s+)?)(?:due\s+)?dates?\b|\bundated\b|"
            r"\b(?:don't|do\s+not|doesn't|does\s+not|haven't)\s+have\s+(?:a\s+|any\s+)?(?:due\s+)?"
            r"dates?\b|"
            r"\bunscheduled\b|\bnot\s+scheduled\b|\bno\s+deadline\b",
            _F,
        ),
        "none",
    ),
    (re.compile(r"\b(?:today|tonight|today's|todays|this\s+evening)\b", _F), "today"),
    (
        re.compile(
            r"\b(?:upcoming|coming\s+up|next\s+(?:\d+|seven|few|couple\s+of)\s+days|this\s+week|"
            r"next\s+week|soon|tomorrow|tomorrow's|later|this\s+weekend|ahead|future)\b",
            _F,
        ),
        "upcoming",
    ),
)
_TAG = re.compile(
    r"(?<![\w&])#(?P<h>[a-z][\w-]*)|\b(?:tagged|tag|labell?ed|label)\s+(?:with\s+|as\s+)?#?"
    r"(?P<t>[a-z][\w-]*)|\b(?P<p>[a-z]\w*)-tagged\b",
    _F,
)
_PRIORITY = re.compile(
    r"\b(?P<lvl>high|highest|top|medium|normal|low|lowest|no)[\s-]+(?:priority|prio)\b|"
    r"\b(?:priority|prio)\s+(?P<lvl2>high|medium|low|[1-4])\b|\b(?P<code>p[1-4])\b|"
    r"\b(?P<hot>urgent|important|high\s+ones|critical)\b",
    _F,
)
_QUERY = re.compile(
    r"\b(?:about|regarding|re|mentioning|containing|matching|involving|related\s+to|"
    r"with\s+the\s+words?|that\s+(?:mentions?|contains?|says?)|called|named|titled|"
    r"search\s+(?:for\s+)?|find\s+(?:me\s+)?|look\s+(?:for|up)\s+|lookup\s+|for)\s+"
    r"(?P<q>.+?)\s*(?:\b(?:tasks?|todos?|items?|on\s+my\s+list|in\s+my\s+list)\b)?[\s?!.]*$",
    _F,
)
_SEARCH_LEAD = re.compile(
    r"^(?:search|find|look\s+for|look\s+up|lookup)\s+(?:for\s+)?(?P<q>.+?)[\s?!.]*$", _F
)
_QUERY_STOP = word_set(
    "me my it them tasks todos today tomorrow everything anything all stuff things this that "
    "the list now"
)


def _status(text: str) -> Status:
    if _ALL.search(text):
        return "all"
    if _COMPLETED.search(text) and not _NOT_DONE.search(text):
        return "completed"
    return "open"


def _due(text: str) -> DueFilter | None:
    for pattern, due in _DUE:
        if pattern.search(text):
            return due  # type: ignore[return-value]
    return None


def _priority(text: str) -> Priority | None:
    m = _PRIORITY.search(text)
    if m is None:
        return None
    if m["code"]:
        return P_CODES[m["code"][1]]
    if m["hot"]:
        return "high"
    word = (m["lvl"] or m["lvl2"]).lower()
    return P_CODES.get(word) or LEVELS.get(word)


def _query(text: str) -> str | None:
    m = _SEARCH_LEAD.match(text) or _QUERY.search(text)
    if m is None:
        return None
    q = m["q"].strip(" '\"?!.")
    q = re.sub(r"\s+(?:tasks?|todos?|items?|on\s+my\s+list|in\s+my\s+list)$", "", q, flags=_F)
    q = re.sub(r"^(?:the|my|a|an|our)\s+(?=\S)", "", q, flags=_F)
    if not q or q.lower() in _QUERY_STOP or _due(q) or q.lower().startswith(("today", "tomorrow")):
        return None
    return q.strip(" '\"")


def is_list_noun(text: str) -> bool:
    """True for a bare "tasks", "my todos", "todo list"."""
    return bool(_NOUN_ONLY.match(text))


def is_listing(text: str) -> bool:
    """True when the message asks to see todos rather than change them."""
    if _STRONG.match(text) or _NOUN_ONLY.match(text):
        return True
    return bool(_WEAK.match(text) and _HAS_NOUN.search(text))


# Words a listing request is made of; what is left is a topic ("show my errands").
_LISTING_WORDS = (
    word_set(
        """show list display what whats what's is are on in for my the all any anything something
    do does i i've ive have got there me please can you could would tell give see view get
    todos todo tasks task items item things thing stuff list lists agenda open pending
    upcoming due today tonight tomorrow this that week weekend next overdue late completed
    done finished high low medium priority urgent important with tagged tag tags label about
    planned coming up left still remaining outstanding a an of to be need needs at by from
    hey ok okay so and now again currently right else other ones one lined schedule scheduled
    time day days month year how many much have, whats undated unscheduled p1 p2 p3 p4 ones
    including incl every single deadline deadlines date dates no without missing which when
    where who"""
    )
    | frozenset(WEEKDAYS)
    | frozenset(MONTHS)
)
_WORD_RE = re.compile(r"[#\w'-]+")
_WEEKEND = re.compile(r"\b(?P<mod>this|next|the)?\s*weekend\b", _F)
_NEXT_WEEK = re.compile(r"\bnext\s+week\b", _F)
_WEEK_AFTER = re.compile(
    r"\b(?:the\s+)?(?:week|one)\s+after(?:\s+that)?\b|\bthe\s+following\s+week\b", _F
)
_DAY_AFTER = re.compile(
    r"\b(?:the\s+)?(?:day\s+after(?!\s+tomorrow)|next\s+day|following\s+day)\b", _F
)
_DATE_WORDS = re.compile(
    r"\b(?:tomorrow|tmrw|"
    + "|".join(FULL_WEEKDAYS)
    + r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    r"|\d{4}-\d{2}-\d{2}|(?:" + "|".join(m for m in MONTHS if len(m) >= 3) + r")\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:"
    + "|".join(m for m in MONTHS if len(m) >= 3)
    + r"))\b",
    _F,
)


_THIS_SPAN = re.compile(
    r"\b(?:this|the\s+rest\s+of\s+the|rest\s+of\s+the)\s+(?P<unit>week|month|year)\b", _F
)
_BEFORE = re.compile(
    r"\b(?P<cue>before|by|until|till|between\s+(?:now|today)\s+and"
    r"|from\s+(?:now|today)\s+(?:until|till|to))\s+(?P<when>(?:next\s+|this\s+)?\w+)",
    _F,
)


_DAY_WORD = (
    r"(?:today|tonight|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|mon|tue|wed|thu|fri|sat|sun)"
)
# "today and tomorrow", "friday or saturday": both days.
_TWO_DAYS = re.compile(rf"\b(?P<a>{_DAY_WORD})\s+(?:and|or|&|\+)\s+(?P<b>{_DAY_WORD})\b", _F)


def day_window(text: str, now: datetime, tz: ZoneInfo) -> tuple[date, date] | None:
    """The first and last day a phrase names ("tomorrow", "friday", "next week"), if any."""
    if re.fullmatch(r"\s*this\s+week\s*", text, _F):
        today = now.astimezone(tz).date()
        return today, today - timedelta(days=today.weekday()) + timedelta(days=6)
    return _window(text, now, tz)


def _window(text: str, now: datetime, tz: ZoneInfo) -> tuple[date, date] | None:
    """The days a listing asks about: "for thursday", "tomorrow", "this weekend", "next week"."""
    today = now.astimezone(tz).date()
    m = _WEEKEND.search(text)
    if m:
        saturday = today + timedelta(days=(5 - today.weekday()) % 7)
        if today.weekday() == 6:
            saturday = today - timedelta(days=1)
        if (m["mod"] or "").lower() == "next":
            saturday += timedelta(days=7)
        return saturday, saturday + timedelta(days=1)
    if _NEXT_WEEK.search(text):
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
        return monday, monday + timedelta(days=6)
    span = _THIS_SPAN.search(text)
    if span:
        unit = span["unit"].lower()
        if unit == "year":
            return today, date(today.year, 12, 31)
        if unit == "month":
            following = date(today.year + today.month // 12, today.month % 12 + 1, 1)
            return today, following - timedelta(days=1)
        # "this week": the seven days from today, today's todos included (on a Saturday the
        # week people mean is the one ahead, not the weekend that is left).
        return today, today + timedelta(days=6)
    before = _BEFORE.search(text)
    if before:
        when = parse_when(before["when"], now, tz)
        if when is not None and when.due_date is not None and when.date_given:
            last = when.due_date - timedelta(days=1) if before["cue"] == "before" else when.due_date
            return today, last
    both = _TWO_DAYS.search(text)
    if both:
        first = parse_when(both["a"], now, tz)
        second = parse_when(both["b"], now, tz)
        if (
            first
            and second
            and first.due_date
            and second.due_date
            and not (first.problem or second.problem)
        ):
            return min(first.due_date, second.due_date), max(first.due_date, second.due_date)
    if not _DATE_WORDS.search(text):
        return None
    when = parse_when(text, now, tz)
    if when is None or when.due_date is None or when.problem or not when.date_given:
        return None
    return when.due_date, when.due_date


_TOPIC_AT = re.compile(
    r"\b(?:my|the|on|in|under|from)\s+(?P<a>[a-z][\w-]{1,30})\b(?!\s+(?:of|to|for|about)\b)"
    r"|\b(?P<b>[a-z][\w-]{1,30})\s+(?:list|stuff|things|tasks|todos|to-dos|items|ones|jobs|bits)\b"
    r"|^(?:which|what|any)\s+(?P<c>[a-z][\w-]{1,30})\s+(?:do|did|have|are|is|am|coming|left|due)\b",
    _F,
)


def _topic(text: str, tag: str | None, query: str | None) -> str | None:
    """The one topic word of "show my errands", "anything on the home list?", "work stuff"."""
    if tag or query:
        return None
    words: list[str] = [w.strip("'") for w in _WORD_RE.findall(text.lower())]
    left = [w for w in words if w and w not in _LISTING_WORDS and not w.isdigit()]
    if len(left) != 1:
        return None
    for m in _TOPIC_AT.finditer(text):
        if (m["a"] or m["b"] or m["c"] or "").lower() == left[0]:
            return left[0]
    return None


def parse_listing(text: str, now: datetime | None = None, tz: ZoneInfo | None = None) -> ListTasks:
    """The filters in a listing request."""
    tag_match = _TAG.search(text)
    tag = clean_tag(tag_match["h"] or tag_match["t"] or tag_match["p"]) if tag_match else None
    query = _query(text)
    if query is not None and tag_match and query.lower().lstrip("#") == tag:
        query = None
    due = _due(text)
    window = _window(text, now, tz) if now is not None and tz is not None else None
    if window is not None and due in ("upcoming", "today", None):
        due = None
        if query is not None and _DATE_WORDS.search(query):
            query = None
    return ListTasks(
        status=_status(text),
        due=due,
        tag=tag,
        priority=_priority(text),
        query=query,
        word=_topic(text, tag, query),
        due_from=window[0] if window else None,
        due_to=window[1] if window else None,
    )


_LEVEL_ONLY = re.compile(
    r"\s*(high|medium|low|urgent|top)(?:\s+(?:ones|priority|stuff))?\s*\??\s*", _F
)


_DONE_ONES = re.compile(
    r"\b(?:done|finished|completed|complete|ticked(?:\s+off)?|checked(?:\s+off)?|crossed\s+off)\b"
    r"(?!\s+(?:by|before|on|for)\b)",
    _F,
)
_OPEN_ONES = re.compile(
    r"\b(?:open|unfinished|not\s+done|left|remaining|outstanding|to\s+do)\b", _F
)
_ALL_ONES = re.compile(r"^(?:the\s+)?(?:all|everything|all\s+of\s+them)(?:\s+\w+)?\s*\??$", _F)
_THE_ONES = re.compile(
    r"^(?:the\s+)?(.+?)\s+(?:ones|stuff|things|todos|tasks|items)(?:\s+too)?\s*\??\s*$", _F
)


def read_window(text: str, now: datetime, tz: ZoneInfo, base: dict[str, Any]) -> ListTasks | None:
    """A follow-up on the last list: the same filters for another window ("and tomorrow?",
    "what about the week after?") or another topic ("and work?"); None when it is neither."""
    today = now.astimezone(tz).date()
    previous = ListTasks(
        status=base.get("status", "open"),
        due=base.get("due"),
        tag=base.get("tag"),
        priority=base.get("priority"),
        query=base.get("query"),
        due_from=date.fromisoformat(base["due_from"]) if base.get("due_from") else None,
        due_to=date.fromisoformat(base["due_to"]) if base.get("due_to") else None,
    )
    start, end = previous.due_from, previous.due_to
    if previous.due == "upcoming":
        start, end = today + timedelta(days=1), today + timedelta(days=7)
    elif previous.due == "today":
        start = end = today
    if _WEEK_AFTER.search(text) and start and end:
        return replace(
            previous, due=None, due_from=start + timedelta(days=7), due_to=end + timedelta(days=7)
        )
    if _DAY_AFTER.search(text) and start and end:
        days = (end - start).days + 1
        return replace(
            previous,
            due=None,
            due_from=start + timedelta(days=days),
            due_to=end + timedelta(days=days),
        )
    if _DONE_ONES.search(text):
        return replace(previous, status="completed")  # "and the finished ones?"
    if _OPEN_ONES.search(text):
        return replace(previous, status="open")
    if _ALL_ONES.search(text):
        return replace(previous, status="all")
    text = _THE_ONES.sub(r"\1", text)  # "the low ones" -> "low"
    fresh = parse_listing(text, now, tz)
    if fresh.due or fresh.due_from:
        return replace(
            previous, due=fresh.due, due_from=fresh.due_from, due_to=fresh.due_to,
            tag=fresh.tag or previous.tag, priority=fresh.priority or previous.priority,
        )  # fmt: skip
    if fresh.tag or fresh.priority or fresh.word:
        return replace(
            previous, tag=fresh.tag, priority=fresh.priority, word=fresh.word, query=None
        )
    level = re.fullmatch(
        r"\s*(high|medium|low|urgent|top)(?:\s+(?:ones|priority|stuff))?\s*\??\s*", text, _F
    )
    if level:
        word = level[1].lower()
        priority = "high" if word in ("urgent", "top") else word
        return replace(previous, priority=priority)  # type: ignore[arg-type]
    words = [w for w in _WORD_RE.findall(text.lower()) if w not in _LISTING_WORDS]
    if len(words) == 1 and re.fullmatch(r"[a-z][\w-]{1,30}", words[0]):
        # "and home?": a topic of its own, checked against the tags like "show my home stuff".
        return replace(previous, tag=None, word=words[0], query=None)
    return None
