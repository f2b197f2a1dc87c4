/** Six synthetic messages in the layouts the parser was first written for (not real signals). */
export const S1 = `BTC/USDT LONG
Entry: 42000-42500
Targets: 43000, 44000, 45500
SL: 41000
Leverage: 10x`;

export const S2 = `📈 #ETHUSDT SHORT (Cross 20x)
Entry zone: 2310 - 2335
TP1 2280 | TP2 2250 | TP3 2190
Stop: 2372`;

export const S3 = `COIN: $AVAX/USDT
Direction: Short
Exchange: Bybit USDT
Leverage: Isolated 15x
ENTRY: 36.40 - 37.10
TARGETS: 35.8 - 35.1 - 34.2 - 33.0
STOP LOSS: 38.25`;

export const S4 = `LINK long above 15.20 (breakout)
TP 15.9/16.6/17.4
SL 14.65 lev 5x`;

export const S5 = `BTC TP1 hit ✅ +23.8% (10x). Move SL to entry 42250.`;

export const S6 = `#ETHUSDT closed manually at 2288, +14% — take profits.`;
