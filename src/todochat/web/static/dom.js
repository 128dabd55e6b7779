// Tiny DOM helpers. Text always goes in through textContent, never as HTML.

/**
 * h("li", {class: "x", dataset: {id: 1}, onclick: fn}, "text", child)
 * Attributes are set one by one; strings become text nodes.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "text") el.textContent = value;
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** An inline SVG icon from a path list (no innerHTML). */
export function icon(paths, cls = "icon") {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", cls);
  for (const d of paths) {
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", d);
    svg.append(path);
  }
  return svg;
}

export const ICONS = {
  plus: ["M12 5v14M5 12h14"],
  check: ["M5 12.5l4.5 4.5L19 7.5"],
  trash: ["M5 7h14M10 7V5h4v2M7 7l1 12h8l1-12"],
  pencil: ["M4 20h4L19 9l-4-4L4 16z", "M13 7l4 4"],
  search: ["M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z", "M16 16l4 4"],
  alert: ["M12 8v5M12 16.5v.5", "M10.3 4.3L2.6 18a2 2 0 0 0 1.7 3h15.4a2 2 0 0 0 1.7-3L13.7 4.3a2 2 0 0 0-3.4 0z"],
  undo: ["M9 14L4 9l5-5", "M4 9h10a6 6 0 0 1 0 12h-3"],
  tag: ["M3 12V4h8l9 9-8 8z", "M7.5 7.5h.01"],
  clock: ["M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z", "M12 7v5l3 2"],
  stop: ["M8 8h8v8H8z"],
  chat: ["M5 5h14v10H9l-4 4z"],
  x: ["M6 6l12 12M18 6L6 18"],
};

/** Show a short message at the bottom of the screen. */
export function toast(message, kind = "info", ms = 4000) {
  const host = document.getElementById("toasts");
  if (!host) return;
  const el = h("div", { class: `toast toast-${kind}` }, message);
  host.append(el);
  setTimeout(() => el.classList.add("toast-out"), ms);
  setTimeout(() => el.remove(), ms + 400);
}

/**
 * A toast with buttons (``actions``: [{label, run}]), kept until one is pressed or ``ms`` pass.
 * A button runs its action once and closes the toast.
 */
export function actionToast(message, actions, { kind = "info", ms = 8000, label = "" } = {}) {
  const host = document.getElementById("toasts");
  if (!host) return null;
  const close = () => {
    el.classList.add("toast-out");
    setTimeout(() => el.remove(), 400);
  };
  const buttons = actions.map(({ label: text, run }) =>
    h(
      "button",
      {
        type: "button",
        class: "toast-action",
        onclick: () => {
          close();
          run();
        },
      },
      text,
    ),
  );
  const el = h(
    "div",
    { class: `toast toast-${kind} toast-actions`, role: kind === "reminder" ? "alert" : null, "aria-label": label || null },
    h("span", { class: "toast-text" }, message),
    ...buttons,
  );
  host.append(el);
  setTimeout(close, ms);
  return el;
}
