"""OpenAI ChatKit's self-hosted server protocol on todochat's own conversations.

``chatkit.server.ChatKitServer`` routes and serializes ChatKit's requests; todochat supplies a
Store over its conversations (thread = conversation, items = its messages) and ``respond``,
which follows the turn's run. Everything a request can be refused for is checked before the
stream starts, so it gets a 4xx instead of a cut stream: ChatKitServer only reports problems
inside a stream that has already answered 200.

The turn is recorded by todochat when it starts (before ChatKitServer asks the Store to add the
user's message), and its reply when it ends, so the Store's item writes are no-ops: nothing is
stored twice. ChatKit cannot resume a stream, so a client that goes away stops its turn.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from chatkit.errors import CustomStreamError
from chatkit.server import ChatKitServer
from chatkit.store import Store, StoreItemType
from chatkit.types import (
    Attachment,
    ChatKitReq,
    Page,
    ThreadItem,
    ThreadMetadata,
    ThreadsAddUserMessageReq,
    ThreadsCreateReq,
    ThreadStreamEvent,
    UserMessageInput,
    UserMessageItem,
    UserMessageTagContent,
    is_streaming_req,
)
from pydantic import TypeAdapter, ValidationError
from sqlalchemy import update

from todochat.chat.chatkit_events import ChatKitEvents, message_items, user_item_id
from todochat.chat.conversations import TITLE_LENGTH, ConversationService, title_from
from todochat.chat.encoders import PING
from todochat.chat.service import StartedTurn
from todochat.db.models import Conversation, User
from todochat.errors import InvalidInput, LimitExceeded, NotFound
from todochat.runtime import Runtime

log = logging.getLogger("todochat.chat")
T = TypeVar("T")

_REQUEST = TypeAdapter[ChatKitReq](ChatKitReq)
# The request types whose features todochat does not have (client tools, widgets, structured
# input, attachments, dictation, retry): refused before anything streams.
SUPPORTED = frozenset(
    {
        "threads.create",
        "threads.add_user_message",
        "threads.get_by_id",
        "threads.list",
        "threads.update",
        "threads.delete",
        "items.list",
        "items.feedback",
    }
)
# Stops asked for by streams that went away; held so they finish.
_stopping: set[asyncio.Future[Any]] = set()
# Chunks read ahead of a slow client (then the reader waits, as a direct stream would).
_BUFFERED = 64


@dataclass
class ChatKitContext:
    """What one ChatKit request carries through ChatKitServer into the Store and ``respond``."""

    user: User
    runtime: Runtime
    turn: StartedTurn | None = None
    text: str = ""
    created: bool = False
    refusal: str | None = None
    thread_key: str | None = None


class ConversationStore(Store[ChatKitContext]):
    """ChatKit's Store over one user's todochat conversations."""

    def generate_thread_id(self, context: ChatKitContext) -> str:
        assert context.thread_key is not None
        return context.thread_key

    def generate_item_id(
        self, item_type: StoreItemType, thread: ThreadMetadata, context: ChatKitContext
    ) -> str:
        # Called for the user's message only (todochat makes the reply's items itself); a
        # refused turn's message is not kept, so its id is made up.
        return user_item_id(context.turn.run_id if context.turn else _fresh_key())

    async def load_thread(self, thread_id: str, context: ChatKitContext) -> ThreadMetadata:
        async with context.runtime.db.session() as session:
            conversation = await ConversationService(session, context.user.id).get(thread_id)
            return _thread(conversation)

    async def save_thread(self, thread: ThreadMetadata, context: ChatKitContext) -> None:
        # The conversation exists already (the turn created it); only a title is ChatKit's,
        # and the one ``respond`` gives a new thread is the one the turn stored.
        if thread.title is None or (context.created and thread.title == title_from(context.text)):
            return
        async with context.runtime.db.session() as session:
            conversation = await ConversationService(session, context.user.id).get(thread.id)
            title = " ".join(thread.title.split())[:TITLE_LENGTH]
            if conversation.title != title:
                await session.execute(
                    update(Conversation)
                    .where(Conversation.id == conversation.id)
                    .values(title=title)
                )
                await session.commit()

    async def load_thread_items(
        self,
        thread_id: str,
        after: str | None,
        limit: int,
        order: str,
        context: ChatKitContext,
    ) -> Page[ThreadItem]:
        items = await self._items(thread_id, context)
        if order == "desc":
            items.reverse()
        return _page(items, after, limit, lambda item: item.id)

    async def load_threads(
        self, limit: int, after: str | None, order: str, context: ChatKitContext
    ) -> Page[ThreadMetadata]:
        async with context.runtime.db.session() as session:
            conversations = await ConversationService(session, context.user.id).all()
        threads = [_thread(c) for c in conversations]  # newest activity first
        if order == "asc":
            threads.reverse()
        return _page(threads, after, limit, lambda thread: thread.id)

    async def load_item(self, thread_id: str, item_id: str, context: ChatKitContext) -> ThreadItem:
        for item in await self._items(thread_id, context):
            if item.id == item_id:
                return item
        raise NotFound("item", item_id)

    async def add_thread_item(
        self, thread_id: str, item: ThreadItem, context: ChatKitContext
    ) -> None:
        """Recorded by todochat's turn already (the user's message when it started, the reply
        when it ends)."""

    async def save_item(self, thread_id: str, item: ThreadItem, context: ChatKitContext) -> None:
        """As ``add_thread_item``: the turn's own record is the one copy."""

    async def delete_thread_item(
        self, thread_id: str, item_id: str, context: ChatKitContext
    ) -> None:
        """Only reached by the retry and client-tool requests, which are refused up front."""

    async def delete_thread(self, thread_id: str, context: ChatKitContext) -> None:
        await context.runtime.chat.delete_conversation(context.user, thread_id)

    async def save_attachment(self, attachment: Attachment, context: ChatKitContext) -> None:
        raise InvalidInput("attachments", "todochat takes text messages only")

    async def load_attachment(self, attachment_id: str, context: ChatKitContext) -> Attachment:
        raise InvalidInput("attachments", "todochat takes text messages only")

    async def delete_attachment(self, attachment_id: str, context: ChatKitContext) -> None:
        raise InvalidInput("attachments", "todochat takes text messages only")

    async def _items(self, thread_id: str, context: ChatKitContext) -> list[ThreadItem]:
        async with context.runtime.db.session() as session:
            conversations = ConversationService(session, context.user.id)
            conversation = await conversations.get(thread_id)
            messages = await conversations.messages(conversation)
        return [item for m in messages for item in message_items(thread_id, m)]


