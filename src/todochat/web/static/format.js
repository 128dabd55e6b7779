// Dates and times in the user's words and timezone: "Today", "Tomorrow 5 PM", "Sat, Nov 22".

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "YYYY-MM-DD" of ``instant`` as seen in timezone ``tz``. */
export function localDate(instant, tz) {
  try {
    const parts = new Intl.DateTimeFormat("en-CA", {
      timeZone: tz,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).formatToParts(instant);
    const get = (type) => parts.find((p) => p.type === type).value;
    return `${get("year")}-${get("month")}-${get("day")}`;
  } catch {
    return instant.toISOString().slice(0, 10);
  }
}

/** "HH:MM" (24 h) of ``instant`` in ``tz``. */
export function localTime(instant, tz) {
  try {
    const parts = new Intl.DateTimeFormat("en-GB", {
      timeZone: tz,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).formatToParts(instant);
    const get = (type) => parts.find((p) => p.type === type).value;
    return `${get("hour")}:${get("minute")}`;
  } catch {
    return instant.toISOString().slice(11, 16);
  }
}

function parseYMD(ymd) {
  const [y, m, d] = ymd.split("-").map(Number);
  return { y, m, d };
}

/** Whole days from date a to date b ("YYYY-MM-DD" each). */
function dayDiff(a, b) {
  const pa = parseYMD(a);
  const pb = parseYMD(b);
  return Math.round((Date.UTC(pb.y, pb.m - 1, pb.d) - Date.UTC(pa.y, pa.m - 1, pa.d)) / 86400000);
}

/** "5 PM", "5:30 PM", "12 AM" from "HH:MM". */
export function formatClock(hhmm) {
  if (!hhmm) return "";
  const [h, m] = hhmm.split(":").map(Number);
  const suffix = h < 12 ? "AM" : "PM";
  const hour = h % 12 === 0 ? 12 : h % 12;
  return m ? `${hour}:${String(m).padStart(2, "0")} ${suffix}` : `${hour} ${suffix}`;
}

/** "Sat, Nov 22" (plus the year when it is not this year). */
export function formatDay(ymd, todayYmd) {
  const { y, m, d } = parseYMD(ymd);
  const weekday = DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  const base = `${weekday}, ${MONTHS[m - 1]} ${d}`;
  return todayYmd && parseYMD(todayYmd).y !== y ? `${base}, ${y}` : base;
}

/**
 * A due date in words. ``dueDate`` "YYYY-MM-DD" and ``dueTime`` "HH:MM" are in the user's
 * timezone already (that is how the API sends them).
 */
export function formatDue(dueDate, dueTime, tz, now = new Date()) {
  if (!dueDate) return "";
  const today = localDate(now, tz);
  const diff = dayDiff(today, dueDate);
  const clock = formatClock(dueTime);
  let day;
  if (diff === 0) day = "Today";
  else if (diff === 1) day = "Tomorrow";
  else if (diff === -1) day = "Yesterday";
  else day = formatDay(dueDate, today);
  if (!clock) return day;
  return diff >= -1 && diff <= 1 ? `${day} ${clock}` : `${day}, ${clock}`;
}

/** Whether a todo's due moment has passed, as the user sees it. */
export function isOverdue(todo, tz, now = new Date()) {
  if (todo.completed || !todo.due_date) return false;
  if (todo.all_day || !todo.due_time) return dayDiff(localDate(now, tz), todo.due_date) < 0;
  if (todo.due_at) return new Date(todo.due_at).getTime() < now.getTime();
  const today = localDate(now, tz);
  const diff = dayDiff(today, todo.due_date);
  return diff < 0 || (diff === 0 && todo.due_time < localTime(now, tz));
}

/** Whether the todo is due today (and not overdue). */
export function isDueToday(todo, tz, now = new Date()) {
  return !!todo.due_date && dayDiff(localDate(now, tz), todo.due_date) === 0;
}

/** "Dec 1, 2026, 9 AM" from an ISO instant, for quota reset times. */
export function formatInstant(iso, tz) {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return String(iso);
  const day = localDate(when, tz);
  const clock = formatClock(localTime(when, tz));
  const { y, m, d } = parseYMD(day);
  return `${MONTHS[m - 1]} ${d}, ${y}, ${clock}`;
}

/** "just now", "5 min ago", "Yesterday", "Nov 22" for conversation lists. */
export function formatAgo(iso, tz, now = new Date()) {
  const when = new Date(iso);
  const seconds = (now.getTime() - when.getTime()) / 1000;
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  const today = localDate(now, tz);
  const day = localDate(when, tz);
  const diff = dayDiff(day, today);
  if (diff === 0) return formatClock(localTime(when, tz));
  if (diff === 1) return "Yesterday";
  const { m, d } = parseYMD(day);
  return `${MONTHS[m - 1]} ${d}`;
}

/** The browser's IANA timezone. */
export function browserTimezone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}
