// The chat pane: history, streaming turns (typed SSE), tool chips, Stop, reconnect and resume.

import {
  ApiError,
  api,
  canStream,
  ensureOk,
  errorMessage,
  getRunEvents,
  handleUnauthorized,
  postStream,
  readSSE,
} from "./api.js";
import { renderMarkdown } from "./markdown.js";
import { h, icon, ICONS, toast } from "./dom.js";
import { formatDue, formatInstant } from "./format.js";

const TURN_KEY = "todochat.turn";
const MAX_RETRIES = 8;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A conversation id chosen by the page (32 hex digits); works without a secure context. */
function newConversationId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The in-flight turn as stored for a reload: {run_id, last_event_id, conversation_id}. */
export function savedTurn() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(TURN_KEY) || "null");
    return saved && typeof saved.run_id === "string" ? saved : null;
  } catch {
    return null;
  }
}

function saveTurn(turn) {
  if (!turn.runId) return;
  sessionStorage.setItem(
    TURN_KEY,
    JSON.stringify({
      run_id: turn.runId,
      last_event_id: turn.lastId,
      conversation_id: turn.conversationId,
    }),
  );
}

export function forgetTurn() {
  sessionStorage.removeItem(TURN_KEY);
}

// -- tool chips -----------------------------------------------------------------------------

const quote = (s) => `'${s}'`;
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const PENDING = {
  add_task: (a) => (a.title ? `Adding ${quote(a.title)}…` : "Adding a task…"),
  complete_task: () => "Completing a task…",
  uncomplete_task: () => "Reopening a task…",
  delete_task: () => "Deleting a task…",
  update_task: () => "Updating a task…",
  list_tasks: () => "Looking at your tasks…",
  search_tasks: (a) => (a.query ? `Searching for ${quote(a.query)}…` : "Searching…"),
  clear_completed: () => "Clearing completed tasks…",
  list_tags: () => "Looking at your tags…",
};

const FAILED = {
  add_task: "add the task",
  complete_task: "complete the task",
  uncomplete_task: "reopen the task",
  delete_task: "delete the task",
  update_task: "update the task",
  list_tasks: "list your tasks",
  search_tasks: "search",
  clear_completed: "clear completed tasks",
  list_tags: "list your tags",
};

/** What a tool call did, in words: {text, kind: pending|ok|error, icon, items?}. */
// The verb a reply's text uses for a tool's result, to see when it only repeats a chip.
const SAID = { created: "added", deleted: "deleted", completed: "completed" };

export function describeTool(name, args, result, tz) {
  args = args && typeof args === "object" ? args : {};
  if (result === undefined || result === null) {
    const pending = PENDING[name];
    return { text: pending ? pending(args) : `Running ${name}…`, kind: "pending", icon: ICONS.clock };
  }
  if (typeof result === "object" && !Array.isArray(result) && result.error) {
    return { text: `Couldn't ${FAILED[name] || name}: ${result.error}`, kind: "error", icon: ICONS.alert };
  }
  if (Array.isArray(result)) {
    if (name === "list_tags") {
      return { text: result.length ? `Found ${plural(result.length, "tag")}` : "No tags yet", kind: "ok", icon: ICONS.tag };
    }
    const items = result.map((t) => (t && typeof t === "object" ? t.title : String(t))).filter(Boolean);
    const text = result.length ? `Found ${plural(result.length, "task")}` : "No tasks found";
    return { text, kind: "ok", icon: ICONS.search, items };
  }
  if (typeof result !== "object") return { text: `${name}: ${String(result)}`, kind: "ok", icon: ICONS.check };
  const title = result.title ? quote(result.title) : "the task";
  const due = result.due_date ? formatDue(result.due_date, result.due_time, tz) : "";
  switch (result.status) {
    case "created":
      return { text: `Added ${title}${due ? ` · ${due}` : ""}`, kind: "ok", icon: ICONS.plus };
    case "completed":
      return {
        text: result.rolled_forward && due ? `Completed ${title} · next ${due}` : `Completed ${title}`,
        kind: "ok",
        icon: ICONS.check,
      };
    case "deleted":
      return { text: `Deleted ${title}`, kind: "ok", icon: ICONS.trash };
    case "updated": {
      if (name === "uncomplete_task") return { text: `Reopened ${title}`, kind: "ok", icon: ICONS.undo };
      const dueChanged = "due_date" in args || "due_time" in args;
      return { text: `Updated ${title}${dueChanged && due ? ` · ${due}` : ""}`, kind: "ok", icon: ICONS.pencil };
    }
    case "cleared":
      return { text: `Cleared ${plural(result.deleted || 0, "completed task")}`, kind: "ok", icon: ICONS.trash };
    default:
      return { text: `${name.replace(/_/g, " ")}: done`, kind: "ok", icon: ICONS.check };
  }
}

