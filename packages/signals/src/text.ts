/** A span of the working text: [start, end) in UTF-16 code units. */
export type Span = { start: number; end: number };

/**
 * Replaces spans with spaces so later passes ignore them while every other position stays put.
 * Newlines are kept so line-based rules still see the same lines. One pass, whatever the count.
 */
export function blankSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const units = text.split("");
  for (const { start, end } of spans) {
    for (let i = Math.max(0, start); i < Math.min(end, units.length); i++) {
      if (units[i] !== "\n") units[i] = " ";
    }
  }
  return units.join("");
}

export function blank(text: string, span: Span): string {
  return blankSpans(text, [span]);
}

/** Blanks every match of a global regex. */
export function blankAll(text: string, re: RegExp): string {
  return blankSpans(
    text,
    [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
  );
}
