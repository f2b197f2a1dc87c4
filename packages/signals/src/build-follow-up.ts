import { assemble } from "./assemble.js";
import { followUpConfidence } from "./confidence.js";
import { findAtPrice, findSoleNumber, type FollowUpHit, type FollowUpKind } from "./follow-up.js";
import { type Levels } from "./levels.js";
import { type Reading } from "./read.js";
import { checkLeverage } from "./sanity.js";
import { type FollowUp, type ParseContext, type ParsedSignal } from "./types.js";

function isDetailed(kind: FollowUpKind, f: FollowUp, hits: FollowUpHit[]): boolean {
  if (kind === "target_hit") return f.targetIndex !== undefined || hits.some((h) => h.allTargets);
  if (kind === "move_stop") return f.newStop !== undefined || f.breakeven === true;
  if (kind === "partial_close") return f.percent !== undefined;
  return true;
}

/** Primary kinds that happen at a price ("Closed BTC at 43100"). */
const PRICED_KINDS: ReadonlySet<FollowUpKind> = new Set([
  "entry_hit",
  "target_hit",
  "stop_hit",
  "partial_close",
  "close",
]);

function mergeFollowUp(kind: FollowUpKind, reading: Reading): FollowUp {
  const hits = reading.hits;
  const primary = hits.find((h) => h.kind === kind);
  const f: FollowUp = {};
  // "TP1 ✅ TP2 ✅ TP3 ✅": the furthest target reached is the news.
  const targetIndexes = hits.flatMap((h) => (h.targetIndex === undefined ? [] : [h.targetIndex]));
  const targetIndex = targetIndexes.length > 0 ? Math.max(...targetIndexes) : undefined;
  if (targetIndex !== undefined) f.targetIndex = targetIndex;
  const entryIndex = hits.find((h) => h.entryIndex !== undefined)?.entryIndex;
  if (entryIndex !== undefined) f.entryIndex = entryIndex;
  const [onlyEntry, ...moreEntries] = reading.levels.entries;
  // "Entry 1 ✅ Average Entry Price: 42000": the fill price is the one entry stated.
  const filledAt = kind === "entry_hit" && moreEntries.length === 0 ? onlyEntry : undefined;
  const price =
    primary?.price ??
    hits.find((h) => h.price !== undefined)?.price ??
    (PRICED_KINDS.has(kind) ? findAtPrice(reading.rest) : undefined) ??
    filledAt;
  if (price !== undefined) f.price = price;
  const movesStop = hits.some((h) => h.kind === "move_stop");
  const newStop =
    hits.find((h) => h.newStop !== undefined)?.newStop ??
    (movesStop && !hits.some((h) => h.breakeven === true)
      ? findSoleNumber(reading.rest)
      : undefined);
  if (newStop !== undefined) f.newStop = newStop;
  else if (hits.some((h) => h.breakeven === true)) f.breakeven = true;
  const percent = hits.find((h) => h.kind === "partial_close" && h.percent !== undefined)?.percent;
  if (percent !== undefined) f.percent = percent;
  return f;
}

export function asFollowUp(
  kind: FollowUpKind,
  reading: Reading,
  context: ParseContext,
): ParsedSignal {
  const followUp = mergeFollowUp(kind, reading);
  const errors = [...checkLeverage(reading.leverage)];
  const linkable = context.isReply === true || reading.symbol !== undefined;
  if (!linkable)
    errors.push("follow-up names no symbol and is not a reply: it cannot be linked to its signal");
  const movesStop = reading.hits.some((h) => h.kind === "move_stop");
  if (movesStop && followUp.newStop === undefined && followUp.breakeven !== true) {
    errors.push("stop move without a new stop price");
  }
  const detailed = isDetailed(kind, followUp, reading.hits);
  return assemble({
    kind,
    reading,
    side: reading.side,
    levels: reading.levels,
    followUp,
    statedPnlPct: reading.pnlPct,
    confidence: followUpConfidence({ linkable, detailed, errorCount: errors.length }),
    errors,
  });
}

/** A reply that only states a stop ("SL 41500") moves the parent's stop. */
export function asReplyStopMove(reading: Reading): ParsedSignal {
  const { stopLoss, ...rest } = reading.levels;
  const levels: Levels = { ...rest };
  const followUp: FollowUp = stopLoss === undefined ? {} : { newStop: stopLoss };
  const errors = [...levels.errors, ...checkLeverage(reading.leverage)];
  return assemble({
    kind: "move_stop",
    reading,
    side: reading.side,
    levels,
    followUp,
    statedPnlPct: reading.pnlPct,
    confidence: followUpConfidence({ linkable: true, detailed: true, errorCount: errors.length }),
    errors,
  });
}