function chipContent(chip, d) {
  chip.className = `chip chip-${d.kind}`;
  const label = h("span", { class: "chip-text" }, d.text);
  if (d.items && d.items.length) {
    const details = h(
      "details",
      { class: "chip-details" },
      h("summary", {}, icon(d.icon, "icon icon-xs"), label),
      h("ul", {}, d.items.slice(0, 20).map((t) => h("li", {}, t))),
    );
    chip.replaceChildren(details);
  } else {
    chip.replaceChildren(icon(d.icon, "icon icon-xs"), label);
  }
}

// -- message bubbles ------------------------------------------------------------------------

/** One assistant reply: chips and text in the order they arrive, then a footer mark. */
class Reply {
  constructor(container, tz) {
    this.tz = tz;
    this.body = h("div", { class: "msg-body" });
    this.typing = h("div", { class: "typing", role: "status", "aria-label": "Assistant is typing" }, h("span"), h("span"), h("span"));
    this.footer = h("div", { class: "msg-foot" });
    this.footer.hidden = true;
    this.el = h(
      "article",
      { class: "msg msg-assistant is-streaming", "aria-label": "Assistant" },
      h("div", { class: "avatar", "aria-hidden": "true" }, icon(ICONS.chat)),
      h("div", { class: "msg-main" }, this.body, this.typing, this.footer),
    );
    container.append(this.el);
    this.chips = new Map();
    this.textEl = null;
    this.chipRow = null;
    this.text = "";
  }

  get hasText() {
    return this.text.length > 0;
  }

  appendText(delta) {
    if (!delta) return;
    if (!this.textEl) {
      this.textEl = h("div", { class: "msg-text" });
      this.body.append(this.textEl);
      this.chipRow = null;
    }
    this.text += delta;
    renderMarkdown(this.textEl, this.text);
    this.typing.hidden = true;
  }

  setText(full) {
    // The authoritative final text, when it differs from what was streamed.
    if (full === this.text) return;
    if (!this.textEl) {
      this.appendText(full);
      return;
    }
    this.text = full;
    if (!full) {
      this.textEl.remove();
      this.textEl = null;
      return;
    }
    renderMarkdown(this.textEl, full);
  }

  chip(callId, name, args) {
    if (!this.chipRow) {
      this.chipRow = h("div", { class: "chips" });
      this.body.append(this.chipRow);
      this.textEl = null;
    }
    let chip = this.chips.get(callId);
    if (!chip) {
      chip = { el: h("div"), name, args };
      this.chips.set(callId, chip);
      this.chipRow.append(chip.el);
    }
    chipContent(chip.el, describeTool(name, args, undefined, this.tz));
    return chip;
  }

  chipResult(callId, name, result) {
    const chip = this.chips.get(callId) || this.chip(callId, name, {});
    chipContent(chip.el, describeTool(name || chip.name, chip.args, result, this.tz));
    if (result && typeof result === "object" && !Array.isArray(result) && result.status) chip.wrote = true;
    const verb = result && typeof result === "object" ? SAID[result.status] : undefined;
    if (verb && result.title) chip.said = `${verb} '${String(result.title).toLowerCase()}'`;
  }

