"""Which language model the settings choose, checked without importing any model library.

``todochat serve`` refuses a setting that cannot work before anything heavy is imported; the
model itself is built (``todochat.agent.llm``) when the first turn needs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlparse

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


def describe(choice: LLMChoice) -> dict[str, Any]:
    """What to log at start-up (no key)."""
    return {"api": choice.api, "model": choice.model, "base_url": choice.base_url}
