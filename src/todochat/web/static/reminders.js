// Reminders from the live feed: an in-page toast with "Done" and "Snooze 1 h", and a browser
// notification once the user has allowed them (asked only when they press the bell button).

import { api } from "./api.js";
import { actionToast, toast } from "./dom.js";

export class ReminderView {
  constructor({ button, onChanged }) {
    this.button = button;
    this.onChanged = onChanged;
    this.shown = new Set();
    const supported = typeof Notification !== "undefined";
    this.button.hidden = !supported || Notification.permission !== "default";
    this.button.addEventListener("click", async () => {
      const answer = await Notification.requestPermission();
      this.button.hidden = answer !== "default";
      if (answer === "granted") toast("Reminders will show as notifications too.", "success", 2500);
    });
  }

  show(notice) {
    const id = notice.ids?.[0];
    // One toast per reminder, even if a resumed stream brings it again.
    const key = `${id}@${notice.remind_at}`;
    if (id === undefined || this.shown.has(key)) return;
    this.shown.add(key);
    const text = `Reminder: ${notice.title}`;
    if (typeof Notification !== "undefined" && Notification.permission === "granted" && document.hidden) {
      try {
        new Notification("todochat", { body: notice.title, tag: `todo-${id}` });
      } catch {
        /* some browsers only notify from a service worker: the toast is enough */
      }
    }
    actionToast(
      text,
      [
        { label: "Done", run: () => this.act(`/api/todos/${id}/complete`, {}, `Completed “${notice.title}”`) },
        {
          label: "Snooze 1 h",
          run: () => this.act(`/api/todos/${id}/snooze`, { minutes: 60 }, "I'll remind you in an hour."),
        },
      ],
      { kind: "reminder", ms: 60000, label: text },
    );
  }

  async act(path, json, done) {
    try {
      await api(path, { method: "POST", json });
      toast(done, "success", 2500);
      this.onChanged();
    } catch (err) {
      toast(`Couldn't do that: ${err.message}`, "error");
    }
  }
}
