"""What the offline assistant says: dates as people say them, todo lines, help."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

EXAMPLES = (
    "• add call the plumber tomorrow at 5pm p1\n"
    "• remind me to pay rent on the 1st of every month #home\n"
    "• what's due today? / show overdue / anything about milk?\n"
    "• done with call the plumber / move it to friday 9am\n"
    "• rename 'pay rent' to 'pay the rent' / delete the second one / clear completed"
)
HELP = "I keep your todo list. Tell me in plain English, for example:\n" + EXAMPLES
GREETING = "Hi! What would you like to get done? Say 'help' to see what I can do."
THANKS = "You're welcome!"
GOODBYE = "Bye! Your list is saved."
GIBBERISH = "Sorry, I didn't understand that. Try something like:\n" + EXAMPLES
FOREIGN = (
    "Sorry, I only understand English so far, so I haven't added anything. "
    "Try, for example, 'add buy milk tomorrow'."
)


def clock(t: time) -> str:
    """17:00 → '5 PM', 09:30 → '9:30 AM'."""
    hour = t.hour % 12 or 12
    suffix = "AM" if t.hour < 12 else "PM"
    return f"{hour} {suffix}" if t.minute == 0 else f"{hour}:{t.minute:02d} {suffix}"


def when(due_date: str | date | None, due_time: str | time | None) -> str:
    """'Sat, Nov 22 at 5 PM', 'Sat, Nov 22' or ''."""
    if not due_date:
        return ""
    day = date.fromisoformat(due_date) if isinstance(due_date, str) else due_date
    text = f"{day:%a}, {day:%b} {day.day}"
    if due_time:
        moment = time.fromisoformat(due_time) if isinstance(due_time, str) else due_time
        text += f" at {clock(moment)}"
    return text


RRULE_WORDS = {
    "DAILY": "every day",
    "WEEKLY": "every week",
    "MONTHLY": "every month",
    "YEARLY": "every year",
}
DAY_NAMES = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}


def repeat(rule: str | None) -> str:
    """A recurrence rule in words: 'every Monday and Thursday', 'every 3 days'."""
    if not rule:
        return ""
    parts = dict(p.split("=", 1) for p in rule.split(";") if "=" in p)
    freq = parts.get("FREQ", "")
    interval = int(parts.get("INTERVAL", "1") or 1)
    unit = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}.get(freq, "")
    days = parts.get("BYDAY", "")
    if freq == "WEEKLY" and days:
        names = [DAY_NAMES.get(d[-2:], d) for d in days.split(",")]
        if set(days.split(",")) == {"MO", "TU", "WE", "TH", "FR"}:
            return "every weekday"
        if set(days.split(",")) == {"SA", "SU"}:
            return "every weekend"
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return f"every {'other ' if interval == 2 else ''}{joined}"
    if interval > 1:
        return f"every {interval} {unit}s"
    if freq == "MONTHLY" and parts.get("BYMONTHDAY"):
        return f"on day {parts['BYMONTHDAY']} of every month"
    return RRULE_WORDS.get(freq, "repeating")


def describe(todo: dict[str, Any]) -> str:
    """ "'Call the plumber' · Sat, Nov 22 at 5 PM · high priority · #home"."""
    bits = [f"'{todo.get('title', '')}'"]
    moment = when(todo.get("due_date"), todo.get("due_time"))
    if moment:
        bits.append(moment)
    if todo.get("recurrence"):
        bits.append(repeat(todo["recurrence"]))
    if todo.get("priority") not in (None, "none"):
        bits.append(f"{todo['priority']} priority")
    bits.extend(f"#{t}" for t in todo.get("tags") or [])
    return " · ".join(bits)


def numbered(todos: list[dict[str, Any]], now: datetime | None = None) -> str:
    """Todos as numbered lines."""
    lines = []
    for i, todo in enumerate(todos, 1):
        mark = "✓ " if todo.get("completed") else ""
        lines.append(f"{i}. {mark}{describe(todo)}")
    return "\n".join(lines)


def plural(n: int, word: str) -> str:
    """'1 todo', '3 todos'."""
    return f"{n} {word}{'' if n == 1 else 's'}"
