// Fixtures for the mirror, role-sync and link tests (two dots keep it out of the module map).
import { vi } from "vitest";
import type { Doc, Id } from "./_generated/dataModel";
import type { MutationCtx } from "./_generated/server";
import { enqueueMirrorWork } from "./model/mirror/mirrorFanout";
import { sessionCallers } from "./test.sessions";
import { newConvexTest } from "./test.setup";

export const SECRET = "test-service-secret-0123456789";
export const GUILD = "2000000000000000001";
export const ROLE = "2000000000000000900";
export const SOURCE_CHANNEL = "1000000000000000010";
export const CUSTOMER_CHANNEL = "2000000000000000010";
export const TIER = "vip";

const PARSED = {
  kind: "signal" as const,
  entries: [42000],
  targets: [43000],
  confidence: 0.9,
  errors: [],
  parserVersion: "test",
};

let messageCounter = 0;

export async function setupMirror() {
  vi.stubEnv("CONVEX_SERVICE_SECRET", SECRET);
  vi.stubEnv("DISCORD_CUSTOMER_GUILD_ID", GUILD);
  const t = newConvexTest();
  const ids = await t.run(async (ctx) => {
    const now = Date.now();
    await ctx.db.insert("tiers", { key: TIER, name: "VIP", discordRoleId: ROLE, graceHours: 72 });
    const mappingId = await ctx.db.insert("channelMappings", {
      label: "VIP",
      sourceGuildId: "1000000000000000001",
      sourceChannelId: SOURCE_CHANNEL,
      customerGuildId: GUILD,
      customerChannelId: CUSTOMER_CHANNEL,
      tierKey: TIER,
      enabled: true,
      updatedAt: now,
    });
    const customer = await ctx.db.insert("users", { email: "free@example.com" });
    const paying = await ctx.db.insert("users", { email: "paid@example.com" });
    const admin = await ctx.db.insert("users", { email: "admin@example.com", role: "admin" });
    return { mappingId, customer, paying, admin };
  });
  const as = await sessionCallers(t, [ids.customer, ids.paying, ids.admin]);
  return { t, ids, as };
}

export type Setup = Awaited<ReturnType<typeof setupMirror>>;

export async function grantAccess(
  ctx: MutationCtx,
  userId: Id<"users">,
  fields: Partial<Doc<"entitlements">> = {},
): Promise<Id<"entitlements">> {
  const customerId = await ctx.db.insert("customers", { email: `${userId}@example.com`, userId });
  return ctx.db.insert("entitlements", {
    customerId,
    userId,
    tierKey: TIER,
    source: "manual",
    sourceId: `manual-${userId}`,
    status: "active",
    updatedAt: Date.now(),
    ...fields,
  });
}

export async function linkDiscord(
  ctx: MutationCtx,
  userId: Id<"users">,
  discordUserId: string,
): Promise<void> {
  await ctx.db.insert("discordLinks", {
    userId,
    discordUserId,
    username: `user${discordUserId.slice(-3)}`,
    linkedAt: Date.now(),
  });
}

/** Inserts a signal the way ingest does, then fans it out. */
export async function createSignal(
  ctx: MutationCtx,
  fields: { content?: string; parentSignalId?: Id<"signals">; channel?: string } = {},
): Promise<Id<"signals">> {
  messageCounter++;
  const now = Date.now();
  const signalId = await ctx.db.insert("signals", {
    sourceGuildId: "1000000000000000001",
    sourceChannelId: fields.channel ?? SOURCE_CHANNEL,
    sourceMessageId: String(1300000000000000000n + BigInt(messageCounter)),
    authorId: "1000000000000000099",
    authorName: "analyst",
    tierKey: TIER,
    content: fields.content ?? `BTC long #${messageCounter}`,
    parsed: PARSED,
    kind: "signal",
    ...(fields.parentSignalId === undefined ? {} : { parentSignalId: fields.parentSignalId }),
    attachmentIds: [],
    version: 1,
    sourceAt: now - 50,
    receivedAt: now - 20,
    committedAt: now,
  });
  await fanOut(ctx, signalId);
  return signalId;
}

export async function editSignal(
  ctx: MutationCtx,
  signalId: Id<"signals">,
  content: string,
): Promise<void> {
  const signal = await ctx.db.get("signals", signalId);
  if (signal === null) throw new Error("no signal");
  await ctx.db.patch("signals", signalId, { content, version: signal.version + 1 });
  await fanOut(ctx, signalId);
}

export async function deleteSignal(ctx: MutationCtx, signalId: Id<"signals">): Promise<void> {
  const signal = await ctx.db.get("signals", signalId);
  if (signal === null) throw new Error("no signal");
  await ctx.db.patch("signals", signalId, { deletedAt: Date.now(), version: signal.version + 1 });
  await fanOut(ctx, signalId);
}

async function fanOut(ctx: MutationCtx, signalId: Id<"signals">): Promise<void> {
  const signal = await ctx.db.get("signals", signalId);
  if (signal !== null) await enqueueMirrorWork(ctx, signal);
}

export async function deliveryOf(ctx: MutationCtx, signalId: Id<"signals">) {
  const rows = await ctx.db
    .query("mirrorDeliveries")
    .withIndex("by_signal_and_mapping", (q) => q.eq("signalId", signalId))
    .take(10);
  const row = rows[0];
  if (row === undefined || rows.length !== 1)
    throw new Error(`expected one delivery, got ${rows.length}`);
  return row;
}
