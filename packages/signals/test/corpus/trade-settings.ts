import { family, lev, signal } from "./types.js";

/** Leverage ranges ("5-10x"): the upper bound is kept, the most a follower may use. */
export const LEVERAGE_RANGE = family("leverage-range", [
  [
    `ETH/USDT LONG
Leverage: 10x - 20x
Entry: 3095
TP: 3140 / 3190
SL: 3040`,
    signal("ETH/USDT", "long", [3095], [3140, 3190], 3040, { leverage: lev(20) }),
  ],
  [
    "SOL/USDT SHORT (5-10x) entry 143.2 tp 140.8 138.5 sl 145.9",
    signal("SOL/USDT", "short", [143.2], [140.8, 138.5], 145.9, { leverage: lev(10) }),
  ],
  [
    `#AVAX/USDT LONG
Lev: 3x-5x
Entry: 33.80
Targets: 34.60, 35.50
Stop: 32.90`,
    signal("AVAX/USDT", "long", [33.8], [34.6, 35.5], 32.9, { leverage: lev(5) }),
  ],
  [
    `BTC/USDT SHORT
Leverage: Cross 25-50x
Entry: 64300
Targets: 63700 / 63000
Stop: 64900`,
    signal("BTC/USDT", "short", [64300], [63700, 63000], 64900, { leverage: lev(50, "cross") }),
  ],
  [
    `LINK/USDT LONG
Use 5x to 10x
Entry 14.10
TP 14.55 15.00
SL 13.70`,
    signal("LINK/USDT", "long", [14.1], [14.55, 15], 13.7, { leverage: lev(10) }),
  ],
  [
    `DOGE/USDT LONG
Leverage: 5x-10x isolated
Entry: 0.1570
TP: 0.1610 0.1650
SL: 0.1530`,
    signal("DOGE/USDT", "long", [0.157], [0.161, 0.165], 0.153, { leverage: lev(10, "isolated") }),
  ],
  [
    `ARB/USDT SHORT
Leverage x10 - x20
Entry 1.210
TP 1.185 1.150
SL 1.240`,
    signal("ARB/USDT", "short", [1.21], [1.185, 1.15], 1.24, { leverage: lev(20) }),
  ],
]);

/** Margin mode next to the leverage, before or after it, in full or as "iso". */
export const MARGIN_MODE = family("margin-mode", [
  [
    `BTC/USDT LONG 20x cross
Entry: 61200
TP: 61800 / 62500
SL: 60500`,
    signal("BTC/USDT", "long", [61200], [61800, 62500], 60500, { leverage: lev(20, "cross") }),
  ],
  [
    `ETH/USDT SHORT
Leverage: 10x (isolated)
Entry: 3180
TP: 3130 3080
SL: 3230`,
    signal("ETH/USDT", "short", [3180], [3130, 3080], 3230, { leverage: lev(10, "isolated") }),
  ],
  [
    `SOL/USDT LONG
Margin: Cross
Leverage: 15x
Entry: 140.5
TP: 143 146
SL: 137.6`,
    signal("SOL/USDT", "long", [140.5], [143, 146], 137.6, { leverage: lev(15, "cross") }),
  ],
  [
    "LINK/USDT SHORT 5x iso entry 15.10 tp 14.80 14.45 sl 15.45",
    signal("LINK/USDT", "short", [15.1], [14.8, 14.45], 15.45, { leverage: lev(5, "isolated") }),
  ],
  [
    `#XRP/USDT LONG
Isolated 12x
Entry: 0.5910
TP: 0.5990 / 0.6080
SL: 0.5820`,
    signal("XRP/USDT", "long", [0.591], [0.599, 0.608], 0.582, { leverage: lev(12, "isolated") }),
  ],
  [
    `ADA/USDT SHORT
Lev: 8x Cross Margin
Entry: 0.4650
TP: 0.4580 0.4500
SL: 0.4730`,
    signal("ADA/USDT", "short", [0.465], [0.458, 0.45], 0.473, { leverage: lev(8, "cross") }),
  ],
  [
    `DOT/USDT LONG
Leverage: 7x ISO
Entry: 6.25
TP: 6.40 6.60
SL: 6.05`,
    signal("DOT/USDT", "long", [6.25], [6.4, 6.6], 6.05, { leverage: lev(7, "isolated") }),
  ],
  [
    `AVAX/USDT LONG
Cross x25
Entry 33.50
TP 34.00 34.70
SL 32.95`,
    signal("AVAX/USDT", "long", [33.5], [34, 34.7], 32.95, { leverage: lev(25, "cross") }),
  ],
]);

/** Spot / futures / perpetual tags. */
export const MARKET_TAGS = family("market-tags", [
  [
    `#FUTURES
BTC/USDT SHORT
Entry: 64000
TP: 63300 / 62600
SL: 64800`,
    signal("BTC/USDT", "short", [64000], [63300, 62600], 64800, { market: "futures" }),
  ],
  [
    `🟢 SPOT CALL 🟢
LINK/USDT
Buy: 14.00 - 13.70
Targets: 14.80 / 15.60 / 16.90
Stop: 13.10`,
    signal("LINK/USDT", "long", [14, 13.7], [14.8, 15.6, 16.9], 13.1, { market: "spot" }),
  ],
  [
    `SOL/USDT Perpetual LONG
Entry: 141.0
TP: 143.6 / 146.2
SL: 138.0`,
    signal("SOL/USDT", "long", [141], [143.6, 146.2], 138, { market: "perp" }),
  ],
  [
    `ETHUSDT.P SHORT
Entry: 3190
TP: 3140 / 3095
SL: 3240`,
    signal("ETH/USDT", "short", [3190], [3140, 3095], 3240, { market: "perp" }),
  ],
  [
    `Binance Spot
ADA/USDT buy
Entry: 0.4500
Sell: 0.4650 0.4800
Stop: 0.4350`,
    signal("ADA/USDT", "long", [0.45], [0.465, 0.48], 0.435, {
      market: "spot",
      exchange: "Binance",
    }),
  ],
  [
    `[FUTURES] DOGE/USDT LONG 10x
Entry: 0.1560
TP: 0.1600 0.1640
SL: 0.1520`,
    signal("DOGE/USDT", "long", [0.156], [0.16, 0.164], 0.152, {
      market: "futures",
      leverage: lev(10),
    }),
  ],
  [
    `Bybit perp
ARB/USDT SHORT
Entry: 1.215
TP: 1.190 / 1.160
SL: 1.245`,
    signal("ARB/USDT", "short", [1.215], [1.19, 1.16], 1.245, {
      market: "perp",
      exchange: "Bybit",
    }),
  ],
]);
