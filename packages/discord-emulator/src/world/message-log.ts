// One channel's current messages, ordered by id (ids are time-ordered snowflakes), with Discord's
// history queries. Results are always newest first, as Discord returns them.
import type { MessageRecord } from "./types.js";

export type HistoryQuery = { limit: number; before?: string; after?: string; around?: string };

export class MessageLog {
  private readonly ids: bigint[] = [];
  private readonly byId = new Map<string, MessageRecord>();

  get size(): number {
    return this.ids.length;
  }

  get(id: string): MessageRecord | undefined {
    return this.byId.get(id);
  }

  add(message: MessageRecord): void {
    const key = BigInt(message.id);
    const last = this.ids[this.ids.length - 1];
    if (last === undefined || key > last) this.ids.push(key);
    else this.ids.splice(this.lowerBound(key), 0, key);
    this.byId.set(message.id, message);
  }

  remove(id: string): MessageRecord | undefined {
    const message = this.byId.get(id);
    if (!message) return undefined;
    const index = this.lowerBound(BigInt(id));
    this.ids.splice(index, 1);
    this.byId.delete(id);
    return message;
  }

  /** Oldest first: used by the control API and the HTML view. */
  all(): MessageRecord[] {
    return this.ids.map((id) => this.mustGet(id));
  }

  /**
   * - default / `before`: the `limit` newest messages older than `before`;
   * - `after`: the `limit` messages immediately after `after` (the oldest ones), still newest first;
   * - `around`: up to ⌊limit/2⌋ newer messages plus the rest from `around` and older.
   */
  history(query: HistoryQuery): MessageRecord[] {
    const { limit } = query;
    let start: number;
    let end: number;
    if (query.around !== undefined) {
      const pivot = BigInt(query.around);
      const newerStart = this.upperBound(pivot);
      const newer = Math.min(Math.floor(limit / 2), this.ids.length - newerStart);
      end = newerStart + newer;
      start = Math.max(0, newerStart - (limit - newer));
    } else if (query.after !== undefined) {
      start = this.upperBound(BigInt(query.after));
      end = Math.min(this.ids.length, start + limit);
    } else {
      end = query.before !== undefined ? this.lowerBound(BigInt(query.before)) : this.ids.length;
      start = Math.max(0, end - limit);
    }
    const page: MessageRecord[] = [];
    for (let i = end - 1; i >= start; i -= 1) {
      const id = this.ids[i];
      if (id !== undefined) page.push(this.mustGet(id));
    }
    return page;
  }

  private mustGet(id: bigint): MessageRecord {
    const message = this.byId.get(id.toString());
    if (!message) throw new Error(`message log out of sync at ${id}`);
    return message;
  }

  /** First index whose id is >= key. */
  private lowerBound(key: bigint): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ids[mid] ?? 0n) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index whose id is > key. */
  private upperBound(key: bigint): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ids[mid] ?? 0n) <= key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
