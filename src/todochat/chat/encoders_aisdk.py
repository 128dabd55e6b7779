"""The Vercel AI SDK UI message stream (``ai`` 7.x: ``useChat``, ``Chat``, ``DefaultChatTransport``)
as an encoding of the canonical events.

An encoder is created per stream and keeps what the format needs to close properly: the text
part that is open, whether a tool result ended the step. It is a pure function of the event
sequence (text ids come from a counter, never a clock or a random id), so a replay of the same
events gives the same bytes, and a resume replays from the run's ``start`` chunk as the client
expects (it resets the message on ``start``). The ``id:`` line goes on the last frame of each
event, last in the frame; the client ignores it.
"""

from __future__ import annotations

from typing import Any

from todochat.chat.encoders import DONE, dumps
from todochat.chat.events import Event

HEADERS = {"x-vercel-ai-ui-message-stream": "v1"}
EXPIRED = "This reply is no longer available; reload the conversation."


def _frame(chunk: dict[str, Any]) -> str:
    return f"data: {dumps(chunk)}\n\n"


class AiSdkEncoder:
    """Canonical events → UI message stream chunks, for one stream of one run."""

    def __init__(self, conversation_id: str) -> None:
        self._conversation_id = conversation_id
        self._text: str | None = None  # the id of the open text part
        self._texts = 0
        self._after_tool = False

    def _close_text(self) -> list[dict[str, Any]]:
        if self._text is None:
            return []
        closing = {"type": "text-end", "id": self._text}
        self._text = None
        return [closing]

    def _open_text(self) -> list[dict[str, Any]]:
        chunks: list[dict[str, Any]] = []
        if self._after_tool:
            # A tool's result ended the step; the reply after it is a step of its own.
            chunks += [{"type": "finish-step"}, {"type": "start-step"}]
            self._after_tool = False
        self._texts += 1
        self._text = f"t{self._texts}"
        chunks.append({"type": "text-start", "id": self._text})
        return chunks

    def _chunks(self, event: Event) -> tuple[list[dict[str, Any]], bool]:
        """The chunks of one event, and whether ``[DONE]`` follows them."""
        data = event.data
        match event.name:
            case "session_initialized":
                metadata = {"conversationId": self._conversation_id, "runId": event.run_id}
                start = {"type": "start", "messageId": event.run_id, "messageMetadata": metadata}
                return [start, {"type": "start-step"}], False
            case "agent_updated":
                return [
                    {"type": "data-agent", "data": {"name": data["name"]}, "transient": True}
                ], False
            case "tool_call":
                call = {
                    "type": "tool-input-available",
                    "toolCallId": data["call_id"],
                    "toolName": data["tool_name"],
                    "input": data["arguments"],
                }
                return [*self._close_text(), call], False
            case "tool_result":
                self._after_tool = True
                output = data["output"]
                if isinstance(output, dict) and "error" in output:
                    failed = {
                        "type": "tool-output-error",
                        "toolCallId": data["call_id"],
                        "errorText": str(output["error"]),
                    }
                    return [failed], False
                done = {"type": "tool-output-available", "toolCallId": data["call_id"]}
                return [{**done, "output": output}], False
            case "message_delta":
                chunks = [] if self._text is not None else self._open_text()
                chunks.append({"type": "text-delta", "id": self._text, "delta": data["content"]})
                return chunks, False
            case "message":
                if self._text is None and data.get("content"):
                    opened = self._open_text()
                    delta = {"type": "text-delta", "id": self._text, "delta": data["content"]}
                    return [*opened, delta, *self._close_text()], False
                return self._close_text(), False
            case "completed":
                finish = {
                    "type": "finish",
                    "finishReason": "stop",
                    "messageMetadata": {"status": "complete", "usage": data.get("usage", {})},
                }
                return [*self._close_text(), {"type": "finish-step"}, finish], True
            case "history":
                return [], False
            case "error":
                return [*self._close_text(), {"type": "error", "errorText": data["message"]}], True
            case "rate_limit_exceeded":
                return [*self._close_text(), *self._refusal_chunks(data)], True
            case "cancelled":
                stopped = {"type": "message-metadata", "messageMetadata": {"status": "stopped"}}
                abort = {"type": "abort", "reason": data.get("reason", "requested")}
                return [*self._close_text(), stopped, abort], True
        return [], False

    def feed(self, event: Event) -> bytes:
        """The bytes of one canonical event."""
        chunks, last = self._chunks(event)
        if not chunks:
            return DONE if last else b""
        frames = [_frame(c) for c in chunks]
        frames[-1] = frames[-1][:-1] + f"id: {event.event_id}\n\n"
        out = "".join(frames).encode()
        return out + DONE if last else out

    @staticmethod
    def _refusal_chunks(payload: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            {"type": "data-rate-limit", "data": payload, "transient": True},
            {"type": "error", "errorText": payload["message"]},
        ]

    def refusal(self, payload: dict[str, Any]) -> bytes:
        """A turn refused by a rate limit or the quota, before it started."""
        return "".join(_frame(c) for c in self._refusal_chunks(payload)).encode() + DONE

    def close(self) -> bytes:
        """The run's events expired before its end: say so, so the chat is not left waiting."""
        error = {"type": "error", "errorText": EXPIRED}
        return "".join(_frame(c) for c in [*self._close_text(), error]).encode() + DONE
