"""SQLite's WAL checkpoints, taken in a thread instead of inside a turn's commit.

The server runs SQLite statements in the event loop's thread (``todochat.db.sqlite_inline``).
By default SQLite checkpoints the write-ahead log inside the commit that makes it pass 1,000
pages: that commit copies the pages back and syncs the file, 6-9 ms during which no stream of
the process moves; under load one commit in a hundred, so about one turn in thirty waited for
one. Here a task checkpoints every second from a thread with a connection of its own (PASSIVE:
writers are never blocked), and the serving connection checkpoints by itself only past
``AUTOCHECKPOINT_PAGES``. Under sustained writes a PASSIVE checkpoint never reaches the log's
end, so the log starts over only at that backstop (its file ~80 MB): that commit copies what the
thread has not yet, one commit in thousands instead of one in a hundred.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from pathlib import Path

log = logging.getLogger("todochat.db")

# The serving connection's own threshold (pages of 4 KiB): where the log starts over.
AUTOCHECKPOINT_PAGES = 20_000


class WalCheckpointer:
    """Checkpoints one SQLite file's write-ahead log every ``every`` seconds, in a thread."""

    def __init__(self, path: str, every: float = 1.0) -> None:
        self._path = path
        self._every = every
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Begin checkpointing (once; again after ``stop``)."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="todochat-wal-checkpoints")

    async def stop(self) -> None:
        """Stop checkpointing; closing the last connection checkpoints what is left."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self._every)
            try:
                await asyncio.to_thread(self.checkpoint)
            except sqlite3.Error as exc:
                # Busy or locked now, or the file moved: the next round (or the serving
                # connection's own threshold) takes it.
                log.debug("WAL checkpoint skipped: %s", exc)

    def checkpoint(self) -> tuple[int, int, int]:
        """One PASSIVE checkpoint: (busy, pages in the log, pages checkpointed)."""
        if not Path(self._path).exists():
            return (0, 0, 0)
        with contextlib.closing(sqlite3.connect(self._path, timeout=1.0)) as connection:
            row = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        return (int(row[0]), int(row[1]), int(row[2]))
