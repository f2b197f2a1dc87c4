import { findNumbers, parseNumber } from "./numbers.js";
import { blankSpans, type Span } from "./text.js";
import { type SignalKind } from "./types.js";

export type FollowUpKind = Exclude<SignalKind, "signal" | "note">;

/** One follow-up phrase found in a message. */
export type FollowUpHit = {
  kind: FollowUpKind;
  span: Span;
  targetIndex?: number;
  entryIndex?: number;
  price?: number;
  newStop?: number;
  percent?: number;
  /** "SL to breakeven/entry" without a price: the caller substitutes the parent's entry. */
  breakeven?: boolean;
  /** "All targets hit": no single target number. */
  allTargets?: boolean;
};

/**
 * When one message holds several follow-ups, the primary kind is the first of this list that
 * occurs; the others' details stay in `followUp` (e.g. S5: target_hit with newStop).
 * Terminal events first, then events that change the position, then stop moves.
 */
export const KIND_PRECEDENCE: readonly FollowUpKind[] = [
  "cancel",
  "stop_hit",
  "close",
  "partial_close",
  "target_hit",
  "entry_hit",
  "move_stop",
];

/** A price right after a phrase, never a percentage ("+14%"). */
const NUM = "((?:\\d+(?:,\\d{3})*(?:[.,]\\d+)?|\\.\\d+)(?:k(?![a-z]))?)(?![\\d%]|\\s*%)";
const AT_NUM = `(?:\\s*(?:at|@|:|=|around|near|price)?\\s*\\(?\\s*\\$?${NUM})?`;
/** "stop" never stops short of "stop loss", so "🛑 Stop Loss: 95" cannot read as "🛑 Stop". */
const STOP = "(?:stop[\\s-]?loss|stoploss|stop[\\s-]?targets?|stop(?![\\s-]?loss)|sl|s\\/l)";
const BE = "(?:the\\s+)?(entry\\s+price|entry|entries|breakeven|break[\\s-]?even|be|b\\/e|cost)\\b";
/** Hit words stay on the phrase's line: "🎯 TP1: 3120\\n🎯 TP2" is a target list, not a hit. */
const HIT_WORDS =
  "(?:[ ]*(?:is\\s+|has\\s+been\\s+|was\\s+|got\\s+|just\\s+)?(?:hit|reached|done|achieved|smashed|filled|completed|touched|booked|secured|✅|🎯|✔|☑|💰))+";
const ENTRY_HIT_WORDS =
  "(?:[ ]*(?:is\\s+|has\\s+been\\s+|was\\s+|got\\s+|just\\s+)?(?:hit|filled|reached|triggered|done|activated|taken|executed|achieved|✅|✔|☑))+";
const FRACTIONS: Record<string, number> = { half: 50, third: 33.33, quarter: 25 };
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  "1st": 1,
  "2nd": 2,
  "3rd": 3,
  "4th": 4,
  "5th": 5,
  "6th": 6,
};

type Rule = { kind: FollowUpKind; re: RegExp; read?: (m: RegExpExecArray) => Partial<FollowUpHit> };

function num(raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : parseNumber(raw);
}

function portion(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  const word = /(half|third|quarter)/i.exec(raw)?.[1]?.toLowerCase();
  if (word) return FRACTIONS[word];
  return num(raw.replace(/\s*%/, ""));
}

function moveStop(m: RegExpExecArray): Partial<FollowUpHit> {
  const newStop = num(m[2]);
  if (newStop !== undefined) return { newStop };
  return m[1] ? { breakeven: true } : {};
}

