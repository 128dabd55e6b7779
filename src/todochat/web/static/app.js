// Bootstrap: sign in / sign up, then wire the conversation list, the chat and the todo panel.

import { api, ApiError, getToken, setToken, setUnauthorizedHandler } from "./api.js";
import { ChatView, forgetTurn, savedTurn } from "./chat.js";
import { ConversationList } from "./conversations.js";
import { toast } from "./dom.js";
import { browserTimezone } from "./format.js";
import { LiveFeed } from "./live.js";
import { ReminderView } from "./reminders.js";
import { ComposerPreview } from "./preview.js";
import { TodoPanel } from "./todos.js";

const $ = (id) => document.getElementById(id);

const state = { user: null, mode: "signin" };
const getUser = () => state.user;
const getTimezone = () => state.user?.timezone || browserTimezone();

// -- panels ---------------------------------------------------------------------------------

const todos = new TodoPanel({
  list: $("todo-list"),
  empty: $("todos-empty"),
  status: $("todos-status"),
  counts: [$("todo-count"), $("todo-count-tab")],
  getTimezone,
  filters: $("todo-filters"),
  tagSelect: $("todo-tag"),
});

const conversations = new ConversationList({
  list: $("conversation-list"),
  empty: $("conversation-empty"),
  getTimezone,
  onOpen: (id) => openConversation(id),
  onDeleted: (id) => {
    if (chat.conversationId === id) {
      const next = conversations.items[0];
      openConversation(next ? next.id : null);
    }
  },
});

const chat = new ChatView(
  {
    messages: $("messages"),
    scroll: $("chat-scroll"),
    empty: $("empty-state"),
    jump: $("jump-latest"),
  },
  {
    getUser,
    onTodosChanged: () => todos.refreshSoon(),
    onConversationStarted: (id, firstText) => {
      conversations.touch(id, firstText);
      conversations.setCurrent(id);
      setTitle(conversations.title(id));
    },
    onTurnEnd: () => {
      todos.refreshSoon();
      conversations.refresh().then(() => {
        conversations.setCurrent(chat.conversationId);
        setTitle(conversations.title(chat.conversationId));
      });
    },
    onEdit: (text) => {
      const box = $("composer-input");
      box.value = text;
      box.dispatchEvent(new Event("input"));
      box.focus();
      box.setSelectionRange(text.length, text.length);
    },
    onBusy: (busy) => {
      $("send").hidden = busy;
      $("stop").hidden = !busy;
      $("stop").disabled = false;
      $("stop").lastChild.textContent = " Stop";
      $("messages").setAttribute("aria-busy", busy ? "true" : "false");
      if (!busy && document.activeElement === $("stop")) $("composer-input").focus();
    },
  },
);

function setTitle(title) {
  $("chat-title").textContent = title || "New chat";
  document.title = title ? `${title} · todochat` : "todochat";
}

async function openConversation(id) {
  closeSidebar();
  setView("chat");
  conversations.setCurrent(id);
  setTitle(id ? conversations.title(id) : "");
  const messages = await chat.open(id);
  $("composer-input").focus();
  return messages;
}

// -- layout: phone tabs and the conversation drawer -----------------------------------------

function setView(view) {
  $("app").dataset.view = view;
  $("view-chat").setAttribute("aria-pressed", String(view === "chat"));
  $("view-todos").setAttribute("aria-pressed", String(view === "todos"));
}

// While the drawer is open on a narrow screen, the rest of the page is inert: Tab stays in
// the drawer, and Escape or the scrim closes it and gives focus back to the menu button.
const BEHIND_DRAWER = ["chat", "todos"];

function openSidebar() {
  $("app").classList.add("sidebar-open");
  $("scrim").hidden = false;
  $("menu-button").setAttribute("aria-expanded", "true");
  for (const id of BEHIND_DRAWER) $(id).inert = true;
  $("new-chat").focus();
}

function closeSidebar() {
  if (!$("app").classList.contains("sidebar-open")) return;
  $("app").classList.remove("sidebar-open");
  $("scrim").hidden = true;
  $("menu-button").setAttribute("aria-expanded", "false");
  for (const id of BEHIND_DRAWER) $(id).inert = false;
  if ($("sidebar").contains(document.activeElement) || document.activeElement === document.body) {
    $("menu-button").focus();
  }
}

$("menu-button").addEventListener("keydown", (ev) => {
  if (ev.key !== "Tab" || !$("app").classList.contains("sidebar-open")) return;
  const focusable = drawerFocusable();
  if (!focusable.length) return;
  ev.preventDefault();
  (ev.shiftKey ? focusable[focusable.length - 1] : focusable[0]).focus();
});

function drawerFocusable() {
  return [...$("sidebar").querySelectorAll("button, a[href], input, select, textarea")].filter(
    (el) => !el.disabled && el.offsetParent !== null,
  );
}

$("sidebar").addEventListener("keydown", (ev) => {
  if (ev.key !== "Tab" || !$("app").classList.contains("sidebar-open")) return;
  const focusable = drawerFocusable();
  if (!focusable.length) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (ev.shiftKey && document.activeElement === first) {
    ev.preventDefault();
    $("menu-button").focus();
  } else if (!ev.shiftKey && document.activeElement === last) {
    ev.preventDefault();
    $("menu-button").focus();
  }
});

$("view-chat").addEventListener("click", () => setView("chat"));
$("view-todos").addEventListener("click", () => setView("todos"));
$("menu-button").addEventListener("click", () =>
  $("app").classList.contains("sidebar-open") ? closeSidebar() : openSidebar(),
);
$("scrim").addEventListener("click", closeSidebar);
document.addEventListener("keydown", (ev) => {
  if (ev.key === "Escape") closeSidebar();
});

