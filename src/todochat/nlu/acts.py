"""Dialogue acts: how a message relates to the conversation, read from its cue words.

A message may undo the last change ("scratch that"), correct it ("no wait, 6 in the evening",
"do it the day after instead", "actually thursday works better"), add to it ("oh and stamps",
"and the bread too"), or follow up on the last list ("what about tomorrow?", "and the week
after?"). ``read_act`` finds the act and the words it applies to; ``read_changes`` reads those
words as changes to a todo (a new date or time, a shift of days, priority, tags, a repeat, a
new title). Which todo they apply to is the dialogue's business, not the reader's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .changes import read_changes
from .text import squash

__all__ = ["Act", "read_act", "read_changes"]

_F = re.IGNORECASE
ActKind = Literal["undo", "correct", "restate", "add", "follow_up"]

_UNDO_CORE = (
    r"(?:undo(?:\s+(?:all\s+)?(?:that|it|this|them|those|the\s+last\s+(?:one|change|thing|bit|step)|"
    r"my\s+last\s+(?:change|message)|what\s+you\s+(?:just\s+)?did))?|scratch\s+(?:all\s+)?"
    r"(?:that|those|them)|take\s+(?:that|it|them)\s+back|revert(?:\s+(?:that|it|them|the\s+last\s+"
    r"change))?|reverse\s+that|roll\s+(?:that|it|them)\s+back|put\s+(?:it|them|that|those|"
    r"everything)\s+back(?:\s+(?:the\s+way\s+(?:it\s+was|they\s+were)|how\s+(?:it\s+was|they\s+"
    r"were)|where\s+(?:it\s+was|they\s+were)))?|bring\s+(?:it\s+|them\s+|that\s+|those\s+)?"
    r"back|restore\s+(?:it|them|that|those)|i\s+didn't\s+mean\s+(?:to\s+do\s+)?that|"
    r"that\s+was\s+a\s+mistake|go\s+back|ctrl[\s+-]*z)"
)
# "wait no undo that shes still at practice": an undo, then a remark of its own.
_UNDO_HEAD = re.compile(
    r"^(?:(?:oops|oh\s+no|whoops|sorry|argh|ugh|hmm|no|wait|actually|ah|oh|um+|never\s+mind|"
    r"nevermind|nvm|ok|okay|please)[,.!\s]+)*(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?"
    + _UNDO_CORE
    + r"\b",
    _F,
)
# Words of a clause that asks for something besides the undo.
_ASKS = re.compile(
    r"\b(?:add|remind|delete|remove|move|push|mark|complete|tag|set|change|make\s+(?:it|that|this|"
    r"them)|show|list|rename|reschedule|instead|but|then)\b",
    _F,
)
_UNDO = re.compile(
    r"^(?:(?:oops|oh\s+no|whoops|sorry|argh|ugh|hmm|no|wait|actually|ah|oh|um+|never\s+mind|nevermind|"
    r"nvm|ok|okay)[,.!\s]+)*(?:(?:can|could|would)\s+you\s+)?"
    r"(?:please\s+)?"
    + _UNDO_CORE
    + r"(?:\s+(?:please|pls|thanks|again|lol|haha+|sorry))*[.!?\s]*$",
    _F,
)
_CORRECT_LEAD = re.compile(
    r"^(?:(?:no+|nope|nah|oops|whoops|wait|sorry|actually|hold\s+on|correction|"
    r"my\s+bad|typo|on\s+second\s+thought|second\s+thoughts|scratch\s+that|i\s+mean|i\s+meant|"
    r"i\s+meant\s+to\s+say|rather|instead|not\s+that\s+one|wrong\s+(?:one|tag|date|day|time|title|"
    r"name|priority|todo))[,.!:;\s-]+)+",
    _F,
)
_CORRECT_VERB = re.compile(
    r"^(?:(?:would|do)\s+you\s+mind\s+(?:making|changing|moving|setting|switching|putting)\s+"
    r"(?:it|that|this|them|those|both(?:\s+of\s+them)?|them\s+both|all\s+of\s+them)\b"
    r"(?:\s+(?:to|for|on|at|into)\b)?|"
    r"(?:(?:can|could|would|will)\s+(?:you|we)\s+)?(?:please\s+)?"
    r"(?:make|change|move|set|"
    r"switch|put|push|do|shift|update|let's\s+(?:do|"
    r"say|make\s+it)|can\s+(?:we|you)\s+(?:do|make\s+it|change\s+it\s+to)|could\s+(?:we|you)\s+"
    r"(?:do|make\s+it))\s+(?:it|that|this|that\s+one|this\s+one)\b(?:\s+(?:to|for|on|at|into)\b)?"
    r"|(?:let's|lets)\s+(?:do|say|go\s+with|make\s+it))\s*",
    _F,
)
_CORRECT_TAIL = re.compile(
    r"\s*(?:\b(?:instead|rather|then|works\s+better|is\s+better|would\s+be\s+better|"
    r"works\s+(?:for\s+me|best)|suits\s+(?:me\s+)?better|is\s+(?:fine|good|ok|okay)|"
    r"would\s+work|please|thanks|thank\s+you|pls|sorry|my\s+bad|oops|actually|is\s+enough|"
    r"will\s+do|is\s+plenty|should\s+do|will\s+be\s+fine|is\s+ok(?:ay)?|is\s+better)\b[\s.,!?]*)+$",
    _F,
)
_POLITE_TAILS = frozenset({"please", "pls", "plz", "thanks", "thx", "thank you", "ta"})
_ADD_LEAD = re.compile(
    r"^(?:(?:oh|ah|ok|okay|right|wait)[,!\s]+)*(?:and\s+also|and|also|plus|oh\s+and|one\s+more"
    r"(?:\s+thing)?[:,]?|another\s+one[:,]?|(?:and\s+)?(?:the\s+)?same\s+(?:for|with|goes\s+for)|"
    r"ditto(?:\s+for)?|likewise(?:\s+for)?)\b[,:\s]*",
    _F,
)
_ADD_TAIL = re.compile(r"\s*\b(?:too|as\s+well|also)\b[\s.!?]*$", _F)
_FOLLOW = re.compile(
    r"^(?:(?:ok|okay|and|so|hmm)[,\s]+)*(?:what|how)\s+about\s+(?P<b>.+?)[\s?!.]*$"
    r"|^and\s+(?:for\s+|on\s+)?(?P<b2>.+?)\s*\?+$",
    _F,
)


@dataclass(frozen=True, slots=True)
class Act:
    """A dialogue act and the words it carries (cue words removed)."""

    kind: ActKind
    body: str = ""


# Multi-word hesitations come first: a regex match takes the first alternative that fits, so
# "oh" would otherwise stop "oh dear, I meant ..." at "dear".
_HESITATE = re.compile(
    r"^(?:(?:oh\s+dear|dear\s+me|oh\s+goodness|oh\s+no|(?:i\s+do\s+|i\s+)?beg\s+your\s+pardon|"
    r"pardon\s+me|excuse\s+me|forgive\s+me|my\s+apologies|apologies|so\s+sorry|"
    r"i'm\s+(?:so\s+|awfully\s+|terribly\s+)?sorry|goodness|hmm+|um+|uh+|er+|erm|oh|ah|ugh|"
    r"argh|eh|well|ok|okay|so|ngl|tbh|lol|honestly)[,.!\s]+)+",
    _F,
)
# "not 7, is 8", "not tomorrow, friday", "thu not fri": a swap of one value for another.
_NOT_THEN = re.compile(
    r"^not\s+[^,]+,\s*\S|^[#\w'-]+(?:\s+[#\w'-]+)?\s*,?\s+not\s+[#\w'-]+(?:\s+[#\w'-]+)?[.!]*$", _F
)
# "its urgent", "is for saturday": the todo just named, said again with a new detail. A
# "restate" act counts only when the rest reads as changes alone ("that's everything for now"
# is not one), which the dialogue checks.
_IT_IS_LEAD = re.compile(
    r"^(?:it's|it\s+is|its|is|that's|thats|that\s+is|it\s+should\s+be|should\s+be|"
    r"(?:i'd|i\s+would|i\s+should)\s+(?:like|prefer)\s+(?:it|that|this)|i\s+want\s+(?:it|that))\s+"
    r"(?!done\b|finished\b|complete\b|over\b|not\s+done\b|ok\b|okay\b|fine\b|good\b|great\b|"
    r"perfect\b|right\b|correct\b|wrong\b|it\b|all\b|what\b|there\b|on\s+my\s+list\b)",
    _F,
)
# Words of regret before an undo ("oh no i make mistake, undo please", "that was a mistake").
_REGRET = frozenset(
    """oh no dear goodness gosh sorry i i've made make a mistake that was it wrong my bad oops
    whoops ugh argh damn did didn't mean to do so silly me please""".split()  # noqa: SIM905
)


