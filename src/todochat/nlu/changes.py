"""Changes to todos, read as slots: one or several in one message.

``read_changes`` reads what a phrase would change (a date or time, a shift of days, priority,
tags added or removed, a repeat or its end, a new title); ``read_update`` reads a whole request
that names a todo and changes it, in clauses ("bump the gym one to p1 and tag it health", "the
tap is really urgent, do it tomorrow morning", "task 12: due tomorrow at noon, and tag it
errands", "take the work tag off sort receipts and drop it to low priority").

A reading counts only when every word is accounted for: a todo's name, a change, or a filler
word. Whatever cannot be explained makes it no reading at all, so the caller tries the others
instead of acting on a guess.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from .dates import clock_words, extract_when
from .model import Changes, Priority, Reference, Update
from .priority import (
    LEVELS,
    P_CODES,
    TAG_WORD,
    clean_tag,
    extract_priority,
    extract_tags,
    tag_list,
)
from .recurrence import extract_recurrence, extract_trailing_adverb
from .references import parse_reference
from .text import NUMBER_RE, Scanner, number, remove_spans, squash
from .titles import clean_title

_F = re.IGNORECASE
_PART_OF_DAY = re.compile(
    r"^(?:for|in|during)?\s*(?:the\s+)?(?P<p>morning|afternoon|evening)(?:\s+instead)?$", _F
)
_BARE_DAY = re.compile(r"^the\s+(?=\d{1,2}(?:st|nd|rd|th)\b(?!\s+(?:one|todo|task|item)\b))", _F)
_LEADING_HOUR = re.compile(
    r"^(?:at\s+)?(?P<h>\d{1,2})(?=(?:\s*(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night|"
    r"o'?clock|ish|pm|am))?\s*$)",
    _F,
)
_SHIFT = re.compile(
    rf"\b(?:the\s+)?(?:(?P<n>{NUMBER_RE})\s+)?(?P<unit>days?|weeks?)\s+(?P<dir>after|later|"
    r"before|earlier|sooner)\b(?:\s+that)?"
    r"|\b(?:the\s+)?(?P<word>next\s+day|following\s+day|day\s+before|previous\s+day|"
    r"following\s+week)\b"
    r"|\b(?P<later>a\s+(?:day|week)\s+(?:later|earlier))\b"
    r"|\b(?:the\s+)?(?P<wdafter>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+(?:after|after\s+that|"
    r"following)\b"
    rf"|\b(?:back|forward|on)\s+(?:by\s+)?(?P<n2>{NUMBER_RE})\s+(?P<unit2>days?|weeks?)\b",
    _F,
)
_TAG_SET = re.compile(
    r"\b(?:tag(?:ged)?|label(?:led)?)\s+(?:it|this|that|them|those|both)?\s*(?:as\s+|with\s+|w/\s*)?"
    r"(?:the\s+)?(?:tags?\s+)?#?(?P<t>[a-z][\w-]*)(?:\s+tag)?\b"
    r"|\b(?:on|to|in|into|under)\s+(?:the\s+)?#?(?P<t2>[a-z][\w-]*)\s+(?:tag|label|list)\b"
    r"|\badd\s+(?:the\s+|a\s+)?#?(?P<t3>[a-z][\w-]*)\s+(?:tag|label)\b",
    _F,
)
_TAG_DROP = re.compile(
    r"\b(?:take|remove|drop|strip|delete|clear)\s+(?:the\s+)?#?(?P<t>[a-z][\w-]*)\s+(?:tag|label)"
    r"(?:\s+off)?\b|\buntag(?:ged)?\s+(?:it\s+)?(?:from\s+)?#?(?P<t2>[a-z][\w-]*)\b"
    r"|\bno\s+longer\s+#(?P<t3>[a-z][\w-]*)\b",
    _F,
)
_LEVEL_WORD = re.compile(
    r"\b(?:(?:to|as|at)\s+)?(?P<lvl>high|highest|top|medium|normal|mid|low|lowest|p[1-4])"
    r"(?:\s+(?:priority|prio))?\b(?!\s+(?:of|on)\b)",
    _F,
)
_NOT_URGENT = re.compile(r"\bnot\s+(?:that\s+|so\s+|very\s+|really\s+)?(?:urgent|important)\b", _F)
_URGENT = re.compile(
    r"\b(?:is\s+|it's\s+|its\s+)?(?:really\s+|very\s+|super\s+|quite\s+)?(?:urgent|important|"
    r"a\s+priority|top\s+priority|asap|critical)\b",
    _F,
)
_STOP_REPEAT = re.compile(
    r"\b(?:stop|no\s+longer|not|never|don't|dont|shouldn't|should\s+not|doesn't|does\s+not|"
    r"needn't|no\s+need\s+to)\s+(?:need\s+to\s+)?(?:be\s+)?(?:repeat(?:ing|s|ed)?|recur"
    # "a one-off", "one time"; not "tick that one off".
    r"(?:ring|s)?)(?:\s+any\s*more)?\b|\b(?:one-off|oneoff|one[\s-]time)\b|\ba\s+one\s+off\b",
    _F,
)
_CLEAR_DUE = re.compile(
    r"\b(?:no|remove\s+the|clear\s+the|drop\s+the|without\s+a?)\s+(?:due\s+)?(?:date|deadline)\b"
    r"(?:\s+(?:anymore|any\s+more|any\s+longer|now))?",
    _F,
)
_RENAME = re.compile(
    r"\b(?:(?:call|name)\s+(?:it|this|that)|(?:rename|retitle)(?:\s+(?:it|this|that))?)\s*"
    r"(?:to\s+|as\s+)?(?P<t>.+)$",
    _F,
)
_NEGATED = re.compile(
    r"\b(?:and\s+|but\s+)?not\s+(?:on\s+|at\s+|for\s+|in\s+the\s+)?(?:the\s+)?(?:(?:mon|tues|wednes|"
    r"thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|today|tomorrow|tonight|"
    r"morning|evening|afternoon|night|high|low|medium|normal|p[1-4]|\d{1,2}(?::\d\d)?\s*(?:am|pm)?|"
    r"#[a-z][\w-]*)\b(?:\s+priority)?(?!\s+(?:urgent|important))",
    _F,
)
_FILLER = frozenset(
    """it that this those these them both one ones do please be is are would can could make
    change set move put push bump shift switch give drop raise lower to for on at the a an
    instead rather then works work better best fine good ok okay suits me thanks thank you
    let's lets go with say want wanted i i'd id prefer should actually no yes just maybe
    perhaps how about what and also too as well its it's due date priority prio repeat
    repeating reschedule schedule have keep leave get by till until from off up back again now
    eh hmm um umm er oh ah so well then really very quite super tag tags label pls plz u can't
    cant but still""".split()  # noqa: SIM905
)


def read_changes(text: str, now: datetime, tz: ZoneInfo) -> Changes:
    """The changes ``text`` asks for; what is left over becomes ``title`` when it has words."""
    body = squash(text)
    # In a correction a bare hour is a time: "6 in the evening", "make it 4".
    body = _LEADING_HOUR.sub(lambda m: f"at {m['h']}", body)
    body = _BARE_DAY.sub("on the ", body)  # "make it the 2nd": a day of the month
    body = _PART_OF_DAY.sub(r"in the \g<p>", body)  # "I'd like that for the morning"
    body = clock_words(body)
    scan = Scanner(body)
    for negated in list(scan.finditer(_NEGATED)):
        scan.consume(*negated.span())  # "not tuesday", "not low": what it is not, never the value
    title: str | None = None
    m = scan.search(_RENAME)
    if m:
        title = clean_title(m["t"].strip(" '\""))
        scan.consume(*m.span())
    shift: int | None = None
    m = scan.search(_SHIFT)
    if m:
        scan.consume(*m.span())
        shift = _shift_days(m)
    untags: list[str] = []
    for m in list(scan.finditer(_TAG_DROP)):
        untags.append(clean_tag(m["t"] or m["t2"] or m["t3"]))
        scan.consume(*m.span())
    added: list[str] = []
    for m in list(scan.finditer(_TAG_SET)):
        added.append(clean_tag(m["t"] or m["t2"] or m["t3"]))
        scan.consume(*m.span())
    tags, _ = extract_tags(scan)
    recurrence: str | None = None
    m = scan.search(_STOP_REPEAT)
    if m:
        scan.consume(*m.span())
        recurrence = ""
    priority = _priority(scan)
    rec = extract_recurrence(scan)
    if rec is None and recurrence is None:
        rec = extract_trailing_adverb(Scanner(scan.masked)) if scan.remaining() else None
        if rec is not None:
            for start, end in rec.spans:
                scan.consume(start, end)
    when = extract_when(scan, now, tz)
    clear_due = False
    m = scan.search(_CLEAR_DUE)
    if m:
        scan.consume(*m.span())
        clear_due = True
    problem = (rec.problem if rec else None) or (when.problem if when else None)
    leftover = re.findall(r"[\w'#-]+", remove_spans(scan.text, scan.spans))
    # Filler words around the rest ("do it", "instead") go; inside a title they stay.
    while leftover and leftover[0].lower() in _FILLER:
        leftover.pop(0)
    while leftover and leftover[-1].lower() in _FILLER:
        leftover.pop()
    if title is None and leftover:
        title = clean_title(" ".join(leftover))
    return Changes(
        due_date=when.due_date if when and when.date_given else None,
        due_time=when.due_time if when else None,
        shift_days=shift,
        priority=priority,
        tags=tuple(dict.fromkeys([*added, *tags])),
        untags=tuple(dict.fromkeys(untags)),
        recurrence=rec.rrule if rec and rec.rrule else recurrence,
        clock=rec.clock if rec else None,
        clear_due=clear_due,
        title=title or None,
        problem=problem,
    )


def _priority(scan: Scanner) -> Priority | None:
    m = scan.search(_NOT_URGENT)
    if m:
        scan.consume(*m.span())
    found, _ = extract_priority(scan)
    if found is not None:
        return found
    m = scan.search(_LEVEL_WORD)
    if m:
        scan.consume(*m.span())
        word = m["lvl"].lower()
        return P_CODES[word[1]] if word.startswith("p") else LEVELS.get(word, "high")
    m = scan.search(_URGENT)
    if m:
        scan.consume(*m.span())
        return "high"
    return None


def _shift_days(m: re.Match[str]) -> int:
    if m["wdafter"]:
        return 7  # "the friday after": a week on from the day it has
    if m["word"]:
        word = m["word"].lower()
        if "before" in word or "previous" in word:
            return -1
        return 7 if "week" in word else 1
    if m["later"]:
        days = 7 if "week" in m["later"].lower() else 1
        return -days if "earlier" in m["later"].lower() else days
    if m["n2"]:
        n2 = number(m["n2"]) or 1
        days = n2 * (7 if m["unit2"].lower().startswith("week") else 1)
        return -days if "back" in m.group().lower() else days
    n = number(m["n"]) if m["n"] else 1
    days = (n or 1) * (7 if m["unit"].lower().startswith("week") else 1)
    return -days if m["dir"].lower() in ("before", "earlier", "sooner") else days


# -- whole requests ------------------------------------------------------------------------

_POLITE = re.compile(
    r"^(?:(?:ok|okay|so|hey|um+|hmm+|please|pls|plz|right|alright|also|now|oh)[,!\s]+)*"
    r"(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?)?(?:please\s+|pls\s+)?",
    _F,
)
_TAIL = re.compile(r"[\s,]*\b(?:please|pls|plz|thanks|thx|ta|thank\s+you)\b[\s.!]*$", _F)
_VERB = (
    r"(?:move|push|pull|reschedule|postpone|shift|bump(?:\s+up)?|set|make|change|switch|put|"
    r"tag|label|update|give|drop|raise|lower|downgrade|upgrade|flag|rename|retitle|call|"
    r"repeat|untag|take|stick|do|have|schedule|mark)"
)
# "call mom friday" and "do laundry tomorrow" are new todos: these verbs change a todo only
# when it is named by a pronoun ("call it ...", "do it tomorrow").
_TAGGED_AS = re.compile(
    rf"^(?P<ref>.+?)\s+(?:as|with)\s+(?:the\s+)?(?:tags?\s+)?(?P<tags>#?{TAG_WORD}"
    rf"(?:\s*(?:,\s*and|,|and|&)\s*#?{TAG_WORD})*)$",
    _F,
)
_RENAME_TO = re.compile(r"^(?P<ref>.+?)\s+(?:to|as|into)\s+(?P<new>.+)$", _F)
_RENAME_QUOTED = re.compile(r"""^(?P<ref>.+?)\s+(?:to|as|into)\s+(?P<new>"[^"]+"|'[^']+')$""", _F)
_PRONOUN_ONLY = frozenset({"call", "do", "have", "rename", "retitle"})
_CLAUSE_VERB = re.compile(rf"^(?:just\s+|also\s+|then\s+)*(?P<verb>{_VERB})\b\s*(?P<rest>.*)$", _F)
_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|;\s*|\s+but\s+)(?:then\s+)?", _F)
_COLON = re.compile(r"^(?P<ref>[^:]{1,80}?)\s*:\s+(?P<rest>.+)$")
# A name made only of these is a correction's lead-in ("oh no wait", "oops wrong day").
_CUE_WORDS = re.compile(
    r"^(?:(?:no+|nope|nah|yes|yeah|ok|okay|actually|wait|sorry|oh|hmm+|um+|uh+|ugh|argh|so|well|eh|"
    r"also|and|then|oops|whoops|right|alright|hey|please|pls|wrong|my|bad|one|day|date|time|tag|"
    r"again|hold|on)[\s,.!-]*)+$",
    _F,
)
_NOT_A_HEAD = re.compile(r"\b(?:not|urgent|important|priority|is|are|should|shouldn't)\b", _F)
_HEAD = re.compile(
    r"^(?:for\s+|about\s+|re\s+)?(?P<ref>[^,:]{1,80}?)\s*(?:,|\s[-–—]\s)\s*(?P<rest>.+)$"
    r"|^(?:for|about|re)\s+(?P<ref2>.{1,80}?)\s+(?P<rest2>(?:set|make|change|move|put|add|tag|give|"
    r"push|bump)\b.+)$",
    _F,
)
_IS = re.compile(
    r"^(?P<ref>.+?)\s+(?:is|are|'s|should\s+be|needs\s+to\s+be|has\s+to\s+be)\s+(?P<rest>"
    r"(?:really\s+|very\s+|super\s+|now\s+|actually\s+)*(?:urgent|important|due|high|low|"
    r"medium|a\s+priority|top\s+priority|p[1-4]|on|for|tagged|every|weekly|daily|monthly|"
    r"not\s+(?:that\s+)?urgent).*)$",
    _F,
)
_NO_REPEAT = re.compile(
    r"^(?P<ref>.+?)\s+(?P<rest>(?:shouldn't|should\s+not|doesn't|does\s+not|needn't|won't|"
    r"no\s+longer|mustn't)\s+(?:need\s+to\s+)?(?:be\s+)?(?:repeat|recur)\w*(?:\s+any\s*more)?)$",
    _F,
)
_PRONOUN = re.compile(
    r"^(?P<p>them\s+both|them\s+all|both\s+of\s+(?:them|those|these)|all\s+(?:of\s+)?(?:them|those|"
    r"these|three|two)|all\s+\w+\s+of\s+them|that\s+one|this\s+one|it|that|this|them|those|"
    r"these|both)\b\s*"
    # "set the time to 12:30": the time, date or priority of the todo already named.
    r"|^(?:the|its|it's)\s+(?:time|date|due\s+date|deadline|priority|due\s+time)\b\s*",
    _F,
)
_WISH = re.compile(
    r"^(?:i\s+(?:want|need|would\s+like|'d\s+like)\s+to|i'd\s+like\s+to|i\s+wanna|"
    r"(?:can|could|would|will)\s+(?:you|u)(?:\s+please)?|please)\s+",
    _F,
)
_STARTS_CHANGE = re.compile(
    rf"^(?:just\s+|also\s+|then\s+)*(?:{_VERB}\b|add\b|due\b|it\b|that\b|for\b|on\b|at\b|to\b|"
    r"(?:high|medium|low|top)\s+priority\b|p[1-4]\b|#|every\b|no\s+longer\b|tagged\b|"
    r"stop\b|not\s+(?:that\s+)?urgent|tomorrow\b|today\b|tonight\b|next\s|this\s|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d|(?:high|medium|low)\b|urgent\b|repeat\b|"
    r"no\s+(?:due\s+)?date\b)",
    _F,
)


