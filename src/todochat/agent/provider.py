"""Model selection: which Model a run uses, chosen from settings at start-up."""

from __future__ import annotations

import logging
from collections.abc import Callable

from agents import Model

from todochat.agent.context import TurnContext
from todochat.agent.llm import ModelConfigError, build_client, build_model, describe, parse_choice
from todochat.config import Settings

__all__ = ["ModelConfigError", "ModelFactory", "check_model_settings", "model_factory"]

log = logging.getLogger("todochat.provider")

ModelFactory = Callable[[TurnContext], Model]


def check_model_settings(settings: Settings) -> None:
    """Raise ModelConfigError (one line) when the model settings cannot work; no I/O."""
    if settings.model.strip() == "local":
        return
    parse_choice(settings)


def model_factory(settings: Settings) -> ModelFactory:
    """A function giving each run its model; fails now, not at the first chat, if misconfigured."""
    choice = settings.model.strip()
    if choice == "local":
        from todochat.agent.offline import OfflineModel

        def local(context: TurnContext) -> Model:
            return OfflineModel(timezone=context.owner.tz, clock=context.clock, context=context)

        return local
    llm = parse_choice(settings)
    # One client (one connection pool, one retry policy) and one model for every run.
    model = build_model(llm, build_client(llm, settings))
    log.info("language model: %s", describe(llm))

    def remote(context: TurnContext) -> Model:
        return model

    return remote
