"""New todos: the create commands, splitting clear lists, and one draft per item."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from .dates import extract_when
from .model import Changes, InvalidDate, TaskDraft
from .priority import extract_priority, extract_tags
from .recurrence import extract_recurrence, extract_trailing_adverb, first_occurrence
from .text import NUMBER_RE, Scanner, number, remove_spans, squash, word_set
from .titles import clean_title

_F = re.IGNORECASE | re.VERBOSE
_TASK_NOUN = r"(?:task|todo|to-do|item|reminder|entry)s?\b"
CREATE_PREFIX = re.compile(
    rf"""^(?:(?:please|pls|plz|hey|ok|okay|so|and|also|oh|alright|um+|hmm+|right)[,!.…]*\s+)*
    (?:(?:can|could|would|will)\s+(?:you|u)\s+(?:(?:please|also|just|quickly)\s+)*
      |(?:i'd|i\s+would|i\s+should)\s+(?:like|love)\s+(?:you\s+)?to\s+(?:please\s+)?)?
    (?P<cmd>
      make\s+a\s+(?:quick\s+)?note\s+(?:(?:that|to|of)\s+)?
         (?:i\s+(?:must|need\s+to|have\s+to|should|ought\s+to|want\s+to)\s+)?
      |
      (?:add|create|make|put|insert|enter|record|jot\s+down|write\s+down|note\s+down|set\s+up|
         set|schedule|log)\s+(?:me\s+)?(?:(?:a|an|the|new|another|one\s+more)\s+)+{_TASK_NOUN}
         (?:\s+(?:to|for|called|named|titled|saying|that\s+says))?
      | add\b(?:\s+(?:a|an)\s+(?:new\s+)?{_TASK_NOUN})?
      | (?:new\s+)?(?:task|todo|to-do|reminder|item)s?\s*[:\-–]
      | remind\s+me\s+(?:(?:to|about|that|of)\b)?
      | (?:set\s+a\s+)?reminder\s+(?:to|for|about)
      | (?:i\s+)?(?:really\s+)?(?:need|have|want|got)\s+to
      | i\s+(?:must|should|gotta|ought\s+to)
      | i(?:'ve|\s+have)\s+got\s+to
      | gotta
      | (?:don't|do\s+not|dont)\s+(?:let\s+me\s+)?forget\s+(?:to|about)?
      | note\s+to\s+self
      | (?:put|add|write|jot)\s+(?:on|onto|to|in)\s+(?:my|the)\s+(?:todo\s+|to-do\s+)?list\s*[:\-–]?
      | (?:jot|write|note|put|pop)\s+down(?=\s*[:\-–]|\s+\S)
      | todo
    )\s*(?P<colon>[:\-–])?\s*""",
    _F,
)
_COUNT = re.compile(
    rf"^(?P<n>{NUMBER_RE}|several|multiple|some)\s+(?:new\s+)?(?:tasks|todos|to-dos|items|things"
    r"|reminders)(?:\s+for\s+(?:me|us))?(?P<when>\s+(?:for|on|by|due)\s+[^:,]{1,30}?)?"
    r"(?:,?\s+please)?\s*(?:[:\-–]\s*|\s+(?=\S))",
    re.IGNORECASE,
)
_HEADER = re.compile(
    r"^(?:(?:these|the\s+following|following)(?:\s+(?:tasks|todos|to-dos|items|things))?|"
    r"(?:tasks|todos|to-dos|items))\s*:\s*",
    re.IGNORECASE,
)
_HEADING = re.compile(r"^[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}\s*:\s*(?=\S)", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)]|\[\s?\])\s*")
_SEP = re.compile(r"\s*(?:;|,)\s*(?:and\s+)?", re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)
_DESCRIPTION = re.compile(
    r"(?:\s+[-–—]{2}\s+|\s*\b(?:notes?|description|details|desc)\s*:\s*)(?P<d>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
TASK_VERBS = word_set(
    """buy call email e-mail text pay book clean fix write read finish send pick get go visit
    check review prepare plan submit renew order return water walk feed wash do cook file print
    sign update meet ring phone ask tell pack study practice practise learn bake collect drop
    take bring mow vacuum iron repair replace install backup research organise organize sort
    tidy post mail ship apply register cancel contact follow draft design test deploy refactor
    schedule arrange invite reply respond remember grab fetch shop charge recharge clear empty
    hoover dust paint sweep mop declutter donate sell list prep finalise finalize upload
    download backup print scan shred change run exercise stretch meditate pray watch listen
    visit see drive fill top refill book reserve confirm chase celebrate wrap plant export
    import ping sync email message dm invoice bill quote pitch present rehearse edit proofread
    translate migrate merge release ship publish tweet blog record film shoot photograph
    measure weigh count restock stock defrost thaw marinate feed bathe groom vaccinate
    """
)


def create_content(text: str) -> tuple[str, bool] | None:
    """What follows an explicit create command, and whether the command ended with a colon."""
    m = CREATE_PREFIX.match(text)
    if m is None:
        return None
    content = _REMEMBER.sub("", text[m.end() :].strip())  # "i need to remember to pick up ..."
    if not content:
        return None
    return content, bool(m["colon"]) or m["cmd"].rstrip().endswith((":", "-", "–"))


# What can follow an "add" before the todo itself: "add remind me to call the school", "add
# that I bring the tyres to the garage" (a learner's "add that I ..." for a todo of their own).
_REMEMBER = re.compile(
    r"^(?:(?:remember|not\s+forget|make\s+sure)\s+(?:to\s+)|remind\s+me\s+(?:to|about)\s+"
    r"|that\s+i\s+(?:(?:need|have|want)\s+to\s+|must\s+|should\s+|will\s+)?"
    # "add a reminder for me to collect ...", "put for me take out the garbage", "I need to
    # remember call my sister" (a learner's "remember" without "to").
    r"|(?:for\s+)?me\s+to\s+|for\s+me\s+|remember\s+(?=(?:call|buy|pay|book|send|email|ring|"
    r"take|pick|get|bring|collect|renew|check|visit|phone|write|clean|fix)\b))(?=\S)",
    re.IGNORECASE,
)


_ADD_AGAIN = re.compile(
    r"\s*(?:,\s*(?:and\s+)?(?:also\s+)?|\s+and\s+(?:also\s+)?|\s+also\s+|;\s*)"
    r"(?:please\s+)?(?:add|remind\s+me\s+to)\s+(?!(?:it|that|this|them)\b)(?=\S)",
    re.IGNORECASE,
)
_TOO = re.compile(r"\s+(?:too|as\s+well)\s*$", re.IGNORECASE)


def split_items(content: str, colon: bool) -> list[str]:
    """One string per todo when ``content`` is clearly a list, else ``[content]``."""
    count: int | None = None
    m = _COUNT.match(content)
    if m:
        count = number(m["n"]) or 0
        content = content[m.end() :]
        if m["when"]:
            # "two things for saturday: buy birdseed and repot the fern": the day is each one's.
            parts = split_items(content, True) if count != 1 else [content]
            if len(parts) < count:
                parts = [q for p in parts for q in _AND.split(p) if q]
            return [f"{p} {m['when'].strip()}" for p in parts]
    else:
        header = _HEADER.match(content)
        if header:
            content = content[header.end() :]
            colon, count = True, 0
    lines = [_BULLET.sub("", line).strip() for line in content.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) > 1:
        return lines
    content = squash(content)
    again = [p for p in _ADD_AGAIN.split(content) if p.strip()]
    if len(again) > 1 and starts_with_task_verb(again[0]):
        # "call mom, add buy milk too", "book the vet and also add get dog food": each "add"
        # starts a todo of its own.
        return [_TOO.sub("", p).strip(" ,") for p in again]
    heading = _HEADING.match(content) if count is None else None
    if heading:
        # "errands: pick up paper, drop off cheques, buy ink": a heading, then the list.
        listed = [p for p in _SEP.split(content[heading.end() :]) if p]
        verbs = all(p.split()[0].lower() in TASK_VERBS for p in listed)
        if len(listed) >= 3 or (len(listed) == 2 and verbs):
            return listed
    parts = [p for p in _SEP.split(content) if p]
    if len(parts) > 1:
        last = _AND.split(parts[-1], maxsplit=1)
        if len(last) == 2:
            parts = [*parts[:-1], *last]
    if count is not None and count > 0 and len(parts) < count:
        parts = [q for p in parts for q in _AND.split(p) if q]
    if count is not None:
        return parts if len(parts) > 1 else [content]
    if colon and (len(parts) >= 3 or (len(parts) == 2 and ";" in content)):
        return parts
    if len(parts) >= 3 and all(p.split()[0].lower() in TASK_VERBS for p in parts):
        return parts
    if len(parts) >= 3 and all(
        len(p.split()) <= 3 and p.split()[0].lower() not in TASK_VERBS for p in parts
    ):
        return parts  # "milk, eggs and bread": things to get, one todo each
    semicolon = [p.strip() for p in content.split(";") if p.strip()]
    if len(semicolon) > 1 and all(p.split()[0].lower() in TASK_VERBS for p in semicolon):
        # "call mom; buy flowers": ";" between items that each start with a task verb is a
        # list ("buy milk; the organic one" stays one todo); commas inside an item stay.
        return semicolon
    return [content]


# Pieces of a create that only add details to the todo before them ("..., high priority",
# "..., tag it finance", "..., due wednesday", "..., weekdays at 7 am"), or to every todo
# ("..., all due march 10").
_DETAIL_LEAD = re.compile(
    r"^(?:(?:and|also|plus|oh|but|then|please|pls|make\s+(?:it|that|them)|(?:it's|its|it\s+is|"
    r"they're|they\s+are)|set\s+(?:it|them)\s+(?:to|for|as)?|add(?=\s+(?:a\s+|the\s+)?(?:tags?\b|"
    r"labels?\b|#|priority\b)))\s+)*",
    re.IGNORECASE,
)
_FOR_ALL = re.compile(r"^(?:all|both|each|every\s+one)(?:\s+of\s+(?:them|those))?\s+", re.I)
_PIECE = re.compile(r"\s*[,;]\s*|\s+-\s+")
_REMARK = re.compile(
    r"^(?:she|he|they|it|i|we|that|this|there)(?:'s|'re|'m|'ll|'d|'ve|\s+(?:is|are|was|were|has|"
    r"have|had|will|would|said|says|wants?|needs?|asked|keeps|can't|won't|didn't|doesn't))\b"
    r"(?!\s+(?:due|urgent|important|for|on|every|high|low|medium|tagged)\b)",
    re.IGNORECASE,
)
_AND_VERB = re.compile(r"\s+(?:and|&)\s+(?:(?:also|then)\s+)?", re.IGNORECASE)


def with_details(
    items: list[str], colon: bool, now: datetime, tz: ZoneInfo
) -> list[tuple[str, list[Changes]]]:
    """Each todo's text with the detail pieces said after it (see ``_DETAIL_LEAD``), and the
    items that a one-todo reading had joined but that each start with a task verb split."""
    listed = len(items) > 1
    pieces = items if listed else [p for p in _PIECE.split(items[0]) if p.strip()]
    if len(pieces) == 1 and not _AND_VERB.search(pieces[0]):
        return [(items[0], [])]  # one piece, no "and": nothing to take apart
    colon = colon or len(pieces) == 1  # one piece split at "and" is judged by _split_and
    out: list[tuple[str, list[Changes]]] = []
    common: list[Changes] = []
    dropped = False
    for piece in pieces:
        detail = details_of(piece, now, tz) if out else None
        if detail is not None:
            if _FOR_ALL.match(_DETAIL_LEAD.sub("", piece)):
                common.append(detail)
            else:
                out[-1][1].append(detail)
            continue
        if out and _REMARK.match(piece) and not listed:
            dropped = True
            continue  # "call mom, she's waiting": why, not what
        lead = re.sub(r"^(?:and\s+(?:also\s+)?|also\s+|plus\s+)", "", piece, flags=re.I)
        if out and not listed and not starts_with_task_verb(lead):
            out[-1] = (f"{out[-1][0]}, {piece}", out[-1][1])  # "buy eggs, milk": one todo
            continue
        out.append((lead if out else piece, []))
    if not listed:
        out = [x for item in out for x in _split_and(item, now, tz)]
        if len(out) > 1 and not (colon or all(starts_with_task_verb(t) for t, _ in out)):
            return [(items[0], [])]
    if not out or (not listed and len(out) == 1 and not out[0][1] and not common and not dropped):
        return [(item, []) for item in items]  # nothing to take apart: the text as written
    return [(text, [*extra, *common]) for text, extra in out]


def _split_and(
    item: tuple[str, list[Changes]], now: datetime, tz: ZoneInfo
) -> list[tuple[str, list[Changes]]]:
    """ "pick up lily at 5 and buy snacks", "swimming saturday 9am and karate saturday 11am":
    two todos when each side starts with a task verb, or each has a day or time of its own."""
    text, extra = item
    parts = _AND_VERB.split(text)
    if len(parts) != 2:
        return [item]
    if all(starts_with_task_verb(p) for p in parts) or all(_dated_todo(p, now, tz) for p in parts):
        return [(parts[0], []), (parts[1], extra)]
    return [item]


def _dated_todo(text: str, now: datetime, tz: ZoneInfo) -> bool:
    """A todo with a day or time of its own ("karate for sam saturday 11am")."""
    draft = draft_task(text, now, tz)
    return isinstance(draft, TaskDraft) and (
        draft.due_date is not None or draft.due_time is not None
    )


def details_of(piece: str, now: datetime, tz: ZoneInfo) -> Changes | None:
    """The changes a piece says when it is only details ("high priority", "tag it work")."""
    from .changes import read_changes  # changes reads titles with this module's words

    body = _FOR_ALL.sub("", _DETAIL_LEAD.sub("", piece.strip()))
    if not body:
        return None
    changes = read_changes(body, now, tz)
    if changes.title is not None or not changes.slots or changes.problem:
        return None
    return changes


def add_details(draft: TaskDraft, details: list[Changes], now: datetime, tz: ZoneInfo) -> TaskDraft:
    """``draft`` with the details said after it."""
    for ch in details:
        tags = tuple(dict.fromkeys([*draft.tags, *ch.tags]))
        due_time = ch.due_time or ch.clock or draft.due_time
        due_date = ch.due_date or draft.due_date
        rule = ch.recurrence or draft.recurrence
        if ch.recurrence and not ch.due_date:
            due_date = first_occurrence(ch.recurrence, now, tz, due_time)
        elif due_date is None and ch.due_time is not None:
            due_date = now.astimezone(tz).date()
            if ch.due_time <= now.astimezone(tz).time().replace(tzinfo=None):
                due_date = due_date + timedelta(days=1)
        draft = replace(
            draft,
            tags=tags,
            priority=ch.priority or draft.priority,
            due_date=due_date,
            due_time=due_time,
            recurrence=rule,
        )
    return draft


# "renew my passport because it runs out in the spring": why, not what (a quoted title is
# taken as it is before this).
# "call the landlord at 19:00 so I don't chicken out": what for, not what.
_REASON = re.compile(
    r"[\s,]+(?:because|coz|cuz|since\s+(?:it|i|we|they)|so\s+(?:that\s+)?(?:i|we)\s+(?:don't|dont|won't|"
    r"can|can't|will|remember|do\s+not))\b(?![^'\"]*['\"]).*$",
    re.I,
)


def draft_task(text: str, now: datetime, tz: ZoneInfo) -> TaskDraft | InvalidDate | None:
    """One todo read from ``text``; None when nothing is left for a title."""
    description: str | None = None
    m = _DESCRIPTION.search(text)
    if m and m.start() > 0:
        description = m["d"].strip()[:5000] or None
        text = text[: m.start()]
    # "finalise the brochure for #marlow": the tag is also the end of the title.
    text = _TAG_AFTER.sub(lambda m: f"{m[1]} {m[2]} #{m[2]}", text)
    scan = Scanner(text)
    lead = extract_lead(scan)
    tags, _ = extract_tags(scan)
    priority, _ = extract_priority(scan)
    rec = extract_recurrence(scan)
    if rec is not None and rec.problem:
        return InvalidDate(rec.problem)
    when = extract_when(scan, now, tz)
    if when is not None and when.problem:
        return InvalidDate(when.problem)
    if rec is None:
        rec = extract_trailing_adverb(scan)
    title = clean_title(_REASON.sub("", remove_spans(scan.text, scan.spans)))
    if not title:
        return None
    due_date = when.due_date if when else None
    due_time = when.due_time if when else None
    rrule = rec.rrule if rec else None
    if rec is not None and rrule is not None:
        due_time = due_time or rec.clock
        if when is None or not when.date_given:
            due_date = first_occurrence(rrule, now, tz, due_time)
    return TaskDraft(
        title=title,
        due_date=due_date,
        due_time=due_time,
        priority=priority,
        tags=tags,
        recurrence=rrule,
        description=description,
        remind_before_minutes=lead if due_time is not None else None,
    )


_LEAD_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "five": 5, "ten": 10, "fifteen": 15}
_LEAD_COUNT |= {"twenty": 20, "thirty": 30, "forty-five": 45, "half an": 30}
_LEAD = re.compile(
    r"[,;]?\s*(?:and\s+)?(?:please\s+)?(?:remind|ping|alert|notify|nudge)\s+me\s+"
    r"(?:(?P<n>\d{1,4}|an?|one|two|three|five|ten|fifteen|twenty|thirty|forty-five)\s*"
    r"(?P<unit>m|mins?|minutes?|h|hrs?|hours?|days?)|(?P<half>half\s+an\s+hour))\s+"
    r"(?:before(?:hand)?|early|earlier|ahead(?:\s+of\s+time)?|prior)\b",
    re.IGNORECASE,
)


def extract_lead(scan: Scanner) -> int | None:
    """ "remind me 30 minutes before" / "ping me an hour early": minutes before the due time
    (consumed, so the words stay out of the title)."""
    m = scan.search(_LEAD)
    if m is None:
        return None
    scan.consume(m.start(), m.end())
    if m["half"]:
        return 30
    word = m["n"].lower()
    count = int(word) if word.isdigit() else _LEAD_COUNT[word]
    unit = m["unit"].lower()
    minutes = count * (1440 if unit.startswith("d") else 60 if unit.startswith("h") else 1)
    return min(minutes, 7 * 24 * 60)


_TAG_AFTER = re.compile(r"\b(for|with|from|about|at|to)\s+#([a-z][\w-]*)", re.IGNORECASE)


def has_cue(text: str, now: datetime, tz: ZoneInfo) -> bool:
    """True when ``text`` carries a date, time, priority, tag or repeat cue."""
    scan = Scanner(text)
    tags, _ = extract_tags(scan)
    priority, _ = extract_priority(scan)
    if tags or priority or extract_recurrence(scan):
        return True
    return extract_when(scan, now, tz) is not None or extract_trailing_adverb(scan) is not None


def starts_with_task_verb(text: str) -> bool:
    """True when the first word is a common todo verb ("buy", "call", "email" ...)."""
    words = text.split(maxsplit=1)
    return bool(words) and words[0].lower().strip(",.!:") in TASK_VERBS
