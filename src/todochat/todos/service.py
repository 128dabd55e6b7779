"""TodoService: every rule about todos. Knows nothing of HTTP, chat or agents.

Its methods flush, never commit: the caller owns the transaction (a request commits once after
the service returns, a tool call once per call), so a change made of several steps, such as
new fields and new tags, is applied whole or not at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, case, func, insert, inspect, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from todochat.db.models import Tag, Todo, todo_tags
from todochat.db.statements import run
from todochat.db.types import utcnow
from todochat.errors import InvalidInput, TodoNotFound
from todochat.live.changes import mark
from todochat.timezones import zone
from todochat.todos import recurrence as rr
from todochat.todos.journal import Journal, snapshot
from todochat.todos.schemas import (
    MAX_DUE_DATE,
    MAX_TAGS,
    CompletionOut,
    TagOut,
    TodoCreate,
    TodoOut,
    TodoPatch,
    TodoQuery,
    UndoneTodo,
    UndoOut,
)
from todochat.todos.tags import tags_named

UPCOMING_DAYS = 7
MAX_ID = 2**31 - 1

_TODO_COLUMNS = [prop.key for prop in inspect(Todo).column_attrs if prop.key != "id"]
_INSERT_TODO = insert(Todo).returning(Todo.id)
_INSERT_TODO_TAGS = insert(todo_tags)


@dataclass(frozen=True)
class Owner:
    """Whose todos these are, and the timezone their dates are read in."""

    id: int
    timezone: str

    @property
    def tz(self) -> ZoneInfo:
        """The owner's zone."""
        return zone(self.timezone)


def local_instant(day: date, at: time | None, tz: ZoneInfo) -> datetime:
    """The UTC instant of a local date (midnight when no time) in ``tz``.

    A wall time skipped by a DST change resolves with the offset before the change, so it
    moves forward by the gap (2:30 on a spring-forward night becomes 3:30), as calendars do.
    """
    local = datetime.combine(day, at or time(0, 0), tzinfo=tz)
    return local.astimezone(UTC)


def _moment(state: dict[str, Any]) -> tuple[datetime | None, bool, bool]:
    due = state.get("due_at")
    return (
        datetime.fromisoformat(due) if isinstance(due, str) else None,
        bool(state.get("all_day")),
        bool(state.get("completed")),
    )


def render(todo: Todo, tz: ZoneInfo) -> TodoOut:
    """A todo as its owner sees it."""
    due_date: date | None = None
    due_time: str | None = None
    if todo.due_at is not None:
        local = todo.due_at.astimezone(tz)
        due_date = local.date()
        due_time = None if todo.all_day else local.strftime("%H:%M")
    return TodoOut(
        id=todo.id,
        title=todo.title,
        description=todo.description,
        completed=todo.completed,
        completed_at=todo.completed_at,
        due_date=due_date,
        due_time=due_time,
        due_at=todo.due_at,
        all_day=todo.all_day,
        priority=todo.priority,
        tags=sorted(tag.name for tag in todo.tags),
        recurrence=todo.recurrence,
        created_at=todo.created_at,
        updated_at=todo.updated_at,
        remind_before_minutes=todo.remind_before_minutes,
        remind_at=todo.remind_at,
    )


async def rebase_all_day_todos(session: AsyncSession, owner_id: int, old: str, new: str) -> None:
    """Keep all-day todos on their calendar date when the owner's timezone changes."""
    if old == new:
        return
    old_tz, new_tz = zone(old), zone(new)
    rows = await session.scalars(
        select(Todo).where(
            Todo.owner_id == owner_id, Todo.all_day.is_(True), Todo.due_at.is_not(None)
        )
    )
    for todo in rows:
        assert todo.due_at is not None
        todo.due_at = local_instant(todo.due_at.astimezone(old_tz).date(), None, new_tz)


