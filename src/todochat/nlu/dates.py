"""Due dates and times in English, read in the user's timezone relative to "now".

Results are local wall-clock values (a date and a naive time in the user's zone). A wall time
that does not exist or is ambiguous on a DST change day (2:30 on a spring-forward morning) is
returned as typed; the storage layer resolves it (fold=0, i.e. the first reading).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from .text import NUMBER_RE, Scanner, Span, number
from .zones import ZONE_RE, zone_for

MORNING = time(9, 0)
AFTERNOON = time(15, 0)
EVENING = time(20, 0)
NOON = time(12, 0)
MIDNIGHT = time(0, 0)
PARTS_OF_DAY: dict[str, time] = {
    "morning": MORNING,
    "afternoon": AFTERNOON,
    "arvo": AFTERNOON,
    "evening": EVENING,
    "night": EVENING,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "weds": 2, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
FULL_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

WD_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
PART_RE = "morning|afternoon|arvo|evening|night"
_CUE = r"(?:(?:on|by|for|due|until|till|before|starting)\s+)?"
_F = re.IGNORECASE


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _F)


_IN_CLOCK = _c(
    rf"\b(?:in|within)\s+(?:(?P<half>half\s+an?\s+hour)|(?P<n>{NUMBER_RE})\s*"
    r"(?P<u>minutes?|mins?|hours?|hrs?)(?P<andhalf>\s+and\s+a\s+half)?)\b"
)
_IN_DAYS = _c(
    rf"\b(?:(?:in|within)\s+(?P<n>{NUMBER_RE})\s+(?P<u>days?|weeks?|months?|years?)"
    rf"|(?P<n2>{NUMBER_RE})\s+(?P<u2>days?|weeks?|months?|years?)\s+from\s+(?:now|today)"
    r"|in\s+a\s+(?P<fortnight>fortnight))\b"
)
_ISO = _c(rf"\b{_CUE}(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})\b")
_YEAR = r"(?:,?\s+(?P<y>\d{4})\b)?"
_DAY_MONTH = _c(
    rf"\b{_CUE}(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_RE})\b\.?"
    + _YEAR
)
_MONTH_DAY = _c(
    rf"\b{_CUE}(?P<mon>{MONTH_RE})\.?\s+(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?![:.]\d|\s*(?:am|pm|a\.m|p\.m)\b)" + _YEAR
)
_PART_SUFFIX = rf"(?:\s+(?:in\s+the\s+|at\s+)?(?P<part>{PART_RE}))?"
_RELATIVE_DAY = _c(
    rf"\b{_CUE}(?P<word>(?:the\s+)?day\s+after\s+tomorrow|tomorrow|tmrw|tmr|tomorow|tommorow"
    rf"|today|tonight|tonite|this\s+(?P<thispart>morning|afternoon|evening))\b{_PART_SUFFIX}"
)
_PERIOD = _c(
    rf"\b{_CUE}(?:(?P<mod>this|next)\s+weekend|(?:on|at|over|to|for|till|until)\s+the\s+weekend"
    r"|(?:at\s+)?(?:the\s+)?(?P<edge>end|beginning|start|(?:last|final|first)\s+day)\s+of\s+"
    r"(?:the\s+)?(?P<which>this\s+|next\s+)?"
    r"(?P<unit>week|month|year)|(?P<nextunit>next\s+(?:week|month|year)))\b"
)
_WEEKDAY = _c(
    r"\b(?:(?P<cue>on|by|until|till|before|due|for|starting)\s+)?"
    rf"(?:(?P<mod>this\s+coming|this|next\s+week|next|coming)\s+)?(?P<wd>{WD_RE})\b\.?"
    rf"(?P<nextweek>\s+(?:of\s+)?next\s+week)?{_PART_SUFFIX}"
)
_MONTH_DAY_ONLY = _c(
    r"\b(?:on|by|due|before|until|till|for|to)\s+the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b"
    r"(?!\s+of\s+(?:every|each))"
)
_ZONE = rf"(?:\s*\(?(?P<zone>{ZONE_RE})\)?(?![\w]))?"
# "at 5", "at like 5", "at around 5", "by 5": a cue the time takes with it.
_AT = r"(?:at|@)\s+(?:(?:like|about|around)\s+)?"
_TIME_CUE = rf"(?:{_AT}|(?:by|before|around|from|until|till|after)\s+)?"
_AMPM = _c(
    rf"(?<![\w:.]){_TIME_CUE}(?P<h>\d{{1,2}})(?:[:.](?P<m>[0-5]\d))?\s*"
    rf"(?P<ap>a\.?m\.?|p\.?m\.?)(?![\w]){_ZONE}"
)
_CLOCK = _c(rf"(?<![\w:.]){_TIME_CUE}(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\w:]){_ZONE}")
_BARE_HOUR = _c(
    rf"(?<![\w:.])(?:(?:{_AT}|around\s+)(?P<h>\d{{1,2}})(?:\s*o'?clock)?|(?P<h2>\d{{1,2}})\s*o'?clock)"
    r"(?![\w:.%])(?!\s*(?:%|percent|people|persons|pages|items|things|minutes?|mins?|hours?"
    rf"|days?|weeks?|km|miles?|kg|lbs?|euros?|dollars?|bucks)\b){_ZONE}"
)
_NAMED_TIME = _c(
    rf"\b{_TIME_CUE}(?P<name>noon|midday|(?<=at\s)midnight|(?<=by\s)midnight){_ZONE}"
    r"(?!\w)"
)
_PART_TIME = _c(
    r"\b(?:in\s+the\s+(?P<part>morning|afternoon|arvo|evening)|at\s+(?P<night>night))\b"
)
_NTH_IN_MONTH = _c(
    rf"\b{_CUE}(?:the\s+)?(?P<nth>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+"
    rf"(?P<wd>{WD_RE})\s+(?:of|in)\s+(?:(?P<next>next|this)\s+month|(?P<mon>{MONTH_RE}))\b"
    r"(?:\s+(?P<y>\d{4}))?"
)
_FROM_DAY = _c(
    rf"\b(?P<n>{NUMBER_RE})\s+(?P<u>weeks?|days?)\s+(?:from|after)\s+(?:this\s+|next\s+)?"
    rf"(?P<base>today|now|tomorrow|{WD_RE})\b"
)
_NEXT_MONTH_DAY = _c(
    r"\b(?:next\s+month\s+on\s+the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?|(?:on\s+)?the\s+"
    r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?next\s+month)\b"
)
_NAME_NEXT = re.compile(r"^\.?\s+[A-Z][a-z]")
# What may follow a weekday abbreviation after a cue ("on sat at 5", not "on sat nav").
_AFTER_ABBR = re.compile(
    rf"^\s*(?:$|[,.;!?)]|\d|(?:at|and|or|to|by|{PART_RE}|noon|next|now|instead|then|please|not)\b)",
    re.IGNORECASE,
)
# What may follow a cue-less weekday ("call mom friday", "friday at 5").
_AFTER_BARE = re.compile(
    rf"^\s*(?:$|[,.;!?)]|\d|@|(?:at|{PART_RE}|noon|midday|midnight)\b)", re.IGNORECASE
)


# "0915", "at 1430": a 24-hour clock without the colon (a leading zero, or "at" before it).
_COMPACT = _c(
    r"(?:\b(?P<at>at|@)\s*|(?<![\w:.]))(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?:\s*h(?:rs)?)?\b"
)
_HOUR_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_NUMBER_WORDS = _HOUR_WORDS | {
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "oh": 0, "o": 0,
}  # fmt: skip
_UNIT_RE = "one|two|three|four|five|six|seven|eight|nine"
_TEEN_RE = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_HOUR_WORD_RE = "|".join(sorted(_HOUR_WORDS, key=len, reverse=True))
# The minutes said after an hour word: "seven thirty", "six forty-five", "nine oh five".
_CLOCK_MIN_RE = (
    rf"(?:twenty|thirty|forty|fifty)(?:[\s-]+(?:{_UNIT_RE}))?|oh?[\s-]+(?:{_UNIT_RE})|{_TEEN_RE}"
)
# The minutes before "past"/"to": "5", "ten", "twenty-five".
_BY_MIN_RE = rf"\d{{1,2}}|twenty(?:[\s-]+(?:{_UNIT_RE}))?|{_TEEN_RE}|{_UNIT_RE}"
_SPOKEN_HOUR_RE = rf"1[0-2]|0?[1-9]|{_HOUR_WORD_RE}|noon|midnight"
# A spoken clock: "(at) (a) quarter past 3", "twenty to seven", "5 past 9", "(at) half 5",
# "at (like) nine", "six forty-five". Whether it is a clock is decided by _spoken().
_SPOKEN = _c(
    r"(?<![\w:.'-])(?P<cue>(?:at|@)\s+(?:(?:like|about|around)\s+)?"
    r"|(?:around|by|before|until|till|after|from)\s+(?:like\s+)?)?"
    rf"(?:(?P<by>(?:a\s+)?quarter|half|(?P<n>{_BY_MIN_RE})(?:\s+(?P<unit>minutes?|mins?))?)"
    rf"\s+(?P<rel>past|after|to|before|til|till)\s+(?P<h>{_SPOKEN_HOUR_RE})"
    rf"|half\s+(?P<hh>{_SPOKEN_HOUR_RE})"
    rf"|(?P<wh>{_HOUR_WORD_RE})(?:[\s-]+(?P<wm>{_CLOCK_MIN_RE}))?)"
    r"(?!\d|[:.,]\d)(?P<oclock>\s*o'?clock)?(?:\s*(?P<ap>a\.?m\.?|p\.?m\.?))?(?![\w-])" + _ZONE
)
# A spoken clock needs one of these words; checking for them first is much cheaper than _SPOKEN.
_SPOKEN_WORDS = frozenset(
    [*_HOUR_WORDS, "noon", "midnight", "half", "past", "after", "to", "before", "til", "till"]
)
_LETTERS = re.compile(r"[a-z]+")
# What may follow a spoken clock that could be something else ("ten to seven" vs "five to ten
# pages", "at nine" vs "at one point"): the end, punctuation, or another word about when.
_TIME_TAIL = _c(
    r"^(?:\s*$|\s*[,.;:!?)]|\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night|tonight"
    r"|tonite|today|tomorrow|tmrw|tmr|this|next|on|every|each|and|then|please|pls|sharp"
    rf"|instead|for|with|so|or|but|{WD_RE}|{PART_RE})\b)"
)
_DAY_BEFORE = _c(rf"\b(?:today|tonight|tonite|tomorrow|tmrw|tmr|{WD_RE}|{PART_RE}),?\s+$")
_DAY_AFTER = _c(
    r"^\s+(?:(?:in\s+the\s+)?(?:morning|afternoon|evening)|at\s+night|tonight|tonite|today"
    rf"|tomorrow|tmrw|tmr|on|this|next|{WD_RE})\b"
)
_NOT_A_TIME = _c(
    r"^\s*(?:%|(?:percent|people|persons|pages|items|things|minutes?|mins?|hours?|days?|weeks?"
    r"|months?|years?|km|miles?|kg|lbs?|euros?|dollars?|bucks|times|points?)\b)"
)


@dataclass(frozen=True, slots=True)
class _Spoken:
    """A spoken clock: the clock said and whether the bare-hour rule still places it."""

    clock: time
    bare: bool
    cue: str


def _may_say_clock(text: str) -> bool:
    return not _SPOKEN_WORDS.isdisjoint(_LETTERS.findall(text.lower()))


def _number_value(words: str) -> int:
    """ "25", "twenty-five", "oh five" as a number."""
    words = words.lower()
    if words.isdigit():
        return int(words)
    return sum(_NUMBER_WORDS[w] for w in re.split(r"[\s-]+", words))


def _clock_context(m: re.Match[str], minutes: int, before: str, after: str) -> bool:
    """Whether "ten to seven" with no cue is a clock: it ends the phrase ("call mom ten to
    seven, then cook"). "five to ten" counts up like a range ("chapters five to ten"), so it
    needs a day or part of day next to it ("five to ten tomorrow")."""
    hour = m["h"].lower()
    if hour not in ("noon", "midnight") and minutes < _number_value(hour):
        return bool(_DAY_BEFORE.search(before) or _DAY_AFTER.match(after))
    return bool(_TIME_TAIL.match(after))


def _spoken(m: re.Match[str], text: str) -> _Spoken | None:
    """The clock a _SPOKEN match says, or None when the words are not a clock here.

    The clock is the one said ("quarter to 9" is 8:45, "ten to 8" 7:50), read like the same
    clock in digits: a bare 1..11 follows the bare-hour rule, 12 is noon, am/pm decide."""
    before, after = text[: m.start()], text[m.end() :]
    cue = (m["cue"] or "").lower().split()
    said = bool(m["ap"] or m["oclock"] or m["zone"])
    if not said and _NOT_A_TIME.match(after):
        return None  # "five to ten pages", "at half 5 people"
    back = False
    if m["by"]:
        hour = m["h"]
        by = m["by"].lower()
        back = m["rel"].lower() in ("to", "before", "til", "till")
        if by.endswith("quarter"):
            minutes = 15
        elif by == "half":
            minutes = 30
        else:
            minutes = _number_value(m["n"])
            digits = m["n"][0].isdigit()
            if not 1 <= minutes <= 29 or (not m["unit"] and minutes % 5):
                return None  # "3 past 9" needs "minutes"
            if back and (
                cue[:1] == ["from"]
                or (digits and cue[:1] not in (["at"], ["@"]))
                or (not cue and not said and not _clock_context(m, minutes, before, after))
                or re.search(r"\bbetween\s+$", before, _F)
            ):
                return None  # ranges and numbers: "from ten to seven", "move 5 to 9"
    elif m["hh"]:
        if not cue:
            return None  # British "half 5" only with a cue: "at half 5"
        hour, minutes = m["hh"], 30
    else:
        hour = m["wh"]
        minutes = _number_value(m["wm"]) if m["wm"] else 0
        if not cue:
            # "six forty-five" next to a day or part of day, or with am/pm.
            near = _DAY_BEFORE.search(before) or _DAY_AFTER.match(after)
            if not m["wm"] or not (said or near):
                return None
        elif not m["wm"] and not said and not _TIME_TAIL.match(after):
            return None  # "at one point"
    word = cue[0] if cue else "at"
    cue_word = word if word in ("by", "before", "until", "till", "after", "from") else "at"
    ap = (m["ap"] or "").lower()[:1]
    name = hour.lower()
    if name in ("noon", "midnight") or ap:
        if name in ("noon", "midnight"):
            if ap:
                return None
            base = 12 if name == "noon" else 24
        else:
            base = _number_value(hour) % 12 + (12 if ap == "p" else 0)
        total = (base * 60 + (-minutes if back else minutes)) % (24 * 60)
        return _Spoken(time(total // 60, total % 60), False, cue_word)
    face = _number_value(hour)
    if back:
        face, minutes = (face - 2) % 12 + 1, 60 - minutes  # "to 1" is 12:xx
    return _Spoken(time(face, minutes), face != 12 and not hour.startswith("0"), cue_word)


def _write_spoken(m: re.Match[str]) -> str:
    said = _spoken(m, m.string)
    if said is None:
        return m.group()
    clock = said.clock
    if said.bare:
        out = f"{clock.hour}:{clock.minute:02d}"  # the bare-hour rule still decides
    elif m["ap"]:
        out = f"{clock.hour % 12 or 12}:{clock.minute:02d}{'am' if clock.hour < 12 else 'pm'}"
    elif clock.hour in (10, 11):
        out = f"{clock.hour}:{clock.minute:02d}am"
    else:
        out = f"{clock.hour:02d}:{clock.minute:02d}"  # "00:15", "12:15", "23:45": as is
    zone = f" {m['zone']}" if m["zone"] else ""
    return f"{said.cue} {out}{zone}"


def _compact(m: re.Match[str]) -> str:
    if not m["at"] and not m["h"].startswith("0"):
        return m.group()  # "read 1984", "room 1101": numbers, not clocks
    return f"at {m['h']}:{m['m']}"


def clock_words(text: str) -> str:
    """Spoken and compact clock times as "at H:MM": "quarter to six" -> "at 5:45" (then the
    bare-hour rule makes it 17:45), "half past 5" -> "at 5:30", "around twenty past six" ->
    "at 6:20", "at half 5" -> "at 5:30", "at like nine" -> "at 9:00", "0915" -> "at 09:15".
    A clock that is not bare keeps its reading: "half past 4pm" -> "at 4:30pm", "quarter to
    midnight" -> "at 23:45"."""
    if _may_say_clock(text):
        text = _SPOKEN.sub(_write_spoken, text)
    if not any(c.isdigit() for c in text):
        return text
    return _COMPACT.sub(_compact, text)


@dataclass(frozen=True, slots=True)
class WhenMatch:
    """A due date and/or time found in text, with the spans to cut from the title."""

    due_date: date | None
    due_time: time | None
    spans: tuple[Span, ...]
    problem: str | None = None
    date_given: bool = True


@dataclass(slots=True)
class _Found:
    day: date | None = None
    part: str | None = None
    clock: time | None = None
    bare_hour: bool = False
    zone: str | None = None
    weekday_today: bool = False
    fixed: bool = False
    problem: str | None = None


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_day(today: date, month: int, day: int, year: int | None) -> date | str:
    name = calendar.month_name[month]
    if day < 1 or day > 31 or (day > _days_in(2024, month)):
        return f"{name} {day} is not a date"
    if year is not None:
        if day > _days_in(year, month):
            return f"{name} {day}, {year} is not a date"
        return date(year, month, day)
    for candidate_year in range(today.year, today.year + 9):
        if day <= _days_in(candidate_year, month):
            candidate = date(candidate_year, month, day)
            if candidate >= today:
                return candidate
    return f"{name} {day} is not a date"  # pragma: no cover - Feb 29 always recurs within 8 years


def _upcoming(today: date, weekday: int) -> date:
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def _next_week(today: date, weekday: int) -> date:
    return today - timedelta(days=today.weekday()) + timedelta(days=7 + weekday)


def _accept_weekday(scan: Scanner, m: re.Match[str]) -> bool:
    word = m.group("wd")
    full = word.lower() in FULL_WEEKDAYS
    follows = scan.text[m.end("wd") :]
    if word[0].isupper() and _NAME_NEXT.match(follows):
        # "Friday Night Lights": a capitalised weekday before another capitalised word is a name.
        nxt = follows.split()[0].lower().strip(".,")
        if nxt not in MONTHS and nxt not in WEEKDAYS:
            return False
    if m.group("mod") or m.group("nextweek") or m.group("part"):
        return True
    rest = scan.after(m.end())
    if m.group("cue"):
        return full or bool(_AFTER_ABBR.match(rest))
    return bool(_AFTER_BARE.match(rest))


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    """The nth (1..5, or -1 for the last) given weekday of a month, if it exists."""
    days = [
        date(year, month, d)
        for d in range(1, _days_in(year, month) + 1)
        if date(year, month, d).weekday() == weekday
    ]
    if nth == -1:
        return days[-1]
    return days[nth - 1] if nth <= len(days) else None


_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}


