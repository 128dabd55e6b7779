"""Conversation moves that are the whole message: greetings, help, thanks, yes/no, "the first"."""

from __future__ import annotations

import re

from .model import Choose, Confirm, Goodbye, Greeting, Help, Intent, Thanks
from .references import parse_reference

_F = re.IGNORECASE
_STRIP = re.compile(r"[^\w\s'#]+")
_BOT = r"(?:\s+(?:there|todochat|bot|assistant|buddy|friend|all|again))?"
_GREETING = re.compile(
    rf"^(?:hi|hello|hey|hiya|heya|howdy|yo|hey\s+hey|greetings|sup|wassup|what's\s+up|whats\s+up|"
    rf"good\s+(?:morning|afternoon|evening|day)|morning|evening|hallo|hola){_BOT}"
    r"(?:\s+how\s+are\s+you(?:\s+doing)?(?:\s+today)?)?$",
    _F,
)
_HELP = re.compile(
    r"^(?:help(?:\s+me)?(?:\s+please)?|what\s+can\s+(?:you|i)\s+(?:do|say|ask)(?:\s+here)?|"
    r"what\s+do\s+you\s+do|how\s+does\s+(?:this|it)\s+work|how\s+do\s+i\s+use\s+(?:this|you|it)|"
    r"what\s+are\s+you|who\s+are\s+you|commands|examples?|show\s+me\s+examples|"
    r"what\s+(?:do\s+you\s+understand|commands\s+are\s+there)|how\s+can\s+you\s+help(?:\s+me)?|"
    r"can\s+you\s+help(?:\s+me)?|what\s+are\s+my\s+options|instructions|usage|\?+)$",
    _F,
)
_THANKS = re.compile(
    r"^(?:(?:ok|okay|great|perfect|awesome|nice|cool|lovely|brilliant|super)\s+)?"
    r"(?:thanks|thank\s+you|thx|ty|tysm|cheers|ta|much\s+appreciated|appreciate\s+it|"
    r"thanks\s+a\s+lot|thanks\s+so\s+much|thank\s+you\s+so\s+much|many\s+thanks)"
    r"(?:\s+(?:a\s+lot|so\s+much|very\s+much|mate|buddy|again))?$",
    _F,
)
_GOODBYE = re.compile(
    r"^(?:bye|bye\s+bye|goodbye|good\s+bye|see\s+you(?:\s+later|\s+soon|\s+tomorrow)?|see\s+ya|"
    r"cya|later|good\s*night|nite|that's\s+all(?:\s+for\s+now)?|thats\s+all|that's\s+it|"
    r"i'm\s+done(?:\s+for\s+(?:now|today))?|done\s+for\s+(?:now|today)|talk\s+later|ttyl)$",
    _F,
)
_YES = (
    "yes please", "yes", "yeah", "yep", "yup", "ya", "yea", "y", "sure", "ok", "okay", "k",
    "correct", "right", "confirm", "confirmed", "do it", "go ahead", "please do", "absolutely",
    "of course", "definitely", "affirmative", "sounds good", "that's right", "exactly",
    "go for it", "please", "alright", "fine", "yes do it", "i'm sure", "i am sure",
    "sure thing", "certainly", "indeed", "proceed", "agreed", "aye", "thanks", "thank you",
)  # fmt: skip
_NO = (
    "no thanks", "no thank you", "no", "nope", "nah", "n", "cancel", "stop", "don't", "dont",
    "do not", "never mind", "nevermind", "not now", "abort", "forget it", "no way", "leave it",
    "don't do it", "dont do it", "not really", "negative", "wait", "hold on", "not that",
    "please don't", "i changed my mind", "changed my mind", "skip", "skip it", "keep it",
)  # fmt: skip


def _phrases(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^(?:(?:{alternatives})(?:\s+|$))+$", _F)


_YES_RE = _phrases(_YES)
_NO_RE = _phrases(_NO)
_CHOOSE_WORDS = re.compile(
    r"^(?:the\s+)?(?:one|task|todo)\s+(?:about|with|for|called|named|that\s+says|saying)\s+(?P<w>.+)$"
    r"|^the\s+(?P<w2>[\w'-]+(?:\s+[\w'-]+)?)\s+one$",
    _F,
)


def plain(text: str) -> str:
    """Lower case, punctuation and emoji dropped, spaces squashed."""
    return " ".join(_STRIP.sub(" ", text.lower()).split())


def smalltalk(text: str) -> Intent | None:
    """The conversation intent when the whole message is one, else None."""
    words = plain(text)
    if not words:
        return Help() if "?" in text else None
    if _GREETING.match(words):
        return Greeting()
    if _HELP.match(words):
        return Help()
    if _THANKS.match(words):
        return Thanks()
    if _GOODBYE.match(words):
        return Goodbye()
    if _NO_RE.match(words):
        return Confirm(yes=False)
    if _YES_RE.match(words):
        return Confirm(yes=True)
    return choice(words)


def choice(words: str) -> Choose | None:
    """An answer to "which one?" ("the first", "2", "the one about milk"), else None."""
    ref = parse_reference(words)
    if ref.ordinal is not None:
        return Choose(ordinal=ref.ordinal)
    m = _CHOOSE_WORDS.match(words)
    if m:
        found = (m["w"] or m["w2"]).strip()
        if found and found not in ("this", "that", "which", "the", "other", "first"):
            return Choose(words=found)
    return None
