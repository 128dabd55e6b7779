"""The agent's tools: thin wrappers over TodoService.

The user is taken from the run context, never from an argument, so nothing a model writes can
reach another user's todos. Every tool answers with JSON; a bad argument (unknown id, invalid
date or rule) comes back as ``{"error", "code"}`` for the model to read, not as an exception.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import date, time
from typing import Any, Literal

from agents import FunctionTool, ModelBehaviorError, RunContextWrapper, function_tool
from pydantic import ValidationError

from todochat.agent.context import FAILED, ToolJob, TurnContext
from todochat.errors import InvalidInput, NotFound
from todochat.todos.schemas import TodoCreate, TodoOut, TodoPatch, TodoQuery
from todochat.todos.service import TodoService

Priority = Literal["none", "low", "medium", "high"]

log = logging.getLogger("todochat.tools")


def _todo(todo: TodoOut, status: str | None = None, **extra: Any) -> dict[str, Any]:
    data = todo.model_dump(mode="json")
    data["task_id"] = data.pop("id")
    out: dict[str, Any] = {"task_id": data["task_id"]}
    if status is not None:
        out["status"] = status
    out.update(data)
    out.update(extra)
    return out


def _explain(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "input"
        message = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        parts.append(f"{where}: {message}")
    return "; ".join(parts)


async def _run(
    ctx: RunContextWrapper[TurnContext], work: Callable[[TodoService], Awaitable[Any]]
) -> str:
    """Run ``work`` in one transaction that commits once, in a task a Stop cannot cut off."""
    turn = ctx.context

    async def job() -> str:
        async with turn.db.session() as session:
            try:
                todos = TodoService(
                    session, turn.owner, clock=turn.clock, group=turn.run_id or None
                )
                result = await work(todos)
            except NotFound as exc:
                return json.dumps(
                    {"error": f"No {exc.kind} with id {exc.ident} exists.", "code": "not_found"}
                )
            except InvalidInput as exc:
                return json.dumps({"error": exc.message, "code": "invalid_input"})
            except ValidationError as exc:
                return json.dumps({"error": _explain(exc), "code": "invalid_input"})
            await turn.checkpoint("tool", turn.run_id)
            await session.commit()
        return json.dumps(result, ensure_ascii=False)

    # A task of its own, shielded: a Stop during a tool lets its one transaction finish, so no
    # change is left half applied, and the run, told what it did through ``turn.jobs``,
    # reports it before it ends.
    future: asyncio.Future[str] = asyncio.ensure_future(job())
    call_id = getattr(ctx, "tool_call_id", "") or f"call_{len(turn.jobs) + 1}"
    turn.jobs[call_id] = ToolJob(
        call_id=call_id,
        name=getattr(ctx, "tool_name", ""),
        arguments=getattr(ctx, "tool_arguments", "") or "{}",
        future=future,
    )
    return await asyncio.shield(future)


def tool_failed(_ctx: RunContextWrapper[Any], error: Exception) -> str:
    """What the model reads when a tool call fails outside its own checks: never the
    exception's text, which may hold SQL or data."""
    if isinstance(error, ModelBehaviorError):
        # Arguments that do not fit the tool's schema (a wrong type, an unknown value).
        log.info("tool arguments refused: %s", error)
        return json.dumps(
            {
                "error": "The arguments do not fit this tool; check the types and allowed values.",
                "code": "invalid_input",
            }
        )
    log.error("a tool failed", exc_info=error)
    return json.dumps(FAILED)


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _parse_time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


@function_tool(failure_error_function=tool_failed)
async def add_task(
    ctx: RunContextWrapper[TurnContext],
    title: str,
    description: str | None = None,
    due_date: str | None = None,
    due_time: str | None = None,
    priority: Priority | None = None,
    tags: list[str] | None = None,
    recurrence: str | None = None,
    remind_before_minutes: int | None = None,
) -> str:
    """Create a task. A task with a due time reminds the user at that time.

    Args:
        title: The task, in the user's words, without date or priority phrases.
        description: Optional longer notes.
        due_date: Due date YYYY-MM-DD in the user's timezone.
        due_time: Due time HH:MM (24 h) in the user's timezone; needs due_date.
        priority: none, low, medium or high.
        tags: Tag names without '#'.
        recurrence: RRULE body such as FREQ=WEEKLY;BYDAY=MO for repeating tasks.
        remind_before_minutes: Remind this many minutes before the due time ("remind me 30
            minutes before": 30); leave out to remind at the due time.
    """

    async def work(todos: TodoService) -> dict[str, Any]:
        body: dict[str, Any] = {"title": title}
        for key, value in (
            ("description", description),
            ("due_date", due_date),
            ("due_time", due_time),
            ("priority", priority),
            ("tags", tags),
            ("recurrence", recurrence),
            ("remind_before_minutes", remind_before_minutes),
        ):
            if value is not None:
                body[key] = value
        return _todo(await todos.create(TodoCreate.model_validate(body)), "created")

    return await _run(ctx, work)


@function_tool(failure_error_function=tool_failed)
async def list_tasks(
    ctx: RunContextWrapper[TurnContext],
    status: Literal["open", "completed", "all"] = "open",
    tag: str | None = None,
    priority: Priority | None = None,
    due: Literal["today", "overdue", "upcoming", "none"] | None = None,
    query: str | None = None,
    due_from: str | None = None,
    due_to: str | None = None,
) -> str:
    """List the user's tasks, open ones overdue first then by due date.

    Args:
        status: open (default), completed or all.
        tag: Only tasks with this tag.
        priority: Only tasks with this priority.
        due: today, overdue, upcoming (next 7 days) or none (no due date).
        query: Words that must appear in the title or description.
        due_from: Only tasks due on or after this date, YYYY-MM-DD (user's timezone).
        due_to: Only tasks due on or before this date, YYYY-MM-DD (user's timezone).
    """

    async def work(todos: TodoService) -> list[dict[str, Any]]:
        found = await todos.find(
            TodoQuery.model_validate(
                {
                    "status": status,
                    "tag": tag,
                    "priority": priority,
                    "due": due,
                    "q": query or None,
                    "due_from": due_from,
                    "due_to": due_to,
                }
            )
        )
        return [_todo(t) for t in found]

    return await _run(ctx, work)


