import { checkLeverage, checkSignal } from "./sanity.js";
import { followUpConfidence, noteConfidence, signalConfidence } from "./confidence.js";
import {
  findAtPrice,
  findFollowUps,
  primaryKind,
  type FollowUpHit,
  type FollowUpKind,
} from "./follow-up.js";
import { findLeverage } from "./leverage.js";
import { findLevels, type Levels } from "./levels.js";
import { normalize } from "./normalize.js";
import { findStatedPnl } from "./pnl.js";
import { findSide } from "./side.js";
import { findSymbol, type SymbolMatch } from "./symbol.js";
import { blank } from "./text.js";
import {
  type FollowUp,
  type Leverage,
  type Market,
  type ParseContext,
  type ParsedSignal,
  type Side,
  type SignalKind,
} from "./types.js";
import { findVenueWords, readExchangeLabel } from "./venue.js";
import { PARSER_VERSION } from "./version.js";

/** Longer input is cut (Discord allows 4000 characters); the cut is recorded as an error. */
export const MAX_INPUT_LENGTH = 8000;

/** Everything the passes found, before the kind is decided. */
type Reading = {
  hits: FollowUpHit[];
  pnlPct?: number;
  leverage?: Leverage;
  exchange?: string;
  market?: Market;
  symbol?: SymbolMatch;
  side?: Side;
  sideErrors: string[];
  levels: Levels;
  /** The text left once every pass blanked what it used. */
  rest: string;
};

function read(normalized: string): Reading {
  const followUps = findFollowUps(normalized);
  const pnl = findStatedPnl(followUps.text);
  const leverage = findLeverage(pnl.text);
  const label = readExchangeLabel(leverage.text);
  const symbol = findSymbol(label.text);
  const text = symbol ? blank(label.text, symbol.span) : label.text;
  const words = findVenueWords(text);
  const side = findSide(text);
  const levels = findLevels(text, {
    satoshiShorthand: symbol?.symbol.quote === "BTC",
    sellIsTarget: side?.side === "long",
  });
  const reading: Reading = {
    hits: followUps.hits,
    sideErrors: side?.errors ?? [],
    levels,
    rest: text,
  };
  if (pnl.pnlPct !== undefined) reading.pnlPct = pnl.pnlPct;
  if (leverage.leverage) reading.leverage = leverage.leverage;
  const exchange = label.exchange ?? words.exchange;
  if (exchange) reading.exchange = exchange;
  const market = label.market ?? words.market ?? symbol?.market;
  if (market) reading.market = market;
  if (symbol) reading.symbol = symbol;
  if (side) reading.side = side.side;
  return reading;
}

function levelCount(levels: Levels): number {
  const entry = levels.entries.length > 0 || levels.entryType === "market" ? 1 : 0;
  return entry + (levels.targets.length > 0 ? 1 : 0) + (levels.stopLoss === undefined ? 0 : 1);
}

/** Side from the prices when no word states it: stop under the entries (or targets above) → long. */
function inferSide(levels: Levels): Side | undefined {
  if (levels.entryType === "breakout_above") return "long";
  if (levels.entryType === "breakout_below") return "short";
  const ref = levels.entries.length > 0 ? Math.min(...levels.entries) : undefined;
  const refHigh = levels.entries.length > 0 ? Math.max(...levels.entries) : undefined;
  const stop = levels.stopLoss;
  const firstTarget = levels.targets[0];
  if (stop !== undefined && ref !== undefined && refHigh !== undefined) {
    if (stop < ref) return "long";
    if (stop > refHigh) return "short";
  }
  if (firstTarget !== undefined && ref !== undefined && refHigh !== undefined) {
    if (firstTarget > refHigh) return "long";
    if (firstTarget < ref) return "short";
  }
  if (firstTarget !== undefined && stop !== undefined && firstTarget !== stop) {
    return firstTarget > stop ? "long" : "short";
  }
  return undefined;
}

/** Builds the output; optional fields are set only when known (never undefined-valued). */
function assemble(fields: {
  kind: SignalKind;
  reading: Reading;
  side?: Side;
  sideInferred?: boolean;
  levels: Levels;
  followUp?: FollowUp;
  statedPnlPct?: number;
  confidence: number;
  errors: string[];
}): ParsedSignal {
  const { reading, levels } = fields;
  const out: ParsedSignal = {
    kind: fields.kind,
    entries: levels.entries,
    targets: levels.targets,
    confidence: fields.confidence,
    errors: fields.errors,
    parserVersion: PARSER_VERSION,
  };
  if (reading.symbol) out.symbol = reading.symbol.symbol;
  if (fields.side) {
    out.side = fields.side;
    out.sideInferred = fields.sideInferred ?? false;
  }
  if (reading.market) out.market = reading.market;
  if (reading.exchange) out.exchange = reading.exchange;
  if (levels.entryType) out.entryType = levels.entryType;
  if (levels.entryZone) out.entryZone = levels.entryZone;
  if (levels.stopLoss !== undefined) out.stopLoss = levels.stopLoss;
  if (reading.leverage) out.leverage = reading.leverage;
  if (fields.followUp && Object.keys(fields.followUp).length > 0) out.followUp = fields.followUp;
  if (fields.statedPnlPct !== undefined) out.statedPnlPct = fields.statedPnlPct;
  return out;
}

