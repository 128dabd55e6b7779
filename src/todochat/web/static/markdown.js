// A small Markdown reader for replies (a language model writes lists, emphasis and code):
// paragraphs, line breaks, "-"/"*" and "1." lists, **bold**, *italic*, `code` and ``` blocks.
// It builds DOM nodes and puts every piece of text in as text: HTML in a reply stays visible
// as written, never interpreted.

import { h } from "./dom.js";

const INLINE = /(\*\*[^*\n]+\*\*|`[^`\n]+`|(?<![\w*])\*[^*\s][^*\n]*?\*(?![\w*])|(?<![\w_])_[^_\s][^_\n]*?_(?![\w_]))/;

function inline(text) {
  const out = [];
  let rest = text;
  for (;;) {
    const m = INLINE.exec(rest);
    if (!m) break;
    if (m.index > 0) out.push(rest.slice(0, m.index));
    const token = m[0];
    if (token.startsWith("**")) out.push(h("strong", {}, token.slice(2, -2)));
    else if (token.startsWith("`")) out.push(h("code", {}, token.slice(1, -1)));
    else out.push(h("em", {}, token.slice(1, -1)));
    rest = rest.slice(m.index + token.length);
  }
  if (rest) out.push(rest);
  return out;
}

function withBreaks(lines) {
  const out = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push(h("br"));
    out.push(...inline(line));
  });
  return out;
}

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,3})[.)]\s+(.*)$/;

/** Replace ``el``'s children with ``text`` read as Markdown. */
export function renderMarkdown(el, text) {
  const blocks = [];
  const lines = text.split("\n");
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim().startsWith("```")) {
      const code = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith("```")) code.push(lines[i++]);
      i++; // the closing fence (or the end while it streams)
      blocks.push(h("pre", {}, h("code", {}, code.join("\n"))));
      continue;
    }
    if (!line.trim()) {
      i++;
      continue;
    }
    const list = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : null;
    if (list) {
      const items = [];
      const start = list === NUMBERED ? Number(NUMBERED.exec(line)[1]) : null;
      while (i < lines.length && list.test(lines[i])) {
        const m = list.exec(lines[i]);
        items.push(h("li", {}, ...inline(list === NUMBERED ? m[2] : m[1])));
        i++;
      }
      blocks.push(list === NUMBERED ? h("ol", { start: start !== 1 ? start : null }, ...items) : h("ul", {}, ...items));
      continue;
    }
    const para = [];
    while (i < lines.length && lines[i].trim() && !BULLET.test(lines[i]) && !NUMBERED.test(lines[i]) && !lines[i].trim().startsWith("```")) {
      para.push(lines[i++]);
    }
    blocks.push(h("p", {}, ...withBreaks(para)));
  }
  el.replaceChildren(...blocks);
}
