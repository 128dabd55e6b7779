"""How people type into a chat box, written out: texting shorthand, spoken numbers and fillers.

"pls make the gym thing high prio n tag it health", "um so like can u uh add ...", "call grandma
at five thirty", "team huddle 1830 fri": the reader's patterns expect "and", "you", "priority",
"at 5:30", "at 18:30", and no "um". Only whole words change, never inside quotes, and the
one-letter words ("n", "r", "w", "k") only where nothing else fits: between two words, or "k" as
the whole first word. Titles keep their words: "like" stays in "i'd like to" and "looks like",
and is dropped only as a filler ("so like", "i need to like sort out").
"""

from __future__ import annotations

import re

_F = re.IGNORECASE

# Whole words with one meaning in a chat about todos.
_WORDS = {
    "ur": "your", "sry": "sorry", "srry": "sorry", "soz": "sorry", "nvm": "never mind",
    "nvmd": "never mind", "smth": "something", "sth": "something", "smthg": "something",
    "prio": "priority", "prios": "priorities", "rn": "now", "wat": "what", "wats": "what's",
    "im": "i'm", "ive": "i've", "youre": "you're", "thats": "that's", "lemme": "let me",
    "gimme": "give me", "b4": "before", "abt": "about", "tho": "though", "cuz": "because",
    "coz": "because", "pls": "please", "plz": "please", "plse": "please", "thx": "thanks",
    "thnx": "thanks", "ty": "thanks", "tysm": "thanks", "shes": "she's",
    "hes": "he's", "theyre": "they're", "wanna": "want to", "gotta": "have to", "whens": "when's",
    "wheres": "where's", "hows": "how's", "itll": "it'll", "addd": "add", "adddd": "add",
    "dont": "don't",
    "cant": "can't", "complet": "complete", "del": "delete", "completd": "completed",
    "finsihed": "finished", "finised": "finished",
    "finaly": "finally", "finnaly": "finally", "compelted": "completed", "cmplete": "complete",
}  # fmt: skip
_WORD_RE = re.compile(
    r"(?<![\w'#@/])("
    + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True))
    + r")(?![\w'])",
    _F,
)
# One-letter words, only between two words: "milk n eggs", "the last two r done", "done w that".
_LETTER = re.compile(r"(?<=[a-z'])\s+(?P<l>[nrw])\s+(?=[a-z#'])", _F)
_LETTERS = {"n": "and", "r": "are", "w": "with"}
_OK_FIRST = re.compile(r"^(?:k|kk|okk+|okie|oki)\b[,.!]*\s*", _F)
# Fillers with no meaning anywhere: "um", "uh", "erm".
# A hesitation with the commas around it: "move the, um, liquor order" -> "move the liquor order".
_FILLER = re.compile(r"(?:\s*,)?\s*(?<![\w'])(?:u+m+|u+h+m?|e+r+m*|hmm+|mm+)(?![\w'])[,.…]*\s*", _F)
# "like" as a filler: first word, or after "so", "to", "just", "um", "and", "it's", before a
# comma ("like, add milk"), or between a time cue and a clock ("at like nine" is "at nine").
_LIKE = re.compile(
    r"(?:^|(?<=\bso\s)|(?<=\bto\s)|(?<=\bjust\s)|(?<=\band\s)|(?<=\byo\s)|(?<=\bbasically\s)"
    r"|(?<=\byou\s)|(?<=\bu\s)(?=like\s+(?:add|remind|put|make|move|mark|delete|change)\b))"
    r"like\b[,]?\s*|\blike,\s*"
    r"|(?:(?<=\bat\s)|(?<=@\s)|(?<=\bby\s)|(?<=\baround\s)|(?<=\bbefore\s)|(?<=\bafter\s)"
    r"|(?<=\buntil\s)|(?<=\btill\s)|(?<=\bfrom\s))like\s+(?=\d|(?:one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a\s+quarter|quarter|half|noon|midnight)\b)",
    _F,
)
# Openers that carry nothing: "hey so", "ok so basically", "yo", "quick one", "right so".
_OPENER = re.compile(
    r"^(?:(?:(?:hey|yo|hi|hiya|hello)\s+so|ok|okay|so|right|alright|basically|literally|quick\s+one|"
    r"one\s+sec|real\s+quick|btw|oh\s+yeah|honestly|anyway|anyways"
    r"|wait(?=[,.!:\s]+(?:what|when|where|which|who|how|is|are|do|does|did|have)\b))\b[,.!:\s]*)+"
    r"(?=\S)",
    _F,
)
# A greeting run into a request with no punctuation: "hey there hope youre well add ...".
_GREETING_RUN = re.compile(
    r"^(?:hey|hi|hello|hiya|yo|morning|good\s+(?:morning|afternoon|evening))(?:\s+(?:there|mate|"
    r"buddy|friend|you))?[,!.]?\s+(?:(?:i\s+)?hope\s+(?:you're|you\s+are|your|ur|u\s+are)\s+"
    r"(?:well|good|ok|okay|doing\s+well|having\s+a\s+good\s+day)[,!.]?\s+)?"
    r"(?=(?:please\s+)?(?:add|remind|put|can|could|would|mark|delete|remove|move|show|list|"
    r"what|set|make|change|cancel)\b)",
    _F,
)
_NUMBER = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_MINUTES = {
    "oh five": 5, "o five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "twenty five": 25,
    "thirty": 30, "thirty five": 35, "forty": 40, "forty five": 45, "fifty": 50,
    "fifty five": 55,
}  # fmt: skip
_HOUR_RE = "|".join(_NUMBER)
_MIN_RE = "|".join(sorted(_MINUTES, key=len, reverse=True))
# A word of a spoken clock is never read from inside another word: in "six forty-five" the
# "five" is minutes, not an hour of its own (the whole clock is left to dates.clock_words).
_NOT_INSIDE = r"(?<![\w:-])"
# A clock that already has its cue ("at", "by", "at about", ...) is not given another "at".
_CUED = re.compile(
    r"(?:\b(?:at|by|around|from|until|till|before|after)|@)\s+(?:(?:about|around)\s+)?$", _F
)
# "at five", "at six thirty", "by ten", "five o'clock", "five pm", "ten thirty in the morning".
_SPOKEN_CLOCK = re.compile(
    r"\b(?P<cue>at\s+(?:about|around)|at|by|around|@|until|till|before|after|from)\s+"
    rf"(?P<h>{_HOUR_RE})"
    rf"(?:\s+(?P<m>{_MIN_RE}))?(?P<tail>\s*(?:o'?clock|a\.?m\.?|p\.?m\.?)|(?=\s+(?:in\s+the\s+)?"
    r"(?:morning|afternoon|evening|tonight|at\s+night|tomorrow|today|on\b|this\b|next\b|[,.!?])"
    r")|\s*$)",
    _F,
)
# "six thirty", "seven in the morning": a clock without a cue, when nothing else reads that way.
_SPOKEN_BARE = re.compile(
    rf"{_NOT_INSIDE}(?<!to\s)(?<!past\s)(?<!after\s)(?<!before\s)(?<!til\s)(?<!till\s)(?P<h>{_HOUR_RE})(?:\s+(?P<m>{_MIN_RE})(?=\s*(?:$|[,.!?;)]|(?:on|tomorrow|today|"
    r"tonight|this|next|in|please|instead|then|actually|sorry|pls|thanks|is|works|would)\b))|"
    r"(?=\s+(?:in\s+the\s+(?:morning|afternoon|evening)|tonight|at\s+night)\b))",
    _F,
)
_SPOKEN_AMPM = re.compile(
    rf"{_NOT_INSIDE}(?P<h>{_HOUR_RE})(?:\s+(?P<m>{_MIN_RE}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?|o'?clock)(?!\w)",
    _F,
)
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_UNITS = {k: v for k, v in _ORDINALS.items() if v < 10}
# "the twenty third", "on the thirty first": a day of the month in words.
_DAY_WORDS = re.compile(
    r"\b(?P<pre>(?:on|by|for|until|till|before|to)\s+the\s+|the\s+)"
    r"(?:(?P<tens>twenty|thirty)[\s-]+(?P<unit>"
    + "|".join(_UNITS)
    + r")|(?P<whole>"
    + "|".join(k for k, v in _ORDINALS.items() if v >= 10)
    + r"))\b",
    _F,
)
# "1830 fri", "fri 1830", "at 0915": four digits next to a day are a 24-hour clock.
_DAYWORD = (
    r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?|today|tomorrow|tonight|"
    r"tmrw|tmr"
)
_COMPACT_BY_DAY = re.compile(
    rf"(?<![\w:.,/-])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?=\s+(?:on\s+)?(?:{_DAYWORD})\b)"
    rf"|\b(?P<day>{_DAYWORD})\s+(?P<h2>[01]\d|2[0-3])(?P<m2>[0-5]\d)(?![\w:.,/-])",
    _F,
)


