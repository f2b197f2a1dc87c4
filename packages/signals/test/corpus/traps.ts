import { family, note, unsure } from "./types.js";

/** Scam warnings that quote a fake signal: the quote is not our signal. */
export const TRAP_SCAM = family("trap-scam", [
  [
    `🚨 BEWARE OF SCAMMERS 🚨
Fake accounts are posting this in DMs:
> ETH/USDT LONG Entry 3100 TP 3300 SL 3000 — "pay 0.1 ETH for VIP"
Admins will never DM you first.`,
    note(),
  ],
  [
    `⚠️ Warning: an impersonator is sharing "SOL/USDT long entry 140 tp 150 sl 135" and asking for a deposit. This is a scam. Report them.`,
    note(),
  ],
  [
    `PSA: the "signal" below is FAKE, it did not come from us:
BTC/USDT SHORT
Entry: 64000
TP: 60000
SL: 66000
Never send money to anyone promising guaranteed profits.`,
    note(),
  ],
  [
    `Scam alert! Someone cloned our channel and posted:
"LINK/USDT BUY 14.20 TARGET 18.00 STOP 13.50 — 100% guaranteed"
That channel is not ours. Stay safe.`,
    note(),
  ],
  [
    `❗ Fake signal going around: #AVAX/USDT Long 33.5, TP 40, SL 32. We did not post this. Do not trade it.`,
    note(),
  ],
  [
    `Phishing warning 🎣
DMs with "XRP/USDT entry 0.58 tp 0.70 sl 0.55, send your API key to copy it" are a scam.`,
    note(),
  ],
  [
    `Be careful: scammers impersonate our mods with fake calls like "DOGE/USDT LONG 0.15 → 0.30". Never share your seed phrase.`,
    note(),
  ],
]);

/** Results recaps with ✅/❌ per coin: a summary of old trades, not new events. */
export const TRAP_RECAP = family("trap-recap", [
  [
    `📈 Yesterday's results
#ETH/USDT TP3 ✅ +34%
#SOL/USDT TP2 ✅ +21%
#LINK/USDT SL ❌ -9%
Net: +46%`,
    note(),
  ],
  [
    `Weekly recap 🏆
BTC ✅ 62%
AVAX ✅ 48%
DOGE ❌ -15%
ARB ✅ 27%
Win rate 75%`,
    note(),
  ],
  [
    `Monthly performance (November)
✅ 38 winning trades
❌ 9 losing trades
Total profit: 812% (with leverage)`,
    note(),
  ],
  [
    `RESULTS 🔥
SOL/USDT — all targets hit ✅
ETH/USDT — TP2 hit ✅
ADA/USDT — stopped out ❌`,
    note(),
  ],
  [
    `Free channel results this week:
1) XRP/USDT +18% ✅
2) DOT/USDT +11% ✅
3) BNB/USDT -6% ❌
Join VIP for the full list!`,
    note(),
  ],
  [
    `Another great day 💰
#GMX TP4 ✅
#QNT TP2 ✅
#ZRX TP1 ✅
#IMX SL ❌`,
    note(),
  ],
  [
    `2024 stats: 412 signals, 331 profitable ✅, 81 stopped ❌, average profit per trade 14.6%.`,
    note(),
  ],
]);

/** Risk reminders and trading rules: a stop word is not a stop move. */
export const TRAP_RISK = family("trap-risk", [
  ["Always set your stop loss. No exceptions.", note()],
  [
    "Reminder 🔔 move your stop to entry once TP1 is hit, on every trade. That is how we protect capital.",
    note(),
  ],
  [
    "Risk management: never use more than 2-3% of your portfolio per trade and keep leverage under 10x.",
    note(),
  ],
  [
    `Rules for VIP members:
1. Use a stop loss on every trade
2. Take partial profits at TP1
3. Don't chase entries`,
    note(),
  ],
  ["Don't forget: SL is your best friend. Traders who skip the stop end up liquidated.", note()],
  ["If a trade hits the stop, accept it and move on. Revenge trading kills accounts.", note()],
  [
    "Tip: when a signal says 'Entry zone', split your order across the zone instead of buying all at once.",
    note(),
  ],
]);

/** Teasers, polls, promos: nothing to trade. */
export const TRAP_TEASER = family("trap-teaser", [
  ["🚨 Big signal dropping in 5 minutes 🚨 be ready!", note()],
  ["Which coin do you want analysed next? React with 🅰️ SOL, 🅱️ LINK, 🇨 AVAX", note()],
  ["VIP got a 40x long on a low cap today 🤫 Join now: 30% off this week only", note()],
  ["New long setup loading… chart in 10 min 📊", note()],
  ["Poll: long or short BTC into the weekend? 🟢 long / 🔴 short", note()],
  ["GM fam ☕ market opens soon, signals at 14:00 UTC", note()],
  ["Next target for $ETH is 4000 in my opinion 👀 stay tuned", note()],
]);

/** Market commentary with prices: analysis, not a trade. */
export const TRAP_COMMENTARY = family("trap-commentary", [
  [
    // Labels but no entry label and no side word: the bare prices may be commentary.
    "BTC/USDT: support 60k, resistance 64k. Target 66k if we break. Stop hunting below 59k likely.",
    unsure({ pair: "BTC/USDT" }),
  ],
  ["ETH holding 3,050 support nicely. A close above 3,200 opens 3,400. Not entering yet.", note()],
  ["BTC dominance at 54.2%, alts bleeding. SOL lost 140, next support 132.", note()],
  ["Funding on LINK is -0.03%, shorts are crowded. Squeeze possible towards 15.50.", note()],
  [
    `Market update 📊
BTC: 61,800 (+1.2%)
ETH: 3,095 (+0.8%)
SOL: 141.3 (-0.4%)`,
    note(),
  ],
  ["AVAX bounced from 32.4 like we said last week. Watching 36 as resistance.", note()],
  ["CPI at 8:30 tomorrow, expect volatility. BTC range 60k-64k until then.", note()],
  [
    "DOGE broke the 0.16 level, volume is weak though. I'd wait for a retest before any long.",
    note(),
  ],
]);
