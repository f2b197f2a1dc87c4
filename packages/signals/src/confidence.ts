import { type ParsedSignal } from "./types.js";

/** Below this, consumers flag the parse for a human look ("low confidence"). */
export const LOW_CONFIDENCE = 0.75;

/** What each recognised part of a new signal adds (sums to 1). */
export const SIGNAL_WEIGHTS = {
  pair: 0.25, // base and quote
  baseOnly: 0.1, // base without quote ("LINK")
  side: 0.15,
  sideInferred: 0.1,
  entries: 0.2, // prices, or a market entry
  targets: 0.2,
  stop: 0.2,
} as const;
/** Each error subtracts this. */
export const ERROR_PENALTY = 0.15;
/**
 * A new signal with any error (a target on the wrong side, two stops, two symbols, conflicting
 * sides, …) scores at most this, under LOW_CONFIDENCE: the card then leads with the message
 * text. A wrong number on a card is worse than no card.
 */
export const ERROR_CEILING = 0.7;
/** A note is not a signal: at most this, scaled by how much of a signal it held. */
export const NOTE_CEILING = 0.3;

type Parts = Pick<
  ParsedSignal,
  "symbol" | "side" | "sideInferred" | "entries" | "entryType" | "targets" | "stopLoss"
>;

function clamp(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}

/** The sum of SIGNAL_WEIGHTS for the parts present, before errors. */
export function signalScore(p: Parts): number {
  const w = SIGNAL_WEIGHTS;
  let score = 0;
  if (p.symbol) score += p.symbol.quote ? w.pair : w.baseOnly;
  if (p.side) score += p.sideInferred ? w.sideInferred : w.side;
  if (p.entries.length > 0 || p.entryType === "market") score += w.entries;
  if (p.targets.length > 0) score += w.targets;
  if (p.stopLoss !== undefined) score += w.stop;
  return score;
}

/** New signal: score of the parts present minus ERROR_PENALTY per error, at most ERROR_CEILING with any error, clamped to 0..1. */
export function signalConfidence(p: Parts, errorCount: number): number {
  const score = signalScore(p) - ERROR_PENALTY * errorCount;
  return clamp(errorCount > 0 ? Math.min(score, ERROR_CEILING) : score);
}

/** Note: NOTE_CEILING × score, so chatter is 0 and a half-signal stays well under LOW_CONFIDENCE. */
export function noteConfidence(p: Parts): number {
  return clamp(NOTE_CEILING * signalScore(p));
}

/**
 * Follow-up: 0.6 for a recognised phrase, +0.2 when it can be linked (reply or symbol),
 * +0.2 when it carries its detail (target number, new stop, closed share), minus errors.
 */
export function followUpConfidence(args: {
  linkable: boolean;
  detailed: boolean;
  errorCount: number;
}): number {
  return clamp(
    0.6 + (args.linkable ? 0.2 : 0) + (args.detailed ? 0.2 : 0) - ERROR_PENALTY * args.errorCount,
  );
}
