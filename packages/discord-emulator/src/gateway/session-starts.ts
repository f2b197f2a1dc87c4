// Counts IDENTIFYs per bot over Discord's 24 h window so GET /gateway/bot reports a truthful
// session_start_limit. (Reported, not enforced: see README fidelity gaps.)
export const SESSION_START_TOTAL = 1000;
const WINDOW_MS = 24 * 3600 * 1000;

export class SessionStartCounter {
  private readonly starts = new Map<string, number[]>();

  record(botId: string, now = Date.now()): void {
    const list = this.prune(botId, now);
    list.push(now);
    this.starts.set(botId, list);
  }

  limit(botId: string, now = Date.now()) {
    const list = this.prune(botId, now);
    const oldest = list[0];
    return {
      total: SESSION_START_TOTAL,
      remaining: Math.max(0, SESSION_START_TOTAL - list.length),
      reset_after: oldest === undefined ? WINDOW_MS : oldest + WINDOW_MS - now,
      max_concurrency: 1,
    };
  }

  clear(): void {
    this.starts.clear();
  }

  private prune(botId: string, now: number): number[] {
    const list = (this.starts.get(botId) ?? []).filter((t) => now - t < WINDOW_MS);
    this.starts.set(botId, list);
    return list;
  }
}
