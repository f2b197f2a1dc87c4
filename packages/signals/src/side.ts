import { type Levels } from "./levels.js";
import { type Side } from "./types.js";

export type SideMatch = { side: Side; errors: string[] };

type Tier = { re: RegExp; read: (word: string) => Side | undefined };

function fromWord(word: string): Side | undefined {
  const w = word.toLowerCase();
  if (["long", "longs", "buy", "buying", "bought", "bullish"].includes(w)) return "long";
  if (["short", "shorts", "sell", "selling", "sold", "bearish"].includes(w)) return "short";
  return undefined;
}

/**
 * Side words by precedence. Within the first tier that speaks, the first word wins; a tier that
 * names both sides records an error (the other side's word may be a target label, e.g. Cornix
 * spot "Buy … Sell: 43000").
 */
const TIERS: Tier[] = [
  {
    re: /\b(?:direction|side|position|bias|trade|type)\s*[:=-]\s*(long|short|buy|sell|bullish|bearish)\b/gi,
    read: fromWord,
  },
  // "short term", "long-term", "short squeeze" name a horizon or an event, not a side. Plurals
  // count so that "Longs above 61k, shorts below 59k" is seen as naming both sides.
  { re: /\b(longs?|shorts?)\b(?![\s-]*(?:term|squeeze|time)\b)/gi, read: fromWord },
  { re: /\b(buy|buying|sell|selling|bought|sold)\b/gi, read: fromWord },
  // A coloured dot before a level ("🔴 SL: …", "🟢 TP1 …") is a bullet, not a side.
  {
    re: /(\u{1F7E2}|\u{1F4C8}|\u{1F534}|\u{1F4C9})(?![^\S\n]*(?:entry|entries|buy|sell|tps?\d*|targets?|sl|stop|take|\$?\d))/giu,
    read: (emoji) => (emoji === "\u{1F7E2}" || emoji === "\u{1F4C8}" ? "long" : "short"),
  },
];

/** Explicit side: "Direction: Short", LONG/SHORT, BUY/SELL, then 🟢📈 / 🔴📉. */
export function findSide(text: string): SideMatch | undefined {
  for (const [index, tier] of TIERS.entries()) {
    const sides = [...text.matchAll(tier.re)]
      .map((m) => tier.read(m[1] ?? ""))
      .filter((s): s is Side => s !== undefined);
    const [first] = sides;
    if (!first) continue;
    const mixed = sides.some((s) => s !== first);
    // BUY then SELL is the Cornix spot layout (Sell = targets), not a contradiction.
    const errors =
      mixed && index < 2 ? [`both long and short words appear; used the first (${first})`] : [];
    return { side: first, errors };
  }
  return undefined;
}

/** Side from the prices when no word states it: stop under the entries (or targets above) → long. */
export function inferSide(levels: Levels): Side | undefined {
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
