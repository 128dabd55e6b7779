"""Garbage-collector settings for a long-running server process."""

from __future__ import annotations

import gc


def tune_for_serving() -> None:
    """Keep the collector's full passes off the request path.

    Once the app is imported, its modules, classes and the agent (a quarter of a million
    objects) live as long as the process; frozen, full passes no longer walk them. Under load,
    the objects of running turns pass through the old generation, and CPython starts a full
    pass whenever that generation has grown by a quarter, which with a frozen heap is every
    few seconds: measured at up to 70 ms each, the main cause of time-to-first-event
    outliers. Such passes are made rarer (once per 1,000 middle-generation passes, about a
    minute at full load); young passes, which find most garbage, are unchanged.
    """
    global _tuned
    gc.collect()
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, 1000)
    _tuned = True


_tuned = False


def freeze_loaded() -> None:
    """Freeze what was imported after ``tune_for_serving`` (``todochat.preload``: the agent
    library, a quarter of the long-lived objects), so full passes skip it too."""
    if _tuned:
        gc.collect()
        gc.freeze()
