import { describe, expect, it } from "vitest";
import { LOW_CONFIDENCE, PARSER_VERSION, parseSignal } from "../src/index.js";
import { S1, S2, S3, S4, S5, S6 } from "./samples.js";

describe("parseSignal on the note's synthetic messages", () => {
  it("S1: labelled long, '42000-42500' without 'zone' is two entries", () => {
    expect(parseSignal(S1)).toEqual({
      kind: "signal",
      symbol: { raw: "BTC/USDT", base: "BTC", quote: "USDT" },
      side: "long",
      sideInferred: false,
      entryType: "limit",
      entries: [42000, 42500],
      targets: [43000, 44000, 45500],
      stopLoss: 41000,
      leverage: { value: 10 },
      confidence: 1,
      errors: [],
      parserVersion: PARSER_VERSION,
    });
  });

  it("S2: emoji, hashtag pair, explicit zone, cross leverage", () => {
    expect(parseSignal(S2)).toEqual({
      kind: "signal",
      symbol: { raw: "#ETHUSDT", base: "ETH", quote: "USDT" },
      side: "short",
      sideInferred: false,
      entryType: "zone",
      entries: [2310, 2335],
      entryZone: { low: 2310, high: 2335 },
      targets: [2280, 2250, 2190],
      stopLoss: 2372,
      leverage: { value: 20, mode: "cross" },
      confidence: 1,
      errors: [],
      parserVersion: PARSER_VERSION,
    });
  });

  it("S3: Binance-Killers block on Bybit USDT perpetuals", () => {
    expect(parseSignal(S3)).toEqual({
      kind: "signal",
      symbol: { raw: "$AVAX/USDT", base: "AVAX", quote: "USDT" },
      side: "short",
      sideInferred: false,
      market: "perp",
      exchange: "Bybit",
      entryType: "limit",
      entries: [36.4, 37.1],
      targets: [35.8, 35.1, 34.2, 33],
      stopLoss: 38.25,
      leverage: { value: 15, mode: "isolated" },
      confidence: 1,
      errors: [],
      parserVersion: PARSER_VERSION,
    });
  });

  it("S4: breakout with an unknown quote is flagged low confidence", () => {
    const parsed = parseSignal(S4);
    expect(parsed).toEqual({
      kind: "signal",
      symbol: { raw: "LINK", base: "LINK" },
      side: "long",
      sideInferred: false,
      entryType: "breakout_above",
      entries: [15.2],
      targets: [15.9, 16.6, 17.4],
      stopLoss: 14.65,
      leverage: { value: 5 },
      confidence: 0.7,
      errors: ["quote asset not stated for LINK: the pair is ambiguous"],
      parserVersion: PARSER_VERSION,
    });
    expect(parsed.confidence).toBeLessThan(LOW_CONFIDENCE);
  });

  it("S5: a reply that is both a target hit and a stop move keeps both", () => {
    expect(parseSignal(S5, { isReply: true })).toEqual({
      kind: "target_hit",
      symbol: { raw: "BTC", base: "BTC" },
      entries: [],
      targets: [],
      leverage: { value: 10 },
      followUp: { targetIndex: 1, newStop: 42250 },
      statedPnlPct: 23.8,
      confidence: 1,
      errors: [],
      parserVersion: PARSER_VERSION,
    });
  });

  it("S6: a manual close without reply reference names its symbol", () => {
    expect(parseSignal(S6)).toEqual({
      kind: "close",
      symbol: { raw: "#ETHUSDT", base: "ETH", quote: "USDT" },
      entries: [],
      targets: [],
      followUp: { price: 2288 },
      statedPnlPct: 14,
      confidence: 1,
      errors: [],
      parserVersion: PARSER_VERSION,
    });
  });
});

