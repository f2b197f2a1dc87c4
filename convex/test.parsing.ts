// Parse review fixtures (not a Convex module: two dots keep it out of the module map and the API).
import { vi } from "vitest";
import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { MAPPING } from "./test.ingest";
import type { TestConvex as ConvexTest } from "convex-test";
import type schema from "./schema";
import { setupRoles } from "./test.roles";

export type TestConvex = ConvexTest<typeof schema>;

export const SERVICE_SECRET = "test-service-secret";

/** Confident: every part of a signal, labelled. */
export const CONFIDENT =
  "BTC/USDT LONG\nEntry: 42000-42500\nTargets: 43000, 44000, 45500\nSL: 41000\nLeverage: 10x";
/** Shaky: no quote, no stop — the parser's reading is below LOW_CONFIDENCE. */
export const SHAKY = "ETH long 2350 TP 2400";

/** The roles of test.roles.ts, a mapping of the source channel to their tier, the bot secret. */
export async function setupParsing() {
  vi.stubEnv("CONVEX_SERVICE_SECRET", SERVICE_SECRET);
  const roles = await setupRoles();
  await roles.t.run((ctx) =>
    ctx.db.insert("channelMappings", { ...MAPPING, enabled: true, updatedAt: 0 }),
  );
  return roles;
}

let nextMessage = 1_310_000_000_000_000_000n;

/** Posts (or, with `messageId`, edits) a source message through the collector's mutation. */
export async function post(
  t: TestConvex,
  content: string,
  edit?: { messageId: string; editedAt: number },
): Promise<{ signalId: Id<"signals">; messageId: string }> {
  nextMessage += 1000n;
  const messageId = edit?.messageId ?? nextMessage.toString();
  const result = await t.mutation(api.ingest.upsertMessage, {
    secret: SERVICE_SECRET,
    message: {
      messageId,
      channelId: MAPPING.sourceChannelId,
      guildId: MAPPING.sourceGuildId,
      authorId: "1000000000000000099",
      authorName: "Analyst",
      content,
      attachments: [],
      sourceAt: 1_700_000_000_000,
      receivedAt: 1_700_000_000_040,
      origin: "gateway",
      ...(edit === undefined ? {} : { editedAt: edit.editedAt }),
    },
  });
  return { signalId: result.signalId, messageId };
}

/** Marks the signal's mirror deliveries as posted and synced, as the mirror bot would. */
export async function markMirrored(t: TestConvex, signalId: Id<"signals">): Promise<void> {
  await t.run(async (ctx) => {
    const rows = await ctx.db
      .query("mirrorDeliveries")
      .withIndex("by_signal_and_mapping", (q) => q.eq("signalId", signalId))
      .collect();
    const signal = await ctx.db.get("signals", signalId);
    for (const row of rows) {
      await ctx.db.patch("mirrorDeliveries", row._id, {
        status: "done",
        customerMessageId: `29000000000000000${rows.indexOf(row)}`,
        syncedVersion: signal?.version ?? 1,
        renderedHash: "content.files",
      });
    }
  });
}

export async function deliveriesOf(t: TestConvex, signalId: Id<"signals">) {
  return t.run((ctx) =>
    ctx.db
      .query("mirrorDeliveries")
      .withIndex("by_signal_and_mapping", (q) => q.eq("signalId", signalId))
      .collect(),
  );
}

export async function signalDoc(t: TestConvex, signalId: Id<"signals">) {
  const doc = await t.run((ctx) => ctx.db.get("signals", signalId));
  if (doc === null) throw new Error(`no signal ${signalId}`);
  return doc;
}
