import { FOLLOW_UP_KINDS as FOLLOW_UP_KIND_LIST } from "@g3/signals/kinds";
import type { Infer } from "convex/values";
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import type { vParsedSignal } from "../../tables/signals";

type ParsedSignal = Infer<typeof vParsedSignal>;

/** How far back the symbol fallback looks in one channel (newest first). */
const SYMBOL_LOOKBACK = 50;

const FOLLOW_UP_KINDS: ReadonlySet<ParsedSignal["kind"]> = new Set(FOLLOW_UP_KIND_LIST);

/**
 * The signal a message follows up on.
 * 1. A Discord reply links to the signal of the replied-to message (any kind), if we stored it.
 * 2. Otherwise a follow-up kind (tp/sl hit, move stop, close, …) that names a symbol links to the
 *    most recent live `signal` in the SAME channel with the same base asset and a compatible quote
 *    ("BTC TP1 hit" matches "BTC/USDT"), among the channel's last 50 messages.
 * 3. Otherwise there is no parent.
 */
export async function findParentSignal(
  ctx: QueryCtx,
  message: {
    channelId: string;
    messageId: string;
    replyToMessageId?: string;
    origin?: string;
    sourceAt?: number;
  },
  parsed: ParsedSignal,
): Promise<Id<"signals"> | undefined> {
  if (message.replyToMessageId !== undefined) {
    const replied = await findSignalByMessage(ctx, message.replyToMessageId);
    if (replied !== null) return replied._id;
  }
  if (!FOLLOW_UP_KINDS.has(parsed.kind) || parsed.symbol === undefined) return undefined;
  const symbol = parsed.symbol;
  // Live messages arrive in posting order, so the newest stored are the ones posted before. An
  // imported one is older than much of what is stored: look among those posted before it.
  const postedBefore = message.origin === "history" ? message.sourceAt : undefined;
  const recent =
    postedBefore === undefined
      ? await ctx.db
          .query("signals")
          .withIndex("by_channel", (q) => q.eq("sourceChannelId", message.channelId))
          .order("desc")
          .take(SYMBOL_LOOKBACK)
      : await ctx.db
          .query("signals")
          .withIndex("by_channel_and_source_at", (q) =>
            q.eq("sourceChannelId", message.channelId).lt("sourceAt", postedBefore),
          )
          .order("desc")
          .take(SYMBOL_LOOKBACK);
  const parent = recent.find(
    (candidate) =>
      candidate.sourceMessageId !== message.messageId &&
      candidate.kind === "signal" &&
      candidate.deletedAt === undefined &&
      sameInstrument(candidate.parsed.symbol, symbol),
  );
  return parent?._id;
}

/**
 * Links the follow-ups already stored for a signal just created from the history import, which
 * reads a channel newest first and so stores replies and "TP1 hit"s before what they follow:
 * replies to its message, and unlinked follow-ups of its instrument posted after it, up to the
 * next signal of that instrument (that one owns the rest) and within the symbol lookback.
 */
export async function adoptFollowUps(ctx: MutationCtx, signalId: Id<"signals">): Promise<void> {
  const signal = await ctx.db.get("signals", signalId);
  if (signal === null) return;
  const replies = await ctx.db
    .query("signals")
    .withIndex("by_reply_to", (q) => q.eq("replyToMessageId", signal.sourceMessageId))
    .take(SYMBOL_LOOKBACK);
  for (const reply of replies) {
    // A reply's link beats the symbol guess it may have got while its parent was missing.
    if (reply.parentSignalId !== signalId && reply.sourceChannelId === signal.sourceChannelId) {
      await ctx.db.patch("signals", reply._id, { parentSignalId: signalId });
    }
  }
  const symbol = signal.parsed.symbol;
  if (signal.kind !== "signal" || symbol === undefined || signal.deletedAt !== undefined) return;
  const later = await ctx.db
    .query("signals")
    .withIndex("by_channel_and_source_at", (q) =>
      q.eq("sourceChannelId", signal.sourceChannelId).gt("sourceAt", signal.sourceAt),
    )
    .take(SYMBOL_LOOKBACK);
  for (const candidate of later) {
    if (!sameInstrument(candidate.parsed.symbol, symbol)) continue;
    if (candidate.kind === "signal") break;
    if (
      FOLLOW_UP_KINDS.has(candidate.kind) &&
      candidate.parentSignalId === undefined &&
      candidate.replyToMessageId === undefined
    ) {
      await ctx.db.patch("signals", candidate._id, { parentSignalId: signalId });
    }
  }
}

function sameInstrument(
  candidate: ParsedSignal["symbol"],
  symbol: NonNullable<ParsedSignal["symbol"]>,
): boolean {
  if (candidate === undefined) return false;
  if (candidate.base !== symbol.base) return false;
  return (
    candidate.quote === undefined || symbol.quote === undefined || candidate.quote === symbol.quote
  );
}

export async function findSignalByMessage(
  ctx: QueryCtx,
  sourceMessageId: string,
): Promise<Doc<"signals"> | null> {
  return ctx.db
    .query("signals")
    .withIndex("by_source_message", (q) => q.eq("sourceMessageId", sourceMessageId))
    .unique();
}
