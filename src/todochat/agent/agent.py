"""The todo agent: its instructions and tools."""

from __future__ import annotations

from agents import Agent, RunContextWrapper

from todochat.agent.context import TurnContext
from todochat.agent.tools import TOOLS

AGENT_NAME = "todochat"

RULES = """You manage the user's todo list with the tools. Rules:
- Use the tools for every change and every question about the list; never invent tasks or ids.
- Dates and times are in the user's timezone; pass due_date as YYYY-MM-DD and due_time as HH:MM.
- Before a destructive or bulk action (delete, clear completed, delete all) that the user did not
  ask for explicitly, ask for confirmation. When a reference could mean several tasks, list them
  and ask which one.
- If a tool returns an error, explain it plainly or fix the arguments and try again.
- Keep replies short: confirm what was done with the date as a person says it
  ("Sat, Nov 22 at 5 PM"); show lists as numbered lines."""


def instructions(ctx: RunContextWrapper[TurnContext], agent: Agent[TurnContext]) -> str:
    """The system prompt for this turn: rules plus the current moment in the user's timezone."""
    turn = ctx.context
    now = turn.clock().astimezone(turn.owner.tz)
    return (
        f"{RULES}\n\nNow: {now:%A, %Y-%m-%d %H:%M} in the user's timezone ({turn.owner.timezone})."
    )


def build_agent() -> Agent[TurnContext]:
    """The agent every turn runs; the model is chosen per run by the provider."""
    return Agent[TurnContext](name=AGENT_NAME, instructions=instructions, tools=list(TOOLS))
