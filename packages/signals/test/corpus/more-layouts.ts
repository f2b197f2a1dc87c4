import { family, followUp, lev, note, signal, unsure } from "./types.js";

/** Bot-command style: "/signal LONG BTCUSDT entry=… sl=… tp=…". */
export const COMMAND_STYLE = family("command-style", [
  [
    "/signal LONG ETHUSDT entry=3090 sl=3030 tp=3140,3190,3260 lev=10x",
    signal("ETH/USDT", "long", [3090], [3140, 3190, 3260], 3030, { leverage: lev(10) }),
  ],
  [
    "/signal SHORT SOLUSDT entry=142.6 sl=145.4 tp=140.1,137.9",
    signal("SOL/USDT", "short", [142.6], [140.1, 137.9], 145.4),
  ],
  [
    "!long LINK/USDT entry 14.25 tp 14.70 15.10 sl 13.85",
    signal("LINK/USDT", "long", [14.25], [14.7, 15.1], 13.85),
  ],
  [
    "/trade pair=AVAX/USDT side=short entry=34.6 tp=34.0/33.2 sl=35.4",
    signal("AVAX/USDT", "short", [34.6], [34, 33.2], 35.4),
  ],
  [
    "/signal long DOGEUSDT entry=0.1562 tp=0.1600 sl=0.1525 leverage=5",
    signal("DOGE/USDT", "long", [0.1562], [0.16], 0.1525, { leverage: lev(5) }),
  ],
  ["/close", followUp("close"), { isReply: true }],
]);

/** Cornix spot layout: Buy … Sell … Stop, the side left to the prices. */
export const CORNIX_SPOT = family("cornix-spot", [
  [
    `#ALGO/USDT
Buy: 0.1810 - 0.1780
Sell: 0.1860 - 0.1920 - 0.2010
Stop: 0.1720`,
    signal("ALGO/USDT", "long", [0.181, 0.178], [0.186, 0.192, 0.201], 0.172),
  ],
  [
    `VET/USDT
Buy zone: 0.02810 - 0.02760
Sell: 0.02900 0.02990 0.03120
Stop: 0.02680`,
    signal("VET/USDT", "long", [0.0281, 0.0276], [0.029, 0.0299, 0.0312], 0.0268, {
      entryType: "zone",
    }),
  ],
  [
    `#EOS/USDT
Entry: 0.7420
Take Profit: 0.7600 / 0.7810
Stop: 0.7230`,
    signal("EOS/USDT", "long", [0.742], [0.76, 0.781], 0.723),
  ],
  [
    `NEO/USDT
Buy 11.20 11.05
Sell 11.60 12.00 12.50
Stop 10.70`,
    signal("NEO/USDT", "long", [11.2, 11.05], [11.6, 12, 12.5], 10.7),
  ],
  [
    `#IOTA/USDT
Buy: 0.2210
Targets: 0.2280, 0.2350, 0.2440
Stop loss: 0.2130`,
    signal("IOTA/USDT", "long", [0.221], [0.228, 0.235, 0.244], 0.213),
  ],
  [
    `DASH/USDT
Entry: 28.40
Target: 27.60 / 26.80
Stop: 29.30`,
    signal("DASH/USDT", "short", [28.4], [27.6, 26.8], 29.3),
  ],
]);

/** One line per numbered entry: "Entry 1: …", "Entry 2: …". */
export const ENTRY_LINES = family("entry-lines", [
  [
    `ETH/USDT LONG
Entry 1: 3095
Entry 2: 3060
TP: 3140 / 3190
SL: 3010`,
    signal("ETH/USDT", "long", [3095, 3060], [3140, 3190], 3010),
  ],
  [
    `SOL/USDT SHORT
E1: 142.5
E2: 144.0
TP1: 140.0
TP2: 137.5
SL: 146.2`,
    signal("SOL/USDT", "short", [142.5, 144], [140, 137.5], 146.2),
  ],
  [
    `LINK/USDT LONG
1st entry: 14.30
2nd entry: 14.05
Targets: 14.70 / 15.20
Stop: 13.75`,
    signal("LINK/USDT", "long", [14.3, 14.05], [14.7, 15.2], 13.75),
  ],
  [
    `AVAX/USDT LONG
Entry #1 - 33.80
Entry #2 - 33.20
Target #1 - 34.60
Target #2 - 35.40
Stop - 32.50`,
    signal("AVAX/USDT", "long", [33.8, 33.2], [34.6, 35.4], 32.5),
  ],
  [
    `DOGE/USDT SHORT
Entry1 0.1628
Entry2 0.1645
Tp1 0.1590
Tp2 0.1555
Sl 0.1680`,
    signal("DOGE/USDT", "short", [0.1628, 0.1645], [0.159, 0.1555], 0.168),
  ],
]);

/** A "k" suffix for thousands. */
export const K_SUFFIX = family("k-suffix", [
  [
    "BTC/USDT long 61.2k, tp 62k / 63.5k, sl 60.4k",
    signal("BTC/USDT", "long", [61200], [62000, 63500], 60400),
  ],
  [
    `BTC/USDT SHORT
Entry: 64.5k - 65k
TP: 63k / 61.8k
SL: 66k`,
    signal("BTC/USDT", "short", [64500, 65000], [63000, 61800], 66000),
  ],
  [
    "ETH/USDT LONG entry 3.1k tp 3.2k 3.3k sl 3.05k",
    signal("ETH/USDT", "long", [3100], [3200, 3300], 3050),
  ],
  [
    `YFI/USDT LONG
Entry: 7.2K
TP: 7.5K / 7.9K
SL: 6.9K`,
    signal("YFI/USDT", "long", [7200], [7500, 7900], 6900),
  ],
  ["BTC/USDT short 63,9k tp 63k sl 64,8k", signal("BTC/USDT", "short", [63900], [63000], 64800)],
]);