# "friday the 26th": the day of the month decides, the weekday only confirms it.
_WEEKDAY_THE = re.compile(
    r"\b(?:on\s+)?(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+(?:the\s+)?"
    r"(?P<d>\d{1,2}(?:st|nd|rd|th))\b(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
    r"nov|dec))",
    _F,
)
# "sun 3", "fri 830", "tomorrow 5": an hour right after a day is a time; but in "tomorrow 5 past
# 9" the 5 is the minutes of a spoken clock ("fri 3 to 4" is a change from 3 to 4: an hour).
_DAY_HOUR = re.compile(
    r"\b(?P<day>(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?|today|tomorrow|"
    r"tonight)\s+(?P<h>1[0-2]|[1-9])(?:(?P<m>[0-5]\d))?(?![\w:.%])(?!\s*(?:am|pm|a\.m|p\.m|"
    r"o'?clock|%|hours?|hrs?|mins?|minutes?|days?|weeks?|people|times)\b)"
    rf"(?!\s+(?:past|after)\s+(?:(?:1[0-2]|0?[1-9])(?!\d)|(?:{_HOUR_RE}|noon|midnight)\b))",
    _F,
)
_AND_FIRST = re.compile(r"^n\s+(?=\w)", _F)
# "... to thurs same time": keeping the time is what a move does anyway.
_SAME_TIME = re.compile(r",?\s+(?:at\s+)?(?:the\s+)?same\s+time\b", _F)
_IF_OK = re.compile(
    r",?\s+if\s+(?:that's|thats|that\s+is|it's|its)\s+(?:ok|okay|alright|all\s+right|fine)\b[.!]*$",
    _F,
)
# Only the emoji people sign off with (faces, hands, hearts, sparkles, ticks): "buy 🥛 and 🍞"
# keeps its food, "call mom tomorrow 🙏" drops the thanks.
_EMOJI_TAIL = re.compile(
    r"[\s]*(?:[\U0001F600-\U0001F64F\U0001F910-\U0001F92F\U0001F970-\U0001F97A"
    r"\U0001F44A-\U0001F450\U0001F590-\U0001F596\U0001F918-\U0001F91F\U0001F493-\U0001F49F"
    r"\U0001F389\U0001F38A\U0001F973\U0001F525\U0001F4AF\U0001F4AA\U0001F31F\U0001F9E1"
    r"\u263A\u2639\u2728\u2705\u2714\u2764\u2B50\uFE0F\u200D\U0001F3FB-\U0001F3FF])+[\s!.]*$"
)
_EMOJI_MID = re.compile(_EMOJI_TAIL.pattern.replace("[\\s!.]*$", "[\\s!.]+(?=\\w)"))
# "schedule watering the plants every sunday", "put movie night on the last friday",
# "pencil in lunch with sam friday": the verb is how people say "add", not part of the title
# (but "put the bins out on monday" keeps its "put").
_SCHEDULE_LEAD = re.compile(
    r"^(?:please\s+)?(?:schedule|pencil\s+in|put\s+in|slot\s+in|put|pop)\s+"
    r"(?!(?:(?:the|my|a|an|some)\s+)?[\w']+\s+(?:out|away|back|up|off|down|together|on\s+charge)\b)"
    r"(?!.*\b(?:back|onto|on\s+(?:my|the)\s+(?:todo\s+|to-do\s+|shopping\s+)?list)\b)"
    r"(?=.+\s(?:on|for|at|this|next|tomorrow|today|tonight|every|in)\b)",
    _F,
)
# "by end of day", "eod", "by close of business": today.
_END_OF_DAY = re.compile(
    r"\b(?:by\s+|before\s+)?(?:(?:the\s+)?end\s+of\s+(?:the\s+)?day|eod|cob|close\s+of\s+business)\b",
    _F,
)
# "... by next friday ok", "... thx k": a last word that only closes the message.
_CLOSING = re.compile(
    r"(?<=\w)[\s,]+(?:ok|okay|k|kk|thx|cheers|idk|no\s+rush|no\s+hurry|whenever|"
    r"(?:when|if)\s+you\s+(?:can|get\s+a\s+(?:chance|sec|minute)))[.!]*$",
    _F,
)


