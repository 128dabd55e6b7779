"""Model selection: which Model a run uses, chosen from settings at start-up.

The settings are checked at once (a wrong one stops the start); the model library itself is
imported when the first turn asks for a model, so a server answers before it has loaded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from todochat.agent.choice import ModelConfigError, describe, parse_choice
from todochat.agent.context import TurnContext
from todochat.config import Settings

if TYPE_CHECKING:
    from agents import Model

__all__ = ["ModelConfigError", "ModelFactory", "check_model_settings", "model_factory"]

log = logging.getLogger("todochat.provider")

ModelFactory = Callable[[TurnContext], "Model"]


def check_model_settings(settings: Settings) -> None:
    """Raise ModelConfigError (one line) when the model settings cannot work; no I/O."""
    if settings.model.strip() == "local":
        return
    parse_choice(settings)


def model_factory(settings: Settings, turns: int | None = None) -> ModelFactory:
    """A function giving each run its model; fails now, not at the first chat, if misconfigured.

    ``turns``: how many turns may be in progress at once (the model's connection pool); unset,
    the configured ``TODOCHAT_MAX_ACTIVE_RUNS``.
    """
    choice = settings.model.strip()
    if choice == "local":

        def local(context: TurnContext) -> Model:
            from todochat.agent.offline.model import OfflineModel

            return OfflineModel(timezone=context.owner.tz, clock=context.clock, context=context)

        return local
    llm = parse_choice(settings)
    log.info("language model: %s", describe(llm))
    # One client (one connection pool, one retry policy) and one model for every run, built
    # when the first run needs it.
    built: list[Model] = []
    pool = turns if turns is not None else settings.active_runs_limit()

    def remote(context: TurnContext) -> Model:
        if not built:
            from todochat.agent.llm import build_client, build_model

            built.append(build_model(llm, build_client(llm, settings, pool)))
        return built[0]

    return remote
