"""todochat.nlu: the offline assistant's English reader (pure, no I/O, no LLM).

``parse_message(text, now, tz)`` turns one chat message into one Intent. Dates are read in the
user's zone relative to ``now``; everything is deterministic.

Decided rules
- Defaults: morning 09:00, afternoon 15:00, evening/tonight/night 20:00, noon 12:00.
- A time with no date is today, or tomorrow when it has already passed ("at 9am" at 14:30).
- Bare hour needs "at"/"@"/"around" or "o'clock": "at 1".."at 7" are pm, "at 8".."at 11" am,
  "at 12" noon, "at 13".."at 23" as is; "morning"/"evening" nearby overrides ("tomorrow
  morning at 7" = 07:00). "5pm", "5:30 pm", "5 p.m.", "17:30" need no cue; "5:30" alone follows
  the bare-hour rule, "05:30" does not. Bare numbers ("buy 2 bottles", "read 1984") are text.
  "at like 9", "at around 5", "at about 5" are "at 9"/"at 5".
- Spoken clocks are the clock said, then the same rules: "half past 4" = 4:30 = 16:30, "quarter
  to 9" = 8:45 = 08:45 ("in the evening"/"pm"/"tonight": 20:45), "ten to 8" = 7:50 = 19:50,
  "quarter past 11 in the morning", "a quarter past 3", "twenty past six", "5 past 9",
  "quarter to midnight" = 23:45. Minutes are quarter/half or 5/10/20/25 (others with
  "minutes": "3 minutes past 6"). British "half 5" = 5:30 only with a cue ("at half 5").
  "at nine", "at like nine", "at six forty-five"; "six forty-five" with no cue only next to a
  day or part of day ("tomorrow six forty-five") or am/pm. "ten to seven" needs no cue, but
  "five to ten" (counting up, like a range) does, or a day next to it; digits before "to" need
  "at" ("at 10 to 7"; "move 5 to 9" is not a time). "from ten to seven", "half price", "quarter
  final", "twenty past", "half an hour", "past due" are not clocks.
- Weekdays: "friday", "on/by/this friday" = the next Friday, today included (unless a time given
  for today has passed: then a week later). "next friday" = the Friday of next week (Monday-based
  weeks), so on Saturday 21 Nov it is 27 Nov and on Monday 16 Nov it is 27 Nov too.
  "next week" = next Monday; "this weekend" = Saturday (today on Sat/Sun); "next weekend" = the
  Saturday of next week; "end of week" = this week's Friday (next week's once it has passed);
  "end of month/year" = last day; "next month" = the 1st of next month; "in N days/weeks/months".
- A weekday word is a date only with a cue: on/by/this/next/until/before/due/for before it, a
  time or part of day after it ("friday at 5", "friday morning"), or standing at the end
  ("call mom friday"). A capitalised weekday followed by a capitalised word is a name ("Watch
  Friday Night Lights", "Sunday Roast"). Abbreviations ("sat") need a cue and must not be
  followed by a noun ("turn on sat nav" stays text).
- Months are dates only next to a day number ("Dec 15", "15th of December", "December 15, 2027";
  "May conference", "march in the parade", "I may need" stay text). A month-day that has passed
  this year means next year. Numeric dates only as ISO "2026-12-15" (15/12 vs 12/15 is
  ambiguous). "on the 3rd" = the next 3rd of a month, today included.
- Impossible dates ("February 30", "April 31", "2026-02-30") give InvalidDate, never a shift.
- Zones: "9am JST", "3pm EST", "10:00 UTC" (see zones.ZONE_ABBREVIATIONS) name the region's
  civil time; the date words are read in the user's calendar, the clock in that zone, and the
  result is converted to the user's wall time (which can change the date). Without a date the
  next occurrence of that clock time in that zone is used.
- DST: results are wall-clock date + naive time in the user's zone; a non-existent or repeated
  local time ("2:30" on a change day) is returned as typed for storage to resolve (fold=0).
  "in 2 hours" is computed on absolute time, so it is exact across a change.
- Recurrence needs "every"/"each", "on mondays", "on the 15th of every month", or a trailing
  daily/weekly/monthly/yearly/annually/fortnightly ("pay rent monthly"; "monthly report",
  "daily standup" stay titles). "every morning/evening" = daily at 09:00/20:00; a part of day
  after repeating weekdays gives the time ("every sunday evening" = Sundays 20:00). The first due
  date is the first occurrence from now (recurrence.first_occurrence; INTERVAL starts this cycle).
- Priority: p1=high, p2=medium, p3=low, p4=none; "high/medium/low priority", "priority high";
  "urgent"/"important"/"asap"/"!!!" only at the start or end of a task.
- Tags: "#work" (must start with a letter, lower-cased, [a-z0-9_-]), "tagged work and home",
  "with tags a, b". "#2" is not a tag; as a reference it means the second item.
- Several todos only for clear lists: a count ("add three tasks: a, b, c"), a header ("these:",
  "the following:", "tasks:"), bullet/new lines, ";" between items that each start with a task
  verb (or after a colon), a colon after the command with 3+ items, or 3+ comma items that
  each start with a task verb. "buy eggs and milk" is one todo.
- Bare text becomes a todo only when it starts with a common task verb ("buy milk") or carries
  a date/priority/tag/repeat cue; questions and anything else are Unknown("unclear").
- Non-English (non-Latin script, or Spanish/French/German/Italian/Portuguese/Dutch words with
  no English) is Unknown("foreign"); keyboard mash is Unknown("gibberish"). After an explicit
  "add", a foreign-language title is kept.
- Only the first 600 characters are read; titles are capped at 500.

Not understood yet: numeric day/month dates, "in May" (month without day), relative moves of a
todo's own date ("push X back two days"), ranges/durations ("from 2 to 4"), "every N hours",
end dates for repeats ("until June", "for 3 weeks"), reminders separate from due times, several
commands in one message, non-English languages.
"""