/**
 * A coin without its quote ("#SOL", "$AVAX"): the pair is ambiguous (USDT? USDC? spot or perp?),
 * so the card leads with the message.
 */
export const BASE_ONLY = family("base-only", [
  [
    `#SOL LONG
Entry: 140.5
TP: 143 / 146
SL: 137.5`,
    unsure({ pair: "SOL", side: "long", entries: [140.5], targets: [143, 146], stopLoss: 137.5 }),
  ],
  [
    "$AVAX short entry 34.5 tp 33.8 33.0 sl 35.3",
    unsure({ pair: "AVAX", side: "short", entries: [34.5], targets: [33.8, 33], stopLoss: 35.3 }),
  ],
  [
    `LINK LONG
Entry 14.20
TP 14.60
SL 13.80`,
    unsure({ pair: "LINK", side: "long", entries: [14.2], targets: [14.6], stopLoss: 13.8 }),
  ],
  [
    "#DOGE 🟢 0.1560 TP 0.1600 SL 0.1520",
    unsure({ pair: "DOGE", side: "long", entries: [0.156], targets: [0.16], stopLoss: 0.152 }),
  ],
  [
    `Coin: #INJ
Long
Entry: 24.00
Targets: 24.80 / 25.60
Stop: 23.20`,
    unsure({ pair: "INJ", side: "long", entries: [24], targets: [24.8, 25.6], stopLoss: 23.2 }),
  ],
]);

/** Targets one per line under their label, with no numbers. */
export const BARE_TARGET_LINES = family("bare-target-lines", [
  [
    `ETH/USDT LONG
Entry: 3090
Targets:
3130
3170
3225
Stop: 3035`,
    signal("ETH/USDT", "long", [3090], [3130, 3170, 3225], 3035),
  ],
  [
    `SOL/USDT SHORT
Entry:
142.80
143.60
Take-Profit:
140.50
138.20
Stop: 145.40`,
    signal("SOL/USDT", "short", [142.8, 143.6], [140.5, 138.2], 145.4),
  ],
  [
    `🎯 Targets:
14.60$
14.95$
15.40$
LINK/USDT LONG
Entry: 14.25$
Stop: 13.85$`,
    signal("LINK/USDT", "long", [14.25], [14.6, 14.95, 15.4], 13.85),
  ],
  [
    `AVAX/USDT LONG
Entry: 33.70

Targets:

34.40
35.10

Stop: 32.90`,
    signal("AVAX/USDT", "long", [33.7], [34.4, 35.1], 32.9),
  ],
  [
    `DOGE/USDT SHORT
Entry 0.1625
TPs
0.1598
0.1570
0.1530
SL 0.1660`,
    signal("DOGE/USDT", "short", [0.1625], [0.1598, 0.157, 0.153], 0.166),
  ],
]);

/** Several events in one update. */
export const FU_MIXED = family("fu-mixed", [
  [
    "ETH/USDT TP2 hit ✅ closing 50% and SL moved to 3120",
    followUp("partial_close", { targetIndex: 2, percent: 50, newStop: 3120 }, { pair: "ETH/USDT" }),
  ],
  [
    "#SOL/USDT TP1 reached, stop to breakeven 🔒",
    followUp("target_hit", { targetIndex: 1, breakeven: true }, { pair: "SOL/USDT" }),
  ],
  [
    "LINK/USDT: entry 2 filled, new SL 13.70",
    followUp("entry_hit", { entryIndex: 2, newStop: 13.7 }, { pair: "LINK/USDT" }),
  ],
  [
    "AVAX/USDT TP3 ✅ close the rest now, +31% total",
    followUp("close", { targetIndex: 3 }, { pair: "AVAX/USDT", statedPnlPct: 31 }),
  ],
  [
    "DOGE/USDT hit TP1 then came back to entry, closed at breakeven",
    followUp("close", { targetIndex: 1 }, { pair: "DOGE/USDT" }),
  ],
]);

/** Tutorials that show a signal as an example: not a signal. */
export const TRAP_TUTORIAL = family("trap-tutorial", [
  [
    `How to read our signals 📚
Example:
BTC/USDT LONG
Entry: 60000
TP: 61000 / 62000
SL: 59000
Entry is where you buy, TP where you sell, SL where you cut the loss.`,
    note(),
  ],
  [
    `For example, if the signal says "ETH/USDT SHORT entry 3200 tp 3100 sl 3300", you open a short at 3200 and place a stop at 3300.`,
    note(),
  ],
  [
    `Cornix format guide: write "Buy zone 100-200" for a range, otherwise "Buy 100-200" means two entries. Stop must be below entry for longs.`,
    note(),
  ],
  [
    `Example of a bad signal: SOL/USDT long entry 140 tp 135 sl 145 — the targets are below the entry, so skip it.`,
    note(),
  ],
  [
    `Template for analysts:
PAIR/USDT LONG
Entry: x - y
TP: a / b / c
SL: z`,
    note(),
  ],
]);
