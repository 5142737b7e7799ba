const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A short label for a span of time, as on the answer buttons ("Good · 4d"): whole minutes, hours
 * and days up to a month, then months (30 days) and years (365 days) to one decimal.
 * Each unit rounds first, so 59.7 minutes reads "1h", never "60m".
 *
 * @example
 * formatInterval(10 * 60_000);          // "10m"
 * formatInterval(4 * 86_400_000);       // "4d"
 * formatInterval(90 * 86_400_000);      // "3mo"
 * formatInterval(438 * 86_400_000);     // "1.2y"
 */
export function formatInterval(milliseconds: number): string {
  if (!Number.isFinite(milliseconds)) throw new RangeError(`Cannot format an interval of ${milliseconds} ms.`);
  if (milliseconds <= 0) return "now";
  const minutes = Math.round(milliseconds / MINUTE);
  if (minutes < 1) return "<1m";
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(milliseconds / HOUR);
  if (hours < 24) return `${hours}h`;
  const days = Math.round(milliseconds / DAY);
  if (days < 30) return `${days}d`;
  if (days < 365) return `${toOneDecimal(days / 30)}mo`;
  return `${toOneDecimal(days / 365)}y`;
}

function toOneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}
