/** Calendar buckets for the business rollups, in UTC so every admin sees the same numbers. */

const DAY_MS = 24 * 60 * 60 * 1000;
export const WEEK_MS = 7 * DAY_MS;

/** The Monday 00:00 UTC that starts the ISO week holding `ms`. */
export function weekStartOf(ms: number): number {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return day - weekday * DAY_MS;
}

/** "YYYY-MM" of the UTC month holding `ms`. */
export function monthKeyOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** The `count` month keys ending with the one holding `ms`, oldest first. */
export function lastMonthKeys(ms: number, count: number): string[] {
  const date = new Date(ms);
  const keys: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    keys.push(
      new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - back, 1))
        .toISOString()
        .slice(0, 7),
    );
  }
  return keys;
}