def _clauses(text: str) -> list[str]:
    """Split at "and" or a comma where the next part starts a change of its own."""
    parts = _SEPARATOR.split(text)
    clauses: list[str] = []
    for part in parts:
        part = part.strip(" ,.!")
        if not part:
            continue
        if clauses and not _STARTS_CHANGE.match(part):
            clauses[-1] = f"{clauses[-1]} and {part}"
        else:
            clauses.append(part)
    return clauses


def _fully(text: str, now: datetime, tz: ZoneInfo, allow_title: bool) -> Changes | None:
    """The changes in ``text`` when nothing is left unexplained (a title only if allowed)."""
    changes = read_changes(text, now, tz)
    if changes.title is not None and not allow_title:
        return None
    if changes.empty and not changes.problem:
        return None
    return changes


def _split_ref(
    rest: str, verb: str, now: datetime, tz: ZoneInfo
) -> tuple[Reference, Changes] | None:
    """ "the dentist thing to friday at 2": the todo's name, then the changes."""
    m = _PRONOUN.match(rest)
    if m:
        tail = rest[m.end() :]
        changes = _fully(_verb_tail(verb, tail), now, tz, allow_title=_titles(verb))
        if changes is None:
            return None
        return (parse_reference(m["p"]) if m["p"] else _IT), changes
    quoted = re.match(r"""^(?P<q>"[^"]+"|'[^']+')\s*(?P<tail>.*)$""", rest)
    if quoted:
        changes = _fully(_verb_tail(verb, quoted["tail"]), now, tz, allow_title=_titles(verb))
        return (parse_reference(quoted["q"]), changes) if changes is not None else None
    starts = [m.start() for m in re.finditer(r"\s+", rest)]
    for start in starts[:12]:
        head, tail = rest[:start].strip(), rest[start:].strip()
        if not head or not tail or _NOT_A_NAME.match(head) or not _TAIL_START.match(tail):
            continue
        if verb.lower() == "take" and re.match(r"^off\b", tail, _F):
            continue
        if _QUANTIFIER.search(head) and _TAG_NAMING.match(tail):
            continue  # "set all #work to p3": the tag says which todos, it is not a new tag
        changes = _fully(_verb_tail(verb, tail), now, tz, allow_title=_titles(verb))
        if changes is not None:
            return parse_reference(head), changes
    return None