function asSignal(reading: Reading): ParsedSignal {
  const levels = { ...reading.levels };
  const errors = [...levels.errors, ...reading.sideErrors];
  // "Set SL at 41000" inside a new signal was read as a stop move: it is the signal's stop.
  const stopMove = reading.hits.find((h) => h.kind === "move_stop" && h.newStop !== undefined);
  if (levels.stopLoss === undefined && stopMove?.newStop !== undefined) {
    levels.stopLoss = stopMove.newStop;
  }
  const others = [...new Set(reading.hits.filter((h) => h !== stopMove).map((h) => h.kind))];
  if (others.length > 0)
    errors.push(`also reads as a follow-up (${others.join(", ")}); parsed as a new signal`);

  const inferred = reading.side ? undefined : inferSide(levels);
  const side = reading.side ?? inferred;
  const symbol = reading.symbol?.symbol;
  if (!symbol) errors.push("no symbol found");
  else if (!symbol.quote)
    errors.push(`quote asset not stated for ${symbol.base}: the pair is ambiguous`);
  if (!side) errors.push("side unknown: no LONG/SHORT word and the prices do not tell");
  errors.push(
    ...checkSignal({ ...levels, side, leverage: reading.leverage }),
    ...checkLeverage(reading.leverage),
  );

  const parts = { symbol, side, sideInferred: inferred !== undefined, ...levels };
  return assemble({
    kind: "signal",
    reading,
    side,
    sideInferred: inferred !== undefined,
    levels,
    confidence: signalConfidence(parts, errors.length),
    errors,
  });
}

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
  const targetIndex = hits.find((h) => h.targetIndex !== undefined)?.targetIndex;
  if (targetIndex !== undefined) f.targetIndex = targetIndex;
  const entryIndex = hits.find((h) => h.entryIndex !== undefined)?.entryIndex;
  if (entryIndex !== undefined) f.entryIndex = entryIndex;
  const price =
    primary?.price ??
    hits.find((h) => h.price !== undefined)?.price ??
    (PRICED_KINDS.has(kind) ? findAtPrice(reading.rest) : undefined);
  if (price !== undefined) f.price = price;
  const newStop = hits.find((h) => h.newStop !== undefined)?.newStop;
  if (newStop !== undefined) f.newStop = newStop;
  else if (hits.some((h) => h.breakeven === true)) f.breakeven = true;
  const percent = hits.find((h) => h.kind === "partial_close" && h.percent !== undefined)?.percent;
  if (percent !== undefined) f.percent = percent;
  return f;
}

function asFollowUp(kind: FollowUpKind, reading: Reading, context: ParseContext): ParsedSignal {
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
function asReplyStopMove(reading: Reading): ParsedSignal {
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

function asNote(reading: Reading, why: string): ParsedSignal {
  const levels = reading.levels;
  const parts = { symbol: reading.symbol?.symbol, side: reading.side, ...levels };
  return assemble({
    kind: "note",
    reading,
    side: reading.side,
    levels,
    statedPnlPct: reading.pnlPct,
    confidence: noteConfidence(parts),
    errors: [why, ...levels.errors],
  });
}

function whyNotASignal(reading: Reading): string {
  const found = [
    reading.symbol ? "symbol" : undefined,
    reading.side ? "side" : undefined,
    reading.levels.entries.length > 0 || reading.levels.entryType === "market"
      ? "entry"
      : undefined,
    reading.levels.targets.length > 0 ? "targets" : undefined,
    reading.levels.stopLoss === undefined ? undefined : "stop",
  ].filter((s): s is string => s !== undefined);
  if (found.length === 0) return "not a signal: no symbol, side or price levels found";
  return `not a signal: found only ${found.join(", ")}; a signal needs two of entry, targets, stop (or symbol, side and one of them)`;
}

function parseNormalized(text: string, context: ParseContext): ParsedSignal {
  const reading = read(text);
  const count = levelCount(reading.levels);
  const primary = primaryKind(reading.hits);
  const signalShaped =
    count >= 2 ||
    (!primary && count >= 1 && reading.symbol !== undefined && reading.side !== undefined);
  if (signalShaped) return asSignal(reading);
  if (primary) return asFollowUp(primary, reading, context);
  const onlyStop = count === 1 && reading.levels.stopLoss !== undefined;
  if (context.isReply === true && onlyStop) return asReplyStopMove(reading);
  return asNote(reading, whyNotASignal(reading));
}

function emptyNote(error: string): ParsedSignal {
  return {
    kind: "note",
    entries: [],
    targets: [],
    confidence: 0,
    errors: [error],
    parserVersion: PARSER_VERSION,
  };
}

/**
 * Parses one Discord message. Never throws: a message that is not a signal comes back as
 * `kind: "note"` with errors saying why (parsing never blocks delivery).
 */
export function parseSignal(text: string, context: ParseContext = {}): ParsedSignal {
  try {
    if (typeof text !== "string") return emptyNote("message text is not a string");
    const cut = text.length > MAX_INPUT_LENGTH;
    const normalized = normalize(cut ? text.slice(0, MAX_INPUT_LENGTH) : text);
    if (normalized === "") {
      return emptyNote(
        text.trim() === "" ? "empty message" : "no text besides links, mentions or formatting",
      );
    }
    const parsed = parseNormalized(normalized, context ?? {});
    if (!cut) return parsed;
    return {
      ...parsed,
      errors: [
        ...parsed.errors,
        `message longer than ${MAX_INPUT_LENGTH} characters: only the start was parsed`,
      ],
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return emptyNote(`parser failed: ${message}`);
  }
}
