import { applySatoshiShorthand, findNumbers } from "./numbers.js";
import { blank } from "./text.js";
import { type EntryType, type EntryZone } from "./types.js";

export type Levels = {
  entries: number[];
  entryType?: EntryType;
  entryZone?: EntryZone;
  targets: number[];
  stopLoss?: number;
  /** Problems met while reading levels (e.g. several stops): they become parse errors. */
  errors: string[];
  /** Any level label was seen, with or without prices. */
  labelled: boolean;
  /** The entries are bare prices before the first label (no entry label was written). */
  unlabelledEntries?: boolean;
};

export type LevelOptions = {
  /** BTC-quoted pair: integers ≥ 10 are satoshis (Cornix shorthand). */
  satoshiShorthand: boolean;
  /** A long was stated with BUY/LONG: a later "Sell:" lists targets (Cornix spot layout). */
  sellIsTarget: boolean;
};

type LabelKind = "entry" | "zone" | "market" | "target" | "stop" | "other";
type Label = { kind: LabelKind; start: number; contentStart: number };

/** The rest of the line is prices only: an emoji key before it names a level ("🛑 13.80"). */
const PRICE_LINE = "(?=[^\\S\\n]*\\$?\\d[\\d.,$/\\- ]*(?:\\n|$))";

const LABEL_RE = new RegExp(
  [
    "(?<zone>\\b(?:entry|buy|sell|accumulation|dca)\\s+(?:zone|range|area|between)\\b|\\bzone\\b)",
    "(?<market>\\bcmp\\b|\\b(?:at\\s+)?market\\s+price\\b|\\bcurrent\\s+price\\b)",
    // "DCA 1: 23.60", "E1: 142.5", "E: 142.8": further entries.
    "(?<entry>\\b(?:entry\\s+(?:price|points?|targets?|orders?|levels?)|entries|entry|enter(?:\\s+(?:at|around))?|open(?:ing)?\\s+(?:price|at)|buy(?:ing)?\\s+(?:at|around|price)|buy|dca|e(?=\\d(?!\\d)|\\s*:))(?![a-z])|@|[\\u{1F4B0}\\u{1F4B5}\\u{1F4B2}\\u{1F4E5}]" +
      PRICE_LINE +
      ")",
    // "Short Term: …", "Mid-term targets", "ST targets", "T1 …": target groups and short keys.
    "(?<target>(?:\\btake[\\s-]?profits?(?:\\s+targets?)?|\\bprofit\\s+targets?|\\b(?:short|mid|medium|long)[\\s-]?term(?:\\s+(?:targets?|tps?))?|\\b(?:st|mt|lt)\\s+targets?|\\btargets?|\\btps?|\\btgts?|\\bt(?=\\d{1,2}(?![\\d.,]))|\\u{1F3AF}|[\\u{1F4E4}\\u{1F4B8}]" +
      PRICE_LINE +
      ")(?![a-z]))",
    // Emoji keys right before a bare price: 💰💵💲📥 entry, 📤💸 target, and a red dot, square or
    // triangle, ❌, 🚫 or 📛 stop ("🔴 0.1520").
    "(?<stop>(?:\\bstop[\\s-]?loss(?:\\s+targets?)?|\\bstoploss|\\bstop\\s+targets?|\\bstop|\\bs\\/l|\\bsl|⛔|\\u{1F6D1}|[\\u{1F534}\\u{1F7E5}\\u{1F53B}\\u{274C}\\u{1F6AB}\\u{1F4DB}]" +
      PRICE_LINE +
      "|\\binvalidation)(?![a-z]))",
    "(?<sell>\\bsell(?![a-z]))",
    "(?<other>\\b(?:coin|pair|symbol|ticker|direction|exchange|leverage|lev|margin|period|duration|timeframe|time|date|risk(?:\\s+management)?|rm|amount(?:\\s+per\\s+trade)?|position\\s+size|size|volume|r:r|rr|risk[\\s/-]?reward|profit|loss|pnl|roi|notes?|analysis|reason|comment|chart)(?![a-z]))",
  ].join("|"),
  "giu",
);

/** "TP1 2280", "Entry 2: 41500", "Target 3) 45000": the number names the level, it is no price. */
const LABEL_INDEX =
  /\d{1,2}(?![\d.]|,\d)|\s*#?\s*\d{1,2}\s*(?:[:=)]|\.(?!\d))|\s*#\s*\d{1,2}(?![\d.,])/y;
