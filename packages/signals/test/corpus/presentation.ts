import { family, lev, signal } from "./types.js";

/** Discord markdown: bold, underline, code spans and blocks, quotes, spoilers, headings. */
export const MARKDOWN = family("markdown", [
  [
    "**#ETH/USDT LONG**\nEntry: 3100\nTP: 3200 / 3300\nSL: 3000\n#CryptoSignals #Binance #trading",
    signal("ETH/USDT", "long", [3100], [3200, 3300], 3000),
  ],
  [
    "## 🔥 **BTC/USDT** LONG\n**Entry:** `61500`\n**TP:** `62200` / `63000`\n**SL:** `60700`",
    signal("BTC/USDT", "long", [61500], [62200, 63000], 60700),
  ],
  [
    "```\nETH/USDT SHORT\nEntry: 3190\nTP: 3140 / 3090\nSL: 3245\n```",
    signal("ETH/USDT", "short", [3190], [3140, 3090], 3245),
  ],
  [
    "> **SOL/USDT** — *LONG*\n> Entry: __140.8__\n> Targets: __143.5__ · __146.0__\n> Stop: __137.9__",
    signal("SOL/USDT", "long", [140.8], [143.5, 146], 137.9),
  ],
  [
    "||LINK/USDT LONG|| Entry ||14.25|| TP ||14.70 15.20|| SL ||13.85||",
    signal("LINK/USDT", "long", [14.25], [14.7, 15.2], 13.85),
  ],
  [
    "***AVAX/USDT SHORT***\n- Entry: 34.60\n- TP: 34.00 / 33.30\n- SL: 35.30",
    signal("AVAX/USDT", "short", [34.6], [34, 33.3], 35.3),
  ],
  [
    "```yaml\npair: DOGE/USDT\nside: long\nentry: 0.1565\ntp: 0.1605 0.1650\nsl: 0.1525\nleverage: 10x\n```",
    signal("DOGE/USDT", "long", [0.1565], [0.1605, 0.165], 0.1525, { leverage: lev(10) }),
  ],
  [
    "# XRP/USDT LONG\n### Entry: 0.5900\n### TP: 0.5980 / 0.6070\n### SL: 0.5810",
    signal("XRP/USDT", "long", [0.59], [0.598, 0.607], 0.581),
  ],
]);

/** Links to charts and screenshots: never prices, never symbols. */
export const CHART_LINKS = family("chart-links", [
  [
    `BTC/USDT LONG
Entry 61400
TP 62100 62900
SL 60600
📊 https://www.tradingview.com/chart/BTCUSDT/Xy12Ab34-idea-42000/`,
    signal("BTC/USDT", "long", [61400], [62100, 62900], 60600),
  ],
  [
    `https://www.tradingview.com/x/Qw3rTy99/
ETH/USDT SHORT entry 3185 tp 3130 3080 sl 3240`,
    signal("ETH/USDT", "short", [3185], [3130, 3080], 3240),
  ],
  [
    `SOL/USDT LONG
Entry: 140.9
TP: 143.6 / 146.4
SL: 138.1
Chart 👉 <https://tradingview.com/x/Z9z9Z9z9/>`,
    signal("SOL/USDT", "long", [140.9], [143.6, 146.4], 138.1),
  ],
  [
    `LINK/USDT SHORT
Entry: 15.05 | TP: 14.75 / 14.40 | SL: 15.40
[chart](https://www.tradingview.com/x/AaBb1234/)`,
    signal("LINK/USDT", "short", [15.05], [14.75, 14.4], 15.4),
  ],
  [
    `AVAX/USDT LONG
Entry 33.7
TP 34.5 35.3
SL 32.9
https://cdn.discordapp.com/attachments/111/222/avax_4h_chart_2024.png`,
    signal("AVAX/USDT", "long", [33.7], [34.5, 35.3], 32.9),
  ],
  [
    `ADA/USDT LONG
Entry: 0.4520
TP: 0.4610 / 0.4700
SL: 0.4430
Analysis: www.example-charts.io/ada/0.47-breakout`,
    signal("ADA/USDT", "long", [0.452], [0.461, 0.47], 0.443),
  ],
]);

/** The side only as an emoji, and emojis that mislead (a red bullet on a long's stop). */
export const EMOJI_SIDES = family("emoji-sides", [
  [
    `🟢 ETH/USDT
Entry: 3090
TP: 3130 / 3180
SL: 3040`,
    signal("ETH/USDT", "long", [3090], [3130, 3180], 3040),
  ],
  [
    `🔴 SOL/USDT
Entry: 142.4
TP: 140.1 / 137.8
SL: 144.9`,
    signal("SOL/USDT", "short", [142.4], [140.1, 137.8], 144.9),
  ],
  [
    `📉 LINK/USDT
Entry 15.10
TP 14.80 14.40
SL 15.45`,
    signal("LINK/USDT", "short", [15.1], [14.8, 14.4], 15.45),
  ],
  [
    `BTC/USDT LONG 🚀
🟢 Entry: 61300
🟢 TP: 62000 / 62800
🔴 SL: 60500`,
    signal("BTC/USDT", "long", [61300], [62000, 62800], 60500),
  ],
  [
    `AVAX/USDT SHORT 📉
🔴 Entry: 34.70
🟢 TP1: 34.10
🟢 TP2: 33.40
⛔ SL: 35.40`,
    signal("AVAX/USDT", "short", [34.7], [34.1, 33.4], 35.4),
  ],
  [
    `DOGE/USDT 🟢
Entry 0.1560
🎯 0.1600 0.1645
🔴 0.1520`,
    signal("DOGE/USDT", "long", [0.156], [0.16, 0.1645], 0.152),
  ],
  [
    `XRP/USDT 📈
Entry: 0.5890
TP: 0.5960 0.6040
🔻 SL: 0.5800`,
    signal("XRP/USDT", "long", [0.589], [0.596, 0.604], 0.58),
  ],
]);