from .acts import Act, read_act, read_changes
from .dates import AFTERNOON, EVENING, MORNING, NOON, WhenMatch, parse_when
from .intents import as_new_todo, parse_message, prepare
from .listing import day_window, read_window
from .model import (
    Candidate,
    Changes,
    ChangeTags,
    Check,
    Choose,
    ClearCompleted,
    ClearDue,
    Complete,
    Confirm,
    CreateTasks,
    Delete,
    DeleteAll,
    Goodbye,
    Greeting,
    Help,
    Intent,
    InvalidDate,
    ListTasks,
    PostponeOverdue,
    Priority,
    Reference,
    Rename,
    Reschedule,
    SetPriority,
    SetRecurrence,
    TaskDraft,
    Thanks,
    Uncomplete,
    Unknown,
    Update,
)
from .recurrence import RecurrenceMatch, first_occurrence, parse_recurrence
from .references import match_reference, parse_reference, split_references
from .selectors import Selector, bulk_selector
from .tasks import add_details, details_of, starts_with_task_verb
from .titles import clean_title

__all__ = [
    "AFTERNOON",
    "EVENING",
    "MORNING",
    "NOON",
    "Act",
    "Candidate",
    "ChangeTags",
    "Changes",
    "Check",
    "Choose",
    "ClearCompleted",
    "ClearDue",
    "Complete",
    "Confirm",
    "CreateTasks",
    "Delete",
    "DeleteAll",
    "Goodbye",
    "Greeting",
    "Help",
    "Intent",
    "InvalidDate",
    "ListTasks",
    "PostponeOverdue",
    "Priority",
    "RecurrenceMatch",
    "Reference",
    "Rename",
    "Reschedule",
    "Selector",
    "SetPriority",
    "SetRecurrence",
    "TaskDraft",
    "Thanks",
    "Uncomplete",
    "Unknown",
    "Update",
    "WhenMatch",
    "add_details",
    "as_new_todo",
    "bulk_selector",
    "clean_title",
    "day_window",
    "details_of",
    "first_occurrence",
    "match_reference",
    "parse_message",
    "parse_recurrence",
    "parse_reference",
    "parse_when",
    "prepare",
    "read_act",
    "read_changes",
    "read_window",
    "split_references",
    "starts_with_task_verb",
]
