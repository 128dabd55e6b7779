"""Model selection: which Model a run uses, chosen from settings at start-up."""

from __future__ import annotations

from collections.abc import Callable

from agents import Model

from todochat.agent.context import TurnContext
from todochat.config import Settings

ModelFactory = Callable[[TurnContext], Model]


class ModelConfigError(ValueError):
    """The model setting cannot work; the message is one line for the operator."""


def model_factory(settings: Settings) -> ModelFactory:
    """A function giving each run its model; fails now, not at the first chat, if misconfigured."""
    choice = settings.model.strip()
    if choice == "local":
        from todochat.agent.offline import OfflineModel

        def local(context: TurnContext) -> Model:
            return OfflineModel(timezone=context.owner.tz, clock=context.clock)

        return local
    raise ModelConfigError(
        f"TODOCHAT_MODEL={choice!r} is not supported; use 'local', 'openai:<model>' or "
        "'openai-compatible:<model>'"
    )
