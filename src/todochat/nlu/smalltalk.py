"""Conversation moves that are the whole message: greetings, help, thanks, yes/no, "the first"."""

from __future__ import annotations

import re

from .model import Choose, Confirm, Goodbye, Greeting, Help, Intent, Thanks
from .references import parse_reference
from .tasks import TASK_VERBS

_F = re.IGNORECASE
_STRIP = re.compile(r"[^\w\s'#]+")
_BOT = r"(?:\s+(?:there|todochat|bot|assistant|buddy|friend|all|again|dear|love|mate))?"
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
    r"(?:\s+(?:a\s+lot|so\s+much|very\s+much|mate|buddy|again|dear|love|for\s+(?:your\s+|the\s+|all\s+"
    r"(?:your\s+|the\s+)?)?help|for\s+that|for\s+everything|ever\s+so\s+much))*$",
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
    "yes please do", "yep go ahead", "go on", "do them", "do it all", "all of them", "both",
    "yeah go for it", "yes go ahead", "ok go", "ok do it", "please go ahead", "sure go ahead",
    "yup", "yass", "yesss", "ya", "righto", "sweet", "ok cool", "cool", "mhm", "uh huh",
)  # fmt: skip
_NO = (
    "no thanks", "no thank you", "no", "nope", "nah", "n", "cancel", "stop", "don't", "dont",
    "do not", "never mind", "nevermind", "not now", "abort", "forget it", "no way", "leave it",
    "don't do it", "dont do it", "not really", "negative", "wait", "hold on", "not that",
    "please don't", "i changed my mind", "changed my mind", "skip", "skip it", "keep it",
    "leave it as is", "leave it as it is", "as is", "leave them", "keep them", "leave it be",
    "nah leave it", "no leave it", "not yet",
    "better not", "no no", "nooo", "noo",
)  # fmt: skip


