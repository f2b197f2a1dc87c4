/**
 * Price numbers as written in signals.
 *
 * Comma rule (documented in the README):
 * - `0,5432` → 0.5432: a zero integer part means a decimal comma;
 * - `42,000` / `1,234,567.5` → thousands separators: groups of exactly three digits;
 * - `36,40` / `1,2345` → decimal comma: one comma followed by 1–2 or 4+ digits (not another `,d`);
 * - `43000,44000` / `1,2,3` → a list: none of the above applies, so the comma separates numbers.
 * Suffixes: `42k` → 42000; `30000 sats` / `3000 satoshi` → satoshis (× 1e-8).
 * Digits glued to other letters ("4H", "5m", "2nd") are no price.
 */
export type NumberToken = {
  value: number;
  start: number;
  end: number;
  /** Written with a decimal point or decimal comma (Cornix satoshi shorthand needs integers). */
  hasDecimals: boolean;
  /** Written with a "sats"/"satoshi" unit: already converted to BTC. */
  sats: boolean;
};

const NUMBER_BODY =
  "0,\\d+" + // decimal comma with a zero integer part
  "|[1-9]\\d{0,2}(?:,\\d{3})+(?:\\.\\d+)?(?!\\d)" + // thousands groups
  "|(?<!\\d,)\\d{1,3},(?:\\d{1,2}|\\d{4,})(?!\\d|,\\d)" + // decimal comma, not inside a list
  "|\\d+(?:\\.\\d+)?" +
  "|\\.\\d+";

const NUMBER_RE = new RegExp(
  `(?<![\\w.])(${NUMBER_BODY})(k(?![a-z]))?(\\s?(?:satoshis?|sats?)(?![a-z]))?(?![a-z\\d])`,
  "gi",
);

const SATOSHI = 1e-8;

/** Rounds away binary noise from scaling (0.1 * 3 style). */
export function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/** Reads one number body (no suffix) with the comma rule above. */
export function readNumberBody(body: string): { value: number; hasDecimals: boolean } {
  if (/^0,\d+$/.test(body)) return { value: Number(body.replace(",", ".")), hasDecimals: true };
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(body)) {
    return { value: Number(body.replace(/,/g, "")), hasDecimals: body.includes(".") };
  }
  if (/^\d{1,3},\d+$/.test(body))
    return { value: Number(body.replace(",", ".")), hasDecimals: true };
  return { value: Number(body), hasDecimals: body.includes(".") };
}

/** Every number in `text`, in order, with positions. */
export function findNumbers(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const body = m[1] ?? "";
    const read = readNumberBody(body);
    let value = read.value;
    let hasDecimals = read.hasDecimals;
    if (m[2]) {
      value = tidy(value * 1000);
      // "10.1K" is the whole number 10100 (Cornix writes satoshis this way too).
      hasDecimals = !Number.isInteger(value);
    }
    const sats = Boolean(m[3]);
    if (sats) value = tidy(value * SATOSHI);
    if (!Number.isFinite(value)) continue;
    tokens.push({ value, start: m.index, end: m.index + m[0].length, hasDecimals, sats });
  }
  return tokens;
}

/** Parses a single number written alone ("2,288", "42k"); undefined when it is not one. */
export function parseNumber(raw: string): number | undefined {
  const [token, ...rest] = findNumbers(raw.trim());
  if (!token || rest.length > 0) return undefined;
  return token.value;
}

/**
 * Cornix satoshi shorthand: on a BTC-quoted pair an integer price of 10 or more ("30000", "30K")
 * means satoshis. Prices already written with decimals or a sats unit are left alone.
 */
export function applySatoshiShorthand(token: NumberToken): number {
  if (token.sats || token.hasDecimals || token.value < 10) return token.value;
  return tidy(token.value * SATOSHI);
}
