"""REST routes for todos: thin wrappers over TodoService."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Query, status

from todochat.api.deps import RuntimeDep, SessionDep, TodoServiceDep
from todochat.todos.schemas import (
    ClearedOut,
    CompletionOut,
    SnoozeIn,
    TagOut,
    TodoCreate,
    TodoOut,
    TodoPatch,
    TodoQuery,
    UndoOut,
)

router = APIRouter(prefix="/api", tags=["todos"])


@router.post("/todos", status_code=status.HTTP_201_CREATED, response_model=TodoOut)
async def create_todo(body: TodoCreate, todos: TodoServiceDep, session: SessionDep) -> TodoOut:
    """Create a todo."""
    todo = await todos.create(body)
    await session.commit()
    return todo


@router.get("/todos", response_model=list[TodoOut])
async def list_todos(query: Annotated[TodoQuery, Query()], todos: TodoServiceDep) -> list[TodoOut]:
    """List todos: open ones overdue first, then by due moment; completed ones newest first."""
    return await todos.find(query)


@router.post("/todos/clear-completed", response_model=ClearedOut)
async def clear_completed(todos: TodoServiceDep, session: SessionDep) -> ClearedOut:
    """Delete every completed todo."""
    deleted = await todos.clear_completed()
    await session.commit()
    return ClearedOut(deleted=deleted)


@router.post("/todos/undo", response_model=UndoOut)
async def undo(
    todos: TodoServiceDep,
    session: SessionDep,
    run_id: Annotated[str | None, Query(max_length=64)] = None,
) -> UndoOut:
    """Revert the last change: every todo one chat turn or one request changed, as it was.
    With ``run_id``: that chat turn's changes, and only if nothing changed since (else 409)."""
    out = await todos.undo(run_id)
    await session.commit()
    return out


@router.get("/todos/{todo_id}", response_model=TodoOut)
async def get_todo(todo_id: int, todos: TodoServiceDep) -> TodoOut:
    """One todo."""
    return await todos.get(todo_id)


@router.patch("/todos/{todo_id}", response_model=TodoOut)
async def update_todo(
    todo_id: int, body: TodoPatch, todos: TodoServiceDep, session: SessionDep
) -> TodoOut:
    """Change a todo; fields left out stay as they are."""
    todo = await todos.update(todo_id, body)
    await session.commit()
    return todo


@router.delete("/todos/{todo_id}", response_model=TodoOut)
async def delete_todo(todo_id: int, todos: TodoServiceDep, session: SessionDep) -> TodoOut:
    """Delete a todo; answers with the todo as it was."""
    todo = await todos.delete(todo_id)
    await session.commit()
    return todo


@router.post("/todos/{todo_id}/complete", response_model=CompletionOut)
async def complete_todo(todo_id: int, todos: TodoServiceDep, session: SessionDep) -> CompletionOut:
    """Complete a todo; a recurring one rolls forward to its next occurrence."""
    todo = await todos.complete(todo_id)
    await session.commit()
    return todo


@router.post("/todos/{todo_id}/uncomplete", response_model=TodoOut)
async def uncomplete_todo(todo_id: int, todos: TodoServiceDep, session: SessionDep) -> TodoOut:
    """Reopen a todo."""
    todo = await todos.uncomplete(todo_id)
    await session.commit()
    return todo


@router.post("/todos/{todo_id}/snooze", response_model=TodoOut)
async def snooze_todo(
    todo_id: int, body: SnoozeIn, todos: TodoServiceDep, runtime: RuntimeDep, session: SessionDep
) -> TodoOut:
    """Remind again later: after ``minutes``, or at ``until``."""
    until = body.until or runtime.clock() + timedelta(minutes=body.minutes or 0)
    todo = await todos.snooze(todo_id, until)
    await session.commit()
    return todo


@router.get("/tags", response_model=list[TagOut])
async def list_tags(todos: TodoServiceDep) -> list[TagOut]:
    """The user's tags with their open-todo counts."""
    return await todos.tags()
