"""Todo request and response bodies, with the validation rules a person can read."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from todochat.textrules import PlainText, no_nul
from todochat.todos.recurrence import RecurrenceError, normalise

Priority = Literal["none", "low", "medium", "high"]
Status = Literal["open", "completed", "all"]
DueFilter = Literal["today", "overdue", "upcoming", "none"]

MAX_TAGS = 20
# Due dates are kept a day inside the calendar's ends: a date is stored as a UTC instant and
# shown in the owner's timezone (up to 14 hours away), which must not leave years 1–9999.
MIN_DUE_DATE = date(1900, 1, 1)
MAX_DUE_DATE = date(9998, 12, 31)


def _due_date(value: date | None) -> date | None:
    if value is not None and not MIN_DUE_DATE <= value <= MAX_DUE_DATE:
        raise ValueError(f"due dates are between {MIN_DUE_DATE} and {MAX_DUE_DATE}")
    return value


def _due_at(value: datetime | None) -> datetime | None:
    if value is not None:
        try:
            day = value.astimezone(UTC).date()
        except OverflowError:
            day = None
        if day is None or not MIN_DUE_DATE <= day <= MAX_DUE_DATE:
            raise ValueError(f"due dates are between {MIN_DUE_DATE} and {MAX_DUE_DATE}")
    return value


def _title(value: str) -> str:
    no_nul(value)
    if not value.strip():
        raise ValueError("title must not be blank")
    return value


def _tag(value: str) -> str:
    no_nul(value)
    name = value.strip().lstrip("#").lower()
    if not name:
        raise ValueError("a tag must not be empty")
    if len(name) > 64:
        raise ValueError("a tag is at most 64 characters")
    if any(ch.isspace() or ch in ",#" for ch in name) or not name.isprintable():
        raise ValueError(f"tag {value!r} may not contain spaces, commas or '#'")
    return name


def _tags(values: list[str]) -> list[str]:
    unique = list(dict.fromkeys(values))
    if len(unique) > MAX_TAGS:
        raise ValueError(f"at most {MAX_TAGS} tags")
    return unique


def _recurrence(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return normalise(value)
    except RecurrenceError as exc:
        raise ValueError(str(exc)) from exc


def _hhmm(value: object) -> object:
    # Accept "17:30" (and "17:30:00"); reject seconds other than zero so "HH:MM" stays exact.
    if isinstance(value, str):
        try:
            parsed = time.fromisoformat(value)
        except ValueError as exc:
            raise ValueError("due_time must be HH:MM, e.g. 17:30") from exc
        if parsed.second or parsed.microsecond or parsed.tzinfo:
            raise ValueError("due_time must be HH:MM, e.g. 17:30")
        return parsed
    return value


Title = Annotated[str, Field(min_length=1, max_length=500), AfterValidator(_title)]
Description = Annotated[str, Field(max_length=5000), AfterValidator(no_nul)]
TagName = Annotated[str, Field(max_length=65), AfterValidator(_tag)]
Tags = Annotated[list[TagName], AfterValidator(_tags)]
Recurrence = Annotated[str | None, Field(max_length=255), AfterValidator(_recurrence)]
DueTime = Annotated[time, BeforeValidator(_hhmm)]


DueDate = Annotated[date | None, AfterValidator(_due_date)]
DueAt = Annotated[AwareDatetime | None, AfterValidator(_due_at)]


class _DueFields(BaseModel):
    due_date: DueDate = None
    due_time: DueTime | None = None
    due_at: DueAt = Field(
        default=None, description="ISO 8601 instant with offset; alternative to due_date/due_time"
    )

    @model_validator(mode="after")
    def _due_consistent(self) -> _DueFields:
        given = self.model_fields_set
        if (
            "due_at" in given
            and self.due_at is not None
            and (self.due_date is not None or self.due_time is not None)
        ):
            raise ValueError("give either due_at or due_date/due_time, not both")
        if self.due_time is not None and self.due_date is None and "due_date" in given:
            raise ValueError("due_time needs a due_date")
        return self


# A reminder up to a week ahead of the due moment; null: no reminder for this todo.
RemindBefore = Annotated[int | None, Field(ge=0, le=7 * 24 * 60)]


class TodoCreate(_DueFields):
    """A new todo."""

    model_config = ConfigDict(extra="forbid")

    title: Title
    description: Description = ""
    priority: Priority = "none"
    tags: Tags = Field(default_factory=list)
    recurrence: Recurrence = None
    remind_before_minutes: RemindBefore = 0

    @model_validator(mode="after")
    def _time_needs_date(self) -> TodoCreate:
        if self.due_time is not None and self.due_date is None:
            raise ValueError("due_time needs a due_date")
        return self


class TodoPatch(_DueFields):
    """Changes to a todo; a field set to null clears it, a field left out stays."""

    model_config = ConfigDict(extra="forbid")

    title: Title | None = None
    description: Description | None = None
    priority: Priority | None = None
    tags: Tags | None = Field(default=None, description="replace all tags with these")
    add_tags: Tags | None = Field(default=None, description="tags to add, keeping the others")
    remove_tags: Tags | None = Field(default=None, description="tags to remove")
    recurrence: Recurrence = None
    completed: bool | None = None
    remind_before_minutes: RemindBefore = None

    @model_validator(mode="after")
    def _required_not_null(self) -> TodoPatch:
        for name in ("title", "description", "priority", "tags", "completed"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class TodoQuery(BaseModel):
    """Filters for listing todos."""

    status: Status = "open"
    tag: PlainText | None = Field(default=None, max_length=65)
    priority: Priority | None = None
    due: DueFilter | None = None
    q: PlainText | None = Field(default=None, max_length=200)
    due_from: DueDate = Field(default=None, description="due on or after this date")
    due_to: DueDate = Field(default=None, description="due on or before this date")
    limit: int = Field(default=100, ge=1, le=500)
    offset: int = Field(default=0, ge=0, le=2**31 - 1)


class TodoOut(BaseModel):
    """A todo as its owner sees it: dates in the owner's timezone, ``due_at`` in UTC."""

    id: int
    title: str
    description: str
    completed: bool
    completed_at: datetime | None
    due_date: date | None
    due_time: str | None = Field(description="HH:MM in the owner's timezone")
    due_at: datetime | None
    all_day: bool
    priority: Priority
    tags: list[str]
    recurrence: str | None
    created_at: datetime
    updated_at: datetime
    remind_before_minutes: int | None = Field(
        description="minutes before a timed todo's due moment it reminds; null: no reminder"
    )
    remind_at: datetime | None = Field(description="when the next reminder fires (UTC)")


