"""Todos: the TodoService with every rule, its schemas and the REST router."""

from todochat.todos.service import Owner, TodoService

__all__ = ["Owner", "TodoService"]
