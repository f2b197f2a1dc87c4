import { family, followUp } from "./types.js";

const reply = { isReply: true };

/** "Target N reached" in its many spellings. */
export const FU_TARGET_HIT = family("fu-target-hit", [
  [
    "#SOL/USDT\nTP1 ✅ TP2 ✅ TP3 ✅\nProfit 45%",
    followUp("target_hit", { targetIndex: 3 }, { pair: "SOL/USDT", statedPnlPct: 45 }),
  ],
  [
    `Binance Futures
#GMX/USDT Take-Profit target 1 ✅
Profit: 30.7% 📈
Period: 45 Minutes ⏰`,
    followUp("target_hit", { targetIndex: 1 }, { pair: "GMX/USDT", statedPnlPct: 30.7 }),
  ],
  ["TP2 hit ✅", followUp("target_hit", { targetIndex: 2 }), reply],
  [
    "#SOL/USDT Target 3 reached at 149.80 🎯",
    followUp("target_hit", { targetIndex: 3, price: 149.8 }, { pair: "SOL/USDT" }),
  ],
  [
    "ETH/USDT TP1 ✅ +12% with 10x",
    followUp("target_hit", { targetIndex: 1 }, { pair: "ETH/USDT", statedPnlPct: 12 }),
  ],
  ["$LINK 2nd target hit 💰", followUp("target_hit", { targetIndex: 2 }, { pair: "LINK" })],
  [
    "AVAX/USDT first target done ✅",
    followUp("target_hit", { targetIndex: 1 }, { pair: "AVAX/USDT" }),
  ],
  ["Target #4 smashed 🔥🔥", followUp("target_hit", { targetIndex: 4 }), reply],
  ["BTC/USDT T2 reached", followUp("target_hit", { targetIndex: 2 }, { pair: "BTC/USDT" })],
  [
    "#DOGE/USDT TP3 achieved ✅✅✅ Profit: 64%",
    followUp("target_hit", { targetIndex: 3 }, { pair: "DOGE/USDT", statedPnlPct: 64 }),
  ],
]);

/** Every target reached. */
export const FU_ALL_TARGETS = family("fu-all-targets", [
  ["All targets of #OP/USDT reached 🔥", followUp("target_hit", {}, { pair: "OP/USDT" })],
  [
    `#GMX/USDT
All take-profit targets achieved 😎
Profit: 118.4% 📈
Period: 1 Days 6 Hours ⏰`,
    followUp("target_hit", {}, { pair: "GMX/USDT", statedPnlPct: 118.4 }),
  ],
  ["All targets hit ✅✅✅", followUp("target_hit", {}), reply],
  [
    "SOL/USDT all TPs done 🎯 +45%",
    followUp("target_hit", {}, { pair: "SOL/USDT", statedPnlPct: 45 }),
  ],
  ["$ETH every target reached, congrats 🎉", followUp("target_hit", {}, { pair: "ETH" })],
  ["#LINK/USDT all targets achieved", followUp("target_hit", {}, { pair: "LINK/USDT" })],
  ["AVAX/USDT: full target reached 🚀", followUp("target_hit", {}, { pair: "AVAX/USDT" })],
]);

/** Entries filled, one or all. */
export const FU_ENTRY_FILLED = family("fu-entry-filled", [
  [
    `#GMX/USDT Entry target 1 ✅
Average Entry Price: 28.45 💵`,
    followUp("entry_hit", { entryIndex: 1, price: 28.45 }, { pair: "GMX/USDT" }),
  ],
  [
    `#ZRX/USDT
All entry targets achieved
Average Entry Price: 0.3398 💵`,
    followUp("entry_hit", { price: 0.3398 }, { pair: "ZRX/USDT" }),
  ],
  ["Entry 2 filled ✅", followUp("entry_hit", { entryIndex: 2 }), reply],
  ["SOL/USDT all entries filled", followUp("entry_hit", {}, { pair: "SOL/USDT" })],
  ["ETH/USDT long triggered at 3092", followUp("entry_hit", { price: 3092 }, { pair: "ETH/USDT" })],
  ["$LINK buy order filled at 14.18", followUp("entry_hit", { price: 14.18 }, { pair: "LINK" })],
  ["#AVAX/USDT entry 1 hit", followUp("entry_hit", { entryIndex: 1 }, { pair: "AVAX/USDT" })],
]);

/** The stop was hit. */
export const FU_STOP_HIT = family("fu-stop-hit", [
  [
    "#AVAX/USDT Closed at trailing stoploss after reaching take profit ⚠️",
    followUp("stop_hit", {}, { pair: "AVAX/USDT" }),
  ],
  [
    `#IMX/USDT Stop Target Hit ⛔
Loss: 38.2% 📉`,
    followUp("stop_hit", {}, { pair: "IMX/USDT", statedPnlPct: -38.2 }),
  ],
  ["SL hit ❌", followUp("stop_hit", {}), reply],
  [
    "ETH/USDT stopped out at 3040 (-1.9%)",
    followUp("stop_hit", { price: 3040 }, { pair: "ETH/USDT", statedPnlPct: -1.9 }),
  ],
  ["$SOL hit stop loss, we move on 🤝", followUp("stop_hit", {}, { pair: "SOL" })],
  ["#LINK/USDT Stoploss ⛔", followUp("stop_hit", {}, { pair: "LINK/USDT" })],
  [
    "AVAX/USDT closed at stop loss after TP1, net +4%",
    followUp("stop_hit", {}, { pair: "AVAX/USDT", statedPnlPct: 4 }),
  ],
  ["Stop loss triggered at 0.1520", followUp("stop_hit", { price: 0.152 }), reply],
]);

