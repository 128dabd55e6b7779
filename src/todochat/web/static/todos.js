// The todo panel: open todos, overdue first, refreshed whenever the assistant changes something.

import { api } from "./api.js";
import { actionToast, h, icon, ICONS, toast } from "./dom.js";
import { formatDue, isDueToday, isOverdue } from "./format.js";

const FILTERS = {
  open: { label: "Open", query: "status=open" },
  today: { label: "Today", query: "status=open&due=today" },
  overdue: { label: "Overdue", query: "status=open&due=overdue" },
  upcoming: { label: "Upcoming", query: "status=open&due=upcoming" },
  done: { label: "Done", query: "status=completed" },
};

export class TodoPanel {
  constructor({ list, empty, status, counts, getTimezone, filters, tagSelect }) {
    this.list = list;
    this.filter = "open";
    this.tag = "";
    this.filterBar = filters;
    this.tagSelect = tagSelect;
    this.editing = null;
    if (filters) this.buildFilters();
    this.empty = empty;
    this.status = status;
    this.counts = counts;
    this.getTimezone = getTimezone;
    this.todos = [];
    this.loaded = false;
    this.generation = 0;
    this.timer = null;
    this.completing = new Set();
    this.changed = new Set();
    // Overdue-ness changes with the clock: re-render every minute.
    this.ticker = setInterval(() => this.render(), 60000);
  }

