// Test fixtures (not a Convex module: two dots keep it out of the module map and the API).
import type { Id } from "./_generated/dataModel";
import { sessionCallers } from "./test.sessions";
import { newConvexTest, type TestConvex } from "./test.setup";

export type { TestConvex };
export type Caller = Pick<TestConvex, "query" | "mutation" | "action">;

export const TIER = "vip";
export const PURCHASE_URL = "https://shop.example.com/vip";

/**
 * A backend with one tier and the four callers every authorization test covers: anonymous,
 * signed in without access, signed in with an active entitlement, and an admin (no entitlement).
 */
export async function setupRoles() {
  const t = newConvexTest();
  const ids = await t.run(async (ctx) => {
    await ctx.db.insert("tiers", {
      key: TIER,
      name: "VIP",
      purchaseUrl: PURCHASE_URL,
      graceHours: 72,
    });
    const now = Date.now();
    const noAccess = await ctx.db.insert("users", {
      email: "free@example.com",
      emailVerificationTime: now,
    });
    const paying = await ctx.db.insert("users", {
      email: "paid@example.com",
      emailVerificationTime: now,
    });
    const admin = await ctx.db.insert("users", {
      email: "admin@example.com",
      emailVerificationTime: now,
      role: "admin",
    });
    const customerId = await ctx.db.insert("customers", {
      email: "paid@example.com",
      userId: paying,
    });
    await ctx.db.insert("entitlements", {
      customerId,
      userId: paying,
      tierKey: TIER,
      source: "subscription",
      sourceId: "sub_1",
      status: "active",
      accessUntil: now + 30 * 86_400_000,
      updatedAt: now,
    });
    return { noAccess, paying, admin };
  });
  const as = await sessionCallers(t, [ids.noAccess, ids.paying, ids.admin]);
  return {
    t,
    ids,
    anonymous: t as Caller,
    noAccess: as(ids.noAccess) as Caller,
    withAccess: as(ids.paying) as Caller,
    admin: as(ids.admin) as Caller,
  };
}

const EMPTY_PARSE = {
  kind: "signal" as const,
  entries: [42000, 42500],
  targets: [43000, 44000],
  stopLoss: 41000,
  confidence: 0.9,
  errors: [],
  parserVersion: "test",
};

let messageCounter = 0;

/** Inserts a signal (and its first revision) the way ingest would. */
export async function insertSignal(
  t: TestConvex,
  fields: {
    content?: string;
    pair?: string;
    side?: "long" | "short";
    channelId?: string;
    tierKey?: string;
    attachmentIds?: Id<"attachments">[];
    /** Attachments point at their signal by source message id. */
    sourceMessageId?: string;
  } = {},
) {
  messageCounter += 1;
  const now = Date.now();
  return t.run(async (ctx) => {
    const parsed = {
      ...EMPTY_PARSE,
      ...(fields.side === undefined ? {} : { side: fields.side }),
    };
    const content = fields.content ?? `BTC/USDT LONG entry 42000 #${messageCounter}`;
    const signalId = await ctx.db.insert("signals", {
      sourceGuildId: "1000000000000000001",
      sourceChannelId: fields.channelId ?? "1000000000000000010",
      sourceMessageId:
        fields.sourceMessageId ?? String(1300000000000000000n + BigInt(messageCounter)),
      authorId: "1000000000000000099",
      authorName: "caller",
      tierKey: fields.tierKey ?? TIER,
      content,
      parsed,
      ...(fields.pair === undefined ? {} : { pair: fields.pair }),
      ...(fields.side === undefined ? {} : { side: fields.side }),
      kind: "signal",
      attachmentIds: fields.attachmentIds ?? [],
      version: 1,
      sourceAt: now - 500,
      receivedAt: now - 400,
      committedAt: now,
    });
    await ctx.db.insert("signalRevisions", {
      signalId,
      version: 1,
      content,
      parsed,
      attachmentIds: fields.attachmentIds ?? [],
      at: now,
      change: "create",
    });
    return signalId;
  });
}

/** Asserts a call is refused with the given ConvexError code. */
export async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    const data = (error as { data?: { code?: string } }).data;
    if (data?.code === code) return;
    throw new Error(`expected ConvexError ${code}, got ${String(error)}`);
  }
  throw new Error(`expected ConvexError ${code}, but the call succeeded`);
}
