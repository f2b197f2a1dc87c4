import { type Span } from "./text.js";
import { type Market, type SignalSymbol } from "./types.js";
import { LOWER_CASE_COINS, NOT_A_TICKER } from "./vocabulary.js";

export type SymbolMatch = { symbol: SignalSymbol; market?: Market; span: Span };

/** Quote assets we recognise, longest first so "FDUSD" wins over "USD". */
const QUOTES = "FDUSD|USDT|USDC|BUSD|USD|BTC|ETH";
/** Perpetual suffixes: "BTCUSDT.P" (TradingView), "BTCUSDTPERP", "BTC-PERP". */
const PERP_SUFFIX = "(?:\\.P|PERP)";

const LABELLED =
  /\b(?:coin|pair|symbol|ticker|asset|token)\s*[:=-]\s*([#$]?[A-Za-z0-9]+(?:\s?[/_-]\s?[A-Za-z]+(?:\.P)?)?)/gi;
const SEPARATED = new RegExp(
  `(?<![A-Za-z0-9])([#$]?)([A-Za-z0-9]{1,15})\\s?[/_-]\\s?(${QUOTES}|PERP)(${PERP_SUFFIX})?(?![A-Za-z0-9])`,
  "gi",
);
const JOINED_PREFIXED = new RegExp(
  `([#$])([A-Za-z0-9]{2,15}?)(?:(${QUOTES})(${PERP_SUFFIX})?|(PERP))(?![A-Za-z0-9])`,
  "gi",
);
const JOINED_UPPER = new RegExp(
  `(?<![A-Za-z0-9#$])([A-Z0-9]{2,15}?)(?:(${QUOTES})(${PERP_SUFFIX})?|(PERP))(?![A-Za-z0-9])`,
  "g",
);
const PREFIXED_BASE = /([#$])([A-Za-z0-9]{2,15})(?![A-Za-z0-9/])/g;
/** A whole token that is a joined pair ("SOLUSDT", "BTCPERP"). */
const JOINED_TOKEN = new RegExp(`^[A-Z0-9]{2,15}?(?:(?:${QUOTES})(?:${PERP_SUFFIX})?|PERP)$`);
const BARE_BASE = /(?<![A-Za-z0-9#$/.])([A-Z][A-Z0-9]{1,9}|\d{1,5}[A-Z]{3,10})(?![A-Za-z0-9/])/g;

const LOWER_BASE = /(?<![A-Za-z0-9#$/.])([A-Za-z][a-z0-9]{1,9})(?![A-Za-z0-9/])/g;

/** Quote-only assets: never a base on their own ("USDT" alone is no symbol). */
const NOT_A_BASE = new Set(["FDUSD", "USDT", "USDC", "BUSD", "USD", "PERP"]);

function isTicker(base: string): boolean {
  return /[A-Z]/.test(base) && !NOT_A_BASE.has(base);
}

function isBareTicker(word: string): boolean {
  return isTicker(word) && !NOT_A_TICKER.has(word) && !/^(?:TP|SL|T|E|TG|TGT)\d{1,2}$/.test(word);
}

function build(
  raw: string,
  base: string,
  quote: string | undefined,
  perp: boolean,
  span: Span,
): SymbolMatch {
  const upperBase = base.toUpperCase();
  const upperQuote = quote?.toUpperCase();
  // "BTC-PERP"/"BTCPERP" name a perpetual but not its margin asset (USD on dYdX, USDC on Bybit).
  const isPerpWord = upperQuote === "PERP";
  const symbol: SignalSymbol =
    upperQuote && !isPerpWord
      ? { raw, base: upperBase, quote: upperQuote }
      : { raw, base: upperBase };
  return perp || isPerpWord ? { symbol, market: "perp", span } : { symbol, span };
}

/** Reads one labelled token such as "$AVAX/USDT", "ETHUSDT", "LINK", "X" (any case). */
export function readSymbolToken(token: string, offset = 0): SymbolMatch | undefined {
  const upper = token.toUpperCase();
  const span = { start: offset, end: offset + token.length };
  const separated = new RegExp(
    `^[#$]?([A-Z0-9]{1,15})\\s?[/_-]\\s?(${QUOTES}|PERP)(${PERP_SUFFIX})?$`,
  ).exec(upper);
  if (separated?.[1] && isTicker(separated[1])) {
    return build(token, separated[1], separated[2], Boolean(separated[3]), span);
  }
  const joined = new RegExp(`^[#$]?([A-Z0-9]{2,15}?)(?:(${QUOTES})(${PERP_SUFFIX})?|(PERP))$`).exec(
    upper,
  );
  if (joined?.[1] && isTicker(joined[1])) {
    return build(token, joined[1], joined[2], Boolean(joined[3] ?? joined[4]), span);
  }
  const base = /^[#$]?([A-Z0-9]{1,15})$/.exec(upper);
  if (base?.[1] && isTicker(base[1])) return build(token, base[1], undefined, false, span);
  return undefined;
}

function firstMatch(
  text: string,
  re: RegExp,
  read: (m: RegExpExecArray) => SymbolMatch | undefined,
): SymbolMatch | undefined {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const found = read(m);
    if (found) return found;
  }
  return undefined;
}

/**
 * Finds the traded symbol. Precedence: a "COIN:"-style label, a separated pair ("BTC/USDT"),
 * a joined pair with `#`/`$` ("#ethusdt") or in capitals ("BTCUSDT"), a `#`/`$` base ("$AVAX"),
 * a bare capitalised word that is not signal vocabulary ("LINK"), then a lower-case major coin
 * from a fixed list ("eth").
 */
export function findSymbol(text: string): SymbolMatch | undefined {
  return (
    firstMatch(text, LABELLED, (m) => {
      const token = m[1] ?? "";
      return readSymbolToken(token, m.index + m[0].length - token.length);
    }) ??
    firstMatch(text, SEPARATED, (m) => {
      const base = (m[2] ?? "").toUpperCase();
      if (!(m[1] ? isTicker(base) : isBareTicker(base))) return undefined;
      const span = { start: m.index, end: m.index + m[0].length };
      return build(m[0], base, m[3], Boolean(m[4]), span);
    }) ??
    firstMatch(text, JOINED_PREFIXED, (m) => {
      const base = (m[2] ?? "").toUpperCase();
      if (!isTicker(base)) return undefined;
      const span = { start: m.index, end: m.index + m[0].length };
      return build(m[0], base, m[3], Boolean(m[4] ?? m[5]), span);
    }) ??
    firstMatch(text, JOINED_UPPER, (m) => {
      const base = m[1] ?? "";
      if (!isBareTicker(base)) return undefined;
      const span = { start: m.index, end: m.index + m[0].length };
      return build(m[0], base, m[2], Boolean(m[3] ?? m[4]), span);
    }) ??
    firstMatch(text, PREFIXED_BASE, (m) => {
      const base = (m[2] ?? "").toUpperCase();
      if (!isTicker(base)) return undefined;
      return build(m[0], base, undefined, false, { start: m.index, end: m.index + m[0].length });
    }) ??
    firstMatch(text, BARE_BASE, (m) => {
      const base = m[1] ?? "";
      if (!isBareTicker(base)) return undefined;
      return build(m[0], base, undefined, false, { start: m.index, end: m.index + m[0].length });
    }) ??
    firstMatch(text, LOWER_BASE, (m) => {
      const base = (m[1] ?? "").toUpperCase();
      if (!LOWER_CASE_COINS.has(base)) return undefined;
      return build(m[0], base, undefined, false, { start: m.index, end: m.index + m[0].length });
    })
  );
}

/**
 * Bases of other coins written as pairs or with `#`/`$` in `text` (the found symbol already
 * blanked), other than `base`. Bare words do not count: "BTC looks strong" in a LINK signal is
 * commentary, while "BTC/USDT ETH/USDT LONG" or a recap of "#GMX TP4 ✅ #QNT TP2 ✅" names
 * several trades.
 */
export function findOtherSymbols(text: string, base: string): string[] {
  const found = new Set<string>();
  const add = (candidate: string | undefined, check: (b: string) => boolean) => {
    const upper = (candidate ?? "").toUpperCase();
    if (upper && upper !== base && check(upper)) found.add(upper);
  };
  for (const m of text.matchAll(SEPARATED)) add(m[2], m[1] ? isTicker : isBareTicker);
  for (const m of text.matchAll(JOINED_PREFIXED)) add(m[2], isTicker);
  for (const m of text.matchAll(JOINED_UPPER)) add(m[1], isBareTicker);
  // "#SOLUSDT" was read above as SOL with its quote; PREFIXED_BASE would see "SOLUSDT".
  // A hashtag counts as a coin only in capitals ("#GMX"): "#CryptoSignals" is a tag.
  for (const m of text.matchAll(PREFIXED_BASE)) {
    const token = m[2] ?? "";
    if (token === token.toUpperCase() && token.length <= 10 && !JOINED_TOKEN.test(token)) {
      add(token, isBareTicker);
    }
  }
  return [...found];
}