def _find_date(scan: Scanner, today: date, found: _Found) -> None:
    m = scan.search(_NTH_IN_MONTH)
    if m:
        scan.consume(*m.span())
        word = m["nth"].lower()
        nth = _NTH.get(word) or int(word[0])
        weekday = WEEKDAYS[m["wd"].lower()]
        if m["mon"]:
            mon, yr = MONTHS[m["mon"].lower()], int(m["y"]) if m["y"] else today.year
        else:
            base = today + relativedelta(months=1 if m["next"].lower() == "next" else 0)
            mon, yr = base.month, base.year
        nth_day = _nth_weekday(yr, mon, weekday, nth)
        if nth_day is not None and nth_day < today and not m["y"] and m["mon"]:
            nth_day = _nth_weekday(yr + 1, mon, weekday, nth)
        if nth_day is None:
            found.problem = f"that month has no {m['nth']} {m['wd']}"
        else:
            found.day = nth_day
        return
    m = scan.search(_NEXT_MONTH_DAY)
    if m:
        scan.consume(*m.span())
        n = int(m["d"] or m["d2"])
        base = today.replace(day=1) + relativedelta(months=1)
        if not 1 <= n <= _days_in(base.year, base.month):
            found.problem = f"{calendar.month_name[base.month]} {n} is not a date"
        else:
            found.day = base.replace(day=n)
        return
    m = scan.search(_FROM_DAY)
    if m:
        scan.consume(*m.span())
        n = number(m["n"]) or 1
        base_word = m["base"].lower()
        if base_word in ("today", "now"):
            base = today
        elif base_word.startswith("tom"):
            base = today + timedelta(days=1)
        else:
            base = _upcoming(today, WEEKDAYS[base_word])
        weeks = m["u"].lower().startswith("week")
        found.day = base + timedelta(days=n * (7 if weeks else 1))
        return
    m = scan.search(_ISO)
    if m:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        scan.consume(*m.span())
        if 1 <= mo <= 12 and 1 <= d <= _days_in(y, mo):
            found.day = date(y, mo, d)
        else:
            found.problem = f"{m['y']}-{m['m']}-{m['d']} is not a date"
        return
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        m = scan.search(pattern)
        if m:
            scan.consume(*m.span())
            result = _month_day(
                today, MONTHS[m["mon"].lower()], int(m["d"]), int(m["y"]) if m["y"] else None
            )
            if isinstance(result, str):
                found.problem = result
            else:
                found.day = result
            return
    m = scan.search(_RELATIVE_DAY)
    if m:
        scan.consume(*m.span())
        word = m["word"].lower()
        found.part = m["part"] or m["thispart"]
        if word.endswith("after tomorrow"):
            found.day = today + timedelta(days=2)
        elif (
            word.startswith("to") and word not in ("today", "tonight", "tonite")
        ) or word.startswith("tm"):
            found.day = today + timedelta(days=1)
        else:
            found.day = today
            found.fixed = True
            if word in ("tonight", "tonite") and not found.part:
                found.part = "evening"
        return
    for m in scan.finditer(_WEEKDAY):
        if not _accept_weekday(scan, m):
            continue
        scan.consume(*m.span())
        wd = WEEKDAYS[m["wd"].lower()]
        mod = " ".join((m["mod"] or "").lower().split())
        found.part = m["part"]
        if mod in ("next", "next week") or m["nextweek"]:
            found.day = _next_week(today, wd)
        else:
            found.day = _upcoming(today, wd)
            found.weekday_today = found.day == today
        return
    m = scan.search(_PERIOD)
    if m:
        scan.consume(*m.span())
        found.day = _period(m, today)
        return
    m = scan.search(_MONTH_DAY_ONLY)
    if m:
        day = int(m["d"])
        if 1 <= day <= 31:
            scan.consume(*m.span())
            first = today.replace(day=1)
            for offset in range(13):
                month = first + relativedelta(months=offset)
                if day <= _days_in(month.year, month.month):
                    candidate = month.replace(day=day)
                    if candidate >= today:
                        found.day = candidate
                        return
        return
    m = scan.search(_IN_DAYS)
    if m:
        scan.consume(*m.span())
        if m["fortnight"]:
            found.day = today + timedelta(days=14)
            return
        n = number(m["n"] or m["n2"]) or 1
        unit = (m["u"] or m["u2"]).lower().rstrip("s")
        delta = {
            "day": relativedelta(days=n),
            "week": relativedelta(weeks=n),
            "month": relativedelta(months=n),
            "year": relativedelta(years=n),
        }[unit]
        found.day = today + delta


