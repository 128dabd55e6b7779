// The todo panel: open todos, overdue first, refreshed whenever the assistant changes something.

import { api } from "./api.js";
import { actionToast, h, icon, ICONS, toast } from "./dom.js";
import { formatDue, isDueToday, isOverdue } from "./format.js";

export class TodoPanel {
  constructor({ list, empty, status, counts, getTimezone }) {
    this.list = list;
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
      const todos = await api("/api/todos?status=open&limit=500");
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

  render() {
    if (!this.loaded) return;
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
      "aria-describedby": `${id}-meta`,
      onchange: (ev) => this.complete(todo, ev.target),
    });
    meta.id = `${id}-meta`;
    return h(
      "li",
      { class: `todo${overdue ? " is-overdue" : ""}`, dataset: { id: todo.id } },
      checkbox,
      h(
        "div",
        { class: "todo-body" },
        h("label", { for: id, class: "todo-title" }, todo.title),
        todo.description ? h("p", { class: "todo-desc" }, todo.description) : null,
        meta.childNodes.length ? meta : null,
      ),
      priority,
    );
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