class TodoService:
    """Todos of one owner; another user's todo is simply not found."""

    def __init__(
        self,
        session: AsyncSession,
        owner: Owner,
        clock: Callable[[], datetime] = utcnow,
        *,
        group: str | None = None,
    ) -> None:
        self._session = session
        self.owner = owner
        self._clock = clock
        # Changes made through this service are one group for undo: a chat turn passes its
        # run id; otherwise (a REST request) the service's own lifetime is the group.
        self._journal = Journal(session, owner.id, group or "req_" + uuid.uuid4().hex)

    # -- reading ---------------------------------------------------------------------------

    async def get(self, todo_id: int) -> TodoOut:
        """One todo by id."""
        return render(await self._load(todo_id), self.owner.tz)

    async def find(self, query: TodoQuery) -> list[TodoOut]:
        """Todos matching the filters, in the order people read a todo list."""
        now = self._clock()
        tz = self.owner.tz
        start_today = local_instant(now.astimezone(tz).date(), None, tz)
        start_tomorrow = local_instant(now.astimezone(tz).date() + timedelta(days=1), None, tz)
        stmt = select(Todo).where(Todo.owner_id == self.owner.id)
        if query.status == "open":
            stmt = stmt.where(Todo.completed.is_(False))
        elif query.status == "completed":
            stmt = stmt.where(Todo.completed.is_(True))
        if query.priority is not None:
            stmt = stmt.where(Todo.priority == query.priority)
        if query.tag:
            name = query.tag.strip().lstrip("#").lower()
            stmt = stmt.where(
                Todo.id.in_(
                    select(todo_tags.c.todo_id)
                    .join(Tag, Tag.id == todo_tags.c.tag_id)
                    .where(Tag.owner_id == self.owner.id, Tag.name == name)
                )
            )
        if query.q:
            for word in query.q.split()[:10]:
                stmt = stmt.where(
                    or_(
                        Todo.title.icontains(word, autoescape=True),
                        Todo.description.icontains(word, autoescape=True),
                    )
                )
        overdue = self._overdue_clause(now, start_today)
        if query.due == "today":
            stmt = stmt.where(Todo.due_at >= start_today, Todo.due_at < start_tomorrow)
        elif query.due == "overdue":
            stmt = stmt.where(overdue)
        elif query.due == "upcoming":
            horizon = local_instant(
                now.astimezone(tz).date() + timedelta(days=UPCOMING_DAYS + 1), None, tz
            )
            stmt = stmt.where(Todo.due_at >= start_tomorrow, Todo.due_at < horizon)
        elif query.due == "none":
            stmt = stmt.where(Todo.due_at.is_(None))
        if query.due_from is not None:
            stmt = stmt.where(Todo.due_at >= local_instant(query.due_from, None, tz))
        if query.due_to is not None:
            stmt = stmt.where(
                Todo.due_at < local_instant(query.due_to + timedelta(days=1), None, tz)
            )
        if query.status == "completed":
            stmt = stmt.order_by(Todo.completed_at.desc(), Todo.id.desc())
        else:
            stmt = stmt.order_by(
                Todo.completed.asc(),
                case((overdue, 0), else_=1),
                case((Todo.due_at.is_(None), 1), else_=0),
                Todo.due_at.asc(),
                Todo.all_day.desc(),
                Todo.id.asc(),
            )
        stmt = stmt.limit(query.limit).offset(query.offset)
        rows = await self._session.scalars(stmt)
        return [render(todo, tz) for todo in rows]

    async def tags(self) -> list[TagOut]:
        """The owner's tags with their open-todo counts."""
        open_count = func.count(Todo.id).filter(Todo.completed.is_(False))
        rows = await self._session.execute(
            select(Tag.name, open_count)
            .outerjoin(todo_tags, todo_tags.c.tag_id == Tag.id)
            .outerjoin(Todo, Todo.id == todo_tags.c.todo_id)
            .where(Tag.owner_id == self.owner.id)
            .group_by(Tag.id, Tag.name)
            .order_by(Tag.name)
        )
        return [TagOut(name=name, open_count=count) for name, count in rows]

    # -- writing ---------------------------------------------------------------------------

    async def create(self, data: TodoCreate) -> TodoOut:
        """A new todo."""
        now = self._clock()
        todo = Todo(
            owner_id=self.owner.id,
            title=data.title,
            description=data.description,
            priority=data.priority,
            completed=False,
            created_at=now,
            updated_at=now,
            remind_before_minutes=data.remind_before_minutes,
            reminder_missed=False,
        )
        self._apply_due(todo, data.due_date, data.due_time, data.due_at)
        tags = await tags_named(self._session, self.owner.id, data.tags)
        self._apply_recurrence(todo, data.recurrence)
        self._schedule(todo)
        # Written as prepared statements, not through the session's unit of work (two flushes
        # for one row and its journal entry, ~0.5 ms of a chat turn): the object stays
        # transient, it only carries the rules' results to the INSERT and the rendering.
        values = {key: getattr(todo, key) for key in _TODO_COLUMNS}
        todo.id = (await run(self._session, _INSERT_TODO, values)).scalar_one()
        if tags:
            links = [{"todo_id": todo.id, "tag_id": tag.id} for tag in tags]
            await run(self._session, _INSERT_TODO_TAGS, links)
        set_committed_value(todo, "tags", tags)
        await self._journal.write(todo.id, None, snapshot(todo), now)
        return render(todo, self.owner.tz)

    async def update(self, todo_id: int, patch: TodoPatch) -> TodoOut:
        """Change the fields given in ``patch``."""
        todo = await self._load(todo_id)
        before = snapshot(todo)
        given = patch.model_fields_set
        if "title" in given and patch.title is not None:
            todo.title = patch.title
        if "description" in given and patch.description is not None:
            todo.description = patch.description
        if "priority" in given and patch.priority is not None:
            todo.priority = patch.priority
        if patch.tags is not None or patch.add_tags or patch.remove_tags:
            names = [t.name for t in todo.tags] if patch.tags is None else list(patch.tags)
            drop = set(patch.remove_tags or ())
            names = [n for n in names if n not in drop]
            names += [n for n in patch.add_tags or () if n not in names]
            if len(names) > MAX_TAGS:
                raise InvalidInput("tags", f"a todo has at most {MAX_TAGS} tags")
            todo.tags = await tags_named(self._session, self.owner.id, names)
        if given & {"due_date", "due_time", "due_at"}:
            due_date, due_time = patch.due_date, patch.due_time
            if "due_date" not in given and "due_at" not in given and todo.due_at is not None:
                # Only the time changes: keep the existing date.
                due_date = todo.due_at.astimezone(self.owner.tz).date()
            if due_time is not None and due_date is None:
                raise InvalidInput("due_time", "due_time needs a due_date")
            self._apply_due(todo, due_date, due_time, patch.due_at)
        if "remind_before_minutes" in given:
            todo.remind_before_minutes = patch.remind_before_minutes
        if "recurrence" in given:
            self._apply_recurrence(todo, patch.recurrence)
        elif todo.recurrence is not None and todo.due_at is None:
            raise InvalidInput("due_date", "a repeating todo needs a due date; clear recurrence")
        if (
            "completed" in given
            and patch.completed is not None
            and patch.completed != todo.completed
        ):
            if patch.completed:
                self._complete(todo)
            else:
                self._uncomplete(todo)
        return await self._changed(todo, before)

    async def delete(self, todo_id: int) -> TodoOut:
        """Delete a todo; returns it as it was."""
        todo = await self._load(todo_id)
        out = render(todo, self.owner.tz)
        self._journal.record(todo.id, snapshot(todo), None, self._clock())
        await self._session.delete(todo)
        await self._session.flush()
        return out

    async def complete(self, todo_id: int) -> CompletionOut:
        """Complete a todo; a recurring one rolls forward to its next occurrence instead."""
        todo = await self._load(todo_id)
        before = snapshot(todo)
        rolled = self._complete(todo)
        out = await self._changed(todo, before)
        return CompletionOut(**out.model_dump(), rolled_forward=rolled)

    async def uncomplete(self, todo_id: int) -> TodoOut:
        """Reopen a completed todo."""
        todo = await self._load(todo_id)
        before = snapshot(todo)
        self._uncomplete(todo)
        return await self._changed(todo, before)

    async def clear_completed(self) -> int:
        """Delete every completed todo; returns how many."""
        done = list(
            await self._session.scalars(
                select(Todo).where(Todo.owner_id == self.owner.id, Todo.completed.is_(True))
            )
        )
        now = self._clock()
        for todo in done:
            self._journal.record(todo.id, snapshot(todo), None, now)
            await self._session.delete(todo)
        await self._session.flush()
        return len(done)

    async def undo(self, run_id: str | None = None) -> UndoOut:
        """Revert the owner's newest group of changes (one chat turn or one request); with
        ``run_id``, only if that turn's changes are the newest."""
        reverted, undone = await self._journal.undo(self._clock(), run_id)
        # A todo changed several times in the group is reported once, as it is now.
        seen: dict[int, UndoneTodo] = {}
        for item in reversed(reverted):
            seen[item.todo.id] = UndoneTodo(
                action=item.action, todo=render(item.todo, self.owner.tz)
            )
        return UndoOut(undone=undone, changes=list(seen.values()))

    async def snooze(self, todo_id: int, until: datetime) -> TodoOut:
        """Remind again at ``until`` (a reminder's "Snooze 1 h")."""
        todo = await self._load(todo_id)
        if todo.completed:
            raise InvalidInput("todo_id", "this todo is done; there is nothing to remind of")
        todo.remind_at = until.astimezone(UTC).replace(microsecond=0)
        todo.reminder_missed = False
        mark(self._session, self.owner.id, "todos", todo.id)
        await self._session.flush()
        return render(todo, self.owner.tz)

    async def _changed(self, todo: Todo, before: dict[str, Any]) -> TodoOut:
        todo.updated_at = self._clock()
        if _moment(before) != (todo.due_at, todo.all_day, todo.completed) or (
            before.get("remind_before_minutes", todo.remind_before_minutes)
            != todo.remind_before_minutes
        ):
            self._schedule(todo)
        await self._session.flush()
        self._journal.record(todo.id, before, snapshot(todo), todo.updated_at)
        return render(todo, self.owner.tz)

    # -- rules -----------------------------------------------------------------------------

    def _overdue_clause(self, now: datetime, start_today: datetime) -> ColumnElement[bool]:
        # All-day todos are overdue from the next local day on; timed ones once the moment passed.
        return and_(
            Todo.completed.is_(False),
            Todo.due_at.is_not(None),
            or_(
                and_(Todo.all_day.is_(True), Todo.due_at < start_today),
                and_(Todo.all_day.is_(False), Todo.due_at < now),
            ),
        )

    def _apply_due(
        self, todo: Todo, due_date: date | None, due_time: time | None, due_at: datetime | None
    ) -> None:
        if due_at is not None:
            todo.due_at = due_at.astimezone(UTC).replace(second=0, microsecond=0)
            todo.all_day = False
        elif due_date is not None:
            todo.due_at = local_instant(due_date, due_time, self.owner.tz)
            todo.all_day = due_time is None
        else:
            todo.due_at = None
            todo.all_day = False

    def _apply_recurrence(self, todo: Todo, body: str | None) -> None:
        if body is None:
            todo.recurrence = None
            return
        tz = self.owner.tz
        if todo.due_at is None:
            # A repeating todo with no date starts at its first occurrence from today.
            today = self._clock().astimezone(tz).date()
            first = rr.first_occurrence(body, datetime.combine(today, time(0, 0)))
            if first is None:
                raise InvalidInput("recurrence", "the rule has no occurrence from today on")
            todo.due_at = local_instant(first.date(), None, tz)
            todo.all_day = True
        assert todo.due_at is not None
        todo.recurrence = rr.anchor(body, todo.due_at.astimezone(tz).date())

    def _schedule(self, todo: Todo) -> None:
        """Arm the next reminder of a timed, open todo: its due moment less the lead time,
        unless that moment has passed or was reminded of already."""
        target = None
        if (
            not todo.completed
            and todo.due_at is not None
            and not todo.all_day
            and todo.remind_before_minutes is not None
        ):
            target = todo.due_at - timedelta(minutes=todo.remind_before_minutes)
        if target is None or target == todo.reminded_for or target <= self._clock():
            todo.remind_at = None
        else:
            todo.remind_at = target
            todo.reminder_missed = False

    def _complete(self, todo: Todo) -> bool:
        now = self._clock()
        if todo.recurrence and todo.due_at is not None and not todo.completed:
            tz = self.owner.tz
            due_local = todo.due_at.astimezone(tz).replace(tzinfo=None)
            now_local = now.astimezone(tz).replace(tzinfo=None)
            # All-day: never roll onto today; timed: never onto a moment already past.
            floor = datetime.combine(now_local.date(), time(0, 0)) if todo.all_day else now_local
            nxt = rr.next_occurrence(todo.recurrence, due_local, floor)
            if nxt is not None and nxt.date() <= MAX_DUE_DATE:
                todo.due_at = local_instant(nxt.date(), None if todo.all_day else nxt.time(), tz)
                return True
        todo.completed = True
        todo.completed_at = now
        return False

    def _uncomplete(self, todo: Todo) -> None:
        todo.completed = False
        todo.completed_at = None

    async def _load(self, todo_id: int) -> Todo:
        if not 1 <= todo_id <= MAX_ID:
            # Ids are 32-bit on PostgreSQL; a number outside cannot name a todo.
            raise TodoNotFound(todo_id)
        todo = await self._session.scalar(
            select(Todo).where(Todo.id == todo_id, Todo.owner_id == self.owner.id)
        )
        if todo is None:
            raise TodoNotFound(todo_id)
        return todo
