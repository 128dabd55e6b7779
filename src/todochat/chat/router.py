"""Chat routes: the three encodings, run resume and cancel, conversations."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Query, Request, Response, status
from fastapi.responses import StreamingResponse

from todochat.api.deps import CurrentUser, RuntimeDep, SessionDep
from todochat.api.sse import EventStreamResponse
from todochat.chat.conversations import ConversationService
from todochat.chat.encoders import PING
from todochat.chat.encoders_aisdk import HEADERS as AISDK_HEADERS
from todochat.chat.encodings import Encoder, encoder
from todochat.chat.eventlog import EventLog, EventLogExpired
from todochat.chat.events import Event, parse_event_id
from todochat.chat.preview import preview
from todochat.chat.schemas import (
    AgentCreateRequest,
    AgentCreateResponse,
    AgUiRunInput,
    AiSdkChatRequest,
    CancelOut,
    ChatRequest,
    ChatResponse,
    ConversationOut,
    MessagesOut,
    NewConversationIn,
    ParseRequest,
    ToolCallOut,
)
from todochat.chat.service import StartedTurn
from todochat.db.models import Conversation, User
from todochat.errors import Conflict, Forbidden, InvalidInput, LimitExceeded, NotFound, TurnFailed
from todochat.metrics import Metrics
from todochat.preload import imported, loaded
from todochat.runtime import Runtime
from todochat.timezones import zone

router = APIRouter(prefix="/api", tags=["chat"])
# The client libraries' routes, included before ``router``: "/api/aisdk/chat" would otherwise
# be read as "/api/{user_id}/chat".
clients_router = APIRouter(prefix="/api", tags=["chat"])


# A client's key for a turn it may send again after a network error: the turn runs once, and
# the repeat is answered with that turn's events from its start.
IdempotencyKey = Annotated[str | None, Header(max_length=128)]


async def _replayable(runtime: Runtime, turn: StartedTurn) -> None:
    """A repeated turn can be answered again only while its events are held."""
    if turn.repeated and not await runtime.events.exists(turn.run_id):
        raise Conflict(
            "Idempotency-Key",
            "this message was answered already; reload the conversation to see the reply",
        )


def _check_path_user(user_id: int, user: User) -> None:
    if user_id != user.id:
        raise Forbidden("this path belongs to another user")


async def _encoded(
    log: EventLog,
    run_id: str,
    after: int,
    heartbeat: float,
    encoder: Encoder,
    metrics: Metrics | None = None,
) -> AsyncIterator[bytes]:
    began = time.perf_counter()
    first = True
    if metrics is not None:
        metrics.streams_open.inc()
    try:
        async for batch in log.tail(run_id, after, heartbeat):
            if not batch:
                yield PING
                continue
            data = b"".join(encoder.feed(event) for event in batch)
            if data:
                if first and metrics is not None:
                    metrics.first_event_seconds.observe(time.perf_counter() - began)
                first = False
                yield data
    except EventLogExpired:
        # Evicted while streaming: the format's own way to end (A and B: no terminal event;
        # a client that resumes gets 410 and reloads the conversation's history instead).
        closing = encoder.close()
        if closing:
            yield closing
    finally:
        if metrics is not None:
            metrics.streams_open.dec()


def _stream(
    runtime: Runtime,
    run_id: str,
    stream: Encoder,
    *,
    after: int = 0,
    headers: dict[str, str] | None = None,
) -> StreamingResponse:
    """A run's events from ``after`` on, in ``stream``'s encoding, then live."""
    body = _encoded(
        runtime.events, run_id, after, runtime.settings.heartbeat_seconds, stream, runtime.metrics
    )
    return _sse(body, headers)


async def _once(data: bytes) -> AsyncIterator[bytes]:
    yield data


def _sse(body: AsyncIterator[bytes], headers: dict[str, str] | None = None) -> StreamingResponse:
    return EventStreamResponse(body, headers)


async def _collect(log: EventLog, run_id: str) -> list[Event]:
    return [event async for batch in log.tail(run_id, 0, 3600.0) for event in batch]


def _tool_calls(events: list[Event]) -> list[ToolCallOut]:
    calls: dict[str, dict[str, Any]] = {}
    for event in events:
        if event.name == "tool_call":
            calls[event.data["call_id"]] = {
                "name": event.data["tool_name"],
                "arguments": event.data["arguments"],
                "result": None,
            }
        elif event.name == "tool_result" and event.data["call_id"] in calls:
            calls[event.data["call_id"]]["result"] = event.data["output"]
    return [ToolCallOut(**c) for c in calls.values()]


def _final(events: list[Event]) -> tuple[str, list[dict[str, Any]]]:
    """The reply and history of a finished run, or raise the run's error."""
    reply: str = ""
    history: list[dict[str, Any]] = []
    for event in events:
        if event.name == "completed":
            reply = event.data["final_message"]
        elif event.name == "history":
            history = event.data
        elif event.name == "cancelled":
            reply = "".join(e.data["content"] for e in events if e.name == "message_delta")
        elif event.name == "error":
            raise TurnFailed(event.data["message"], event.data["code"])
    return reply, history


