/**
 * Turns a subscribed snapshot of queue rows into work, with no polling: items run when due (a
 * single timer for the earliest future due time, since a Convex query does not re-run as time
 * passes), one at a time per group (a customer channel: Discord order and buckets are per channel),
 * at most `maxConcurrent` groups at once, creates in their fan-out order. Leases held by other
 * instances are skipped until they expire. The scheduler never decides whether work may run; the
 * claim mutation does.
 */

export type SchedulerItem = {
  id: string;
  group: string;
  dueAt: number;
  status: "pending" | "leased";
  leaseOwner?: string;
  /**
   * Items with an `order` (creates) start in that order within their group: a later create waits
   * while an earlier one is backing off, so a channel never posts out of order after a failure.
   */
  order?: number;
};

export type SchedulerOptions = {
  owner: string;
  maxConcurrent: number;
  run: (item: SchedulerItem) => Promise<RunOutcome>;
  onError: (error: unknown, item: SchedulerItem) => void;
  now?: () => number;
  /** Upper bound of a timer, so clock skew can never park work for long. */
  maxSleepMs?: number;
};

/**
 * "ran": done; if the snapshot still shows the item exactly as it was when the run started, the
 * snapshot is stale and the item waits for the next one. "again": run it again right away (the
 * signal moved on during the run). "busy": the claim found nothing to do; skipped until the next
 * snapshot. `retryAt`: not before then (a reply waiting for its parent).
 */
export type RunOutcome = "ran" | "again" | "busy" | { retryAt: number };

export class WorkScheduler {
  private items = new Map<string, SchedulerItem>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly busyGroups = new Set<string>();
  private readonly skipUntilSnapshot = new Set<string>();
  private readonly localDue = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Replaces the snapshot (the subscription's latest result) and starts whatever is due. */
  update(items: readonly SchedulerItem[]): void {
    this.items = new Map(items.map((item) => [item.id, item]));
    this.skipUntilSnapshot.clear();
    for (const id of this.localDue.keys()) if (!this.items.has(id)) this.localDue.delete(id);
    this.pump();
  }

  inFlightIds(): string[] {
    return [...this.inFlight.keys()];
  }

  get size(): number {
    return this.inFlight.size;
  }

  /** Stops starting work and waits for what is in flight. */
  async drain(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private eligibleAt(item: SchedulerItem): number | undefined {
    if (this.inFlight.has(item.id) || this.skipUntilSnapshot.has(item.id)) return undefined;
    if (item.status === "leased" && item.leaseOwner === this.options.owner) return undefined;
    return Math.max(item.dueAt, this.localDue.get(item.id) ?? 0);
  }

  private pump(): void {
    if (this.stopped) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const now = this.now();
    const nextByGroup = new Map<string, { item: SchedulerItem; at: number }>();
    const blockedAfter = new Map<string, number>(); // group → order of its earliest waiting create
    let earliestFuture = Number.POSITIVE_INFINITY;
    const due: { item: SchedulerItem; at: number }[] = [];
    for (const item of this.items.values()) {
      const at = this.eligibleAt(item);
      if (at === undefined) continue;
      if (at > now) {
        earliestFuture = Math.min(earliestFuture, at);
        if (item.order !== undefined && item.status === "pending") {
          blockedAfter.set(
            item.group,
            Math.min(blockedAfter.get(item.group) ?? Infinity, item.order),
          );
        }
        continue;
      }
      due.push({ item, at });
    }
    for (const candidate of due) {
      const { item } = candidate;
      const blocker = blockedAfter.get(item.group);
      if (item.order !== undefined && blocker !== undefined && item.order > blocker) continue;
      const current = nextByGroup.get(item.group);
      if (current === undefined || comesFirst(candidate, current))
        nextByGroup.set(item.group, candidate);
    }
    const ready = [...nextByGroup.values()].sort((a, b) => a.at - b.at);
    for (const { item } of ready) {
      if (this.inFlight.size >= this.options.maxConcurrent) break;
      if (this.busyGroups.has(item.group)) continue;
      this.start(item);
    }
    if (Number.isFinite(earliestFuture)) {
      const delay = Math.min(this.options.maxSleepMs ?? 30_000, Math.max(0, earliestFuture - now));
      this.timer = setTimeout(() => this.pump(), delay);
      this.timer.unref();
    }
  }

  private start(item: SchedulerItem): void {
    this.busyGroups.add(item.group);
    const task = (async () => {
      try {
        const outcome = await this.options.run(item);
        if (typeof outcome === "object") {
          this.localDue.set(item.id, outcome.retryAt);
        } else {
          this.localDue.delete(item.id);
          const current = this.items.get(item.id);
          const stale = current !== undefined && sameState(current, item);
          if (outcome === "busy" || (outcome === "ran" && stale))
            this.skipUntilSnapshot.add(item.id);
        }
      } catch (error) {
        this.skipUntilSnapshot.add(item.id);
        this.options.onError(error, item);
      } finally {
        this.inFlight.delete(item.id);
        this.busyGroups.delete(item.group);
        this.pump();
      }
    })();
    this.inFlight.set(item.id, task);
  }
}

/** Creates by fan-out order; anything else by due time. */
function comesFirst(
  a: { item: SchedulerItem; at: number },
  b: { item: SchedulerItem; at: number },
): boolean {
  if (a.item.order !== undefined && b.item.order !== undefined) return a.item.order < b.item.order;
  return a.at < b.at;
}

function sameState(a: SchedulerItem, b: SchedulerItem): boolean {
  return a.status === b.status && a.dueAt === b.dueAt && a.leaseOwner === b.leaseOwner;
}
