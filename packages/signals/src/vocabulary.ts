/**
 * Upper-case words that look like tickers but are signal vocabulary, chat or units.
 * A bare word in this list is never read as a coin (a `#`/`$` prefix or a pair still is).
 */
// prettier-ignore
export const NOT_A_TICKER = new Set([
  // signal vocabulary
  "LONG", "SHORT", "BUY", "SELL", "ENTRY", "ENTRIES", "ENTER", "TARGET", "TARGETS", "TP", "TPS",
  "SL", "STOP", "LOSS", "STOPLOSS", "PROFIT", "TAKE", "LEVERAGE", "LEV", "CROSS", "ISOLATED",
  "ISO", "MARGIN", "COIN", "PAIR", "DIRECTION", "EXCHANGE", "ZONE", "RANGE", "LIMIT", "MARKET",
  "CMP", "NOW", "ABOVE", "BELOW", "BREAKOUT", "BREAK", "HIT", "DONE", "CLOSE", "CLOSED", "CANCEL",
  "CANCELLED", "CANCELED", "SIGNAL", "SIGNALS", "UPDATE", "NEW", "ALERT", "TRADE", "SETUP", "SPOT",
  "PERP", "FUTURES", "SWING", "SCALP", "RISK", "RM", "RR", "PNL", "ROI", "BE", "DCA", "MID",
  "HIGH", "LOW", "VIP", "FREE", "PREMIUM", "NOTE", "PERIOD", "REACHED", "MOVE", "MOVED", "PARTIAL",
  "HALF", "ALL", "AND", "OR", "THE", "FOR", "AT", "TO", "IN", "ON", "OF", "IS", "IT", "MY", "WE",
  "NO", "YES",
  // chat
  "GM", "GN", "LOL", "LMAO", "IMO", "IMHO", "NFA", "DYOR", "WAGMI", "NGMI", "FOMO", "FUD", "HODL",
  "ATH", "ATL", "ASAP", "FYI", "OK", "OMG", "WTF", "TBH", "BTW", "GG", "PS",
  // analysis and units
  "TA", "FA", "RSI", "EMA", "SMA", "MA", "MACD", "VWAP", "OB", "FVG", "BOS", "CHOCH", "HTF", "LTF",
  "TF", "UTC", "GMT", "EST", "AM", "PM", "USD", "USDT", "USDC", "BUSD", "FDUSD", "EUR", "CPI",
  "FED", "FOMC", "ETF", "SEC", "CEO",
  // hashtags
  "CRYPTO", "BITCOIN", "ALTCOIN", "ALTCOINS", "ALTS", "TRADING", "DEFI", "NFT", "GEM", "RESULTS",
  "PROFITS", "WIN", "BREAKING", "NEWS",
  // exchanges
  "BINANCE", "BYBIT", "OKX", "BITGET", "KUCOIN", "MEXC", "GATE", "BINGX", "KRAKEN", "COINBASE",
]);

/**
 * Coins recognised when written in lower case without `#`/`$` or a pair ("eth long 2300 …").
 * Only tickers that are not everyday words or abbreviations (no "link", "near", "op", "dot",
 * "ton", "atom", "apt", "vet", "algo", "mana", "gala", "etc").
 */
// prettier-ignore
export const LOWER_CASE_COINS = new Set([
  "BTC", "ETH", "SOL", "BNB", "XRP", "ADA", "DOGE", "AVAX", "MATIC", "LTC", "TRX", "ARB", "SUI",
  "SEI", "INJ", "TIA", "PEPE", "SHIB", "BONK", "WIF", "AAVE", "FTM", "XLM", "BCH", "FIL", "ICP",
  "HBAR", "EGLD", "XMR", "KAS", "RNDR", "FET", "WLD", "JUP", "PYTH", "STRK", "ENA", "ORDI", "DYDX",
  "LDO", "CRV", "MKR", "SNX", "AXS", "CHZ", "FLOKI", "TAO", "ONDO",
]);
