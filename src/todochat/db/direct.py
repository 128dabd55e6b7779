"""A prepared Core statement run straight on the ``sqlite3`` connection.

On a SQLite file (``todochat.db.sqlite_inline``), a statement's own work in SQLite is a few
microseconds; SQLAlchemy's execution path around it (an execution context, its parameters, a
greenlet to reach the driver, the driver adapter's cursor, a result object) is several times
that, and a chat turn runs about a dozen such statements. Here a statement is compiled once by
SQLAlchemy for the connection's dialect and given parameter names, and every call afterwards
does only what that execution would do to the values: the statement's own literal values and
the columns' Python-side defaults filled in, each value through its type's bind processor, each
returned value through its type's result processor. Rows come back as named tuples.

What this does not do, and so ``plan`` refuses (the caller then runs the statement through
SQLAlchemy): statements whose parameters SQLAlchemy rewrites at execution time (expanding
``IN``, literal-execute values), escaped parameter names, and column defaults that read the
execution context. Errors are raised as SQLAlchemy's (``IntegrityError`` and the rest), as
callers expect from SQLAlchemy.
"""

from __future__ import annotations

import collections
import sqlite3
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Executable
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError, MultipleResultsFound, NoResultFound, StatementError
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement
from sqlalchemy.sql.schema import Column

# (parameter name, value when the caller gives none, bind processor)
_Slot = tuple[str, Callable[[], Any], Callable[[Any], Any] | None]


def _missing(name: str) -> Callable[[], Any]:
    def missing() -> Any:
        raise StatementError(f"A value is required for bind parameter {name!r}", None, None, None)

    return missing


def _constant(value: Any) -> Callable[[], Any]:
    return lambda: value


@dataclass(frozen=True, slots=True)
class Plan:
    """One statement compiled for one dialect and one set of parameter names."""

    dialect: Dialect
    sql: str
    slots: tuple[_Slot, ...]
    # None: the statement returns no rows.
    row: type[tuple[Any, ...]] | None
    readers: tuple[Callable[[Any], Any] | None, ...]

    def arguments(self, params: dict[str, Any]) -> list[Any]:
        values = []
        for name, fallback, process in self.slots:
            value = params[name] if name in params else fallback()
            values.append(value if process is None else process(value))
        return values


def _row_type(names: list[str]) -> type[tuple[Any, ...]]:
    made: type[tuple[Any, ...]] = collections.namedtuple("Row", names, rename=True)  # type: ignore[misc]
    return made


def _default_of(column: Column[Any], *, update: bool) -> Callable[[], Any] | None:
    """The column's Python-side default as a no-argument callable, or None when it reads the
    execution context (which only SQLAlchemy's execution can give it)."""
    default = column.onupdate if update else column.default
    if default is None:  # pragma: no cover - the compiler lists only columns that have one
        return None
    if default.is_scalar:
        return _constant(default.arg)  # type: ignore[attr-defined]
    if default.is_callable:
        # SQLAlchemy wraps a callable that takes no context; one that takes it is kept as is.
        wrapped = default.arg  # type: ignore[attr-defined]
        given = default._given_arg  # type: ignore[attr-defined]
        if wrapped is not given:
            return given  # type: ignore[no-any-return]
    return None


