"""How a message names an existing todo, and matching that name against the user's list.

Reference forms: a quoted title ('"buy milk"'), loose title words ("the milk one"), an ordinal
into the last shown list ("the second one", "number 3", "#3", "3"; -1 means "the last one"),
a pronoun ("it", "that", "this one") for the todo last talked about, or a database id
("task 12", "id 12"). "#3" is an ordinal, never a tag: tags must start with a letter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Candidate, Reference
from .text import NUMBER_RE, ORDINAL_WORDS, number, squash, word_set

try:
    from rapidfuzz import fuzz

    def _similarity(a: str, b: str) -> float:
        return float(fuzz.ratio(a, b))

except ImportError:  # pragma: no cover - rapidfuzz is a dependency; difflib is the fallback
    from difflib import SequenceMatcher

    def _similarity(a: str, b: str) -> float:
        return SequenceMatcher(None, a, b).ratio() * 100


# Per word: "mlik" ~ "milk" scores 75, "mom" ~ "dad" 0. Words of three letters must match exactly.
FUZZY_THRESHOLD = 75.0
_F = re.IGNORECASE
_ORD_WORDS = "|".join(ORDINAL_WORDS)
_QUOTED = re.compile(
    r"""^\s*(?:the\s+)?(?:"([^"]+)"|'(.+)'|`([^`]+)`)(?:\s+(?:task|todo|one|item))?\s*$"""
)
_PRONOUN = re.compile(
    r"^(?:it|that|this|them|those|these|they|that\s+one|this\s+one|that\s+(?:task|todo|item)|"
    r"this\s+(?:task|todo|item)|the\s+same\s+one|both|both\s+of\s+(?:them|those|these)|"
    r"the\s+two\s+of\s+them|the\s+one\s+i\s+just\s+(?:added|created|made))$",
    _F,
)
_FIELD_OF = re.compile(
    r"^(?:the\s+)?(?:hour|time|date|day|due\s+date|deadline|priority|title|name|tags?)\s+"
    r"(?:of|for|on)\s+",
    _F,
)
# "make that rather important", "make it really urgent": the adverb belongs to the change.
_PRONOUN_ADVERB = re.compile(
    r"^(?:it|that|this|them|those)\s+(?:rather|really|very|quite|a\s+bit|a\s+little|more|less|"
    r"super|extra|instead|too|as\s+well|a\s+lot)$",
    _F,
)
_TASK_ID = re.compile(
    r"^(?:the\s+)?(?:task|todo|to-do|item|id)\s*(?:id\s*)?(?:#|no\.?\s*)?(\d{1,9})$", _F
)
_ORDINAL = re.compile(
    rf"^(?:the\s+)?(?P<w>{_ORD_WORDS}|\d{{1,3}}(?:st|nd|rd|th))(?:\s+(?:one|task|todo|item|entry))?"
    r"(?:\s+(?:on|in)\s+(?:the|my)\s+list)?$"
    r"|^(?:number|no\.?|#|option|item)\s*(?P<n>\d{1,3})$|^(?P<d>\d{1,3})$",
    _F,
)
_WRAPPERS = re.compile(
    r"^(?:the\s+)?(?:(?:task|todo|to-do|item|one|reminder)\s+(?:about|called|named|titled|for|"
    r"to|with|that\s+says|saying|re|regarding)\s+)",
    _F,
)
_TRAILING_NOUN = re.compile(
    r"\s+(?:task|todo|to-do|one|item|reminder|thing|thingy|thingie|stuff|bit|business)$", _F
)
# Vague words people put around a name ("the insurance thingy", "that dentist thing").
_FILLER_WORDS = re.compile(
    r"\s+(?:thing|things|thingy|thingie|thingies|stuff|bit|business|whatsit|one|ones|task|todo)\b",
    _F,
)
_FIRST_N = re.compile(
    rf"^(?:the\s+)?(?P<edge>first|top|last|bottom)\s+(?P<n>{NUMBER_RE})(?:\s+(?:ones|tasks|todos|items|"
    r"on\s+the\s+list))?$",
    _F,
)
_X_ONE = re.compile(r"^(?P<x>(?:the|that|this|my)\s+[\w'-]+(?:\s+[\w'-]+)?\s+one)\s+\w.*$", _F)
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+plus\s+)", _F)
_LEADING_DET = re.compile(r"^(?:the|my|a|an|our|that|this)\s+", _F)
_WORD = re.compile(r"[\w']+")
_STOP = word_set(
    "the a an my to about for of on in at with and or task todo to-do one item it thing thingy "
    "stuff bit"
)


def _ordinal_value(text: str) -> int | None:
    m = _ORDINAL.match(text)
    if m is None:
        return None
    if m["w"]:
        word = m["w"].lower()
        return ORDINAL_WORDS.get(word) or int(word[:-2])
    return int(m["n"] or m["d"])


def split_references(text: str) -> list[str]:
    """The names in "groceries and the car wash", "milk, bread & eggs" (one item: no list)."""
    parts = [p.strip(" .,!?") for p in _LIST_SEP.split(squash(text))]
    return [p for p in parts if p]


