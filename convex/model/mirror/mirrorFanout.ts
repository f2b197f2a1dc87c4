import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { deliveryNonce } from "./mirrorNonce";

const MAX_MAPPINGS_PER_CHANNEL = 50;

/**
 * Fan-out: brings every enabled mapping of the signal's source channel up to the signal's current
 * version. One row per signal × mapping, upserted, so a burst of edits coalesces into one row whose
 * `targetVersion` is the latest: the worker renders the current signal, never intermediate ones.
 * Call it in the same transaction as the signal write (create, edit or delete).
 */
export async function enqueueMirrorWork(ctx: MutationCtx, signal: Doc<"signals">): Promise<void> {
  const now = Date.now();
  const mappings = await ctx.db
    .query("channelMappings")
    .withIndex("by_source_channel", (q) => q.eq("sourceChannelId", signal.sourceChannelId))
    .take(MAX_MAPPINGS_PER_CHANNEL);
  for (const mapping of mappings) {
    if (!mapping.enabled) continue;
    await upsertDelivery(ctx, signal, mapping, now);
  }
}

/** The single call for `ingest.upsertMessage`: mirrors creates and visible edits only. */
export async function enqueueMirrorWorkForUpsert(
  ctx: MutationCtx,
  result: { outcome: string; signalId: Id<"signals"> },
): Promise<void> {
  if (result.outcome !== "created" && result.outcome !== "edited") return;
  const signal = await ctx.db.get("signals", result.signalId);
  if (signal !== null) await enqueueMirrorWork(ctx, signal);
}

/** The single call for `ingest.deleteMessages`: the tombstoned source message ids. */
export async function enqueueMirrorWorkForDeletes(
  ctx: MutationCtx,
  sourceMessageIds: readonly string[],
): Promise<void> {
  for (const sourceMessageId of sourceMessageIds) {
    const signal = await ctx.db
      .query("signals")
      .withIndex("by_source_message", (q) => q.eq("sourceMessageId", sourceMessageId))
      .unique();
    if (signal !== null) await enqueueMirrorWork(ctx, signal);
  }
}

async function upsertDelivery(
  ctx: MutationCtx,
  signal: Doc<"signals">,
  mapping: Doc<"channelMappings">,
  now: number,
): Promise<void> {
  const existing = await ctx.db
    .query("mirrorDeliveries")
    .withIndex("by_signal_and_mapping", (q) =>
      q.eq("signalId", signal._id).eq("mappingId", mapping._id),
    )
    .unique();
  if (existing === null) {
    // Deleted before it was ever mirrored: nothing to create, nothing to clean up.
    if (signal.deletedAt !== undefined) return;
    await ctx.db.insert("mirrorDeliveries", {
      signalId: signal._id,
      mappingId: mapping._id,
      customerChannelId: mapping.customerChannelId,
      targetVersion: signal.version,
      syncedVersion: 0,
      nonce: deliveryNonce(signal._id, mapping._id, 0),
      nonceGeneration: 0,
      status: "pending",
      attempts: 0,
      nextAttemptAt: now,
      updatedAt: now,
    });
    return;
  }
  if (existing.targetVersion >= signal.version) return; // replay of an older write
  if (existing.status === "leased") {
    // The worker holding the lease sees targetVersion moved on when it completes and stays pending.
    await ctx.db.patch("mirrorDeliveries", existing._id, {
      targetVersion: signal.version,
      updatedAt: now,
    });
    return;
  }
  // Keep a transient backoff that is still running (a 429 storm must not be bypassed by edits).
  const backingOff = existing.status === "pending" && existing.attempts > 0;
  await ctx.db.patch("mirrorDeliveries", existing._id, {
    targetVersion: signal.version,
    status: "pending",
    nextAttemptAt: backingOff ? existing.nextAttemptAt : now,
    ...(existing.status === "failed" ? { attempts: 0, errorKind: undefined } : {}),
    updatedAt: now,
  });
}