// -- composer -------------------------------------------------------------------------------

const input = $("composer-input");

function autosize() {
  input.style.height = "auto";
  input.style.height = `${Math.min(input.scrollHeight, 200)}px`;
}

async function submit() {
  const text = input.value;
  if (!text.trim() || chat.busy) return;
  input.value = "";
  autosize();
  preview.schedule();
  setView("chat");
  await chat.send(text);
}

input.addEventListener("input", autosize);
const preview = new ComposerPreview({ input, box: $("composer-preview"), getTimezone });
input.addEventListener("keydown", (ev) => {
  if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
    ev.preventDefault();
    submit();
  }
});
$("composer").addEventListener("submit", (ev) => {
  ev.preventDefault();
  submit();
});
$("stop").addEventListener("click", () => {
  $("stop").disabled = true;
  $("stop").lastChild.textContent = " Stopping…";
  chat.stop();
});
for (const button of document.querySelectorAll(".suggestion")) {
  button.addEventListener("click", () => {
    input.value = button.textContent;
    submit();
  });
}

$("new-chat").addEventListener("click", async () => {
  if (chat.messageCount === 0 && !chat.busy) {
    closeSidebar();
    input.focus();
    return;
  }
  try {
    const conversation = await conversations.create();
    await openConversation(conversation.id);
  } catch (err) {
    toast(`Couldn't start a new chat: ${err.message}`, "error");
  }
});

// -- accounts -------------------------------------------------------------------------------

function setMode(mode) {
  state.mode = mode;
  const signup = mode === "signup";
  $("tab-signin").setAttribute("aria-pressed", String(!signup));
  $("tab-signup").setAttribute("aria-pressed", String(signup));
  $("auth-submit").textContent = signup ? "Create account" : "Sign in";
  $("auth-password").autocomplete = signup ? "new-password" : "current-password";
  $("auth-hint").hidden = !signup;
  $("auth-tz").textContent = browserTimezone();
  $("auth-error").hidden = true;
}

$("tab-signin").addEventListener("click", () => setMode("signin"));
$("tab-signup").addEventListener("click", () => setMode("signup"));

$("auth-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const username = $("auth-username").value.trim();
  const password = $("auth-password").value;
  const error = $("auth-error");
  error.hidden = true;
  const button = $("auth-submit");
  button.disabled = true;
  try {
    if (state.mode === "signup") {
      await api("/api/auth/register", {
        method: "POST",
        json: { username, password, timezone: browserTimezone() },
      });
    }
    const token = await api("/api/auth/token", { method: "POST", form: { username, password } });
    setToken(token.access_token);
    $("auth-password").value = "";
    await start();
  } catch (err) {
    error.textContent =
      err instanceof ApiError && err.status === 401 && state.mode === "signin"
        ? `${err.message}. Check your username and password.`
        : err.message;
    error.hidden = false;
  } finally {
    button.disabled = false;
  }
});

const reminders = new ReminderView({ button: $("enable-reminders"), onChanged: () => todos.refreshSoon() });

// Changes made elsewhere: another tab, a phone, the terminal client, the REST API.
const live = new LiveFeed({
  onReminder: (notice) => reminders.show(notice),
  onTodos: (ids) => todos.refreshSoon(80, ids),
  onConversations: (ids) => {
    conversations.refresh().then(() => {
      if (chat.conversationId && !conversations.items.some((c) => c.id === chat.conversationId)) {
        // Deleted elsewhere: show the newest one instead.
        const next = conversations.items[0];
        openConversation(next ? next.id : null);
        return;
      }
      conversations.setCurrent(chat.conversationId);
      if (ids.includes(chat.conversationId)) chat.followElsewhere();
    });
  },
  onReset: () => {
    todos.refreshSoon();
    conversations.refresh().then(() => conversations.setCurrent(chat.conversationId));
    chat.followElsewhere();
  },
});

function showAuth(message) {
  state.user = null;
  $("app").hidden = true;
  $("auth").hidden = false;
  setMode(state.mode);
  if (message) {
    $("auth-error").textContent = message;
    $("auth-error").hidden = false;
  }
  $("auth-username").focus();
}

function signOut(message) {
  live.stop();
  chat.detach();
  forgetTurn();
  setToken(null);
  todos.clear();
  chat.clear();
  showAuth(message);
}

$("sign-out").addEventListener("click", () => signOut());
setUnauthorizedHandler(() => signOut("Your session has ended. Please sign in again."));

async function start() {
  try {
    state.user = await api("/api/me");
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return; // handler shows the sign-in form
    showAuth(err.message);
    return;
  }
  $("account-name").textContent = state.user.username;
  live.start();
  todos.refresh();
  const saved = savedTurn();
  const list = await conversations.refresh();
  // The app is shown only once a conversation is open, so nothing typed is lost to the load.
  const show = () => {
    $("auth").hidden = true;
    $("app").hidden = false;
    // Laid out only now: open at the latest message.
    chat.scrollToEnd(true);
    input.focus();
  };
  if (saved && saved.conversation_id) {
    // The page was reloaded during a turn: show the conversation, then finish the reply.
    const history = await openConversation(saved.conversation_id);
    show();
    await chat.resume(saved, history);
    return;
  }
  await openConversation(list.length ? list[0].id : null);
  show();
}

if (getToken()) start();
else showAuth();
