import { followUp, lev, note, signal, unsure, type CorpusMessage } from "./types.js";

/**
 * A second unseen part: written after the parser changes for issue #14 and scored before any
 * further change (the README reports that first score). Synthetic: coins and prices invented.
 */
export const FRESH: CorpusMessage[] = [
  {
    family: "cornix-block",
    text: `🔥 #APT/USDT (Short📉, x20) 🔥
Entry - 8.612
SL - 8.905

Take-Profit:
🥉 8.480 (40% of profit)
🥈 8.350 (60% of profit)
🥇 8.120 (80% of profit)
🚀 7.800 (100% of profit)`,
    expected: signal("APT/USDT", "short", [8.612], [8.48, 8.35, 8.12, 7.8], 8.905, {
      leverage: lev(20),
    }),
  },
  {
    family: "cornix-block",
    text: `#SUI/USDT
Exchanges: Bybit USDT, Binance Futures, OKX
Signal Type: Regular (Long)
Leverage: Cross (75X)
Entry Targets:
1) 1.6020
2) 1.5880
Take-Profit Targets:
1) 1.6150
2) 1.6290
3) 1.6480
4) 1.6700
5) 1.7000
6) 1.7400
Stop Targets:
1) 1.5540`,
    expected: signal(
      "SUI/USDT",
      "long",
      [1.602, 1.588],
      [1.615, 1.629, 1.648, 1.67, 1.7, 1.74],
      1.554,
      { leverage: lev(75, "cross"), exchange: "Bybit" },
    ),
  },
  {
    family: "numbered-paren",
    text: `#TRB/USDT SHORT
ENTRY: 96.50 - 98.20
TAKE PROFIT:
1) 94.80
2) 93.10
3) 90.60
STOP: 101.40`,
    expected: signal("TRB/USDT", "short", [96.5, 98.2], [94.8, 93.1, 90.6], 101.4),
  },
  {
    family: "numbered-dot",
    text: `RUNE/USDT LONG
Buying zone: 5.62-5.48
Targets:
1. 5.78
2. 5.95
3. 6.20
Stoploss: 5.29`,
    expected: signal("RUNE/USDT", "long", [5.62, 5.48], [5.78, 5.95, 6.2], 5.29, {
      entryType: "zone",
    }),
  },
  {
    family: "target-allocations",
    text: `OP/USDT LONG
Entry: 2.480
TP1: 2.530 (close 25%)
TP2: 2.590 (close 25%)
TP3: 2.680 (close 50%)
SL: 2.410 (after TP1 move SL to entry)`,
    expected: signal("OP/USDT", "long", [2.48], [2.53, 2.59, 2.68], 2.41),
  },
  {
    family: "term-groups",
    text: `#GRT/USDT BUY
Entry: 0.2790 - 0.2740
Short-term targets: 0.2860 | 0.2930
Long-term targets: 0.3100 | 0.3350
SL: 0.2660`,
    expected: signal("GRT/USDT", "long", [0.279, 0.274], [0.286, 0.293, 0.31, 0.335], 0.266),
  },
  {
    family: "emoji-keys",
    text: `🟢 LONG — #BCH/USDT
🏁 Entry: 351.4
💸 Take profit: 356 / 362 / 371
🧯 Stop: 342.8`,
    expected: signal("BCH/USDT", "long", [351.4], [356, 362, 371], 342.8),
  },
  {
    family: "emoji-keys",
    text: `ICP/USDT SHORT ⚡
➡️ Entry: 9.94
✅ Targets: 9.78 / 9.60 / 9.35
❌ Stop: 10.18`,
    expected: signal("ICP/USDT", "short", [9.94], [9.78, 9.6, 9.35], 10.18),
  },
  {
    family: "tp-per-line",
    text: `FIL/USDT LONG (Isolated 10x)
Entry price: 4.180
Take profit 1: 4.250
Take profit 2: 4.330
Take profit 3: 4.450
Stop loss: 4.060`,
    expected: signal("FIL/USDT", "long", [4.18], [4.25, 4.33, 4.45], 4.06, {
      leverage: lev(10, "isolated"),
    }),
  },
  {
    family: "pipe-one-liner",
    text: "🔴 SHORT | #UNIUSDT | Entry 7.82 | TP1 7.70 | TP2 7.55 | SL 8.01 | Lev 15x",
    expected: signal("UNI/USDT", "short", [7.82], [7.7, 7.55], 8.01, { leverage: lev(15) }),
  },
  {
    family: "inline-one-liner",
    text: "Taking a long on INJ/USDT at 23.40, first target 24.10, second 24.90, invalidation 22.70",
    expected: signal("INJ/USDT", "long", [23.4], [24.1, 24.9], 22.7),
  },
  {
    family: "inline-one-liner",
    text: "ETH/USDT short from 3210, TP 3150/3090/3010, SL 3265, 25x",
    expected: signal("ETH/USDT", "short", [3210], [3150, 3090, 3010], 3265, {
      leverage: lev(25),
    }),
  },
  {
    family: "cmp-dca",
    text: `#NEAR/USDT LONG
Entry: at market price 5.31
Second entry (DCA): 5.12
TP: 5.45 - 5.60 - 5.85
SL: 4.98`,
    expected: signal("NEAR/USDT", "long", [5.31, 5.12], [5.45, 5.6, 5.85], 4.98, {
      entryType: "market",
    }),
  },
  {
    family: "decimal-comma",
    text: `MATIC/USDT SHORT
Entry: 0,7340
Targets: 0,7220 | 0,7100 | 0,6950
Stop: 0,7480`,
    expected: signal("MATIC/USDT", "short", [0.734], [0.722, 0.71, 0.695], 0.748),
  },
  {
    family: "thousands",
    text: `BTC/USDT LONG 🚀
Entry: 58,900 - 58,400
TP1: 59,600
TP2: 60,300
TP3: 61,500
SL: 57,650`,
    expected: signal("BTC/USDT", "long", [58900, 58400], [59600, 60300, 61500], 57650),
  },
  {
    family: "sats",
    text: `#ENJ/BTC
Buy: 520-505
Sell: 540-565-600
Stop: 480`,
    expected: signal(
      "ENJ/BTC",
      "long",
      [0.0000052, 0.00000505],
      [0.0000054, 0.00000565, 0.000006],
      0.0000048,
    ),
  },
  {
    family: "lowercase",
    text: "tia/usdt short @ 11.60, tp 11.35 / 11.05, sl 11.90",
    expected: signal("TIA/USDT", "short", [11.6], [11.35, 11.05], 11.9),
  },
  {
    family: "digit-symbols",
    text: `1000SHIB/USDT LONG
Entry: 0.02410
TP: 0.02470 0.02540
SL: 0.02350`,
    expected: signal("1000SHIB/USDT", "long", [0.0241], [0.0247, 0.0254], 0.0235),
  },
  {
    family: "tiny-prices",
    text: `#BABYDOGE/USDT LONG
Entry: 0.0000000021
TP: 0.0000000023 / 0.0000000025
SL: 0.0000000019`,
    expected: signal(
      "BABYDOGE/USDT",
      "long",
      [0.0000000021],
      [0.0000000023, 0.0000000025],
      0.0000000019,
    ),
  },
  {
    family: "percent-targets",
    text: `SEI/USDT LONG
Entry: 0.4400
TP: +5% / +10% / +20%
SL: -5%`,
    expected: unsure({ pair: "SEI/USDT", side: "long", entries: [0.44], targets: [] }),
  },
  {
    family: "leverage-range",
    text: `WLD/USDT SHORT
Leverage: 10-20x (cross)
Entry: 2.290
TP: 2.240 / 2.180
SL: 2.350`,
    expected: signal("WLD/USDT", "short", [2.29], [2.24, 2.18], 2.35, {
      leverage: lev(20, "cross"),
    }),
  },
  {
    family: "margin-mode",
    text: `LTC/USDT LONG
Margin mode: isolated | Leverage: 5x
Entry: 82.30
TP: 84.00 / 86.10
SL: 80.40`,
    expected: signal("LTC/USDT", "long", [82.3], [84, 86.1], 80.4, {
      leverage: lev(5, "isolated"),
    }),
  },
  {
    family: "market-tags",
    text: `Spot trade 🟢
#RNDR/USDT
Buy: 7.10 - 6.95
Targets: 7.45 / 7.90 / 8.60
SL: 6.70`,
    expected: signal("RNDR/USDT", "long", [7.1, 6.95], [7.45, 7.9, 8.6], 6.7, { market: "spot" }),
  },
  {
    family: "markdown",
    text: "**Pair:** `ATOM/USDT`\n**Side:** 🔴 Short\n**Entry:** `8.95`\n**Targets:** `8.80` `8.62` `8.40`\n**Stop:** `9.18`",
    expected: signal("ATOM/USDT", "short", [8.95], [8.8, 8.62, 8.4], 9.18),
  },
  {
    family: "chart-links",
    text: `AAVE/USDT LONG 📊 chart: https://www.tradingview.com/x/Aave94Up/
Entry 94.20
TP 96.00 98.40
SL 91.90`,
    expected: signal("AAVE/USDT", "long", [94.2], [96, 98.4], 91.9),
  },
  {
    family: "emoji-sides",
    text: `📈 #LINK/USDT
Entry: 13.95
Targets: 14.30 / 14.70
🔴 Stop: 13.55`,
    expected: signal("LINK/USDT", "long", [13.95], [14.3, 14.7], 13.55),
  },
  {
    family: "labelled-block",
    text: `Token: $FET/USDT
Direction: Long 🟢
Entry: 1.480 - 1.455
Target 1: 1.520
Target 2: 1.565
Target 3: 1.630
Stop loss: 1.410
Leverage: Isolated 8x`,
    expected: signal("FET/USDT", "long", [1.48, 1.455], [1.52, 1.565, 1.63], 1.41, {
      leverage: lev(8, "isolated"),
    }),
  },
  {
    family: "breakout",
    text: `DOGE/USDT SHORT
Entry on a breakdown below 0.1490
TP: 0.1450 / 0.1410
SL: 0.1530`,
    expected: signal("DOGE/USDT", "short", [0.149], [0.145, 0.141], 0.153, {
      entryType: "breakout_below",
    }),
  },
  {
    family: "side-phrases",
    text: `Short-term long on #ARB/USDT
Entry: 1.132
TP: 1.160 / 1.190
SL: 1.101`,
    expected: signal("ARB/USDT", "long", [1.132], [1.16, 1.19], 1.101),
  },
  {
    family: "ambiguous",
    text: `SOL/USDT LONG
Entry: 141.20
TP: 143.00 / 145.50
SL: 138.00
LONG SOL above 150 or SHORT below 135`,
    expected: unsure({ pair: "SOL/USDT" }),
  },
  {
    family: "ambiguous",
    text: `ETH/USDT LONG
Entry: 3100
TP1: 3200
TP2: 3150
SL: 3000`,
    expected: unsure({ pair: "ETH/USDT" }),
  },
  {
    family: "fu-target-hit",
    text: "#APT/USDT Take-Profit target 3 ✅\nProfit: 55.2% 📈\nPeriod: 6 Hours 2 Minutes ⏰",
    expected: followUp("target_hit", { targetIndex: 3 }, { pair: "APT/USDT", statedPnlPct: 55.2 }),
  },
  {
    family: "fu-target-hit",
    text: "TP1 ✅ book some profit",
    context: { isReply: true },
    expected: followUp("target_hit", { targetIndex: 1 }),
  },
  {
    family: "fu-all-targets",
    text: "#SUI/USDT all 6 targets hit 🎯🎯🎯 +212%",
    expected: followUp("target_hit", {}, { pair: "SUI/USDT", statedPnlPct: 212 }),
  },
  {
    family: "fu-entry-filled",
    text: "#TRB/USDT Entry 1 ✅ Average Entry Price: 96.50",
    expected: followUp("entry_hit", { entryIndex: 1, price: 96.5 }, { pair: "TRB/USDT" }),
  },
  {
    family: "fu-stop-hit",
    text: "RUNE/USDT hit SL 🛑 -4.1%",
    expected: followUp("stop_hit", {}, { pair: "RUNE/USDT", statedPnlPct: -4.1 }),
  },
  {
    family: "fu-cancel",
    text: "⚠️ #GRT/USDT signal cancelled, price moved away before entry",
    expected: followUp("cancel", {}, { pair: "GRT/USDT" }),
  },
  {
    family: "fu-close",
    text: "Closing #BCH/USDT now at 357.2 (+1.6%)",
    expected: followUp("close", { price: 357.2 }, { pair: "BCH/USDT", statedPnlPct: 1.6 }),
  },
  {
    family: "fu-partial",
    text: "#ICP/USDT take 50% off at 9.60",
    expected: followUp("partial_close", { percent: 50, price: 9.6 }, { pair: "ICP/USDT" }),
  },
  {
    family: "fu-move-stop",
    text: "#FIL/USDT stop loss moved to 4.250 🔒",
    expected: followUp("move_stop", { newStop: 4.25 }, { pair: "FIL/USDT" }),
  },
  {
    family: "trap-scam",
    text: `🛑 Impersonators are active. This message is NOT from our team:
"$UNI long 7.8 tp 9 sl 7.5, send 50 USDT to join VIP"`,
    expected: note(),
  },
  {
    family: "trap-recap",
    text: `Today's calls ✅
$APT short → TP3 ✅ +55%
$SUI long → TP6 ✅ +212%
$RUNE long → SL ❌ -4%`,
    expected: note(),
  },
  {
    family: "trap-risk",
    text: "Never move your stop loss further away. If it's hit, it's hit.",
    expected: note(),
  },
  {
    family: "trap-teaser",
    text: "Something big on the 4H for a top-10 coin… signal drops in 15 min ⏳",
    expected: note(),
  },
  {
    family: "trap-commentary",
    text: "ETH/BTC at 0.0512, lowest since 2021. If it loses 0.05, alts bleed further. Watching.",
    expected: note(),
  },
];