def _period(m: re.Match[str], today: date) -> date:
    if m["nextunit"]:
        unit = m["nextunit"].split()[-1].lower()
        if unit == "week":
            return _next_week(today, 0)
        if unit == "month":
            return today.replace(day=1) + relativedelta(months=1)
        return date(today.year + 1, 1, 1)
    if m["edge"]:
        edge, unit = m["edge"].lower(), m["unit"].lower()
        # "the last day of the month" is its end, "the first day of next month" its start.
        edge = {"last": "end", "final": "end", "first": "start"}.get(edge.split()[0], edge)
        nxt = bool(m["which"]) and m["which"].strip().lower() == "next"
        if unit == "week":
            base = _next_week(today, 0) if nxt else today - timedelta(days=today.weekday())
            if edge != "end":
                return base
            friday = base + timedelta(days=4)
            return friday if friday >= today else friday + timedelta(days=7)
        if unit == "month":
            base = today.replace(day=1) + relativedelta(months=1 if nxt else 0)
            if edge != "end":
                return base if base >= today else base + relativedelta(months=1)
            return base.replace(day=_days_in(base.year, base.month))
        year = today.year + (1 if nxt else 0)
        return date(year, 12, 31) if edge == "end" else date(year, 1, 1)
    if (m["mod"] or "").lower() == "next":
        return _next_week(today, 5)
    if today.weekday() == 6:
        return today
    return _upcoming(today, 5)


