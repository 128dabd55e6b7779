// The live feed: one GET /api/events stream per tab, so a change made anywhere (another tab,
// a phone, the assistant, the REST API) shows here within a moment. Reconnects by itself and
// resumes from the last event it saw; "reset" (gone too long) reloads everything.

import { getToken, handleUnauthorized, readSSE } from "./api.js";

export class LiveFeed {
  constructor({ onTodos, onConversations, onReset, onReminder }) {
    this.handlers = { todos: onTodos, conversations: onConversations, reset: onReset };
    this.onReminder = onReminder;
    this.lastId = "";
    this.controller = null;
    this.retry = 0;
    this.timer = null;
  }

  start() {
    this.stop();
    this.controller = new AbortController();
    this.connect(this.controller);
  }

  stop() {
    clearTimeout(this.timer);
    this.controller?.abort();
    this.controller = null;
    this.lastId = "";
  }

  async connect(controller) {
    const headers = { Accept: "text/event-stream", Authorization: `Bearer ${getToken()}` };
    if (this.lastId) headers["Last-Event-ID"] = this.lastId;
    try {
      const response = await fetch("/api/events", { headers, signal: controller.signal, cache: "no-store" });
      if (response.status === 401) {
        handleUnauthorized();
        return;
      }
      if (!response.ok) throw new Error(`live feed: ${response.status}`);
      await readSSE(response, (event) => this.dispatch(event));
    } catch (err) {
      if (controller.signal.aborted) return;
    }
    if (controller !== this.controller) return;
    // Dropped (network, a restarting server): try again, a little later each time.
    const delay = Math.min(10000, 500 * 2 ** this.retry++);
    this.timer = setTimeout(() => {
      if (controller === this.controller) this.connect(controller);
    }, delay);
  }

  dispatch({ id, data }) {
    let payload;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    if (id) this.lastId = id;
    if (payload.type === "ready") {
      if (this.retry > 0) this.handlers.reset?.(); // back after a drop: catch up on all
      this.retry = 0;
      return;
    }
    if (payload.type === "reminder") this.onReminder?.(payload);
    else this.handlers[payload.type]?.(payload.ids || []);
  }
}