@router.post(
    "/{user_id}/chat/stream",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "SSE, encoding A"}},
)
async def chat_stream(
    user_id: int,
    body: ChatRequest,
    user: CurrentUser,
    runtime: RuntimeDep,
    idempotency_key: IdempotencyKey = None,
) -> StreamingResponse:
    """Start a turn and stream it as typed data events (encoding A)."""
    _check_path_user(user_id, user)
    key = None if body.conversation_id is None else str(body.conversation_id)
    try:
        turn = await runtime.chat.start_turn(
            user, body.message, key, body.timezone, idempotency_key
        )
    except LimitExceeded as exc:
        return _sse(_once(encoder("typed", key or "").refusal(exc.info.payload())))
    await _replayable(runtime, turn)
    return _stream(runtime, turn.run_id, encoder("typed", turn.conversation_key))


@router.post("/{user_id}/chat", response_model=ChatResponse)
async def chat(
    user_id: int,
    body: ChatRequest,
    user: CurrentUser,
    runtime: RuntimeDep,
    idempotency_key: IdempotencyKey = None,
) -> Any:
    """Run a turn and answer when it is done (encoding C)."""
    _check_path_user(user_id, user)
    key = None if body.conversation_id is None else str(body.conversation_id)
    turn = await runtime.chat.start_turn(user, body.message, key, body.timezone, idempotency_key)
    await _replayable(runtime, turn)
    events = await _collect(runtime.events, turn.run_id)
    reply, _ = _final(events)
    return ChatResponse(
        conversation_id=turn.conversation_key, response=reply, tool_calls=_tool_calls(events)
    )


@router.post(
    "/todos/agent-create/stream",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "SSE, encoding B"}},
)
async def agent_create_stream(
    body: AgentCreateRequest,
    user: CurrentUser,
    runtime: RuntimeDep,
    idempotency_key: IdempotencyKey = None,
) -> StreamingResponse:
    """Start a turn and stream it as named events (encoding B)."""
    try:
        turn = await runtime.chat.start_turn(
            user, body.text, body.session_id, body.timezone, idempotency_key
        )
    except LimitExceeded as exc:
        return _sse(_once(encoder("named", "").refusal(exc.info.payload())))
    await _replayable(runtime, turn)
    return _stream(runtime, turn.run_id, encoder("named", turn.conversation_key))


@router.post("/todos/agent-create", response_model=AgentCreateResponse)
async def agent_create(
    body: AgentCreateRequest,
    user: CurrentUser,
    runtime: RuntimeDep,
    idempotency_key: IdempotencyKey = None,
) -> Any:
    """Run a turn and answer when it is done (encoding C for named-event clients)."""
    turn = await runtime.chat.start_turn(
        user, body.text, body.session_id, body.timezone, idempotency_key
    )
    await _replayable(runtime, turn)
    events = await _collect(runtime.events, turn.run_id)
    reply, history = _final(events)
    return AgentCreateResponse(
        session_id=turn.conversation_key,
        final_message=reply,
        tool_calls=_tool_calls(events),
        history=history,
    )