def _find_time(scan: Scanner, found: _Found) -> None:
    for spoken in scan.finditer(_SPOKEN) if _may_say_clock(scan.masked) else ():
        said = _spoken(spoken, scan.text)
        if said is not None:
            scan.consume(*spoken.span())
            found.clock, found.bare_hour, found.zone = said.clock, said.bare, spoken["zone"]
            _part_of_day(scan, found, spoken.end())
            return
    m = scan.search(_AMPM)
    if m:
        h, mi = int(m["h"]), int(m["m"] or 0)
        if 1 <= h <= 12:
            scan.consume(*m.span())
            pm = m["ap"].lower().startswith("p")
            found.clock = time((h % 12) + (12 if pm else 0), mi)
            found.zone = m["zone"]
            _part_of_day(scan, found, m.end())
            return
    m = scan.search(_CLOCK)
    if m:
        scan.consume(*m.span())
        found.clock = time(int(m["h"]), int(m["m"]))
        found.bare_hour = not m["h"].startswith("0") and 1 <= int(m["h"]) <= 11
        found.zone = m["zone"]
        _part_of_day(scan, found, m.end())
        return
    m = scan.search(_BARE_HOUR)
    if m:
        h = int(m["h"] or m["h2"])
        if 0 <= h <= 23:
            scan.consume(*m.span())
            found.clock = time(h, 0)
            found.bare_hour = 1 <= h <= 11
            found.zone = m["zone"]
            _part_of_day(scan, found, m.end())
            return
    m = scan.search(_NAMED_TIME)
    if m:
        scan.consume(*m.span())
        found.clock = MIDNIGHT if m["name"].lower() == "midnight" else NOON
        found.zone = m["zone"]
        return
    _part_of_day(scan, found)


