"""PlannedModel: a Model that decides its output in code and streams it like an LLM would.

The offline assistant and the tests' scripted models both subclass it: `plan()` returns text
chunks and tool calls; this module turns them into the Responses-API stream events the Runner
consumes (created → item added → argument/text deltas → item done → completed), so they drive the
exact code path a real provider drives.
"""

from __future__ import annotations

import abc
import json
import uuid
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from typing import Any

from agents import (
    AgentOutputSchemaBase,
    Handoff,
    Model,
    ModelResponse,
    ModelSettings,
    ModelTracing,
    Tool,
    TResponseInputItem,
    Usage,
)
from agents.items import TResponseOutputItem, TResponseStreamEvent
from openai.types.responses import (
    Response,
    ResponseCompletedEvent,
    ResponseContentPartAddedEvent,
    ResponseContentPartDoneEvent,
    ResponseCreatedEvent,
    ResponseFunctionCallArgumentsDeltaEvent,
    ResponseFunctionCallArgumentsDoneEvent,
    ResponseFunctionToolCall,
    ResponseOutputItemAddedEvent,
    ResponseOutputItemDoneEvent,
    ResponseOutputMessage,
    ResponseOutputText,
    ResponseTextDeltaEvent,
    ResponseTextDoneEvent,
    ResponseUsage,
)
from openai.types.responses.response_prompt_param import ResponsePromptParam
from openai.types.responses.response_usage import InputTokensDetails, OutputTokensDetails


@dataclass
class PlannedCall:
    """A tool call the model will make."""

    name: str
    arguments: dict[str, Any]
    call_id: str = field(default_factory=lambda: f"call_{uuid.uuid4().hex[:24]}")


@dataclass
class Plan:
    """One model response: tool calls, or text streamed chunk by chunk (or both)."""

    calls: list[PlannedCall] = field(default_factory=list)
    text: AsyncIterator[str] | Iterable[str] | None = None
    input_tokens: int = 0
    output_tokens: int = 0


async def _chunks(text: AsyncIterator[str] | Iterable[str] | None) -> AsyncIterator[str]:
    if text is None:
        return
    if isinstance(text, AsyncIterator):
        async for chunk in text:
            yield chunk
    else:
        for chunk in text:
            yield chunk


def _response(
    output: list[TResponseOutputItem], usage: ResponseUsage | None, status: str
) -> Response:
    return Response(
        id=f"resp_{uuid.uuid4().hex[:24]}",
        created_at=0,
        model="todochat-planned",
        object="response",
        output=output,
        tool_choice="auto",
        tools=[],
        top_p=None,
        parallel_tool_calls=False,
        status=status,
        usage=usage,
    )


def _usage(plan: Plan) -> ResponseUsage:
    return ResponseUsage(
        input_tokens=plan.input_tokens,
        output_tokens=plan.output_tokens,
        total_tokens=plan.input_tokens + plan.output_tokens,
        input_tokens_details=InputTokensDetails(cached_tokens=0, cache_write_tokens=0),
        output_tokens_details=OutputTokensDetails(reasoning_tokens=0),
    )


def _call_item(call: PlannedCall, arguments: str) -> ResponseFunctionToolCall:
    return ResponseFunctionToolCall(
        id=f"fc_{call.call_id}",
        call_id=call.call_id,
        name=call.name,
        arguments=arguments,
        type="function_call",
        status="completed",
    )


