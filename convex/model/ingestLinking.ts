import type { Infer } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import type { vParsedSignal } from "../tables/signals";

type ParsedSignal = Infer<typeof vParsedSignal>;

/** How far back the symbol fallback looks in one channel (newest first). */
const SYMBOL_LOOKBACK = 50;

const FOLLOW_UP_KINDS: ReadonlySet<ParsedSignal["kind"]> = new Set([
  "entry_hit",
  "target_hit",
  "stop_hit",
  "move_stop",
  "partial_close",
  "close",
  "cancel",
]);

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
  message: { channelId: string; messageId: string; replyToMessageId?: string },
  parsed: ParsedSignal,
): Promise<Id<"signals"> | undefined> {
  if (message.replyToMessageId !== undefined) {
    const replied = await findSignalByMessage(ctx, message.replyToMessageId);
    if (replied !== null) return replied._id;
  }
  if (!FOLLOW_UP_KINDS.has(parsed.kind) || parsed.symbol === undefined) return undefined;
  const symbol = parsed.symbol;
  const recent = await ctx.db
    .query("signals")
    .withIndex("by_channel", (q) => q.eq("sourceChannelId", message.channelId))
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
