import { readNumberBody } from "./numbers.js";
import { blankAll } from "./text.js";

const PCT = "(?<![\\d.,])(\\d+(?:[.,]\\d+)?)\\s*%";

/** Stated profit/loss figures by precedence: labelled ("Profit: 45%", "Loss: 10%") before signed ("+23.8%"). */
const RULES: { re: RegExp; sign: (m: RegExpExecArray) => 1 | -1 }[] = [
  {
    re: new RegExp(
      `\\b(?:profit|gains?|pnl|p&l|roi|return)\\s*(?:of\\s*)?[:=]?\\s*([+-]?)\\s*${PCT}`,
      "i",
    ),
    sign: (m) => (m[1] === "-" ? -1 : 1),
  },
  {
    re: new RegExp(`\\b(?:loss|lost|drawdown)\\s*(?:of\\s*)?[:=]?\\s*()[+-]?\\s*${PCT}`, "i"),
    sign: () => -1,
  },
  { re: new RegExp(`()${PCT}\\s*(?:profit|gains?|roi|return)\\b`, "i"), sign: () => 1 },
  { re: new RegExp(`()${PCT}\\s*loss\\b`, "i"), sign: () => -1 },
  { re: new RegExp(`(?<![\\w.])([+-])\\s?${PCT}`, "i"), sign: (m) => (m[1] === "-" ? -1 : 1) },
];

const ANY_PERCENT = /(?<![\d.,])[+-]?\d+(?:[.,]\d+)?\s*%/g;
/** A bracketed note around a percentage, "(40% of profit)", "(close 25%)": one allocation. */
const PERCENT_NOTE = /\([^()\n%]*\d%[^()\n]*\)|\([^()\n%]*\d\s%[^()\n]*\)/g;

/**
 * The provider-stated PnL percentage (negative for a loss), kept apart from anything we compute,
 * read from `source` (by default `text`). Every percentage of `text` is then blanked: risk sizes
 * and allocations ("(50%)") are never prices.
 */
export function findStatedPnl(
  text: string,
  source: string = text,
): { pnlPct?: number; text: string } {
  const rest = blankAll(blankAll(text, PERCENT_NOTE), ANY_PERCENT);
  for (const rule of RULES) {
    const m = rule.re.exec(source);
    if (!m?.[2]) continue;
    const pnlPct =
      rule.sign(m) * readNumberBody(m[2].includes(",") ? m[2].replace(",", ".") : m[2]).value;
    return { pnlPct, text: rest };
  }
  return { text: rest };
}
