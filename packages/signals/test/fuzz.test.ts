import { mulberry32 as random } from "@g3/seeded-random";
import { describe, expect, it } from "vitest";
import { vParsedSignal } from "../../../convex/tables/signals.js";
import { describeSignal, parseSignal } from "../src/index.js";
import { validatorProblems } from "./convex-validator.js";
import { FAMILY_CORPUS } from "./corpus/index.js";

// prettier-ignore
const TOKENS = [
  "BTC/USDT", "#ETHUSDT", "$AVAX", "LINK", "1000PEPE/USDT", "ETH/BTC", "LONG", "short", "Buy",
  "Sell:", "🟢", "🔴", "📈", "Entry", "Entry zone", "Entry 1:", "@", "TP", "TP1", "Targets:",
  "Take-Profit 2:", "SL", "Stop loss:", "⛔", "S/L", "Leverage", "Cross", "20x", "x10", "lev 5x",
  "42000", "42,000", "0,5432", "36,40", "42k", "30000 sats", "15.20", "0.0001", "-", "–", "/", ",",
  "|", "→", "~", ":", "(", ")", "%", "+14%", "Profit: 45%", "Loss: 10%", "✅", "hit", "reached",
  "Move SL to", "breakeven", "closed", "Close half", "partial close 50%", "Cancelled", "above",
  "below", "market", "CMP", "now", "**", "`", "> ", "\n", "\n\n", " ", "1️⃣", "gm",
  "https://x.y/z", "<@123>", "Exchange: Bybit USDT", "COIN:", "Direction:",
];

function expectWellFormed(text: string, isReply: boolean, label: string): void {
  const parsed = parseSignal(text, { isReply });
  const problems = validatorProblems(vParsedSignal, parsed);
  expect(problems, `${label}: ${JSON.stringify(text)}`).toEqual([]);
  expect(parsed.confidence).toBeGreaterThanOrEqual(0);
  expect(parsed.confidence).toBeLessThanOrEqual(1);
  expect(parsed.entries.every(Number.isFinite)).toBe(true);
  expect(parsed.targets.every(Number.isFinite)).toBe(true);
  expect(typeof describeSignal(parsed)).toBe("string");
}

/** Edits a real layout the way people and copy-paste do: cut, repeat, swap, retype. */
const MUTATIONS: ((text: string, next: () => number) => string)[] = [
  (t, next) => {
    const at = Math.floor(next() * t.length);
    return t.slice(0, at) + t.slice(at + 1 + Math.floor(next() * 12));
  },
  (t, next) => {
    const lines = t.split("\n");
    const i = Math.floor(next() * lines.length);
    lines.splice(i, 0, lines[i] ?? "");
    return lines.join("\n");
  },
  (t, next) => {
    const lines = t.split("\n");
    const i = Math.floor(next() * lines.length);
    const j = Math.floor(next() * lines.length);
    [lines[i], lines[j]] = [lines[j] ?? "", lines[i] ?? ""];
    return lines.join("\n");
  },
  (t, next) => {
    const at = Math.floor(next() * t.length);
    return t.slice(0, at) + (TOKENS[Math.floor(next() * TOKENS.length)] ?? "") + t.slice(at);
  },
  (t) => t.replace(/\d/g, (d) => String((Number(d) + 7) % 10)),
  (t) => t.toLowerCase(),
  (t) => t.replace(/\./g, ","),
  (t) => t.replace(/\n/g, " "),
];

describe("fuzz: random token soups", () => {
  it(
    "never throw, always fit the Convex validator and keep confidence in 0..1",
    { timeout: 60_000 },
    () => {
      const next = random(20261126);
      for (let i = 0; i < 3000; i++) {
        const length = 1 + Math.floor(next() * 30);
        const text = Array.from(
          { length },
          () => TOKENS[Math.floor(next() * TOKENS.length)] ?? "",
        ).join(next() < 0.5 ? " " : "");
        expectWellFormed(text, next() < 0.3, `case ${i}`);
      }
    },
  );
});

describe("fuzz: mutated corpus messages", () => {
  it("never throw and always fit the Convex validator", { timeout: 60_000 }, () => {
    const next = random(20261205);
    for (let i = 0; i < 2000; i++) {
      const source = FAMILY_CORPUS[Math.floor(next() * FAMILY_CORPUS.length)];
      let text = source?.text ?? "";
      const edits = 1 + Math.floor(next() * 3);
      for (let e = 0; e < edits; e++) {
        const mutate = MUTATIONS[Math.floor(next() * MUTATIONS.length)];
        if (mutate) text = mutate(text, next);
      }
      expectWellFormed(text, next() < 0.3, `mutation ${i}`);
    }
  });
});
