import { family, lev, signal } from "./types.js";

/** Numbered lists: "1) 25.12", the list number is never a price. */
export const NUMBERED_PAREN = family("numbered-paren", [
  [
    `#AXS/USDT LONG
Entry:
1) 6.420
2) 6.310
Targets:
1) 6.550
2) 6.700
3) 6.920
4) 7.200
Stop loss: 6.090`,
    signal("AXS/USDT", "long", [6.42, 6.31], [6.55, 6.7, 6.92, 7.2], 6.09),
  ],
  [
    `SAND/USDT SHORT
Entry 1) 0.4120
Targets 1) 0.4050 2) 0.3980 3) 0.3870
Stop 0.4240`,
    signal("SAND/USDT", "short", [0.412], [0.405, 0.398, 0.387], 0.424),
  ],
  [
    `MANA/USDT LONG 10x
Buy:
1) 0.3810
2) 0.3755
Take profit:
1) 0.3890
2) 0.3975
3) 0.4100
SL: 0.3660`,
    signal("MANA/USDT", "long", [0.381, 0.3755], [0.389, 0.3975, 0.41], 0.366, {
      leverage: lev(10),
    }),
  ],
  [
    `#KSM/USDT SHORT
Entries: 1) 27.40 2) 27.95
Targets: 1) 26.80 2) 26.10 3) 25.20
Stop: 28.75`,
    signal("KSM/USDT", "short", [27.4, 27.95], [26.8, 26.1, 25.2], 28.75),
  ],
  [
    `ICP/USDT LONG
Entry zone: 9.80 - 9.55
Targets:
1) 10.05
2) 10.40
3) 10.85
4) 11.50
5) 12.30
Stop: 9.20`,
    signal("ICP/USDT", "long", [9.8, 9.55], [10.05, 10.4, 10.85, 11.5, 12.3], 9.2, {
      entryType: "zone",
    }),
  ],
  [
    `1INCH/USDT SHORT
Entry:
1) 0.4012
Targets:
1) 0.3950
2) 0.3880
Stop: 0.4110`,
    signal("1INCH/USDT", "short", [0.4012], [0.395, 0.388], 0.411),
  ],
  [
    `BCH/USDT LONG
Entry: 1) 352.0 2) 346.5 3) 341.0
TP: 1) 358.0 2) 365.0 3) 374.0
SL: 333.0`,
    signal("BCH/USDT", "long", [352, 346.5, 341], [358, 365, 374], 333),
  ],
]);

/** "1. 24.60": a list number with a dot and a space. */
export const NUMBERED_DOT = family("numbered-dot", [
  [
    `XTZ/USDT SHORT
Entries:
1. 0.9420
2. 0.9560
Targets:
1. 0.9280
2. 0.9110
3. 0.8900
Stop: 0.9780`,
    signal("XTZ/USDT", "short", [0.942, 0.956], [0.928, 0.911, 0.89], 0.978),
  ],
  [
    `ALGO/USDT LONG
Entry: 0.1842
Take profit:
1. 0.1880
2. 0.1925
3. 0.1990
Stop loss: 0.1790`,
    signal("ALGO/USDT", "long", [0.1842], [0.188, 0.1925, 0.199], 0.179),
  ],
  [
    `#DYDX/USDT LONG
Entry 1. 2.140 2. 2.095
Targets 1. 2.190 2. 2.250 3. 2.330
SL 2.030`,
    signal("DYDX/USDT", "long", [2.14, 2.095], [2.19, 2.25, 2.33], 2.03),
  ],
  [
    `ENS/USDT SHORT
Entry: 21.80
Targets:
1.  21.30
2.  20.75
3.  20.10
4.  19.20
Stop: 22.60`,
    signal("ENS/USDT", "short", [21.8], [21.3, 20.75, 20.1, 19.2], 22.6),
  ],
  [
    `FLOW/USDT LONG
Buy:
1. 0.7120
2. 0.7010
Sell:
1. 0.7260
2. 0.7410
Stop: 0.6860`,
    signal("FLOW/USDT", "long", [0.712, 0.701], [0.726, 0.741], 0.686),
  ],
  [
    `ZIL/USDT SHORT
Entry: 0.02210
TP:
1. 0.02170
2. 0.02120
SL: 0.02290`,
    signal("ZIL/USDT", "short", [0.0221], [0.0217, 0.0212], 0.0229),
  ],
]);

