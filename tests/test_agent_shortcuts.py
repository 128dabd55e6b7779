"""The shortcuts past the agent library's per-turn work give the library's own answers."""

from __future__ import annotations

import dataclasses
import importlib

from agents import Agent, function_tool, handoff

from todochat.agent import shortcuts
from todochat.agent.agent import build_agent
from todochat.chat import drive  # noqa: F401  (installs the shortcuts, as the server does)


def _identity_keys():  # type: ignore[no-untyped-def]
    module = importlib.import_module(shortcuts._IDENTITY_MODULE)
    return getattr(module, shortcuts._IDENTITY_FUNCTION)


def test_the_library_step_uses_the_shortcut() -> None:
    # A library upgrade that renames or moves the function fails here rather than silently
    # running the slow path in production.
    installed = _identity_keys()
    assert hasattr(installed, "__wrapped__")
    shortcuts.install()
    assert _identity_keys() is installed, "installing twice wraps twice"


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
