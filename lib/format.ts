// Pure display helpers for numbers and dates, shared by pages and the CSV (no React, no database).

/** 0.634 → "63%"; null → "—". */
export function formatPercent(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached(
  map: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let f = map.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en", { ...options, timeZone });
    if (map.size > 200) map.clear();
    map.set(timeZone, f);
  }
  return f;
}

/** "Dec 7, 2026, 11:59 PM" in the reader's own time zone. */
export function formatDateTime(date: Date, timeZone: string): string {
  return cached(dateTimeFormats, timeZone, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** "Dec 7, 2026" in the reader's own time zone. */
export function formatDate(date: Date, timeZone: string): string {
  return cached(dateFormats, timeZone, { dateStyle: "medium" }).format(date);
}

/** "in 3 days", "today", "2 days ago": whole days between two instants, for due dates and activity. */
export function formatDaysFrom(date: Date, now: Date): string {
  const days = Math.round((date.getTime() - now.getTime()) / 86_400_000);
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
