"""Changes to existing todos: complete, rename, reschedule, tags, priority, repeat, delete."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from .changes import read_changes
from .dates import WhenMatch, extract_when
from .model import (
    Changes,
    ChangeTags,
    ClearCompleted,
    ClearDue,
    Complete,
    Delete,
    DeleteAll,
    Intent,
    InvalidDate,
    PostponeOverdue,
    Priority,
    Rename,
    Reschedule,
    SetPriority,
    SetRecurrence,
    Uncomplete,
    Update,
)
from .priority import LEVEL_RE, TAG_WORD, level, tag_list
from .recurrence import extract_recurrence, extract_trailing_adverb
from .references import parse_reference
from .selectors import bulk_selector
from .text import Scanner
from .titles import clean_title

_F = re.IGNORECASE
_PLEASE = (
    r"^(?:(?:ok|okay|so|and|hey|please|pls|now|also|oh|actually|oops|wait|no|hmm+|um+|er|eh|"
    r"well|right|ah|yeah|sorry|finally|yay|so|phew)[,\s]+)*"
    r"(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?"
    r"(?:i\s+(?:want|wanna|would\s+like|'d\s+like|d\s+like)\s+(?:you\s+)?to\s+|let's\s+|lets\s+)?"
    r"(?:please\s+)?"
)
# A request may end with the same request in other words: "..., can you reopen it", "..., pls".
_END = (
    r"(?:[,\s]+(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?\w+(?:\s+\w+)?\s+"
    r"(?:it|that|this)(?:\s+(?:for\s+me|please|pls))?|please|pls|now|thanks|thx|ta|for\s+me))?"
    r"(?:\s+(?:already|lol|haha+|finally|yay|woo+|at\s+last))*[\s.!?]*(?:[🎉✨👍🙏😊🙂😀]\s*)*$"
)
_TAGS = rf"(?P<tags>#?{TAG_WORD}(?:\s*(?:,\s*and|,|and|&)\s*#?{TAG_WORD})*)"
_DONE = r"(?:done|complete|completed|finished|finish|checked|ticked|crossed\s+off)"
_FILLER = frozenset({"", "to", "on", "for", "at", "by", "until", "till", "due", "and"})


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(_PLEASE + pattern + _END, _F)


_CLEAR_COMPLETED = _c(
    r"(?:clear|delete|remove|purge|archive|clean\s+up|get\s+rid\s+of|wipe|trash|erase)\s+(?:out\s+)?"
    r"(?:all\s+)?(?:(?:of\s+)?(?:the|my)\s+)?(?:completed|done|finished|checked(?:\s+off)?|"
    r"ticked(?:\s+off)?)(?:\s+(?:ones|tasks?|todos?|to-dos|items|jobs?|things|stuff))?"
)
_DELETE_ALL = _c(
    r"(?:(?:delete|remove|clear|wipe|erase|purge|trash|nuke)\s+(?:out\s+)?(?:all|everything|"
    r"every\s+(?:single\s+)?(?:task|todo|item)|all\s+(?:of\s+)?(?:my|the)\s+(?:tasks|todos|to-dos|"
    r"items)|all\s+(?:tasks|todos|to-dos|items)|(?:all\s+)?my\s+(?:whole\s+|entire\s+)?(?:list|"
    r"todos|tasks|to-dos|todo\s+list)|the\s+(?:whole\s+|entire\s+)?(?:list|todo\s+list))|"
    r"start\s+(?:over|fresh|from\s+scratch))"
)
_POSTPONE_OVERDUE = _c(
    r"(?:postpone|move|push|reschedule|shift|defer|bump|snooze|delay)\s+(?:all\s+(?:of\s+)?"
    r"(?:my\s+|the\s+)?|everything\s+(?:that's\s+|that\s+is\s+)?|every\s+|my\s+|the\s+)?"
    r"(?:overdue|late|past[\s-]due)(?:\s+(?:ones|tasks?|todos?|to-dos|items|stuff))?"
    r"(?:\s+(?:to|till|until|for|on)?\s*(?P<when>.+?))?"
)
_CLEAR_DUE = (
    _c(
        r"(?:remove|clear|delete|drop|unset|take\s+off|get\s+rid\s+of|reset)\s+(?:the\s+)?"
        r"(?:due\s+date|date|deadline|due)\s+(?:from|of|on|for)\s+(?P<ref>.+?)"
    ),
    _c(r"(?:unschedule|undate)\s+(?P<ref>.+?)"),
    _c(r"(?P<ref>.+?)\s+(?:has|should\s+have|needs|gets)\s+no\s+(?:due\s+)?(?:date|deadline)"),
    _c(r"no\s+(?:due\s+)?(?:date|deadline)\s+for\s+(?P<ref>.+?)"),
)
_TAGS_REMOVE = (
    _c(
        rf"(?:remove|delete|drop|take\s+off|clear|untag)\s+(?:the\s+)?(?:tags?|labels?)\s+{_TAGS}\s+"
        r"(?:from|on|off(?:\s+of)?)\s+(?P<ref>.+?)"
    ),
    _c(
        rf"(?:remove|delete|drop|take\s+off|clear|untag)\s+(?:the\s+)?{_TAGS}\s+(?:tags?|labels?)\s+"
        r"(?:from|on|off(?:\s+of)?)\s+(?P<ref>.+?)"
    ),
    _c(
        rf"(?:remove|delete|drop|take\s+off|clear|untag)\s+(?:the\s+)?(?P<tags>#{TAG_WORD}"
        rf"(?:\s*(?:,\s*and|,|and|&)?\s*#{TAG_WORD})*)\s+(?:from|on|off(?:\s+of)?)\s+(?P<ref>.+?)"
    ),
    _c(rf"untag\s+(?P<ref>.+?)\s+(?:from\s+|as\s+)?{_TAGS}"),
)
_TAGS_ADD = (
    _c(rf"add\s+(?:the\s+|a\s+)?(?:tags?|labels?)\s+{_TAGS}\s+to\s+(?P<ref>.+?)"),
    _c(
        rf"(?:put|stick|place|give)\s+(?:the\s+|a\s+)?(?:tags?|labels?)\s+{_TAGS}\s+(?:on|to|onto)\s+"
        r"(?P<ref>.+?)"
    ),
    _c(rf"add\s+(?:the\s+|a\s+)?{_TAGS}\s+(?:tags?|labels?)\s+to\s+(?P<ref>.+?)"),
    _c(
        rf"add\s+(?P<tags>#{TAG_WORD}(?:\s*(?:,\s*and|,|and|&)?\s*#{TAG_WORD})*)\s+to\s+(?P<ref>.+?)"
    ),
    _c(
        rf"(?:tag|label)\s+(?P<ref>.+?)\s+(?:as\s+|(?:with\s+|w/\s*)(?:the\s+)?(?:tags?\s+)?)?{_TAGS}"
    ),
    _c(rf"(?P<ref>.+?)\s+should\s+be\s+tagged\s+(?:as\s+|with\s+)?{_TAGS}"),
)
# A bare digit is a priority only after "priority" ("change it to 4" is a time, not p4).
_LEVEL = rf"(?:(?P<lvl>{LEVEL_RE}|no)[\s-]+(?:priority|prio)|(?P<code>p[1-4])|(?:priority\s+)?(?P<lvl2>urgent|important|{LEVEL_RE})|priority\s+(?P<lvl3>[1-4]))"  # noqa: E501
_PRIORITY: tuple[tuple[re.Pattern[str], Priority | None], ...] = (
    (
        _c(
            rf"(?:set|change|make|update)\s+(?:the\s+)?priority\s+(?:of|for|on)\s+(?P<ref>.+?)\s+(?:to\s+|as\s+)?{_LEVEL}"
        ),
        None,
    ),
    (
        _c(
            rf"(?:make|set|mark|change|flag|put)\s+(?P<ref>.+?)\s+(?:as\s+|to\s+|at\s+)?(?:an?\s+)?{_LEVEL}"
        ),
        None,
    ),
    (_c(r"(?:prioriti[sz]e|escalate)\s+(?P<ref>.+?)"), "high"),
    (_c(r"(?:deprioriti[sz]e|de-prioriti[sz]e)\s+(?P<ref>.+?)"), "low"),
    (
        _c(
            r"(?:raise|increase|bump(?:\s+up)?)\s+(?:the\s+)?priority\s+(?:of|on|for)\s+(?P<ref>.+?)"
        ),
        "high",
    ),
    (_c(r"(?:lower|decrease|reduce)\s+(?:the\s+)?priority\s+(?:of|on|for)\s+(?P<ref>.+?)"), "low"),
    (
        _c(r"(?:remove|clear|reset)\s+(?:the\s+)?priority\s+(?:from|of|on|for)\s+(?P<ref>.+?)"),
        "none",
    ),
    (
        _c(
            r"(?P<ref>.+?)\s+is\s+(?:very\s+|really\s+|super\s+)?(?:urgent|important|high\s+priority|top\s+priority|p1)"
        ),
        "high",
    ),
    (_c(r"(?P<ref>.+?)\s+is\s+(?:not\s+(?:that\s+)?(?:urgent|important)|low\s+priority)"), "low"),
)
_STOP_REPEAT = (
    _c(r"(?:stop|quit)\s+(?:repeating|recurring)\s+(?P<ref>.+?)"),
    _c(r"(?:don't|do\s+not|dont|never)\s+repeat\s+(?P<ref>.+?)(?:\s+again|\s+anymore)?"),
    _c(
        r"(?:make\s+)?(?P<ref>.+?)\s+(?:should\s+)?(?:not|no\s+longer|stop|shouldn't|should\s+not)\s+"
        r"(?:repeat|recur)(?:ing)?(?:\s+anymore)?"
    ),
    _c(
        r"(?:remove|clear|delete|cancel|turn\s+off)\s+(?:the\s+)?(?:recurrence|repeat|repetition|"
        r"repeating|schedule)\s+(?:from|of|on|for)\s+(?P<ref>.+?)"
    ),
    _c(
        r"make\s+(?P<ref>.+?)\s+(?:a\s+)?(?:one[\s-]?off|one[\s-]time|non[\s-]?recurring|not\s+recurring)"
    ),
)
_SET_REPEAT = (
    _c(r"(?:make|set)\s+(?P<ref>.+?)\s+(?:to\s+)?(?:repeat|recur)(?:s|ring|ing)?\s+(?P<rule>.+?)"),
    _c(r"(?P<ref>.+?)\s+should\s+(?:repeat|recur)\s+(?P<rule>.+?)"),
    _c(
        r"repeat\s+(?P<ref>.+?)\s+(?P<rule>(?:every|each|daily|weekly|monthly|yearly|annually|"
        r"fortnightly|on\s+\w+days|(?:on\s+)?the\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:day\s+)?of\s+"
        r"(?:every|each))\b.*?)"
    ),
    _c(r"make\s+(?P<ref>.+?)\s+(?P<rule>daily|weekly|monthly|yearly|annual|fortnightly)"),
)
_RENAME_QUOTED = _c(
    r"(?:rename|retitle|change|edit|update)\s+(?:the\s+)?(?:title\s+of\s+|name\s+of\s+)?"
    r"(?P<ref>\"[^\"]+\"|'[^']+')(?:\s+(?:task|todo))?\s+(?:to|as|into|(?:in|for)(?=\s+[\"']))\s+"
    r"(?P<new>.+?)"
)
_QUOTED_THEN = re.compile(
    r"""^(?P<q>["'])(?P<title>[^"']+)(?P=q)(?P<rest>\s*(?:,|\band\b|&)\s*\S.*)$""", re.I
)
_RENAME = (
    _c(r"(?:rename|retitle)\s+(?P<ref>.+?)\s+(?:to|as|into)\s+(?P<new>.+?)"),
    _c(
        r"(?:change|update|edit|set|fix)\s+(?:the\s+)?(?:title|name|text|wording|description)\s+"
        r"(?:of|for|on)\s+(?P<ref>.+?)\s+to\s+(?P<new>.+?)"
    ),
    _c(
        r"(?:change|edit|update|correct|reword)\s+(?P<ref>.+?)\s+(?:to\s+say|to|into)\s+(?P<new>.+?)"
    ),
)
_UNCOMPLETE = (
    _c(
        r"(?:mark|set|flag)\s+(?P<ref>.+?)\s+(?:as\s+)?(?:not\s+(?:yet\s+)?" + _DONE + r"|undone|"
        r"incomplete|uncompleted|open|unfinished|to\s*do|pending|active|not\s+done\s+yet)"
    ),
    _c(
        r"(?:uncheck|unmark|untick|reopen|re-open|uncomplete|un-complete|undo|restore|reactivate)\s+(?P<ref>.+?)"
    ),
    _c(
        r"i\s+(?:haven't|have\s+not|havent|didn't|did\s+not|didnt|never)\s+(?:actually\s+|really\s+|"
        r"yet\s+)?(?:done\s+|finished\s+|completed\s+|finish\s+|complete\s+|do\s+)?(?P<ref>.+?)"
        r"(?:\s+yet|\s+after\s+all)?"
    ),
    _c(
        r"(?P<ref>.+?)\s+(?:isn't|is\s+not|wasn't|was\s+not|isnt|aren't|are\s+not)\s+(?:actually\s+|"
        r"really\s+|yet\s+)?" + _DONE + r"(?:\s+yet|\s+after\s+all)?"
    ),
)
_NOT_PAST = r"(?!(?:wanted|needed|decided|planned|hoped|started|tried|forgot|used|need|want)\b)"
# A message that opens with a past tense reports a todo done ("called the supplier", "booked
# the hotel", "paid rent"); words that only look past ("need", "feed", "shred", "bed") are not,
# nor forms shared with the present ("read 1984", "put", "set").
_PAST_FORMS = (
    r"bought|paid|sent|wrote|went|did|took|got|made|rang|met|sold|brought|caught|fed|ran|"
    r"swept|told|gave|built|spoke|won|picked\s+up|dropped\s+off|handed\s+in"
)
_BARE_PAST = (
    r"(?P<ref>(?!(?:\w*eed|shred|embed|bed|red|wed|bred|fled|led|sled|shed|sped|"
    + r"wanted|needed|decided|planned|hoped|started|tried|forgot|used|scheduled|booked\s+in\s+for|"
    + r"completed|finished|tagged|labell?ed|starred|dated|undated|overdue|prioriti[sz]ed|added|"
    + r"created|deleted|removed|archived|updated|changed|moved|reopened|repeated"
    + r")\b)(?:[a-z]{2,}ed|"
    + _PAST_FORMS
    + r")\s+(?!(?:to|for|by|on|at|that|it|this|yet|up)\b)"
    + r"(?!(?:the\s+|my\s+)?(?:ones?|tasks?|todos?|items?|stuff|things)$).+?)"
)
_COMPLETE = (
    _c(r"(?:mark|set|flag)\s+(?P<ref>.+?)\s+(?:as\s+)?" + _DONE),
    _c(r"mark\s+(?:as\s+)?(?:done|finished|finish|complete|completed)\s+(?P<ref>.+?)"),
    _c(
        r"(?:finished|completed|done\s+with)\s+(?P<ref>(?!with\b)(?!(?:ones?|tasks?|todos?|items?|"
        r"stuff|things)$).+?)(?:\s*[✓✔✅])?"
    ),
    _c(
        r"(?:complete|finish|check\s+off|tick\s+off|cross\s+off|close(?:\s+out)?|done\s+with|"
        r"knock\s+out|wrap\s+up)\s+(?P<ref>.+?)(?:\s+(?:off|as\s+done))?"
    ),
    _c(r"(?:check|tick|cross)\s+(?P<ref>.+?)\s+off"),
    _c(
        r"i(?:'ve|\s+have)?\s+(?:just\s+|already\s+|finally\s+)?(?:done|did|finished|completed)\s+(?P<ref>.+?)"
    ),
    _c(r"(?:i'm|i\s+am)\s+(?:done|finished)\s+with\s+(?P<ref>.+?)"),
    _c(
        r"(?P<ref>.+?)\s+(?:is|are|was|has\s+been)\s+(?:now\s+|all\s+|already\s+)?(?:done|finished|"
        r"complete|completed|sorted|taken\s+care\s+of|handled)"
    ),
    _c(r"(?:done|finished|completed)\s*[:\-–]\s*(?P<ref>.+?)"),
    _c(r"(?P<ref>.+?)\s*[:\-–]?\s*(?:done|✓|✔|✅)"),
    _c(
        r"i(?:'ve|\s+have)?\s+(?:just\s+|already\s+|finally\s+)?(?P<ref>" + _NOT_PAST + r"(?:\w+ed|"
        r"bought|paid|sent|wrote|went|did|took|got|made|read|rang|met|sold|brought|caught|fed|"
        r"ran|swept|found|told|gave|built|spoke|won)\s+.+?)"
    ),
    _c(r"(?:just\s+|already\s+|finally\s+)?" + _BARE_PAST),
)
_RESCHEDULE = re.compile(
    _PLEASE + r"(?P<verb>move|push|reschedule|postpone|delay|defer|shift|bump|change|snooze)\s+"
    r"(?P<rest>.+?)[\s.!?]*$",
    _F,
)
_DUE_AS = _c(
    # "set/make buy milk due friday": the verb is not part of the todo's name.
    r"(?:(?:set|make)\s+)?(?P<ref>.+?)\s+(?:is\s+)?(?:now\s+)?(?:due|should\s+be\s+(?:done\s+)?(?:on|by)|needs\s+to\s+be"
    r"\s+done\s+(?:on|by))\s+(?P<when>.+?)"
)
_DELETE = _c(
    r"(?:delete|remove|erase|trash|scrap|drop|discard|get\s+rid\s+of|cancel|forget(?:\s+about)?|"
    r"wipe(?:\s+out)?|clear\s+out|bin\s+off|"
    r"kill|nuke|bin|ditch|axe|strike|cross\s+out)\s+(?P<ref>.+?)(?:\s+(?:from|off)\s+(?:my|the)\s+"
    r"(?:list|todos?|tasks?|to-dos?|todo\s+list))?"
)


# Every command pattern contains one of these words; most new todos contain none, so they skip
# the ~60 command patterns.
_TRIGGER = re.compile(
    r"\b(?:clear|delete|remove|purge|archive|clean|rid|wipe|trash|erase|nuke|start|postpone|move|"
    r"push|reschedule|shift|defer|bump|snooze|delay|unset|take|reset|unschedule|undate|has|should|"
    r"needs|gets|no|drop|untag|tag|label|set|change|make|update|mark|flag|put|prioriti[sz]e|"
    r"depriorit\w*|de-priorit\w*|escalate|raise|increase|lower|decrease|reduce|is|are|was|been|"
    r"stop|quit|don't|dont|do|never|cancel|turn|repeat|rename|retitle|edit|fix|correct|reword|"
    r"uncheck|unmark|untick|reopen|re-open|uncomplete|un-complete|undo|restore|reactivate|i|i'm|"
    r"i've|complete|finish|check|tick|cross|close|done|finished|completed|due|scrap|discard|forget|"
    r"kill|bin|ditch|axe|strike|wipe|knock|wrap)\b|[✓✔✅#]|^(?:just\s+|already\s+|finally\s+)?"
    r"(?:[a-z]{2,}ed|" + _PAST_FORMS + r")\s",
    _F,
)


def full_when(text: str, now: datetime, tz: ZoneInfo) -> WhenMatch | None:
    """The when in ``text`` if it is all ``text`` says (besides "to", "on" and the like)."""
    scan = Scanner(text)
    when = extract_when(scan, now, tz)
    if when is None:
        return None
    leftover = scan.remaining().lower().strip(" ,.!?")
    if leftover in _FILLER or all(w in _FILLER for w in leftover.split()):
        return when
    return None


def full_when_in(text: str, now: datetime, tz: ZoneInfo) -> bool:
    """True when ``text`` names a date or time anywhere."""
    return extract_when(Scanner(text), now, tz) is not None


def _when_suffix(text: str, now: datetime, tz: ZoneInfo) -> tuple[str, WhenMatch] | None:
    """Split "call mom to friday at 5" into ("call mom", friday 17:00) at the longest when."""
    for start in [m.end() for m in re.finditer(r"\s+", text)][:40]:
        when = full_when(text[start:], now, tz)
        if when is not None:
            head = text[:start].strip()
            head = re.sub(r"\s+(?:to|for|on|until|till|by|due)$", "", head, flags=_F)
            return head, when
    return None


def _ref_intent(
    patterns: tuple[re.Pattern[str], ...],
    text: str,
    build: Callable[[re.Match[str]], Intent | None],
) -> Intent | None:
    for pattern in patterns:
        m = pattern.match(text)
        if m and m["ref"].strip():
            result = build(m)
            if result is not None:
                return result
    return None


def _bulk(text: str, now: datetime, tz: ZoneInfo) -> Intent | None:
    if _CLEAR_COMPLETED.match(text):
        return ClearCompleted()
    if _DELETE_ALL.match(text):
        return DeleteAll()
    m = _POSTPONE_OVERDUE.match(text)
    if m:
        if not m["when"]:
            return PostponeOverdue(now.astimezone(tz).date() + timedelta(days=1))
        when = full_when(m["when"], now, tz)
        if when is not None and when.problem:
            return InvalidDate(when.problem)
        if when is not None and when.due_date is not None:
            return PostponeOverdue(when.due_date, when.due_time)
    return None


def _rule(text: str) -> tuple[str | None, str | None, Scanner]:
    scan = Scanner(text)
    rec = extract_recurrence(scan)
    if rec is None:
        scan = Scanner("x " + text)
        rec = extract_trailing_adverb(scan)
    if rec is None:
        return None, None, scan
    return rec.rrule, rec.problem, scan


def _set_repeat(m: re.Match[str], now: datetime, tz: ZoneInfo) -> Intent | None:
    body, problem, scan = _rule(m["rule"])
    if problem:
        return InvalidDate(problem)
    if body is None:
        return None
    when = extract_when(scan, now, tz)
    return SetRecurrence(parse_reference(m["ref"]), body, when.due_time if when else None)


def _priority(m: re.Match[str], fixed: Priority | None) -> Intent | None:
    if fixed is not None:
        return SetPriority(parse_reference(m["ref"]), fixed)
    found = level(m["lvl"] or m["code"] or m["lvl2"] or m["lvl3"])
    return SetPriority(parse_reference(m["ref"]), found) if found else None


def _reschedule(text: str, now: datetime, tz: ZoneInfo) -> Intent | None:
    m = _RESCHEDULE.match(text)
    if m:
        split = _when_suffix(m["rest"], now, tz)
        if split is not None and split[0]:
            head, moved = split
            if moved.problem:
                return InvalidDate(moved.problem)
            assert moved.due_date is not None
            if not moved.date_given and moved.due_time is not None:
                # "move the landlord call to 4pm": a new time on the day it already has.
                return Update(parse_reference(head), Changes(due_time=moved.due_time))
            return Reschedule(parse_reference(head), moved.due_date, moved.due_time)
        if m["verb"].lower() in ("postpone", "defer", "snooze", "delay") and not re.search(
            r"\s(?:to|until|till|by|for)\s", m["rest"]
        ):
            return Reschedule(parse_reference(m["rest"]), now.astimezone(tz).date() + timedelta(1))
    m = _DUE_AS.match(text)
    if m:
        when = full_when(m["when"], now, tz)
        if when is not None and when.problem:
            return InvalidDate(when.problem)
        if when is not None and when.due_date is not None:
            return Reschedule(parse_reference(m["ref"]), when.due_date, when.due_time)
    return None


def parse_command(text: str, now: datetime, tz: ZoneInfo) -> Intent | None:
    """The change the message asks for, or None when it is not a change command."""
    if not _TRIGGER.search(text):
        return None
    found = _bulk(text, now, tz) or _ref_intent(
        _CLEAR_DUE, text, lambda m: ClearDue(parse_reference(m["ref"]))
    )
    found = found or _ref_intent(
        _TAGS_REMOVE,
        text,
        lambda m: ChangeTags(parse_reference(m["ref"]), remove=tag_list(m["tags"])),
    )
    found = found or _ref_intent(
        _TAGS_ADD, text, lambda m: ChangeTags(parse_reference(m["ref"]), add=tag_list(m["tags"]))
    )
    for pattern, fixed in _PRIORITY:
        m = pattern.match(text)
        if found is None and m and m["ref"].strip():
            found = _priority(m, fixed)
    found = found or _ref_intent(
        _STOP_REPEAT, text, lambda m: SetRecurrence(parse_reference(m["ref"]), None)
    )
    found = found or _ref_intent(_SET_REPEAT, text, lambda m: _set_repeat(m, now, tz))
    return found or _changes(text, now, tz)


# "the name should be 'Write email to landlord'", "the dentist: the title should be ...",
# "its name is now X": a new title said as what the field should be.
_FIELD_RENAME = re.compile(
    r"^(?:(?P<ref>.+?)\s*[:,\-–]\s+|(?P<ref2>.+?)'s\s+)?(?:the\s+|its\s+)?(?:name|title)\s+"
    r"(?:should\s+be|must\s+be|has\s+to\s+be|is\s+now|becomes|will\s+be)\s+(?P<new>.+?)[.!]?$",
    _F,
)


def _field_rename(text: str) -> Intent | None:
    m = _FIELD_RENAME.match(text)
    if m is None:
        return None
    new = m["new"].strip()
    if new[:1] in "\"'" and new[-1:] == new[:1] and len(new) > 2:
        new = new[1:-1]
    title = clean_title(new)
    said = (m["ref"] or m["ref2"] or "").strip()
    said = re.sub(r"^(?:please\s+)?(?:change|edit|update|fix)\s+", "", said, flags=_F)
    return Rename(parse_reference(said or "it"), title) if title else None


def _rename(m: re.Match[str], now: datetime, tz: ZoneInfo) -> Intent | None:
    new = m["new"].strip()
    quoted = _QUOTED_THEN.match(new)
    if quoted:
        # "rename 'A' to 'B' and give it the tags maths and copying": the quotes end the title.
        title = clean_title(quoted["title"])
        more = read_changes(quoted["rest"], now, tz)
        if more.slots and not more.problem:
            return Update(parse_reference(m["ref"]), replace(more, title=title))
        return Rename(parse_reference(m["ref"]), title) if title else None
    for cut in reversed(list(re.finditer(r"\s+to\s+", new, _F))):
        # "change the visit to Joan to next Tuesday": the name has a "to" of its own.
        when = full_when(new[cut.end() :], now, tz)
        if when is not None and when.due_date is not None and not when.problem:
            ref = parse_reference(f"{m['ref']} to {new[: cut.start()]}")
            return Reschedule(ref, when.due_date, when.due_time)
    if re.fullmatch(r"\d{1,2}(?::[0-5]\d)?", new):
        # "change it to 4": a new time (on the same day), never a title "4".
        clock = full_when("at " + new, now, tz)
        if clock is not None and clock.due_time is not None:
            return Update(parse_reference(m["ref"]), Changes(due_time=clock.due_time))
    when = full_when(new, now, tz)
    if when is not None:
        if when.problem:
            return InvalidDate(when.problem)
        assert when.due_date is not None
        if not when.date_given and when.due_time is not None:
            # "change the hour of the post office to 3 o'clock": the day it has stays.
            return Update(parse_reference(m["ref"]), Changes(due_time=when.due_time))
        return Reschedule(parse_reference(m["ref"]), when.due_date, when.due_time)
    title = clean_title(new.strip("\"'"))
    return Rename(parse_reference(m["ref"]), title) if title else None


def _changes(text: str, now: datetime, tz: ZoneInfo) -> Intent | None:
    found = _field_rename(text)
    found = found or _ref_intent((_RENAME_QUOTED, *_RENAME), text, lambda m: _rename(m, now, tz))
    found = found or _ref_intent(_UNCOMPLETE, text, lambda m: Uncomplete(parse_reference(m["ref"])))
    found = found or _reschedule(text, now, tz)
    # "finish the report by friday" is a new todo, not a completion.
    found = found or _ref_intent(
        _COMPLETE,
        text,
        lambda m: (
            None
            if full_when_in(m["ref"], now, tz) and bulk_selector(m["ref"]) is None
            else Complete(parse_reference(m["ref"]))
        ),
    )
    return found or _ref_intent((_DELETE,), text, lambda m: Delete(parse_reference(m["ref"])))
