"""parse_message: one message in, one Intent out, in a fixed order of checks."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from .commands import parse_command
from .language import classify
from .listing import is_list_noun, is_listing, parse_listing
from .model import CreateTasks, Intent, InvalidDate, TaskDraft, Unknown
from .smalltalk import smalltalk
from .tasks import create_content, draft_task, has_cue, split_items, starts_with_task_verb
from .text import normalise, squash

MAX_TASKS = 50
_ADD = re.compile(
    r"^(?:(?:please|pls|hey|ok|okay|so|and|also)[,!]?\s+)*(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?add\b",
    re.IGNORECASE,
)
_LIST_LEAD = re.compile(
    r"^(?:(?:ok|okay|so|and|hey|please)[,\s]+)*(?:show|list|display|what|what's|whats|which|any|"
    r"anything|is\s+there|are\s+there|do\s+i\s+have|how\s+many|search)\b",
    re.IGNORECASE,
)


def _create(content: str, colon: bool, now: datetime, tz: ZoneInfo) -> Intent:
    if classify(content) == "gibberish":
        return Unknown("gibberish", squash(content)[:500])
    drafts: list[TaskDraft] = []
    for item in split_items(content, colon)[:MAX_TASKS]:
        draft = draft_task(item, now, tz)
        if isinstance(draft, InvalidDate):
            return draft
        if draft is not None:
            drafts.append(draft)
    if not drafts:
        return Unknown("unclear", squash(content)[:500])
    return CreateTasks(tuple(drafts))


def parse_message(text: str, now: datetime, tz: ZoneInfo) -> Intent:
    """Read one chat message (relative to ``now`` in ``tz``) as an Intent."""
    message = normalise(text)
    line = squash(message)
    if not line:
        return Unknown("unclear")
    talk = smalltalk(line)
    if talk is not None:
        return talk
    if is_list_noun(line):
        return parse_listing(line)
    created = create_content(message)
    if created is not None and not _ADD.match(line):
        # "remind me to", "I need to", "todo:" can only mean a new todo.
        return _create(created[0], created[1], now, tz)
    language = classify(line)
    if language is not None and created is None:
        return Unknown(language, line[:500])
    if _LIST_LEAD.match(line):
        return parse_listing(line)
    command = parse_command(line, now, tz)
    if command is not None:
        return command
    if created is not None:
        return _create(created[0], created[1], now, tz)
    if is_listing(line):
        return parse_listing(line)
    if not line.endswith("?") and (starts_with_task_verb(line) or has_cue(line, now, tz)):
        return _create(message, False, now, tz)
    return Unknown("unclear", line[:500])