  /** Each change said once: the chip carries it with its details, so a sentence of the text
   * that only repeats a chip ("Added 'Buy milk' · Wed, Dec 2.") goes, as does a list of what
   * the chips already show ("Added 2 todos: 1. 'Milk' 2. 'Eggs'"). */
  dropRepeats() {
    const said = new Set([...this.chips.values()].map((c) => c.said).filter(Boolean));
    if (!said.size || !this.text) return;
    const titles = new Set([...said].map((k) => k.slice(k.indexOf("'"))));
    const lines = this.text.split("\n");
    const listed = /^\s*\d+[.)]\s+('[^']+')(\s+·.*)?$/;
    const header = /^(Added|Deleted|Completed) \d+ (todos|tasks):?$/i;
    if (header.test(lines[0].trim()) && lines.slice(1).every((l) => !l.trim() || (listed.test(l) && titles.has(listed.exec(l)[1].toLowerCase())))) {
      this.setText("");
      return;
    }
    const kept = [];
    for (const line of lines) {
      const sentences = line.split(/(?<=[.!?])\s+/);
      const rest = sentences.filter((sentence) => {
        const m = /^(Added|Deleted|Completed) ('[^']+')(\s+·[^.!?]*)?[.!]?$/i.exec(sentence.trim());
        return !(m && said.has(`${m[1].toLowerCase()} ${m[2].toLowerCase()}`));
      });
      if (rest.length) kept.push(rest.join(" "));
      else if (!line.trim()) kept.push(line);
    }
    const text = kept.join("\n").trim();
    if (text !== this.text.trim()) this.setText(text);
  }

  status(text) {
    this.footer.hidden = !text;
    this.footer.className = "msg-foot";
    this.footer.replaceChildren(text ? h("span", { class: "muted" }, text) : "");
  }

  finish() {
    this.el.classList.remove("is-streaming");
    this.typing.hidden = true;
    this.status("");
    this.dropRepeats();
    if (!this.hasText && !this.chips.size) this.appendText("(no reply)");
  }

  markStopped() {
    this.el.classList.remove("is-streaming");
    this.el.classList.add("is-stopped");
    this.typing.hidden = true;
    this.footer.hidden = false;
    this.footer.className = "msg-foot";
    this.footer.replaceChildren(h("span", { class: "mark mark-stopped" }, icon(ICONS.stop, "icon icon-xs"), "stopped"));
  }

  get wrote() {
    return [...this.chips.values()].some((c) => c.wrote);
  }

  /** "Undo" under a reply that changed todos: reverts what this reply's tools changed. */
  offerUndo(run) {
    const button = h(
      "button",
      {
        type: "button",
        class: "btn btn-sm reply-undo",
        onclick: async () => {
          button.disabled = true;
          if (await run()) {
            button.remove();
            for (const chip of this.chips.values()) if (chip.wrote) chip.el.classList.add("chip-undone");
          } else {
            button.disabled = false;
          }
        },
      },
      icon(ICONS.undo, "icon icon-xs"),
      " Undo",
    );
    this.body.append(button);
  }

  /** A "Try again" button under a failed reply. */
  offerRetry(run) {
    const button = h(
      "button",
      {
        type: "button",
        class: "btn btn-sm retry",
        onclick: () => {
          button.remove();
          run();
        },
      },
      icon(ICONS.undo, "icon icon-xs"),
      " Try again",
    );
    this.body.append(button);
  }

  markFailed(title, detail) {
    this.failed = true;
    this.el.classList.remove("is-streaming");
    this.typing.hidden = true;
    this.footer.hidden = true;
    this.body.append(notice(title, detail));
  }
}

function notice(title, detail) {
  return h(
    "div",
    { class: "notice", role: "alert" },
    icon(ICONS.alert, "icon icon-sm"),
    h("div", {}, h("strong", {}, title), detail ? h("p", {}, detail) : null),
  );
}

/** Title and detail for an error event or an error response body. */
function describeError(payload, tz) {
  const code = payload.code || "";
  const message = payload.message || payload.detail || "Something went wrong.";
  if (code === "rate_limit_exceeded" || payload.reset_date || payload.monthly_limit !== undefined) {
    // Quota left this month: the per-minute limit refused it, and only that wait applies.
    if (typeof payload.remaining_quota === "number" && payload.remaining_quota > 0) {
      const parts = [String(message)];
      if (payload.retry_after && !/try again/i.test(message)) parts.push(`Try again in ${payload.retry_after} s.`);
      return ["Too many messages at once", parts.join(" ")];
    }
    const parts = [String(message)];
    if (payload.reset_date) parts.push(`Your quota resets ${formatInstant(payload.reset_date, tz)}.`);
    else if (payload.retry_after) parts.push(`Try again in ${payload.retry_after} s.`);
    return ["You've reached your limit", parts.join(" ")];
  }
  if (code === "timeout") return ["The assistant took too long", String(message)];
  if (code === "model_unavailable") return ["The assistant is unavailable", String(message)];
  return ["The assistant couldn't answer", String(message)];
}

// -- the view -------------------------------------------------------------------------------

