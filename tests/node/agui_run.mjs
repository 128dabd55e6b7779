// AG-UI's own client (HttpAgent.runAgent from @ag-ui/client, which checks the order of events)
// against a live todochat server: node agui_run.mjs BASE TOKEN SCENARIO. Prints one JSON line.

import { HttpAgent } from "@ag-ui/client";

const [base, token, scenario] = process.argv.slice(2);
const warnings = [];
for (const level of ["warn", "error"]) {
  const original = console[level];
  console[level] = (...args) => { warnings.push(args.map(String).join(" ")); original(...args); };
}

function agent(threadId, text) {
  return new HttpAgent({
    url: `${base}/api/agui`,
    headers: { Authorization: `Bearer ${token}` },
    threadId,
    initialMessages: [{ id: "m1", role: "user", content: text }],
  });
}

async function run(threadId, text, onStarted) {
  const a = agent(threadId, text);
  const seen = [];
  let runError = null;
  let outcome = null;
  const result = await a.runAgent(
    { runId: `run-${threadId}`, forwardedProps: { timezone: "Europe/Berlin" } },
    {
      onEvent: ({ event }) => { seen.push(event.type); },
      onRunStartedEvent: async ({ event }) => { if (onStarted) onStarted(event); },
      onRunFinishedEvent: ({ event }) => { outcome = event.outcome?.type ?? null; },
      onRunErrorEvent: ({ event }) => { runError = { message: event.message, code: event.code }; },
    },
  );
  return {
    seen,
    outcome,
    runError,
    newMessages: result.newMessages.map((m) => ({
      role: m.role,
      content: m.content ?? null,
      toolCalls: (m.toolCalls ?? []).map((c) => c.function.name),
    })),
  };
}

let out;
if (scenario === "turn") {
  out = await run("agui-kitchen", "remind me to call the plumber tomorrow at 5");
} else if (scenario === "error") {
  out = await run("agui-broken", "please fail now");
} else if (scenario === "cancel") {
  let cancel = null;
  out = await run("agui-stopped", "a slow reply please", (event) => {
    const runId = event.metadata.todochat.run_id;
    cancel = new Promise((resolve) => setTimeout(async () => {
      const r = await fetch(`${base}/api/runs/${runId}/cancel`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}` },
      });
      resolve(await r.json());
    }, 300));
  });
  out.cancel = await cancel;
} else {
  throw new Error(`unknown scenario ${scenario}`);
}
console.log(JSON.stringify({ ...out, warnings }));
