import { type ParseContext, type ParsedSignal } from "../../src/index.js";
import { S1, S2, S3, S4, S5, S6 } from "../samples.js";

/**
 * Synthetic messages in the layouts seen in signal channels (none is a real signal).
 * `expect` lists the fields that must equal exactly; `absent` the ones that must not exist.
 */
export type CorpusCase = {
  name: string;
  text: string;
  context?: ParseContext;
  expect: Partial<ParsedSignal>;
  absent?: (keyof ParsedSignal)[];
  /** Each pattern must match one of the errors. */
  errorsMatch?: RegExp[];
  minConfidence?: number;
  maxConfidence?: number;
};

const usdt = (base: string, raw = `${base}/USDT`) => ({ raw, base, quote: "USDT" });

export const CORPUS: CorpusCase[] = [
  // ── the note's six messages ──────────────────────────────────────────────────────────────
  {
    name: "S1 labelled long",
    text: S1,
    expect: { kind: "signal", entries: [42000, 42500], errors: [] },
  },
  { name: "S2 emoji + zone", text: S2, expect: { kind: "signal", entryType: "zone", errors: [] } },
  {
    name: "S3 Binance-Killers block",
    text: S3,
    expect: { kind: "signal", market: "perp", errors: [] },
  },
  {
    name: "S4 breakout, no quote",
    text: S4,
    expect: { kind: "signal", entryType: "breakout_above" },
    maxConfidence: 0.74,
  },
  {
    name: "S5 TP hit + move SL",
    text: S5,
    context: { isReply: true },
    expect: { kind: "target_hit", followUp: { targetIndex: 1, newStop: 42250 } },
  },
  {
    name: "S6 manual close",
    text: S6,
    expect: { kind: "close", followUp: { price: 2288 }, statedPnlPct: 14 },
  },

  // ── symbols ──────────────────────────────────────────────────────────────────────────────
  {
    name: "joined pair BTCUSDT",
    text: "BTCUSDT long entry 42000 sl 41000 tp 43000",
    expect: {
      kind: "signal",
      symbol: usdt("BTC", "BTCUSDT"),
      side: "long",
      entries: [42000],
      targets: [43000],
      stopLoss: 41000,
      errors: [],
    },
  },
  {
    name: "dash pair BTC-USDT short",
    text: "BTC-USDT SHORT Entry 43000 Targets 42000 41000 SL 44000",
    expect: {
      symbol: usdt("BTC", "BTC-USDT"),
      side: "short",
      entries: [43000],
      targets: [42000, 41000],
      stopLoss: 44000,
      errors: [],
    },
  },
  {
    name: "lower-case pair",
    text: "btc/usdt long entry 42000 tp 43000 sl 41000",
    expect: { symbol: usdt("BTC", "btc/usdt"), side: "long", errors: [] },
  },
  {
    name: "digit-led base 1000PEPE",
    text: "1000PEPE/USDT LONG Entry 0.0112 TP 0.0118 0.0125 SL 0.0105",
    expect: {
      symbol: usdt("1000PEPE"),
      entries: [0.0112],
      targets: [0.0118, 0.0125],
      stopLoss: 0.0105,
      errors: [],
    },
  },
  {
    name: "COIN: label with base only",
    text: "COIN: SOL\nDirection: Long\nEntry: 98 - 100\nTargets: 104 - 108\nStop: 94",
    expect: {
      symbol: { raw: "SOL", base: "SOL" },
      side: "long",
      entries: [98, 100],
      targets: [104, 108],
      stopLoss: 94,
    },
    errorsMatch: [/quote asset not stated for SOL/],
    maxConfidence: 0.74,
  },
  {
    name: "BTC-quoted pair keeps decimals",
    text: "ETH/BTC long entry 0.0521 tp 0.0540 sl 0.0505",
    expect: {
      symbol: { raw: "ETH/BTC", base: "ETH", quote: "BTC" },
      entries: [0.0521],
      targets: [0.054],
      stopLoss: 0.0505,
      errors: [],
    },
  },
  {
    name: "FDUSD quote wins over USD",
    text: "#SUIFDUSD LONG Entry 1.20 TP 1.30 SL 1.10",
    expect: { symbol: { raw: "#SUIFDUSD", base: "SUI", quote: "FDUSD" }, errors: [] },
  },
  {
    name: "BUSD, USDC and USD quotes",
    text: "XRPUSDC short entry 0.62 tp 0.60 sl 0.64",
    expect: { symbol: { raw: "XRPUSDC", base: "XRP", quote: "USDC" }, side: "short", errors: [] },
  },
  {
    name: "TradingView perp suffix .P",
    text: "BTCUSDT.P LONG Entry 42000 TP 43000 SL 41000",
    expect: { symbol: usdt("BTC", "BTCUSDT.P"), market: "perp", errors: [] },
  },
  {
    name: "PERP without a margin asset",
    text: "SOL-PERP long 98 tp 104 sl 94",
    expect: { symbol: { raw: "SOL-PERP", base: "SOL" }, market: "perp", entries: [98] },
    errorsMatch: [/quote asset not stated/],
  },

  // ── side ─────────────────────────────────────────────────────────────────────────────────
  {
    name: "BUY one-liner with @",
    text: "BUY ADA/USDT @ 0.45 TP: 0.48 SL: 0.43",
    expect: {
      side: "long",
      sideInferred: false,
      entryType: "limit",
      entries: [0.45],
      targets: [0.48],
      stopLoss: 0.43,
      errors: [],
    },
  },
  {
    name: "SELL one-liner",
    text: "SELL DOT/USDT @ 7.20 TP: 6.90 SL: 7.45",
    expect: { side: "short", entries: [7.2], targets: [6.9], stopLoss: 7.45, errors: [] },
  },
  {
    name: "red circle means short",
    text: "🔴 XRP/USDT\nEntry 0.62\nTP 0.60 0.58\nSL 0.64",
    expect: { side: "short", sideInferred: false, targets: [0.6, 0.58], errors: [] },
  },
  {
    name: "emoji-led with bare prices before the first label",
    text: "🟢 ETH LONG 2350 TP 2400 2450 SL 2300",
    expect: {
      symbol: { raw: "ETH", base: "ETH" },
      side: "long",
      entries: [2350],
      targets: [2400, 2450],
      stopLoss: 2300,
    },
  },
  {
    name: "side inferred long from the stop",
    text: "ARB/USDT\nEntry: 1.10\nTargets: 1.20, 1.30\nSL: 1.00",
    expect: { side: "long", sideInferred: true, errors: [] },
    minConfidence: 0.95,
    maxConfidence: 0.95,
  },
  {
    name: "side inferred short from the stop",
    text: "OP/USDT Entry 2.50 TP 2.30 2.10 Stop 2.70",
    expect: { side: "short", sideInferred: true, errors: [] },
  },
  {
    name: "Direction: label beats a chart emoji",
    text: "📈 LTC/USDT\nDirection: Short\nEntry 72\nTP 70 68\nSL 74",
    expect: { side: "short", sideInferred: false, errors: [] },
  },

  // ── entry types and entry layouts ────────────────────────────────────────────────────────
  {
    name: "Entry: market",
    text: "BTC/USDT LONG\nEntry: market\nTP: 43000/44000\nSL: 41000",
    expect: { entryType: "market", entries: [], targets: [43000, 44000], errors: [] },
  },
  {
    name: "Buy now",
    text: "SOL/USDT Buy now\nTP 105 110\nSL 95",
    expect: {
      side: "long",
      entryType: "market",
      entries: [],
      targets: [105, 110],
      stopLoss: 95,
      errors: [],
    },
  },
  {
    name: "CMP with a reference price",
    text: "LTC/USDT long CMP 70.5 TP 73 76 SL 68",
    expect: { entryType: "market", entries: [70.5], errors: [] },
  },
  {
    name: "Buy zone with Cornix spot Sell targets",
    text: "INJ/USDT Buy zone 24.10-24.60 Sell 25.5 26.8 Stop 23.2",
    expect: {
      side: "long",
      entryType: "zone",
      entryZone: { low: 24.1, high: 24.6 },
      targets: [25.5, 26.8],
      stopLoss: 23.2,
      errors: [],
    },
  },
  {
    name: "Enter below is a short breakout",
    text: "DYDX/USDT Enter below 2.10 TP 1.95 1.80 SL 2.25",
    expect: {
      side: "short",
      sideInferred: true,
      entryType: "breakout_below",
      entries: [2.1],
      errors: [],
    },
  },
  {
    name: "entries separated by a slash",
    text: "ATOM/USDT LONG Entry 8.40 / 8.20 TP 8.90 SL 7.95",
    expect: { entries: [8.4, 8.2], errors: [] },
  },
  {
    name: "entries separated by commas",
    text: "NEAR/USDT LONG Entry 5.10, 5.00 TP 5.60 SL 4.80",
    expect: { entries: [5.1, 5], errors: [] },
  },
  {
    name: "numbered entries",
    text: "BTC/USDT LONG\nEntry 1: 42000\nEntry 2: 41500\nTP 43000\nSL 41000",
    expect: { entries: [42000, 41500], targets: [43000], errors: [] },
  },
  {
    name: "three entries with dashes",
    text: "MATIC/USDT LONG\nENTRY: 1.50 - 1.48 - 1.46\nTARGETS: 1.55 - 1.60\nSTOP LOSS: 1.40",
    expect: { entries: [1.5, 1.48, 1.46], targets: [1.55, 1.6], stopLoss: 1.4, errors: [] },
  },

  {
    name: "Cornix block with numbered entry, take-profit and stop targets",
    text: "⚡️⚡️ #DOGE/USDT ⚡️⚡️\nSignal Type: Regular (Long)\nLeverage: Cross (20.0X)\nEntry Targets:\n1) 0.0820\n2) 0.0800\nTake-Profit Targets:\n1) 0.0850\n2) 0.0880\n3) 0.0920\nStop Targets:\n1) 0.0760",
    expect: {
      symbol: usdt("DOGE", "#DOGE/USDT"),
      side: "long",
      leverage: { value: 20, mode: "cross" },
      entries: [0.082, 0.08],
      targets: [0.085, 0.088, 0.092],
      stopLoss: 0.076,
      errors: [],
    },
  },
  {
    name: "a message id is not a price",
    text: "Signal #123\nBTC/USDT LONG\nTP 43000\nSL 41000",
    expect: { entries: [], targets: [43000], errors: ["no entry price found"] },
  },
  {
    name: "explicit side contradicted by the prices",
    text: "BTC/USDT short entry 42000 TP 43000 SL 41000",
    expect: {
      side: "short",
      errors: [
        "stop 41000 is not above the highest entry 42000 for a short",
        "target 43000 not below the average entry 42000",
      ],
      confidence: 0.7,
    },
  },
  {
    name: "labelled one-liner fields on lines",
    text: "Pair: ETHUSDT\nPosition: LONG\nEntry Price: 2300\nTake Profit: 2400\nStop Loss: 2200",
    expect: {
      symbol: usdt("ETH", "ETHUSDT"),
      side: "long",
      entries: [2300],
      targets: [2400],
      stopLoss: 2200,
      errors: [],
    },
  },
  {
    name: "trailing R:R and time lines are ignored",
    text: "BTC/USDT LONG\nEntry 42000\nTP 43000\nSL 41000\nR:R 1:2\nTime: 12:30 UTC",
    expect: { entries: [42000], targets: [43000], stopLoss: 41000, errors: [] },
  },

  // ── targets ──────────────────────────────────────────────────────────────────────────────
  {
    name: "Take-Profit N: lines",
    text: "BTC/USDT LONG Entry 42000\nTake-Profit 1: 43000\nTake-Profit 2: 44000\nStop loss: 41000",
    expect: { targets: [43000, 44000], stopLoss: 41000, errors: [] },
  },
  {
    name: "keycap-numbered targets",
    text: "BTC/USDT LONG\nEntry 42000\nTargets:\n1️⃣ 43000\n2️⃣ 44000\n3️⃣ 45000\nSL 41000",
    expect: { targets: [43000, 44000, 45000], stopLoss: 41000, errors: [] },
  },
  {
    name: "one target per line, then chatter",
    text: "BTC/USDT LONG\nEntry 42000\nTargets:\n43000\n44000\n45000\nStop: 41000\nGood luck, support held at 40000",
    expect: { targets: [43000, 44000, 45000], stopLoss: 41000, errors: [] },
  },
  {
    name: "numbered list targets 1) 2)",
    text: "AVAX/USDT SHORT\nEntry 37\nTargets\n1) 35.8\n2) 35.1\nSL 38.25",
    expect: { targets: [35.8, 35.1], errors: [] },
  },

  // ── stop spellings ───────────────────────────────────────────────────────────────────────
  {
    name: "Stoploss",
    text: "BTC/USDT LONG Entry 42000 TP 43000 Stoploss 41000",
    expect: { stopLoss: 41000, errors: [] },
  },
  {
    name: "⛔ stop",
    text: "BTC/USDT LONG Entry 42000 TP 43000 ⛔ 41000",
    expect: { stopLoss: 41000, errors: [] },
  },
  {
    name: "S/L",
    text: "BTC/USDT LONG Entry 42000 TP 43000 S/L 41000",
    expect: { stopLoss: 41000, errors: [] },
  },
  {
    name: "STOP LOSS:",
    text: "BTC/USDT LONG\nENTRY: 42000\nTP: 43000\nSTOP LOSS: 41000",
    expect: { stopLoss: 41000, errors: [] },
  },

  // ── leverage ─────────────────────────────────────────────────────────────────────────────
  {
    name: "Lev 5x",
    text: "BTC/USDT LONG Entry 42000 TP 43000 SL 41000 Lev 5x",
    expect: { leverage: { value: 5 }, errors: [] },
  },
  {
    name: "x20",
    text: "BTC/USDT LONG x20 Entry 42000 TP 43000 SL 41000",
    expect: { leverage: { value: 20 }, errors: [] },
  },
  {
    name: "20X",
    text: "BTC/USDT LONG 20X\nEntry 42000 TP 43000 SL 41000",
    expect: { leverage: { value: 20 }, entries: [42000], errors: [] },
  },
  {
    name: "Isolated 15x",
    text: "BTC/USDT SHORT Isolated 15x Entry 42000 TP 41000 SL 43000",
    expect: { leverage: { value: 15, mode: "isolated" }, errors: [] },
  },
  {
    name: "leverage range keeps the upper bound",
    text: "BTC/USDT LONG Entry 42000 TP 43000 SL 41000 Leverage: 5-10x",
    expect: { leverage: { value: 10 }, errors: [] },
  },

  // ── numbers ──────────────────────────────────────────────────────────────────────────────
  {
    name: "decimal commas with a zero integer part",
    text: "SHIB/USDT LONG Entry 0,00001020 TP 0,00001100 SL 0,00000980",
    expect: { entries: [0.0000102], targets: [0.000011], stopLoss: 0.0000098, errors: [] },
  },
  {
    name: "decimal comma with two decimals",
    text: "AVAX/USDT SHORT Entry 36,40 TP 35,10 SL 38,25",
    expect: { entries: [36.4], targets: [35.1], stopLoss: 38.25, errors: [] },
  },
  {
    name: "thousands separators",
    text: "BTC/USDT LONG Entry 42,000 TP 43,500 45,000 SL 41,000",
    expect: { entries: [42000], targets: [43500, 45000], stopLoss: 41000, errors: [] },
  },
  {
    name: "k suffix",
    text: "BTC/USDT LONG Entry 42k TP 43.5k SL 41k",
    expect: { entries: [42000], targets: [43500], stopLoss: 41000, errors: [] },
  },
  {
    name: "sats unit",
    text: "XRP/BTC LONG Entry 1300 sats TP 1400 sats SL 1250 satoshi",
    expect: { entries: [0.000013], targets: [0.000014], stopLoss: 0.0000125, errors: [] },
  },
  {
    name: "Cornix satoshi shorthand on a BTC pair",
    text: "ADA/BTC Buy 30000-31000 Sell 33000 35K Stop 28000",
    expect: {
      side: "long",
      entries: [0.0003, 0.00031],
      targets: [0.00033, 0.00035],
      stopLoss: 0.00028,
      errors: [],
    },
  },
  {
    name: "odd separators and unicode dashes",
    text: "BTC/USDT LONG Entry → 42000 – 42500 | TP ≈ 43000; 44000 | SL — 41000",
    expect: { entries: [42000, 42500], targets: [43000, 44000], stopLoss: 41000, errors: [] },
  },
  {
    name: "markdown, code and quotes",
    text: "**BTC/USDT** `LONG`\n> Entry: **42000**\n> TP: __43000__ *44000*\n> SL: `41000`",
    expect: {
      symbol: usdt("BTC"),
      side: "long",
      entries: [42000],
      targets: [43000, 44000],
      stopLoss: 41000,
      errors: [],
    },
  },
  {
    name: "allocation percentages are not prices",
    text: "BTC/USDT LONG\nEntry: 42000 (50%) 41500 (50%)\nTP 43000\nSL 41000\nRisk 2%",
    expect: { entries: [42000, 41500], errors: [] },
    absent: ["statedPnlPct"],
  },
  {
    name: "command style",
    text: "/signal LONG BTCUSDT entry=42000 sl=41000 tp=43000,44000 lev=10x",
    expect: {
      symbol: usdt("BTC", "BTCUSDT"),
      entries: [42000],
      targets: [43000, 44000],
      stopLoss: 41000,
      leverage: { value: 10 },
      errors: [],
    },
  },
  {
    name: "exchange and market words",
    text: "Binance Futures\nBTC/USDT LONG Entry 42000 TP 43000 SL 41000",
    expect: { exchange: "Binance", market: "futures", errors: [] },
  },
  {
    name: "spot",
    text: "Spot: SOL/USDT buy 98 TP 104 SL 94",
    expect: { market: "spot", side: "long", entries: [98], errors: [] },
  },
  {
    name: "a conditional cancel inside a signal stays a signal",
    text: "BTC/USDT LONG Entry 42000 TP 43000 SL 41000\nCancel if 4h candle closes below 41000",
    expect: { kind: "signal", errors: [] },
  },

  {
    name: "extra whitespace and blank lines",
    text: "BTC/USDT    LONG\n\n\n   Entry:     42000   \n\nTargets:\n\n43000\n44000\n\n\nSL:   41000\n\nthanks 5000",
    expect: { entries: [42000], targets: [43000, 44000], stopLoss: 41000, errors: [] },
  },

  {
    name: "a stop written as an instruction inside a new signal",
    text: "Set SL at 41000 for BTC/USDT long entry 42000 tp 43000",
    expect: { kind: "signal", stopLoss: 41000, errors: [] },
  },

  {
    name: "trade-plan instructions inside a new signal are not events",
    text: "BTC/USDT LONG Entry 42000\nTP1 43000 (take 50%)\nTP2 44000\nSL 41000\nMove SL to entry after TP1",
    expect: { kind: "signal", targets: [43000, 44000], stopLoss: 41000, errors: [] },
  },
  {
    name: "an event inside a signal-shaped message is flagged",
    text: "BTC/USDT LONG TP1 hit ✅\nEntry 42000\nSL 41000",
    expect: { kind: "signal" },
    errorsMatch: [/also reads as a follow-up \(target_hit\); parsed as a new signal/],
  },

  {
    name: "emoji-decorated block with 🛑 Stop Loss label",
    text: "📊 #SOL/USDT 📊\n\n🔰 Long 🔰\n\n✅ Entry: 98.5 - 99.5\n\n🎯 Targets:\n1️⃣ 101\n2️⃣ 103\n3️⃣ 106\n\n🛑 Stop Loss: 95\n\n⚖️ Leverage: 10x",
    expect: {
      kind: "signal",
      side: "long",
      entries: [98.5, 99.5],
      targets: [101, 103, 106],
      stopLoss: 95,
      leverage: { value: 10 },
      errors: [],
    },
  },
  {
    name: "buy between … and …, invalidation as stop",
    text: "#XRP Long Setup\nBuy between 0.60 and 0.62\nTargets 0.65, 0.68, 0.72\nInvalidation below 0.57",
    expect: {
      entryType: "zone",
      entryZone: { low: 0.6, high: 0.62 },
      targets: [0.65, 0.68, 0.72],
      stopLoss: 0.57,
    },
  },
  {
    name: "conversational one-liner",
    text: "ETH short from 2350, tp 2250/2150, sl 2420",
    expect: { side: "short", entries: [2350], targets: [2250, 2150], stopLoss: 2420 },
  },
  {
    name: "timeframe and DCA notes are not prices",
    text: "AVAX/USDT 🟢 LONG\nEntry: 36.40 - 37.10 (DCA)\nTP: 38 / 39 / 40.5\nSL: 35 (4H close)",
    expect: { entries: [36.4, 37.1], targets: [38, 39, 40.5], stopLoss: 35, errors: [] },
  },
  {
    name: "Pair/Side labels with a cross leverage suffix",
    text: "New signal 🚨\nPair: SOLUSDT\nSide: SHORT\nEntry: 100\nTP1: 95\nTP2: 90\nSL: 105\nLeverage: 10x cross",
    expect: {
      symbol: usdt("SOL", "SOLUSDT"),
      side: "short",
      targets: [95, 90],
      leverage: { value: 10, mode: "cross" },
      errors: [],
    },
  },

  // ── follow-ups ───────────────────────────────────────────────────────────────────────────
  {
    name: "TP1 hit",
    text: "TP1 hit ✅",
    context: { isReply: true },
    expect: { kind: "target_hit", followUp: { targetIndex: 1 }, errors: [], confidence: 1 },
  },
  {
    name: "Take-Profit target with stated profit",
    text: "Take-Profit target 2 ✅ Profit: 45% Period: 3 Hours",
    context: { isReply: true },
    expect: { kind: "target_hit", followUp: { targetIndex: 2 }, statedPnlPct: 45, errors: [] },
  },
  {
    name: "Target 3 reached",
    text: "#BTCUSDT Target 3 reached 🎯",
    expect: { kind: "target_hit", followUp: { targetIndex: 3 }, errors: [] },
  },
  {
    name: "all targets",
    text: "ETH/USDT all targets done 🎯🎯🎯",
    expect: { kind: "target_hit", errors: [] },
    absent: ["followUp"],
  },
  {
    name: "TP with price and tick",
    text: "Target 1: 43000 ✅",
    context: { isReply: true },
    expect: { kind: "target_hit", followUp: { targetIndex: 1, price: 43000 } },
  },
  {
    name: "Stop hit",
    text: "Stop hit",
    context: { isReply: true },
    expect: { kind: "stop_hit", errors: [] },
    absent: ["followUp"],
  },
  {
    name: "Stoploss ⛔ with loss",
    text: "Stoploss ⛔️ Loss: 10%",
    context: { isReply: true },
    expect: { kind: "stop_hit", statedPnlPct: -10, errors: [] },
  },
  {
    name: "closed at stoploss after a TP",
    text: "Closed at stoploss after reaching take profit",
    context: { isReply: true },
    expect: { kind: "stop_hit", errors: [] },
  },
  {
    name: "SL to breakeven",
    text: "SL moved to breakeven",
    context: { isReply: true },
    expect: { kind: "move_stop", followUp: { breakeven: true }, errors: [] },
  },
  {
    name: "Move SL to entry price",
    text: "Move SL to entry 42250",
    context: { isReply: true },
    expect: { kind: "move_stop", followUp: { newStop: 42250 }, errors: [] },
  },
  {
    name: "New SL",
    text: "BTC new SL: 42800",
    expect: { kind: "move_stop", followUp: { newStop: 42800 }, errors: [] },
  },
  {
    name: "stop move without a price",
    text: "BTC move stop",
    expect: { kind: "move_stop" },
    errorsMatch: [/stop move without a new stop price/],
  },
  {
    name: "command update",
    text: "/update 123 sl=41800",
    context: { isReply: true },
    expect: { kind: "move_stop", followUp: { newStop: 41800 } },
  },
  {
    name: "close with a loss",
    text: "ETH closed at 2288 (-3.5%)",
    expect: { kind: "close", followUp: { price: 2288 }, statedPnlPct: -3.5 },
  },
  {
    name: "Close half",
    text: "Close half",
    context: { isReply: true },
    expect: { kind: "partial_close", followUp: { percent: 50 }, errors: [] },
  },
  {
    name: "partial close 50%",
    text: "BTC partial close 50% here",
    expect: { kind: "partial_close", followUp: { percent: 50 } },
    absent: ["statedPnlPct"],
  },
  {
    name: "/partial command",
    text: "/partial 25%",
    context: { isReply: true },
    expect: { kind: "partial_close", followUp: { percent: 25 } },
  },
  {
    name: "close 100% is a close",
    text: "close 100% of the position",
    context: { isReply: true },
    expect: { kind: "close" },
  },
  {
    name: "Cancelled",
    text: "Cancelled",
    context: { isReply: true },
    expect: { kind: "cancel", errors: [] },
  },
  {
    name: "Signal cancelled with pair",
    text: "BTC/USDT signal cancelled ❌",
    expect: { kind: "cancel", symbol: usdt("BTC"), errors: [] },
  },
  {
    name: "Entry 1 ✅",
    text: "Entry 1 ✅",
    context: { isReply: true },
    expect: { kind: "entry_hit", errors: [] },
  },
  {
    name: "All entries filled",
    text: "SOL all entries filled",
    expect: { kind: "entry_hit", errors: [] },
  },
  {
    name: "close names the symbol before the price",
    text: "Closed BTC at 43100",
    expect: { kind: "close", followUp: { price: 43100 }, errors: [] },
  },
  {
    name: "stopped out with a price",
    text: "Stopped out of ETH at 2372",
    expect: { kind: "stop_hit", followUp: { price: 2372 }, errors: [] },
  },
  {
    name: "target hit and stop to breakeven",
    text: "SOL TP1 done, move stop to breakeven",
    expect: { kind: "target_hit", followUp: { targetIndex: 1, breakeven: true }, errors: [] },
  },
  {
    name: "numbered entry filled at a price",
    text: "Entry 2 filled at 41500",
    context: { isReply: true },
    expect: { kind: "entry_hit", followUp: { entryIndex: 2, price: 41500 } },
  },
  {
    name: "TP hit with emoji and leverage",
    text: "ETH 🔥 TP2 smashed +40% with 20x",
    expect: {
      kind: "target_hit",
      followUp: { targetIndex: 2 },
      statedPnlPct: 40,
      leverage: { value: 20 },
    },
  },
  {
    name: "SL hit with a loss",
    text: "SL hit on SOL -8%",
    expect: { kind: "stop_hit", statedPnlPct: -8, symbol: { raw: "SOL", base: "SOL" } },
  },
  {
    name: "/close",
    text: "/close",
    context: { isReply: true },
    expect: { kind: "close", errors: [] },
  },

  {
    name: "stop moved to a target names no price",
    text: "BTC Move SL to TP1",
    expect: { kind: "move_stop", errors: ["stop move without a new stop price"] },
    absent: ["followUp"],
  },

  {
    name: "updated stop with the price after the symbol",
    text: "Updated SL for BTC: 42500",
    expect: { kind: "move_stop", followUp: { newStop: 42500 }, errors: [] },
  },
  {
    name: "double tick and stated profit",
    text: "$BTC TP2 ✅✅ +12.5% profit (25x)",
    expect: {
      kind: "target_hit",
      followUp: { targetIndex: 2 },
      statedPnlPct: 12.5,
      leverage: { value: 25 },
    },
  },
  {
    name: "🛑 stop loss hit names the pair after",
    text: "🛑 Stop loss hit on #ETHUSDT",
    expect: { kind: "stop_hit", symbol: usdt("ETH", "#ETHUSDT"), errors: [] },
  },

  {
    name: "Binance-Killers take-profit update",
    text: "#BTC/USDT Take-Profit target 1 ✅\nProfit: 25.3% 📈\nPeriod: 2 Hours 13 Minutes ⏰",
    expect: { kind: "target_hit", followUp: { targetIndex: 1 }, statedPnlPct: 25.3, errors: [] },
  },
  {
    name: "Binance-Killers all targets",
    text: "#BTC/USDT All take-profit targets achieved 😎\nProfit: 150% 📈\nPeriod: 2 Days 5 Hours ⏰",
    expect: { kind: "target_hit", statedPnlPct: 150, errors: [] },
    absent: ["followUp"],
  },
  {
    name: "Binance-Killers entry update with average price",
    text: "#BTC/USDT Entry 1 ✅\nAverage Entry Price: 42000 💵",
    expect: { kind: "entry_hit", followUp: { entryIndex: 1, price: 42000 }, errors: [] },
  },
  {
    name: "target, partial close and stop move in one update",
    text: "BTC target 2 done. Close 50% and move SL to 42800",
    expect: {
      kind: "partial_close",
      followUp: { targetIndex: 2, newStop: 42800, percent: 50 },
      errors: [],
    },
  },

  // ── not signals ──────────────────────────────────────────────────────────────────────────
  {
    name: "greeting",
    text: "gm everyone",
    expect: { kind: "note", confidence: 0 },
    absent: ["symbol", "side"],
  },
  {
    name: "GM in capitals",
    text: "GM fam!",
    expect: { kind: "note", confidence: 0 },
    absent: ["symbol"],
  },
  {
    name: "market chatter",
    text: "market looks bullish today",
    expect: { kind: "note", confidence: 0 },
    absent: ["entryType"],
  },
  {
    name: "a link",
    text: "https://www.tradingview.com/x/AbC123/",
    expect: { kind: "note", confidence: 0 },
  },
  { name: "emoji only", text: "🚀🚀🚀", expect: { kind: "note", confidence: 0 } },
  {
    name: "mention only",
    text: "<@123456789012345678> <:pepe:123456789>",
    expect: { kind: "note", confidence: 0 },
  },
  {
    name: "an idea without levels keeps what it found",
    text: "BTC looking strong, might long later",
    expect: { kind: "note", symbol: { raw: "BTC", base: "BTC" }, side: "long" },
    maxConfidence: 0.3,
  },

  // ── sanity checks ────────────────────────────────────────────────────────────────────────
  {
    name: "long with the stop above the entry",
    text: "BTC/USDT LONG Entry 42000 TP 43000 SL 42500",
    expect: { kind: "signal", stopLoss: 42500 },
    errorsMatch: [/stop 42500 is not below the lowest entry 42000 for a long/],
    maxConfidence: 0.85,
  },
  {
    name: "short targets not descending",
    text: "ETH/USDT SHORT Entry 2300 TP 2200 2250 SL 2400",
    expect: { targets: [2200, 2250] },
    errorsMatch: [/targets are not descending for a short/],
  },
  {
    name: "short target above the entries",
    text: "ETH/USDT SHORT Entry 2300 TP 2350 SL 2400",
    expect: { targets: [2350] },
    errorsMatch: [/target 2350 not below the average entry 2300/],
  },
  {
    name: "prices more than 10x apart",
    text: "BTC/USDT LONG Entry 42000 TP 43000 SL 4100",
    expect: { stopLoss: 4100 },
    errorsMatch: [/more than 10x apart \(4100 to 43000\)/],
  },
  {
    name: "leverage out of range",
    text: "BTC/USDT LONG Entry 42000 TP 43000 SL 41000 Leverage 200x",
    expect: { leverage: { value: 200 } },
    errorsMatch: [/leverage 200x is outside 1\.\.125/],
  },
  {
    name: "missing stop",
    text: "BTC/USDT LONG Entry 42000 TP 43000 44000",
    expect: { kind: "signal", errors: ["no stop loss found"], confidence: 0.65 },
    absent: ["stopLoss"],
  },
];