export class ChatView {
  constructor(els, { getUser, onTodosChanged, onConversationStarted, onTurnEnd, onBusy, onEdit }) {
    this.onEdit = onEdit;
    this.els = els;
    this.getUser = getUser;
    this.onTodosChanged = onTodosChanged;
    this.onConversationStarted = onConversationStarted;
    this.onTurnEnd = onTurnEnd;
    this.onBusy = onBusy;
    this.conversationId = null;
    this.turn = null;
    this.loadToken = 0;
    this.messageCount = 0;
    this.background = new Map(); // conversation id -> run id of a turn left while it ran
    // Follow the newest text unless the reader has scrolled up to read something earlier.
    this.stick = true;
    els.scroll.addEventListener("scroll", () => this.onScroll(), { passive: true });
    els.jump?.addEventListener("click", () => {
      this.scrollToEnd(true);
      this.els.jump.hidden = true;
    });
  }

  distanceFromEnd() {
    const s = this.els.scroll;
    return s.scrollHeight - s.scrollTop - s.clientHeight;
  }

  onScroll() {
    this.stick = this.distanceFromEnd() < 48;
    if (this.stick) this.autoTop = this.els.scroll.scrollTop;
    if (this.els.jump) this.els.jump.hidden = this.stick;
  }

  get tz() {
    return this.getUser()?.timezone || "UTC";
  }

  get busy() {
    return this.turn !== null;
  }

  // -- history ------------------------------------------------------------------------------

  clear() {
    this.els.messages.replaceChildren();
    this.messageCount = 0;
    this.updateEmpty();
  }

  updateEmpty() {
    this.els.empty.hidden = this.messageCount > 0;
  }

  /** Show a conversation (null: a new, empty one). Returns its messages. */
  async open(conversationId) {
    this.detach();
    const token = ++this.loadToken;
    this.conversationId = conversationId;
    this.clear();
    if (!conversationId) return [];
    this.els.messages.setAttribute("aria-busy", "true");
    try {
      const data = await api(`/api/conversations/${encodeURIComponent(conversationId)}/messages`);
      if (token !== this.loadToken) return [];
      this.renderHistory(data.messages);
      const runId = this.background.get(conversationId);
      if (runId) {
        this.background.delete(conversationId);
        this.resume({ run_id: runId, conversation_id: conversationId }, data.messages);
      }
      return data.messages;
    } catch (err) {
      if (token !== this.loadToken) return [];
      this.els.messages.append(notice("Couldn't load this conversation", err.message));
      return [];
    } finally {
      if (token === this.loadToken) this.els.messages.removeAttribute("aria-busy");
    }
  }

  /** The open conversation changed elsewhere (another tab, a phone): show it as it is now,
   * and follow a reply that is being written there. Nothing while this tab answers itself. */
  async followElsewhere() {
    const id = this.conversationId;
    if (!id || this.busy) return;
    const token = ++this.loadToken;
    let data;
    try {
      data = await api(`/api/conversations/${encodeURIComponent(id)}/messages`);
    } catch {
      return;
    }
    if (token !== this.loadToken || this.busy || this.conversationId !== id) return;
    // Already showing all of it (e.g. the notice of a turn this tab has just finished).
    if (!data.active_run_id && data.messages.length === this.messageCount) return;
    this.renderHistory(data.messages);
    if (data.active_run_id) this.resume({ run_id: data.active_run_id, conversation_id: id }, data.messages);
  }

  renderHistory(messages) {
    this.clear();
    for (const m of messages) {
      if (m.role === "user") this.addUser(m.content);
      else if (m.role === "assistant") {
        const reply = this.addReply();
        for (const call of m.tool_calls || []) {
          reply.chip(call.call_id, call.name, call.arguments);
          reply.chipResult(call.call_id, call.name, call.result);
        }
        reply.appendText(m.content || "");
        if (m.status === "stopped") reply.markStopped();
        else if (m.status === "failed") reply.markFailed("This reply failed", m.content ? "" : "Please try again.");
        else reply.finish();
      }
    }
    this.scrollToEnd(true);
  }

  addUser(text) {
    this.messageCount++;
    this.updateEmpty();
    const edit = this.onEdit
      ? h(
          "button",
          { type: "button", class: "icon-btn msg-edit", "aria-label": "Edit this message", onclick: () => this.onEdit(text) },
          icon(ICONS.pencil, "icon icon-xs"),
        )
      : null;
    const el = h(
      "article",
      { class: "msg msg-user", "aria-label": "You" },
      h("div", { class: "msg-main" }, h("div", { class: "msg-body" }, h("div", { class: "msg-text" }, text)), edit),
    );
    this.els.messages.append(el);
    return el;
  }

