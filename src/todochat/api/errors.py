"""The one mapping from domain errors to HTTP responses."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError

from todochat.errors import (
    AuthenticationFailed,
    Conflict,
    Forbidden,
    InvalidInput,
    LimitExceeded,
    NotFound,
    TodochatError,
    TooManyAttempts,
    TurnFailed,
)

log = logging.getLogger("todochat.api")


def _validation_body(field: str, message: str) -> dict[str, object]:
    # Same shape as FastAPI's own 422s, so clients parse one format.
    return {"detail": [{"loc": ["body", field], "msg": message, "type": "value_error"}]}


async def _domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, TodochatError)
    if isinstance(exc, NotFound):
        return JSONResponse({"detail": f"{exc.kind} not found"}, status_code=404)
    if isinstance(exc, InvalidInput):
        return JSONResponse(_validation_body(exc.field, exc.reason), status_code=422)
    if isinstance(exc, Conflict):
        return JSONResponse({"detail": exc.message}, status_code=409)
    if isinstance(exc, TooManyAttempts):
        return JSONResponse(
            {"detail": exc.message}, status_code=429, headers={"Retry-After": str(exc.retry_after)}
        )
    if isinstance(exc, AuthenticationFailed):
        return JSONResponse(
            {"detail": exc.message}, status_code=401, headers={"WWW-Authenticate": "Bearer"}
        )
    if isinstance(exc, Forbidden):
        return JSONResponse({"detail": exc.message}, status_code=403)
    if isinstance(exc, LimitExceeded):
        return JSONResponse(
            exc.info.payload(),
            status_code=429,
            headers={"Retry-After": str(max(1, exc.info.retry_after))},
        )
    if isinstance(exc, TurnFailed):
        unavailable = ("model_unavailable", "timeout", "busy", "not_started", "draining")
        code = 503 if exc.code in unavailable else 500
        return JSONResponse({"detail": exc.message, "code": exc.code}, status_code=code)
    log.error("unmapped domain error %s", type(exc).__name__)
    return JSONResponse({"detail": "internal error"}, status_code=500)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = []
    for err in exc.errors():
        # Drop the echoed input: it may be huge or hold a password.
        errors.append(
            {
                "loc": list(err.get("loc", ())),
                "msg": err.get("msg", "invalid"),
                "type": err.get("type", "value_error"),
            }
        )
    return JSONResponse({"detail": errors}, status_code=422)


def _database_busy(exc: OperationalError) -> bool:
    """A transient state of the database rather than a fault of the request or the code:
    SQLite's lock held by another process past the wait. (Not a lost connection: whether its
    last commit was kept is unknown, so "send it again" would not be safe to say.)"""
    reason = str(exc.orig).lower()
    return "locked" in reason or "busy" in reason


async def _database_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, OperationalError)
    if not _database_busy(exc):
        return await _unexpected(request, exc)
    log.warning("database busy on %s %s: %s", request.method, request.url.path, exc.orig)
    # Nothing of the request was kept (its transaction did not commit): safe to send again.
    return JSONResponse(
        {"detail": "The database is busy; please try again.", "code": "database_busy"},
        status_code=503,
        headers={"Retry-After": "1"},
    )


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return JSONResponse({"detail": "internal error"}, status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    """Register the mapping on ``app``."""
    app.add_exception_handler(TodochatError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(OperationalError, _database_error)
    app.add_exception_handler(Exception, _unexpected)