@router.get(
    "/runs/{run_id}/events",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/event-stream": {}}, "description": "SSE replay + live"},
        410: {"description": "the run's events have expired"},
    },
)
async def run_events(
    run_id: str,
    user: CurrentUser,
    runtime: RuntimeDep,
    session: SessionDep,
    format: Literal["typed", "named"] = "typed",
    after: Annotated[int | None, Query(ge=0)] = None,
    last_event_id: Annotated[str | None, Header()] = None,
) -> Response:
    """Replay a run's events after a position, then follow it live (resume after a drop)."""
    conversations = ConversationService(session, user.id)
    run = await conversations.get_run(run_id)
    conversation = await conversations.conversation_of(run)
    key = conversation.key
    await session.close()
    position = after or 0
    if last_event_id:
        parsed = parse_event_id(last_event_id)
        if parsed is not None and parsed[0] == run_id:
            position = max(position, parsed[1])
    if not await runtime.events.exists(run_id):
        return Response(
            '{"detail":"the events of this run have expired"}',
            status_code=410,
            media_type="application/json",
        )
    return _stream(runtime, run_id, encoder(format, key), after=position)


@router.post("/runs/{run_id}/cancel", response_model=CancelOut)
async def cancel_run(run_id: str, user: CurrentUser, runtime: RuntimeDep) -> CancelOut:
    """Stop a run; the reply so far is kept, marked as stopped."""
    outcome = await runtime.chat.stop(user, run_id)
    return CancelOut(run_id=outcome.run_id, cancelled=outcome.cancelled, status=outcome.status)


# -- Vercel AI SDK (UI message stream) -------------------------------------------------------


@clients_router.post(
    "/aisdk/chat",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "UI message stream"}},
)
async def aisdk_chat(
    body: AiSdkChatRequest,
    user: CurrentUser,
    runtime: RuntimeDep,
    idempotency_key: IdempotencyKey = None,
) -> StreamingResponse:
    """A turn for ``DefaultChatTransport``: chat id = conversation id, the turn is the last
    user message's text; Stop is ``POST /api/runs/{runId}/cancel`` (``runId`` in the ``start``
    chunk's metadata)."""
    stream = encoder("aisdk", body.id)
    try:
        turn = await runtime.chat.start_turn(
            user, body.text, body.id, body.timezone, idempotency_key
        )
    except LimitExceeded as exc:
        return _sse(_once(stream.refusal(exc.info.payload())), AISDK_HEADERS)
    await _replayable(runtime, turn)
    return _stream(runtime, turn.run_id, stream, headers=AISDK_HEADERS)


@clients_router.get(
    "/aisdk/chat/{chat_id}/stream",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/event-stream": {}}, "description": "replay from start, then live"},
        204: {"description": "nothing is being answered in this chat"},
    },
)
async def aisdk_resume(
    chat_id: str, user: CurrentUser, runtime: RuntimeDep, session: SessionDep
) -> Response:
    """``useChat({resume: true})``: the reply being written in this chat, replayed from its
    ``start`` chunk (the client rebuilds the message from it) and followed live."""
    conversations = ConversationService(session, user.id)
    try:
        conversation = await conversations.get(chat_id)
    except NotFound:
        return Response(status_code=status.HTTP_204_NO_CONTENT)
    run_id = await conversations.active_run(conversation)
    key = conversation.key
    await session.close()
    if run_id is None or not await runtime.events.exists(run_id):
        return Response(status_code=status.HTTP_204_NO_CONTENT)
    return _stream(runtime, run_id, encoder("aisdk", key), headers=AISDK_HEADERS)


# -- AG-UI -----------------------------------------------------------------------------------


@clients_router.post(
    "/agui",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "AG-UI events"}},
)
async def agui_run(
    body: AgUiRunInput,
    user: CurrentUser,
    runtime: RuntimeDep,
    idempotency_key: IdempotencyKey = None,
) -> StreamingResponse:
    """A turn for ``HttpAgent.runAgent()``: thread id = conversation id, the turn is the last
    user message; Stop is ``POST /api/runs/{run_id}/cancel`` (``metadata.todochat.run_id`` of
    ``RUN_STARTED``), which ends the run with ``RUN_FINISHED`` (outcome cancelled)."""
    stream = encoder("agui", body.threadId, body.runId)
    try:
        turn = await runtime.chat.start_turn(
            user, body.text, body.threadId, body.timezone, idempotency_key
        )
    except LimitExceeded as exc:
        return _sse(_once(stream.refusal(exc.info.payload())))
    await _replayable(runtime, turn)
    return _stream(runtime, turn.run_id, stream)