/** Cancelled before or after the entry. */
export const FU_CANCEL = family("fu-cancel", [
  ["#ETH/USDT cancelled", followUp("cancel", {}, { pair: "ETH/USDT" })],
  ["Signal cancelled ❌ entry not reached", followUp("cancel", {}), reply],
  ["SOL/USDT — trade invalidated, do not enter", followUp("cancel", {}, { pair: "SOL/USDT" })],
  ["Cancel $LINK long, setup broken", followUp("cancel", {}, { pair: "LINK" })],
  [
    "#AVAX/USDT: please disregard the previous signal",
    followUp("cancel", {}, { pair: "AVAX/USDT" }),
  ],
  ["Void this one, wrong chart", followUp("cancel", {}), reply],
]);

/** Close at market, with or without P&L. */
export const FU_CLOSE = family("fu-close", [
  ["Close #ETH/USDT short now at market", followUp("close", {}, { pair: "ETH/USDT" })],
  [
    "Closed $SOL at 143.40, +8.2% 💰",
    followUp("close", { price: 143.4 }, { pair: "SOL", statedPnlPct: 8.2 }),
  ],
  ["Close it here, +15% is enough", followUp("close", {}, { statedPnlPct: 15 }), reply],
  [
    "#LINK/USDT closed in profit (+22% with 10x)",
    followUp("close", {}, { pair: "LINK/USDT", statedPnlPct: 22 }),
  ],
  ["Exit AVAX/USDT long now, market turning", followUp("close", {}, { pair: "AVAX/USDT" })],
  [
    "DOGE/USDT manually closed at 0.1588. Profit: 9.4%",
    followUp("close", { price: 0.1588 }, { pair: "DOGE/USDT", statedPnlPct: 9.4 }),
  ],
  [
    "Closing BTC/USDT at breakeven, no point holding over the weekend",
    followUp("close", {}, { pair: "BTC/USDT" }),
  ],
  [
    "#XRP/USDT closed with a loss of 3.1%",
    followUp("close", {}, { pair: "XRP/USDT", statedPnlPct: -3.1 }),
  ],
]);

/** Partial profit: "book 50%", "take half off". */
export const FU_PARTIAL = family("fu-partial", [
  [
    "Closed half at TP2, rest runs with SL at entry",
    followUp("partial_close", { percent: 50 }),
    reply,
  ],
  [
    "ETH/USDT: book 30% profit here",
    followUp("partial_close", { percent: 30 }, { pair: "ETH/USDT" }),
  ],
  ["Take half off here 💰", followUp("partial_close", { percent: 50 }), reply],
  [
    "#SOL/USDT secure 25% of the position at 145",
    followUp("partial_close", { percent: 25, price: 145 }, { pair: "SOL/USDT" }),
  ],
  [
    "$LINK partial close 50% at 14.90",
    followUp("partial_close", { percent: 50, price: 14.9 }, { pair: "LINK" }),
  ],
  [
    "AVAX/USDT take some partials and move SL to entry",
    followUp("partial_close", { breakeven: true }, { pair: "AVAX/USDT" }),
  ],
  [
    "Booked 70% profits on DOGE/USDT",
    followUp("partial_close", { percent: 70 }, { pair: "DOGE/USDT" }),
  ],
]);

/** Stop moves: to entry, to a price, trailing. */
export const FU_MOVE_STOP = family("fu-move-stop", [
  ["#ETH/USDT move SL to 3095", followUp("move_stop", { newStop: 3095 }, { pair: "ETH/USDT" })],
  ["Move stop to breakeven", followUp("move_stop", { breakeven: true }), reply],
  [
    "SOL/USDT: SL moved to entry ✅",
    followUp("move_stop", { breakeven: true }, { pair: "SOL/USDT" }),
  ],
  ["$LINK new stop loss 14.10", followUp("move_stop", { newStop: 14.1 }, { pair: "LINK" })],
  [
    "AVAX/USDT TP1 done ✅ move stop to entry",
    followUp("target_hit", { targetIndex: 1, breakeven: true }, { pair: "AVAX/USDT" }),
  ],
  [
    "Raise your stop to 0.1555 on DOGE/USDT",
    followUp("move_stop", { newStop: 0.1555 }, { pair: "DOGE/USDT" }),
  ],
  ["SL 61800", followUp("move_stop", { newStop: 61800 }), reply],
  ["BTC/USDT trail stop to 62400", followUp("move_stop", { newStop: 62400 }, { pair: "BTC/USDT" })],
]);
