// HTTP to the todochat API: the bearer token, readable errors, and a streaming SSE reader.

const TOKEN_KEY = "todochat.token";

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.body = body;
  }
}

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

let onUnauthorized = () => {};

/** Called when a signed-in request answers 401 (expired or revoked token). */
export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn;
}

/** Tell the app its token no longer works. */
export function handleUnauthorized() {
  if (getToken()) onUnauthorized();
}

/** A sentence a person can read, from any error body the server sends. */
export function errorMessage(status, body) {
  const detail = body && typeof body === "object" ? body.detail : undefined;
  if (Array.isArray(detail)) {
    return detail
      .map((d) => {
        const loc = (d.loc || []).filter((p) => p !== "body" && p !== "query" && typeof p === "string");
        const msg = String(d.msg || "is invalid").replace(/^Value error, /, "");
        return loc.length ? `${loc.join(".")}: ${msg}` : msg;
      })
      .join("\n");
  }
  if (typeof detail === "string" && detail) return detail;
  if (body && typeof body.message === "string") return body.message;
  if (status === 401) return "Please sign in again.";
  if (status === 403) return "That is not allowed.";
  if (status === 404) return "Not found.";
  if (status === 429) return "Too many requests; please wait a moment.";
  if (status >= 500) return "The server had a problem; please try again.";
  return `Request failed (${status}).`;
}

function headers(extra = {}) {
  const h = { Accept: "application/json", ...extra };
  const token = getToken();
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}

async function readBody(response) {
  const type = response.headers.get("content-type") || "";
  if (response.status === 204) return null;
  if (type.includes("json")) {
    try {
      return await response.json();
    } catch {
      return null;
    }
  }
  return await response.text();
}

/** Throw an ApiError for a non-2xx response (after reading its body). */
export async function ensureOk(response) {
  if (response.ok) return response;
  const body = await readBody(response);
  if (response.status === 401) handleUnauthorized();
  throw new ApiError(response.status, errorMessage(response.status, body), body);
}

/**
 * fetch + JSON. Options: method, json (body as JSON), form (object sent url-encoded),
 * headers, signal. Returns parsed JSON (null for 204).
 */
export async function api(path, { method = "GET", json, form, headers: extra, signal } = {}) {
  const init = { method, headers: headers(extra), signal };
  if (json !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(json);
  } else if (form !== undefined) {
    init.body = new URLSearchParams(form);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (err) {
    if (err && err.name === "AbortError") throw err;
    throw new ApiError(0, "Can't reach the server. Check that todochat is running.", null);
  }
  await ensureOk(response);
  return readBody(response);
}

/** POST that returns the raw Response (for SSE). Rejects only on network failure. */
export function postStream(path, json, signal, extra = {}) {
  return fetch(path, {
    method: "POST",
    headers: headers({ "Content-Type": "application/json", Accept: "text/event-stream", ...extra }),
    body: JSON.stringify(json),
    signal,
  });
}

/** GET a run's events again, after ``lastEventId`` (omitted: from the start). */
export function getRunEvents(runId, lastEventId, signal) {
  const extra = { Accept: "text/event-stream" };
  if (lastEventId) extra["Last-Event-ID"] = lastEventId;
  return fetch(`/api/runs/${encodeURIComponent(runId)}/events?format=typed`, {
    headers: headers(extra),
    signal,
    cache: "no-store",
  });
}

/** Whether this browser can read a fetch body as a stream. */
export function canStream() {
  return (
    typeof ReadableStream !== "undefined" &&
    typeof TextDecoder !== "undefined" &&
    typeof Response !== "undefined" &&
    "body" in Response.prototype
  );
}

/**
 * A small SSE parser: feed it text chunks, it calls ``onEvent({id, event, data})`` for every
 * complete event. Comment lines (": ping") are skipped; ``id`` is sticky as the spec says.
 */
export class SSEParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = "";
    this.data = [];
    this.event = "";
    this.lastId = "";
    this.idChanged = false;
  }

  feed(chunk) {
    this.buffer += chunk;
    let match;
    const re = /\r\n|\r|\n/g;
    let start = 0;
    while ((match = re.exec(this.buffer)) !== null) {
      // A lone "\r" at the end may be the first half of "\r\n": wait for more.
      if (match[0] === "\r" && match.index === this.buffer.length - 1) break;
      this.line(this.buffer.slice(start, match.index));
      start = re.lastIndex;
    }
    this.buffer = this.buffer.slice(start);
  }

  line(line) {
    if (line === "") {
      if (this.data.length) {
        this.onEvent({ id: this.lastId, event: this.event || "message", data: this.data.join("\n") });
      }
      this.data = [];
      this.event = "";
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.data.push(value);
    else if (field === "event") this.event = value;
    else if (field === "id" && !value.includes("\0")) this.lastId = value;
  }
}

/**
 * Read an SSE response body to its end, calling ``onEvent`` per event.
 * Throws if the connection breaks; returns normally when the server closes the stream.
 */
export async function readSSE(response, onEvent) {
  const parser = new SSEParser(onEvent);
  const decoder = new TextDecoder();
  if (!response.body || typeof response.body.getReader !== "function") {
    parser.feed(decoder.decode(new Uint8Array(await response.arrayBuffer())));
    parser.feed("\n\n");
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
    parser.feed(decoder.decode());
  } finally {
    try {
      reader.releaseLock();
    } catch {
      /* already released */
    }
  }
}
