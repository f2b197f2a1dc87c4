import type { Id } from "@convex/_generated/dataModel";
import type { SignalCardData } from "@/components/feed/types";

const POSTED_AT = Date.UTC(2026, 0, 14, 9, 30);

/**
 * A made-up signal in exactly the shape the feed receives, for the landing page: visitors see the
 * real card component, not a screenshot of it. Its id names no stored signal.
 */
export const SAMPLE_SIGNAL: SignalCardData = {
  id: "sample" as Id<"signals">,
  kind: "signal",
  pair: "BTC/USDT",
  side: "long",
  parsed: {
    kind: "signal",
    symbol: { raw: "BTC/USDT", base: "BTC", quote: "USDT" },
    side: "long",
    market: "futures",
    entries: [62000, 62500],
    entryZone: { low: 62000, high: 62500 },
    targets: [63400, 64800, 66500],
    stopLoss: 60900,
    leverage: { value: 10, mode: "isolated" },
  },
  parseStatus: "parser",
  content:
    "BTC/USDT LONG (futures)\nEntry: 62000 - 62500\nTargets: 63400, 64800, 66500\nSL: 60900\nLeverage: 10x isolated",
  authorName: "G3 Caller",
  version: 1,
  postedAt: POSTED_AT,
  createdAt: POSTED_AT,
  attachments: [],
};
