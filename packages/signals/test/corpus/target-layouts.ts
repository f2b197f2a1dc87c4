import { family, lev, signal } from "./types.js";

/** Targets split into short-, mid- and long-term groups: one list, in the order written. */
export const TERM_GROUPS = family("term-groups", [
  [
    `#FTM/USDT LONG
Entry: 0.7020 - 0.6880
Short term targets: 0.7200 - 0.7390
Mid term targets: 0.7700 - 0.8100
Stop loss: 0.6590`,
    signal("FTM/USDT", "long", [0.702, 0.688], [0.72, 0.739, 0.77, 0.81], 0.659),
  ],
  [
    `AR/USDT SHORT
Entry: 27.40
Short-term: 26.90 / 26.35
Mid-term: 25.60 / 24.80
Stop: 28.30`,
    signal("AR/USDT", "short", [27.4], [26.9, 26.35, 25.6, 24.8], 28.3),
  ],
  [
    `#LTC/USDT (Spot)
Buy zone: 81.00 - 79.50
Short Term: 83.00 - 84.80
Mid Term: 88.00 - 92.00
Long Term: 100.00
Stop: 76.40`,
    signal("LTC/USDT", "long", [81, 79.5], [83, 84.8, 88, 92, 100], 76.4, {
      entryType: "zone",
      market: "spot",
    }),
  ],
  [
    `KAS/USDT LONG
Entry: 0.1612
Targets (short term): 0.1650, 0.1690
Targets (mid term): 0.1760, 0.1850
SL: 0.1560`,
    signal("KAS/USDT", "long", [0.1612], [0.165, 0.169, 0.176, 0.185], 0.156),
  ],
  [
    `#OCEAN/USDT
Buy: 0.6420 - 0.6310
Short term: 0.6600 0.6780
Mid term: 0.7050 0.7400
Stop: 0.6150`,
    signal("OCEAN/USDT", "long", [0.642, 0.631], [0.66, 0.678, 0.705, 0.74], 0.615),
  ],
  [
    `TRX/USDT LONG
Entry: 0.1205
ST targets: 0.1225 - 0.1240
MT targets: 0.1270 - 0.1310
SL: 0.1175`,
    signal("TRX/USDT", "long", [0.1205], [0.1225, 0.124, 0.127, 0.131], 0.1175),
  ],
  [
    `OP/USDT SHORT 10x
Entry: 2.610
Short Term Targets:
2.570
2.530
Mid Term Targets:
2.460
2.380
Stop: 2.700`,
    signal("OP/USDT", "short", [2.61], [2.57, 2.53, 2.46, 2.38], 2.7, { leverage: lev(10) }),
  ],
]);

/** Emoji keys: 💰 entry, 🎯 targets, 🛑/⛔ stop, 📍 entry or pair. */
export const EMOJI_KEYS = family("emoji-keys", [
  [
    "LINK/USDT\n💵 14.20\n🎯 14.60 / 15.00\n🛑 13.80",
    signal("LINK/USDT", "long", [14.2], [14.6, 15], 13.8),
  ],
  [
    "SOL/USDT SHORT\n📥 142.5\n📤 140.0 / 138.0\n❌ 144.8",
    signal("SOL/USDT", "short", [142.5], [140, 138], 144.8),
  ],
  [
    "DOGE/USDT LONG\nEntry 0.156\nTP 0.16\n📛 0.152",
    signal("DOGE/USDT", "long", [0.156], [0.16], 0.152),
  ],
  [
    `📍 SOL/USDT LONG
💰 Entry: 141.20 - 139.80
🎯 TP: 143.50 / 146.00 / 149.80
🛑 SL: 136.40`,
    signal("SOL/USDT", "long", [141.2, 139.8], [143.5, 146, 149.8], 136.4),
  ],
  [
    `🚀 #APE/USDT SHORT
💵 Entry: 1.182
🎯 1.160
🎯 1.135
🎯 1.101
⛔ 1.221`,
    signal("APE/USDT", "short", [1.182], [1.16, 1.135, 1.101], 1.221),
  ],
  [
    `💎 GALA/USDT LONG 💎
📥 Entry: 0.03920
📤 Targets: 0.04010 - 0.04100 - 0.04250
🛑 Stop loss: 0.03790`,
    signal("GALA/USDT", "long", [0.0392], [0.0401, 0.041, 0.0425], 0.0379),
  ],
  [
    `DOGE/USDT SHORT
💰 0.1588
🎯 0.1560 - 0.1532 - 0.1495
🛑 0.1625`,
    signal("DOGE/USDT", "short", [0.1588], [0.156, 0.1532, 0.1495], 0.1625),
  ],
  [
    `⚡ ETH/USDT LONG ⚡
🔹 Entry: 3085
🎯 TP1: 3120
🎯 TP2: 3160
🎯 TP3: 3215
❌ SL: 3030`,
    signal("ETH/USDT", "long", [3085], [3120, 3160, 3215], 3030),
  ],
  [
    `🪙 #PENDLE/USDT
📈 LONG
💰 Entry zone: 4.120 - 4.040
🎯 Targets: 4.230, 4.350, 4.520
🛑 Stop: 3.910
⚖️ Leverage: 5x`,
    signal("PENDLE/USDT", "long", [4.12, 4.04], [4.23, 4.35, 4.52], 3.91, {
      entryType: "zone",
      leverage: lev(5),
    }),
  ],
  [
    `XRP/USDT LONG
🟩 Entry 0.5920
✅ TP 0.6010 | 0.6090 | 0.6200
🟥 SL 0.5810`,
    signal("XRP/USDT", "long", [0.592], [0.601, 0.609, 0.62], 0.581),
  ],
]);

