import { family, lev, signal, unsure } from "./types.js";

/** Labelled blocks: COIN/PAIR, Direction, Exchange, Leverage, ENTRY, TARGETS, STOP LOSS. */
export const LABELLED_BLOCK = family("labelled-block", [
  [
    `COIN: $NEAR/USDT
Direction: SHORT
Exchange: Bybit USDT
Leverage: Cross 20x
ENTRY: 5.480 - 5.560
TARGETS: 5.400 - 5.310 - 5.190 - 5.020
STOP LOSS: 5.700`,
    signal("NEAR/USDT", "short", [5.48, 5.56], [5.4, 5.31, 5.19, 5.02], 5.7, {
      leverage: lev(20, "cross"),
      exchange: "Bybit",
      market: "perp",
    }),
  ],
  [
    `Pair: LINK/USDT
Position: Long
Entry Price: 14.35
Take Profit: 14.80, 15.25, 15.90
Stop Loss: 13.90
Leverage: 10x`,
    signal("LINK/USDT", "long", [14.35], [14.8, 15.25, 15.9], 13.9, { leverage: lev(10) }),
  ],
  [
    `Symbol: ETHUSDT
Side: SELL
Entry: 3195
TP: 3140
SL: 3250`,
    signal("ETH/USDT", "short", [3195], [3140], 3250),
  ],
  [
    `Asset: SOL/USDT
Type: LONG
Entry Zone: 139.80 - 141.20
Targets: 143.50 | 146.00 | 149.50
Invalidation: 136.90`,
    signal("SOL/USDT", "long", [139.8, 141.2], [143.5, 146, 149.5], 136.9, { entryType: "zone" }),
  ],
  [
    `Ticker: AVAX/USDT
Trade: Short
Entries: 34.80 / 35.30
Profit targets: 34.10 / 33.40 / 32.50
Stop-loss: 36.00
Risk: 1% of account`,
    signal("AVAX/USDT", "short", [34.8, 35.3], [34.1, 33.4, 32.5], 36),
  ],
  [
    `COIN: DOGE/USDT
DIRECTION: LONG
ENTRY: 0.1555 - 0.1540 - 0.1525
TARGETS: 0.1590 - 0.1620 - 0.1660
STOP LOSS: 0.1495
Timeframe: 4H`,
    signal("DOGE/USDT", "long", [0.1555, 0.154, 0.1525], [0.159, 0.162, 0.166], 0.1495),
  ],
  [
    `Market: BTC/USDT
Bias: Short
Sell: 64200
Buy back (TP): 63500 / 62700
Stop: 64900`,
    signal("BTC/USDT", "short", [64200], [63500, 62700], 64900),
  ],
]);

/** Breakout entries: "long above", "enter below". */
export const BREAKOUT = family("breakout", [
  [
    `ETH/USDT SHORT below 3050
TP: 3000 / 2950
SL: 3110`,
    signal("ETH/USDT", "short", [3050], [3000, 2950], 3110, { entryType: "breakout_below" }),
  ],
  [
    `SOL/USDT
Enter above 145.20
Targets: 147.80 / 150.50
Stop: 142.10`,
    signal("SOL/USDT", "long", [145.2], [147.8, 150.5], 142.1, { entryType: "breakout_above" }),
  ],
  [
    "BTC/USDT long on a 4H close above 65000, TP 66200 67500, SL 64100",
    signal("BTC/USDT", "long", [65000], [66200, 67500], 64100, { entryType: "breakout_above" }),
  ],
  [
    `LINK/USDT
Enter below 13.80
TP 13.40 13.00
SL 14.20`,
    signal("LINK/USDT", "short", [13.8], [13.4, 13], 14.2, { entryType: "breakout_below" }),
  ],
  [
    `AVAX/USDT LONG
Buy above 35.00
TP: 36.00 / 37.20
SL: 34.10`,
    signal("AVAX/USDT", "long", [35], [36, 37.2], 34.1, { entryType: "breakout_above" }),
  ],
  [
    `ADA/USDT SHORT
Entry: breakdown below 0.4400
Targets: 0.4300 - 0.4200
Stop: 0.4480`,
    signal("ADA/USDT", "short", [0.44], [0.43, 0.42], 0.448, { entryType: "breakout_below" }),
  ],
]);

