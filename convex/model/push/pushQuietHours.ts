// Pure: quiet hours in the subscriber's own time zone, so "22:00–07:00" means their night
// wherever the server runs and across daylight-saving changes.

export type QuietHours = { start: number; end: number; timeZone: string };

const MINUTES_PER_DAY = 24 * 60;

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Minutes after local midnight in `timeZone` at `now`. */
export function localMinuteOfDay(now: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(now));
  const hour = Number(parts.find((part) => part.type === "hour")?.value ?? "0");
  const minute = Number(parts.find((part) => part.type === "minute")?.value ?? "0");
  return (hour % 24) * 60 + minute;
}

/** True inside [start, end) local time; a window whose end is before its start wraps midnight. */
export function isQuietAt(quietHours: QuietHours | undefined, now: number): boolean {
  if (quietHours === undefined) return false;
  const minute = localMinuteOfDay(now, quietHours.timeZone);
  const { start, end } = quietHours;
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

export function isMinuteOfDay(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value < MINUTES_PER_DAY;
}