describe("parseSignal robustness", () => {
  it.each([
    ["", "empty message"],
    ["   \n\t ", "empty message"],
    ["**  **", "no text besides links, mentions or formatting"],
  ])("empty input %j is a note", (text, error) => {
    expect(parseSignal(text)).toEqual({
      kind: "note",
      entries: [],
      targets: [],
      confidence: 0,
      errors: [error],
      parserVersion: PARSER_VERSION,
    });
  });

  it("a non-string from an untyped caller is a note, not a throw", () => {
    const parsed = parseSignal(42 as unknown as string);
    expect(parsed.kind).toBe("note");
    expect(parsed.errors).toEqual(["message text is not a string"]);
  });

  it("cuts very long input and says so", () => {
    const parsed = parseSignal(`${S1}\n${"lorem ipsum ".repeat(1000)}`);
    expect(parsed.kind).toBe("signal");
    expect(parsed.errors.at(-1)).toMatch(/longer than 8000 characters/);
  });

  it("never throws and always returns the required fields on hostile input", () => {
    const nasty = [
      "((((((((((",
      "$".repeat(5000),
      "1".repeat(5000),
      "TP ".repeat(2000),
      "1,".repeat(3000),
      "🟢🔴📈📉⛔🎯".repeat(300),
      "\u0000\uFFFF\uD800",
      "Entry: - - - / / / , , ,",
      "SL SL SL 1 2 3 TP TP TP",
    ];
    for (const text of nasty) {
      const parsed = parseSignal(text);
      expect(Array.isArray(parsed.entries)).toBe(true);
      expect(Array.isArray(parsed.errors)).toBe(true);
      expect(parsed.confidence).toBeGreaterThanOrEqual(0);
      expect(parsed.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("keeps no undefined-valued keys", () => {
    for (const text of [S1, S2, S3, S4, S5, S6, "gm", "SL 41500"]) {
      const parsed = parseSignal(text);
      for (const [key, value] of Object.entries(parsed)) {
        expect(value, key).not.toBeUndefined();
      }
      for (const value of Object.values(parsed.followUp ?? {})) expect(value).not.toBeUndefined();
    }
  });
});

describe("reply context", () => {
  it("a reply stating only a stop moves the stop", () => {
    const parsed = parseSignal("SL 41500", { isReply: true });
    expect(parsed.kind).toBe("move_stop");
    expect(parsed.followUp).toEqual({ newStop: 41500 });
    expect(parsed.stopLoss).toBeUndefined();
  });

  it("the same text outside a reply is only a note", () => {
    expect(parseSignal("SL 41500").kind).toBe("note");
  });

  it("a follow-up that is neither a reply nor names a symbol cannot be linked", () => {
    const alone = parseSignal("TP2 hit ✅");
    const reply = parseSignal("TP2 hit ✅", { isReply: true });
    expect(alone.errors).toEqual([
      "follow-up names no symbol and is not a reply: it cannot be linked to its signal",
    ]);
    expect(reply.errors).toEqual([]);
    expect(alone.confidence).toBeLessThan(reply.confidence);
  });
});

describe("never confidently wrong (issue #14)", () => {
  it.each([
    ["a target on the wrong side", "MKR/USDT LONG\nEntry: 2410\nTargets: 2380 / 2450\nSL: 2350"],
    ["a stop on the wrong side", "SNX/USDT SHORT\nEntry: 2.840\nTP: 2.790 2.720\nSL: 2.760"],
    ["duplicated targets", "ETH/USDT LONG\nEntry: 3100\nTP: 3150 / 3150 / 3200\nSL: 3040"],
    ["two stops", "BNB/USDT SHORT\nEntry: 575\nTP: 570 / 565\nStop: 580\nSL: 590"],
    ["two coins", "BTC/USDT ETH/USDT LONG\nEntry: 61000\nTP: 62000\nSL: 60000"],
    ["conflicting sides", "DOGE/USDT LONG short\nEntry: 0.1560\nTP: 0.1600\nSL: 0.1520"],
    [
      "list numbers mixed into prices",
      "ADA/USDT LONG\nEntry 0.4500\nTP 1 0.4600 2 0.4700\nSL 0.44",
    ],
  ])("%s keeps the card off", (_why, text) => {
    const parsed = parseSignal(text);
    expect(parsed.kind).toBe("signal");
    expect(parsed.errors.length).toBeGreaterThan(0);
    expect(parsed.confidence).toBeLessThan(LOW_CONFIDENCE);
  });
});

describe("traps stay notes (issue #14)", () => {
  it.each([
    [
      "a scam warning quoting a fake signal",
      '⚠️ SCAM ALERT ⚠️\n"BTC/USDT LONG Entry 61000 TP 65000 SL 59000"\nWe never DM.',
    ],
    [
      "a tutorial's example",
      "For example, if the signal says ETH/USDT SHORT entry 3200 tp 3100 sl 3300, you short.",
    ],
    [
      "a risk reminder",
      "Reminder: always set your stop loss and never risk more than 2% per trade.",
    ],
    [
      "a results recap",
      "Results\n#ETH/USDT TP3 ✅ +34%\n#SOL/USDT TP2 ✅ +21%\n#LINK/USDT SL ❌ -9%",
    ],
  ])("%s", (_why, text) => {
    expect(parseSignal(text).kind).toBe("note");
  });

  it("a stop reminder sent as a reply is still read as a stop move", () => {
    expect(parseSignal("Move stop to breakeven", { isReply: true }).kind).toBe("move_stop");
  });
});

describe("follow-ups from issue #14", () => {
  it("an order to close at market is a close, not a new signal", () => {
    expect(parseSignal("Close $AAVE short now at market")).toMatchObject({
      kind: "close",
      symbol: { base: "AAVE" },
    });
  });

  it("all entry targets achieved is an entry fill with the average price", () => {
    expect(
      parseSignal("#KAVA/USDT\nAll entry targets achieved\nAverage Entry Price: 0.6065 💵"),
    ).toMatchObject({ kind: "entry_hit", followUp: { price: 0.6065 } });
  });

  it("a close with a loss keeps the loss's sign", () => {
    expect(parseSignal("#XRP/USDT closed with a loss of 3.1%").statedPnlPct).toBe(-3.1);
  });

  it("a partial close's share is not a stated profit", () => {
    expect(parseSignal("ETH/USDT: book 30% profit here")).not.toHaveProperty("statedPnlPct");
  });
});

describe("commentary shaped like a signal", () => {
  it("bare prices before the first label and an inferred side keep the card off", () => {
    const parsed = parseSignal(
      "BTC/USDT: support 60k, resistance 64k. Target 66k if we break. Stop hunting below 59k likely.",
    );
    expect(parsed.confidence).toBeLessThan(LOW_CONFIDENCE);
  });

  it("TP1 ✅ TP2 ✅ TP3 ✅ reports the furthest target", () => {
    expect(parseSignal("#SOL/USDT\nTP1 ✅ TP2 ✅ TP3 ✅").followUp).toEqual({ targetIndex: 3 });
  });
});
