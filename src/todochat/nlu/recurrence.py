"""Repeating schedules in English, turned into RRULE bodies ("FREQ=WEEKLY;BYDAY=MO,TH").

A rule needs a cue: "every"/"each", plural weekdays after "on" ("on mondays"), or one of
daily/weekly/monthly/yearly/annually/fortnightly/everyday as the last word of the task
("pay rent monthly"). "Monthly report" and "daily standup" stay titles.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from .dates import MONTH_RE, MONTHS, PARTS_OF_DAY, WD_RE, WEEKDAYS
from .text import NUMBER_RE, Scanner, Span, number, ordinal

CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_F = re.IGNORECASE
_EVERY = r"(?:every|each)"
_ORD = r"(?:\d{1,2})(?:st|nd|rd|th)"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _F)


_MONTHLY_DAY = _c(
    rf"\b(?:(?:on|by)\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+)?(?:of\s+)?"
    rf"{_EVERY}\s+month\b"
    rf"|\b(?:{_EVERY}\s+month|monthly)\s+on\s+the\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"|\b{_EVERY}\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)\b(?:\s+of\s+the\s+month)?(?!\s+(?:of\s+)?"
    rf"(?:{MONTH_RE}|{WD_RE})\b)"
)
_MONTHLY_LAST = _c(
    rf"\b(?:on\s+)?the\s+(?:last|final|end)\s+(?:day\s+)?of\s+{_EVERY}\s+month\b"
    rf"|\b(?:{_EVERY}\s+month|monthly)\s+on\s+the\s+(?:last|final)\s+day\b"
    rf"|\b(?:at\s+)?the\s+end\s+of\s+{_EVERY}\s+month\b"
)
_YEARLY = _c(
    rf"\b(?:(?:{_EVERY}\s+year|yearly|annually)\s+on\s+(?:the\s+)?|{_EVERY}\s+(?:the\s+)?)"
    rf"(?:(?P<mon>{MONTH_RE})\.?\s+(?:the\s+)?{_DAY}|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?(?P<mon2>{MONTH_RE}))\b"
)
_NTH_WEEKDAY = _c(
    rf"\b{_EVERY}\s+(?P<nth>first|second|third|fourth|last|{_ORD})\s+(?P<wd>{WD_RE})\b"
    r"(?:\s+of\s+(?:the|every|each)\s+month)?"
)
# "on the last friday of every month", "the first monday of each month", "last friday monthly".
_NTH_OF_MONTH = _c(
    rf"\b(?:on\s+)?(?:the\s+)?(?P<nth>first|second|third|fourth|last|final|{_ORD})\s+"
    rf"(?P<wd>{WD_RE})\b\.?\s+(?:of\s+|in\s+)?(?:{_EVERY}|the|a)\s+month\b"
    rf"|\b(?:on\s+)?(?:the\s+)?(?P<nth2>first|second|third|fourth|last|final|{_ORD})\s+"
    rf"(?P<wd2>{WD_RE})\b\.?\s+(?:monthly|{_EVERY}\s+month)\b"
)
# "weekdays at 7", "on weekdays", "weekends": the plural alone repeats.
_WEEKDAYS_PLURAL = _c(
    r"\b(?:on\s+)?(?P<which>week\s*days|work\s*days|weekends)\b"
    + r"(?:\s+(?:in\s+the\s+)?(?P<part>morning|afternoon|evening|night)\b)?"
)
# "every sunday evening", "every weekday morning": the part of day gives the time.
_PART = r"(?:\s+(?:in\s+the\s+)?(?P<part>morning|afternoon|evening|night)\b)?"
_WEEKDAYS_RULE = _c(rf"\b{_EVERY}\s+(?:other\s+)?(?:week\s*day|work\s*day|business\s+day)\b{_PART}")
_WEEKEND_RULE = _c(rf"\b{_EVERY}\s+weekend(?:\s+day)?\b{_PART}")
_SEP = r"\s*(?:,\s*and|,|and|&|\+)\s*"
_WEEKDAY_LIST = _c(
    rf"\b{_EVERY}\s+(?P<other>other\s+)?(?P<list>(?:{WD_RE})\b\.?(?:{_SEP}(?:{WD_RE})\b\.?)*)"
    + _PART
)
_PLURAL_LIST = _c(rf"\bon\s+(?P<list>(?:{WD_RE})s\b(?:{_SEP}(?:{WD_RE})s\b)*)" + _PART)
# "every other week on saturday", "every 2 weeks on mon and thu", "every week on tuesday".
_WEEKS_ON = _c(
    rf"\b{_EVERY}\s+(?:(?P<other>other\s+|second\s+)|(?P<n>{NUMBER_RE})\s+)?weeks?\s+on\s+"
    rf"(?:the\s+)?(?P<list>(?:{WD_RE})s?\b\.?(?:{_SEP}(?:{WD_RE})s?\b\.?)*)" + _PART
)
_EVERY_N = _c(rf"\b{_EVERY}\s+(?P<n>{NUMBER_RE})\s+(?P<unit>days|weeks|months|years)\b")
_EVERY_UNIT = _c(
    rf"\b{_EVERY}\s+(?P<other>other\s+|second\s+)?"
    r"(?P<unit>day|week|month|year|morning|afternoon|evening|night)\b"
)
_ADVERB = _c(
    r"(?:^|\s)(?P<adv>daily|everyday|weekly|fortnightly|biweekly|monthly|yearly|annually)"
    r"[.!]?$"
)
_FREQ_OF = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}
_ADVERBS = {
    "daily": "FREQ=DAILY",
    "everyday": "FREQ=DAILY",
    "weekly": "FREQ=WEEKLY",
    "fortnightly": "FREQ=WEEKLY;INTERVAL=2",
    "biweekly": "FREQ=WEEKLY;INTERVAL=2",
    "monthly": "FREQ=MONTHLY",
    "yearly": "FREQ=YEARLY",
    "annually": "FREQ=YEARLY",
}


@dataclass(frozen=True, slots=True)
class RecurrenceMatch:
    """A repeat rule found in text; ``clock`` is set by "every morning" and the like."""

    rrule: str | None
    clock: time | None
    spans: tuple[Span, ...]
    problem: str | None = None


def _codes(text: str) -> str:
    found: list[int] = []
    for word in re.findall(WD_RE, text, _F):
        day = WEEKDAYS[word.lower()]
        if day not in found:
            found.append(day)
    return ",".join(CODES[d] for d in sorted(found))


def _part(m: re.Match[str]) -> time | None:
    return PARTS_OF_DAY[m["part"].lower()] if m["part"] else None


def _match(scan: Scanner) -> tuple[re.Match[str], str, time | None] | str | None:
    m = scan.search(_MONTHLY_LAST)
    if m:
        return m, "FREQ=MONTHLY;BYMONTHDAY=-1", None
    m = scan.search(_MONTHLY_DAY)
    if m:
        day = int(m["d"] or m["d2"] or m["d3"])
        if not 1 <= day <= 31:
            return f"the {day}th is not a day of the month"
        return m, f"FREQ=MONTHLY;BYMONTHDAY={day}", None
    m = scan.search(_YEARLY)
    if m:
        month = MONTHS[(m["mon"] or m["mon2"]).lower()]
        day = int(m["d"] or m["d2"])
        if not 1 <= day <= calendar.monthrange(2024, month)[1]:
            return f"{calendar.month_name[month]} {day} is not a date"
        return m, f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}", None
    m = scan.search(_NTH_WEEKDAY)
    if m:
        nth = ordinal(m["nth"]) or 1
        if not -1 <= nth <= 4 or nth == 0:
            return "a month has at most 5 of each weekday"
        return m, f"FREQ=MONTHLY;BYDAY={nth}{CODES[WEEKDAYS[m['wd'].lower()]]}", None
    m = scan.search(_NTH_OF_MONTH)
    if m:
        word = (m["nth"] or m["nth2"]).lower()
        nth = -1 if word == "final" else (ordinal(word) or 1)
        if not -1 <= nth <= 4 or nth == 0:
            return "a month has at most 5 of each weekday"
        code = CODES[WEEKDAYS[(m["wd"] or m["wd2"]).lower()]]
        return m, f"FREQ=MONTHLY;BYDAY={nth}{code}", None
    m = scan.search(_WEEKS_ON)
    if m:
        n = 2 if m["other"] else (number(m["n"]) or 1) if m["n"] else 1
        if n < 1 or n > 999:
            return "the interval must be between 1 and 999"
        days = _codes(re.sub(r"(?<=[a-z])s\b", "", m["list"], flags=re.I))
        return m, f"FREQ=WEEKLY;BYDAY={days}" + (f";INTERVAL={n}" if n > 1 else ""), _part(m)
    m = scan.search(_WEEKDAYS_RULE)
    if m:
        return m, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", _part(m)
    m = scan.search(_WEEKDAYS_PLURAL)
    if m:
        days = "SA,SU" if m["which"].lower().startswith("weekend") else "MO,TU,WE,TH,FR"
        return m, f"FREQ=WEEKLY;BYDAY={days}", _part(m)
    m = scan.search(_WEEKEND_RULE)
    if m:
        return m, "FREQ=WEEKLY;BYDAY=SA,SU", _part(m)
    m = scan.search(_WEEKDAY_LIST)
    if m:
        interval = ";INTERVAL=2" if m["other"] else ""
        return m, f"FREQ=WEEKLY;BYDAY={_codes(m['list'])}{interval}", _part(m)
    m = scan.search(_PLURAL_LIST)
    if m:
        return m, f"FREQ=WEEKLY;BYDAY={_codes(m['list'])}", _part(m)
    m = scan.search(_EVERY_N)
    if m:
        n = number(m["n"]) or 1
        freq = _FREQ_OF[m["unit"].lower().rstrip("s")]
        if n < 1 or n > 999:
            return "the interval must be between 1 and 999"
        return m, f"FREQ={freq}" + (f";INTERVAL={n}" if n > 1 else ""), None
    m = scan.search(_EVERY_UNIT)
    if m:
        unit = m["unit"].lower()
        interval = ";INTERVAL=2" if m["other"] else ""
        if unit in PARTS_OF_DAY:
            return m, f"FREQ=DAILY{interval}", PARTS_OF_DAY[unit]
        return m, f"FREQ={_FREQ_OF[unit]}{interval}", None
    return None


def extract_recurrence(scan: Scanner) -> RecurrenceMatch | None:
    """Find a cued repeat rule ("every ...") and consume it from ``scan``."""
    result = _match(scan)
    if result is None:
        return None
    if isinstance(result, str):
        return RecurrenceMatch(None, None, (), result)
    m, body, clock = result
    scan.consume(*m.span())
    validate(body)
    return RecurrenceMatch(body, clock, (m.span(),))


def extract_trailing_adverb(scan: Scanner) -> RecurrenceMatch | None:
    """Find "daily"/"monthly"/... as the last remaining word (not the only one) and consume it."""
    masked = scan.masked.rstrip()
    m = _ADVERB.search(masked)
    if m is None or not masked[: m.start("adv")].strip():
        return None
    start, end = m.span("adv")
    scan.consume(start, end)
    return RecurrenceMatch(_ADVERBS[m["adv"].lower()], None, ((start, end),))


def parse_recurrence(text: str) -> RecurrenceMatch | None:
    """The repeat rule named in ``text``, cued by "every" or a trailing "daily"-like word."""
    scan = Scanner(text)
    return extract_recurrence(scan) or extract_trailing_adverb(scan)


@lru_cache(maxsize=512)
def validate(body: str) -> rrule:
    """Build the rule with dateutil; raises ValueError when it is not valid."""
    rule = rrulestr(body, dtstart=datetime(2000, 1, 1))
    if not isinstance(rule, rrule):  # pragma: no cover - a body without RRULE: is one rule
        raise ValueError(f"not a single rule: {body}")
    return rule


def first_occurrence(body: str, now: datetime, tz: ZoneInfo, at: time | None = None) -> date:
    """The first date the rule falls on from now (today counts if ``at`` has not passed).

    The INTERVAL is ignored here so "every other wednesday" starts this coming Wednesday
    rather than in two weeks; later occurrences keep the interval from that anchor.
    """
    local = now.astimezone(tz).replace(tzinfo=None, second=0, microsecond=0)
    plain = ";".join(p for p in body.split(";") if not p.upper().startswith("INTERVAL="))
    return _first(plain, local, at)


@lru_cache(maxsize=512)
def _first(body: str, local: datetime, at: time | None) -> date:
    # Cached: parsing an RRULE costs far more than the rest of a message.
    start = datetime.combine(local.date(), at or time(0))
    rule = rrulestr(body, dtstart=start)
    assert isinstance(rule, rrule)
    occurrence = rule.after(local if at is not None else start, inc=at is None)
    if occurrence is None:  # pragma: no cover - rules built here never end
        return local.date()
    return occurrence.date()