class SnoozeIn(BaseModel):
    """Remind again later."""

    model_config = ConfigDict(extra="forbid")

    minutes: int | None = Field(default=None, ge=1, le=7 * 24 * 60)
    until: datetime | None = Field(default=None, description="an instant with its offset")

    @model_validator(mode="after")
    def _one(self) -> SnoozeIn:
        if (self.minutes is None) == (self.until is None):
            raise ValueError("give minutes or until")
        if self.until is not None and self.until.tzinfo is None:
            raise ValueError("until needs a UTC offset, such as 2027-03-06T17:00:00Z")
        return self


class CompletionOut(TodoOut):
    """A completed todo; a recurring one is rolled forward instead of closed."""

    rolled_forward: bool = False


class TagOut(BaseModel):
    """A tag with how many open todos carry it."""

    name: str
    open_count: int


class ClearedOut(BaseModel):
    """How many completed todos were deleted."""

    deleted: int


class UndoneTodo(BaseModel):
    """A todo an undo changed: ``removed`` (it had been created), ``restored`` (it had been
    deleted) or ``reverted`` (its fields are back as they were)."""

    action: Literal["removed", "restored", "reverted"]
    todo: TodoOut


class UndoOut(BaseModel):
    """What an undo did; ``undone`` is false when there was nothing to undo."""

    undone: bool
    changes: list[UndoneTodo]
