"""OpenAI ChatKit's thread items and stream events, from todochat's canonical events and messages.

ChatKit has no event ids and no resume; its Python server (``chatkit.server``) serializes what
this module yields. Item ids derive from the run, so the items a stream announces are the items
``items.list`` lists afterwards: ``msg_<run>_u`` (the user's message), ``wf_<run>`` (the tool
calls) and ``msg_<run>_a`` (the reply); a later block of tool calls or text in the same reply
gets ``_2``, ``_3``… Pure and deterministic: the same events give the same items.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from chatkit.types import (
    AssistantMessageContent,
    AssistantMessageContentPartAdded,
    AssistantMessageContentPartDone,
    AssistantMessageContentPartTextDelta,
    AssistantMessageItem,
    ClientEffectEvent,
    CustomSummary,
    CustomTask,
    InferenceOptions,
    NoticeEvent,
    ProgressUpdateEvent,
    ThreadItem,
    ThreadItemAddedEvent,
    ThreadItemDoneEvent,
    ThreadItemUpdatedEvent,
    ThreadStreamEvent,
    UserMessageItem,
    UserMessageTextContent,
    Workflow,
    WorkflowItem,
    WorkflowTaskAdded,
    WorkflowTaskUpdated,
)

from todochat.chat.events import Event

# The client effect that carries a tool call's arguments and result: ChatKit has no item for a
# server-side tool, and a host page's ``onEffect`` is where an app refreshes its own todo list.
TOOL_RESULT_EFFECT = "todochat.tool_result"
STOPPED_NOTICE = "Stopped."


def user_item_id(run_key: str) -> str:
    """The id of the user's message of a run."""
    return f"msg_{run_key}_u"


def reply_item_id(run_key: str, block: int = 1) -> str:
    """The id of a run's reply (``block`` > 1: text after a later tool call)."""
    return f"msg_{run_key}_a" if block == 1 else f"msg_{run_key}_a{block}"


def workflow_item_id(run_key: str, block: int = 1) -> str:
    """The id of a run's tool calls (``block`` > 1: tool calls after some text)."""
    return f"wf_{run_key}" if block == 1 else f"wf_{run_key}_{block}"


def _summary(count: int) -> CustomSummary:
    return CustomSummary(title="Used 1 tool" if count == 1 else f"Used {count} tools")


def _task(name: str, arguments: Any, done: bool) -> CustomTask:
    return CustomTask(
        title=name,
        content=json.dumps(arguments, ensure_ascii=False, separators=(",", ":")),
        status_indicator="complete" if done else "loading",
    )


