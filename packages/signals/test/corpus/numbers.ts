import { family, signal, unsure } from "./types.js";

/** CMP, "Entry at CMP", market entries with a reference price, DCA levels. */
export const CMP_DCA = family("cmp-dca", [
  [
    `#ETH/USDT LONG
Entry: CMP
TP: 3150 / 3200 / 3280
SL: 3020`,
    signal("ETH/USDT", "long", [], [3150, 3200, 3280], 3020, { entryType: "market" }),
  ],
  [
    `SOL/USDT LONG
Buy at CMP 140.60 and DCA at 137.20
Targets: 143.00 - 146.50
Stop: 134.80`,
    signal("SOL/USDT", "long", [140.6, 137.2], [143, 146.5], 134.8, { entryType: "market" }),
  ],
  [
    `#LINK/USDT SHORT
Entry: Market (14.95)
Targets: 14.70 / 14.40 / 14.00
Stop: 15.30`,
    signal("LINK/USDT", "short", [14.95], [14.7, 14.4, 14], 15.3, { entryType: "market" }),
  ],
  [
    `AVAX/USDT LONG
Entry: CMP - 33.20
DCA: 32.40
TP: 34.50 35.40
SL: 31.60`,
    signal("AVAX/USDT", "long", [33.2, 32.4], [34.5, 35.4], 31.6, { entryType: "market" }),
  ],
  [
    `ADA/USDT LONG
Buy now
Targets: 0.4620 0.4710
Stop: 0.4440`,
    signal("ADA/USDT", "long", [], [0.462, 0.471], 0.444, { entryType: "market" }),
  ],
  [
    `BTC/USDT SHORT
Entry: current price (63800)
Add (DCA) at 64500
Targets: 62900 / 62000
SL: 65200`,
    signal("BTC/USDT", "short", [63800, 64500], [62900, 62000], 65200, { entryType: "market" }),
  ],
  [
    `INJ/USDT LONG
CMP: 24.10
DCA 1: 23.60
DCA 2: 23.10
TP: 24.80 / 25.60
SL: 22.50`,
    signal("INJ/USDT", "long", [24.1, 23.6, 23.1], [24.8, 25.6], 22.5, { entryType: "market" }),
  ],
]);

/** Decimal commas: "0,4510", "84,35". */
export const DECIMAL_COMMA = family("decimal-comma", [
  [
    `DOGE/USDT LONG
Entry: 0,1542
TP: 0,1580 / 0,1625
SL: 0,1498`,
    signal("DOGE/USDT", "long", [0.1542], [0.158, 0.1625], 0.1498),
  ],
  [
    `SOL/USDT SHORT
Entry: 142,60
Targets: 140,20 - 137,90
Stop: 145,10`,
    signal("SOL/USDT", "short", [142.6], [140.2, 137.9], 145.1),
  ],
  [
    `XRP/USDT LONG
Entrada/Entry: 0,5875 - 0,5820
TP1 0,5950
TP2 0,6040
SL 0,5740`,
    signal("XRP/USDT", "long", [0.5875, 0.582], [0.595, 0.604], 0.574),
  ],
  [
    "DOT/USDT LONG entry 6,12 tp 6,28 6,45 sl 5,96",
    signal("DOT/USDT", "long", [6.12], [6.28, 6.45], 5.96),
  ],
  [
    `AVAX/USDT SHORT
Entry: 34,8
TP: 34,1 / 33,5
SL: 35,6`,
    signal("AVAX/USDT", "short", [34.8], [34.1, 33.5], 35.6),
  ],
  [
    `TRX/USDT LONG
Entry 0,12150
TP 0,12400 0,12700
SL 0,11880`,
    signal("TRX/USDT", "long", [0.1215], [0.124, 0.127], 0.1188),
  ],
]);

/** Thousands separators: "61,250", "1,234.5". */
export const THOUSANDS = family("thousands", [
  [
    `BTC/USDT SHORT
Entry: 64,200
TP: 63,400 / 62,500 / 61,200
SL: 65,100`,
    signal("BTC/USDT", "short", [64200], [63400, 62500, 61200], 65100),
  ],
  [
    `ETH/USDT LONG
Entry: 3,085.50
Targets: 3,130 - 3,190 - 3,260
Stop: 3,010`,
    signal("ETH/USDT", "long", [3085.5], [3130, 3190, 3260], 3010),
  ],
  [
    `#YFI/USDT LONG
Entry: 7,210 - 7,150
TP: 7,380 / 7,560
SL: 6,980`,
    signal("YFI/USDT", "long", [7210, 7150], [7380, 7560], 6980),
  ],
  [
    "BTC/USDT long 60,450 tp 61,200 62,000 sl 59,800",
    signal("BTC/USDT", "long", [60450], [61200, 62000], 59800),
  ],
  [
    `BTC/USDT LONG
Entry: 61 250
Targets: 62 000 / 63 100
Stop: 60 100`,
    // "61 250" could be one price or two: the spread check must keep it off the card.
    unsure({ pair: "BTC/USDT", side: "long" }),
  ],
  [
    `MKR/USDT SHORT
Entry: 2,845
TP: 2,790 / 2,720
SL: 2,910`,
    signal("MKR/USDT", "short", [2845], [2790, 2720], 2910),
  ],
]);

