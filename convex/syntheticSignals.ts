import { v } from "convex/values";
import { internalMutation } from "./_generated/server";
import { optionalEnv } from "./model/shared/env";
import { parseContent } from "./model/ingest/ingestParse";

/** Per call; 100k rows load in 20 calls. */
export const MAX_SYNTHETIC_BATCH = 5000;
/** Synthetic message ids start here (19-digit snowflakes no real message of ours uses). */
const SYNTHETIC_ID_BASE = 1_900_000_000_000_000_000n;

const TEMPLATES = [
  "BTC/USDT LONG\nEntry: 64000 - 64500\nTargets: 65000, 66000, 67000\nStop: 62500\nLeverage: 10x",
  "ETH/USDT SHORT\nEntry: 3400\nTP1: 3300 TP2: 3200\nSL: 3500",
  "SOL/USDT LONG\nBuy zone 140-145\nTargets 150 / 160 / 170\nStop loss 132",
  "XRP/USDT SHORT entry 0.62 targets 0.58 0.55 stop 0.66",
];

/**
 * Loads history fast for load tests: `count` parsed signals into one tier and channel, with no
 * revisions, no mirror work and no latency samples (they are history, not live deliveries).
 * Internal (admin key) AND refused unless the deployment sets ALLOW_SYNTHETIC_SIGNALS=true, so a
 * production deployment can never be filled with fake signals by accident.
 */
export const insertBatch = internalMutation({
  args: {
    tierKey: v.string(),
    sourceGuildId: v.string(),
    sourceChannelId: v.string(),
    firstIndex: v.number(),
    count: v.number(),
  },
  returns: v.object({ inserted: v.number() }),
  handler: async (ctx, args) => {
    if (optionalEnv("ALLOW_SYNTHETIC_SIGNALS") !== "true") {
      throw new Error(
        "Synthetic signals are disabled on this deployment; set ALLOW_SYNTHETIC_SIGNALS=true (load tests only).",
      );
    }
    if (!Number.isInteger(args.count) || args.count < 1 || args.count > MAX_SYNTHETIC_BATCH) {
      throw new Error(`count must be an integer from 1 to ${MAX_SYNTHETIC_BATCH}.`);
    }
    if (!Number.isInteger(args.firstIndex) || args.firstIndex < 0) {
      throw new Error("firstIndex must be a non-negative integer.");
    }
    const parsedTemplates = TEMPLATES.map((content) => ({
      content,
      ...parseContent(content, false),
    }));
    const now = Date.now();
    for (let i = 0; i < args.count; i++) {
      const index = args.firstIndex + i;
      const template = parsedTemplates[index % parsedTemplates.length];
      if (template === undefined) continue;
      const at = now - (args.count - i);
      await ctx.db.insert("signals", {
        sourceGuildId: args.sourceGuildId,
        sourceChannelId: args.sourceChannelId,
        sourceMessageId: (SYNTHETIC_ID_BASE + BigInt(index)).toString(),
        authorId: "1000000000000000001",
        authorName: "Synthetic history",
        tierKey: args.tierKey,
        content: template.content,
        parsed: template.parsed,
        ...(template.pair === undefined ? {} : { pair: template.pair }),
        ...(template.side === undefined ? {} : { side: template.side }),
        kind: template.kind,
        attachmentIds: [],
        version: 1,
        sourceAt: at,
        receivedAt: at,
        committedAt: at,
      });
    }
    return { inserted: args.count };
  },
});
