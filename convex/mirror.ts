import { v } from "convex/values";
import {
  listDriftWindow,
  MAX_DRIFT_MAPPINGS,
  storeDriftReport,
  vDriftReportInput,
  vDriftWindow,
} from "./model/mirror/driftReports";
import { recordMirrorHeartbeat, vMirrorHeartbeatDetails } from "./model/mirror/mirrorHealth";
import { queueDriftRepairs, vDriftRepair } from "./model/mirror/mirrorRepair";
import { clampLeaseMs, clampLimit, MAX_BATCH_IDS, vErrorReport } from "./model/mirror/mirrorQueue";
import { vClaimResult, vCompleteResult, vMirrorWorkItem } from "./model/mirror/mirrorValidators";
import {
  claimDelivery,
  completeDelivery,
  extendLeases,
  failDelivery,
  forgetVanishedMessage,
  isCustomerMessageKnown,
  listMirrorWork,
  releaseLeases,
} from "./model/mirror/mirrorWork";
import { serviceMutation, serviceQuery } from "./functions";
import { appError } from "./model/shared/errors";

// The mirror bot's Convex surface: every function checks CONVEX_SERVICE_SECRET first. Failed rows
// are listed and retried by admins through workQueues.ts. Protocol: apps/mirror/README.md.

function assertBatch(ids: readonly unknown[]): void {
  if (ids.length > MAX_BATCH_IDS) {
    throw appError("BAD_REQUEST", `At most ${MAX_BATCH_IDS} ids per call; split the batch.`);
  }
}

/** Pending work in due order plus leases in expiry order; the bot subscribes with onUpdate. */
export const work = serviceQuery({
  args: { limit: v.optional(v.number()) },
  returns: v.array(vMirrorWorkItem),
  handler: async (ctx, { limit }) => {
    return listMirrorWork(ctx, clampLimit(limit));
  },
});

/**
 * Leases one delivery to `owner` and returns its rendering input. A create's send is recorded as
 * started in the same transaction (`sendStartedAt`): the bot posts right after, with no other call.
 */
export const claim = serviceMutation({
  args: {
    owner: v.string(),
    deliveryId: v.id("mirrorDeliveries"),
    leaseMs: v.optional(v.number()),
  },
  returns: vClaimResult,
  handler: async (ctx, { owner, deliveryId, leaseMs }) => {
    return claimDelivery(ctx, { deliveryId, owner, leaseMs: clampLeaseMs(leaseMs) });
  },
});

/** Records the customer message id(s) and synced version, then acknowledges, in one transaction. */
export const complete = serviceMutation({
  args: {
    owner: v.string(),
    deliveryId: v.id("mirrorDeliveries"),
    syncedVersion: v.number(),
    customerMessageId: v.union(v.string(), v.null()),
    updateNoteMessageId: v.union(v.string(), v.null()),
    renderedHash: v.union(v.string(), v.null()),
  },
  returns: vCompleteResult,
  handler: async (ctx, { ...args }) => {
    return completeDelivery(ctx, args);
  },
});

/**
 * The customer message vanished (10008): forget it and record the start of its re-create (of the
 * claimed `version`); returns the nonce for that re-create.
 */
export const forgetMessage = serviceMutation({
  args: {
    owner: v.string(),
    deliveryId: v.id("mirrorDeliveries"),
    version: v.number(),
  },
  returns: v.union(v.string(), v.null()),
  handler: async (ctx, { owner, deliveryId, version }) => {
    return forgetVanishedMessage(ctx, { deliveryId, owner, version });
  },
});

export const fail = serviceMutation({
  args: {
    owner: v.string(),
    deliveryId: v.id("mirrorDeliveries"),
    error: vErrorReport,
  },
  returns: v.boolean(),
  handler: async (ctx, { owner, deliveryId, error }) => {
    return failDelivery(ctx, { deliveryId, owner, error });
  },
});

export const extend = serviceMutation({
  args: {
    owner: v.string(),
    deliveryIds: v.array(v.id("mirrorDeliveries")),
    leaseMs: v.optional(v.number()),
  },
  returns: v.array(v.id("mirrorDeliveries")),
  handler: async (ctx, { owner, deliveryIds, leaseMs }) => {
    assertBatch(deliveryIds);
    return extendLeases(ctx, { owner, deliveryIds, leaseMs: clampLeaseMs(leaseMs) });
  },
});

/** Graceful shutdown or restart: hand this owner's leases back without counting an attempt. */
export const release = serviceMutation({
  args: {
    owner: v.string(),
    deliveryIds: v.optional(v.array(v.id("mirrorDeliveries"))),
  },
  returns: v.number(),
  handler: async (ctx, { owner, deliveryIds }) => {
    if (deliveryIds !== undefined) assertBatch(deliveryIds);
    return releaseLeases(ctx, {
      owner,
      ...(deliveryIds === undefined ? {} : { deliveryIds }),
      limit: 500,
    });
  },
});

/** Which of these customer message ids are already recorded (recovery must not adopt them). */
export const knownMessages = serviceQuery({
  args: { messageIds: v.array(v.string()) },
  returns: v.array(v.string()),
  handler: async (ctx, { messageIds }) => {
    assertBatch(messageIds);
    const known: string[] = [];
    for (const messageId of new Set(messageIds)) {
      if (await isCustomerMessageKnown(ctx, messageId)) known.push(messageId);
    }
    return known;
  },
});

export const heartbeat = serviceMutation({
  args: {
    instanceId: v.string(),
    startedAt: v.number(),
    details: vMirrorHeartbeatDetails,
  },
  returns: v.null(),
  handler: async (ctx, { ...args }) => {
    if (args.details.paidRoles.length > 50) {
      throw appError("BAD_REQUEST", "At most 50 paid roles per heartbeat.");
    }
    await recordMirrorHeartbeat(ctx, args);
    return null;
  },
});

/** The latest deliveries of every enabled mapping, for the bot's periodic drift check. */
export const driftWindow = serviceQuery({
  args: { perMapping: v.number() },
  returns: vDriftWindow,
  handler: async (ctx, { perMapping }) => {
    return listDriftWindow(ctx, perMapping);
  },
});

/** The bot's drift summaries; each becomes its mapping's latest report (an older one is ignored). */
export const reportDrift = serviceMutation({
  args: { instanceId: v.string(), reports: v.array(vDriftReportInput) },
  returns: v.array(v.union(v.literal("stored"), v.literal("older_than_stored"))),
  handler: async (ctx, { instanceId, reports }) => {
    if (reports.length > MAX_DRIFT_MAPPINGS) {
      throw appError("BAD_REQUEST", `At most ${MAX_DRIFT_MAPPINGS} reports per call.`);
    }
    const results: ("stored" | "older_than_stored")[] = [];
    for (const report of reports) results.push(await storeDriftReport(ctx, instanceId, report));
    return results;
  },
});

/**
 * The drift check found synced deliveries whose customer message is gone (deleted by a moderator)
 * or shows something else: each one still as the check saw it goes back to the worker, which edits
 * the message to the current version or re-creates it. Returns the delivery ids queued again.
 */
export const repairDrift = serviceMutation({
  args: { repairs: v.array(vDriftRepair) },
  returns: v.array(v.id("mirrorDeliveries")),
  handler: async (ctx, { repairs }) => {
    assertBatch(repairs);
    return queueDriftRepairs(ctx, repairs);
  },
});