/**
 * Prices in satoshis: a "sats" unit always, and on a BTC-quoted pair an integer of 10 or more
 * (Cornix shorthand).
 */
export const SATS = family("sats", [
  [
    `#ADA/BTC
Buy: 690 - 675
Sell: 710 - 735 - 770
Stop: 650`,
    signal(
      "ADA/BTC",
      "long",
      [0.0000069, 0.00000675],
      [0.0000071, 0.00000735, 0.0000077],
      0.0000065,
    ),
  ],
  [
    `LINK/BTC LONG
Entry: 22500 sats
Targets: 23100 sats, 23800 sats
Stop: 21700 sats`,
    signal("LINK/BTC", "long", [0.000225], [0.000231, 0.000238], 0.000217),
  ],
  [
    `DOT/BTC
Entry: 10.1K - 9.9K
Targets: 10.4K / 10.8K
Stop: 9.5K`,
    signal("DOT/BTC", "long", [0.000101, 0.000099], [0.000104, 0.000108], 0.000095),
  ],
  [
    `ETH/BTC SHORT
Entry: 0.05120
TP: 0.05040 / 0.04960
SL: 0.05210`,
    signal("ETH/BTC", "short", [0.0512], [0.0504, 0.0496], 0.0521),
  ],
  [
    `#XRP/BTC
Buy: 0.00000935
Sell: 0.00000960 0.00000990
Stop: 0.00000905`,
    signal("XRP/BTC", "long", [0.00000935], [0.0000096, 0.0000099], 0.00000905),
  ],
  [
    `DOGE/BTC LONG
Entry: 245 sat
TP: 252 sat / 260 sat
SL: 236 sat`,
    signal("DOGE/BTC", "long", [0.00000245], [0.00000252, 0.0000026], 0.00000236),
  ],
]);

/** Pairs and keys written in lower case. */
export const LOWERCASE = family("lowercase", [
  [
    "eth/usdt short entry 3175 tp 3120 3070 sl 3230",
    signal("ETH/USDT", "short", [3175], [3120, 3070], 3230),
  ],
  [
    `#solusdt long
entry: 140.9
tp: 143.2 / 145.8
sl: 138.1`,
    signal("SOL/USDT", "long", [140.9], [143.2, 145.8], 138.1),
  ],
  [
    "$link/usdt buy 14.30 targets 14.75 15.20 stop 13.85",
    signal("LINK/USDT", "long", [14.3], [14.75, 15.2], 13.85),
  ],
  [
    `avax-usdt long
entry 33.6
tp 34.4 35.2
sl 32.7`,
    signal("AVAX/USDT", "long", [33.6], [34.4, 35.2], 32.7),
  ],
  [
    "doge/usdt short 0.1620 tp 0.1590 0.1555 sl 0.1655",
    signal("DOGE/USDT", "short", [0.162], [0.159, 0.1555], 0.1655),
  ],
  [
    `#arbusdt short
entry 1.218
targets 1.190 1.160
sl 1.250`,
    signal("ARB/USDT", "short", [1.218], [1.19, 1.16], 1.25),
  ],
  [
    "xrp/usdt long entry 0.5890 tp 0.5970 sl 0.5810",
    signal("XRP/USDT", "long", [0.589], [0.597], 0.581),
  ],
]);

