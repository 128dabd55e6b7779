"""Loading the heavy modules (the agent library, ChatKit) in the background once serving.

``todochat serve`` answers as soon as the routes that need only the database are ready; the
modules a chat turn needs are imported by a thread meanwhile, and a turn that comes before
they are loaded waits for them (``await loaded()``) instead of blocking the event loop on the
import. Anywhere nothing was started (tests, the CLI) ``loaded()`` returns at once and the
first user imports inline.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import sys
import threading
from concurrent.futures import Future
from types import ModuleType

from todochat import heap

log = logging.getLogger("todochat.preload")

# What a chat turn needs beyond what the app imported to start. (ChatKit's server, 10 MiB,
# loads on the first ChatKit request instead: ``imported``.)
MODULES = (
    "todochat.chat.drive",
    "todochat.agent.agent",
    "todochat.agent.offline.model",
)

_loading: Future[None] | None = None
_lock = threading.Lock()


def start(modules: tuple[str, ...] = MODULES) -> None:
    """Import ``modules`` in a daemon thread (once per process)."""
    global _loading
    with _lock:
        if _loading is not None:
            return
        _loading = Future()
    future = _loading

    def load() -> None:
        try:
            for name in modules:
                importlib.import_module(name)
            heap.freeze_loaded()
        except BaseException as exc:  # the turn that waits reports it
            log.exception("loading %s failed", modules)
            future.set_exception(exc)
        else:
            future.set_result(None)

    threading.Thread(target=load, name="todochat-preload", daemon=True).start()


async def loaded() -> None:
    """Wait until the background import (if one was started) has finished."""
    future = _loading
    if future is not None and not future.done():
        await asyncio.wrap_future(future)
    elif future is not None:
        future.result()  # re-raise a failed import


def finished() -> bool:
    """Whether nothing is left loading (nothing started counts as finished)."""
    future = _loading
    return future is None or (future.done() and future.exception() is None)


async def imported(name: str) -> ModuleType:
    """Module ``name``, imported in a thread the first time (the event loop keeps serving)."""
    module = sys.modules.get(name)
    if module is not None and getattr(module, "__spec__", None) is not None:
        initializing = getattr(module.__spec__, "_initializing", False)
        if not initializing:
            return module
    return await asyncio.to_thread(importlib.import_module, name)
