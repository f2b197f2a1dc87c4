import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { type MutationCtx } from "./_generated/server";
import { normalizeEmail } from "./model/payments/customers";
import { pickPresent } from "./model/shared/pickPresent";
import { sameRow, stateOf, writeEntitlement } from "./model/payments/entitlements";
import { tierByKey } from "./model/payments/tierMapping";
import { paymentTables } from "./tables/payments";
import { adminMutation, adminQuery } from "./functions";
import { appError } from "./model/shared/errors";

/** Manual entitlement management for admins. Every action needs a reason and is audited. */

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_RESULTS = 20;

function requireReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 3) {
    throw appError("BAD_REQUEST", "Give a reason (at least 3 characters).");
  }
  return trimmed.slice(0, 500);
}

function requireDays(days: number): number {
  if (!Number.isFinite(days) || days <= 0 || days > 3650) {
    throw appError("BAD_REQUEST", "Days must be between 0 and 3650.");
  }
  return days;
}

/** What the admin search shows of an entitlement. */
const ENTITLEMENT_ROW_FIELDS = [
  "tierKey",
  "source",
  "sourceId",
  "status",
  "accessUntil",
  "graceUntil",
  "reason",
] as const;
const vEntitlementRow = paymentTables.entitlements.validator
  .pick(...ENTITLEMENT_ROW_FIELDS)
  .extend({ id: v.id("entitlements") });

function entitlementRow(e: Doc<"entitlements">) {
  return { id: e._id, ...pickPresent(e, ENTITLEMENT_ROW_FIELDS) };
}

/** Customers and users whose email starts with the given text, with their entitlements. */
export const search = adminQuery({
  args: { emailPrefix: v.string() },
  returns: v.object({
    customers: v.array(
      v.object({
        id: v.id("customers"),
        email: v.string(),
        userId: v.optional(v.id("users")),
        disputed: v.boolean(),
        flags: v.array(v.string()),
        entitlements: v.array(vEntitlementRow),
      }),
    ),
    users: v.array(v.object({ id: v.id("users"), email: v.string(), emailVerified: v.boolean() })),
  }),
  handler: async (ctx, { emailPrefix }) => {
    const prefix = normalizeEmail(emailPrefix);
    if (prefix.length < 2) return { customers: [], users: [] };
    const end = `${prefix}\uffff`;
    const customers = await ctx.db
      .query("customers")
      .withIndex("by_email", (q) => q.gte("email", prefix).lt("email", end))
      .take(MAX_RESULTS);
    const users = await ctx.db
      .query("users")
      .withIndex("email", (q) => q.gte("email", prefix).lt("email", end))
      .take(MAX_RESULTS);
    return {
      customers: await Promise.all(
        customers.map(async (c) => ({
          id: c._id,
          email: c.email,
          ...(c.userId === undefined ? {} : { userId: c.userId }),
          disputed: c.disputed === true,
          flags: c.flags ?? [],
          entitlements: (
            await ctx.db
              .query("entitlements")
              .withIndex("by_customer", (q) => q.eq("customerId", c._id))
              .take(MAX_RESULTS)
          ).map(entitlementRow),
        })),
      ),
      users: users.flatMap((u) =>
        u.email === undefined
          ? []
          : [{ id: u._id, email: u.email, emailVerified: u.emailVerificationTime !== undefined }],
      ),
    };
  },
});

/** The customer row for a user (created from the user's email when there is none). */
async function customerForUser(ctx: MutationCtx, user: Doc<"users">): Promise<Doc<"customers">> {
  const existing = await ctx.db
    .query("customers")
    .withIndex("by_user", (q) => q.eq("userId", user._id))
    .first();
  if (existing !== null) return existing;
  if (user.email === undefined) {
    throw appError("BAD_REQUEST", "This user has no email to grant to.");
  }
  const id = await ctx.db.insert("customers", {
    email: normalizeEmail(user.email),
    userId: user._id,
  });
  const created = await ctx.db.get("customers", id);
  if (created === null) throw new Error("customer vanished after insert");
  return created;
}

/** Grants a tier to a user for a number of days (a "manual" entitlement). */
export const grant = adminMutation({
  args: { userId: v.id("users"), tierKey: v.string(), days: v.number(), reason: v.string() },
  returns: v.id("entitlements"),
  handler: async (ctx, args) => {
    const reason = requireReason(args.reason);
    const days = requireDays(args.days);
    if ((await tierByKey(ctx, args.tierKey)) === null) {
      throw appError("NOT_FOUND", `No tier "${args.tierKey}".`);
    }
    const user = await ctx.db.get("users", args.userId);
    if (user === null) throw appError("NOT_FOUND", "No such user.");
    const customer = await customerForUser(ctx, user);
    const now = Date.now();
    const result = await writeEntitlement(ctx, {
      existing: null,
      customerId: customer._id,
      tierKey: args.tierKey,
      source: "manual",
      sourceId: `manual:${ctx.admin._id}:${now}`,
      next: { status: "active", userId: user._id, accessUntil: now + days * DAY_MS, reason },
      actor: { type: "admin", userId: ctx.admin._id },
      reason,
      details: { days },
      now,
    });
    return result.id;
  },
});

async function requireEntitlement(ctx: MutationCtx, id: Id<"entitlements">) {
  const entitlement = await ctx.db.get("entitlements", id);
  if (entitlement === null) throw appError("NOT_FOUND", "No such entitlement.");
  return entitlement;
}

/**
 * Adds days to a manual entitlement (from its end, or from now if it already ended). Sell.app-sourced
 * entitlements follow their events; grant a manual entitlement to give extra time on top.
 */
export const extend = adminMutation({
  args: { entitlementId: v.id("entitlements"), days: v.number(), reason: v.string() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const reason = requireReason(args.reason);
    const days = requireDays(args.days);
    const entitlement = await requireEntitlement(ctx, args.entitlementId);
    if (entitlement.source !== "manual") {
      throw appError(
        "BAD_REQUEST",
        "Only manual entitlements can be extended; grant a manual entitlement instead.",
      );
    }
    if (entitlement.status === "revoked") {
      throw appError("BAD_REQUEST", "A revoked entitlement cannot be extended; grant a new one.");
    }
    const now = Date.now();
    const from = Math.max(entitlement.accessUntil ?? now, now);
    await writeEntitlement(ctx, {
      ...sameRow(entitlement),
      next: { ...stateOf(entitlement), status: "active", accessUntil: from + days * DAY_MS },
      actor: { type: "admin", userId: ctx.admin._id },
      reason,
      details: { days },
      now,
    });
    return null;
  },
});

/** Revokes any entitlement now. Webhook re-derivation never re-activates an admin revoke. */
export const revoke = adminMutation({
  args: { entitlementId: v.id("entitlements"), reason: v.string() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const reason = requireReason(args.reason);
    const entitlement = await requireEntitlement(ctx, args.entitlementId);
    const now = Date.now();
    await writeEntitlement(ctx, {
      ...sameRow(entitlement),
      next: {
        ...stateOf(entitlement),
        status: "revoked",
        revokedAt: now,
        reason: `admin: ${reason}`,
        adminRevoked: true,
      },
      actor: { type: "admin", userId: ctx.admin._id },
      reason,
      now,
    });
    return null;
  },
});