/** Tickers that start with a digit: 1INCH, 1000PEPE, 1000SATS, 10000LADYS. */
export const DIGIT_SYMBOLS = family("digit-symbols", [
  [
    `1000PEPE/USDT LONG
Entry: 0.01120
TP: 0.01160 / 0.01205
SL: 0.01080`,
    signal("1000PEPE/USDT", "long", [0.0112], [0.0116, 0.01205], 0.0108),
  ],
  [
    `#1000SATSUSDT SHORT
Entry: 0.000342
TP: 0.000331 / 0.000320
SL: 0.000356`,
    signal("1000SATS/USDT", "short", [0.000342], [0.000331, 0.00032], 0.000356),
  ],
  [
    "1INCHUSDT long entry 0.3850 tp 0.3940 0.4030 sl 0.3760",
    signal("1INCH/USDT", "long", [0.385], [0.394, 0.403], 0.376),
  ],
  [
    `10000LADYS/USDT LONG
Entry: 0.0000812
Targets: 0.0000845 - 0.0000880
Stop: 0.0000780`,
    signal("10000LADYS/USDT", "long", [0.0000812], [0.0000845, 0.000088], 0.000078),
  ],
  [
    `$1000FLOKI/USDT SHORT
Entry: 0.1820
TP: 0.1785 0.1740
SL: 0.1870`,
    signal("1000FLOKI/USDT", "short", [0.182], [0.1785, 0.174], 0.187),
  ],
  [
    `#1000BONK/USDT.P LONG
Entry 0.02310
TP 0.02380 0.02460
SL 0.02240`,
    signal("1000BONK/USDT", "long", [0.0231], [0.0238, 0.0246], 0.0224, { market: "perp" }),
  ],
]);

/** Prices with 8 or more decimals. */
export const TINY_PRICES = family("tiny-prices", [
  [
    `SHIB/USDT LONG
Entry: 0.00001742
TP: 0.00001790 / 0.00001845
SL: 0.00001690`,
    signal("SHIB/USDT", "long", [0.00001742], [0.0000179, 0.00001845], 0.0000169),
  ],
  [
    `#BONK/USDT SHORT
Entry: 0.000023150
Targets: 0.000022600 - 0.000021900
Stop: 0.000023900`,
    signal("BONK/USDT", "short", [0.00002315], [0.0000226, 0.0000219], 0.0000239),
  ],
  [
    `PEPE/USDT LONG
Entry zone: 0.000008150 - 0.000008020
TP: 0.000008400 / 0.000008700
SL: 0.000007800`,
    signal("PEPE/USDT", "long", [0.00000815, 0.00000802], [0.0000084, 0.0000087], 0.0000078, {
      entryType: "zone",
    }),
  ],
  [
    "FLOKI/USDT long entry 0.00015820 tp 0.00016300 0.00016900 sl 0.00015300",
    signal("FLOKI/USDT", "long", [0.0001582], [0.000163, 0.000169], 0.000153),
  ],
  [
    `#LADYS/USDT SHORT
Entry: 0.0000000925
TP: 0.0000000890 / 0.0000000855
SL: 0.0000000962`,
    signal("LADYS/USDT", "short", [0.0000000925], [0.000000089, 0.0000000855], 0.0000000962),
  ],
  [
    `XEC/USDT LONG
Entry: 0.00003412
TP1 0.00003490
TP2 0.00003580
SL 0.00003330`,
    signal("XEC/USDT", "long", [0.00003412], [0.0000349, 0.0000358], 0.0000333),
  ],
]);

/**
 * Targets written as percentages. We never turn a percentage into a price: the targets stay
 * empty, so the card leads with the message text.
 */
export const PERCENT_TARGETS = family("percent-targets", [
  [
    `SOL/USDT LONG
Entry: 141.00
Targets: 2% / 4% / 7%
SL: 137.50`,
    unsure({ pair: "SOL/USDT", side: "long", entries: [141], targets: [], stopLoss: 137.5 }),
  ],
  [
    `#OP/USDT SHORT
Entry 2.600
TP +3%, +6%, +10%
Stop 2.700`,
    unsure({ pair: "OP/USDT", side: "short", entries: [2.6], targets: [], stopLoss: 2.7 }),
  ],
  [
    `ETH/USDT LONG 10x
Entry: 3100
Take profit: 10% - 20% - 40% (with leverage)
Stop: 3040`,
    unsure({ pair: "ETH/USDT", side: "long", entries: [3100], targets: [], stopLoss: 3040 }),
  ],
  [
    `ARB/USDT LONG
Entry 1.150
TP1 5%
TP2 10%
SL 1.100`,
    unsure({ pair: "ARB/USDT", side: "long", entries: [1.15], targets: [], stopLoss: 1.1 }),
  ],
  [
    `LINK/USDT LONG
Entry: 14.20
Targets: 14.60 / 15.00 / 15.80
Stop: 5% below entry`,
    unsure({ pair: "LINK/USDT", side: "long", entries: [14.2], targets: [14.6, 15, 15.8] }),
  ],
  [
    `AVAX/USDT SHORT
Entry: 34.50
Targets: 1.5% 3% 5%
SL: 35.40`,
    unsure({ pair: "AVAX/USDT", side: "short", entries: [34.5], targets: [], stopLoss: 35.4 }),
  ],
]);