def plan(statement: Executable, dialect: Dialect, names: Sequence[str]) -> Plan | None:
    """``statement`` compiled for ``dialect`` with parameters ``names``, or None when it needs
    SQLAlchemy's own execution."""
    compiled = cast(ClauseElement, statement).compile(dialect=dialect, column_keys=list(names))
    if not isinstance(compiled, SQLCompiler) or compiled.positiontup is None:
        return None
    if (
        compiled.escaped_bind_names
        or compiled.literal_execute_params
        or compiled.post_compile_params
    ):
        return None
    defaults: dict[str, Callable[[], Any]] = {}
    for columns, update in ((compiled.insert_prefetch, False), (compiled.update_prefetch, True)):
        for column in columns:
            default = _default_of(column, update=update)
            if default is None:
                return None
            defaults[column.key] = default
    processors = compiled._bind_processors
    slots: list[_Slot] = []
    for name in compiled.positiontup:
        bind = compiled.binds[name]
        if name in defaults:
            fallback = defaults[name]
        elif bind.callable is not None:
            fallback = bind.callable
        elif bind.required:
            fallback = _missing(name)
        else:
            fallback = _constant(bind.value)
        process = processors.get(name)
        if process is not None and not callable(process):  # a tuple's, one per element
            return None
        slots.append((name, fallback, process))
    row: type[tuple[Any, ...]] | None = None
    readers: tuple[Callable[[Any], Any] | None, ...] = ()
    # A SELECT's columns, or a DML statement's RETURNING; none for plain DML.
    entries = compiled._result_columns
    if entries:
        row = _row_type([entry.keyname for entry in entries])
        readers = tuple(entry.type._cached_result_processor(dialect, None) for entry in entries)
    return Plan(dialect, compiled.string, tuple(slots), row, readers)


class Rows:
    """The rows of a statement run here, with the Result methods callers use."""

    __slots__ = ("_rows",)

    def __init__(self, rows: list[Any]) -> None:
        self._rows = rows

    def __iter__(self) -> Iterator[Any]:
        return iter(self._rows)

    def first(self) -> Any:
        return self._rows[0] if self._rows else None

    def scalar(self) -> Any:
        return self._rows[0][0] if self._rows else None

    def scalar_one_or_none(self) -> Any:
        if len(self._rows) > 1:
            raise MultipleResultsFound("Multiple rows were found when one or none was required")
        return self.scalar()

    def scalar_one(self) -> Any:
        if not self._rows:
            raise NoResultFound("No row was found when one was required")
        return self.scalar_one_or_none()


_NO_ROWS: list[Any] = []


def execute(
    connection: sqlite3.Connection, plan: Plan, params: dict[str, Any] | list[dict[str, Any]]
) -> Rows:
    """Run ``plan`` on ``connection`` (inside whatever transaction it is in)."""
    try:
        if isinstance(params, list):
            arguments: Any = [plan.arguments(p) for p in params]
        else:
            arguments = plan.arguments(params)
    except StatementError:
        raise
    except Exception as exc:
        raise StatementError(
            f"({type(exc).__module__}.{type(exc).__name__}) {exc}", plan.sql, params, exc
        ) from exc
    cursor = connection.cursor()
    try:
        if isinstance(params, list):
            cursor.executemany(plan.sql, arguments)
        else:
            cursor.execute(plan.sql, arguments)
        fetched = cursor.fetchall() if plan.row is not None else _NO_ROWS
    except sqlite3.Error as exc:
        raise DBAPIError.instance(
            plan.sql, arguments, exc, sqlite3.Error, dialect=plan.dialect
        ) from exc
    finally:
        cursor.close()
    if plan.row is None:
        return Rows(_NO_ROWS)
    make = plan.row._make  # type: ignore[attr-defined]
    readers = plan.readers
    return Rows(
        [
            make([v if read is None else read(v) for v, read in zip(raw, readers, strict=True)])
            for raw in fetched
        ]
    )


class Plans:
    """Plans per statement and parameter names, compiled on first use. A statement is held
    weakly: statements built per object (a service's upsert) go with their object."""

    def __init__(self) -> None:
        self._plans: weakref.WeakKeyDictionary[Executable, dict[tuple[str, ...], Plan | None]] = (
            weakref.WeakKeyDictionary()
        )

    def get(self, statement: Executable, dialect: Dialect, names: tuple[str, ...]) -> Plan | None:
        by_names = self._plans.get(statement)
        if by_names is None:
            by_names = self._plans[statement] = {}
        if names not in by_names:
            by_names[names] = plan(statement, dialect, names)
        found = by_names[names]
        if found is not None and found.dialect is not dialect:
            found = by_names[names] = plan(statement, dialect, names)
        return found