def _phrases(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # Hesitation before the answer ("hmm nah, leave it"), never an answer on its own.
    filler = r"(?:(?:hmm+|um+|uh+|er+|oh|ah|well|ok|okay|actually|so)\s+)*"
    return re.compile(rf"^{filler}(?:(?:{alternatives})(?:\s+|$))+$", _F)


_YES_RE = _phrases(_YES)
_NO_RE = _phrases(_NO)
_CHOOSE_WORDS = re.compile(
    r"^(?:the\s+)?(?:one|task|todo)\s+(?:about|with|for|called|named|that\s+says|saying)\s+"
    r"(?P<w>[\w'-]+(?:\s+[\w'-]+){0,3})$"
    r"|^the\s+(?P<w2>[\w'-]+(?:\s+[\w'-]+)?)\s+one$",
    _F,
)


def plain(text: str) -> str:
    """Lower case, punctuation and emoji dropped, spaces squashed."""
    return " ".join(_STRIP.sub(" ", text.lower()).split())


_PRAISE = re.compile(
    r"^(?:(?:ok|okay|oh|wow|so|that's|thats|that\s+is|you're|youre|you\s+are|this\s+is|it's|its|"
    r"really|very|so|just|absolutely|pretty|such\s+a|an?)\s+)*(?:great|brilliant|perfect|awesome|"
    r"amazing|lovely|nice|cool|fantastic|excellent|wonderful|super|helpful|the\s+best|a\s+star|"
    r"a\s+legend|a\s+lifesaver|a\s+life\s+saver|genius|sweet|neat|good|fab|ace|magic|love\s+it|"
    r"love\s+this(?:\s+app)?|i\s+love\s+(?:it|this|you)(?:\s+app)?|nice\s+one|good\s+job|"
    r"well\s+done|good\s+stuff|great\s+stuff|lol|haha+|hehe|xd|ok|okay|cool|noted|got\s+it|"
    r"all\s+good|no\s+worries|sounds\s+good|that\s+works|brill|cheers|ta)(?:\s+(?:thanks|mate|"
    r"buddy|man|lol))?$"
)
_DONE_FOR_NOW = re.compile(
    r"^(?:(?:ok|okay|right|alright|well|so)\s+)*(?:that's|thats|that\s+is|i'm|im|i\s+am|we're)\s+"
    r"(?:all|everything|it|done|good|sorted|set)(?:\s+(?:for\s+)?(?:now|today|tonight|for\s+now|"
    r"for\s+today|then))*$|^(?:nothing\s+else|no\s+more|all\s+done|done\s+for\s+(?:now|today))"
    r"(?:\s+(?:for\s+)?(?:now|today))?$"
)
_JAPANESE_THANKS = re.compile(r"^(?:arigato|arigatou|domo|domo\s+arigato|sankyu)(?:\s+\w+)?$")
_HAS_BREAK = re.compile(r"[.!?,;:]\s*\S|\s-\s")
_CLAUSES = re.compile(r"\s*[.!?,;:]+\s*|\s+-\s+")


def _kind(words: str) -> Intent | None:
    if _GREETING.match(words):
        return Greeting()
    if _HELP.match(words) or re.match(r"^how\s+(?:does|do)\s+(?:this|it|you)\s+work", words):
        return Help()
    if _THANKS.match(words) or _JAPANESE_THANKS.match(words):
        return Thanks()
    if _GOODBYE.match(words) or _DONE_FOR_NOW.match(words):
        return Goodbye()
    if _PRAISE.match(words):
        return Thanks()
    return None


_RANK = {"help": 0, "goodbye": 1, "thanks": 2, "greeting": 3}


def pleasantries(text: str) -> Intent | None:
    """The small talk a message is made of, sentence by sentence ("hello! how does this work?",
    "cheers, that's brilliant", "ok that's all for today, arigato"), or None when any part of
    it is something else."""
    if len(text) > 160 or not _HAS_BREAK.search(text):
        return None
    clauses = [plain(c) for c in _CLAUSES.split(text) if plain(c)]
    if len(clauses) < 2:
        return None
    found = [_kind(c) for c in clauses]
    if any(f is None for f in found):
        return None
    return min((f for f in found if f is not None), key=lambda f: _RANK[f.kind])


_LEADING_GREETING = re.compile(
    r"^(?:hi|hello|hey|hiya|heya|morning|good\s+(?:morning|afternoon|evening)|yo|howdy)"
    r"(?:\s+(?:there|mate|buddy|friend|todochat|dear|love))?\s*[!,.]+\s*(?=\S)",
    re.IGNORECASE,
)
_TRAILING_THANKS = re.compile(
    r"(?:[\s,.!]*[,.!]\s*(?:thanks|thank\s+you|thx|ty|cheers|ta)|\s+(?:thanks|thank\s+you|thx|"
    r"cheers))(?:\s+(?:so\s+much|a\s+lot|very\s+much|ever\s+so\s+much|mate|heaps|a\s+bunch|"
    r"in\s+advance|dear|love|for\s+(?:your\s+|the\s+)?help))*[\s.!]*$",
    re.IGNORECASE,
)
_NEVER_MIND = re.compile(
    r"^(?:never\s*mind|nevermind|nvm|forget\s+(?:it|that)|scrap\s+that|cancel\s+that)[,.!]*\s+"
    r"(?=\S)",
    re.IGNORECASE,
)
# Courtesy around a request, which is not part of it.
_COURTESY_LEAD = re.compile(
    r"^(?:(?:oh\s+)?(?:i'm|i\s+am)\s+(?:awfully\s+|so\s+|very\s+|terribly\s+)?sorry\s+to\s+"
    r"(?:trouble|bother)\s+you(?:\s+again)?[,.]?\s*(?:but\s+)?|"
    r"(?:would|could)\s+you\s+be\s+so\s+kind\s+as\s+to\s+|"
    r"(?:would|could|will)\s+you\s+(?:kindly|possibly|please)\s+|"
    r"i\s+(?:should|would)\s+be\s+(?:most\s+|very\s+|ever\s+so\s+)?grateful\s+if\s+you\s+(?:would|could)\s+|"
    r"(?:would|do)\s+you\s+mind\s+|i\s+wonder\s+if\s+you\s+(?:could|would)\s+|"
    r"if\s+(?:it's|it\s+is)\s+not\s+too\s+much\s+trouble[,\s]+|"
    r"please\s+you\s+(?:can|could)\s+|you\s+can\s+please\s+|"
    r"(?:make|take)\s+a\s+note\s+(?:that\s+|to\s+)?(?=i\s|to\s|remind\s)|"
    r"(?:make|take)\s+a\s+note\s+that\s+)",
    re.IGNORECASE,
)
_COURTESY_TAIL = re.compile(
    r"(?:[\s,.!]+(?:if\s+you\s+(?:please|would|could|don't\s+mind)|please|pls|plz|dear|love|"
    r"lol|haha+|ngl|tbh|xx+|:\)|thanks\s+dear|thank\s+you\s+dear|or\s+whatever|or\s+something))+"
    r"[\s.!?]*$",
    re.IGNORECASE,
)
# Learners' phrasings with the same meaning ("make remind for me" = "remind me").
_VERBS = "|".join(sorted(TASK_VERBS | {"go", "put", "make", "get", "see"}))
_MAKE_REMIND = re.compile(r"\b(?:make|do|give)\s+(?:a\s+)?remind(?:er)?\s+(?:for|to)\s+me\b", re.I)
# "i need buy new shoes", "remind me take medicine": "to" before a task verb.
_NO_TO = re.compile(rf"\b(i\s+(?:need|want)|remind\s+me)\s+(?=(?:{_VERBS})\b)", re.I)
_ESL = (
    (_MAKE_REMIND, "remind me"),
    (_NO_TO, r"\1 to "),
    (re.compile(r"\bi\s+must\s+to\b", re.I), "i must"),
)


def strip_pleasantries(text: str) -> str:
    """A request without the courtesy around it: the greeting before it, the thanks after it
    ("good morning! could you add ... please, thanks so much", "would you be so kind as to
    remind me ... thank you, dear"); a message that is only small talk stays as it is."""
    words = _PLAIN_WORDS.findall(text.lower())
    if not words:
        return text
    out = text
    if words[0] in _OPENING:
        out = _NEVER_MIND.sub("", _LEADING_GREETING.sub("", out))
        out = _COURTESY_LEAD.sub("", out)
    if words[-1] in _CLOSING or "," in out:
        for _ in range(2):
            out = _TRAILING_THANKS.sub("", out)
            out = _COURTESY_TAIL.sub("", out)
    if _LEARNER_WORDS & set(words):
        for pattern, replacement in _ESL:
            out = pattern.sub(replacement, out)
    return out if out.strip() else text


_PLAIN_WORDS = re.compile(r"[a-z']+|[^\sa-z']")
# First words of a courtesy or greeting lead; last words of a thanks or courtesy tail; words
# of the learners' phrasings. Only messages with one of these run the patterns above.
_OPENING = frozenset(
    """hi hello hey hiya heya morning good yo howdy never nevermind nvm forget scrap cancel oh
    i'm i would could will do if please you make take""".split()  # noqa: SIM905
)
_CLOSING = frozenset(
    """thanks thank you thx ty cheers ta much lot advance dear love mate heaps bunch help
    please pls plz lol ngl tbh xx xxx haha hahaha mind would could can possible whatever
    something""".split()  # noqa: SIM905
) | frozenset(")")
_LEARNER_WORDS = frozenset({"remind", "reminder", "need", "want", "must"})


def smalltalk(text: str) -> Intent | None:
    """The conversation intent when the whole message is one, else None."""
    words = plain(text)
    if not words:
        return Help() if "?" in text else None
    several = pleasantries(text)
    if several is not None:
        return several
    if _GREETING.match(words):
        return Greeting()
    if _HELP.match(words):
        return Help()
    if _THANKS.match(words):
        return Thanks()
    if _GOODBYE.match(words) or _DONE_FOR_NOW.match(words):
        return Goodbye()
    if _NO_RE.match(words):
        return Confirm(yes=False)
    if _YES_RE.match(words):
        return Confirm(yes=True)
    if _PRAISE.match(words) or _JAPANESE_THANKS.match(words):
        return Thanks()
    return choice(words)


_MAYBE_CHOICE = re.compile(
    r"\d|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|top|bottom|"
    r"one|number|option|no)\b"
)


def choice(words: str) -> Choose | None:
    """An answer to "which one?" ("the first", "2", "the one about milk"), else None."""
    if words.count(" ") > 7 or not _MAYBE_CHOICE.search(words):
        return None  # an answer to "which one?" is short, with a place or "the ... one"
    words = re.sub(r"\s+(?:please|pls|plz|thanks|thx)$", "", words)
    if words.count(" ") > 6:
        return None
    ref = parse_reference(words)
    if ref.ordinal is not None:
        return Choose(ordinal=ref.ordinal)
    m = _CHOOSE_WORDS.match(words)
    if m:
        found = (m["w"] or m["w2"]).strip()
        if found and found not in ("this", "that", "which", "the", "other", "first"):
            return Choose(words=found)
    return None
