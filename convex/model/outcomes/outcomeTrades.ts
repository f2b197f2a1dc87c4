import type { Doc } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { signalFlags, type TradePlace } from "./outcomeRollups";
import type { TrackUpdate } from "./trackerValidators";

type ClosedOutcome = Pick<
  Doc<"signalOutcomes">,
  "signalId" | "tierKey" | "sourceChannelId" | "postedAt"
> &
  Pick<TrackUpdate, "status" | "result" | "closedAt" | "state">;

/**
 * Keeps the statistics' row of a closed trade in step with its outcome (idempotent: a retried or
 * re-sent close that changes nothing writes nothing). Only trades that filled count: an outcome
 * without a result (invalidated, cancelled, never filled) has none, nor has a trade open again.
 * The signal's deletion keeps the row (it only flags it). Returns where the trade counted before
 * and after the change — the day rollups to rebuild, which the caller schedules
 * (scheduleRollupRefresh) rather than doing in the tracker's write; empty when nothing changed.
 */
export async function recordClosedTrade(
  ctx: MutationCtx,
  outcome: ClosedOutcome,
): Promise<TradePlace[]> {
  const existing = await ctx.db
    .query("outcomeTrades")
    .withIndex("by_signal", (q) => q.eq("signalId", outcome.signalId))
    .unique();
  const stillOpen = outcome.status === "waiting_entry" || outcome.status === "in_trade";
  if (stillOpen || outcome.result === undefined || outcome.closedAt === undefined) {
    if (existing === null) return [];
    await ctx.db.delete("outcomeTrades", existing._id);
    return [existing];
  }
  const signal = await ctx.db.get("signals", outcome.signalId);
  const side = signal?.side ?? sideFromState(outcome.state);
  if (side === undefined) return [];
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
  if (existing === null) {
    await ctx.db.insert("outcomeTrades", row);
    return [row];
  }
  if (sameTrade(existing, row)) return [];
  await ctx.db.replace("outcomeTrades", existing._id, row);
  return [existing, row];
}

type TradeRow = Omit<Doc<"outcomeTrades">, "_id" | "_creationTime">;

/** A closed track's later writes (claims checked, a checkpoint) usually leave its trade as it was. */
function sameTrade(existing: Doc<"outcomeTrades">, row: TradeRow): boolean {
  const { _id, _creationTime, ...stored } = existing;
  const keys = new Set([...Object.keys(stored), ...Object.keys(row)]) as Set<keyof TradeRow>;
  return [...keys].every((k) => stored[k] === row[k]);
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