def _thread(conversation: Conversation) -> ThreadMetadata:
    return ThreadMetadata(
        id=conversation.key,
        title=conversation.title or None,
        created_at=conversation.created_at,
    )


def _page(items: list[T], after: str | None, limit: int, key: Callable[[T], str]) -> Page[T]:
    """Keyset paging over a list already in order: the items after the one with id ``after``."""
    start = 0
    if after is not None:
        ids = [key(item) for item in items]
        if after not in ids:
            raise InvalidInput("after", "not an id in this list")
        start = ids.index(after) + 1
    page = items[start : start + limit]
    has_more = start + limit < len(items)
    return Page(data=page, has_more=has_more, after=key(page[-1]) if page else None)


class TodochatChatKit(ChatKitServer[ChatKitContext]):
    """``respond`` follows the turn's run; a stream that goes away stops the turn."""

    async def respond(
        self,
        thread: ThreadMetadata,
        input_user_message: UserMessageItem | None,
        context: ChatKitContext,
    ) -> AsyncIterator[ThreadStreamEvent]:
        if context.refusal is not None or context.turn is None:
            raise CustomStreamError(context.refusal or "Nothing to answer.", allow_retry=False)
        if context.created:
            # Saved and announced as ``thread.updated`` by ChatKitServer.
            thread.title = title_from(context.text)
        runtime = context.runtime
        events = ChatKitEvents(thread.id, context.turn.run_id, runtime.clock())
        tail = runtime.events.tail(context.turn.run_id, 0, runtime.settings.heartbeat_seconds)
        async for batch in tail:
            for out in events.feed_batch(batch):
                yield out
            if events.error is not None:
                # ChatKit's own error event, which ends the stream. Retrying is ChatKit's
                # retry_after_item, which todochat does not offer: the message is kept and
                # can be sent again.
                raise CustomStreamError(events.error, allow_retry=False)

    async def handle_stream_cancelled(
        self,
        thread: ThreadMetadata,
        pending_items: list[ThreadItem],
        context: ChatKitContext,
    ) -> None:
        # The partial reply is stored by the run itself, marked stopped: nothing to save here.
        if context.turn is None:
            return
        task = asyncio.create_task(context.runtime.chat.stop(context.user, context.turn.run_id))
        _stopping.add(task)
        task.add_done_callback(_stopping.discard)


