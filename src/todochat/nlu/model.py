"""The typed results of parsing: task drafts, references and every intent."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, time
from typing import Literal

Priority = Literal["none", "low", "medium", "high"]
Status = Literal["open", "completed", "all"]
DueFilter = Literal["today", "overdue", "upcoming", "none"]
UnknownReason = Literal["gibberish", "foreign", "unclear"]

MAX_TITLE = 500


@dataclass(frozen=True, slots=True)
class TaskDraft:
    """A todo to create, with everything read from the text."""

    title: str
    due_date: date | None = None
    due_time: time | None = None
    priority: Priority | None = None
    tags: tuple[str, ...] = ()
    recurrence: str | None = None
    description: str | None = None
    # "remind me 30 minutes before": how long before the due time to remind.
    remind_before_minutes: int | None = None


@dataclass(frozen=True, slots=True)
class Reference:
    """How the user names an existing todo; resolved against the list by the caller."""

    quoted: str | None = None
    words: str | None = None
    ordinal: int | None = None
    pronoun: bool = False
    task_id: int | None = None
    # The phrase as written ("those two", "all the late ones"), for bulk selectors; not part
    # of what the reference means, so equal references compare equal however they were said.
    phrase: str | None = field(default=None, compare=False)
    # "the first and third": several ordinals.
    ordinals: tuple[int, ...] = ()

    @property
    def text(self) -> str | None:
        """The title text to search for (quoted wins over loose words)."""
        return self.quoted if self.quoted is not None else self.words


@dataclass(frozen=True, slots=True)
class Changes:
    """Changes to a todo read from a correction or a change request."""

    due_date: date | None = None
    due_time: time | None = None
    shift_days: int | None = None
    priority: Priority | None = None
    tags: tuple[str, ...] = ()
    untags: tuple[str, ...] = ()
    # An RRULE body, or "" to stop repeating; ``clock`` is the time a rule names ("every
    # morning").
    recurrence: str | None = None
    clock: time | None = None
    clear_due: bool = False
    title: str | None = None
    problem: str | None = None
    # New notes ("add a note to the hotel one: ask for a quiet room").
    description: str | None = None

    @property
    def empty(self) -> bool:
        """Nothing to change (and no title)."""
        return not (
            self.due_date or self.due_time or self.shift_days is not None or self.priority
            or self.tags or self.untags or self.recurrence is not None or self.clear_due
            or self.title or self.description
        )  # fmt: skip

    @property
    def slots(self) -> bool:
        """Something besides a title changes."""
        return not replace(self, title=None).empty


@dataclass(frozen=True, slots=True)
class Candidate:
    """A todo the reference may point at (the caller's list, in display order)."""

    id: int
    title: str


@dataclass(frozen=True, slots=True)
class CreateTasks:
    """Add one or more todos; ``explicit`` when the message said so ("add", "remind me to")."""

    tasks: tuple[TaskDraft, ...]
    explicit: bool = False
    kind: Literal["create_tasks"] = "create_tasks"


@dataclass(frozen=True, slots=True)
class InvalidDate:
    """The text names a date that does not exist, such as February 30."""

    message: str
    kind: Literal["invalid_date"] = "invalid_date"


@dataclass(frozen=True, slots=True)
class ListTasks:
    """Show todos, optionally filtered."""

    status: Status = "open"
    due: DueFilter | None = None
    tag: str | None = None
    priority: Priority | None = None
    query: str | None = None
    # A bare word that may be a tag ("show my errands", "the home list"): the dialogue checks.
    word: str | None = None
    due_from: date | None = None
    due_to: date | None = None
    kind: Literal["list_tasks"] = "list_tasks"


@dataclass(frozen=True, slots=True)
class Complete:
    """Mark a todo done."""

    ref: Reference
    kind: Literal["complete"] = "complete"


@dataclass(frozen=True, slots=True)
class Uncomplete:
    """Mark a done todo open again."""

    ref: Reference
    kind: Literal["uncomplete"] = "uncomplete"


@dataclass(frozen=True, slots=True)
class Rename:
    """Give a todo a new title."""

    ref: Reference
    new_title: str
    kind: Literal["rename"] = "rename"


@dataclass(frozen=True, slots=True)
class Reschedule:
    """Move a todo to a new due date (and time)."""

    ref: Reference
    due_date: date
    due_time: time | None = None
    kind: Literal["reschedule"] = "reschedule"


@dataclass(frozen=True, slots=True)
class ClearDue:
    """Remove a todo's due date."""

    ref: Reference
    kind: Literal["clear_due"] = "clear_due"


@dataclass(frozen=True, slots=True)
class SetPriority:
    """Change a todo's priority."""

    ref: Reference
    priority: Priority
    kind: Literal["set_priority"] = "set_priority"


@dataclass(frozen=True, slots=True)
class ChangeTags:
    """Add and/or remove tags on a todo."""

    ref: Reference
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    kind: Literal["change_tags"] = "change_tags"


@dataclass(frozen=True, slots=True)
class SetRecurrence:
    """Make a todo repeat (an RRULE body) or stop repeating (None)."""

    ref: Reference
    rrule: str | None
    due_time: time | None = None
    kind: Literal["set_recurrence"] = "set_recurrence"


@dataclass(frozen=True, slots=True)
class Update:
    """Several changes to one todo at once ("bump the gym one to p1 and tag it health")."""

    ref: Reference
    changes: Changes
    # The message read as a new todo instead ("put the bins out tonight"), for when the name
    # matches no todo.
    alternative: CreateTasks | None = None
    kind: Literal["update"] = "update"


@dataclass(frozen=True, slots=True)
class Check:
    """A question about a todo (is it there, when is it due): answered, nothing changes."""

    ref: Reference
    # "did I do the yuki gift already?": the answer is whether it is done.
    done: bool = False
    kind: Literal["check"] = "check"


@dataclass(frozen=True, slots=True)
class Delete:
    """Delete one todo."""

    ref: Reference
    kind: Literal["delete"] = "delete"


@dataclass(frozen=True, slots=True)
class ClearCompleted:
    """Delete every completed todo."""

    kind: Literal["clear_completed"] = "clear_completed"


@dataclass(frozen=True, slots=True)
class DeleteAll:
    """Delete every todo (the caller must confirm first)."""

    kind: Literal["delete_all"] = "delete_all"


@dataclass(frozen=True, slots=True)
class PostponeOverdue:
    """Move every overdue todo to a new date."""

    due_date: date
    due_time: time | None = None
    kind: Literal["postpone_overdue"] = "postpone_overdue"


@dataclass(frozen=True, slots=True)
class Greeting:
    """Hello."""

    kind: Literal["greeting"] = "greeting"


@dataclass(frozen=True, slots=True)
class Help:
    """What can you do?"""

    kind: Literal["help"] = "help"


@dataclass(frozen=True, slots=True)
class Thanks:
    """Thank you."""

    kind: Literal["thanks"] = "thanks"


@dataclass(frozen=True, slots=True)
class Goodbye:
    """Bye."""

    kind: Literal["goodbye"] = "goodbye"


@dataclass(frozen=True, slots=True)
class Confirm:
    """A yes or no answer to the assistant's question."""

    yes: bool
    kind: Literal["confirm"] = "confirm"


@dataclass(frozen=True, slots=True)
class Choose:
    """An answer to "which one?": a position in the offered list or some title words."""

    ordinal: int | None = None
    words: str | None = None
    kind: Literal["choose"] = "choose"


@dataclass(frozen=True, slots=True)
class Unknown:
    """Nothing actionable; ``text`` is the cleaned message for an "add it?" suggestion."""

    reason: UnknownReason
    text: str = ""
    kind: Literal["unknown"] = "unknown"


Intent = (
    CreateTasks
    | InvalidDate
    | ListTasks
    | Complete
    | Uncomplete
    | Rename
    | Reschedule
    | ClearDue
    | SetPriority
    | ChangeTags
    | SetRecurrence
    | Update
    | Check
    | Delete
    | ClearCompleted
    | DeleteAll
    | PostponeOverdue
    | Greeting
    | Help
    | Thanks
    | Goodbye
    | Confirm
    | Choose
    | Unknown
)
