import type { Id } from "./convex-api.js";
import type { DeliveryExecutor } from "./delivery-executor.js";
import type { Logger } from "./logger.js";
import type { MirrorApi } from "./mirror-api.js";
import type { MirrorWorkItem } from "./work-types.js";
import { WorkScheduler, type RunOutcome, type SchedulerItem } from "./work-scheduler.js";

export type MirrorWorkerOptions = {
  api: MirrorApi;
  executor: DeliveryExecutor;
  logger: Logger;
  maxChannelsInFlight: number;
  leaseMs?: number;
  /** A slow safety sweep (not the critical path): re-reads the queue in case a push was missed. */
  sweepMs?: number;
  /** Called whenever a delivery finished (for health and tests). */
  onSettled?: () => void;
};

const SNAPSHOT_LIMIT = 200;

/**
 * The mirror queue consumer: subscribes to `mirror.work` (ConvexClient.onUpdate pushes every
 * change), claims due rows per customer channel, executes them and keeps their leases alive.
 */
export class MirrorWorker {
  private readonly scheduler: WorkScheduler;
  private unsubscribe: (() => void) | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private extendTimer: NodeJS.Timeout | undefined;
  private readonly leaseMs: number;
  lastSnapshotAt = 0;

  constructor(private readonly options: MirrorWorkerOptions) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.scheduler = new WorkScheduler({
      owner: options.api.owner,
      maxConcurrent: options.maxChannelsInFlight,
      run: (item) => this.run(item),
      onError: (error, item) =>
        options.logger.error(
          { event: "mirror.worker_error", deliveryId: item.id, error: String(error) },
          "delivery attempt crashed; it will be retried",
        ),
    });
  }

  /** Hands back leases a previous run under the same instance id still holds, then subscribes. */
  async start(): Promise<void> {
    const released = await this.options.api.release();
    if (released > 0) {
      this.options.logger.info(
        { event: "mirror.leases_reclaimed", released },
        "released stale own leases",
      );
    }
    this.unsubscribe = this.options.api.onMirrorWork(
      SNAPSHOT_LIMIT,
      (items) => {
        this.lastSnapshotAt = Date.now();
        this.scheduler.update(items.map(toSchedulerItem));
      },
      (error) =>
        this.options.logger.error(
          { event: "mirror.subscription_error", error: error.message },
          "work subscription failed",
        ),
    );
    this.sweepTimer = setInterval(() => void this.sweep(), this.options.sweepMs ?? 30_000);
    this.sweepTimer.unref();
    this.extendTimer = setInterval(() => void this.extendLeases(), Math.floor(this.leaseMs / 3));
    this.extendTimer.unref();
  }

  get inFlight(): number {
    return this.scheduler.size;
  }

  /** Graceful stop: no new claims, finish what is in flight, release anything still leased. */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    if (this.sweepTimer !== undefined) clearInterval(this.sweepTimer);
    await this.scheduler.drain();
    if (this.extendTimer !== undefined) clearInterval(this.extendTimer);
    try {
      await this.options.api.release();
    } catch (error) {
      this.options.logger.warn(
        { event: "mirror.release_failed", error: String(error) },
        "could not release leases",
      );
    }
  }

  private async run(item: SchedulerItem): Promise<RunOutcome> {
    const deliveryId = item.id as Id<"mirrorDeliveries">;
    const claim = await this.options.api.claim(deliveryId, this.leaseMs);
    switch (claim.status) {
      case "claimed": {
        const result = await this.options.executor.execute(claim.work);
        this.options.onSettled?.();
        return result.morePending === true ? "again" : "ran";
      }
      case "deferred":
        return { retryAt: claim.retryAt };
      case "settled":
        this.options.onSettled?.();
        return "ran";
      case "busy":
      case "missing":
        return "busy";
    }
  }

  private async sweep(): Promise<void> {
    try {
      const items = await this.options.api.mirrorWork(SNAPSHOT_LIMIT);
      this.scheduler.update(items.map(toSchedulerItem));
    } catch (error) {
      this.options.logger.warn(
        { event: "mirror.sweep_failed", error: String(error) },
        "safety sweep failed",
      );
    }
  }

  private async extendLeases(): Promise<void> {
    const ids = this.scheduler.inFlightIds() as Id<"mirrorDeliveries">[];
    if (ids.length === 0) return;
    try {
      await this.options.api.extend(ids.slice(0, 100), this.leaseMs);
    } catch (error) {
      this.options.logger.warn(
        { event: "mirror.extend_failed", error: String(error) },
        "could not extend leases",
      );
    }
  }
}

function toSchedulerItem(item: MirrorWorkItem): SchedulerItem {
  return {
    id: item.deliveryId,
    group: item.customerChannelId,
    dueAt: item.dueAt,
    status: item.status,
    ...(item.leaseOwner === undefined ? {} : { leaseOwner: item.leaseOwner }),
    ...(item.create ? { order: item.order } : {}),
  };
}
