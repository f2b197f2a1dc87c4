import { family, lev, signal } from "./types.js";

/** Cornix-bot blocks: Exchanges, Signal Type, Leverage: Cross (20X), numbered target lists. */
export const CORNIX_BLOCK = family("cornix-block", [
  [
    `📍Coin : #GMX/USDT
Exchanges: Binance Futures
Signal Type: Regular (Short)
Leverage: Cross (25X)

Entry Targets:
1) 28.45
2) 28.90

Take-Profit Targets:
1) 28.10
2) 27.75
3) 27.20
4) 26.50

Stop Targets:
1) 29.65`,
    signal("GMX/USDT", "short", [28.45, 28.9], [28.1, 27.75, 27.2, 26.5], 29.65, {
      leverage: lev(25, "cross"),
      exchange: "Binance",
      market: "futures",
    }),
  ],
  [
    `#ZRX/USDT
Exchanges: ByBit USDT, Binance Futures
Signal Type: Regular (Long)
Leverage: Isolated (5X)
Entry Targets:
1) 0.3412
Take-Profit Targets:
1) 0.3490
2) 0.3575
3) 0.3690
Stop Targets:
1) 0.3290`,
    signal("ZRX/USDT", "long", [0.3412], [0.349, 0.3575, 0.369], 0.329, {
      leverage: lev(5, "isolated"),
      exchange: "Bybit",
    }),
  ],
  [
    `⚡⚡ #QNT/USDT ⚡⚡
Client: Binance Futures
Trade Type: Regular (Long)
Leverage: Cross (10.0X)

Entry Orders:
1) 104.20
2) 101.80

Take-Profit Orders:
1) 106.40
2) 108.90
3) 112.00

Stop-loss Orders:
1) 98.70`,
    signal("QNT/USDT", "long", [104.2, 101.8], [106.4, 108.9, 112], 98.7, {
      leverage: lev(10, "cross"),
    }),
  ],
  [
    `#IMX/USDT
Signal Type: Regular (Short)
Leverage: Cross (20X)
Entry Targets:
1) 1.642 - 1.668
Take-Profit Targets:
1) 1.615
2) 1.590
3) 1.551
Stop Targets:
1) 1.712`,
    signal("IMX/USDT", "short", [1.642, 1.668], [1.615, 1.59, 1.551], 1.712, {
      leverage: lev(20, "cross"),
    }),
  ],
  [
    `#ETC/USDT
Exchanges: Binance Futures
Signal Type: Regular (Long)
Leverage: Cross (15X)
Entry Targets:
1) 24.85
2) 24.40
Take-Profit Targets:
1) 25.30
2) 25.80
3) 26.60
Stop Targets:
1) 23.70

Trailing Configuration:
Stop: Breakeven -
 Trigger: Target (1)`,
    signal("ETC/USDT", "long", [24.85, 24.4], [25.3, 25.8, 26.6], 23.7, {
      leverage: lev(15, "cross"),
    }),
  ],
  [
    `#THETA/USDT
Signal Type: Breakout (Long)
Leverage: Cross (10X)
Entry Targets:
1) 1.935
Take-Profit Targets:
1) 1.980
2) 2.030
Stop Targets:
1) 1.871`,
    signal("THETA/USDT", "long", [1.935], [1.98, 2.03], 1.871, { leverage: lev(10, "cross") }),
  ],
  [
    `#COMP/USDT 🔴
Exchanges: OKX
Signal Type: Regular (Short)
Leverage: Isolated (8X)

Entry Targets:
1) 58.40
2) 59.20
3) 60.10

Take-Profit Targets:
1) 57.30
2) 56.10
3) 54.60
4) 52.80
5) 50.90

Stop Targets:
1) 62.00`,
    signal("COMP/USDT", "short", [58.4, 59.2, 60.1], [57.3, 56.1, 54.6, 52.8, 50.9], 62, {
      leverage: lev(8, "isolated"),
      exchange: "OKX",
    }),
  ],
  [
    `#EGLD/USDT
Signal Type: Regular (Long)
Leverage: Cross (12X)
Entry Targets: 31.20 - 30.60
Take-Profit Targets: 31.90 - 32.70 - 33.80
Stop Targets: 29.70`,
    signal("EGLD/USDT", "long", [31.2, 30.6], [31.9, 32.7, 33.8], 29.7, {
      leverage: lev(12, "cross"),
    }),
  ],
  [
    `#CELO/USDT
Signal Type: Regular (Short)
Leverage: Cross (20X)
Entry Targets:
1) 0.7120 ✅
2) 0.7260
Take-Profit Targets:
1) 0.7010
2) 0.6880
Stop Targets:
1) 0.7450`,
    signal("CELO/USDT", "short", [0.712, 0.726], [0.701, 0.688], 0.745, {
      leverage: lev(20, "cross"),
    }),
  ],
]);