_PART_AFTER = _c(r"^\s+(?:in\s+(?:the\s+)?)?(?P<part>morning|afternoon|arvo|evening|night)\b")


def _part_of_day(scan: Scanner, found: _Found, after: int | None = None) -> None:
    """ "in the evening", "at night", "7 o'clock morning": the part of day, which also places
    a bare hour."""
    if after is not None and found.part is None:
        m = _PART_AFTER.match(scan.masked[after:])
        if m:
            scan.consume(after + m.start(), after + m.end())
            found.part = m["part"].lower()
            return
    m = scan.search(_PART_TIME)
    if m and found.part is None:
        scan.consume(*m.span())
        found.part = (m["part"] or m["night"]).lower()


def _resolve_clock(found: _Found) -> time | None:
    clock = found.clock
    if clock is None:
        return PARTS_OF_DAY[found.part.lower()] if found.part else None
    if found.bare_hour:
        part = (found.part or "").lower()
        if part == "morning":
            return clock
        if part in ("afternoon", "evening", "night") or 1 <= clock.hour <= 7:
            return clock.replace(hour=clock.hour + 12)
    return clock


def parse_when(text: str, now: datetime, tz: ZoneInfo) -> WhenMatch | None:
    """The due date/time named in ``text`` (None when there is none)."""
    scan = Scanner(text)
    return extract_when(scan, now, tz)


