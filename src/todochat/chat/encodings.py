"""The wire encodings of a run, found by name: each stream gets its own encoder object.

An encoder turns canonical events into one format's bytes (``feed``), writes a turn refused
before it started in that format's error shape (``refusal``), and ends a stream whose events
expired before its end (``close``). Encoders are deterministic: the same events give the same
bytes, so a resume is byte-exact.

| name | route | client |
| --- | --- | --- |
| ``typed`` (A) | ``POST /api/{user_id}/chat/stream`` | the FastAPI seed, the web app |
| ``named`` (B) | ``POST /api/todos/agent-create/stream`` | the agents seed |
| ``aisdk`` | ``POST /api/aisdk/chat`` | Vercel AI SDK ``useChat`` |
| ``agui`` | ``POST /api/agui`` | AG-UI ``HttpAgent`` |
"""

from __future__ import annotations

from typing import Any, Literal, Protocol

from todochat.chat.encoders import (
    encode_named,
    encode_refusal_named,
    encode_refusal_typed,
    encode_typed,
)
from todochat.chat.encoders_agui import AgUiEncoder
from todochat.chat.encoders_aisdk import AiSdkEncoder
from todochat.chat.events import Event

EncodingName = Literal["typed", "named", "aisdk", "agui"]


class Encoder(Protocol):
    """One stream's encoder."""

    def feed(self, event: Event) -> bytes:
        """The bytes of one canonical event (possibly none)."""
        ...

    def refusal(self, payload: dict[str, Any]) -> bytes:
        """The whole body of a turn refused by a rate limit or the quota."""
        ...

    def close(self) -> bytes:
        """The end of a stream whose remaining events are no longer held."""
        ...


class TypedEncoder:
    """Encoding A: ``data: {"type": ...}``."""

    def __init__(self, conversation_id: str) -> None:
        self._conversation_id = conversation_id

    def feed(self, event: Event) -> bytes:
        return encode_typed(event, self._conversation_id)

    def refusal(self, payload: dict[str, Any]) -> bytes:
        return encode_refusal_typed(payload)

    def close(self) -> bytes:
        # No terminal event: a client that resumes gets 410 and reloads the history.
        return b""


class NamedEncoder:
    """Encoding B: ``event: <canonical name>``."""

    def feed(self, event: Event) -> bytes:
        return encode_named(event)

    def refusal(self, payload: dict[str, Any]) -> bytes:
        return encode_refusal_named(payload)

    def close(self) -> bytes:
        return b""


def encoder(name: EncodingName, conversation_id: str, client_run_id: str | None = None) -> Encoder:
    """A fresh encoder for one stream of a run in ``conversation_id``."""
    if name == "typed":
        return TypedEncoder(conversation_id)
    if name == "named":
        return NamedEncoder()
    if name == "aisdk":
        return AiSdkEncoder(conversation_id)
    return AgUiEncoder(conversation_id, client_run_id)