  /** Refetch soon; several calls in a burst make one request. ``changed``: ids to highlight. */
  refreshSoon(delay = 80, changed = []) {
    for (const id of changed) this.changed.add(String(id));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), delay);
  }

  async refresh() {
    const generation = ++this.generation;
    try {
      const tag = this.tag ? `&tag=${encodeURIComponent(this.tag)}` : "";
      const [todos, tags] = await Promise.all([
        api(`/api/todos?${FILTERS[this.filter].query}${tag}&limit=500`),
        this.tagSelect ? api("/api/tags") : Promise.resolve(null),
      ]);
      if (tags) this.renderTags(tags);
      if (generation !== this.generation) return; // a newer refresh is on its way
      this.todos = todos;
      this.loaded = true;
      this.status.textContent = "";
      this.render();
    } catch (err) {
      if (generation !== this.generation) return;
      this.status.textContent = `Couldn't load todos: ${err.message}`;
    }
  }

  clear() {
    this.todos = [];
    this.loaded = false;
    this.list.replaceChildren();
    this.renderCounts();
  }

  renderCounts() {
    const n = this.todos.length;
    for (const el of this.counts) {
      el.textContent = n ? String(n) : "";
      el.hidden = !n;
    }
  }

  buildFilters() {
    const buttons = Object.entries(FILTERS).map(([key, f]) =>
      h(
        "button",
        {
          type: "button",
          class: "filter",
          dataset: { filter: key },
          "aria-pressed": String(key === this.filter),
          onclick: () => this.setFilter(key),
        },
        f.label,
      ),
    );
    this.filterBar.replaceChildren(...buttons);
    this.tagSelect?.addEventListener("change", () => {
      this.tag = this.tagSelect.value;
      this.refresh();
    });
  }

  setFilter(key) {
    this.filter = key;
    for (const b of this.filterBar.querySelectorAll(".filter")) {
      b.setAttribute("aria-pressed", String(b.dataset.filter === key));
    }
    this.refresh();
  }

  renderTags(tags) {
    const current = this.tag;
    const options = [h("option", { value: "" }, "All tags")];
    for (const t of tags) options.push(h("option", { value: t.name }, `#${t.name}`));
    this.tagSelect.replaceChildren(...options);
    this.tagSelect.value = tags.some((t) => t.name === current) ? current : "";
    this.tag = this.tagSelect.value;
    this.tagSelect.hidden = tags.length === 0;
  }

  render() {
    if (!this.loaded) return;
    if (this.editing !== null && this.list.querySelector(".todo-edit")) return; // not under the user's cursor
    const tz = this.getTimezone();
    const now = new Date();
    this.renderCounts();
    this.empty.hidden = this.todos.length > 0;
    const focused = document.activeElement?.closest?.(".todo")?.dataset.id;
    this.list.replaceChildren(...this.todos.map((todo) => this.item(todo, tz, now)));
    // Rows changed elsewhere light up for a moment, so a change from another device is seen.
    for (const id of this.changed) {
      const row = this.list.querySelector(`.todo[data-id="${CSS.escape(id)}"]`);
      if (row) {
        row.classList.add("is-changed");
        setTimeout(() => row.classList.remove("is-changed"), 2000);
      }
    }
    this.changed.clear();
    if (focused) this.list.querySelector(`.todo[data-id="${CSS.escape(focused)}"] input`)?.focus();
  }

  item(todo, tz, now) {
    const overdue = isOverdue(todo, tz, now);
    const today = !overdue && isDueToday(todo, tz, now);
    const id = `todo-check-${todo.id}`;
    const meta = h("div", { class: "todo-meta" });
    if (todo.due_date) {
      meta.append(
        h(
          "span",
          { class: `due${overdue ? " due-overdue" : today ? " due-today" : ""}` },
          icon(ICONS.clock, "icon icon-xs"),
          overdue ? `Overdue · ${formatDue(todo.due_date, todo.due_time, tz, now)}` : formatDue(todo.due_date, todo.due_time, tz, now),
        ),
      );
    }
    if (todo.recurrence) meta.append(h("span", { class: "repeat", title: todo.recurrence }, "↻ repeats"));
    for (const tag of todo.tags || []) meta.append(h("span", { class: "tag" }, `#${tag}`));
    const priority =
      todo.priority && todo.priority !== "none"
        ? h("span", { class: `priority priority-${todo.priority}`, title: `${todo.priority} priority` }, todo.priority)
        : null;
    const checkbox = h("input", {
      type: "checkbox",
      id,
      class: "todo-check",
      checked: todo.completed,
      "aria-describedby": `${id}-meta`,
      onchange: (ev) => (todo.completed ? this.reopen(todo, ev.target) : this.complete(todo, ev.target)),
    });
    meta.id = `${id}-meta`;
    const actions = h(
      "div",
      { class: "todo-actions" },
      h(
        "button",
        { type: "button", class: "icon-btn", "aria-label": `Edit “${todo.title}”`, onclick: () => this.edit(todo) },
        icon(ICONS.pencil, "icon icon-sm"),
      ),
      h(
        "button",
        { type: "button", class: "icon-btn", "aria-label": `Delete “${todo.title}”`, onclick: () => this.remove(todo) },
        icon(ICONS.trash, "icon icon-sm"),
      ),
    );
    return h(
      "li",
      { class: `todo${overdue ? " is-overdue" : ""}${todo.completed ? " is-done" : ""}`, dataset: { id: todo.id } },
      checkbox,
      h(
        "div",
        { class: "todo-body" },
        h("label", { for: id, class: "todo-title" }, todo.title),
        todo.description ? h("p", { class: "todo-desc" }, todo.description) : null,
        meta.childNodes.length ? meta : null,
      ),
      priority,
      actions,
    );
  }

  /** Inline editor: title, date, time, priority, tags. Enter saves, Escape cancels. */
  edit(todo) {
    const row = this.list.querySelector(`.todo[data-id="${CSS.escape(String(todo.id))}"]`);
    if (!row) return;
    this.editing = todo.id;
    const field = (label, input) => h("label", { class: "edit-field" }, h("span", {}, label), input);
    const title = h("input", { type: "text", value: todo.title, maxlength: "500", required: true });
    const date = h("input", { type: "date", value: todo.due_date || "" });
    const time = h("input", { type: "time", value: todo.due_time || "" });
    const priority = h(
      "select",
      {},
      ...["none", "low", "medium", "high"].map((p) => h("option", { value: p, selected: p === todo.priority }, p)),
    );
    const tags = h("input", { type: "text", value: (todo.tags || []).join(", "), placeholder: "home, errands" });
    const cancel = () => {
      this.editing = null;
      this.render();
    };
    const form = h(
      "form",
      {
        class: "todo-edit",
        "aria-label": `Edit “${todo.title}”`,
        onsubmit: async (ev) => {
          ev.preventDefault();
          const patch = {
            title: title.value.trim(),
            priority: priority.value,
            tags: tags.value.split(",").map((t) => t.trim().replace(/^#/, "")).filter(Boolean),
            due_date: date.value || null,
            due_time: date.value && time.value ? time.value : null,
          };
          try {
            await api(`/api/todos/${todo.id}`, { method: "PATCH", json: patch });
            this.editing = null;
            actionToast(`Saved “${patch.title}”`, [{ label: "Undo", run: () => this.undo() }], { kind: "success", ms: 6000 });
            this.refreshSoon(0, [todo.id]);
          } catch (err) {
            toast(`Couldn't save: ${err.message}`, "error");
          }
        },
        onkeydown: (ev) => {
          if (ev.key === "Escape") {
            ev.stopPropagation();
            cancel();
          }
        },
      },
      field("Title", title),
      h("div", { class: "edit-row" }, field("Date", date), field("Time", time)),
      h("div", { class: "edit-row" }, field("Priority", priority), field("Tags", tags)),
      h(
        "div",
        { class: "edit-buttons" },
        h("button", { type: "submit", class: "btn btn-primary btn-sm" }, "Save"),
        h("button", { type: "button", class: "btn btn-sm", onclick: cancel }, "Cancel"),
      ),
    );
    row.replaceChildren(form);
    title.focus();
    title.select();
  }

  async remove(todo) {
    try {
      await api(`/api/todos/${todo.id}`, { method: "DELETE" });
      this.todos = this.todos.filter((t) => t.id !== todo.id);
      this.render();
      actionToast(`Deleted “${todo.title}”`, [{ label: "Undo", run: () => this.undo() }], { kind: "success", ms: 8000 });
    } catch (err) {
      toast(`Couldn't delete “${todo.title}”: ${err.message}`, "error");
    }
  }

  async reopen(todo, checkbox) {
    checkbox.disabled = true;
    try {
      await api(`/api/todos/${todo.id}/uncomplete`, { method: "POST" });
      this.todos = this.todos.filter((t) => t.id !== todo.id);
      this.render();
      toast(`Reopened “${todo.title}”`, "success", 2500);
    } catch (err) {
      checkbox.checked = true;
      checkbox.disabled = false;
      toast(`Couldn't reopen “${todo.title}”: ${err.message}`, "error");
    }
  }

  /** Undo the newest change (the one just made here), and show the list as it is again. */
  async undo() {
    try {
      const out = await api("/api/todos/undo", { method: "POST" });
      toast(out.undone ? "Undone." : "Nothing to undo.", "success", 2000);
    } catch (err) {
      toast(`Couldn't undo: ${err.message}`, "error");
    }
    this.refreshSoon();
  }

  async complete(todo, checkbox) {
    if (this.completing.has(todo.id)) return;
    this.completing.add(todo.id);
    checkbox.disabled = true;
    const row = checkbox.closest(".todo");
    row?.classList.add("is-completing");
    try {
      const done = await api(`/api/todos/${todo.id}/complete`, { method: "POST" });
      const said = done.rolled_forward
        ? `Done. Next “${done.title}”: ${formatDue(done.due_date, done.due_time, this.getTimezone())}`
        : `Completed “${done.title}”`;
      actionToast(said, [{ label: "Undo", run: () => this.undo() }], { kind: "success", ms: 6000 });
      // Let the strike-through show for a moment, then drop it from the open list.
      await new Promise((r) => setTimeout(r, 250));
      this.todos = this.todos.filter((t) => t.id !== todo.id);
      this.render();
      this.refreshSoon(300);
    } catch (err) {
      checkbox.checked = false;
      checkbox.disabled = false;
      row?.classList.remove("is-completing");
      toast(`Couldn't complete “${todo.title}”: ${err.message}`, "error");
    } finally {
      this.completing.delete(todo.id);
    }
  }
}