@function_tool(failure_error_function=tool_failed)
async def search_tasks(ctx: RunContextWrapper[TurnContext], query: str) -> str:
    """Find tasks, open or completed, whose title or description contains all these words.

    Args:
        query: The words to look for.
    """

    async def work(todos: TodoService) -> list[dict[str, Any]]:
        return [_todo(t) for t in await todos.find(TodoQuery(status="all", q=query))]

    return await _run(ctx, work)


@function_tool(failure_error_function=tool_failed)
async def complete_task(ctx: RunContextWrapper[TurnContext], task_id: int) -> str:
    """Mark a task done; a repeating task moves to its next date instead.

    Args:
        task_id: The task's id.
    """

    async def work(todos: TodoService) -> dict[str, Any]:
        done = await todos.complete(task_id)
        data = done.model_dump()
        rolled = data.pop("rolled_forward")
        return _todo(TodoOut(**data), "completed", rolled_forward=rolled)

    return await _run(ctx, work)


@function_tool(failure_error_function=tool_failed)
async def uncomplete_task(ctx: RunContextWrapper[TurnContext], task_id: int) -> str:
    """Mark a completed task as not done.

    Args:
        task_id: The task's id.
    """

    async def work(todos: TodoService) -> dict[str, Any]:
        return _todo(await todos.uncomplete(task_id), "updated")

    return await _run(ctx, work)


@function_tool(failure_error_function=tool_failed)
async def update_task(
    ctx: RunContextWrapper[TurnContext],
    task_id: int,
    title: str | None = None,
    description: str | None = None,
    due_date: str | None = None,
    due_time: str | None = None,
    clear_due: bool = False,
    priority: Priority | None = None,
    tags: list[str] | None = None,
    add_tags: list[str] | None = None,
    remove_tags: list[str] | None = None,
    recurrence: str | None = None,
    remind_before_minutes: int | None = None,
) -> str:
    """Change a task. Only the fields given change.

    Args:
        task_id: The task's id.
        title: New title.
        description: New notes.
        due_date: New due date YYYY-MM-DD (user's timezone).
        due_time: New due time HH:MM (user's timezone).
        clear_due: True removes the due date and time.
        priority: none, low, medium or high.
        tags: Replace all tags with these.
        add_tags: Tags to add.
        remove_tags: Tags to remove.
        recurrence: New RRULE body; an empty string stops the repetition.
        remind_before_minutes: Remind this many minutes before the due time (0: at it).
    """

    async def work(todos: TodoService) -> dict[str, Any]:
        body: dict[str, Any] = {}
        if remind_before_minutes is not None:
            body["remind_before_minutes"] = remind_before_minutes
        for key, value in (
            ("title", title),
            ("description", description),
            ("priority", priority),
            ("tags", tags),
        ):
            if value is not None:
                body[key] = value
        if clear_due:
            body["due_date"] = None
            body["due_time"] = None
        else:
            if due_date is not None:
                body["due_date"] = due_date
            if due_time is not None:
                body["due_time"] = due_time
        if recurrence is not None:
            body["recurrence"] = recurrence or None
        if add_tags:
            body["add_tags"] = add_tags
        if remove_tags:
            body["remove_tags"] = remove_tags
        # One patch, validated whole before anything changes.
        patch = TodoPatch.model_validate(body)
        if body:
            return _todo(await todos.update(task_id, patch), "updated")
        return _todo(await todos.get(task_id), "updated")

    return await _run(ctx, work)


@function_tool(failure_error_function=tool_failed)
async def delete_task(ctx: RunContextWrapper[TurnContext], task_id: int) -> str:
    """Delete a task for good.

    Args:
        task_id: The task's id.
    """

    async def work(todos: TodoService) -> dict[str, Any]:
        return _todo(await todos.delete(task_id), "deleted")

    return await _run(ctx, work)


@function_tool(failure_error_function=tool_failed)
async def clear_completed(ctx: RunContextWrapper[TurnContext]) -> str:
    """Delete every completed task."""

    async def work(todos: TodoService) -> dict[str, Any]:
        return {"status": "cleared", "deleted": await todos.clear_completed()}

    return await _run(ctx, work)


@function_tool(failure_error_function=tool_failed)
async def list_tags(ctx: RunContextWrapper[TurnContext]) -> str:
    """List the user's tags with how many open tasks carry each."""

    async def work(todos: TodoService) -> list[dict[str, Any]]:
        return [t.model_dump() for t in await todos.tags()]

    return await _run(ctx, work)


@function_tool(failure_error_function=tool_failed)
async def undo(ctx: RunContextWrapper[TurnContext]) -> str:
    """Undo the user's last change: everything one message (or one action in the app) changed
    goes back to how it was; deleted tasks come back, added ones go."""

    async def work(todos: TodoService) -> dict[str, Any]:
        out = await todos.undo()
        if not out.undone:
            return {"status": "nothing_to_undo"}
        return {
            "status": "undone",
            "changes": [_todo(c.todo, c.action) for c in out.changes],
        }

    return await _run(ctx, work)


TOOLS: list[FunctionTool] = [
    add_task, list_tasks, search_tasks, complete_task, uncomplete_task, update_task,
    delete_task, clear_completed, list_tags, undo,
]  # fmt: skip
