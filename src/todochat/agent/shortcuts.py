"""Work that openai-agents repeats every turn whose answer is known beforehand for our agent.

Both were found with py-spy under the capacity benchmark (docs/benchmarks.md); each gives the
library's own answer, which ``tests/test_agent_shortcuts.py`` checks against the library's code.
"""

from __future__ import annotations

import copy
from typing import Any

from agents import Agent

from todochat.agent.context import TurnContext

# The library's modules that build the agent identity map for every run: after each step
# (the tool-use tracker) and once at the start (the sandbox session manager).
IDENTITY_USERS = ("agents.run_internal.tool_use_tracker", "agents.sandbox.runtime_session_manager")
IDENTITY_FUNCTION = "_build_agent_identity_keys_by_id"


def agent_for_run(template: Agent[TurnContext]) -> Agent[TurnContext]:
    """An Agent object of the run's own, holding the template's (already validated) settings.

    The library checks, at every step, the tools of every run in progress on one Agent object
    (by identity), so each run needs its own. ``Agent.clone()`` re-runs the dataclass's
    validation, whose model-settings check resolves the class's type hints (~0.15 ms a turn);
    a shallow copy is what ``clone()`` makes without it: the same field values, lists shared.
    """
    return copy.copy(template)


def _single_agent_identity_keys(original: Any) -> Any:
    def identity_keys(initial_agent: Agent[Any]) -> dict[int, str]:
        # The agent graph is the starting agent plus its handoffs and agents used as tools; with
        # neither, the library's map is {id(agent): agent.name}. It reaches that by building a
        # JSON signature of the agent and all its tools (~160 µs with our ten) to sort a group
        # of one, three times a turn.
        if not initial_agent.handoffs and not any(
            getattr(tool, "_is_agent_tool", False) for tool in initial_agent.tools
        ):
            return {id(initial_agent): initial_agent.name}
        result: dict[int, str] = original(initial_agent)
        return result

    identity_keys.__wrapped__ = original  # type: ignore[attr-defined]
    return identity_keys


def install() -> None:
    """Route the library's agent identity maps through the one-agent shortcut."""
    import importlib

    for name in IDENTITY_USERS:
        module = importlib.import_module(name)
        current = getattr(module, IDENTITY_FUNCTION, None)
        # Absent after a library upgrade: the library's own (slower) path runs; the test says so.
        if current is None or hasattr(current, "__wrapped__"):
            continue
        setattr(module, IDENTITY_FUNCTION, _single_agent_identity_keys(current))