def _text(message: UserMessageInput) -> str:
    if message.attachments:
        raise InvalidInput("attachments", "todochat takes text messages only")
    parts = [
        part.text
        for part in message.content
        if not isinstance(part, UserMessageTagContent) or part.text
    ]
    return "".join(parts)


async def process(raw: bytes, user: User, runtime: Runtime) -> AsyncIterator[bytes] | bytes:
    """Answer one ChatKit request: a stream (a turn) or a JSON body. Raises the domain error
    for a refused request before any stream starts."""
    try:
        request = _REQUEST.validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "request"
        raise InvalidInput(where, first["msg"]) from None
    if request.type not in SUPPORTED:
        raise InvalidInput("type", f"todochat does not support the ChatKit request {request.type}")
    context = ChatKitContext(user=user, runtime=runtime)
    server = TodochatChatKit(ConversationStore())
    if isinstance(request, ThreadsCreateReq | ThreadsAddUserMessageReq):
        await _start(request, context)
    # ``ChatKitServer.process`` would parse the body again with a TypeAdapter it builds per
    # call (about a millisecond); this is its body, given the request parsed above.
    if is_streaming_req(request):
        stream = server._process_streaming(request, context)
        return _with_heartbeat(stream, runtime.settings.heartbeat_seconds)
    return await server._process_non_streaming(request, context)


async def _start(
    request: ThreadsCreateReq | ThreadsAddUserMessageReq, context: ChatKitContext
) -> None:
    """Start the turn before the stream does: refused input gets a 4xx, not a cut stream."""
    runtime, user = context.runtime, context.user
    text = _text(request.params.input)
    key: str | None = None
    if isinstance(request, ThreadsAddUserMessageReq):
        key = request.params.thread_id
        async with runtime.db.session() as session:
            await ConversationService(session, user.id).get(key)  # the user's own, or 404
    timezone = request.metadata.get("timezone")
    context.text = text
    try:
        context.turn = await runtime.chat.start_turn(
            user, text, key, timezone if isinstance(timezone, str) else None
        )
    except LimitExceeded as exc:
        # ChatKit's way: an error event after the user's message (which its UI shows already).
        context.refusal = exc.message
        context.thread_key = key or _fresh_key()
        return
    context.thread_key = context.turn.conversation_key
    context.created = key is None


def _fresh_key() -> str:
    return uuid.uuid4().hex


async def _with_heartbeat(body: AsyncIterator[bytes], every: float) -> AsyncIterator[bytes]:
    """ChatKitServer's stream with a comment line when nothing was sent for ``every`` seconds,
    so proxies keep a turn that waits on a slow model open.

    The body is read by one task of its own (ChatKitServer sets context variables around its
    loop, so it must run in one context): when the client goes away, that task is cancelled
    once, and ChatKitServer's cancellation handling (which stops the turn) runs to its end
    instead of being interrupted again by the request's cancelled scope.
    """
    chunks: asyncio.Queue[bytes | None] = asyncio.Queue(maxsize=_BUFFERED)

    async def read() -> None:
        try:
            async for chunk in body:
                await chunks.put(chunk)
        except Exception:
            # ChatKitServer turns what fails in ``respond`` into an error event; this is
            # anything else, after the 200: the stream ends, the turn's record stays whole.
            log.exception("a ChatKit stream failed")
        await chunks.put(None)

    reader = asyncio.create_task(read())
    _stopping.add(reader)
    reader.add_done_callback(_stopping.discard)
    try:
        while True:
            try:
                async with asyncio.timeout(every):  # no task per wait, unlike wait_for
                    chunk = await chunks.get()
            except TimeoutError:
                yield PING
                continue
            if chunk is None:
                return
            # What the reader has queued meanwhile goes out in one write, as a batch of the
            # event log does on the other encodings (ChatKitServer yields event by event).
            batch = [chunk]
            while not chunks.empty():
                more = chunks.get_nowait()
                if more is None:
                    yield b"".join(batch)
                    return
                batch.append(more)
            yield b"".join(batch) if len(batch) > 1 else chunk
    finally:
        reader.cancel()
