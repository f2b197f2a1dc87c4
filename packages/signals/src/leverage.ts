import { blankSpans, type Span } from "./text.js";
import { type Leverage, type MarginMode } from "./types.js";

export type LeverageMatch = { leverage?: Leverage; text: string };

const MODE = "(cross|isolated|iso)";
const VALUE = "(\\d{1,3}(?:\\.\\d+)?)";

/** By precedence: a Leverage/Lev label, a margin-mode word with a value, a bare "20x"/"x20". */
const PATTERNS: RegExp[] = [
  new RegExp(
    `\\b(?:leverage|lev)\\b\\.?\\s*[:=-]?\\s*(?:${MODE}\\b\\s*)?\\(?\\s*(?:x\\s?)?${VALUE}(?:\\s*x)?(?:\\s*-\\s*(?:x\\s?)?(\\d{1,3})(?:\\s*x)?)?(?:\\s*\\(?\\s*${MODE}\\b\\)?)?`,
    "gi",
  ),
  new RegExp(
    `\\b${MODE}\\b(?:\\s*margin)?\\s*[:=-]?\\s*\\(?\\s*(?:x\\s?)?${VALUE}\\s*x?(?![\\w.])`,
    "gi",
  ),
  // "20x cross", "10x (isolated)", "5x iso": the mode after the value.
  new RegExp(`(?<![\\w.])${VALUE}\\s*x\\s*\\(?\\s*${MODE}\\b\\)?(?:\\s*margin\\b)?`, "gi"),
  // "5x to 10x", "(5-10x)", "x10 - x20" without a label: a range keeps its upper bound.
  new RegExp(
    `(?<![\\w.])(?:x\\s?)?(\\d{1,3})\\s*x?\\s*(?:-|to)\\s*(?:x\\s?)?(\\d{1,3})\\s*x(?![\\w])|(?<![\\w.])x(\\d{1,3})\\s*(?:-|to)\\s*x(\\d{1,3})(?![\\w.])`,
    "gi",
  ),
  new RegExp(`(?<![\\w.])${VALUE}x(?![\\w])`, "gi"),
  new RegExp(`(?<![\\w.])x${VALUE}(?![\\w.])`, "gi"),
];
const STANDALONE_MODE =
  /\b(?:margin(?:\s*(?:mode|type))?\s*[:=-]?\s*(cross|isolated)|(cross|isolated)\s+margin)\b/gi;

function toMode(word: string | undefined): MarginMode | undefined {
  if (!word) return undefined;
  return word.toLowerCase() === "cross" ? "cross" : "isolated";
}

type Found = { value: number; mode?: MarginMode; span: Span };

function readMatch(patternIndex: number, m: RegExpExecArray): Found {
  const span = { start: m.index, end: m.index + m[0].length };
  if (patternIndex === 0) {
    // "Leverage 5-10x" states a range: the upper bound is the most a follower may use.
    const value = Number(m[3] ?? m[2]);
    const mode = toMode(m[1] ?? m[4]);
    return mode ? { value, mode, span } : { value, span };
  }
  if (patternIndex === 1) {
    const mode = toMode(m[1]);
    return mode ? { value: Number(m[2]), mode, span } : { value: Number(m[2]), span };
  }
  if (patternIndex === 2) {
    const mode = toMode(m[2]);
    return mode ? { value: Number(m[1]), mode, span } : { value: Number(m[1]), span };
  }
  if (patternIndex === 3) return { value: Number(m[2] ?? m[4]), span };
  return { value: Number(m[1]), span };
}

/**
 * Finds the leverage and blanks every leverage mention so its digits never read as prices.
 * "Leverage: 10x", "Lev 5x", "(Cross 20x)", "Isolated 15x", "x20", "20X", "Margin: isolated".
 */
export function findLeverage(text: string): LeverageMatch {
  const found: Found[] = [];
  let working = text;
  for (const [index, re] of PATTERNS.entries()) {
    const matches = [...working.matchAll(re)].map((m) => readMatch(index, m));
    working = blankSpans(
      working,
      matches.map((f) => f.span),
    );
    found.push(...matches);
  }
  let mode = found.find((f) => f.mode)?.mode;
  const modes = [...working.matchAll(STANDALONE_MODE)];
  for (const m of modes) mode ??= toMode(m[1] ?? m[2]);
  working = blankSpans(
    working,
    modes.map((m) => ({ start: m.index, end: m.index + m[0].length })),
  );
  const first = found[0];
  if (!first) return { text: working };
  return { leverage: mode ? { value: first.value, mode } : { value: first.value }, text: working };
}
