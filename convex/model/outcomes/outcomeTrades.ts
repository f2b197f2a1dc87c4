import type { Doc } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { refreshRollups, signalFlags } from "./outcomeRollups";
import type { TrackUpdate } from "./trackerValidators";

type ClosedOutcome = Pick<
  Doc<"signalOutcomes">,
  "signalId" | "tierKey" | "sourceChannelId" | "postedAt"
> &
  Pick<TrackUpdate, "status" | "result" | "closedAt" | "state">;

/**
 * Keeps the statistics' row of a closed trade in step with its outcome (idempotent: a retried or
 * re-sent close rewrites the same row). Only trades that filled count: an outcome without a result
 * (invalidated, cancelled, never filled) has none, nor has a trade open again. The signal's
 * deletion keeps the row (it only flags it). The day rollups of the row before and after are
 * rebuilt in the same mutation.
 */
export async function recordClosedTrade(ctx: MutationCtx, outcome: ClosedOutcome): Promise<void> {
  const existing = await ctx.db
    .query("outcomeTrades")
    .withIndex("by_signal", (q) => q.eq("signalId", outcome.signalId))
    .unique();
  const stillOpen = outcome.status === "waiting_entry" || outcome.status === "in_trade";
  if (stillOpen || outcome.result === undefined || outcome.closedAt === undefined) {
    if (existing !== null) {
      await ctx.db.delete("outcomeTrades", existing._id);
      await refreshRollups(ctx, [existing]);
    }
    return;
  }
  const signal = await ctx.db.get("signals", outcome.signalId);
  const side = signal?.side ?? sideFromState(outcome.state);
  if (side === undefined) return;
  const row = {
    signalId: outcome.signalId,
    tierKey: outcome.tierKey,
    sourceChannelId: outcome.sourceChannelId,
    side,
    ...(signal?.pair === undefined ? {} : { pair: signal.pair }),
    postedAt: outcome.postedAt,
    closedAt: outcome.closedAt,
    status: outcome.status,
    ...(outcome.result.r === undefined ? {} : { r: outcome.result.r }),
    pct: outcome.result.pct,
    ...signalFlags(signal),
  };
  if (existing === null) await ctx.db.insert("outcomeTrades", row);
  else await ctx.db.replace("outcomeTrades", existing._id, row);
  await refreshRollups(ctx, existing === null ? [row] : [existing, row]);
}

/** The tracker's state names the side its levels were tracked with (a signal without one). */
function sideFromState(state: string): "long" | "short" | undefined {
  try {
    const side = (JSON.parse(state) as { track?: { levels?: { side?: unknown } } }).track?.levels
      ?.side;
    return side === "long" || side === "short" ? side : undefined;
  } catch {
    return undefined;
  }
}
