"""The process's open-file budget, which bounds how many turns may wait on a model at once.

A turn at a language model holds two descriptors: its client's stream and its connection to the
model. When the process runs out, the next model connection fails ("All connection attempts
failed") and so does that turn, while the model is idle. So the turns in progress are bounded
by what the limit allows; a turn beyond that waits for a slot, as any turn beyond
``TODOCHAT_MAX_ACTIVE_RUNS`` does, instead of failing.
"""

from __future__ import annotations

import logging

log = logging.getLogger("todochat.openfiles")

# Descriptors kept for everything but turns: the database, Redis, the listening sockets, logs,
# the streams of live feeds and of turns waiting for a slot beyond these.
RESERVE = 256


def open_file_limit() -> int | None:
    """The soft limit on open files, first raised to the hard limit (as nginx's and Go's
    servers do: the soft default, often 1,024, is far below what a server of streams holds).
    None where the platform has no such limit."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Linux or macOS
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and (soft == resource.RLIM_INFINITY or soft < hard):
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
        except (ValueError, OSError):  # pragma: no cover - a platform that refuses
            pass
    return None if soft == resource.RLIM_INFINITY else soft


def turns_within(configured: int, limit: int | None) -> int:
    """``configured`` turns in progress, or fewer if ``limit`` open files cannot hold them."""
    if limit is None:
        return configured
    return max(1, min(configured, (limit - RESERVE) // 2))


def turns_in_progress(configured: int) -> int:
    """The turns this process may have in progress: ``configured``, bounded by open files."""
    limit = open_file_limit()
    turns = turns_within(configured, limit)
    if turns < configured:
        log.warning(
            "TODOCHAT_MAX_ACTIVE_RUNS=%d needs %d open files but this process may open %d: "
            "at most %d turns in progress at once, the rest wait for a slot (raise `ulimit -n`)",
            configured,
            configured * 2 + RESERVE,
            limit,
            turns,
        )
    return turns
