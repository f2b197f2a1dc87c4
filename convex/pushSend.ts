"use node";
// The push fan-out: scheduled by ingest for each new or edited signal, sends one encrypted Web
// Push message per matching, entitled device (access is checked in the query, at send time).
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { internalAction, type ActionCtx } from "./_generated/server";
import {
  MAX_PUSH_ATTEMPTS,
  SIGNAL_TTL_SECONDS,
  retryDelayMs,
  sendToAll,
  topicFor,
  type SendResult,
} from "./model/push/pushSender";

const PAGE_SIZE = 100;

function toOutcome(result: SendResult) {
  return result.result === "failed"
    ? { id: result.id, result: "failed" as const, status: result.status }
    : result;
}

async function recordAndRetry(
  ctx: ActionCtx,
  signalId: Id<"signals">,
  results: SendResult[],
  attempt: number,
): Promise<{ delivered: number; retrying: number }> {
  if (results.length > 0) {
    await ctx.runMutation(internal.push.recordOutcomes, { outcomes: results.map(toOutcome) });
  }
  const again = results.flatMap((r) => (r.result === "failed" && r.retryable ? [r] : []));
  if (again.length > 0 && attempt < MAX_PUSH_ATTEMPTS) {
    const waits = again.map((r) => r.retryAfterMs ?? 0);
    await ctx.scheduler.runAfter(
      retryDelayMs(attempt, Math.max(...waits)),
      internal.pushSend.retry,
      {
        signalId,
        subscriptionIds: again.map((r) => r.id),
        attempt: attempt + 1,
      },
    );
  }
  return {
    delivered: results.filter((r) => r.result === "delivered").length,
    retrying: attempt < MAX_PUSH_ATTEMPTS ? again.length : 0,
  };
}

const vFanOutResult = v.object({ delivered: v.number(), retrying: v.number() });

export const fanOut = internalAction({
  args: { signalId: v.id("signals") },
  returns: vFanOutResult,
  handler: async (ctx, { signalId }) => {
    let cursor: string | null = null;
    const totals = { delivered: 0, retrying: 0 };
    for (;;) {
      const page: {
        payload: string | null;
        targets: { id: Id<"pushSubscriptions">; endpoint: string; p256dh: string; auth: string }[];
        continueCursor: string;
        isDone: boolean;
      } = await ctx.runQuery(internal.push.fanOutPage, {
        signalId,
        paginationOpts: { numItems: PAGE_SIZE, cursor },
      });
      if (page.payload !== null && page.targets.length > 0) {
        const results = await sendToAll(page.targets, page.payload, {
          urgency: "high",
          ttlSeconds: SIGNAL_TTL_SECONDS,
          topic: topicFor(signalId),
        });
        const sent = await recordAndRetry(ctx, signalId, results, 1);
        totals.delivered += sent.delivered;
        totals.retrying += sent.retrying;
      }
      if (page.isDone) return totals;
      cursor = page.continueCursor;
    }
  },
});

export const retry = internalAction({
  args: {
    signalId: v.id("signals"),
    subscriptionIds: v.array(v.id("pushSubscriptions")),
    attempt: v.number(),
  },
  returns: vFanOutResult,
  handler: async (ctx, { signalId, subscriptionIds, attempt }) => {
    const { payload, targets } = await ctx.runQuery(internal.push.retryTargets, {
      signalId,
      subscriptionIds,
    });
    if (payload === null || targets.length === 0) return { delivered: 0, retrying: 0 };
    const results = await sendToAll(targets, payload, {
      urgency: "high",
      ttlSeconds: SIGNAL_TTL_SECONDS,
      topic: topicFor(signalId),
    });
    return recordAndRetry(ctx, signalId, results, attempt);
  },
});

export const sendTest = internalAction({
  args: { subscriptionId: v.id("pushSubscriptions") },
  returns: v.null(),
  handler: async (ctx, { subscriptionId }) => {
    const test = await ctx.runQuery(internal.push.testTarget, { subscriptionId });
    if (test === null) return null;
    const results = await sendToAll([test.target], test.payload, {
      urgency: "normal",
      ttlSeconds: 300,
    });
    await ctx.runMutation(internal.push.recordOutcomes, { outcomes: results.map(toOutcome) });
    return null;
  },
});
