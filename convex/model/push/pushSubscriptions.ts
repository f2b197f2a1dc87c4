// The one writer of pushSubscriptions: a user's devices, and what each send did to them.
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import { appError } from "../shared/errors";
import type { PushFilters } from "./pushInput";
import { MAX_PUSH_SUBSCRIPTIONS_PER_USER, pushRateLimiter } from "./pushLimits";
import type { QuietHours } from "./pushQuietHours";

export async function subscriptionsOf(ctx: QueryCtx, userId: Id<"users">) {
  return ctx.db
    .query("pushSubscriptions")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .take(MAX_PUSH_SUBSCRIPTIONS_PER_USER + 1);
}

export async function findByEndpoint(ctx: QueryCtx, endpoint: string) {
  return ctx.db
    .query("pushSubscriptions")
    .withIndex("by_endpoint", (q) => q.eq("endpoint", endpoint))
    .unique();
}

/** Refuses with the time to wait when the user's budget for `name` is spent. */
export async function consumePushBudget(
  ctx: MutationCtx,
  userId: Id<"users">,
  name: "pushSubscriptionWrites" | "pushTests",
): Promise<void> {
  const { ok, retryAfter } = await pushRateLimiter.limit(ctx, name, { key: userId });
  if (ok) return;
  const seconds = Math.max(1, Math.ceil((retryAfter ?? 0) / 1000));
  throw appError("BUSY", `Too many changes to notifications; try again in ${seconds} s.`);
}

/**
 * Stores this device for the user. The endpoint identifies the device: subscribing again updates
 * the row, and a browser that was subscribed under another account moves to this one (whoever
 * holds the device now is who it notifies).
 */
export async function upsertSubscription(
  ctx: MutationCtx,
  userId: Id<"users">,
  input: {
    endpoint: string;
    p256dh: string;
    auth: string;
    filters: PushFilters;
    quietHours?: QuietHours;
  },
): Promise<Id<"pushSubscriptions">> {
  const now = Date.now();
  const fields = {
    userId,
    p256dh: input.p256dh,
    auth: input.auth,
    filters: input.filters,
    quietHours: input.quietHours,
    updatedAt: now,
    failureCount: 0,
  };
  const existing = await findByEndpoint(ctx, input.endpoint);
  if (existing !== null && existing.userId === userId) {
    await ctx.db.patch("pushSubscriptions", existing._id, fields);
    return existing._id;
  }
  const own = await subscriptionsOf(ctx, userId);
  if (own.length >= MAX_PUSH_SUBSCRIPTIONS_PER_USER) {
    throw appError(
      "CONFLICT",
      `At most ${MAX_PUSH_SUBSCRIPTIONS_PER_USER} devices get notifications; turn them off on one you no longer use.`,
    );
  }
  if (existing !== null) await ctx.db.delete("pushSubscriptions", existing._id);
  return ctx.db.insert("pushSubscriptions", {
    ...fields,
    endpoint: input.endpoint,
    createdAt: now,
  });
}

export async function requireOwnSubscription(
  ctx: QueryCtx,
  userId: Id<"users">,
  subscriptionId: Id<"pushSubscriptions">,
): Promise<Doc<"pushSubscriptions">> {
  const row = await ctx.db.get("pushSubscriptions", subscriptionId);
  // Someone else's device answers like a missing one: ids are not a way to probe other accounts.
  if (row === null || row.userId !== userId) {
    throw appError("NOT_FOUND", "That device no longer gets notifications.");
  }
  return row;
}

export type SendOutcome =
  | { id: Id<"pushSubscriptions">; result: "delivered" }
  | { id: Id<"pushSubscriptions">; result: "gone"; status: number }
  | { id: Id<"pushSubscriptions">; result: "failed"; status: number };

/** Applies a batch's results: success stamps, failure counts, and 404/410 endpoints deleted. */
export async function recordSendOutcomes(ctx: MutationCtx, outcomes: readonly SendOutcome[]) {
  const now = Date.now();
  let pruned = 0;
  for (const outcome of outcomes) {
    const row = await ctx.db.get("pushSubscriptions", outcome.id);
    if (row === null) continue;
    if (outcome.result === "delivered") {
      await ctx.db.patch("pushSubscriptions", row._id, { lastSuccessAt: now, failureCount: 0 });
    } else if (outcome.result === "gone") {
      // The push service says the subscription expired or was revoked: it never comes back.
      await ctx.db.delete("pushSubscriptions", row._id);
      pruned++;
    } else {
      await ctx.db.patch("pushSubscriptions", row._id, {
        failureCount: row.failureCount + 1,
        lastFailureAt: now,
        lastFailureStatus: outcome.status,
      });
    }
  }
  return pruned;
}