  addReply() {
    this.messageCount++;
    this.updateEmpty();
    return new Reply(this.els.messages, this.tz);
  }

  /** Keep the newest text in view (``force``: and follow it again from now on). Instant, not
   * smooth: a smooth scroll still under way reads as "scrolled up" and would stop following. */
  scrollToEnd(force = false) {
    const s = this.els.scroll;
    if (force) this.stick = true;
    // Moved up since this view last scrolled: the reader did it, even if the browser has not
    // told us yet (its scroll event comes a frame later).
    else if (this.autoTop !== undefined && s.scrollTop < this.autoTop - 4) this.stick = false;
    if (!this.stick) {
      if (this.els.jump) this.els.jump.hidden = this.distanceFromEnd() < 48;
      return;
    }
    s.scrollTo({ top: s.scrollHeight, behavior: "instant" });
    this.autoTop = s.scrollTop;
  }

  // -- a turn -------------------------------------------------------------------------------

  setBusy(turn) {
    this.turn = turn;
    this.onBusy(!!turn);
  }

  /** Stop rendering the current turn (switching conversations); the run goes on server-side. */
  detach() {
    if (!this.turn) return;
    const turn = this.turn;
    if (turn.runId && !turn.terminal && turn.conversationId) {
      // Still running on the server: pick it up again if this conversation is reopened.
      this.background.set(turn.conversationId, turn.runId);
    }
    this.turn.detached = true;
    this.turn.controller.abort();
    forgetTurn();
    this.setBusy(null);
  }

  async send(text) {
    if (this.turn || !text.trim()) return false;
    const user = this.getUser();
    // A new conversation gets its id here, not from the server, so that after a network error
    // the page can ask whether this turn arrived instead of sending it a second time.
    const conversationId = this.conversationId || newConversationId();
    const usersBefore = this.userCount;
    const turn = this.newTurn(conversationId);
    turn.firstText = text;
    this.addUser(text);
    turn.reply = this.addReply();
    this.scrollToEnd(true);
    this.setBusy(turn);
    const body = { message: text, conversation_id: conversationId, timezone: user.timezone };
    // One key per message: sent again after a network error, it is still one turn.
    turn.key = newConversationId();
    try {
      if (!canStream()) {
        await this.sendWithoutStreaming(turn, body);
        return true;
      }
      let response;
      try {
        response = await postStream(`/api/${user.id}/chat/stream`, body, turn.controller.signal, {
          "Idempotency-Key": turn.key,
        });
      } catch (err) {
        if (turn.controller.signal.aborted) return true;
        await this.afterNetworkError(turn, body, usersBefore);
        return true;
      }
      if (!response.ok) {
        await this.refused(turn, response);
        return true;
      }
      await this.drive(turn, response);
    } finally {
      this.endTurn(turn);
    }
    return true;
  }