# -- OpenAI ChatKit --------------------------------------------------------------------------


@clients_router.post(
    "/chatkit",
    response_class=StreamingResponse,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"type": "object"}}},
            "description": "one ChatKit request: {type, params, metadata?}",
        }
    },
    responses={
        200: {
            "content": {"text/event-stream": {}, "application/json": {}},
            "description": "a stream for a turn, JSON for the other requests",
        }
    },
)
async def chatkit(request: Request, user: CurrentUser, runtime: RuntimeDep) -> Response:
    """ChatKit's self-hosted server protocol: thread = conversation. A client that goes away
    stops the turn (ChatKit cannot resume a stream)."""
    await loaded()
    chatkit_server = await imported("todochat.chat.chatkit_server")  # on first use
    result = await chatkit_server.process(await request.body(), user, runtime)
    if isinstance(result, bytes):
        return Response(result, media_type="application/json")
    return _sse(result)


# -- the composer's preview ------------------------------------------------------------------


@router.post("/parse")
async def parse(body: ParseRequest, user: CurrentUser, runtime: RuntimeDep) -> dict[str, Any]:
    """What the offline reader takes from a message: for new todos their fields, the words
    that gave them (character offsets) and a summary, for the composer to preview as the
    user types. Nothing is stored."""
    try:
        tz = zone(body.timezone or user.timezone)
    except ValueError as exc:
        raise InvalidInput("timezone", str(exc)) from exc
    return preview(body.text, runtime.clock().astimezone(tz), tz)


# -- conversations ---------------------------------------------------------------------------


def _conversation_out(c: Conversation) -> ConversationOut:
    return ConversationOut(
        id=c.key, title=c.title, created_at=c.created_at, updated_at=c.updated_at
    )


@router.get("/conversations", response_model=list[ConversationOut])
@router.get("/todos/agent-sessions", response_model=list[ConversationOut])
async def list_conversations(user: CurrentUser, session: SessionDep) -> list[ConversationOut]:
    """The user's conversations, most recent first."""
    return [_conversation_out(c) for c in await ConversationService(session, user.id).all()]


@router.post("/conversations", response_model=ConversationOut, status_code=status.HTTP_201_CREATED)
@router.post(
    "/todos/agent-sessions/new", response_model=ConversationOut, status_code=status.HTTP_201_CREATED
)
async def new_conversation(
    user: CurrentUser, session: SessionDep, body: NewConversationIn | None = None
) -> ConversationOut:
    """Start an empty conversation (optionally with a client-chosen id)."""
    key = body.id or body.session_id if body else None
    conversation = await ConversationService(session, user.id).create(key)
    await session.commit()
    return _conversation_out(conversation)


@router.get("/conversations/{conversation_id}/messages", response_model=MessagesOut)
@router.get("/todos/agent-sessions/{conversation_id}/history", response_model=MessagesOut)
async def conversation_messages(
    conversation_id: str, user: CurrentUser, session: SessionDep
) -> MessagesOut:
    """User-visible history: messages with the tool calls of each reply."""
    conversations = ConversationService(session, user.id)
    conversation = await conversations.get(conversation_id)
    return MessagesOut(
        conversation_id=conversation.key,
        title=conversation.title,
        messages=await conversations.messages(conversation),
        active_run_id=await conversations.active_run(conversation),
    )


@router.delete("/conversations/{conversation_id}", status_code=status.HTTP_204_NO_CONTENT)
@router.delete("/todos/agent-sessions/{conversation_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_conversation(
    conversation_id: str, user: CurrentUser, runtime: RuntimeDep
) -> Response:
    """Delete a conversation and what the assistant remembered of it; a reply still being
    written in it is stopped."""
    await runtime.chat.delete_conversation(user, conversation_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