class PlannedModel(Model, abc.ABC):
    """Subclasses decide the response; this class streams it."""

    @abc.abstractmethod
    async def plan(
        self, system_instructions: str | None, input: list[TResponseInputItem], tools: list[Tool]
    ) -> Plan:
        """Decide the next response from the conversation so far."""

    async def get_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Handoff],
        tracing: ModelTracing,
        *,
        previous_response_id: str | None = None,
        conversation_id: str | None = None,
        prompt: ResponsePromptParam | None = None,
    ) -> ModelResponse:
        """The whole response at once."""
        output: list[TResponseOutputItem] = []
        plan = await self.plan(system_instructions, _as_items(input), tools)
        for call in plan.calls:
            output.append(_call_item(call, json.dumps(call.arguments)))
        text = "".join([chunk async for chunk in _chunks(plan.text)])
        if text or not plan.calls:
            output.append(_message(text, "msg_" + uuid.uuid4().hex[:24]))
        usage = Usage(
            requests=1,
            input_tokens=plan.input_tokens,
            output_tokens=plan.output_tokens,
            total_tokens=plan.input_tokens + plan.output_tokens,
        )
        return ModelResponse(output=output, usage=usage, response_id=None)

    async def stream_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Handoff],
        tracing: ModelTracing,
        *,
        previous_response_id: str | None = None,
        conversation_id: str | None = None,
        prompt: ResponsePromptParam | None = None,
    ) -> AsyncIterator[TResponseStreamEvent]:
        """The response as Responses-API stream events, text yielded as it is produced."""
        plan = await self.plan(system_instructions, _as_items(input), tools)
        seq = 0

        def n() -> int:
            nonlocal seq
            seq += 1
            return seq - 1

        yield ResponseCreatedEvent(
            type="response.created",
            response=_response([], None, "in_progress"),
            sequence_number=n(),
        )
        output: list[TResponseOutputItem] = []
        for index, call in enumerate(plan.calls):
            arguments = json.dumps(call.arguments)
            item_id = f"fc_{call.call_id}"
            yield ResponseOutputItemAddedEvent(
                type="response.output_item.added",
                item=_call_item(call, ""),
                output_index=index,
                sequence_number=n(),
            )
            yield ResponseFunctionCallArgumentsDeltaEvent(
                type="response.function_call_arguments.delta",
                item_id=item_id,
                output_index=index,
                delta=arguments,
                sequence_number=n(),
            )
            yield ResponseFunctionCallArgumentsDoneEvent.model_validate(
                {
                    "type": "response.function_call_arguments.done",
                    "item_id": item_id,
                    "output_index": index,
                    "arguments": arguments,
                    "name": call.name,
                    "sequence_number": n(),
                }
            )
            done = _call_item(call, arguments)
            output.append(done)
            yield ResponseOutputItemDoneEvent(
                type="response.output_item.done", item=done, output_index=index, sequence_number=n()
            )
        if plan.text is not None or not plan.calls:
            index = len(output)
            msg_id = "msg_" + uuid.uuid4().hex[:24]
            yield ResponseOutputItemAddedEvent(
                type="response.output_item.added",
                item=ResponseOutputMessage(
                    id=msg_id, type="message", role="assistant", status="in_progress", content=[]
                ),
                output_index=index,
                sequence_number=n(),
            )
            part = ResponseOutputText(type="output_text", text="", annotations=[], logprobs=[])
            yield ResponseContentPartAddedEvent(
                type="response.content_part.added",
                item_id=msg_id,
                output_index=index,
                content_index=0,
                part=part,
                sequence_number=n(),
            )
            pieces: list[str] = []
            async for chunk in _chunks(plan.text):
                pieces.append(chunk)
                yield ResponseTextDeltaEvent(
                    type="response.output_text.delta",
                    item_id=msg_id,
                    output_index=index,
                    content_index=0,
                    delta=chunk,
                    logprobs=[],
                    sequence_number=n(),
                )
            text = "".join(pieces)
            yield ResponseTextDoneEvent(
                type="response.output_text.done",
                item_id=msg_id,
                output_index=index,
                content_index=0,
                text=text,
                logprobs=[],
                sequence_number=n(),
            )
            yield ResponseContentPartDoneEvent(
                type="response.content_part.done",
                item_id=msg_id,
                output_index=index,
                content_index=0,
                part=part.model_copy(update={"text": text}),
                sequence_number=n(),
            )
            message = _message(text, msg_id)
            output.append(message)
            yield ResponseOutputItemDoneEvent(
                type="response.output_item.done",
                item=message,
                output_index=index,
                sequence_number=n(),
            )
        yield ResponseCompletedEvent(
            type="response.completed",
            response=_response(output, _usage(plan), "completed"),
            sequence_number=n(),
        )


def _message(text: str, msg_id: str) -> ResponseOutputMessage:
    return ResponseOutputMessage(
        id=msg_id,
        type="message",
        role="assistant",
        status="completed",
        content=[ResponseOutputText(type="output_text", text=text, annotations=[], logprobs=[])],
    )


def _as_items(input: str | list[TResponseInputItem]) -> list[TResponseInputItem]:
    if isinstance(input, str):
        return [{"role": "user", "content": input}]
    return input