/**
 * "TP 1 - 1.180", "Entry #2 - 33.20": an index, a dash and a decimal price. Taken as an index
 * only when the labels of that kind number themselves 1, 2, 3, … (checked in readLabels), so
 * "TP 15 - 16.5" stays two targets.
 */
const DASH_INDEX = /\s*#?\s*(\d)\s*-(?=\s*\$?\d+[.,]\d)/y;
/** "1) 25.12", "1. 24.60" at a line start, and "2. 2.095" inline before a price. */
const LIST_INDEX = /(?<![\w.,])\d{1,2}\)|^\d{1,2}\.(?=\s)|(?<=\s)\d{1,2}\.(?=\s+\$?\d)/gm;
/** A continuation line holds only prices (a tick mark from an edited message may follow). */
const NUMERIC_LINE = /^[\d\s.,k\-/+$()#:✅✔☑]+$/i;
const BREAKOUT =
  /\b(?:enter|entry|buy|sell|long|short|break(?:out|down)?|open)\s*[:=]?\s*(?:(?:on|if|when|after)\s+(?:a\s+)?(?:\d{1,2}\s?[hdw]\s+)?(?:break|breakout|close|candle\s+close)\s+)?(above|over|below|under)\b[^\n]*/i;
const HASH_NUMBER = /(?<![\w&])#\d+(?![\d.,])/g;
const MARKET_WORDS = /\b(?:market|cmp|now|current|instant|asap|here)\b/i;
const ZONE_WORDS = /\b(?:zone|range|between|area)\b/i;
const MARKET_PHRASE =
  /\b(?:(?:buy|sell|long|short|enter|entry|open)\s+(?:now|at\s+market|market|at\s+cmp|cmp|here)|at\s+market|market\s+(?:entry|order|buy|sell))\b/i;

function readLabels(text: string, sellIsTarget: boolean): Label[] {
  const labels: Label[] = [];
  const dashed: { label: Label; index: number; skip: number }[] = [];
  for (const m of text.matchAll(LABEL_RE)) {
    const groups = m.groups ?? {};
    const named = (Object.keys(groups) as (LabelKind | "sell")[]).find((k) => groups[k]);
    if (!named) continue;
    const kind: LabelKind = named === "sell" ? (sellIsTarget ? "target" : "entry") : named;
    // "TP @ 43000", "SL: @ 41000": an "@" right after a label belongs to that label.
    const previous = labels.at(-1);
    if (m[0] === "@" && previous && /^[\s:=-]*$/.test(text.slice(previous.contentStart, m.index))) {
      continue;
    }
    let contentStart = m.index + m[0].length;
    const label: Label = { kind, start: m.index, contentStart };
    if (kind === "entry" || kind === "target") {
      LABEL_INDEX.lastIndex = contentStart;
      const index = LABEL_INDEX.exec(text);
      DASH_INDEX.lastIndex = contentStart;
      const dash = index ? null : DASH_INDEX.exec(text);
      if (index) contentStart += index[0].length;
      else if (dash) dashed.push({ label, index: Number(dash[1]), skip: dash[0].length });
      label.contentStart = contentStart;
    }
    labels.push(label);
  }
  for (const kind of ["entry", "target"] as const) {
    const run = dashed.filter((d) => d.label.kind === kind);
    if (run.length >= 2 && run.every((d, i) => d.index === i + 1)) {
      for (const d of run) d.label.contentStart += d.skip;
    }
  }
  return labels;
}

/**
 * A segment runs to the next label or the end of its line, plus the number-only lines that
 * follow ("Targets:\n43000\n44000"). Blank lines are skipped only while no price has been seen.
 */
function segmentEnd(text: string, from: number, nextLabel: number): number {
  let end = text.indexOf("\n", from);
  if (end === -1) return Math.min(text.length, nextLabel);
  let seenDigits = /\d/.test(text.slice(from, end));
  while (end < nextLabel && end < text.length) {
    const nextEnd = text.indexOf("\n", end + 1);
    const lineEnd = nextEnd === -1 ? text.length : nextEnd;
    const line = text.slice(end + 1, lineEnd).trim();
    // Emoji bullets ("🥉 8.480", "🎯 0.1600") and a list number may lead a price line.
    const bare = line
      .replace(/\p{Extended_Pictographic}/gu, "")
      .trim()
      .replace(/^\d{1,2}(?:\)|\.(?=\s))\s*/, "");
    if (!bare && !seenDigits) {
      end = lineEnd;
      continue;
    }
    if (!bare || !/\d/.test(bare) || !NUMERIC_LINE.test(bare)) break;
    seenDigits = true;
    end = lineEnd;
  }
  return Math.min(end, nextLabel);
}

