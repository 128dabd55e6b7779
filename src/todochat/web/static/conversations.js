// The conversation list: newest first, new, open, delete.

import { api } from "./api.js";
import { h, icon, ICONS, toast } from "./dom.js";
import { formatAgo } from "./format.js";

export class ConversationList {
  constructor({ list, empty, getTimezone, onOpen, onDeleted }) {
    this.list = list;
    this.empty = empty;
    this.getTimezone = getTimezone;
    this.onOpen = onOpen;
    this.onDeleted = onDeleted;
    this.items = [];
    this.currentId = null;
  }

  async refresh() {
    try {
      this.items = await api("/api/conversations");
    } catch (err) {
      toast(`Couldn't load conversations: ${err.message}`, "error");
      return this.items;
    }
    this.render();
    return this.items;
  }

  setCurrent(id) {
    this.currentId = id;
    for (const li of this.list.children) {
      const active = li.dataset.id === id;
      li.classList.toggle("is-active", active);
      const button = li.querySelector(".conversation-open");
      if (active) button?.setAttribute("aria-current", "page");
      else button?.removeAttribute("aria-current");
    }
  }

  title(id) {
    return this.items.find((c) => c.id === id)?.title || "";
  }

  /** Put a just-started conversation at the top before the server list comes back. */
  touch(id, title) {
    const existing = this.items.find((c) => c.id === id);
    const now = new Date().toISOString();
    if (existing) {
      existing.updated_at = now;
      if (!existing.title && title) existing.title = title;
    } else {
      this.items.unshift({ id, title: title || "", created_at: now, updated_at: now });
    }
    this.items.sort((a, b) => (a.updated_at < b.updated_at ? 1 : -1));
    this.render();
  }

  async create() {
    const conversation = await api("/api/conversations", { method: "POST", json: {} });
    this.items.unshift(conversation);
    this.render();
    return conversation;
  }

  async remove(conversation) {
    const label = conversation.title || "this conversation";
    if (!window.confirm(`Delete “${label}”? Its messages will be gone.`)) return;
    try {
      await api(`/api/conversations/${encodeURIComponent(conversation.id)}`, { method: "DELETE" });
    } catch (err) {
      toast(`Couldn't delete: ${err.message}`, "error");
      return;
    }
    this.items = this.items.filter((c) => c.id !== conversation.id);
    this.render();
    this.onDeleted(conversation.id);
  }

  render() {
    const tz = this.getTimezone();
    const now = new Date();
    this.empty.hidden = this.items.length > 0;
    this.list.replaceChildren(
      ...this.items.map((c) => {
        const active = c.id === this.currentId;
        const title = c.title || "New chat";
        return h(
          "li",
          { class: `conversation${active ? " is-active" : ""}`, dataset: { id: c.id } },
          h(
            "button",
            {
              type: "button",
              class: "conversation-open",
              "aria-current": active ? "page" : null,
              onclick: () => this.onOpen(c.id),
            },
            h("span", { class: "conversation-title" }, title),
            h("span", { class: "conversation-time" }, formatAgo(c.updated_at, tz, now)),
          ),
          h(
            "button",
            {
              type: "button",
              class: "icon-btn conversation-delete",
              "aria-label": `Delete conversation “${title}”`,
              title: "Delete",
              onclick: () => this.remove(c),
            },
            icon(ICONS.trash),
          ),
        );
      }),
    );
  }
}
