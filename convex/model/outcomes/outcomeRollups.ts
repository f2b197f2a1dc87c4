import { bucketOf, type ClosedTrade, type StatsBucket } from "@g3/outcomes";
import type { Doc, Id } from "../../_generated/dataModel";
import { internal } from "../../_generated/api";
import type { MutationCtx } from "../../_generated/server";

export const DAY_MS = 86_400_000;
/**
 * A day's rollup is rebuilt from at most this many of its trades (per tier, and over all tiers);
 * a busier day is marked `partial`. Hundreds of closes a day would be a very busy group.
 */
export const MAX_DAY_TRADES = 1000;

export type Side = "long" | "short";
export type Scope = { tierKey?: string; channelId?: string; side?: Side };

export function dayOf(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS;
}

/** The rollup key of a view: every tier, or one tier, narrowed to a channel and/or a side. */
export function scopeKey({ tierKey, channelId, side }: Scope): string {
  if (tierKey === undefined) return "all";
  return [
    `tier:${tierKey}`,
    ...(channelId === undefined ? [] : [`channel:${channelId}`]),
    ...(side === undefined ? [] : [`side:${side}`]),
  ].join("|");
}

/** Where a trade counts: its tier, channel and day (the rollups to rebuild when it changes). */
export type TradePlace = Pick<Doc<"outcomeTrades">, "tierKey" | "sourceChannelId" | "closedAt">;

export function toClosedTrade(row: Doc<"outcomeTrades">): ClosedTrade {
  return {
    id: row.signalId,
    closedAt: row.closedAt,
    pct: row.pct,
    ...(row.r === undefined ? {} : { r: row.r }),
  };
}

export type DayStats = StatsBucket & { deletedSignals: number; editedSignals: number };

export function dayStatsOf(rows: Doc<"outcomeTrades">[]): DayStats {
  return {
    ...bucketOf(rows.map(toClosedTrade)),
    deletedSignals: rows.filter((r) => r.signalDeleted === true).length,
    editedSignals: rows.filter((r) => r.signalEdited === true).length,
  };
}

/**
 * Has the rollups of these places rebuilt by their own mutation (outcomeRollups.refresh), right
 * after this one commits: the tracker's write that closes a trade stays as cheap as any other
 * (no day's trades read, no rollup rows written), and two closes on one day written at once do not
 * conflict on the rollups. The statistics follow the trades within that one scheduled mutation.
 * One job per call, with each tier, channel and day once.
 */
export async function scheduleRollupRefresh(ctx: MutationCtx, places: TradePlace[]): Promise<void> {
  const distinct = new Map<string, TradePlace>();
  for (const p of places) {
    const place = { tierKey: p.tierKey, sourceChannelId: p.sourceChannelId, closedAt: p.closedAt };
    distinct.set(`${p.tierKey}\u0000${p.sourceChannelId}\u0000${dayOf(p.closedAt)}`, place);
  }
  if (distinct.size === 0) return;
  await ctx.scheduler.runAfter(0, internal.outcomeRollups.refresh, {
    places: [...distinct.values()],
  });
}

/**
 * Rebuilds the rollups of the days and tiers these trades belong to, from those days' trades
 * (pass a changed trade's place before and after). Idempotent: it reads the trades as they are
 * when it runs, so rebuilds may run in any order and the last one is right.
 */