def _day_hour(m: re.Match[str]) -> str:
    return f"{m['day']} at {m['h']}:{m['m'] or '00'}"


def _word(m: re.Match[str]) -> str:
    word = m.group(1)
    out = _WORDS[word.lower()]
    return out.capitalize() if word[0].isupper() and m.start() == 0 else out


# "for 8 in the morning", "at 11 of the morning", "6:30 in the evening": a clock and its half.
_DIGITS_PART = re.compile(
    r"(?<![\w:.])(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s+(?:in|of)\s+the\s+"
    r"(?P<part>morning|afternoon|evening)\b",
    _F,
)


def _digits_part(m: re.Match[str]) -> str:
    suffix = "am" if m["part"].lower() == "morning" else "pm"
    return f"{m['h']}{':' + m['m'] if m['m'] else ''}{suffix}"


def _spoken(m: re.Match[str]) -> str:
    hour = _NUMBER[m["h"].lower()]
    minutes = _MINUTES[m["m"].lower()] if m["m"] else 0
    tail = m["tail"] or ""
    if re.search(r"o'?clock", tail, _F):
        tail = ""
    return (
        f"{m['cue']} {hour}:{minutes:02d}{tail}"
        if minutes or not tail.strip()
        else (f"{m['cue']} {hour}{tail}")
    )


