"""The shortcuts past the agent library's per-turn work give the library's own answers."""

from __future__ import annotations

import dataclasses
import importlib

from agents import Agent, function_tool, handoff

from todochat.agent import shortcuts
from todochat.agent.agent import build_agent
from todochat.chat import drive  # noqa: F401  (installs the shortcuts, as the server does)


def _identity_keys(module: str = shortcuts.IDENTITY_USERS[0]):  # type: ignore[no-untyped-def]
    return getattr(importlib.import_module(module), shortcuts.IDENTITY_FUNCTION)


def test_the_library_uses_the_shortcut_wherever_it_builds_the_map() -> None:
    # A library upgrade that renames or moves the function fails here rather than silently
    # running the slow path in production.
    installed = [_identity_keys(module) for module in shortcuts.IDENTITY_USERS]
    assert all(hasattr(function, "__wrapped__") for function in installed)
    shortcuts.install()
    assert [_identity_keys(module) for module in shortcuts.IDENTITY_USERS] == installed, (
        "installing twice wraps twice"
    )
    # Every module of the library that calls the function is covered.
    import pathlib

    import agents

    root = pathlib.Path(agents.__file__).parent
    callers = {
        ".".join(("agents", *path.relative_to(root).with_suffix("").parts))
        for path in root.rglob("*.py")
        if f"{shortcuts.IDENTITY_FUNCTION}(" in path.read_text()
    }
    # run_state: only when a run's state is saved for resuming it, which we do not do.
    assert callers - {"agents._run_state_agent_identity", "agents.run_state"} == set(
        shortcuts.IDENTITY_USERS
    )


def test_the_shortcut_gives_the_librarys_identity_map() -> None:
    installed = _identity_keys()
    library = installed.__wrapped__
    ours = shortcuts.agent_for_run(build_agent())
    assert installed(ours) == library(ours) == {id(ours): ours.name}

    @function_tool
    def noop() -> str:
        """Nothing."""
        return ""

    helper = Agent(name="helper", tools=[noop])
    twin = Agent(name="helper", instructions="other", tools=[])
    graphs = [
        Agent(name="root", handoffs=[helper, handoff(twin)]),
        Agent(name="root", tools=[noop, helper.as_tool("ask_helper", "Ask the helper.")]),
        Agent(name="root", tools=[twin.as_tool("ask", "Ask."), noop], handoffs=[helper]),
    ]
    for root in graphs:
        expected = library(root)
        assert len(expected) > 1
        assert installed(root) == expected


def test_an_agent_for_a_run_is_what_clone_makes() -> None:
    template = build_agent()
    copied = shortcuts.agent_for_run(template)
    cloned = template.clone()
    assert copied is not template
    for field in dataclasses.fields(template):
        value = getattr(copied, field.name)
        assert value == getattr(cloned, field.name), field.name
        # Shallow, as clone() is: the lists (tools) are the template's own objects.
        assert value is getattr(template, field.name), field.name
