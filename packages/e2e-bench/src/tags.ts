/**
 * Every benchmark signal carries `ref:<run><n>-<4 digits>` so each surface can tell which signal
 * it saw. Fixed shape: in the DOM the raw text runs straight into the next element's text.
 */
export const TAG_PATTERN = /\bref:([a-z]+\d+-\d{4})/;

export function tagOf(text: string): string | null {
  return TAG_PATTERN.exec(text)?.[1] ?? null;
}

const PAIRS = ["BTC/USDT", "ETH/USDT", "SOL/USDT", "XRP/USDT", "DOGE/USDT", "AVAX/USDT"];

/** A realistic signal text (parsed by @g3/signals at ingest) ending with its tag. */
export function signalText(tag: string, index: number): string {
  const pair = PAIRS[index % PAIRS.length] ?? "BTC/USDT";
  const long = index % 2 === 0;
  const base = 100 + (index % 50);
  const entry = base.toFixed(2);
  const targets = [1.02, 1.04, 1.06].map((f) => (long ? base * f : base / f).toFixed(2));
  const stop = (long ? base * 0.97 : base * 1.03).toFixed(2);
  return [
    `${pair} ${long ? "LONG" : "SHORT"}`,
    `Entry: ${entry}`,
    `Targets: ${targets.join(", ")}`,
    `Stop: ${stop}`,
    `ref:${tag}`,
  ].join("\n");
}
