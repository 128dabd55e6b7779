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
    lead = todo.get("remind_before_minutes")
    if lead and todo.get("due_time"):
        bits.append(f"reminder {_duration(lead)} before")
    return " · ".join(bits)


def _duration(minutes: int) -> str:
    if minutes % 1440 == 0:
        return plural(minutes // 1440, "day")
    if minutes % 60 == 0:
        return plural(minutes // 60, "hour")
    return f"{minutes} min"


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


def _title(out: dict[str, Any]) -> str:
    return f"'{out.get('title', '')}'"


def _update(args: dict[str, Any], out: dict[str, Any]) -> str:
    title = _title(out)
    changed = [k for k in args if k != "task_id"]
    if changed == ["title"]:
        return f"Renamed it to {title}."
    if changed == ["description"]:
        return f"Added a note to {title}: {out.get('description', '')}"
    if changed == ["clear_due"]:
        return f"Removed the due date from {title}."
    if set(changed) <= {"due_date", "due_time"} and out.get("due_date"):
        return f"Moved {title} to {when(out.get('due_date'), out.get('due_time'))}."
    if changed == ["priority"]:
        return f"Set {title} to {out.get('priority')} priority."
    if set(changed) <= {"tags", "add_tags", "remove_tags"}:
        tags = " ".join(f"#{t}" for t in out.get("tags") or []) or "no tags"
        return f"{title} now has {tags}."
    if "recurrence" in changed and set(changed) <= {"recurrence", "due_time"}:
        if not out.get("recurrence"):
            return f"{title} no longer repeats."
        return (
            f"{title} now repeats {repeat(out.get('recurrence'))}; next due "
            f"{when(out.get('due_date'), out.get('due_time'))}."
        )
    return f"Updated {describe(out)}."


def result(name: str, args: dict[str, Any], out: Any) -> str:
    """One line saying what a write did, from its result (never claiming what did not happen)."""
    if not isinstance(out, dict):
        return "Something went wrong; please try again."
    if "error" in out:
        if out.get("code") == "not_found":
            ident = args.get("task_id")
            return f"There's no todo #{ident}." if ident else "I couldn't find that todo."
        return f"I couldn't do that: {out['error']}"
    title = _title(out)
    match name:
        case "add_task":
            return f"Added {describe(out)}."
        case "complete_task":
            if out.get("rolled_forward"):
                return (
                    f"Done! {title} repeats {repeat(out.get('recurrence'))}, so it's "
                    f"next due {when(out.get('due_date'), out.get('due_time'))}."
                )
            return f"Completed {title}. ✓"
        case "uncomplete_task":
            return f"Reopened {title}."
        case "delete_task":
            return f"Deleted {title}."
        case "update_task":
            return _update(args, out)
        case "undo":
            return undone(out)
    return "Done."


def undone(out: dict[str, Any]) -> str:
    """What an undo put back."""
    if out.get("status") == "nothing_to_undo":
        return "There's nothing to undo."
    lines = []
    for change in out.get("changes") or []:
        title = _title(change)
        match change.get("status"):
            case "removed":
                lines.append(f"Removed {title} again.")
            case "restored":
                lines.append(f"Brought back {describe(change)}.")
            case _:
                lines.append(f"Put {describe(change)} back as it was.")
    return "Undone. " + " ".join(lines) if lines else "Undone."
