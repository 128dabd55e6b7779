// The two ways the seeds' own client code reads todochat's streams, run in Node against a live
// server: node seed_clients.mjs BASE TOKEN USER_ID. Prints one JSON line with what each saw.
//
// 1. Encoding A the way the FastAPI seed's streamChat() does: keep a buffer, split it on "\n\n",
//    keep the blocks that start with "data: ", JSON-parse the rest of the line.
// 2. Encoding B the way the agents seed's StreamingTodoClient.parseSSEChunk() does: per block,
//    an "event: " line names the event and the "data: " line carries its JSON.
// Neither follows the SSE specification's field rules; both are what clients in the wild do.

const [base, token, userId] = process.argv.slice(2);
const headers = { "Content-Type": "application/json", Authorization: `Bearer ${token}` };

async function streamChat(message) {
  const response = await fetch(`${base}/api/${userId}/chat/stream`, {
    method: "POST",
    headers,
    body: JSON.stringify({ message, conversation_id: "seed-a" }),
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const seen = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split("\n\n");
    buffer = lines.pop();
    for (const line of lines) {
      if (line.startsWith("data: ")) {
        const data = line.slice(6).split("\n")[0];
        if (data === "[DONE]") { seen.push("[DONE]"); continue; }
        seen.push(JSON.parse(data).type);
      }
    }
  }
  return seen;
}

function parseSSEChunk(chunk) {
  const events = [];
  for (const block of chunk.split("\n\n")) {
    let event = null;
    let data = null;
    for (const line of block.split("\n")) {
      if (line.startsWith("event: ")) event = line.slice(7);
      else if (line.startsWith("data: ")) data = JSON.parse(line.slice(6));
    }
    if (event && data !== null) events.push({ event, data });
  }
  return events;
}

async function streamTodoCreation(text) {
  const response = await fetch(`${base}/api/todos/agent-create/stream`, {
    method: "POST",
    headers,
    body: JSON.stringify({ messages: [{ role: "user", content: text }], session_id: "seed-b" }),
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let pending = "";
  const seen = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pending += decoder.decode(value, { stream: true });
    const cut = pending.lastIndexOf("\n\n");
    if (cut < 0) continue;
    for (const e of parseSSEChunk(pending.slice(0, cut + 2))) seen.push(e.event);
    pending = pending.slice(cut + 2);
  }
  return seen;
}

const a = await streamChat("remind me to call the plumber tomorrow at 5");
const b = await streamTodoCreation("add buy milk tomorrow");
console.log(JSON.stringify({ a, b }));
