import { v } from "convex/values";
import type { MutationCtx } from "./_generated/server";
import { internalMutation } from "./_generated/server";
import { withRetryAt } from "./model/shared/rateLimitStatus";
import {
  unverifiedWebhookLimiter,
  WEBHOOK_RATE_LIMIT_NAMES,
} from "./model/payments/webhookRejectionLimits";
import { vVerification } from "./tables/payments";

/**
 * Unverified Sell.app webhook requests (no or a wrong signature, oversized, no secret configured):
 * anyone can send them, so each costs bounded storage and their number is rate-limited per source
 * and globally. Within the limits: one bounded webhookEvents row (excerpt, length, SHA-256, reason,
 * time, source). Over them: one counter per hour window and shard, nothing per request.
 */

export const REJECTION_WINDOW_MS = 60 * 60 * 1000;
/** Counter rows per window: a flood's writes spread over a few documents instead of one. */
export const REJECTION_WINDOW_SHARDS = 4;
const MAX_SAMPLE_SOURCES = 5;

export const vUnverifiedReason = v.union(
  v.literal("missing"),
  v.literal("invalid"),
  v.literal("unchecked"),
  v.literal("oversized"),
);

const vRecordUnverifiedResult = v.union(
  v.object({ stored: v.literal(true), id: v.id("webhookEvents") }),
  v.object({
    stored: v.literal(false),
    retryAt: v.number(),
    /** The first refusal counted in this window's shard: worth one log line, the rest are not. */
    firstInWindow: v.boolean(),
  }),
);

export const record = internalMutation({
  args: {
    reason: vUnverifiedReason,
    rejectReason: v.string(),
    verification: vVerification,
    eventType: v.string(),
    bodyExcerpt: v.string(),
    bodySha256: v.string(),
    bodyBytes: v.number(),
    headers: v.record(v.string(), v.string()),
    source: v.string(),
    receivedAt: v.number(),
  },
  returns: vRecordUnverifiedResult,
  handler: async (ctx, args) => {
    const { reason: _reason, source, ...row } = args;
    // Global first and without consuming: a refused request then writes no per-source state, so
    // forged sources cannot grow the limiter's table past the global budget.
    const global = withRetryAt(
      await unverifiedWebhookLimiter.check(ctx, WEBHOOK_RATE_LIMIT_NAMES.global),
    );
    if (!global.ok) return await countRefusal(ctx, args, "global", global.retryAt);
    const perSource = withRetryAt(
      await unverifiedWebhookLimiter.limit(ctx, WEBHOOK_RATE_LIMIT_NAMES.perSource, {
        key: source,
      }),
    );
    if (!perSource.ok) return await countRefusal(ctx, args, "source", perSource.retryAt);
    await unverifiedWebhookLimiter.limit(ctx, WEBHOOK_RATE_LIMIT_NAMES.global);
    const id = await ctx.db.insert("webhookEvents", {
      provider: "sellapp",
      ...row,
      source,
      status: "rejected",
      attempts: 0,
    });
    return { stored: true as const, id };
  },
});

async function countRefusal(
  ctx: MutationCtx,
  args: { reason: string; bodyBytes: number; source: string; receivedAt: number },
  limit: "global" | "source",
  retryAt: number | undefined,
) {
  const windowStart = Math.floor(args.receivedAt / REJECTION_WINDOW_MS) * REJECTION_WINDOW_MS;
  const shard = Math.floor(Math.random() * REJECTION_WINDOW_SHARDS);
  const existing = await ctx.db
    .query("webhookRejectionWindows")
    .withIndex("by_window_and_shard", (q) => q.eq("windowStart", windowStart).eq("shard", shard))
    .unique();
  const refusal = { stored: false as const, retryAt: retryAt ?? args.receivedAt };
  if (existing === null) {
    await ctx.db.insert("webhookRejectionWindows", {
      provider: "sellapp",
      windowStart,
      shard,
      count: 1,
      bytes: args.bodyBytes,
      byReason: { [args.reason]: 1 },
      byLimit: { [limit]: 1 },
      sampleSources: [args.source],
      firstAt: args.receivedAt,
      lastAt: args.receivedAt,
    });
    return { ...refusal, firstInWindow: true };
  }
  const sampleSources =
    existing.sampleSources.includes(args.source) ||
    existing.sampleSources.length >= MAX_SAMPLE_SOURCES
      ? existing.sampleSources
      : [...existing.sampleSources, args.source];
  await ctx.db.patch("webhookRejectionWindows", existing._id, {
    count: existing.count + 1,
    bytes: existing.bytes + args.bodyBytes,
    byReason: { ...existing.byReason, [args.reason]: (existing.byReason[args.reason] ?? 0) + 1 },
    byLimit: { ...existing.byLimit, [limit]: (existing.byLimit[limit] ?? 0) + 1 },
    sampleSources,
    lastAt: args.receivedAt,
  });
  return { ...refusal, firstInWindow: false };
}