  /**
   * The turn's request failed on the network: it may or may not have reached the server. Ask
   * the server; follow the turn if it arrived, send it without streaming only if it did not,
   * and never send it twice.
   */
  async afterNetworkError(turn, body, usersBefore) {
    const id = body.conversation_id;
    let data = null;
    try {
      data = await api(`/api/conversations/${encodeURIComponent(id)}/messages`);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) {
        turn.reply.markFailed(
          "Can't reach the server",
          "Your message may not have been sent. Check your connection, then reload the page.",
        );
        turn.terminal = true;
        return;
      }
    }
    const users = data ? data.messages.filter((m) => m.role === "user") : [];
    const mine = users.length > usersBefore ? users[users.length - 1] : null;
    if (!mine || mine.content !== body.message) {
      // Not received: the non-streaming endpoint is the one way left to send it.
      await this.sendWithoutStreaming(turn, body);
      return;
    }
    turn.conversationId = id;
    this.conversationId = id;
    this.onConversationStarted(id, body.message);
    const stored = data.messages.find((m) => m.role === "assistant" && m.run_id === mine.run_id);
    if (stored || !mine.run_id) {
      // It arrived and is already answered: show the conversation as stored.
      turn.terminal = true;
      this.renderHistory(data.messages);
      return;
    }
    turn.runId = mine.run_id;
    if (turn.stopRequested) await this.cancel(turn);
    await this.drive(turn, null);
  }

  /** How many of the user's messages the open conversation shows. */
  get userCount() {
    return this.els.messages.querySelectorAll(".msg-user").length;
  }

  newTurn(conversationId) {
    return {
      runId: null,
      lastId: null,
      lastSeq: 0,
      conversationId,
      reply: null,
      terminal: false,
      stopRequested: false,
      detached: false,
      controller: new AbortController(),
    };
  }

  async refused(turn, response) {
    let body = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (response.status === 401) handleUnauthorized();
    let title;
    let detail;
    if (response.status === 429) {
      const retry = response.headers.get("Retry-After");
      [title, detail] = describeError({ code: "rate_limit_exceeded", retry_after: retry, ...(body || {}) }, this.tz);
    } else if (response.status === 409) {
      title = "A reply is still being written";
      detail = `${errorMessage(409, body)}. Wait for it to finish, or stop it first.`;
    } else {
      title = response.status === 422 ? "That message can't be sent" : "The assistant couldn't answer";
      detail = errorMessage(response.status, body);
    }
    turn.reply.markFailed(title, detail);
    turn.terminal = true;
  }

  async sendWithoutStreaming(turn, body) {
    const user = this.getUser();
    try {
      const out = await api(`/api/${user.id}/chat`, {
        method: "POST",
        json: body,
        signal: turn.controller.signal,
        headers: turn.key ? { "Idempotency-Key": turn.key } : {},
      });
      turn.conversationId = out.conversation_id;
      this.conversationId = out.conversation_id;
      this.onConversationStarted(out.conversation_id, body.message);
      for (const [i, call] of (out.tool_calls || []).entries()) {
        turn.reply.chip(`c${i}`, call.name, call.arguments);
        turn.reply.chipResult(`c${i}`, call.name, call.result);
      }
      if ((out.tool_calls || []).length) this.onTodosChanged();
      turn.reply.appendText(out.response);
      turn.reply.finish();
    } catch (err) {
      if (turn.controller.signal.aborted) return;
      const payload = err instanceof ApiError && err.body && typeof err.body === "object" ? err.body : {};
      const [title, detail] =
        err instanceof ApiError && err.status === 429
          ? describeError({ code: "rate_limit_exceeded", ...payload }, this.tz)
          : ["The assistant couldn't answer", err.message];
      turn.reply.markFailed(title, detail);
    }
    turn.terminal = true;
  }

  /**
   * Read the turn's events until a terminal one: from ``response`` first, then, after a drop,
   * from GET /api/runs/{run_id}/events with Last-Event-ID (retrying with back-off).
   */
  async drive(turn, response) {
    let failures = 0;
    while (!turn.terminal && !turn.detached) {
      const before = turn.lastSeq;
      try {
        if (!response) {
          response = await getRunEvents(turn.runId, turn.lastId, turn.controller.signal);
          if (response.status === 410) {
            await this.expired(turn);
            return;
          }
          await ensureOk(response);
          turn.reply.status("");
        }
        await readSSE(response, (ev) => this.handle(turn, ev));
      } catch (err) {
        if (turn.detached || turn.controller.signal.aborted) return;
        if (err instanceof ApiError && [401, 403, 404].includes(err.status)) {
          turn.reply.markFailed("This reply can't be shown", err.message);
          turn.terminal = true;
          return;
        }
      }
      response = null;
      if (turn.terminal || turn.detached) return;
      if (!turn.runId) {
        // Dropped before the run was even named: nothing to resume, show what was stored.
        turn.reply.markFailed("The connection was lost", "Your message may have been sent; reloading the conversation.");
        turn.terminal = true;
        await sleep(800);
        if (turn.conversationId && this.conversationId === turn.conversationId) await this.open(turn.conversationId);
        return;
      }
      failures = turn.lastSeq > before ? 1 : failures + 1;
      if (failures > MAX_RETRIES) {
        turn.reply.markFailed("The connection was lost", "Reload the page to see the reply.");
        turn.terminal = true;
        return;
      }
      turn.reply.status("Reconnecting…");
      await sleep(Math.min(250 * 2 ** failures, 4000));
    }
  }

  async expired(turn) {
    // The run's events are gone: what was stored in the conversation is the truth.
    turn.terminal = true;
    forgetTurn();
    const id = turn.conversationId;
    this.setBusy(null);
    if (id && this.conversationId === id) await this.open(id);
  }

  handle(turn, ev) {
    if (turn.detached) return;
    if (ev.data === "[DONE]") return;
    if (ev.id) {
      const cut = ev.id.lastIndexOf(":");
      const run = ev.id.slice(0, cut);
      const seq = Number(ev.id.slice(cut + 1));
      if (cut > 0 && Number.isFinite(seq) && (!turn.runId || run === turn.runId)) {
        if (seq <= turn.lastSeq) return; // already shown (a replay after reconnect)
        turn.lastSeq = seq;
      }
      turn.lastId = ev.id;
    }
    let data;
    try {
      data = JSON.parse(ev.data);
    } catch {
      return;
    }
    if (!data || typeof data !== "object") return;
    const reply = turn.reply;
    switch (data.type) {
      case "start":
        turn.runId = data.run_id;
        if (data.conversation_id) turn.conversationId = String(data.conversation_id);
        this.conversationId = turn.conversationId;
        this.onConversationStarted(turn.conversationId, turn.firstText);
        if (turn.stopRequested) this.cancel(turn);
        break;
      case "text":
        reply.appendText(data.content);
        break;
      case "tool_call":
        reply.chip(data.call_id, data.name, data.arguments);
        break;
      case "tool_result":
        reply.chipResult(data.call_id, data.name, data.result);
        this.onTodosChanged();
        break;
      case "message":
        if (!reply.hasText && data.content) reply.appendText(data.content);
        break;
      case "done":
        if (typeof data.response === "string" && data.response) reply.setText(data.response);
        reply.finish();
        turn.terminal = true;
        break;
      case "cancelled":
        reply.markStopped();
        turn.terminal = true;
        break;
      case "error": {
        const [title, detail] = describeError(data, this.tz);
        reply.markFailed(title, detail);
        turn.terminal = true;
        break;
      }
      default:
        break; // unknown types are ignored, as the protocol says
    }
    if (turn.terminal) forgetTurn();
    else saveTurn(turn);
    this.scrollToEnd();
  }

  endTurn(turn) {
    if (this.turn !== turn) return;
    forgetTurn();
    this.setBusy(null);
    if (turn.reply && !turn.reply.failed && turn.reply.wrote && turn.runId && !turn.detached) {
      // Only the newest reply offers it: the server undoes the newest change.
      for (const old of this.els.messages.querySelectorAll(".reply-undo")) old.remove();
      turn.reply.offerUndo(() => this.undoTurn(turn.runId));
    }
    if (turn.reply?.failed && turn.firstText && !turn.detached) {
      // Sent again as a new message (the failed one stays in the history, marked failed).
      turn.reply.offerRetry(() => this.send(turn.firstText));
    }
    if (!turn.detached) this.onTurnEnd(turn);
  }

  async undoTurn(runId) {
    try {
      await api(`/api/todos/undo?run_id=${encodeURIComponent(runId)}`, { method: "POST" });
      toast("Undone.", "success", 2000);
      this.onTodosChanged();
      return true;
    } catch (err) {
      toast(`Couldn't undo: ${err.message}`, "error");
      return false;
    }
  }

  /** The Stop button. */
  async stop() {
    const turn = this.turn;
    if (!turn || turn.stopRequested) return;
    turn.stopRequested = true;
    turn.reply.status("Stopping…");
    if (turn.runId) await this.cancel(turn);
  }

  async cancel(turn) {
    try {
      await api(`/api/runs/${encodeURIComponent(turn.runId)}/cancel`, { method: "POST" });
    } catch (err) {
      turn.reply.status(`Couldn't stop: ${err.message}`);
    }
  }

  /** After a reload: continue the turn saved in sessionStorage, showing its reply once. */
  async resume(saved, history) {
    if (this.turn) return;
    const stored = history.some((m) => m.role === "assistant" && m.run_id === saved.run_id);
    if (stored) {
      forgetTurn(); // it finished while the page was away; history already shows it
      return;
    }
    const turn = this.newTurn(saved.conversation_id);
    turn.runId = saved.run_id;
    // The page lost what it had drawn, so replay the run from its first event (no Last-Event-ID);
    // later drops resume from the last id seen.
    turn.reply = this.addReply();
    this.scrollToEnd(true);
    this.setBusy(turn);
    try {
      await this.drive(turn, null);
    } finally {
      this.endTurn(turn);
    }
  }
}
