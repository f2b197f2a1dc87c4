import { followUp, lev, note, signal, unsure, type CorpusMessage } from "./types.js";

/**
 * Held-out messages: written before the parser was changed for issue #14 and scored on the old
 * parser first (the "unseen" measurement in the README). Synthetic: coins and prices invented.
 */
export const HELD_OUT: CorpusMessage[] = [
  {
    family: "cornix-block",
    text: `⚡️⚡️ #KAVA/USDT ⚡️⚡️
Exchanges: Binance Futures, ByBit USDT
Signal Type: Regular (Long)
Leverage: Cross (20X)

Entry Targets:
1) 0.6120
2) 0.6010

Take-Profit Targets:
1) 0.6250
2) 0.6380
3) 0.6550
4) 0.6800

Stop Targets:
1) 0.5790`,
    expected: signal("KAVA/USDT", "long", [0.612, 0.601], [0.625, 0.638, 0.655, 0.68], 0.579, {
      leverage: lev(20, "cross"),
    }),
  },
  {
    family: "cornix-block",
    text: `#RUNE/USDT
Signal Type: Regular (Short)
Leverage: Isolated (10X)
Entry Targets:
1) 5.812
Take-Profit Targets:
1) 5.701
2) 5.588
3) 5.402
Stop Targets:
1) 6.050`,
    expected: signal("RUNE/USDT", "short", [5.812], [5.701, 5.588, 5.402], 6.05, {
      leverage: lev(10, "isolated"),
    }),
  },
  {
    family: "numbered-paren",
    text: `ARB/USDT LONG
Entry:
1) 1.142
2) 1.118
Targets:
1) 1.165
2) 1.190
3) 1.228
Stop: 1.084`,
    expected: signal("ARB/USDT", "long", [1.142, 1.118], [1.165, 1.19, 1.228], 1.084),
  },
  {
    family: "numbered-paren",
    text: `SHORT #OPUSDT
Entry 1) 2.455 2) 2.490
TP 1) 2.410 2) 2.362 3) 2.300
SL 2.560`,
    expected: signal("OP/USDT", "short", [2.455, 2.49], [2.41, 2.362, 2.3], 2.56),
  },
  {
    family: "numbered-dot",
    text: `📌 INJ/USDT — LONG
Entries:
1. 24.60
2. 24.10
Targets:
1. 25.30
2. 26.05
3. 27.40
Stop loss: 23.35`,
    expected: signal("INJ/USDT", "long", [24.6, 24.1], [25.3, 26.05, 27.4], 23.35),
  },
  {
    family: "numbered-hash",
    text: `#FIL/USDT SHORT
Entry: 4.210
Targets:
#1 4.150
#2 4.085
#3 3.990
Stop: 4.330`,
    expected: signal("FIL/USDT", "short", [4.21], [4.15, 4.085, 3.99], 4.33),
  },
  {
    family: "circled-digits",
    text: `LDO/USDT LONG
Entry: 1.905 - 1.880
Targets: ① 1.940 ② 1.985 ③ 2.050
SL: 1.832`,
    expected: signal("LDO/USDT", "long", [1.905, 1.88], [1.94, 1.985, 2.05], 1.832),
  },
  {
    family: "target-allocations",
    text: `SOL/USDT LONG (5x)
Entry: 142.5
Take profit:
1) 145.0 (30%)
2) 148.2 (30%)
3) 152.0 (40%)
Stop: 138.9`,
    expected: signal("SOL/USDT", "long", [142.5], [145, 148.2, 152], 138.9, { leverage: lev(5) }),
  },
  {
    family: "target-allocations",
    text: `#TIA/USDT SHORT
Entry 11.42
TP1 11.20 - 25%
TP2 10.95 - 25%
TP3 10.60 - 50%
SL 11.85`,
    expected: signal("TIA/USDT", "short", [11.42], [11.2, 10.95, 10.6], 11.85),
  },
  {
    family: "term-groups",
    text: `#DOT/USDT (Long)
Entry zone: 6.10 - 6.25

Short Term: 6.40 - 6.55 - 6.70
Mid Term: 7.00 - 7.40

Stop: 5.85`,
    expected: signal("DOT/USDT", "long", [6.1, 6.25], [6.4, 6.55, 6.7, 7, 7.4], 5.85, {
      entryType: "zone",
    }),
  },
  {
    family: "term-groups",
    text: `ATOM/USDT BUY
Buy: 8.92 - 8.80
Short term targets: 9.10, 9.25
Mid term targets: 9.60, 10.10
Stop: 8.55`,
    expected: signal("ATOM/USDT", "long", [8.92, 8.8], [9.1, 9.25, 9.6, 10.1], 8.55),
  },
  {
    family: "emoji-keys",
    text: `🔥 NEAR/USDT SHORT 🔥
💰 5.420 - 5.480
🎯 5.350
🎯 5.270
🎯 5.150
🛑 5.610`,
    expected: signal("NEAR/USDT", "short", [5.42, 5.48], [5.35, 5.27, 5.15], 5.61),
  },
  {
    family: "emoji-keys",
    text: `AVAX/USDT LONG
📍 Entry: 33.10
🎯 Targets: 33.80 / 34.60 / 35.90
🛑 SL: 32.15
⚙️ Leverage: 10x`,
    expected: signal("AVAX/USDT", "long", [33.1], [33.8, 34.6, 35.9], 32.15, {
      leverage: lev(10),
    }),
  },
  {
    family: "tp-per-line",
    text: `ETH/USDT LONG
Entry: 3120
TP1 3155
TP2 3190
TP3 3240
TP4 3300
SL 3065`,
    expected: signal("ETH/USDT", "long", [3120], [3155, 3190, 3240, 3300], 3065),
  },
  {
    family: "tp-per-line",
    text: `XRP/USDT SHORT
Entry 0.6215
T1 0.6150
T2 0.6080
T3 0.5990
Stop 0.6330`,
    expected: signal("XRP/USDT", "short", [0.6215], [0.615, 0.608, 0.599], 0.633),
  },
  {
    family: "pipe-one-liner",
    text: "LONG | LINK/USDT | Entry 14.20 | TP 14.60 / 15.05 / 15.70 | SL 13.75 | 10x",
    expected: signal("LINK/USDT", "long", [14.2], [14.6, 15.05, 15.7], 13.75, {
      leverage: lev(10),
    }),
  },
  {
    family: "pipe-one-liner",
    text: "DOGE/USDT | SHORT | entry 0.1642 | tp 0.1610 - 0.1575 | sl 0.1688",
    expected: signal("DOGE/USDT", "short", [0.1642], [0.161, 0.1575], 0.1688),
  },
  {
    family: "inline-one-liner",
    text: "Short BNB/USDT at 585, targets 578 570 560, stop 596",
    expected: signal("BNB/USDT", "short", [585], [578, 570, 560], 596),
  },
  {
    family: "inline-one-liner",
    text: "Long APT/USDT entry 8.45 tp 8.70 9.00 sl 8.15 lev 8x",
    expected: signal("APT/USDT", "long", [8.45], [8.7, 9], 8.15, { leverage: lev(8) }),
  },
  {
    family: "cmp-dca",
    text: `#MATIC/USDT LONG
Entry: CMP (0.7120)
DCA: 0.6950
Targets: 0.7300 - 0.7480 - 0.7700
SL: 0.6780`,
    expected: signal("MATIC/USDT", "long", [0.712, 0.695], [0.73, 0.748, 0.77], 0.678, {
      entryType: "market",
    }),
  },
  {
    family: "cmp-dca",
    text: `GALA/USDT SHORT
Enter at CMP
TP: 0.0402 / 0.0391 / 0.0378
SL: 0.0431`,
    expected: signal("GALA/USDT", "short", [], [0.0402, 0.0391, 0.0378], 0.0431, {
      entryType: "market",
    }),
  },
  {
    family: "decimal-comma",
    text: `ADA/USDT LONG
Entry: 0,4510 - 0,4460
Targets: 0,4590 - 0,4680 - 0,4800
SL: 0,4380`,
    expected: signal("ADA/USDT", "long", [0.451, 0.446], [0.459, 0.468, 0.48], 0.438),
  },
  {
    family: "decimal-comma",
    text: "LTC/USDT SHORT Entry 84,35 TP 82,90 81,40 SL 86,10",
    expected: signal("LTC/USDT", "short", [84.35], [82.9, 81.4], 86.1),
  },
  {
    family: "thousands",
    text: `BTC/USDT LONG
Entry: 61,250 - 60,800
Targets: 62,100 / 63,000 / 64,400
Stop: 59,650`,
    expected: signal("BTC/USDT", "long", [61250, 60800], [62100, 63000, 64400], 59650),
  },
  {
    family: "thousands",
    text: "BTC/USDT SHORT entry 63,480.5 tp 62,900 62,150 sl 64,220.5",
    expected: signal("BTC/USDT", "short", [63480.5], [62900, 62150], 64220.5),
  },
  {
    family: "sats",
    text: `#XLM/BTC
Buy: 245 - 240 sats
Sell: 252 - 260 - 271 sats
Stop: 231 sats`,
    expected: signal(
      "XLM/BTC",
      "long",
      [0.00000245, 0.0000024],
      [0.00000252, 0.0000026, 0.00000271],
      0.00000231,
    ),
  },
  {
    family: "sats",
    text: `VET/BTC
Buy zone: 41 - 43
Sell: 45 47 50
Stop: 38`,
    expected: signal(
      "VET/BTC",
      "long",
      [0.00000041, 0.00000043],
      [0.00000045, 0.00000047, 0.0000005],
      0.00000038,
      {
        entryType: "zone",
      },
    ),
  },
  {
    family: "lowercase",
    text: "sui/usdt long entry 1.612 tp 1.655 1.702 sl 1.566",
    expected: signal("SUI/USDT", "long", [1.612], [1.655, 1.702], 1.566),
  },
  {
    family: "lowercase",
    text: "#wldusdt short\nentry 2.315\ntargets 2.270 2.215\nstop 2.380",
    expected: signal("WLD/USDT", "short", [2.315], [2.27, 2.215], 2.38),
  },
  {
    family: "digit-symbols",
    text: `1INCH/USDT LONG
Entry: 0.3825
Targets: 0.3910 - 0.4010
Stop: 0.3720`,
    expected: signal("1INCH/USDT", "long", [0.3825], [0.391, 0.401], 0.372),
  },
  {
    family: "digit-symbols",
    text: "#1000BONKUSDT SHORT entry 0.02215 tp 0.02160 0.02090 sl 0.02290",
    expected: signal("1000BONK/USDT", "short", [0.02215], [0.0216, 0.0209], 0.0229),
  },
  {
    family: "tiny-prices",
    text: `PEPE/USDT LONG
Entry: 0.00000842
Targets: 0.00000871 - 0.00000905
SL: 0.00000808`,
    expected: signal("PEPE/USDT", "long", [0.00000842], [0.00000871, 0.00000905], 0.00000808),
  },
  {
    family: "percent-targets",
    text: `FET/USDT LONG
Entry: 1.520
Targets: 3% - 6% - 10%
Stop: 1.455`,
    expected: unsure({
      pair: "FET/USDT",
      side: "long",
      entries: [1.52],
      targets: [],
      stopLoss: 1.455,
    }),
  },
  {
    family: "leverage-range",
    text: `RNDR/USDT LONG
Leverage: 5-10x
Entry: 7.40
TP: 7.65 / 7.90
SL: 7.12`,
    expected: signal("RNDR/USDT", "long", [7.4], [7.65, 7.9], 7.12, { leverage: lev(10) }),
  },
  {
    family: "margin-mode",
    text: `SEI/USDT SHORT 10x cross
Entry: 0.4420
Targets: 0.4350 0.4270
Stop: 0.4530`,
    expected: signal("SEI/USDT", "short", [0.442], [0.435, 0.427], 0.453, {
      leverage: lev(10, "cross"),
    }),
  },
  {
    family: "margin-mode",
    text: `#ORDIUSDT LONG
iso 15x
Entry 38.20
TP 39.10 40.30
SL 37.05`,
    expected: signal("ORDI/USDT", "long", [38.2], [39.1, 40.3], 37.05, {
      leverage: lev(15, "isolated"),
    }),
  },
  {
    family: "market-tags",
    text: `[SPOT] HBAR/USDT
Buy: 0.0912 - 0.0895
Sell: 0.0950 - 0.0990 - 0.1040
Stop: 0.0858`,
    expected: signal("HBAR/USDT", "long", [0.0912, 0.0895], [0.095, 0.099, 0.104], 0.0858, {
      market: "spot",
    }),
  },
  {
    family: "markdown",
    text: "**`ENA/USDT`** __LONG__\n> Entry: `0.912`\n> TP: `0.935` / `0.962`\n> SL: `0.884`",
    expected: signal("ENA/USDT", "long", [0.912], [0.935, 0.962], 0.884),
  },
  {
    family: "chart-links",
    text: `JUP/USDT LONG
Entry 0.982
TP 1.010 1.045
SL 0.951
Chart: https://www.tradingview.com/x/AbC12345/`,
    expected: signal("JUP/USDT", "long", [0.982], [1.01, 1.045], 0.951),
  },
  {
    family: "emoji-sides",
    text: `🟢 STRK/USDT
Entry: 0.612
TP: 0.630 0.651
🔴 SL: 0.594`,
    expected: signal("STRK/USDT", "long", [0.612], [0.63, 0.651], 0.594),
  },
  {
    family: "labelled-block",
    text: `COIN: $PYTH/USDT
Direction: LONG
Exchange: Binance Futures
Leverage: 12x
ENTRY: 0.4120 - 0.4050
TARGETS: 0.4200 - 0.4290 - 0.4410
STOP LOSS: 0.3960`,
    expected: signal("PYTH/USDT", "long", [0.412, 0.405], [0.42, 0.429, 0.441], 0.396, {
      leverage: lev(12),
      exchange: "Binance",
      market: "futures",
    }),
  },
  {
    family: "breakout",
    text: "AAVE/USDT long above 96.40\nTP 98.10 / 100.50\nSL 93.80",
    expected: signal("AAVE/USDT", "long", [96.4], [98.1, 100.5], 93.8, {
      entryType: "breakout_above",
    }),
  },
  {
    family: "side-phrases",
    text: `Consider buying #CRV/USDT for short term
Entry: 0.512 - 0.498
Targets: 0.530 / 0.548 / 0.575
Stop: 0.479`,
    expected: signal("CRV/USDT", "long", [0.512, 0.498], [0.53, 0.548, 0.575], 0.479),
  },
  {
    family: "ambiguous",
    text: `MKR/USDT LONG
Entry: 2410
Targets: 2380 / 2450 / 2500
SL: 2350`,
    expected: unsure({ pair: "MKR/USDT" }),
  },
  {
    family: "ambiguous",
    text: `SNX/USDT SHORT
Entry: 2.840
TP: 2.790 2.720
SL: 2.760`,
    expected: unsure({ pair: "SNX/USDT" }),
  },
  {
    family: "fu-target-hit",
    text: `Binance Futures, ByBit USDT
#KAVA/USDT Take-Profit target 2 ✅
Profit: 42.5% 📈
Period: 3 Hours 12 Minutes ⏰`,
    expected: followUp("target_hit", { targetIndex: 2 }, { pair: "KAVA/USDT", statedPnlPct: 42.5 }),
  },
  {
    family: "fu-target-hit",
    text: "$INJ target 1 done 🎯 +18%",
    expected: followUp("target_hit", { targetIndex: 1 }, { pair: "INJ", statedPnlPct: 18 }),
  },
  {
    family: "fu-all-targets",
    text: `#RUNE/USDT
All take-profit targets achieved 😎
Profit: 96.1% 📈
Period: 2 Days 4 Hours ⏰`,
    expected: followUp("target_hit", {}, { pair: "RUNE/USDT", statedPnlPct: 96.1 }),
  },
  {
    family: "fu-entry-filled",
    text: `#KAVA/USDT
All entry targets achieved
Average Entry Price: 0.6065 💵`,
    expected: followUp("entry_hit", { price: 0.6065 }, { pair: "KAVA/USDT" }),
  },
  {
    family: "fu-entry-filled",
    text: "ARB/USDT entry 2 filled at 1.118",
    expected: followUp("entry_hit", { entryIndex: 2, price: 1.118 }, { pair: "ARB/USDT" }),
  },
  {
    family: "fu-stop-hit",
    text: "#SNX/USDT stop loss hit ❌ -12.4%",
    expected: followUp("stop_hit", {}, { pair: "SNX/USDT", statedPnlPct: -12.4 }),
  },
  {
    family: "fu-cancel",
    text: "$GALA short cancelled — entry never triggered.",
    expected: followUp("cancel", {}, { pair: "GALA" }),
  },
  {
    family: "fu-close",
    text: "Close $AAVE short now at market",
    expected: followUp("close", {}, { pair: "AAVE" }),
  },
  {
    family: "fu-close",
    text: "Closed #LTC/USDT at 82.10 with +9.6% profit 💰",
    expected: followUp("close", { price: 82.1 }, { pair: "LTC/USDT", statedPnlPct: 9.6 }),
  },
  {
    family: "fu-partial",
    text: "SOL/USDT: book 50% here and let the rest ride",
    expected: followUp("partial_close", { percent: 50 }, { pair: "SOL/USDT" }),
  },
  {
    family: "fu-move-stop",
    text: "#AVAX/USDT move stop to entry",
    expected: followUp("move_stop", { breakeven: true }, { pair: "AVAX/USDT" }),
  },
  {
    family: "trap-scam",
    text: `⚠️ SCAM ALERT ⚠️
Someone is DMing members pretending to be our team with this "VIP signal":
"BTC/USDT LONG Entry 61000 TP 65000 SL 59000"
We NEVER send signals in DMs. Block and report.`,
    expected: note(),
  },
  {
    family: "trap-recap",
    text: `📊 Weekly results
#KAVA/USDT ✅ +42%
#RUNE/USDT ✅ +96%
#SNX/USDT ❌ -12%
#MKR/USDT ✅ +17%
Total: +143% 🚀`,
    expected: note(),
  },
  {
    family: "trap-risk",
    text: "Reminder: always set your stop loss and never risk more than 2% per trade. SL is not optional!",
    expected: note(),
  },
  {
    family: "trap-teaser",
    text: "Next signal in 10 minutes 👀 big move coming on a top-20 coin. Get ready!",
    expected: note(),
  },
  {
    family: "trap-teaser",
    text: "POLL: where does BTC close this week?\n🅰️ above 65000\n🅱️ below 60000",
    expected: note(),
  },
  {
    family: "trap-commentary",
    text: "BTC rejected at 64,800 again, support sits at 61,200. If that breaks, 58k is next. No trade for now.",
    expected: note(),
  },
];
