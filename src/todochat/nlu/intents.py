"""parse_message: one message in, one Intent out, in a fixed order of checks."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from .changes import read_update
from .commands import parse_command
from .dates import clock_words
from .language import classify
from .listing import is_list_noun, is_listing, parse_listing
from .model import (
    Changes,
    Confirm,
    CreateTasks,
    Intent,
    InvalidDate,
    TaskDraft,
    Uncomplete,
    Unknown,
    Update,
)
from .questions import check_question
from .references import parse_reference
from .shorthand import write_out
from .smalltalk import smalltalk, strip_pleasantries
from .tasks import (
    add_details,
    create_content,
    draft_task,
    has_cue,
    split_items,
    starts_with_task_verb,
    with_details,
)
from .text import normalise, split_sentences, squash
from .typos import correct

MAX_TASKS = 50
_ADD = re.compile(
    r"^(?:(?:please|pls|hey|ok|okay|so|and|also|um+|hmm+|oh|right|alright)[,!.…]*\s+)*(?:(?:can|could|would|will)\s+"
    r"(?:you|u)\s+(?:please\s+)?)?add\b",
    re.IGNORECASE,
)
# "put 'order new glasses' on my list", "stick milk on the list" (and "put X back on my list").
_ON_LIST = re.compile(
    r"^(?:(?:please|pls|ok|okay|so|and|also|oh)[,!]?\s+)*(?:(?:can|could|would|will)\s+you\s+"
    r"(?:please\s+)?)?(?:put|pop|stick|throw|get|add|write|jot)\s+(?P<item>.+?)\s+(?:back\s+)?"
    r"(?:on|onto|to|in|into)\s+(?:my|the)\s+(?:todo\s+|to-do\s+|shopping\s+)?(?:list|todos)\b"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)
_NOTE = re.compile(
    r"^(?:(?:please|can\s+you|could\s+you)\s+)*(?:add|put|write|attach|stick|leave)\s+(?:a\s+|the\s+)?"
    r"(?:note|notes|comment|description)\s+(?:to|on|for|in)\s+(?P<ref>.+?)\s*(?::|\s-\s|,?\s+saying|"
    r",?\s+that\s+says)\s*(?P<note>\S.*)$",
    re.IGNORECASE,
)
_CHANGE_START = re.compile(
    r"^(?:move|push|reschedule|postpone|delete|remove|rename|change|update|tag|untag|mark|set|"
    r"reopen|uncheck)\b",
    re.IGNORECASE,
)
# What makes "remind me to change X ..." a change to X rather than the todo "Change X": a new
# value or a place on the list ("to friday", "from the list", "as done").
_CHANGE_TARGET = re.compile(r"\s(?:to|from|as|off|back|done)\b", re.IGNORECASE)
_LIST_LEAD = re.compile(
    r"^(?:(?:ok|okay|so|and|hey|please)[,\s]+)*(?:(?:can|could|would)\s+you\s+(?:please\s+)?)?"
    r"(?:show|list|display|what|what's|whats|which|any|anything|is\s+there|are\s+there|"
    r"do\s+i\s+have|how\s+many|search|tell\s+me\s+(?:what|which|if|whether)|pull\s+up|bring\s+up|"
    r"let\s+me\s+see|gimme|give\s+me\s+(?:a\s+|the\s+)?(?:list|rundown|overview))\b",
    re.IGNORECASE,
)


_U = re.compile(r"\b(can|could|would|will|do|did|have|are)\s+u\b", re.IGNORECASE)
# Shell-style shorthand people type into a chat box ("ls", "rm docker", "mv 'notes' -> mon",
# "done deploy api"), written out as the requests they stand for.
_SHORTHAND = (
    (re.compile(r"^ls(?=\s*$)", re.I), "show my todos"),
    (re.compile(r"^ls\s+(?=#)", re.I), "show my todos tagged "),
    (re.compile(r"^ls\s+", re.I), "show my todos "),
    (re.compile(r"^rm\s+", re.I), "delete "),
    (re.compile(r"^mv\s+", re.I), "move "),
    (re.compile(r"\s*(?:->|=>|→)\s*"), " to "),
    (
        re.compile(r"^done\s+(?!for\b|with\b|now\b|today\b|already\b|thanks?\b|cheers\b)", re.I),
        "done: ",
    ),
)
# Interjections at the end of a message carry no request ("due fri lol", "make it tonight tbh").
_TRAILING_NOISE = re.compile(
    r"(?:[\s,]+(?:lol+|lmao|haha+|hehe+|ngl|tbh|xd|:\)|:-\)|:d|;\)|😅|😂|🙏|👍)+)+(?=[\s.!?]*$)",
    re.I,
)


# Courtesy after a comma at the end ("The hospital one, dear.", "..., if you please").
_TRAILING_COURTESY = re.compile(
    r",\s*(?:if\s+you\s+please|if\s+possible|if\s+you\s+(?:can|could|would|don't\s+mind)|"
    r"(?:my\s+)?dear|love|mate|pal|buddy|hun)(?=[\s.!?]*$)",
    re.IGNORECASE,
)


def prepare(text: str) -> str:
    """A message made ready to read: normalised, misspelt command words fixed, spoken clock
    times ("quarter to six") written as clocks, "can u" as "can you", shorthand written out,
    interjections and courtesy at the end dropped."""
    line = write_out(normalise(text))
    lower = line.lower()
    if "," in line or _NOISY_END.search(lower):
        line = _TRAILING_COURTESY.sub("", _TRAILING_NOISE.sub("", line)) or text
    if (
        lower.startswith(("ls", "rm ", "mv ", "done "))
        or "->" in line
        or "=>" in line
        or "→" in line
    ):
        for pattern, replacement in _SHORTHAND:
            line = pattern.sub(replacement, line)
    if " u " in lower or lower.endswith(" u"):
        line = _U.sub(r"\1 you", line)
    line = clock_words(correct(line))
    line = _LIKE_DONE.sub(r"\1 as ", line)  # a learner's "mark it like done"
    return _DONE_THEN_REMARK.sub(r"\g<req>", line)


_LIKE_DONE = re.compile(
    r"\b(it|that|this|them)\s+like\s+(?=(?:done|complete|completed|finished)\b)", re.I
)


# "mark the plumber one as done he came this morning": the request, then what happened.
_DONE_THEN_REMARK = re.compile(
    r"^(?P<req>(?:please\s+)?(?:mark|tick|check|cross|set)\b.*?\b(?:as\s+)?(?:done|complete|completed|"
    r"finished|off))[,.;!]?\s+(?:he|she|they|we|i|it)\s+(?!need|have|want|must|should|will|'ll)"
    r"[a-z']+\b.*$",
    re.IGNORECASE,
)


# The last characters of a message that may be noise (see ``_TRAILING_NOISE``).
_NOISY_END = re.compile(
    r"(?:lol+|lmao|haha+|hehe+|ngl|tbh|xd|:\)|:-\)|:d|;\)|😅|😂|🙏|👍)[\s.!?]*$"
)


def _create(
    content: str, colon: bool, now: datetime, tz: ZoneInfo, explicit: bool = True
) -> Intent:
    if classify(content) == "gibberish":
        return Unknown("gibberish", squash(content)[:500])
    drafts: list[TaskDraft] = []
    for item, details in with_details(split_items(content, colon), colon, now, tz)[:MAX_TASKS]:
        draft = draft_task(item, now, tz)
        if isinstance(draft, InvalidDate):
            return draft
        if draft is not None:
            drafts.append(add_details(draft, details, now, tz))
    if not drafts:
        return Unknown("unclear", squash(content)[:500])
    if not explicit and all(_NAMES_A_TODO.match(d.title) for d in drafts):
        # "The task of the gym, can you put it for tomorrow": a todo named, not a new one.
        return Unknown("unclear", squash(content)[:500])
    return CreateTasks(tuple(drafts), explicit=explicit)


_NAMES_A_TODO = re.compile(
    r"^(?:the|my|that|this)\s+(?:task|todo|to-do|reminder|item|one)\s+(?:of|for|about|with|called|"
    r"named|from)\b",
    re.IGNORECASE,
)


def parse_message(text: str, now: datetime, tz: ZoneInfo) -> Intent:
    """Read one chat message (relative to ``now`` in ``tz``) as an Intent."""
    message = prepare(text)
    line = squash(message)
    if not line:
        return Unknown("unclear")
    talk = smalltalk(line)
    if talk is not None:
        return talk
    found = _read(message, now, tz)
    if not (isinstance(found, CreateTasks) and len(found.tasks) > 1):
        asked = _asked_inside(message, now, tz)
        if asked is not None:
            return asked
    sentences = split_sentences(message)
    if len(sentences) > 1 and not (isinstance(found, CreateTasks) and len(found.tasks) > 1):
        # "Please delete the wool one. I no longer need it.", "Could you move the chiropodist
        # to Friday? They rang to change it.": the request, then a reason that asks nothing.
        unclear = isinstance(found, Unknown) and found.reason == "unclear"
        if unclear or all(_commentary(x, now, tz) for x in sentences[1:]):
            first = _read(sentences[0], now, tz)
            if not isinstance(first, Unknown):
                return first
            # "Actually no, don't. I want to keep them for now.": a refusal, then its reason.
            refused = smalltalk(squash(sentences[0]))
            if unclear and isinstance(refused, Confirm) and not refused.yes:
                return refused
    return found


# "back on nights tonight. add pack lunch for the shift at 6:15", "ok so today was a LOT, ...,
# anyway can you add renew my passport because ...": a new todo asked for in so many words
# after a story that asks nothing.
_ASKED_MID = re.compile(
    r"(?:[.!?;,]\s+|\s-\s)(?:(?:so|anyway|anyways|and|ok|okay|but|oh)[,\s]+)*"
    r"(?P<cmd>(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?(?:add|remind\s+me\s+to)\s+"
    r"[^.!?;]+?)(?=\s*(?:[.!?;]|,\s*(?:yeah|yes|ugh|also|and\s+also|oh|lol|haha|and\s+that's|that's|"
    r"ok|okay|thanks|thank)\b|$))",
    re.IGNORECASE,
)


def _asked_inside(message: str, now: datetime, tz: ZoneInfo) -> Intent | None:
    """The explicit new todo of a message that first tells a story, if that is what it is."""
    m = _ASKED_MID.search(message)
    if m is None:
        return None
    before = message[: m.start()].strip()
    if len(before.split()) < 3 or starts_with_task_verb(before) or parse_command(before, now, tz):
        return None
    said_first = _read(before, now, tz)
    if not isinstance(said_first, (CreateTasks, Unknown)) or (
        isinstance(said_first, CreateTasks) and said_first.explicit
    ):
        return None  # "remind me to call mom, add buy milk too": two requests, not a story
    asked = _read(m["cmd"], now, tz)
    return asked if isinstance(asked, CreateTasks) and asked.explicit else None


def _commentary(sentence: str, now: datetime, tz: ZoneInfo) -> bool:
    """Whether a sentence after a request only explains it ("I no longer need it.")."""
    if has_cue(sentence, now, tz):
        return False
    said = _read(sentence, now, tz)
    return isinstance(said, Unknown) and said.reason == "unclear"


def _read(message: str, now: datetime, tz: ZoneInfo) -> Intent:
    message = strip_pleasantries(message)
    line = squash(message)
    if not line:
        return Unknown("unclear")
    asked = check_question(line, now, tz)
    if asked is not None:
        return asked
    if is_list_noun(line):
        return parse_listing(line, now, tz)
    listed = _ON_LIST.match(line)
    if listed:
        item = listed["item"].strip()
        if re.search(r"\bback\b|not\s+done|isn't\s+done|unfinished|reopen", listed["rest"] + line):
            return Uncomplete(parse_reference(item))
        return _create(f"{item} {listed['rest']}".strip(" ,."), False, now, tz)
    note = _NOTE.match(line)
    if note:
        # "add a note to the hotel one: ask for a quiet room": notes on a todo, not a new one.
        return Update(parse_reference(note["ref"]), Changes(description=note["note"].strip()))
    created = create_content(message)
    if created is not None and not _ADD.match(line):
        # "remind me to", "I need to", "todo:" mean a new todo, except when what follows changes
        # one that exists ("I need to move the dentist to friday").
        if _CHANGE_START.match(created[0]) and _CHANGE_TARGET.search(created[0]):
            change = parse_command(squash(created[0]), now, tz)
            if change is not None and hasattr(change, "ref"):
                return change
        return _create(created[0], created[1], now, tz)
    language = classify(line)
    if language is not None and created is None:
        return Unknown(language, line[:500])
    if _LIST_LEAD.match(line):
        return parse_listing(line, now, tz)
    command = parse_command(line, now, tz)
    update = read_update(line, now, tz) if created is None else None
    if update is not None and _better(update, command):
        bare = _bare_create(message, line, now, tz)
        return replace(update, alternative=bare if isinstance(bare, CreateTasks) else None)
    ref = getattr(command, "ref", None)
    if created is not None and ref is not None and _ADD.match(ref.phrase or ""):
        command = None  # "add history essay due fri": the todo's name is not "add history essay"
    if command is not None:
        return command
    if created is not None:
        return _create(created[0], created[1], now, tz)
    if is_listing(line):
        return parse_listing(line, now, tz)
    bare = _bare_create(message, line, now, tz)
    return bare if bare is not None else Unknown("unclear", line[:500])


def as_new_todo(text: str, now: datetime, tz: ZoneInfo) -> CreateTasks | None:
    """The message read as a new todo when it says so ("I need to move house next month"), for
    when the change it could also be finds no todo to change."""
    message = prepare(text)
    created = create_content(message)
    if created is None:
        return None
    found = _create(created[0], created[1], now, tz)
    return found if isinstance(found, CreateTasks) else None


def _bare_create(message: str, line: str, now: datetime, tz: ZoneInfo) -> Intent | None:
    """A bare task phrase ("buy milk", "dentist tuesday 3pm") read as a new todo, if it is one."""
    if not line.endswith("?") and (starts_with_task_verb(line) or has_cue(line, now, tz)):
        return _create(message, False, now, tz, explicit=False)
    return None


def _better(update: Update, command: Intent | None) -> bool:
    """Whether the clause reading explains more than the single-command one."""
    if command is None:
        return True
    ref = getattr(command, "ref", None)
    if ref is None:
        return False
    kinds = update.changes
    # "every tuesday at 7am" is one change (a repeat and its time), not two.
    many = sum(
        bool(x)
        for x in (
            kinds.due_date or kinds.due_time or kinds.shift_days is not None
            or kinds.recurrence is not None,
            kinds.priority,
            kinds.tags or kinds.untags,
            kinds.title,
            kinds.clear_due,
        )
    )  # fmt: skip
    return many > 1 or len(update.ref.phrase or "") < len(ref.phrase or "")
