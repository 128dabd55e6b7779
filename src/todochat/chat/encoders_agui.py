"""AG-UI 1.0 (``@ag-ui/client`` ``HttpAgent``) as an encoding of the canonical events.

The client checks the order of events (``verifyEvents``): the run starts with ``RUN_STARTED``;
text and tool-call events only for an open message or call; ``RUN_FINISHED`` only when no text
message, tool call or step is open; nothing after ``RUN_FINISHED``/``RUN_ERROR``. The encoder keeps
what is open so it can close it in that order. There is no terminator (a ``[DONE]`` line fails the
run), no ``null`` field (an explicit null fails validation), and tool results are JSON strings.

Message ids derive from the client's ``runId`` and a counter, never a clock or a random id, so
the same events always give the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from todochat.chat.encoders import dumps
from todochat.chat.events import Event


def _frame(event: dict[str, Any]) -> str:
    return f"data: {dumps(event)}\n\n"


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class AgUiEncoder:
    """Canonical events → AG-UI events, for one stream of one run."""

    def __init__(self, thread_id: str, client_run_id: str | None = None) -> None:
        self._thread = thread_id
        self._client_run = client_run_id
        self._message = 1  # the assistant message now being written: "<runId>-<n>"
        self._next_message = False  # a tool result ended that message
        self._text: str | None = None
        self._step: str | None = None

    def _run(self, event: Event) -> str:
        return self._client_run or event.run_id

    def _message_id(self, event: Event) -> str:
        if self._next_message:
            self._message += 1
            self._next_message = False
        return f"{self._run(event)}-{self._message}"

    def _close_text(self) -> list[dict[str, Any]]:
        if self._text is None:
            return []
        end = {"type": "TEXT_MESSAGE_END", "messageId": self._text}
        self._text = None
        return [end]

    def _close_step(self) -> list[dict[str, Any]]:
        if self._step is None:
            return []
        end = {"type": "STEP_FINISHED", "stepName": self._step}
        self._step = None
        return [end]

    def _open_text(self, event: Event) -> list[dict[str, Any]]:
        self._text = self._message_id(event)
        return [{"type": "TEXT_MESSAGE_START", "messageId": self._text, "role": "assistant"}]

    def _events(self, event: Event) -> list[dict[str, Any]]:
        data = event.data
        match event.name:
            case "session_initialized":
                return [
                    {
                        "type": "RUN_STARTED",
                        "metadata": {
                            "todochat": {"run_id": event.run_id, "conversation_id": self._thread}
                        },
                        "threadId": self._thread,
                        "runId": self._run(event),
                        "protocolVersion": "1.0",
                    }
                ]
            case "agent_updated":
                out = self._close_step()
                self._step = str(data["name"])
                return [*out, {"type": "STEP_STARTED", "stepName": self._step}]
            case "tool_call":
                out = self._close_text()
                call = data["call_id"]
                return [
                    *out,
                    {
                        "type": "TOOL_CALL_START",
                        "toolCallId": call,
                        "toolCallName": data["tool_name"],
                        "parentMessageId": self._message_id(event),
                    },
                    {
                        "type": "TOOL_CALL_ARGS",
                        "toolCallId": call,
                        "delta": _json_text(data["arguments"]),
                    },
                    {"type": "TOOL_CALL_END", "toolCallId": call},
                ]
            case "tool_result":
                self._next_message = True
                call = data["call_id"]
                return [
                    {
                        "type": "TOOL_CALL_RESULT",
                        "messageId": f"{self._run(event)}-{call}-result",
                        "toolCallId": call,
                        "content": _json_text(data["output"]),
                        "role": "tool",
                    }
                ]
            case "message_delta":
                out = [] if self._text is not None else self._open_text(event)
                content = {"type": "TEXT_MESSAGE_CONTENT", "messageId": self._text}
                return [*out, {**content, "delta": data["content"]}]
            case "message":
                if self._text is None and data.get("content"):
                    out = self._open_text(event)
                    content = {"type": "TEXT_MESSAGE_CONTENT", "messageId": self._text}
                    return [*out, {**content, "delta": data["content"]}, *self._close_text()]
                return self._close_text()
            case "completed":
                usage = data.get("usage") or {}
                tokens_in = int(usage.get("input_tokens", 0))
                tokens_out = int(usage.get("output_tokens", 0))
                finished = {
                    "type": "RUN_FINISHED",
                    "threadId": self._thread,
                    "runId": self._run(event),
                    "result": {"final_message": data["final_message"]},
                    "outcome": {"type": "success"},
                    "usage": [
                        {
                            "inputTokens": tokens_in,
                            "outputTokens": tokens_out,
                            "totalTokens": tokens_in + tokens_out,
                        }
                    ],
                }
                return [*self._close_text(), *self._close_step(), finished]
            case "error":
                return [{"type": "RUN_ERROR", "message": data["message"], "code": data["code"]}]
            case "rate_limit_exceeded":
                return [self._refusal_event(data)]
            case "cancelled":
                finished = {
                    "type": "RUN_FINISHED",
                    "threadId": self._thread,
                    "runId": self._run(event),
                    "outcome": {"type": "cancelled"},
                }
                return [*self._close_text(), *self._close_step(), finished]
        return []  # history: the client keeps its own list

    def feed(self, event: Event) -> bytes:
        """The bytes of one canonical event; its ``id:`` line closes its last frame."""
        events = self._events(event)
        if not events:
            return b""
        frames = [_frame(e) for e in events]
        frames[-1] = frames[-1][:-1] + f"id: {event.event_id}\n\n"
        return "".join(frames).encode()

    @staticmethod
    def _refusal_event(payload: dict[str, Any]) -> dict[str, Any]:
        details = {k: v for k, v in payload.items() if k != "message" and v is not None}
        return {
            "type": "RUN_ERROR",
            "message": payload["message"],
            "code": "rate_limit_exceeded",
            "metadata": {"todochat": details},
        }

    def refusal(self, payload: dict[str, Any]) -> bytes:
        """A turn refused by a rate limit or the quota: ``RUN_ERROR`` as the only event."""
        return _frame(self._refusal_event(payload)).encode()

    def close(self) -> bytes:
        """The run's events expired before its end: the client would otherwise end silently."""
        message = "This reply is no longer available; reload the conversation."
        return _frame({"type": "RUN_ERROR", "message": message, "code": "expired"}).encode()
