"""The agent: instructions, tools over TodoService, the models it can run on."""

from todochat.agent.agent import build_agent
from todochat.agent.context import TurnContext

__all__ = ["TurnContext", "build_agent"]
