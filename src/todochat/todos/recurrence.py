"""Recurrence rules (RRULE bodies): validation, anchoring and the next occurrence.

Decisions, so nobody "fixes" them back:
- A rule is anchored when stored: ``FREQ=WEEKLY`` without ``BYDAY`` gets the due date's weekday,
  ``FREQ=MONTHLY`` without ``BYMONTHDAY``/``BYDAY`` gets its day of month, ``FREQ=YEARLY`` gets
  month and day. Otherwise rolling from a clamped date (Feb 28) would drift the anchor.
- Monthly on day 29–31 clamps to the month's last day ("rent on the 31st" is due Feb 28), where
  RFC 5545 would skip short months; people mean the former.
- Rolling forward lands on the first occurrence after both the current due moment and now, so
  completing an overdue daily todo never leaves it overdue.
"""

from __future__ import annotations

from datetime import date, datetime

from dateutil.rrule import rrule, rrulestr

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_ALLOWED = {
    "FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS",
    "BYYEARDAY", "BYWEEKNO", "BYHOUR", "BYMINUTE", "WKST",
}  # fmt: skip
_FREQS = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}


class RecurrenceError(ValueError):
    """The text is not a usable RRULE body."""


def _parts(body: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for chunk in body.split(";"):
        if not chunk:
            continue
        if "=" not in chunk:
            raise RecurrenceError(f"'{chunk}' is not NAME=VALUE")
        name, value = chunk.split("=", 1)
        name = name.strip().upper()
        if name not in _ALLOWED:
            raise RecurrenceError(f"'{name}' is not supported in a recurrence rule")
        if name in parts:
            raise RecurrenceError(f"'{name}' is given twice")
        parts[name] = value.strip().upper()
    return parts


def _join(parts: dict[str, str]) -> str:
    order = ["FREQ", *sorted(k for k in parts if k != "FREQ")]
    return ";".join(f"{k}={parts[k]}" for k in order if k in parts)


def normalise(text: str) -> str:
    """A canonical RRULE body (``FREQ=...;...``); raises RecurrenceError with a reason."""
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    if not body:
        raise RecurrenceError("the rule is empty")
    if len(body) > 255:
        raise RecurrenceError("the rule is longer than 255 characters")
    parts = _parts(body)
    freq = parts.get("FREQ")
    if freq is None:
        raise RecurrenceError("FREQ is required, e.g. FREQ=WEEKLY;BYDAY=MO")
    if freq not in _FREQS:
        raise RecurrenceError("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY")
    canonical = _join(parts)
    try:
        rrulestr(canonical, dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError) as exc:
        raise RecurrenceError(f"not a valid RRULE: {exc}") from exc
    return canonical


def anchor(body: str, due: date) -> str:
    """Pin the rule's implicit parts to ``due`` so later roll-forwards keep the same anchor."""
    parts = _parts(body)
    freq = parts["FREQ"]
    if freq == "WEEKLY" and "BYDAY" not in parts:
        parts["BYDAY"] = _WEEKDAYS[due.weekday()]
    elif freq == "MONTHLY" and not {"BYMONTHDAY", "BYDAY", "BYYEARDAY"} & parts.keys():
        parts["BYMONTHDAY"] = str(due.day)
    elif freq == "YEARLY" and not {"BYMONTH", "BYMONTHDAY", "BYDAY", "BYYEARDAY", "BYWEEKNO"} & (
        parts.keys()
    ):
        parts["BYMONTH"] = str(due.month)
        parts["BYMONTHDAY"] = str(due.day)
    return _join(parts)


def _clamped(body: str) -> str:
    parts = _parts(body)
    day = parts.get("BYMONTHDAY", "")
    if (
        parts["FREQ"] == "MONTHLY"
        and day.isdigit()
        and 29 <= int(day) <= 31
        and not {"BYSETPOS", "BYDAY"} & parts.keys()
    ):
        parts["BYMONTHDAY"] = ",".join(str(d) for d in range(28, int(day) + 1))
        parts["BYSETPOS"] = "-1"
    return _join(parts)


def _rule(body: str, start: datetime) -> rrule:
    rule = rrulestr(_clamped(body), dtstart=start)
    assert isinstance(rule, rrule)
    return rule


def next_occurrence(body: str, due_local: datetime, not_before: datetime) -> datetime | None:
    """The first occurrence after ``due_local`` and after ``not_before`` (naive local times).

    None when the rule has run out (COUNT or UNTIL).
    """
    rule = _rule(body, due_local)
    return rule.after(max(due_local, not_before), inc=False)


def first_occurrence(body: str, start_local: datetime) -> datetime | None:
    """The first occurrence at or after ``start_local`` (naive local time)."""
    return _rule(body, start_local).after(start_local, inc=True)