_QUANTIFIER = re.compile(r"(?:^|\s)(?:all|everything|each|every\s+(?:todo|task|one))$", _F)
_TAG_NAMING = re.compile(
    r"^(?:#|(?:tagged|labell?ed)\b|with\s+(?:the\s+)?(?:tag|label)\b|in\s+#)", _F
)
# A todo's name does not start like a change does ("every sunday", "to friday", "at 5").
_NOT_A_NAME = re.compile(
    r"^(?:every|each|on|at|to|for|by|next|this|tomorrow|today|tonight|in|due|until|till|out|up|"
    r"down|over|away|around|"
    r"daily|weekly|monthly|yearly|p[1-4]|high|low|medium|#)\b",
    _F,
)


# Where the changes start after a todo's name: a preposition or a slot.
_TAIL_START = re.compile(
    r"^(?:to|for|on|at|as|by|due|every|each|with|back|forward|off|into|in|until|till|from|"
    r"p[1-4]|#|next|this|tomorrow|today|tonight|repeat|and|high|medium|low|urgent|a\s+day|"
    r"an?\s+(?:hour|week)|\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|wed|thu|fri|sat|sun|weekly|daily|monthly|yearly|one[\s-]off)\b",
    _F,
)


def _titles(verb: str) -> bool:
    return verb.lower() in ("rename", "retitle", "call")