/** "#1 4.150": a hash-numbered list. */
export const NUMBERED_HASH = family("numbered-hash", [
  [
    `#GRT/USDT LONG
Entry: 0.2840
Targets:
#1 0.2900
#2 0.2975
#3 0.3060
Stop: 0.2750`,
    signal("GRT/USDT", "long", [0.284], [0.29, 0.2975, 0.306], 0.275),
  ],
  [
    `CHZ/USDT SHORT
Entry #1 0.1121 #2 0.1140
TP #1 0.1095 #2 0.1070 #3 0.1035
SL 0.1172`,
    signal("CHZ/USDT", "short", [0.1121, 0.114], [0.1095, 0.107, 0.1035], 0.1172),
  ],
  [
    `#SUSHI/USDT LONG
Entries:
#1 1.212
#2 1.190
Targets:
#1 1.245
#2 1.280
Stop: 1.158`,
    signal("SUSHI/USDT", "long", [1.212, 1.19], [1.245, 1.28], 1.158),
  ],
  [
    `Signal #214
YFI/USDT SHORT
Entry: 7420
Targets: #1 7310 #2 7180 #3 7020
Stop: 7610`,
    signal("YFI/USDT", "short", [7420], [7310, 7180, 7020], 7610),
  ],
  [
    `LRC/USDT LONG
Entry: 0.2315
TP#1 0.2360
TP#2 0.2410
TP#3 0.2480
SL: 0.2250`,
    signal("LRC/USDT", "long", [0.2315], [0.236, 0.241, 0.248], 0.225),
  ],
  [
    `BAT/USDT LONG
Entry: 0.2480
Target #1: 0.2530
Target #2: 0.2590
Target #3: 0.2660
Stop: 0.2410`,
    signal("BAT/USDT", "long", [0.248], [0.253, 0.259, 0.266], 0.241),
  ],
]);

/** Circled digits (① ②) and keycaps (1️⃣) number the targets. */
export const CIRCLED_DIGITS = family("circled-digits", [
  [
    `ONE/USDT SHORT
Entry: 0.01842
Targets:
① 0.01810
② 0.01775
③ 0.01720
Stop: 0.01905`,
    signal("ONE/USDT", "short", [0.01842], [0.0181, 0.01775, 0.0172], 0.01905),
  ],
  [
    `KNC/USDT LONG
Entry ① 0.6420 ② 0.6330
TP ① 0.6550 ② 0.6710 ③ 0.6900
SL 0.6180`,
    signal("KNC/USDT", "long", [0.642, 0.633], [0.655, 0.671, 0.69], 0.618),
  ],
  [
    `#ROSE/USDT LONG
Entry: 0.0912
Targets:
1️⃣ 0.0935
2️⃣ 0.0960
3️⃣ 0.0992
Stop: 0.0880`,
    signal("ROSE/USDT", "long", [0.0912], [0.0935, 0.096, 0.0992], 0.088),
  ],
  [
    `STX/USDT SHORT
Entry: 1.845
TP ❶ 1.810 ❷ 1.772 ❸ 1.720
SL: 1.905`,
    signal("STX/USDT", "short", [1.845], [1.81, 1.772, 1.72], 1.905),
  ],
  [
    `#WOO/USDT LONG
Entry: 0.2210
Targets:
⑴ 0.2265
⑵ 0.2330
Stop: 0.2140`,
    signal("WOO/USDT", "long", [0.221], [0.2265, 0.233], 0.214),
  ],
  [
    `QTUM/USDT LONG
Entries: ① 3.210 ② 3.150
Targets: ① 3.290 ② 3.380 ③ 3.500 ④ 3.650
Stop: 3.060`,
    signal("QTUM/USDT", "long", [3.21, 3.15], [3.29, 3.38, 3.5, 3.65], 3.06),
  ],
]);

/** A percentage after each target is its allocation, never a price. */
export const TARGET_ALLOCATIONS = family("target-allocations", [
  [
    `BNB/USDT LONG
Entry: 571.0
TP1: 578.0 (25%)
TP2: 586.0 (25%)
TP3: 597.0 (50%)
SL: 559.0`,
    signal("BNB/USDT", "long", [571], [578, 586, 597], 559),
  ],
  [
    `#ATOM/USDT SHORT
Entry: 8.740
Targets:
1) 8.610 - 20%
2) 8.480 - 30%
3) 8.300 - 50%
Stop: 8.920`,
    signal("ATOM/USDT", "short", [8.74], [8.61, 8.48, 8.3], 8.92),
  ],
  [
    `Take-Profit Targets:
1) 0.5120 - 40%
2) 0.5260 - 30%
3) 0.5450 - 30%
#XLM/USDT LONG
Entry Targets: 0.5010
Stop Targets: 0.4880`,
    signal("XLM/USDT", "long", [0.501], [0.512, 0.526, 0.545], 0.488),
  ],
  [
    `AAVE/USDT LONG
Entry: 92.40
TP: 94.10 (close 30%), 96.50 (close 30%), 99.80 (rest)
SL: 89.60`,
    signal("AAVE/USDT", "long", [92.4], [94.1, 96.5, 99.8], 89.6),
  ],
  [
    `LINK/USDT SHORT
Entry 14.85
Targets: 14.60 [33%] / 14.30 [33%] / 13.90 [34%]
SL 15.20`,
    signal("LINK/USDT", "short", [14.85], [14.6, 14.3, 13.9], 15.2),
  ],
  [
    `DOT/USDT LONG
Entry: 6.30
Target 1: 6.45 → take 50%
Target 2: 6.70 → take 50%
Stop: 6.08`,
    signal("DOT/USDT", "long", [6.3], [6.45, 6.7], 6.08),
  ],
  [
    `#INJ/USDT LONG
Entry: 23.90
TP1 24.50 (+2.5%)
TP2 25.10 (+5%)
TP3 26.30 (+10%)
SL 23.10 (-3.3%)`,
    signal("INJ/USDT", "long", [23.9], [24.5, 25.1, 26.3], 23.1),
  ],
]);
