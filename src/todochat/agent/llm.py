"""Real language models: OpenAI (Responses API) and OpenAI-compatible servers (Chat Completions).

``TODOCHAT_MODEL`` picks one:

- ``openai:<model>`` talks to OpenAI's Responses API; needs ``OPENAI_API_KEY`` (or
  ``TODOCHAT_OPENAI_API_KEY``). ``TODOCHAT_OPENAI_BASE_URL`` may point it at a proxy.
- ``openai-compatible:<model>`` talks Chat Completions to ``TODOCHAT_OPENAI_BASE_URL`` (Ollama,
  vLLM, llama.cpp's server, LM Studio); the key is optional.

One ``AsyncOpenAI`` client (one connection pool) serves the whole process. Its timeout and retries
come from settings: the client retries connection errors, 429 and 5xx before the response starts
streaming, so before any tool ran; a failure after that ends the run with an error event.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx2
from agents import (
    AgentOutputSchemaBase,
    Handoff,
    Model,
    ModelResponse,
    ModelSettings,
    ModelTracing,
    OpenAIChatCompletionsModel,
    OpenAIResponsesModel,
    Tool,
    TResponseInputItem,
)
from agents.items import TResponseStreamEvent
from openai import AsyncOpenAI, DefaultAsyncHttpxClient
from openai.types.responses.response_prompt_param import ResponsePromptParam

from todochat.agent.choice import LLMChoice
from todochat.config import Settings


def build_client(choice: LLMChoice, settings: Settings, turns: int) -> AsyncOpenAI:
    """The process's one client: its pool, timeout and retry policy.

    A turn waits on at most one model request at a time, so the pool holds as many connections
    as ``turns`` may be in progress (the library's default, 1,000, failed turn 1,001 with a pool
    timeout while the model server was idle), and keeps them all alive for the next turn.
    """
    pool = httpx2.Limits(max_connections=turns, max_keepalive_connections=turns)
    return AsyncOpenAI(
        api_key=choice.api_key,
        base_url=choice.base_url,
        timeout=settings.openai_timeout_seconds,
        max_retries=settings.openai_max_retries,
        http_client=DefaultAsyncHttpxClient(limits=pool),
    )


class UsageChatCompletionsModel(OpenAIChatCompletionsModel):
    """Chat Completions that always asks for usage (``stream_options.include_usage``).

    Servers other than OpenAI only report token usage on a stream when asked; the run's usage is
    what quotas and the Run row count, so every request asks unless a setting says otherwise.
    """

    @staticmethod
    def _with_usage(model_settings: ModelSettings) -> ModelSettings:
        return ModelSettings(include_usage=True).resolve(model_settings)

    async def get_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Handoff],
        tracing: ModelTracing,
        previous_response_id: str | None = None,
        conversation_id: str | None = None,
        prompt: ResponsePromptParam | None = None,
    ) -> ModelResponse:
        return await super().get_response(
            system_instructions,
            input,
            self._with_usage(model_settings),
            tools,
            output_schema,
            handoffs,
            tracing,
            previous_response_id=previous_response_id,
            conversation_id=conversation_id,
            prompt=prompt,
        )

    def stream_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Handoff],
        tracing: ModelTracing,
        previous_response_id: str | None = None,
        conversation_id: str | None = None,
        prompt: ResponsePromptParam | None = None,
    ) -> AsyncIterator[TResponseStreamEvent]:
        return super().stream_response(
            system_instructions,
            input,
            self._with_usage(model_settings),
            tools,
            output_schema,
            handoffs,
            tracing,
            previous_response_id=previous_response_id,
            conversation_id=conversation_id,
            prompt=prompt,
        )


def build_model(choice: LLMChoice, client: AsyncOpenAI) -> Model:
    """The Model every run of this process uses (stateless apart from the shared client)."""
    if choice.api == "responses":
        return OpenAIResponsesModel(model=choice.model, openai_client=client)
    return UsageChatCompletionsModel(model=choice.model, openai_client=client)