_TO_AS = re.compile(r"^(?:to|as)\s+", _F)
_RULE_START = re.compile(r"^(?:every|each|daily|weekly|monthly)", _F)
_LOWER_TO = re.compile(r"^(?:to\s+)?(?:low|medium|p[2-4])", _F)


def _verb_tail(verb: str, tail: str) -> str:
    """Put the verb back where it carries meaning: "repeat every...", "rename to X"."""
    verb = verb.lower()
    if verb in ("rename", "retitle", "call"):
        return "call it " + _TO_AS.sub("", tail)
    if verb in ("tag", "label"):
        return f"tag {tail}"
    if verb == "repeat":
        return tail if _RULE_START.match(tail) else f"repeat {tail}"
    if verb in ("drop", "lower", "downgrade") and _LOWER_TO.match(tail):
        return tail
    if verb == "take" and re.search(r"\btag\b", tail, _F):
        return f"take {tail}"
    return tail


_IT = Reference(pronoun=True, phrase="it")
_NO_DATE = re.compile(
    r"^(?P<ref>.+?)\s+(?:doesn't|does\s+not|don't|do\s+not|won't|no\s+longer|shouldn't)\s+"
    r"(?:need|have|get)s?\s+(?:a\s+|the\s+|any\s+)?(?:due\s+)?(?:date|deadline)(?:\s+any\s*more)?$",
    _F,
)


