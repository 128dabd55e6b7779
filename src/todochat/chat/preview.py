"""What the offline reader takes from a message as it is typed: the composer's live preview.

Like Todoist's quick add: while a person types "call the plumber tomorrow at 5 p1 #home", the
parts the assistant will read as a date, a repeat, a priority or a tag are highlighted and the
resolved value is shown ("→ Sat, Dec 5 at 5 PM · p1 · #home"). Pure: no database, no model.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from todochat.agent.offline.replies import repeat, when
from todochat.nlu import parse_message
from todochat.nlu.dates import parse_when
from todochat.nlu.model import CreateTasks

_TAG = re.compile(r"(?<![\w#])#[\w-]+")
_PRIORITY = re.compile(
    r"\b(?:p[1-4]|(?:high|low|medium|top|highest|lowest)[- ]priority|priority[: ]+(?:high|low|"
    r"medium|[1-4])|urgent(?:ly)?|asap)\b|!{1,3}(?=\s|$)",
    re.IGNORECASE,
)
_REPEAT = re.compile(
    r"\b(?:every|each)\s+(?:other\s+)?(?:\d+\s+)?[a-z]+(?:(?:\s*,\s*|\s+and\s+)(?:mon|tue|wed|thu|"
    r"fri|sat|sun)[a-z]*)*|\b(?:daily|weekly|monthly|yearly|annually|fortnightly)\b",
    re.IGNORECASE,
)


def _spans(text: str, kind: str, pattern: re.Pattern[str]) -> list[dict[str, Any]]:
    return [{"start": m.start(), "end": m.end(), "kind": kind} for m in pattern.finditer(text)]


def _without_overlaps(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    kept: list[dict[str, Any]] = []
    for span in sorted(spans, key=lambda s: (s["start"], -(s["end"] - s["start"]))):
        if not kept or span["start"] >= kept[-1]["end"]:
            kept.append(span)
    return kept


def preview(text: str, now: datetime, tz: ZoneInfo) -> dict[str, Any]:
    """The intent the message reads as; for new todos, their fields, the words that gave
    them (character offsets into ``text``) and a one-line summary of each."""
    intent = parse_message(text, now, tz)
    out: dict[str, Any] = {"kind": intent.kind, "tasks": [], "spans": []}
    if not isinstance(intent, CreateTasks):
        return out
    spans: list[dict[str, Any]] = []
    found = parse_when(text, now, tz)
    if found is not None and (found.due_date or found.due_time):
        spans += [{"start": a, "end": b, "kind": "when"} for a, b in found.spans]
    tasks = intent.tasks
    if any(t.recurrence for t in tasks):
        spans += _spans(text, "repeat", _REPEAT)
    if any(t.priority for t in tasks):
        spans += _spans(text, "priority", _PRIORITY)
    if any(t.tags for t in tasks):
        spans += _spans(text, "tag", _TAG)
    out["spans"] = _without_overlaps(spans)
    for task in tasks:
        due = task.due_date.isoformat() if task.due_date else None
        clock = task.due_time.strftime("%H:%M") if task.due_time else None
        bits = [when(due, clock)] if due or clock else []
        if task.recurrence:
            bits.append(repeat(task.recurrence))
        if task.priority:
            bits.append(f"{task.priority} priority")
        bits += [f"#{tag}" for tag in task.tags]
        out["tasks"].append(
            {
                "title": task.title,
                "due_date": due,
                "due_time": clock,
                "priority": task.priority,
                "tags": list(task.tags),
                "recurrence": task.recurrence,
                "summary": " · ".join(b for b in bits if b),
            }
        )
    return out
