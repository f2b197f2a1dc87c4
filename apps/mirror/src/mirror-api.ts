import type { ConvexClient } from "convex/browser";
import type { FunctionArgs } from "convex/server";
import { api, type Id } from "./convex-api.js";
import type { ClaimedDelivery, ClaimedRoleJob } from "./work-types.js";

export type ErrorReport = {
  kind: "transient" | "permanent";
  message: string;
  code?: number;
  retryAfterMs?: number;
};

/** The mirror's Convex calls, bound to the service secret and this instance's lease owner name. */
export class MirrorApi {
  constructor(
    private readonly client: ConvexClient,
    private readonly secret: string,
    readonly owner: string,
  ) {}

  get convex(): ConvexClient {
    return this.client;
  }

  /** Leases a delivery; for a create, the claim also records that the send starts now. */
  claim(deliveryId: Id<"mirrorDeliveries">, leaseMs: number) {
    return this.client.mutation(api.mirror.claim, {
      secret: this.secret,
      owner: this.owner,
      deliveryId,
      leaseMs,
    });
  }

  complete(
    work: ClaimedDelivery,
    result: {
      customerMessageId: string | null;
      updateNoteMessageId: string | null;
      renderedHash: string | null;
    },
  ) {
    return this.client.mutation(api.mirror.complete, {
      secret: this.secret,
      owner: this.owner,
      deliveryId: work.deliveryId,
      syncedVersion: work.version,
      ...result,
    });
  }

  /** Forgets a vanished customer message; the re-create of `version` is recorded as started. */
  forgetMessage(deliveryId: Id<"mirrorDeliveries">, version: number) {
    return this.client.mutation(api.mirror.forgetMessage, {
      secret: this.secret,
      owner: this.owner,
      deliveryId,
      version,
    });
  }

  fail(deliveryId: Id<"mirrorDeliveries">, error: ErrorReport) {
    return this.client.mutation(api.mirror.fail, {
      secret: this.secret,
      owner: this.owner,
      deliveryId,
      error,
    });
  }

  extend(deliveryIds: Id<"mirrorDeliveries">[], leaseMs: number) {
    return this.client.mutation(api.mirror.extend, {
      secret: this.secret,
      owner: this.owner,
      deliveryIds,
      leaseMs,
    });
  }

  release(deliveryIds?: Id<"mirrorDeliveries">[]) {
    return this.client.mutation(api.mirror.release, {
      secret: this.secret,
      owner: this.owner,
      ...(deliveryIds === undefined ? {} : { deliveryIds }),
    });
  }

  driftWindow(perMapping: number) {
    return this.client.query(api.mirror.driftWindow, { secret: this.secret, perMapping });
  }

  reportDrift(reports: FunctionArgs<typeof api.mirror.reportDrift>["reports"]) {
    return this.client.mutation(api.mirror.reportDrift, {
      secret: this.secret,
      instanceId: this.owner,
      reports,
    });
  }

  /** Sends deliveries the drift check found out of step back to the worker (each as it saw it). */
  repairDrift(repairs: FunctionArgs<typeof api.mirror.repairDrift>["repairs"]) {
    return this.client.mutation(api.mirror.repairDrift, { secret: this.secret, repairs });
  }

  knownMessages(messageIds: string[]) {
    return this.client.query(api.mirror.knownMessages, { secret: this.secret, messageIds });
  }

  heartbeat(args: {
    startedAt: number;
    details: {
      guildId: string;
      gatewayReady: boolean;
      inFlight: number;
      botHighestRolePosition?: number;
      paidRoles: { roleId: string; position?: number }[];
    };
  }) {
    return this.client.mutation(api.mirror.heartbeat, {
      secret: this.secret,
      instanceId: this.owner,
      ...args,
    });
  }

  onMirrorWork(
    limit: number,
    onWork: (items: Awaited<ReturnType<MirrorApi["mirrorWork"]>>) => void,
    onError: (error: Error) => void,
  ): () => void {
    return this.client.onUpdate(api.mirror.work, { secret: this.secret, limit }, onWork, onError);
  }

  mirrorWork(limit: number) {
    return this.client.query(api.mirror.work, { secret: this.secret, limit });
  }

  // Role sync.
  onRoleWork(
    limit: number,
    onWork: (items: Awaited<ReturnType<MirrorApi["roleWork"]>>) => void,
    onError: (error: Error) => void,
  ): () => void {
    return this.client.onUpdate(api.roleSync.work, { secret: this.secret, limit }, onWork, onError);
  }

  roleWork(limit: number) {
    return this.client.query(api.roleSync.work, { secret: this.secret, limit });
  }

  paidRoles() {
    return this.client.query(api.roleSync.paidRoles, { secret: this.secret });
  }

  claimRole(jobId: Id<"roleSyncJobs">, leaseMs: number) {
    return this.client.mutation(api.roleSync.claim, {
      secret: this.secret,
      owner: this.owner,
      jobId,
      leaseMs,
    });
  }

  completeRole(job: ClaimedRoleJob, outcome: "applied" | "not_a_member") {
    return this.client.mutation(api.roleSync.complete, {
      secret: this.secret,
      owner: this.owner,
      jobId: job.jobId,
      outcome,
    });
  }

  failRole(job: ClaimedRoleJob, error: ErrorReport) {
    return this.client.mutation(api.roleSync.fail, {
      secret: this.secret,
      owner: this.owner,
      jobId: job.jobId,
      error,
    });
  }

  releaseRoles(jobIds: Id<"roleSyncJobs">[]) {
    return this.client.mutation(api.roleSync.release, {
      secret: this.secret,
      owner: this.owner,
      jobIds,
    });
  }

  reconcileRoles(args: {
    guildId: string;
    roleId: string;
    holders: string[];
    cursor: string | null;
  }) {
    return this.client.mutation(api.roleSync.reconcileRoles, { secret: this.secret, ...args });
  }
}