def _clause(
    clause: str, now: datetime, tz: ZoneInfo, first: bool
) -> tuple[Reference | None, Changes] | None:
    clause = _POLITE.sub("", clause).strip()
    clause = _TAIL.sub("", clause).strip(" ,.!")
    m = _NO_REPEAT.match(clause)
    if m:
        return parse_reference(m["ref"]), Changes(recurrence="")
    m = _NO_DATE.match(clause)
    if m:
        return parse_reference(m["ref"]), Changes(clear_due=True)
    m = _PRONOUN.match(clause)
    if m and m["p"] and not _CLAUSE_VERB.match(clause):
        # "both of them next week", "those two to high priority": a pronoun, then the changes.
        changes = _fully(clause[m.end() :], now, tz, allow_title=False)
        if changes is not None:
            return parse_reference(m["p"]), changes
    m = _CLAUSE_VERB.match(clause)
    if m and m["verb"].lower() in ("rename", "retitle"):
        quoted = _RENAME_QUOTED.match(m["rest"])
        if quoted:
            return parse_reference(quoted["ref"]), Changes(title=clean_title(quoted["new"][1:-1]))
        plain = _RENAME_TO.match(m["rest"])
        if plain and not _PRONOUN.match(m["rest"]):
            return parse_reference(plain["ref"]), Changes(title=clean_title(plain["new"]))
    if m and m["rest"] and (m["verb"].lower() not in _PRONOUN_ONLY or _PRONOUN.match(m["rest"])):
        verb, rest = m["verb"], m["rest"]
        if verb.lower() == "take":
            off = re.match(r"^(?P<tag>.+?\btag)\s+off\s+(?:of\s+)?(?P<ref>.+)$", rest, _F)
            if off:
                changes = _fully(f"take {off['tag']}", now, tz, allow_title=False)
                if changes is not None:
                    return parse_reference(off["ref"]), changes
        if verb.lower() in ("tag", "label"):
            tagged = _TAGGED_AS.match(rest)
            if tagged and not _PRONOUN.match(rest):
                return parse_reference(tagged["ref"]), Changes(tags=tag_list(tagged["tags"]))
        split = _split_ref(rest, verb, now, tz)
        if split is not None:
            return split
        if not first:
            changes = _fully(_verb_tail(verb, rest), now, tz, allow_title=_titles(verb))
            return (None, changes) if changes is not None else None
        return None
    m = _IS.match(clause)
    if m:
        changes = _fully(m["rest"], now, tz, allow_title=False)
        if changes is not None:
            return parse_reference(m["ref"]), changes
    if not first:
        changes = _fully(clause, now, tz, allow_title=False)
        if changes is not None:
            return None, changes
    return None


