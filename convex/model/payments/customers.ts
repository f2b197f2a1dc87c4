import type { SellappCustomer } from "@g3/payments";
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import { writeAudit } from "../shared/audit";
import { sameRow, stateOf, writeEntitlement } from "./entitlements";

/**
 * Customers are the paying party as Sell.app knows them. A customer becomes a user's once that user
 * has a VERIFIED email equal to the customer's (anyone can sign up with any address), or when
 * Sell.app's `customer.external_id` is one of our user ids (we set it at checkout for a signed-in
 * user). Until then its entitlements are pending: stored, but no user reads them.
 */

const MAX_CUSTOMERS_PER_EMAIL = 20;
const MAX_ENTITLEMENTS_PER_CUSTOMER = 200;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function isVerified(user: Doc<"users">): boolean {
  return user.emailVerificationTime !== undefined && user.email !== undefined;
}

/** The one verified user holding this email, if any (Convex Auth stores the email as typed). */
export async function verifiedUserByEmail(
  ctx: QueryCtx,
  email: string,
): Promise<Doc<"users"> | null> {
  const candidates = new Set([email, normalizeEmail(email)]);
  for (const candidate of candidates) {
    const users = await ctx.db
      .query("users")
      .withIndex("email", (q) => q.eq("email", candidate))
      .take(5);
    const verified = users.filter(isVerified);
    if (verified.length === 1 && verified[0] !== undefined) return verified[0];
  }
  return null;
}

/** Our user id from Sell.app's external id, when it is one and the user exists. */
async function userFromExternalId(
  ctx: QueryCtx,
  externalId: string | undefined,
): Promise<Doc<"users"> | null> {
  if (externalId === undefined) return null;
  const userId = ctx.db.normalizeId("users", externalId);
  if (userId === null) return null;
  return ctx.db.get("users", userId);
}

/**
 * Finds (by Sell.app customer id, then email) or creates the customer of a webhook event, keeps its
 * ids current, and attaches it to a user when the external id or a verified email says whose it is.
 */
export async function upsertCustomerFromEvent(
  ctx: MutationCtx,
  customer: SellappCustomer,
  now: number,
): Promise<Doc<"customers">> {
  if (customer.email === undefined) {
    throw new Error("The event carries no customer email; cannot attribute the payment.");
  }
  const email = normalizeEmail(customer.email);
  let existing: Doc<"customers"> | null = null;
  if (customer.sellappCustomerId !== undefined) {
    const bySellappId = await ctx.db
      .query("customers")
      .withIndex("by_sellapp_customer", (q) =>
        q.eq("sellappCustomerId", customer.sellappCustomerId),
      )
      .first();
    if (bySellappId?.email === email) existing = bySellappId;
  }
  existing ??= await ctx.db
    .query("customers")
    .withIndex("by_email", (q) => q.eq("email", email))
    .first();

  const owner =
    (await userFromExternalId(ctx, customer.externalId)) ?? (await verifiedUserByEmail(ctx, email));

  if (existing === null) {
    const id = await ctx.db.insert("customers", {
      email,
      ...(customer.sellappCustomerId === undefined
        ? {}
        : { sellappCustomerId: customer.sellappCustomerId }),
      ...(customer.externalId === undefined ? {} : { externalId: customer.externalId }),
      ...(owner === null ? {} : { userId: owner._id }),
    });
    const created = await ctx.db.get("customers", id);
    if (created === null) throw new Error("customer vanished after insert");
    if (owner !== null) await auditAttach(ctx, created, owner._id, "webhook");
    return created;
  }

  const patch: Partial<Doc<"customers">> = {};
  if (customer.sellappCustomerId !== undefined && existing.sellappCustomerId === undefined) {
    patch.sellappCustomerId = customer.sellappCustomerId;
  }
  if (customer.externalId !== undefined && existing.externalId !== customer.externalId) {
    patch.externalId = customer.externalId;
  }
  if (existing.userId === undefined && owner !== null) patch.userId = owner._id;
  if (Object.keys(patch).length > 0) await ctx.db.patch("customers", existing._id, patch);
  const updated = { ...existing, ...patch };
  if (patch.userId !== undefined) {
    await auditAttach(ctx, updated, patch.userId, "webhook");
    await attachEntitlements(ctx, updated, patch.userId, now);
  }
  return updated;
}

async function auditAttach(
  ctx: MutationCtx,
  customer: Doc<"customers">,
  userId: Id<"users">,
  actorType: "webhook" | "system",
): Promise<void> {
  await writeAudit(ctx, {
    actorType,
    action: "customer.attach",
    targetType: "customer",
    targetId: customer._id,
    details: { userId, email: customer.email },
  });
}

/** Points every entitlement of the customer at the user (through the one entitlement writer). */
async function attachEntitlements(
  ctx: MutationCtx,
  customer: Doc<"customers">,
  userId: Id<"users">,
  now: number,
): Promise<number> {
  const entitlements = await ctx.db
    .query("entitlements")
    .withIndex("by_customer", (q) => q.eq("customerId", customer._id))
    .take(MAX_ENTITLEMENTS_PER_CUSTOMER);
  let attached = 0;
  for (const entitlement of entitlements) {
    if (entitlement.userId === userId) continue;
    await writeEntitlement(ctx, {
      ...sameRow(entitlement),
      next: { ...stateOf(entitlement), userId },
      actor: { type: "system" },
      reason: "customer attached to a verified user",
      now,
    });
    attached++;
  }
  return attached;
}

/**
 * Attaches every pending customer whose email equals the user's VERIFIED email, and their
 * entitlements. Called from Convex Auth's `afterUserCreatedOrUpdated` (sign-up with a verified
 * email, email verification). An unverified user gets nothing. Returns the customers attached.
 */
export async function attachVerifiedCustomer(
  ctx: MutationCtx,
  userId: Id<"users">,
): Promise<number> {
  const user = await ctx.db.get("users", userId);
  if (user === null || !isVerified(user) || user.email === undefined) return 0;
  const email = normalizeEmail(user.email);
  const customers = await ctx.db
    .query("customers")
    .withIndex("by_email", (q) => q.eq("email", email))
    .take(MAX_CUSTOMERS_PER_EMAIL);
  const now = Date.now();
  let attached = 0;
  for (const customer of customers) {
    if (customer.userId !== undefined) continue;
    await ctx.db.patch("customers", customer._id, { userId });
    await auditAttach(ctx, customer, userId, "system");
    await attachEntitlements(ctx, { ...customer, userId }, userId, now);
    attached++;
  }
  return attached;
}
