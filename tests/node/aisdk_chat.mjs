// The Vercel AI SDK's own chat machinery (AbstractChat, which useChat and Chat wrap, with
// DefaultChatTransport) against a live todochat server: node aisdk_chat.mjs BASE TOKEN SCENARIO.
// Prints one JSON line describing what the library ended up with.

import { AbstractChat, DefaultChatTransport } from "ai";

const [base, token, scenario] = process.argv.slice(2);
const warnings = [];
const originalWarn = console.warn;
console.warn = (...args) => { warnings.push(args.join(" ")); originalWarn(...args); };

class State {
  constructor() {
    this.status = "ready";
    this.error = undefined;
    this.messages = [];
  }
  pushMessage(message) { this.messages = this.messages.concat([message]); }
  popMessage() { this.messages = this.messages.slice(0, -1); }
  replaceMessage(index, message) {
    this.messages = [...this.messages.slice(0, index), message, ...this.messages.slice(index + 1)];
  }
  snapshot(value) { return structuredClone(value); }
}

class NodeChat extends AbstractChat {
  constructor(options) { super({ ...options, state: new State() }); }
  get snapshot() { return { status: this.status, error: this.error?.message, messages: this.messages }; }
}

function chat(id) {
  return new NodeChat({
    id,
    transport: new DefaultChatTransport({
      api: `${base}/api/aisdk/chat`,
      headers: { Authorization: `Bearer ${token}` },
      body: { timezone: "Europe/Berlin" },
      prepareReconnectToStreamRequest: ({ id: chatId }) => ({
        api: `${base}/api/aisdk/chat/${chatId}/stream`,
        headers: { Authorization: `Bearer ${token}` },
      }),
    }),
  });
}

function describe(c) {
  const last = c.messages[c.messages.length - 1];
  return {
    status: c.status,
    error: c.error?.message ?? null,
    roles: c.messages.map((m) => m.role),
    id: last?.id ?? null,
    metadata: last?.metadata ?? null,
    parts: (last?.parts ?? []).map((p) => ({ type: p.type, state: p.state ?? null, text: p.text ?? null })),
  };
}

async function until(predicate, what) {
  const deadline = Date.now() + 20000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const hasText = (c) => {
  const last = c.messages[c.messages.length - 1];
  return last?.role === "assistant" && last.parts.some((p) => p.type === "text" && p.text);
};

let result;
if (scenario === "turn") {
  const c = chat("kitchen");
  await c.sendMessage({ text: "remind me to call the plumber tomorrow at 5" });
  result = describe(c);
} else if (scenario === "error") {
  const c = chat("broken");
  await c.sendMessage({ text: "please fail now" });
  const failed = describe(c);
  const refused = chat("too-long");
  await refused.sendMessage({ text: "x".repeat(10001) });
  result = { failed, refused: describe(refused) };
} else if (scenario === "stop") {
  const c = chat("stopped");
  const sending = c.sendMessage({ text: "a slow reply please" });
  await until(() => hasText(c), "the first text");
  const runId = c.messages[c.messages.length - 1].metadata.runId;
  const r = await fetch(`${base}/api/runs/${runId}/cancel`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}` },
  });
  await sending;
  result = { cancel: await r.json(), ...describe(c) };
} else if (scenario === "reload") {
  // A page reload mid-reply: the first page's fetch is aborted (the run goes on, as the AI SDK
  // asks of a server with resume), a fresh Chat with the same id resumes from the run's start.
  const first = chat("reloaded");
  const sending = first.sendMessage({ text: "a slow reply please" });
  await until(() => hasText(first), "the first text");
  await first.stop();
  await sending;
  const second = chat("reloaded");
  await second.resumeStream();
  const resumed = describe(second);
  const third = chat("reloaded");
  await third.resumeStream(); // the reply is finished: 204, nothing to resume
  result = { first: describe(first), resumed, after: describe(third) };
} else {
  throw new Error(`unknown scenario ${scenario}`);
}
console.log(JSON.stringify({ ...result, warnings }));