def read_update(text: str, now: datetime, tz: ZoneInfo) -> Update | None:
    """A request that names one todo (or "them") and changes it, in one or more clauses."""
    line = _TAIL.sub("", _POLITE.sub("", squash(text))).strip(" .!")
    if not line:
        return None
    whole = _CLAUSE_VERB.match(line)
    if whole and whole["verb"].lower() in ("tag", "label") and _TAGGED_AS.match(whole["rest"]):
        return None  # "tag the report with work and urgent": one tag list, not two clauses
    head: Reference | None = None
    m = _COLON.match(line) or _HEAD.match(line)
    if m:
        groups = m.groupdict()
        name = groups.get("ref") or groups.get("ref2") or ""
        rest = groups.get("rest") or groups.get("rest2") or ""
        plain_name = not _CLAUSE_VERB.match(name) and not _CUE_WORDS.match(name)
        plain_name = plain_name and not _NOT_A_HEAD.search(name)
        plain_name = plain_name and not read_changes(name, now, tz).slots
        plain_name = plain_name and _clause(name, now, tz, first=True) is None
        rest = _WISH.sub("", rest)  # "the landlord meeting, i want to change it to friday"
        if name and plain_name and _STARTS_CHANGE.match(rest):
            # "phone bill: make it monthly", "the gutters one, bump it to high", "task 12 -
            # push it to the 20th", "for team lunch set the time to 12:30".
            head, line = parse_reference(name), rest
    clauses = _clauses(line)
    if not clauses:
        return None
    ref = head
    total = Changes()
    for i, clause in enumerate(clauses):
        got = _clause(clause, now, tz, first=(i == 0 and head is None))
        if got is None:
            return None
        found, changes = got
        if found is not None and not (found.pronoun and ref is not None):
            if ref is not None and not ref.pronoun and found != ref:
                return None
            if ref is None or ref.pronoun:
                ref = found
        total = merge(total, changes)
    if ref is None or total.empty:
        return None
    if total.problem:
        return None
    return Update(ref, total)


def merge(a: Changes, b: Changes) -> Changes:
    """Both sets of changes; the later wins where they overlap."""
    return replace(
        a,
        due_date=b.due_date or a.due_date,
        due_time=b.due_time or a.due_time,
        shift_days=b.shift_days if b.shift_days is not None else a.shift_days,
        priority=b.priority or a.priority,
        tags=tuple(dict.fromkeys([*a.tags, *b.tags])),
        untags=tuple(dict.fromkeys([*a.untags, *b.untags])),
        recurrence=b.recurrence if b.recurrence is not None else a.recurrence,
        clock=b.clock or a.clock,
        clear_due=a.clear_due or b.clear_due,
        title=b.title or a.title,
        problem=a.problem or b.problem,
        description=b.description or a.description,
    )
