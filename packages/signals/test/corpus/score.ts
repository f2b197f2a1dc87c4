import { isDeepStrictEqual } from "node:util";
import { LOW_CONFIDENCE, type ParsedSignal, signalPair } from "../../src/index.js";
import { type CorpusMessage, type Expected } from "./types.js";

/** The card shows levels only for a signal at or above LOW_CONFIDENCE. */
export function showsLevels(parsed: ParsedSignal): boolean {
  return parsed.kind === "signal" && parsed.confidence >= LOW_CONFIDENCE;
}

function actualOf(parsed: ParsedSignal, key: keyof Expected): unknown {
  switch (key) {
    case "pair":
      return signalPair(parsed) ?? null;
    case "followUp":
      return parsed.followUp ?? {};
    case "confidence":
      return parsed.confidence >= LOW_CONFIDENCE ? "shown" : "low";
    default:
      return parsed[key] ?? null;
  }
}

/**
 * Every expected field that the parse gets wrong, as "field: expected … got …". An ambiguous
 * message (`confidence: "low"`) may also come back as a note: either way no levels are shown.
 */
export function mismatches(expected: Expected, parsed: ParsedSignal): string[] {
  const out: string[] = [];
  for (const key of Object.keys(expected) as (keyof Expected)[]) {
    const want = expected[key] ?? null;
    const got = actualOf(parsed, key);
    if (key === "kind" && expected.confidence === "low" && got === "note") continue;
    if (!isDeepStrictEqual(want, got)) {
      out.push(`${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    }
  }
  return out;
}

const LEVEL_KEYS = ["pair", "side", "entries", "targets", "stopLoss"] as const;

/**
 * A shown card is right when the message is a signal we expect to show and its pair, side,
 * entries, targets and stop are all as expected.
 */
export function shownLevelsRight(expected: Expected, parsed: ParsedSignal): boolean {
  if (expected.kind !== "signal" || expected.confidence === "low") return false;
  return LEVEL_KEYS.every(
    (key) => expected[key] === undefined || isDeepStrictEqual(expected[key], actualOf(parsed, key)),
  );
}

export type Score = {
  messages: number;
  fullyRight: number;
  shown: number;
  shownRight: number;
};

export type Scored = CorpusMessage & { parsed: ParsedSignal; problems: string[] };

export function emptyScore(): Score {
  return { messages: 0, fullyRight: 0, shown: 0, shownRight: 0 };
}

export function add(score: Score, m: Scored): void {
  score.messages += 1;
  if (m.problems.length === 0) score.fullyRight += 1;
  if (showsLevels(m.parsed)) {
    score.shown += 1;
    if (shownLevelsRight(m.expected, m.parsed)) score.shownRight += 1;
  }
}

/** Per family and overall, in family order of first appearance. */
export function scoreAll(scored: Scored[]): { families: Map<string, Score>; overall: Score } {
  const families = new Map<string, Score>();
  const overall = emptyScore();
  for (const m of scored) {
    let family = families.get(m.family);
    if (!family) families.set(m.family, (family = emptyScore()));
    add(family, m);
    add(overall, m);
  }
  return { families, overall };
}

function pct(part: number, whole: number): string {
  return whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)}%`;
}

/** The README's table: family, messages, fully right, shown-level precision. */
export function table(result: { families: Map<string, Score>; overall: Score }): string {
  const row = (name: string, s: Score) =>
    `| ${name} | ${s.messages} | ${s.fullyRight} (${pct(s.fullyRight, s.messages)}) | ${s.shownRight}/${s.shown} (${pct(s.shownRight, s.shown)}) |`;
  return [
    "| family | messages | fully right | shown-level precision |",
    "| --- | --- | --- | --- |",
    ...[...result.families].map(([name, s]) => row(name, s)),
    row("**all**", result.overall),
  ].join("\n");
}