/** TP1 … TP4 (or T1, Target 1) each on its own line. */
export const TP_PER_LINE = family("tp-per-line", [
  [
    `BTC/USDT SHORT
Entry: 64100
TP1: 63500
TP2: 62800
TP3: 61900
SL: 65000`,
    signal("BTC/USDT", "short", [64100], [63500, 62800, 61900], 65000),
  ],
  [
    `#AVAX/USDT LONG
Entry 34.20
T1 - 34.90
T2 - 35.60
T3 - 36.70
Stop 33.10`,
    signal("AVAX/USDT", "long", [34.2], [34.9, 35.6, 36.7], 33.1),
  ],
  [
    `LINK/USDT LONG
Entry: 14.40
Target 1: 14.75
Target 2: 15.10
Target 3: 15.60
Target 4: 16.20
Stop Loss: 13.90`,
    signal("LINK/USDT", "long", [14.4], [14.75, 15.1, 15.6, 16.2], 13.9),
  ],
  [
    `ARB/USDT SHORT
Entry: 1.205
TP 1 - 1.180
TP 2 - 1.152
TP 3 - 1.115
SL: 1.245`,
    signal("ARB/USDT", "short", [1.205], [1.18, 1.152, 1.115], 1.245),
  ],
  [
    `SUI/USDT LONG
Entry 1.585
Tp1 1.620
Tp2 1.660
Tp3 1.715
Sl 1.540`,
    signal("SUI/USDT", "long", [1.585], [1.62, 1.66, 1.715], 1.54),
  ],
  [
    `NEAR/USDT LONG 5x
Entry: 5.210
TP1 ➜ 5.330
TP2 ➜ 5.460
TP3 ➜ 5.640
SL ➜ 5.060`,
    signal("NEAR/USDT", "long", [5.21], [5.33, 5.46, 5.64], 5.06, { leverage: lev(5) }),
  ],
  [
    `TON/USDT SHORT
Entry: 5.840
T1: 5.760
T2: 5.670
T3: 5.540
Stop: 5.960`,
    signal("TON/USDT", "short", [5.84], [5.76, 5.67, 5.54], 5.96),
  ],
  [
    `WIF/USDT LONG
Entry - 2.415
TP1 - 2.470
TP2 - 2.540
SL - 2.330`,
    signal("WIF/USDT", "long", [2.415], [2.47, 2.54], 2.33),
  ],
]);

/** Everything on one line, split by pipes. */
export const PIPE_ONE_LINER = family("pipe-one-liner", [
  [
    "SHORT | ETH/USDT | Entry: 3150 | TP: 3100 / 3060 / 3000 | SL: 3210",
    signal("ETH/USDT", "short", [3150], [3100, 3060, 3000], 3210),
  ],
  [
    "#SOLUSDT | LONG | 20x | E: 142.8 | TP 145.2 - 147.9 | SL 139.6",
    signal("SOL/USDT", "long", [142.8], [145.2, 147.9], 139.6, { leverage: lev(20) }),
  ],
  [
    "BTC/USDT | Long | Entry 60900-60500 | Targets 61600, 62400, 63500 | Stop 59700",
    signal("BTC/USDT", "long", [60900, 60500], [61600, 62400, 63500], 59700),
  ],
  [
    "ADA/USDT | SHORT | Entry 0.4620 | TP1 0.4550 | TP2 0.4480 | TP3 0.4390 | SL 0.4710",
    signal("ADA/USDT", "short", [0.462], [0.455, 0.448, 0.439], 0.471),
  ],
  [
    "LONG ┃ AVAX/USDT ┃ entry 33.40 ┃ tp 34.10 / 34.90 ┃ sl 32.60",
    signal("AVAX/USDT", "long", [33.4], [34.1, 34.9], 32.6),
  ],
  [
    "DOT/USDT | short | 6.42 | tp 6.30 6.18 | sl 6.56 | lev 10x isolated",
    signal("DOT/USDT", "short", [6.42], [6.3, 6.18], 6.56, { leverage: lev(10, "isolated") }),
  ],
  [
    "Pair: TIA/USDT | Side: Long | Entry: 11.05 | TP: 11.40, 11.85 | SL: 10.70",
    signal("TIA/USDT", "long", [11.05], [11.4, 11.85], 10.7),
  ],
]);

/** A single line of plain words. */
export const INLINE_ONE_LINER = family("inline-one-liner", [
  [
    "Long SOL/USDT at 141.5, targets 144 and 147, stop 138.2",
    signal("SOL/USDT", "long", [141.5], [144, 147], 138.2),
  ],
  [
    "Buy LINK/USDT @ 14.20 TP 14.70 15.30 SL 13.80",
    signal("LINK/USDT", "long", [14.2], [14.7, 15.3], 13.8),
  ],
  [
    "Short ETH/USDT 3180 tp 3120 3060 sl 3240",
    signal("ETH/USDT", "short", [3180], [3120, 3060], 3240),
  ],
  [
    "Going long on AVAX/USDT here at 33.9, TP 35 then 36.5, SL 32.8",
    signal("AVAX/USDT", "long", [33.9], [35, 36.5], 32.8),
  ],
  [
    "XRP/USDT short entry 0.6080 target 0.5950 stop 0.6190 (10x)",
    signal("XRP/USDT", "short", [0.608], [0.595], 0.619, { leverage: lev(10) }),
  ],
  [
    "Scalp long BNB/USDT 574-572, TP 579/583, SL 568",
    signal("BNB/USDT", "long", [574, 572], [579, 583], 568),
  ],
  [
    "Opening a short on DOGE/USDT at 0.1612 with targets at 0.1580 and 0.1545, stop at 0.1650.",
    signal("DOGE/USDT", "short", [0.1612], [0.158, 0.1545], 0.165),
  ],
]);