export async function refreshRollups(ctx: MutationCtx, places: TradePlace[]): Promise<void> {
  const tierDays = new Map<string, { tierKey: string; day: number; channels: Set<string> }>();
  const days = new Set<number>();
  for (const p of places) {
    const day = dayOf(p.closedAt);
    days.add(day);
    const key = `${p.tierKey}\u0000${day}`;
    const entry = tierDays.get(key) ?? { tierKey: p.tierKey, day, channels: new Set<string>() };
    entry.channels.add(p.sourceChannelId);
    tierDays.set(key, entry);
  }
  for (const { tierKey, day, channels } of tierDays.values()) {
    const read = await ctx.db
      .query("outcomeTrades")
      .withIndex("by_tier_and_closed_at", (q) =>
        q
          .eq("tierKey", tierKey)
          .gte("closedAt", day)
          .lt("closedAt", day + DAY_MS),
      )
      .take(MAX_DAY_TRADES + 1);
    const partial = read.length > MAX_DAY_TRADES;
    const rows = read.slice(0, MAX_DAY_TRADES);
    for (const r of rows) channels.add(r.sourceChannelId);
    const views: [Scope, Doc<"outcomeTrades">[]][] = [[{ tierKey }, rows]];
    for (const channelId of [undefined, ...channels]) {
      const inChannel =
        channelId === undefined ? rows : rows.filter((r) => r.sourceChannelId === channelId);
      if (channelId !== undefined) views.push([{ tierKey, channelId }, inChannel]);
      for (const side of ["long", "short"] as const) {
        views.push([{ tierKey, channelId, side }, inChannel.filter((r) => r.side === side)]);
      }
    }
    for (const [scope, scoped] of views) {
      await writeDay(ctx, scopeKey(scope), day, scoped, partial);
    }
  }
  for (const day of days) {
    const read = await ctx.db
      .query("outcomeTrades")
      .withIndex("by_closed_at", (q) => q.gte("closedAt", day).lt("closedAt", day + DAY_MS))
      .take(MAX_DAY_TRADES + 1);
    await writeDay(ctx, "all", day, read.slice(0, MAX_DAY_TRADES), read.length > MAX_DAY_TRADES);
  }
}

async function writeDay(
  ctx: MutationCtx,
  scope: string,
  day: number,
  rows: Doc<"outcomeTrades">[],
  partial: boolean,
): Promise<void> {
  const existing = await ctx.db
    .query("outcomeStatsDays")
    .withIndex("by_scope_and_day", (q) => q.eq("scope", scope).eq("day", day))
    .unique();
  if (rows.length === 0) {
    if (existing !== null) await ctx.db.delete("outcomeStatsDays", existing._id);
    return;
  }
  const next = { scope, day, ...dayStatsOf(rows), partial };
  if (existing === null) {
    await ctx.db.insert("outcomeStatsDays", next);
  } else if (!sameDay(existing, next)) {
    // Unchanged days are not rewritten: fewer conflicts and no needless query invalidation.
    await ctx.db.replace("outcomeStatsDays", existing._id, next);
  }
}

function sameDay(
  existing: Doc<"outcomeStatsDays">,
  next: Omit<Doc<"outcomeStatsDays">, "_id" | "_creationTime">,
) {
  return (Object.keys(next) as (keyof typeof next)[]).every((k) => existing[k] === next[k]);
}

/**
 * A signal was deleted or edited: its closed trade (if any) carries the flag the public record
 * counts, and that day's rollups are rebuilt (scheduled, as for a close).
 */
export async function syncTradeSignalFlags(
  ctx: MutationCtx,
  signalId: Id<"signals">,
): Promise<void> {
  const trade = await ctx.db
    .query("outcomeTrades")
    .withIndex("by_signal", (q) => q.eq("signalId", signalId))
    .unique();
  if (trade === null) return;
  const signal = await ctx.db.get("signals", signalId);
  const flags = signalFlags(signal);
  if (trade.signalDeleted === flags.signalDeleted && trade.signalEdited === flags.signalEdited) {
    return;
  }
  await ctx.db.patch("outcomeTrades", trade._id, flags);
  await scheduleRollupRefresh(ctx, [trade]);
}

/** Deleted or edited at any time counts: deleting a loser later does not hide it. */
export function signalFlags(signal: Doc<"signals"> | null) {
  return {
    signalDeleted: signal === null || signal.deletedAt !== undefined,
    signalEdited: signal?.editedAt !== undefined,
  };
}
