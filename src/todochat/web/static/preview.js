// The composer's preview, like Todoist's quick add: while typing, the words the assistant will
// read as a date, a repeat, a priority or a tag are highlighted and the resolved value shown
// ("→ Sun, Mar 7 at 5 PM · high priority · #home"). Read by the server's offline reader
// (POST /api/parse), debounced; text is only ever inserted as text.

import { api } from "./api.js";
import { h } from "./dom.js";

const DELAY = 120;

export class ComposerPreview {
  constructor({ input, box, getTimezone }) {
    this.input = input;
    this.box = box;
    this.getTimezone = getTimezone;
    this.timer = null;
    this.generation = 0;
    input.addEventListener("input", () => this.schedule());
  }

  schedule() {
    clearTimeout(this.timer);
    const text = this.input.value;
    if (!text.trim()) {
      this.generation++;
      this.hide();
      return;
    }
    this.timer = setTimeout(() => this.update(text), DELAY);
  }

  hide() {
    this.box.hidden = true;
    this.box.replaceChildren();
  }

  async update(text) {
    const generation = ++this.generation;
    let result;
    try {
      result = await api("/api/parse", { method: "POST", json: { text, timezone: this.getTimezone() } });
    } catch {
      return; // a preview is a nicety: the message itself is unaffected
    }
    if (generation !== this.generation || text !== this.input.value) return;
    const task = result.tasks.length === 1 ? result.tasks[0] : null;
    if (!task || (!result.spans.length && !task.summary)) {
      this.hide();
      return;
    }
    const marked = [];
    let at = 0;
    for (const span of result.spans) {
      if (span.start > at) marked.push(text.slice(at, span.start));
      marked.push(h("mark", { class: `pv pv-${span.kind}` }, text.slice(span.start, span.end)));
      at = span.end;
    }
    if (at < text.length) marked.push(text.slice(at));
    this.box.replaceChildren(
      h("span", { class: "pv-text" }, ...marked),
      task.summary ? h("span", { class: "pv-summary" }, `→ ${task.summary}`) : null,
    );
    this.box.hidden = false;
  }
}
