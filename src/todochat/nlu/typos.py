"""Misspelt command and date words, corrected before reading ("remidn", "tommorow", "compelte").

Only words of a fixed vocabulary (commands, dates, list words) are ever the result of a fix, and
only a word that is not itself a known word is fixed, so titles keep their own spelling ("bank"
is never "back"). How far a word may be from the vocabulary grows with its length: words of up
to five letters only by two swapped letters ("mvoe"), longer ones by one edit, words of eight or
more letters by two ("tommorow").
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA, DamerauLevenshtein

from .text import word_set

VOCABULARY = word_set(
    """add remind reminder delete remove complete completed finish finished done mark move
    reschedule postpone rename change update today tomorrow tonight yesterday morning afternoon
    evening night weekend week month year next every each monday tuesday wednesday thursday
    friday saturday sunday january february march april june july august september october
    november december priority important urgent tagged show list overdue upcoming todos tasks
    todo task everything something anything schedule cancel please thanks tick check high
    medium"""
)
# Words that look like a misspelling of a vocabulary word but are words in their own right.
KNOWN = VOCABULARY | word_set(
    """mom mum dad bank back band mark marks park bark dark work word worn week weak month
    mouth moth done dome bone tone none note notes more move mode movie moved mover love
    live list lost last mist gist fist rest best test nest next text sext west task tusk mask
    desk dusk ask asks tasks masks today toddy tomorrows add odd aid and ad ads adds dad's
    show shoe snow slow shot shop shows stop step tick tickets ticket check cheque chuck chick
    each reach teach beach leach peach every very even ever eve fever never thanks thank tanks
    ranks please pleased lease remove removal renew reminder remind mind rewind behind morning
    mourning evening evenings opening friday fryday sunday sundays sundae monday mondays
    schedule cancel cancer canal change charge chance range update upgrade complete compete
    finish finnish finished delete deleted delegate select tonight tonight's night nights
    knight weekend weekends march marches match may june july"""
)
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_QUOTED = re.compile(r"""(["'`]).+?\1""")
# Misspellings that no distance rule catches.
SPELLINGS = {
    "tmrw": "tomorrow", "tmr": "tomorrow", "tmw": "tomorrow", "2moro": "tomorrow",
    "2morrow": "tomorrow", "tommorrow": "tomorrow", "tomorow": "tomorrow", "tommorow": "tomorrow",
    "tomoz": "tomorrow", "tonite": "tonight", "2nite": "tonight", "2day": "today",
    "wensday": "wednesday", "wendsday": "wednesday", "wednsday": "wednesday",
    "thurday": "thursday", "thursdy": "thursday", "saterday": "saturday",
    "satruday": "saturday", "febuary": "february", "plz": "please", "pls": "please",
    "thx": "thanks", "remaind": "remind", "rmind": "remind", "remine": "remind",
    "delte": "delete", "delet": "delete", "dlete": "delete", "finsh": "finish",
    "cancle": "cancel", "tody": "today", "tonigt": "tonight", "evry": "every",
    "everyday": "every day", "didnt": "didn't", "actualy": "actually", "havent": "haven't",
    "isnt": "isn't", "wasnt": "wasn't", "doesnt": "doesn't", "shouldnt": "shouldn't",
    "dont": "don't", "wont": "won't", "cant": "can't", "whens": "when's", "whats": "what's",
    "hihg": "high", "priorty": "priority", "wk": "week", "wks": "weeks", "tmrrw": "tomorrow",
    "2mrw": "tomorrow", "tomo": "tomorrow", "nxt": "next", "appt": "appointment",
    "prioirty": "priority", "urgnet": "urgent", "teh": "the", "dun": "done", "donee": "done",
    "shedule": "schedule", "resheduel": "reschedule", "reshedule": "reschedule",
    "tommorw": "tomorrow",
}  # fmt: skip
_ENDINGS = ("s", "es", "d", "ed", "ing", "'s")


def _inflected(word: str) -> bool:
    """'months', 'moved', 'marking': a vocabulary word with an ending is a word, not a typo."""
    return any(
        word.endswith(end) and (word[: -len(end)] in KNOWN or word[: -len(end)] + "e" in KNOWN)
        for end in _ENDINGS
    )


@lru_cache(maxsize=4096)
def _fix(word: str) -> str | None:
    lower = word.lower()
    if lower in SPELLINGS:
        return SPELLINGS[lower]
    if lower in KNOWN or len(lower) < 4 or _inflected(lower):
        return None
    best: tuple[int, str] | None = None
    for target in VOCABULARY:
        if abs(len(target) - len(lower)) > 2 or target[0] != lower[0]:
            continue
        if len(lower) <= 5:
            # Short words: only two neighbouring letters swapped ("mvoe"), never a new letter.
            if len(target) != len(lower) or sorted(target) != sorted(lower):
                continue
            distance = OSA.distance(lower, target)
            if distance != 1:
                continue
        else:
            limit = 2 if len(lower) >= 8 else 1
            distance = DamerauLevenshtein.distance(lower, target, score_cutoff=limit)
            if distance > limit:
                continue
        if best is None or distance < best[0]:
            best = (distance, target)
    return best[1] if best else None


# A phone's autocorrect turns command and date words into other real words, which only their
# place gives away: "remain me to", "tomorrows at noon", "this mourning", "delight the yoga
# task", "on thirsty".
_AUTOCORRECTED = (
    (re.compile(r"\bremain(?=\s+me\s+(?:to|about|that)\b)", re.IGNORECASE), "remind"),
    (
        re.compile(
            r"\btomorrows(?=\s+(?:morning|afternoon|evening|night|at|by|@)\b|\s*[,.!?]|\s*$)",
            re.IGNORECASE,
        ),
        "tomorrow",
    ),
    (
        re.compile(
            r"\b(this|tomorrow|the|every|each|in|sunday|monday|friday)\s+mourning\b", re.IGNORECASE
        ),
        r"\1 morning",
    ),
    (
        re.compile(r"^(\W*(?:please\s+)?)delight(?=\s+(?:the|my|that|this)\b)", re.IGNORECASE),
        r"\1delete",
    ),
    (re.compile(r"(?<=\bon\s)thirsty\b|(?<=\bby\s)thirsty\b", re.IGNORECASE), "thursday"),
)
_AUTOCORRECT_WORDS = re.compile(r"\b(?:remain|tomorrows|mourning|delight|thirsty)\b", re.IGNORECASE)


def correct(text: str) -> str:
    """``text`` with misspelt vocabulary words fixed; quoted titles are left alone."""
    if _AUTOCORRECT_WORDS.search(text):
        for pattern, fixed in _AUTOCORRECTED:
            text = pattern.sub(fixed, text)
    words = _WORD.findall(text)
    if not any(_fix(w) is not None for w in words) and not _AD.match(text):
        return text  # the common case: nothing to fix, no regex substitution
    quoted = [m.span() for m in _QUOTED.finditer(text)]

    def replace(m: re.Match[str]) -> str:
        if any(a <= m.start() < b for a, b in quoted):
            return m.group()
        fixed = _fix(m.group())
        return fixed if fixed is not None else m.group()

    out = _WORD.sub(replace, text)
    # "ad bread": "ad" as the first word is the command.
    return _AD.sub(r"\1add", out)


_AD = re.compile(r"^(\W*)ad(?=\s)", re.IGNORECASE)