class ChatKitEvents:
    """One stream's mapping from canonical events to ChatKit stream events.

    ``feed`` returns the events to send; after an ``error`` or a refusal, ``error`` holds the
    message to raise as ChatKit's error event (the server class sends it and ends the stream).
    """

    def __init__(self, thread_id: str, run_id: str, created_at: datetime) -> None:
        self._thread_id = thread_id
        self._run = run_id
        self._at = created_at
        self._workflow: WorkflowItem | None = None
        self._calls: dict[str, int] = {}
        self._reply: AssistantMessageItem | None = None
        self._text: list[str] = []
        self._blocks = 0
        self._tool_blocks = 0
        self.error: str | None = None

    def feed_batch(self, events: list[Event]) -> list[ThreadStreamEvent]:
        """``feed`` for a batch of the event log, with consecutive text deltas sent as one:
        ChatKit has no event ids to keep apart, and under load a batch holds many words, each
        of which would otherwise cost a model, a serialization and a frame."""
        out: list[ThreadStreamEvent] = []
        text: list[str] = []
        for event in events:
            if event.name == "message_delta":
                text.append(event.data["content"])
                continue
            if text:
                out += self._delta("".join(text))
                text = []
            out += self.feed(event)
            if self.error is not None:
                return out
        if text:
            out += self._delta("".join(text))
        return out

    def feed(self, event: Event) -> list[ThreadStreamEvent]:
        name, data = event.name, event.data
        if name == "message_delta":
            return self._delta(data["content"])
        if name == "tool_call":
            return self._close_reply() + self._tool_call(data)
        if name == "tool_result":
            return self._tool_result(data)
        if name == "message":
            return self._close_reply()
        if name in ("completed", "history"):
            return self._close_reply() + self._close_workflow()
        if name == "cancelled":
            return [
                *self._close_reply(),
                *self._close_workflow(),
                NoticeEvent(level="info", message=STOPPED_NOTICE),
            ]
        if name in ("error", "rate_limit_exceeded"):
            self.error = data["message"]
            return self._close_reply() + self._close_workflow()
        return []  # session_initialized, agent_updated: nothing a ChatKit UI shows

    def _delta(self, text: str) -> list[ThreadStreamEvent]:
        out = self._close_workflow()
        if self._reply is None:
            out += self._open_reply()
        assert self._reply is not None
        self._text.append(text)
        # Built without validation (the values are ours and typed): the most frequent event.
        update = AssistantMessageContentPartTextDelta.model_construct(content_index=0, delta=text)
        out.append(ThreadItemUpdatedEvent.model_construct(item_id=self._reply.id, update=update))
        return out

    def _tool_call(self, data: dict[str, Any]) -> list[ThreadStreamEvent]:
        task = _task(data["tool_name"], data["arguments"], done=False)
        out: list[ThreadStreamEvent] = [ProgressUpdateEvent(text=f"Running {data['tool_name']}…")]
        if self._workflow is None:
            self._tool_blocks += 1
            self._workflow = WorkflowItem(
                id=workflow_item_id(self._run, self._tool_blocks),
                thread_id=self._thread_id,
                created_at=self._at,
                workflow=Workflow(type="custom", tasks=[task]),
            )
            self._calls[data["call_id"]] = 0
            out.append(ThreadItemAddedEvent(item=self._workflow.model_copy(deep=True)))
            return out
        index = len(self._workflow.workflow.tasks)
        self._workflow.workflow.tasks.append(task)
        self._calls[data["call_id"]] = index
        out.append(
            ThreadItemUpdatedEvent(
                item_id=self._workflow.id,
                update=WorkflowTaskAdded(task_index=index, task=task.model_copy()),
            )
        )
        return out

    def _tool_result(self, data: dict[str, Any]) -> list[ThreadStreamEvent]:
        out: list[ThreadStreamEvent] = []
        index = self._calls.get(data["call_id"])
        arguments: Any = {}
        if self._workflow is not None and index is not None:
            task = self._workflow.workflow.tasks[index]
            assert isinstance(task, CustomTask)
            task.status_indicator = "complete"
            arguments = json.loads(task.content or "{}")
            out.append(
                ThreadItemUpdatedEvent(
                    item_id=self._workflow.id,
                    update=WorkflowTaskUpdated(task_index=index, task=task.model_copy()),
                )
            )
        out.append(
            ClientEffectEvent(
                name=TOOL_RESULT_EFFECT,
                data={
                    "call_id": data["call_id"],
                    "tool_name": data["tool_name"],
                    "arguments": arguments,
                    "output": data["output"],
                },
            )
        )
        return out

    def _close_workflow(self) -> list[ThreadStreamEvent]:
        if self._workflow is None:
            return []
        workflow, self._workflow = self._workflow, None
        self._calls.clear()
        workflow.workflow.summary = _summary(len(workflow.workflow.tasks))
        return [ThreadItemDoneEvent(item=workflow)]

    def _open_reply(self) -> list[ThreadStreamEvent]:
        self._blocks += 1
        self._reply = AssistantMessageItem(
            id=reply_item_id(self._run, self._blocks),
            thread_id=self._thread_id,
            created_at=self._at,
            content=[],
        )
        self._text = []
        return [
            ThreadItemAddedEvent(item=self._reply),
            ThreadItemUpdatedEvent(
                item_id=self._reply.id,
                update=AssistantMessageContentPartAdded(
                    content_index=0, content=AssistantMessageContent(text="")
                ),
            ),
        ]

    def _close_reply(self) -> list[ThreadStreamEvent]:
        if self._reply is None:
            return []
        reply, self._reply = self._reply, None
        content = AssistantMessageContent(text="".join(self._text))
        done = reply.model_copy(update={"content": [content]})
        return [
            ThreadItemUpdatedEvent(
                item_id=reply.id,
                update=AssistantMessageContentPartDone(content_index=0, content=content),
            ),
            ThreadItemDoneEvent(item=done),
        ]


def message_items(thread_id: str, message: dict[str, Any]) -> list[ThreadItem]:
    """A stored message (``message_view``) as ChatKit thread items: a user message, or a reply
    as its tool calls (one workflow) then its text."""
    run_key = message["run_id"] or f"m{message['id']}"
    created = datetime.fromisoformat(message["created_at"].replace("Z", "+00:00"))
    if message["role"] == "user":
        return [
            UserMessageItem(
                id=user_item_id(run_key),
                thread_id=thread_id,
                created_at=created,
                content=[UserMessageTextContent(text=message["content"])],
                inference_options=InferenceOptions(),
            )
        ]
    items: list[ThreadItem] = []
    calls = message.get("tool_calls") or []
    if calls:
        tasks = [_task(c.get("name", "tool"), c.get("arguments", {}), done=True) for c in calls]
        items.append(
            WorkflowItem(
                id=workflow_item_id(run_key),
                thread_id=thread_id,
                created_at=created,
                workflow=Workflow(type="custom", tasks=list(tasks), summary=_summary(len(tasks))),
            )
        )
    text = message["content"]
    if message.get("status") == "stopped":
        text = f"{text}\n\n_{STOPPED_NOTICE}_" if text else f"_{STOPPED_NOTICE}_"
    if text:
        items.append(
            AssistantMessageItem(
                id=reply_item_id(run_key),
                thread_id=thread_id,
                created_at=created,
                content=[AssistantMessageContent(text=text)],
            )
        )
    return items