/** Side phrases: "for short term" is a horizon, "consider buying" is a long. */
export const SIDE_PHRASES = family("side-phrases", [
  [
    `Looking to buy #SOL/USDT for a short-term swing
Entry: 140.20
Targets: 142.50 / 145.00
Stop: 137.80`,
    signal("SOL/USDT", "long", [140.2], [142.5, 145], 137.8),
  ],
  [
    `Consider selling #ETH/USDT in the short term
Entry: 3190
Targets: 3140 / 3090
Stop: 3240`,
    signal("ETH/USDT", "short", [3190], [3140, 3090], 3240),
  ],
  [
    `LINK/USDT long — short term trade
Entry: 14.30
TP: 14.65 / 15.00
SL: 13.95`,
    signal("LINK/USDT", "long", [14.3], [14.65, 15], 13.95),
  ],
  [
    `AVAX/USDT
Bullish setup, going long for the short term
Entry: 33.60
TP: 34.40 / 35.20
SL: 32.80`,
    signal("AVAX/USDT", "long", [33.6], [34.4, 35.2], 32.8),
  ],
  [
    `Short opportunity on DOGE/USDT (mid term)
Entry: 0.1625
TP: 0.1580 / 0.1530
SL: 0.1670`,
    signal("DOGE/USDT", "short", [0.1625], [0.158, 0.153], 0.167),
  ],
  [
    `We are buying ARB/USDT, short squeeze expected
Entry: 1.160
TP: 1.190 / 1.230
SL: 1.125`,
    signal("ARB/USDT", "long", [1.16], [1.19, 1.23], 1.125),
  ],
  [
    `BTC/USDT LONG
Longs above 61k, shorts only below 59k.
Entry: 61200
TP: 62000 / 62800
SL: 60400`,
    unsure({ pair: "BTC/USDT" }),
  ],
]);

/**
 * Inconsistent or ambiguous numbers: the parse must carry low confidence so the card leads with
 * the raw text and a "check the message" marker.
 */
export const AMBIGUOUS = family("ambiguous", [
  [
    `ETH/USDT LONG
Entry: 3100
TP: 3150 / 3150 / 3200
SL: 3040`,
    unsure({ pair: "ETH/USDT" }),
  ],
  [
    `SOL/USDT SHORT
Entry: 141.0
TP: 139.0 / 140.2 / 136.5
SL: 143.5`,
    unsure({ pair: "SOL/USDT" }),
  ],
  [
    `BTC/USDT ETH/USDT LONG
Entry: 61000
TP: 62000
SL: 60000`,
    unsure(),
  ],
  [
    `LINK/USDT LONG
Entry: 14.20
TP: 14.60 / 15.00
SL: 14.50`,
    unsure({ pair: "LINK/USDT" }),
  ],
  [
    `AVAX/USDT SHORT
Entry: 34.50
TP: 35.20 / 36.00
SL: 35.90`,
    unsure({ pair: "AVAX/USDT" }),
  ],
  [
    `ADA/USDT LONG
Entry 0.4500
TP 1 0.4600 2 0.4700
SL 0.4400`,
    unsure({ pair: "ADA/USDT" }),
  ],
  [
    `DOGE/USDT LONG short
Entry: 0.1560
TP: 0.1600
SL: 0.1520`,
    unsure({ pair: "DOGE/USDT" }),
  ],
  [
    `XRP/USDT LONG
Entry: 0.5900
TP: 5.980 / 6.070
SL: 0.5810`,
    unsure({ pair: "XRP/USDT" }),
  ],
  [
    `DOT/USDT LONG
Entry: 6.20
TP: 6.40
SL: 6.00 or 5.90`,
    unsure({ pair: "DOT/USDT" }),
  ],
  [
    `BNB/USDT SHORT
Entry: 575
TP: 570 / 565
Stop: 580
SL: 590`,
    unsure({ pair: "BNB/USDT" }),
  ],
]);
