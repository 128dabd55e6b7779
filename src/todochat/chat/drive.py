"""One run of the agent loop: ``Runner.run_streamed`` and its stream as canonical events.

The only module of the chat path that imports the agent library; ``RunManager`` loads it when
the first turn runs (and ``todochat serve`` in the background once it answers), so the server
starts without waiting for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents import (
    Agent,
    MaxTurnsExceeded,
    Model,
    ModelBehaviorError,
    RunConfig,
    Runner,
    TResponseInputItem,
)
from agents.items import MessageOutputItem, ToolCallItem, ToolCallOutputItem
from agents.stream_events import (
    AgentUpdatedStreamEvent,
    RawResponsesStreamEvent,
    RunItemStreamEvent,
)

from todochat.agent import shortcuts
from todochat.agent.context import TurnContext
from todochat.chat.runs import ModelMisbehaved, TooManySteps

if TYPE_CHECKING:
    from todochat.chat.runs import RunManager, TurnSpec, _Progress

# Where the library repeats, at every step, work whose answer we know (see the module).
shortcuts.install()


async def drive(
    runs: RunManager,
    agent: Agent[TurnContext],
    model: Model,
    items: list[TResponseInputItem],
    spec: TurnSpec,
    progress: _Progress,
    max_turns: int,
) -> None:
    """Run the loop to its end, telling ``runs`` each step; the answer lands in ``progress``.

    ``agent`` is the template: the run gets an Agent object of its own. openai-agents checks,
    at every step, the tools of every run in progress on the same Agent object; shared by
    10,000 waiting turns, that check took the whole processor.
    """
    result = Runner.run_streamed(
        shortcuts.agent_for_run(agent),
        items,
        context=spec.context,
        max_turns=max_turns,
        run_config=RunConfig(model=model, tracing_disabled=True),
    )
    try:
        async for event in result.stream_events():
            await _translate(runs, spec.run_id, event, progress)
        # The library's sandbox hook leaves on the result a closure that refers to the result,
        # a reference cycle holding every object of the turn (~150: run state, items, tasks)
        # until a full collection, which with a thousand turns' worth took ~200 ms of the
        # event loop. The stream, consumed to its end, has run that cleanup; without the
        # closure, reference counting frees the turn at once.
        result._sandbox_cleanup = None
    except MaxTurnsExceeded as exc:
        raise TooManySteps from exc
    except ModelBehaviorError as exc:
        raise ModelMisbehaved from exc
    finally:
        if not result.is_complete:
            result.cancel()
    progress.final = str(result.final_output or "")
    usage = result.context_wrapper.usage
    progress.input_tokens, progress.output_tokens = usage.input_tokens, usage.output_tokens


async def _translate(runs: RunManager, run_id: str, event: object, progress: _Progress) -> None:
    if isinstance(event, RawResponsesStreamEvent):
        data = event.data
        if data.type == "response.output_text.delta":
            delta: str = data.delta
            if delta:
                progress.text.append(delta)
                await runs.emit(run_id, "message_delta", {"content": delta})
    elif isinstance(event, AgentUpdatedStreamEvent):
        await runs.emit(run_id, "agent_updated", {"name": event.new_agent.name})
    elif isinstance(event, RunItemStreamEvent):
        item = event.item
        if isinstance(item, ToolCallItem):
            raw = item.raw_item
            await runs.tool_call(
                run_id,
                progress,
                str(getattr(raw, "call_id", "") or ""),
                str(getattr(raw, "name", "") or ""),
                getattr(raw, "arguments", "") or "{}",
                item.to_input_item(),
            )
            await runs.checkpoint("tool_call", run_id)
        elif isinstance(item, ToolCallOutputItem):
            raw_out = item.raw_item
            call_id = str(
                raw_out.get("call_id", "")
                if isinstance(raw_out, dict)
                else getattr(raw_out, "call_id", "")
            )
            await runs.tool_result(run_id, progress, call_id, item.output, item.to_input_item())
            await runs.checkpoint("tool_result", run_id)
        elif isinstance(item, MessageOutputItem):
            text = "".join(part.text for part in item.raw_item.content if hasattr(part, "text"))
            progress.items.append(item.to_input_item())
            await runs.emit(run_id, "message", {"content": text})
