"""A second reading of a message: its clauses, and in each a cue found anywhere.

The first reading (``parse_message``) matches whole-message patterns: it is precise when a
message is shaped as expected and says nothing (or files a junk todo) when it is not. People
write "laundry finaly done ugh", "santa costume i am returned, pls mark complet", "I marked
paying the milkman as done by mistake", "the meeting with landlord move to friday and make 2
pm", "kids are sick all week, move all the kids things to saturday". This reader:

1. splits a message into clauses (sentences, commas, "and"/"so"/"but"/"then" before a new
   verb), so a reason or a remark around a request ("she swapped days", "it's all stale
   anyway") can be told from the request;
2. reads each clause as a frame: the action its cue words ask for, wherever they stand
   (complete, reopen, delete, change), the changes its slots carry (dates, times, priority,
   tags, repeats), and the words left over, which name the todo.

Which frame the message means is decided against the user's list (``agent.offline.reading``):
a frame counts when its words name todos that exist. Nothing here guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from .changes import read_changes
from .model import Changes
from .text import split_sentences, squash

FrameKind = Literal["complete", "uncomplete", "delete", "update"]
_F = re.IGNORECASE

# Words that say a todo is done; "off" only after tick/check/cross/mark.
_DONE = re.compile(
    r"\b(?:done|finished|finish|complete|completed|sorted|handled|ticked|checked|crossed|"
    r"taken\s+care\s+of|dealt\s+with|out\s+of\s+the\s+way|over\s+with)\b",
    _F,
)
_DONE_VERB = re.compile(
    r"\b(?:mark(?:ed)?|tick(?:ed)?|check(?:ed)?|cross(?:ed)?|close(?:d)?(?:\s+out)?|knock(?:ed)?"
    r"\s+out|wrap(?:ped)?\s+up|strike|cross)\b(?:\s+(?:it|them|that|this|those|both|all))?"
    r"(?:\s+(?:off|out))?(?:\s+(?:as\s+)?(?:done|complete|completed|finished))?",
    _F,
)
# A past tense that reports a todo done: at the start, or after "i", "i've", "just", "already".
_PAST = (
    r"bought|got|paid|sent|wrote|went\s+to|did|took|made|rang|called|booked|returned|picked\s+up|"
    r"dropped\s+off|posted|mailed|fixed|cleaned|emailed|submitted|renewed|collected|ordered|"
    r"washed|watered|fed|walked|filed|handed\s+in|signed|visited|phoned|texted|messaged|"
    r"replied\s+to|answered|finished|completed|bought|grabbed|picked|packed|printed|scheduled|"
    r"cancelled|canceled|recorded|uploaded|wrapped|mowed|vacuumed|hoovered|tidied|sorted|"
    r"ironed|folded|delivered|returned|repaired|replaced|charged|cooked|baked|read|met|saw|"
    r"returned|applied\s+for|registered|paid\s+for|settled|topped\s+up"
)
_PAST_AT = re.compile(
    rf"(?:^|\b(?:i|i've|i\s+have|i\s+had|i\s+am|i'm|we|we've|just|already|finally|also|and)\s+)"
    rf"(?:just\s+|already\s+|finally\s+|actually\s+)?(?:{_PAST})\b",
    _F,
)
_ALREADY = re.compile(r"\b(?:already|finally|at\s+last)\b", _F)
# "isn't done", "hasn't been paid", "didn't actually do", "not finished yet".
_NOT = re.compile(
    r"\b(?:not|isn't|isnt|wasn't|wasnt|aren't|hasn't|hasnt|haven't|havent|hadn't|didn't|didnt|"
    r"never|no\s+longer)\b(?:\s+\w+){0,3}?\s+(?:done|finished|complete|completed|paid|sent|"
    r"bought|called|booked|do|did|finish|sorted|happened|been\s+\w+)\b|\bnot\s+(?:yet\s+)?"
    r"(?:done|finished|complete)\b|\bstill\s+(?:need|have|got)\s+to\b|\bstill\s+(?:open|pending|"
    r"to\s+do)\b|\bnot\s+yet\b",
    _F,
)
_MISTAKE = re.compile(
    r"\b(?:by\s+mistake|by\s+accident|accidentally|mistakenly|wrongly|in\s+error|too\s+soon|"
    r"too\s+early|prematurely)\b",
    _F,
)
_REOPEN = re.compile(
    r"\b(?:reopen|re-open|untick|uncheck|unmark|un-tick|un-check|uncomplete|mark\s+(?:it\s+|"
    r"them\s+)?(?:as\s+)?(?:undone|not\s+done|open|incomplete|unfinished))\b",
    _F,
)
_DELETE = re.compile(
    r"\b(?:delete|deleted|remove|removed|erase|wipe|wiped|clear\s+out|cancel|cancelled|canceled|scrap|drop|bin|ditch|"
    r"trash|nuke|axe|get\s+rid\s+of|take\s+(?:it\s+|that\s+|them\s+)?off|forget(?:\s+about)?|"
    r"take\b(?=.+\boff\s+(?:my|the)\s+(?:todo\s+|to-do\s+)?list)|"
    r"called\s+off|is\s+off|are\s+off|no\s+longer\s+(?:need(?:ed)?|happening|on)|"
    r"(?:don't|dont|do\s+not)\s+need|not\s+needed|not\s+happening|won't\s+need)\b",
    _F,
)
_CLEAR_DATE = re.compile(
    r"\b(?:get\s+rid\s+of|remove|delete|drop|clear|take\s+off|lose|scrap|ditch)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:due\s+)?(?:date|deadline|due\s+date)\b(?:\s+(?:on|from|of|for)\b)?",
    _F,
)
_OFF_LIST = re.compile(
    r"\b(?:off|from)\s+(?:my|the)\s+(?:todo\s+|to-do\s+)?(?:list|todos?|tasks?)\b", _F
)
_MOVE = re.compile(
    r"\b(?:move|moved|push|pushed|reschedule|rescheduled|postpone|postponed|shift|change|changed|"
    r"set|make|bump|switch|put|delay|bring\s+forward|pull\s+forward|should\s+be|is\s+now|are\s+now|"
    r"is\s+due|are\s+due|due|tag|label|rename|retitle|call\s+it)\b",
    _F,
)
# Words that never name a todo: pronouns, auxiliaries, politeness, vague nouns, cue leftovers.
_NOISE = frozenset(
    """i i'm im i've ive me my we we're our you your u it it's its this that these those them
    they both all each every one ones thing things thingy thingie stuff bit task tasks todo
    todos item items list the a an is are was were been be am has have had do does did done
    please pls thanks thank cheers ok okay so also too as well just already finally now
    then yet still actually really can could would will should may might mark marked set as
    off out for of to on at in with from by about now lol haha ugh ugh oh ah hey yes yeah no
    not mate dear love sorry oops wait hmm um uh er well right alright also kindly perhaps
    possibly maybe if you'd don't dont off finaly finally complete completed finish
    finished ticked checked crossed sorted handled tick check cross close""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[#\w'-]+")


@dataclass(frozen=True, slots=True)
class Frame:
    """One clause read as an action on todos named by ``words``."""

    kind: FrameKind
    words: str
    changes: Changes | None = None
    # How clearly the cue says the action: 2 an explicit verb ("mark ... done", "delete"),
    # 1 an implicit one (a past tense, "done" at the end).
    strength: int = 1
    # "them", "both", "all": the words may stand for several todos.
    plural: bool = False
    # "both", "those two", "all three": how many todos the words stand for, when said.
    count: int | None = None


# -- clauses --------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\s+-\s+|\s+—\s+")
_JOINT = re.compile(
    r"\s*,\s*(?:(?:and|but|so|then|oh\s+and|and\s+also|also|plus|oh)\s+)?"
    r"|\s+(?:and\s+then|and\s+also|oh\s+and|but|so|then)\s+|\s+and\s+(?=(?:\w+\s+){0,4}?(?:"
    r"move|push|delete|remove|mark|tag|make|set|change|cancel|bump|put|tick|add|remind)\b)",
    _F,
)


def clauses(text: str) -> list[str]:
    """The clauses of a message: sentences, split again at commas and joining words."""
    out: list[str] = []
    for sentence in split_sentences(squash(text), _SENTENCE_END):
        for part in _JOINT.split(sentence):
            part = part.strip(" ,.!;:")
            if part:
                out.append(part)
    return out


# -- frames ---------------------------------------------------------------------------------


def _leftover(text: str, *patterns: re.Pattern[str]) -> str:
    for pattern in patterns:
        text = pattern.sub(" ", text)
    words = [w for w in _WORD.findall(text) if w.lower().strip("'") not in _NOISE]
    return re.sub(r"^(?:and\s+)+|(?:\s+and)+$", "", " ".join(words))


def read_frame(clause: str, now: datetime, tz: ZoneInfo) -> Frame | None:
    """The action a clause asks for on named todos, wherever its cue words stand."""
    found = _read_frame(squash(clause), now, tz)
    if found is not None and _PLURAL.search(clause):
        said = _COUNT.search(clause)
        count = None if said is None else (2 if said["n"] is None else _COUNTS[said["n"].lower()])
        found = replace(found, plural=True, count=count)
        if said is not None and said["n"]:  # "move those two to friday": "two" names nothing
            words = re.sub(rf"(?i)\b{re.escape(said['n'])}\b", " ", found.words)
            found = replace(found, words=" ".join(words.split()))
        group = _group(clause)
        if group is not None:
            found = replace(found, words=group)
    return found


# Several todos named by what they have in common, anywhere in a clause: "all of my tasks
# tagged spring", "everything overdue", "all what is overdue", "everything due today".
_GROUP_LEAD = r"\b(?:all|everything|every\s+(?:task|todo|one|single\s+one))\b(?:\s+\S+){0,5}?\s+"
_GROUPS = (
    (re.compile(_GROUP_LEAD + r"(?:overdue|late|past[\s-]due)\b", _F), "everything overdue"),
    (
        re.compile(_GROUP_LEAD + r"(?:due\s+today|for\s+today|today's|today)\b|\btoday's\b", _F),
        "everything due today",
    ),
    (
        re.compile(
            _GROUP_LEAD + r"(?:tagged|labell?ed|with\s+the\s+tag|under)\s+#?(?P<t>[a-z][\w-]*)"
            r"|\b(?:all|everything)\b(?:\s+\S+){0,4}?\s+#(?P<t2>[a-z][\w-]*)",
            _F,
        ),
        "everything tagged {}",
    ),
)


def group_of(clause: str) -> str | None:
    """The group of todos a clause names by what they share ("everything overdue"), if any."""
    return _group(clause)


def _group(clause: str) -> str | None:
    for pattern, phrase in _GROUPS:
        m = pattern.search(clause)
        if m:
            tag = m.groupdict().get("t") or m.groupdict().get("t2")
            return phrase.format(tag.lower()) if tag else phrase
    return None


# A question, not a request put politely as one ("could you mark ... as done?").
_ASKING = re.compile(
    r"^(?:what|when|where|which|who|why|how|is|are|was|were|do|does|did|have|has|had|am|any)\b", _F
)
_PLURAL = re.compile(r"\b(?:them|both|all|those|these|they|everything|each)\b", _F)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_COUNT = re.compile(
    r"\bboth\b|\b(?:those|these|the|all|them)\s+(?:last\s+)?(?P<n>two|three|four|five|[2-5])\b", _F
)


# "..., i did it this morning", "finished that yesterday": when it was done, said in passing.
_DID_IT = re.compile(
    r"[\s,.-]+(?:(?:i|we|i've|ive|we've)\s+)?(?:just\s+)?(?:did|finished|done|completed|sorted)"
    r"\s+(?:it|that|this|them)\b.*$",
    _F,
)


def _read_frame(text: str, now: datetime, tz: ZoneInfo) -> Frame | None:
    if not text or (text.endswith("?") and _ASKING.match(text)):
        return None
    text = text.rstrip("?")
    said = _DID_IT.sub("", text).strip(" ,.-")
    if said != text and (_DONE.search(said) or _DONE_VERB.search(said)):
        text = said  # "mark the oil change as done, i did it this morning": when, not a change
    lower = text.lower()
    if _REOPEN.search(lower) or (
        _MISTAKE.search(lower) and (_DONE.search(lower) or _DONE_VERB.search(lower))
    ):
        words = _leftover(text, _REOPEN, _MISTAKE, _DONE_VERB, _DONE, _NOT)
        return Frame("uncomplete", words, strength=2)
    if _NOT.search(lower) and (_DONE.search(lower) or _PAST_AT.search(lower)):
        if re.search(r"\b(?:need|have|got)\s+to\b", lower) and not _DONE.search(lower):
            return None  # "I still need to buy milk": a todo, not a report
        words = _leftover(text, _NOT, _DONE, _PAST_AT)
        return Frame("uncomplete", words, strength=1)
    if _CLEAR_DATE.search(lower):
        # "get rid of the date on it": the date goes, not the todo.
        words = _leftover(_CLEAR_DATE.sub(" ", text), _MOVE)
        return Frame("update", words, changes=Changes(clear_due=True), strength=2)
    if _group(text) is not None and (_DONE.search(lower) or _DONE_VERB.search(lower)):
        return Frame("complete", "", strength=2)  # "everything due today is done"
    deleted = _DELETE.search(lower)
    if deleted:
        words = _leftover(text, _DELETE, _OFF_LIST)
        return Frame("delete", words, strength=2)
    changes = read_changes(text, now, tz)
    if changes.slots and not changes.problem and (_MOVE.search(lower) or changes.title):
        words = _leftover(changes.title or "", _MOVE)
        return Frame("update", words, changes=replace(changes, title=None), strength=2)
    verb = _DONE_VERB.search(lower)
    done = _DONE.search(lower)
    if verb or done:
        words = _leftover(text, _DONE_VERB, _DONE, _ALREADY)
        return Frame("complete", words, strength=2 if verb else 1)
    past = _PAST_AT.search(lower)
    if past and (past.start() <= 12 or re.match(r"\s*(?:i|we)\b", lower[past.start() :])):
        # "got milk and eggs", "santa costume i am returned": the todo's own verb is in its
        # title ("Buy milk", "Return Santa costume"), so the past tense stays in the words.
        words = _leftover(text, _ALREADY)
        return Frame("complete", words, strength=1)
    return None
