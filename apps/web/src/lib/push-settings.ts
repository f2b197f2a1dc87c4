// Pure helpers for the notification settings form (tested in push-settings.test.ts).

/** "22:30" → 1350 (minutes after midnight); null for anything else. */
export function minutesFromTime(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** 1350 → "22:30". */
export function timeFromMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** "btc/usdt, eth  sol" → ["BTC/USDT", "ETH", "SOL"] (commas or spaces, upper case, no repeats). */
export function parsePairList(value: string): string[] {
  const pairs = value
    .split(/[\s,]+/)
    .map((pair) => pair.trim().toUpperCase())
    .filter((pair) => pair.length > 0);
  return [...new Set(pairs)];
}

/** The VAPID public key (base64url) as PushManager.subscribe wants its applicationServerKey. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Which browser features web push needs; the first one missing, or null when all are there. */
export function missingPushFeature(scope: {
  navigator: object;
  PushManager?: unknown;
  Notification?: unknown;
}): string | null {
  if (!("serviceWorker" in scope.navigator)) return "service workers";
  if (scope.PushManager === undefined) return "push messaging";
  if (scope.Notification === undefined) return "notifications";
  return null;
}