def parse_reference(phrase: str) -> Reference:
    """A Reference for how ``phrase`` names a todo."""
    text = squash(phrase).strip(" .,!?;:")
    text = re.sub(r"\bone's$", "one", text, flags=_F)  # "the 2nd one's (done)"
    text = _FIELD_OF.sub("", text) or text  # "change the hour of the post office to 3"
    quoted = _QUOTED.match(text)
    if quoted:
        return Reference(
            quoted=next(g for g in quoted.groups() if g is not None).strip(), phrase=text
        )
    if _PRONOUN.match(text) or _PRONOUN_ADVERB.match(text):
        return Reference(pronoun=True, phrase=text)
    m = _TASK_ID.match(text)
    if m:
        return Reference(task_id=int(m.group(1)), phrase=text)
    value = _ordinal_value(text)
    if value is not None:
        return Reference(ordinal=value, phrase=text)
    m = _FIRST_N.match(text)
    if m:
        n = number(m["n"]) or 0
        if 1 < n <= 20:
            first = m["edge"].lower() in ("first", "top")
            return Reference(
                ordinals=tuple(range(1, n + 1)) if first else tuple(range(-n, 0)), phrase=text
            )
    parts = split_references(text)
    if len(parts) > 1:
        values = [_ordinal_value(re.sub(r"\s+ones?$", "", p, flags=_F)) for p in parts]
        if all(v is not None for v in values):
            return Reference(ordinals=tuple(v for v in values if v is not None), phrase=text)
    one = _X_ONE.match(text)
    if one:
        text = one["x"]  # "the textbook one i found a pdf": the name ends at "one"
    words = _WRAPPERS.sub("", text)
    if words == text:
        words = _TRAILING_NOUN.sub("", words)
        words = _LEADING_DET.sub("", words) if len(words.split()) > 1 else words
    words = _FILLER_WORDS.sub("", words).strip()
    words = words.strip(" '\"")
    return Reference(words=words or text, phrase=text)


_IRREGULAR = {
    "paid": "pay", "bought": "buy", "sent": "send", "wrote": "write", "written": "write",
    "went": "go", "did": "do", "done": "do", "made": "make", "took": "take", "got": "get",
    "rang": "ring", "met": "meet", "sold": "sell", "brought": "bring", "fed": "feed",
    "told": "tell", "gave": "give", "found": "find", "ran": "run", "built": "build",
    "spoke": "speak", "caught": "catch", "swept": "sweep", "won": "win", "ate": "eat",
}  # fmt: skip


def _stem(word: str) -> str:
    # Enough to make "called mom" find "Call mom" and "paid rent" find "Pay rent".
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _tokens(text: str) -> list[str]:
    words = (w.removesuffix("'s").removesuffix("'") for w in _WORD.findall(text.lower()))
    return [_stem(w) for w in words if w and w not in _STOP]


def _plain(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def match_reference(ref: Reference, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Every plausible todo ``ref`` points at, best first; several means "ask which one".

    Order of tests: id; ordinal (position in ``candidates``); a pronoun matches only a single
    candidate; then exact title, all words contained, and fuzzy token-set similarity.
    """
    if ref.task_id is not None:
        return [c for c in candidates if c.id == ref.task_id]
    if ref.ordinal is not None:
        index = ref.ordinal - 1 if ref.ordinal > 0 else len(candidates) + ref.ordinal
        return [candidates[index]] if 0 <= index < len(candidates) else []
    text = ref.text
    if text is None:
        return list(candidates) if ref.pronoun and len(candidates) == 1 else []
    wanted = _plain(text)
    if not wanted:
        return []
    exact = [c for c in candidates if _plain(c.title) == wanted]
    if exact:
        return exact
    tokens = set(_tokens(text)) or set(wanted.split())
    contained = [
        c for c in candidates if tokens <= set(_tokens(c.title)) | set(_plain(c.title).split())
    ]
    if contained:
        return sorted(contained, key=lambda c: len(c.title))
    scored: list[tuple[float, Candidate]] = []
    for candidate in candidates:
        score = _fuzzy(tokens, _tokens(candidate.title))
        if score is not None:
            scored.append((score, candidate))
    scored.sort(key=lambda sc: -sc[0])
    if scored:
        return [c for _, c in scored]
    # "submitted my timesheet before handover", "the vet coming out for the heifers": the todo
    # named before the words about when or where, when that names exactly one.
    head = _ADJUNCT.split(text, maxsplit=1)[0].strip()
    if head and head != text.strip() and _tokens(head):
        again = match_reference(Reference(words=head), candidates)
        return again if len(again) == 1 else []
    return []


_ADJUNCT = re.compile(
    # Only words about when or what happened: "with"/"for"/"at" may be part of the name
    # ("the meeting with Mr. Braun" is not "Meeting with Mrs. Schulz").
    r"\s+(?:before|after|this|yesterday|today|earlier|already|just|coming|going|got|came|went)\b",
    re.IGNORECASE,
)


def _fuzzy(wanted: set[str], title: list[str]) -> float | None:
    """Mean best per-word similarity when every wanted word is near some title word."""
    if not title:
        return None
    total = 0.0
    for word in wanted:
        best = max(
            (100.0 if word == t else (_similarity(word, t) if len(word) > 3 else 0.0))
            for t in title
        )
        if best < FUZZY_THRESHOLD:
            return None
        total += best
    return total / len(wanted)