def _spoken_ampm(m: re.Match[str]) -> str:
    hour = _NUMBER[m["h"].lower()]
    minutes = _MINUTES[m["m"].lower()] if m["m"] else 0
    ap = m["ap"].lower()
    if "clock" in ap:
        if not minutes:
            return f"{hour} o'clock"
        return f"{_cue_for(m)}{hour}:{minutes:02d}"
    return f"{hour}:{minutes:02d}{ap}" if minutes else f"{hour}{ap}"


def _cue_for(m: re.Match[str]) -> str:
    """ "at " before a clock written out, unless a cue is there already ("by six thirty")."""
    return "" if _CUED.search(m.string, 0, m.start()) else "at "


def _spoken_bare(m: re.Match[str]) -> str:
    hour = _NUMBER[m["h"].lower()]
    minutes = _MINUTES[m["m"].lower()] if m["m"] else 0
    return f"{_cue_for(m)}{hour}:{minutes:02d}"


def _day_words(m: re.Match[str]) -> str:
    if m["whole"]:
        day = _ORDINALS[m["whole"].lower()]
    else:
        day = (20 if m["tens"].lower() == "twenty" else 30) + _UNITS[m["unit"].lower()]
    if day > 31:
        return m.group()
    suffix = "th" if 10 < day % 100 < 14 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{m['pre']}{day}{suffix}"


def _compact(m: re.Match[str]) -> str:
    if m["h"]:
        return f"{_cue_for(m)}{m['h']}:{m['m']}"  # "at 0730 tomorrow": cued already
    return f"{m['day']} at {m['h2']}:{m['m2']}"


def _outside_quotes(text: str, fix: re.Pattern[str], repl: object) -> str:
    if "'" not in text and '"' not in text:
        return fix.sub(repl, text)  # type: ignore[call-overload,no-any-return]
    parts = re.split(r"""((?<!\w)["'][^"']+["'](?!\w))""", text)
    return "".join(
        p if i % 2 else fix.sub(repl, p)  # type: ignore[call-overload]
        for i, p in enumerate(parts)
    )


_TOKEN = re.compile(r"[a-z0-9']+")
_FILLERS = frozenset(
    {"um", "umm", "uh", "uhh", "uhhh", "er", "erm", "hmm", "mm", "hmmm", "ummm", "uhm"}
)
_OPENERS = frozenset(
    [
        "wait",
        "hey",
        "yo",
        "hi",
        "hiya",
        "hello",
        "ok",
        "okay",
        "so",
        "right",
        "alright",
        "basically",
        "literally",
        "quick",
        "one",
        "real",
        "btw",
        "oh",
        "honestly",
        "anyway",
        "anyways",
    ]
)
_GREETINGS = frozenset(["hey", "hi", "hello", "hiya", "yo", "morning", "good"])
_ORDINAL_WORDS = frozenset(_ORDINALS) | {"twenty", "thirty"}
_DAY_NAMES = frozenset(
    [
        "mon",
        "tue",
        "tues",
        "wed",
        "weds",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "tomorrow",
        "tonight",
        "tmrw",
        "tmr",
    ]
)


