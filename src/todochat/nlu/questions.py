"""Questions about one todo ("did I already add milk?", "when's the rego due?", "did you add it?"):
they are answered from the list and never change it."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from .model import Check, Intent
from .references import parse_reference

_F = re.IGNORECASE
_ADDED = re.compile(
    r"^(?:(?:so|ok|okay|and|hmm|um)[,\s]+)*(?:did|have|has)\s+(?:i|you|we)\s+(?:already\s+|actually\s+)?"
    r"(?:add(?:ed)?|put|save[d]?|got|note[d]?|write|written|set\s+up|remember(?:ed)?)\s+"
    r"(?P<q>.+?)(?:\s+(?:on|to|in)\s+(?:my|the)\s+(?:todo\s+)?list)?(?:\s+(?:already|yet))?\s*\??$",
    _F,
)
_ON_LIST = re.compile(
    r"^(?:is|are)\s+(?P<q>.+?)\s+(?:on|in)\s+(?:my|the)\s+(?:todo\s+)?list(?:\s+(?:already|yet))?\s*\??$"
    r"|^(?:do|did)\s+i\s+(?:have|put)\s+(?P<q2>.+?)\s+(?:on|in)\s+(?:my|the)\s+(?:todo\s+)?list\s*\??$",
    _F,
)
_ASK_LEAD = re.compile(
    r"^(?:(?:might|could|can|would)\s+you\s+(?:please\s+)?tell\s+me|do\s+you\s+know|"
    r"remind\s+me|tell\s+me|i\s+(?:wonder|forget|forgot))\s+(?=when|what|if|whether|did|is)",
    _F,
)
_WHEN = re.compile(
    r"^(?:when's|whens|when\s+is|when\s+are|when\s+was|what\s+day\s+is|what\s+time\s+is)\s+"
    r"(?P<q>.+?)(?:\s+(?:due|on|scheduled|again|happening|set\s+for))*\s*\??$"
    r"|^when\s+(?:am\s+i|do\s+i|should\s+i|must\s+i|have\s+i\s+got\s+to|do\s+i\s+have\s+to|"
    r"did\s+i\s+say\s+i'd|i\s+am|i'm|i\s+have\s+to|i\s+need\s+to|i\s+should|i\s+must|"
    r"i'm\s+supposed\s+to|i\s+was\s+going\s+to)\s+(?:meant\s+to\s+|supposed\s+to\s+|got\s+to\s+|have\s+to\s+|need\s+to\s+)?"
    r"(?P<q3>.+?)\s*\??$"
    r"|^(?:is|are)\s+(?P<q2>(?:the|my)\s+.+?)\s+(?:due|scheduled|set)\s+(?:for\s+)?(?:today|"
    r"tomorrow|tonight|this\s+week|on\s+\w+day|\w+day)\s*\?$"
    # "rotate api keys due when?", "the rego is due when?"
    r"|^(?P<q4>.+?)\s+(?:is\s+|are\s+)?(?:due|happening|scheduled)\s+when\s*\??$",
    _F,
)


# "did I do the yuki gift already?", "have I paid the rent yet?", "is the report done?".
_DONE_YET = re.compile(
    r"^(?:(?:so|ok|okay|and|hmm|um|wait)[,\s]+)*(?:did|have|has)\s+(?:i|we)\s+(?:already\s+|actually\s+)?"
    r"(?!add|put|save|note|write|set\s+up|remember)(?:\w+)\s+(?P<q>.+?)(?:\s+(?:already|yet))\s*\??$"
    # "did i finish the festival tickets thing?"
    r"|^(?:(?:so|ok|okay|and|hmm|um|wait)[,\s]+)*did\s+(?:i|we)\s+(?:actually\s+)?"
    r"(?:finish|complete|do|pay|buy|book|call|send|return|get)\s+(?P<q3>.+?)\s*\?$"
    r"|^(?:is|are|was|were)\s+(?P<q2>.+?)\s+(?:done|finished|completed|complete|sorted|ticked\s+off)"
    r"(?:\s+(?:already|yet))?\s*\?$",
    _F,
)
# "did that save?", "did it go through?", "is it there?": about the todo just talked about.
_SAVED = re.compile(
    r"^(?:(?:so|ok|okay|and|wait)[,\s]+)*(?:did|has|is)\s+(?P<p>that|it|this)\s+(?:save[d]?|go\s+through|"
    r"work(?:ed)?|get\s+(?:added|saved)|been\s+(?:added|saved)|there|added|saved|stick)"
    r"(?:\s+(?:ok|okay|properly|right))?\s*\??$",
    _F,
)


def check_question(text: str, now: datetime, tz: ZoneInfo) -> Intent | None:
    """A question about whether or when a todo is on the list, else None."""
    text = _ASK_LEAD.sub("", text)
    saved = _SAVED.match(text)
    if saved:
        return Check(parse_reference(saved["p"]))
    m = _DONE_YET.match(text)
    if m:
        q = (m["q"] or m["q2"] or m["q3"] or "").strip(" ?!.")
        if q:
            return Check(parse_reference(q), done=True)
    for pattern in (_ADDED, _ON_LIST, _WHEN):
        m = pattern.match(text)
        if m:
            groups = m.groupdict()
            q = groups.get("q") or groups.get("q2") or groups.get("q3") or groups.get("q4") or ""
            q = q.strip(" ?!.")
            if q:
                return Check(parse_reference(q))
    return None