/** In detection order: specific phrases first so generic ones ("closed") cannot steal them. */
const RULES: Rule[] = [
  {
    kind: "cancel",
    re: /\b(?:cancel(?:l?ed|ling|s)?|invalidated|void(?:ed)?|scrap(?:ped)?|abort(?:ed)?|disregard)\b(?!\s+(?:if|when|unless|in\s+case|once|on))/gi,
  },
  {
    kind: "stop_hit",
    re: new RegExp(
      `\\b${STOP}\\s+(?:was\\s+|has\\s+been\\s+|got\\s+|is\\s+|just\\s+)?(?:hit|triggered|reached|taken|touched|executed)\\b${AT_NUM}`,
      "gi",
    ),
    read: (m) => ({ price: num(m[1]) }),
  },
  {
    kind: "stop_hit",
    re: new RegExp(`\\b${STOP}\\s*(?:⛔|❌|🛑|✖)(?!\\s*[:=]?\\s*\\$?\\d)`, "gi"),
  },
  { kind: "stop_hit", re: new RegExp(`(?:⛔|🛑)\\s*${STOP}\\b(?!\\s*[:=]?\\s*\\$?\\d)`, "gi") },
  {
    kind: "stop_hit",
    re: new RegExp(`\\bstopped\\s+out\\b${AT_NUM}`, "gi"),
    read: (m) => ({ price: num(m[1]) }),
  },
  {
    kind: "stop_hit",
    re: new RegExp(
      `\\b(?:closed?|exited?|hit|got|touched)\\s+(?:at\\s+|by\\s+|on\\s+|in\\s+)?(?:the\\s+|our\\s+)?(?:trailing\\s+)?${STOP}\\b`,
      "gi",
    ),
  },
  {
    kind: "partial_close",
    re: /\b(?:partial(?:ly)?\s*(?:close[ds]?|closing|tp|take[\s-]?profits?|profits?|exit)|close[ds]?\s+partial(?:ly)?|(?:take|took|taking|book|booked|booking|secure|secured)\s+(?:some\s+)?partials?(?:\s+profits?)?)\b(?:\s*(?:of\s+)?[:=]?\s*(\d{1,3}(?:[.,]\d+)?\s*%))?/gi,
    read: (m) => ({ percent: portion(m[1]) }),
  },
  {
    kind: "partial_close",
    re: /\b(?:close[ds]?|closing|book(?:ed)?|secure[ds]?|take|took|taking|sell|sold|exit(?:ed)?|cut)\s+((?:a\s+|one\s+)?(?:half|third|quarter)|\d{1,3}(?:[.,]\d+)?\s*%)(?:\s+of\s+(?:the\s+|your\s+|our\s+)?(?:position|bag|trade))?/gi,
    read: (m) => ({ percent: portion(m[1]) }),
  },
  {
    kind: "partial_close",
    re: /(?<![\w/])\/partial\b(?:\s*(\d{1,3}(?:[.,]\d+)?\s*%?))?/gi,
    read: (m) => ({ percent: portion(m[1]) }),
  },
  {
    kind: "move_stop",
    re: new RegExp(
      `\\b(?:move[ds]?|moving|set|setting|shift(?:ed)?|raise[ds]?|lower(?:ed)?|adjust(?:ed)?|trail(?:ed|ing)?|update[ds]?|change[ds]?|put|bring)\\s+(?:the\\s+|your\\s+|our\\s+)?${STOP}\\s*(?:to|at|=|:|@|on)?\\s*(?:${BE})?\\s*(?:price\\s*)?(?:at|@|:|=|\\()?\\s*\\$?(?:${NUM})?`,
      "gi",
    ),
    read: moveStop,
  },
  {
    kind: "move_stop",
    re: new RegExp(
      `\\b${STOP}\\s+(?:is\\s+|has\\s+been\\s+|was\\s+)?(?:now\\s+)?(?:moved|moves|updated|adjusted|trailed|raised|lowered|set|changed)\\s*(?:to|at|=|:)?\\s*(?:${BE})?\\s*\\$?(?:${NUM})?`,
      "gi",
    ),
    read: moveStop,
  },
  {
    kind: "move_stop",
    re: new RegExp(
      `\\bnew\\s+${STOP}\\s*(?:is\\s+|at\\s+|[:=]\\s*)?(?:${BE})?\\s*\\$?(?:${NUM})?`,
      "gi",
    ),
    read: moveStop,
  },
  {
    kind: "move_stop",
    re: new RegExp(`\\b(?:sl|stop)\\s*(?:to|=)\\s*${BE}()`, "gi"),
    read: moveStop,
  },
  {
    kind: "move_stop",
    re: new RegExp(`(?<![\\w/])\\/update\\b[^\\n]*?\\b(?:sl|stop)\\s*=\\s*()${NUM}`, "gi"),
    read: moveStop,
  },
  // Cornix names entries "entry targets": "Entry target 1 ✅", "All entry targets achieved".
  {
    kind: "entry_hit",
    re: new RegExp(`\\bentry\\s+targets?\\s*#?\\s*(\\d{1,2})?${ENTRY_HIT_WORDS}`, "gi"),
    read: (m) => ({ entryIndex: num(m[1]) }),
  },
  {
    kind: "entry_hit",
    re: /\ball\s+entry\s+targets?\s+(?:(?:are|were|have\s+been|got)\s+)?(?:hit|filled|reached|done|achieved|triggered|✅)/gi,
  },
  {
    kind: "target_hit",
    re: new RegExp(
      `\\b(first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)\\s+(?:take[\\s-]?profit\\s+)?(?:target|tp)${HIT_WORDS}${AT_NUM}`,
      "gi",
    ),
    read: (m) => ({ targetIndex: ORDINALS[(m[1] ?? "").toLowerCase()], price: num(m[2]) }),
  },
  {
    kind: "target_hit",
    re: /\b(?:hit|reached|touched|tagged)\s+(?:the\s+|our\s+)?(?:tp|target)\s*#?\s*(\d{1,2})\b/gi,
    read: (m) => ({ targetIndex: num(m[1]) }),
  },
  {
    kind: "target_hit",
    re: new RegExp(
      `\\b(?:take[\\s-]?profit(?:\\s+target)?|profit\\s+target|target|tp|tgt|t(?=\\d{1,2}\\b))\\s*#?\\s*(\\d{1,2})?${HIT_WORDS}${AT_NUM}`,
      "gi",
    ),
    read: (m) => ({ targetIndex: num(m[1]), price: num(m[2]) }),
  },
  {
    kind: "target_hit",
    re: new RegExp(
      `\\b(?:target|tp)\\s*#?(\\d{1,2})\\s*[:=-]?\\s*\\$?${NUM}[ ]*(?:✅|✔|☑|🎯)`,
      "gi",
    ),
    read: (m) => ({ targetIndex: num(m[1]), price: num(m[2]) }),
  },
  {
    kind: "target_hit",
    // "All targets of #OP/USDT reached": the coin stays out of the phrase, so it is still read.
    re: /\ball\s+(?:\d{1,2}\s+)?(?:(?:take[\s-]?profit|profit)\s+targets?|targets?|tps?|take[\s-]?profits?)(?:\s+(?:(?:are|were|have\s+been|got)\s+)?(?:hit|reached|done|achieved|smashed|completed|✅|🎯)|(?=\s+(?:of|for|on)\s+[#$]?[\w/.]+\s+(?:(?:are|were|have\s+been|got)\s+)?(?:hit|reached|done|achieved|smashed|completed|✅|🎯)))/gi,
    read: () => ({ allTargets: true }),
  },
  {
    kind: "entry_hit",
    re: new RegExp(
      `\\b(?:entry|entries|buy\\s+order|limit\\s+order|order)\\s*#?\\s*(\\d{1,2})?${ENTRY_HIT_WORDS}${AT_NUM}`,
      "gi",
    ),
    read: (m) => ({ entryIndex: num(m[1]), price: num(m[2]) }),
  },
  {
    kind: "entry_hit",
    re: /\ball\s+entr(?:y|ies)\s+(?:(?:are|were|have\s+been|got)\s+)?(?:hit|filled|reached|done|triggered|✅)/gi,
  },
  {
    kind: "entry_hit",
    re: new RegExp(`\\b(?:entered|position\\s+opened|opened)\\s*(?:at|@)\\s*\\$?${NUM}`, "gi"),
    read: (m) => ({ price: num(m[1]) }),
  },
  {
    kind: "entry_hit",
    re: new RegExp(
      `\\b(?:long|short|buy|sell|position|trade)\\s+(?:was\\s+|has\\s+been\\s+|got\\s+|is\\s+)?(?:triggered|activated|filled)\\b${AT_NUM}`,
      "gi",
    ),
    read: (m) => ({ price: num(m[1]) }),
  },
  {
    kind: "close",
    re: new RegExp(
      `\\b(?:closed|closing)\\b(?!\\s+(?:below|above|under|over|candle|the\\s+(?:candle|day|week|month)))(?:\\s+(?:manually|all|positions?|trade|it|here|now|out|fully|in\\s+(?:profit|loss)|with\\s+(?:a\\s+)?(?:profit|loss)|the\\s+(?:trade|position))\\b)*${AT_NUM}`,
      "gi",
    ),
    read: (m) => ({ price: num(m[1]) }),
  },
  {
    kind: "close",
    re: new RegExp(
      `\\b(?:close|exit)\\s+(?:the\\s+|your\\s+|all\\s+|this\\s+)?(?:trade|positions?|it|everything|all|now|manually|here|rest|remaining|remainder)\\b${AT_NUM}`,
      "gi",
    ),
    read: (m) => ({ price: num(m[1]) }),
  },
  {
    kind: "close",
    re: new RegExp(`(?<![\\w/])\\/close\\b${AT_NUM}`, "gi"),
    read: (m) => ({ price: num(m[1]) }),
  },
  // An order opening its sentence: "Close $AAVE short now at market", "Exit SOL here".
  {
    kind: "close",
    re: /(?:^|(?<=[.!?]\s))(?:close|exit)\b(?=[^\n.!?]{0,40}?\b(?:now|at\s+market|market\s+price|immediately|asap|here)\b)/gim,
  },
];

function withoutUndefined(hit: FollowUpHit): FollowUpHit {
  return Object.fromEntries(
    Object.entries(hit).filter(([, value]) => value !== undefined),
  ) as FollowUpHit;
}

/**
 * Finds follow-up phrases ("TP1 hit ✅", "Move SL to 42250", "Closed at 2288", …) and blanks
 * them, so their words ("SL", "entry") are not read again as signal labels.
 */
export function findFollowUps(text: string): { hits: FollowUpHit[]; text: string } {
  const hits: FollowUpHit[] = [];
  let working = text;
  for (const rule of RULES) {
    const found: FollowUpHit[] = [];
    for (const m of working.matchAll(rule.re)) {
      const span = { start: m.index, end: m.index + m[0].trimEnd().length };
      const read = rule.read ? rule.read(m) : {};
      // "Close 100%" closes the whole position.
      const kind =
        rule.kind === "partial_close" && (read.percent ?? 0) >= 100 ? "close" : rule.kind;
      found.push(withoutUndefined({ kind, span, ...read }));
    }
    working = blankSpans(
      working,
      found.map((hit) => hit.span),
    );
    hits.push(...found);
  }
  hits.sort((a, b) => a.span.start - b.span.start);
  return { hits, text: working };
}

/** The primary kind by KIND_PRECEDENCE. */
export function primaryKind(hits: FollowUpHit[]): FollowUpKind | undefined {
  return KIND_PRECEDENCE.find((kind) => hits.some((hit) => hit.kind === kind));
}

const AT_PRICE = new RegExp(`(?:\\bat|@)\\s*\\$?${NUM}`, "i");

/** "Closed BTC at 43100": a price after "at"/"@" elsewhere in the message (percentages excluded). */
export function findAtPrice(text: string): number | undefined {
  return num(AT_PRICE.exec(text)?.[1]);
}

/** "Updated SL for BTC: 42500": the only number left in the message. */
export function findSoleNumber(text: string): number | undefined {
  const numbers = findNumbers(text);
  return numbers.length === 1 ? numbers[0]?.value : undefined;
}
