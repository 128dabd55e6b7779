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
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlparse

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
from openai import AsyncOpenAI
from openai.types.responses.response_prompt_param import ResponsePromptParam

from todochat.config import Settings

Api = Literal["responses", "chat_completions"]

# A local server usually ignores the key, but the client needs one to send.
NO_KEY = "not-needed"


class ModelConfigError(ValueError):
    """The model setting cannot work; the message is one line for the operator."""


@dataclass(frozen=True)
class LLMChoice:
    """A validated model choice: which API, which model, where, with which key."""

    api: Api
    model: str
    base_url: str | None
    api_key: str

    def __repr__(self) -> str:  # never show the key
        return f"LLMChoice(api={self.api!r}, model={self.model!r}, base_url={self.base_url!r})"


def _base_url(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    url = value.strip().rstrip("/")
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ModelConfigError(
            f"TODOCHAT_OPENAI_BASE_URL={value!r} is not an http(s) URL; "
            "use e.g. http://localhost:11434/v1"
        )
    return url


def parse_choice(settings: Settings) -> LLMChoice:
    """Check the model settings without any I/O; raise ModelConfigError with one line."""
    choice = settings.model.strip()
    prefix, sep, name = choice.partition(":")
    name = name.strip()
    if not sep or prefix not in ("openai", "openai-compatible"):
        raise ModelConfigError(
            f"TODOCHAT_MODEL={choice!r} is not supported; use 'local', 'openai:<model>' or "
            "'openai-compatible:<model>'"
        )
    if not name:
        raise ModelConfigError(
            f"TODOCHAT_MODEL={choice!r} names no model; write e.g. '{prefix}:gpt-4.1-mini'"
            if prefix == "openai"
            else f"TODOCHAT_MODEL={choice!r} names no model; write e.g. '{prefix}:llama3.1'"
        )
    base_url = _base_url(settings.openai_base_url)
    key = settings.openai_api_key.get_secret_value().strip() if settings.openai_api_key else ""
    if prefix == "openai":
        if not key:
            raise ModelConfigError(
                f"TODOCHAT_MODEL={choice!r} needs an API key: set OPENAI_API_KEY "
                "(or TODOCHAT_OPENAI_API_KEY)"
            )
        return LLMChoice("responses", name, base_url, key)
    if base_url is None:
        raise ModelConfigError(
            f"TODOCHAT_MODEL={choice!r} needs TODOCHAT_OPENAI_BASE_URL, the server's /v1 URL "
            "(e.g. http://localhost:11434/v1 for Ollama)"
        )
    return LLMChoice("chat_completions", name, base_url, key or NO_KEY)


def build_client(choice: LLMChoice, settings: Settings) -> AsyncOpenAI:
    """The process's one client: its pool, timeout and retry policy."""
    return AsyncOpenAI(
        api_key=choice.api_key,
        base_url=choice.base_url,
        timeout=settings.openai_timeout_seconds,
        max_retries=settings.openai_max_retries,
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


def describe(choice: LLMChoice) -> dict[str, Any]:
    """What to log at start-up (no key)."""
    return {"api": choice.api, "model": choice.model, "base_url": choice.base_url}
