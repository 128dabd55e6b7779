"""Requests to see todos ("what's on today?", "#work tasks", "anything about milk?")."""

from __future__ import annotations

import re

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
    r"is\s+there|are\s+there|do\s+i\s+have|have\s+i|how\s+many|search|where\s+are)\b",
    _F,
)
# Weak leads ("my", "overdue", "#work" ...) only list when a list noun or "?" follows.
_WEAK = re.compile(
    _POLITE + r"(?:see|view|get|give|tell|read|print|find|look\s+for|look\s+up|lookup|my|all|open|"
    r"pending|overdue|upcoming|completed|finished|done|remaining|outstanding|todays?|today's|"
    r"tomorrow's|high|low|medium|urgent|important|undated|#[a-z])",
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
    r"did\s+i\s+(?:do|finish|complete))\b",
    _F,
)
_NOT_DONE = re.compile(r"\b(?:not|un)[\s-]?(?:done|completed|finished)\b|\bstill\s+open\b", _F)
_ALL = re.compile(
    r"\b(?:including|incl\.?|with|and)\s+(?:the\s+)?(?:completed|done|finished)(?:\s+ones)?\b|"
    r"\b(?:open\s+and\s+(?:completed|done)|(?:completed|done)\s+and\s+open|every\s+single)\b",
    _F,
)
_DUE = (
    (re.compile(r"\b(?:overdue|late|past[\s-]due|missed|behind)\b", _F), "overdue"),
    (
        re.compile(
            r"\b(?:no\s+|without\s+(?:a\s+)?|missing\s+(?:a\s+)?)(?:due\s+)?dates?\b|\bundated\b|"
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


def parse_listing(text: str) -> ListTasks:
    """The filters in a listing request."""
    tag_match = _TAG.search(text)
    tag = clean_tag(tag_match["h"] or tag_match["t"] or tag_match["p"]) if tag_match else None
    query = _query(text)
    if query is not None and tag_match and query.lower().lstrip("#") == tag:
        query = None
    return ListTasks(
        status=_status(text), due=_due(text), tag=tag, priority=_priority(text), query=query
    )