def extract_when(scan: Scanner, now: datetime, tz: ZoneInfo) -> WhenMatch | None:
    """Like parse_when, consuming the matched phrases from ``scan``."""
    before = len(scan.spans)
    local_now = now.astimezone(tz)
    today = local_now.date()
    m = scan.search(_IN_CLOCK)
    if m:
        scan.consume(*m.span())
        if m["half"]:
            minutes = 30.0
        else:
            n = float(number(m["n"]) or 1)
            unit = m["u"].lower()
            minutes = n * 60 if unit.startswith("h") else n
            if m["andhalf"]:
                minutes += 30 if unit.startswith("h") else 0.5
        moment = (now.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(tz)
        return WhenMatch(moment.date(), moment.time().replace(second=0, microsecond=0), (m.span(),))
    found = _Found()
    _find_date(scan, today, found)
    if found.problem:
        return WhenMatch(None, None, tuple(scan.spans[before:]), found.problem)
    _find_time(scan, found)
    clock = _resolve_clock(found)
    day = found.day
    if day is None and clock is None:
        return None
    date_given = day is not None
    if clock is not None and found.zone:
        day, clock = _convert(day, clock, zone_for(found.zone), tz, now)
    elif clock is not None and day is None:
        day = today if clock > local_now.time() else today + timedelta(days=1)
    elif clock is not None and found.weekday_today and clock <= local_now.time():
        day = today + timedelta(days=7)
    assert day is not None
    return WhenMatch(day, clock, tuple(scan.spans[before:]), date_given=date_given)


def _convert(
    day: date | None, clock: time, source: ZoneInfo, tz: ZoneInfo, now: datetime
) -> tuple[date, time]:
    """Read ``clock`` in ``source`` on ``day`` (or its next occurrence) as wall time in ``tz``."""
    if day is None:
        there = now.astimezone(source)
        moment = datetime.combine(there.date(), clock, tzinfo=source)
        if moment <= there:
            moment = datetime.combine(there.date() + timedelta(days=1), clock, tzinfo=source)
    else:
        moment = datetime.combine(day, clock, tzinfo=source)
    local = moment.astimezone(tz)
    return local.date(), local.time().replace(tzinfo=None)