function prices(segment: string, options: LevelOptions): number[] {
  return findNumbers(segment.replace(LIST_INDEX, (s) => " ".repeat(s.length))).map((t) =>
    options.satoshiShorthand ? applySatoshiShorthand(t) : t.value,
  );
}

function zoneOf(values: number[]): EntryZone | undefined {
  if (values.length < 2) return undefined;
  return { low: Math.min(...values), high: Math.max(...values) };
}

/**
 * Entries, targets and stop from labelled segments ("Entry: …", "TP1 …", "SL …"), the
 * breakout phrase ("long above 15.20") and, failing an entry label, bare prices before the
 * first label ("🟢 ETH LONG 2350 TP …").
 */
export function findLevels(input: string, options: LevelOptions): Levels {
  const errors: string[] = [];
  // "Signal #123", "#1": ids and list numbers, never prices.
  let text = input.replace(HASH_NUMBER, (id) => " ".repeat(id.length));
  let entries: number[] = [];
  let entryType: EntryType | undefined;

  const breakout = BREAKOUT.exec(text);
  if (breakout) {
    const direction = breakout[1]?.toLowerCase() ?? "";
    const tailStart = breakout.index + breakout[0].indexOf(breakout[1] ?? "") + direction.length;
    const tail = text.slice(tailStart, breakout.index + breakout[0].length);
    const firstLabel = readLabels(tail, options.sellIsTarget)[0];
    const found = prices(firstLabel ? tail.slice(0, firstLabel.start) : tail, options).slice(0, 2);
    if (found.length > 0) {
      entries = found;
      entryType =
        direction === "above" || direction === "over" ? "breakout_above" : "breakout_below";
      const end = tailStart + (firstLabel ? firstLabel.start : tail.length);
      text = blank(text, { start: breakout.index, end });
    }
  }

  const labels = readLabels(text, options.sellIsTarget);
  const targets: number[] = [];
  const stops: number[] = [];
  let zoneSeen = false;
  let marketSeen = MARKET_PHRASE.test(text);
  let entryLabelled = false;
  let unlabelledEntries = false;

  for (const [i, label] of labels.entries()) {
    const next = labels[i + 1]?.start ?? text.length;
    const segment = text.slice(label.contentStart, segmentEnd(text, label.contentStart, next));
    const values = prices(segment, options);
    if (label.kind === "target") targets.push(...values);
    else if (label.kind === "stop") stops.push(...values);
    else if (label.kind !== "other") {
      entryLabelled = true;
      if (label.kind === "zone" || ZONE_WORDS.test(segment)) zoneSeen = true;
      if (label.kind === "market" || MARKET_WORDS.test(segment)) marketSeen = true;
      entries.push(...values);
    }
  }

  const levelLabels = labels.filter((l) => l.kind !== "other");
  if (entries.length === 0 && !entryLabelled && (targets.length > 0 || stops.length > 0)) {
    const preamble = text.slice(0, levelLabels[0]?.start ?? text.length);
    entries = prices(preamble, options);
    unlabelledEntries = entries.length > 0;
  }

  if (stops.length > 1) {
    errors.push(`several stop prices (${stops.join(", ")}); used the first`);
  }

  let entryZone: EntryZone | undefined;
  if (!entryType) {
    if (marketSeen) entryType = "market";
    else if (zoneSeen && (entryZone = zoneOf(entries))) entryType = "zone";
    else if (entries.length > 0) entryType = "limit";
  }

  const levels: Levels = { entries, targets, errors, labelled: levelLabels.length > 0 };
  if (unlabelledEntries) levels.unlabelledEntries = true;
  if (entryType) levels.entryType = entryType;
  if (entryZone) levels.entryZone = entryZone;
  if (stops[0] !== undefined) levels.stopLoss = stops[0];
  return levels;
}