_COURTESY = re.compile(
    r"[,\s]+(?:please|pls|plz|thanks|thank\s+you|if\s+you\s+please|if\s+possible|"
    r"if\s+you\s+(?:can|could|would|don't\s+mind)|if\s+that's\s+(?:ok|okay|all\s+right|alright))[.!?]*$",
    _F,
)


def read_act(text: str) -> Act | None:
    """The dialogue act of a message, or None for a plain request."""
    line = squash(text)
    line = _COURTESY.sub("", line) or line
    clauses = [c for c in re.split(r"\s*[,.!?;]+\s*", line) if c]
    for i, clause in enumerate(clauses):
        head = _UNDO_HEAD.match(clause)
        if head is None:
            continue
        tail = clause[head.end() :].strip(" ,.!").lower()
        if head.group().lower().endswith("back") and tail not in ("", *_POLITE_TAILS):
            continue  # "bring back the dentist": that todo, not the last change
        rest = [clause[head.end() :], *clauses[:i], *clauses[i + 1 :]]
        if not any(_ASKS.search(r) for r in rest):
            return Act("undo")  # "oops put it back, ruby would never forgive me"
    starred = _STARRED.match(line)
    if starred:
        return Act("correct", starred["w"].strip())  # "omg no saturday*": chat's "I meant"
    hesitation = _HESITATE.match(line)
    if hesitation and _cued(line[hesitation.end() :]):
        line = line[hesitation.end() :]  # "hmm actually p2 is enough", "ngl make it tonight"
    if _NOT_THEN.match(line):
        return Act("correct", line.strip(" .!"))
    if _UNDO.match(line):
        return Act("undo")
    m = _FOLLOW.match(line)
    if m:
        return Act("follow_up", (m["b"] or m["b2"] or "").strip())
    add = _ADD_LEAD.match(line)
    if add and (_CORRECT_VERB.match(line[add.end() :]) or _CORRECT_LEAD.match(line[add.end() :])):
        line = line[add.end() :]  # "and make it 2pm, sorry": a correction, not an addition
    lead = _CORRECT_LEAD.match(line)
    tail = _CORRECT_TAIL.search(line)
    verb = _CORRECT_VERB.match(line[lead.end() :] if lead else line)
    polite = tail is not None and tail.group().strip(" .,!").lower() in _POLITE_TAILS
    if lead or verb or (tail and not polite):
        body = line[lead.end() :] if lead else line
        body = _CORRECT_TAIL.sub("", body)
        verb = _CORRECT_VERB.match(body)
        if verb:
            body = body[verb.end() :]
        body = body.strip(" ,.!")
        if body or lead:
            return Act("correct", body)
    add = _ADD_LEAD.match(line)
    add_tail = _ADD_TAIL.search(line)
    if add or add_tail:
        body = line[add.end() :] if add else line
        body = _ADD_TAIL.sub("", body).strip(" ,.!")
        said_again = _IT_IS_LEAD.match(body)
        if said_again:  # "oh and its urgent": a detail of the todo, not another todo
            return Act("restate", body[said_again.end() :].strip(" ,.!"))
        if body:
            return Act("add", body)
    said_again = _IT_IS_LEAD.match(line)
    if said_again and not line.endswith("?"):
        body = line[said_again.end() :].strip(" ,.!")
        if body:
            return Act("restate", body)
    return None


# A word with a star after it corrects the last message ("saturday*", "omg no 5pm*").
_STARRED = re.compile(
    r"^(?:(?:omg|oh|oops|ugh|no|nope|sorry|sry|i\s+meant|meant)[,.!\s]+)*"
    r"\*?(?P<w>[\w:' -]{1,40}?)\*[.!]*$",
    _F,
)


def _cued(line: str) -> bool:
    """Whether ``line`` starts with the cue of a dialogue act."""
    return any(
        p.match(line)
        for p in (_CORRECT_LEAD, _UNDO, _CORRECT_VERB, _ADD_LEAD, _NOT_THEN, _IT_IS_LEAD, _FOLLOW)
    )