def _unfilled(m: re.Match[str]) -> str:
    """What a hesitation leaves: the comma it stood between ("it beeps at 3am, um, add ..."
    keeps its clause break), but none after an article ("move the, um, liquor order")."""
    if "," not in m.group():
        return " "
    before = m.string[: m.start()].rsplit(maxsplit=1)
    last = before[-1].lower() if before else ""
    return " " if not last or last in _DETERMINERS else ", "


_DETERMINERS = frozenset({"the", "a", "an", "my", "your", "this", "that", "these", "those", "our"})


def write_out(text: str) -> str:
    """``text`` with shorthand, spoken numbers and fillers written out or dropped.

    Each rewrite runs only when a word it needs is there: most messages need none, and this
    runs on every message.
    """
    lower = text.lower()
    words = _TOKEN.findall(lower)
    if not words:
        return text
    vocab = set(words)
    out = text
    if vocab & _SHORT_WORDS:
        out = _outside_quotes(out, _WORD_RE, _word)
    if vocab & _LETTER_WORDS:
        out = _outside_quotes(out, _LETTER, lambda m: f" {_LETTERS[m['l'].lower()]} ")
        if words[0] == "n":
            out = _AND_FIRST.sub("and ", out)
    if words[0] in _OK_WORDS:
        out = _OK_FIRST.sub("ok ", out)
    if vocab & _FILLERS:
        out = _FILLER.sub(_unfilled, out).strip()
    if "like" in vocab:
        out = _LIKE.sub("", out)
    if words[0] in _GREETINGS:
        out = _GREETING_RUN.sub("", out)
    if words[0] in _OPENERS:
        out = _OPENER.sub("", out) or out
    if words[-1] == "again" and words[0] in _ASKING_WORDS:
        out = _ASKED_AGAIN.sub("", out) or out  # "when is my stats exam again"
    if vocab & _NUMBER.keys():
        out = _SPOKEN_CLOCK.sub(_spoken, out)
        out = _SPOKEN_AMPM.sub(_spoken_ampm, out)
        out = _SPOKEN_BARE.sub(_spoken_bare, out)
    if "the" in vocab and vocab & {"morning", "afternoon", "evening"}:
        out = _DIGITS_PART.sub(_digits_part, out)  # "for 8 in the morning", "11 of the morning"
    if "the" in vocab and vocab & _ORDINAL_WORDS:
        out = _DAY_WORDS.sub(_day_words, out)
    if vocab & _DAY_NAMES and any(c.isdigit() for c in lower):
        out = _COMPACT_BY_DAY.sub(_compact, out)
        out = _WEEKDAY_THE.sub(lambda m: f"on the {m['d']}", out)
        out = _DAY_HOUR.sub(_day_hour, out)
    if "same" in vocab and "time" in vocab:
        out = _SAME_TIME.sub("", out)
    if words[0] in ("schedule", "put", "pop", "pencil", "please", "slot"):
        out = _SCHEDULE_LEAD.sub("", out) or out
    if "if" in vocab:
        out = _IF_OK.sub("", out)
    if not lower.isascii():
        out = _EMOJI_TAIL.sub("", out) or out
        # "you're a lifesaver 🙏 can you also add ...": a sign-off emoji ends a sentence.
        out = _EMOJI_MID.sub(". ", out)
    if vocab & {"end", "eod", "cob", "close"}:
        out = _END_OF_DAY.sub("today", out)
    if len(words) > 3 and words[-1] in _CLOSING_WORDS:
        out = _CLOSING.sub("", out)
    return out.strip() or text


_SHORT_WORDS = frozenset(_WORDS)
_ASKING_WORDS = frozenset({"what", "when", "where", "which", "who", "how", "wait"})
_ASKED_AGAIN = re.compile(r"\s+again(?=[\s?!.]*$)", re.IGNORECASE)
_LETTER_WORDS = frozenset(_LETTERS)
_OK_WORDS = frozenset({"k", "kk", "okk", "okkk", "okie", "oki"})
_CLOSING_WORDS = frozenset(
    {"ok", "okay", "k", "kk", "thx", "cheers", "idk", "rush", "hurry", "whenever", "can", "chance"}
    | {"sec", "minute"}
)
