import type { EntitlementAction, SellappAmount } from "@g3/payments";
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { monthKeyOf } from "../shared/calendar";

/**
 * The payments ledger and its monthly revenue rollup, written while a verified order event is
 * applied. Each order is one row whose paid / refunded / disputed stamps are set once, and the
 * month rows change only when a stamp is first set: redeliveries, replays and out-of-order events
 * never count twice, and the overview never reads the payments themselves.
 */

export type PaymentFact = "paid" | "refunded" | "disputed";

/** Revenue bucket for payloads with no readable total: counted, with no amount. */
export const UNKNOWN_CURRENCY = "unknown";

/** What an order event says about money, if anything. */
export function paymentFactFor(action: EntitlementAction): PaymentFact | null {
  if (action.kind === "grant") return "paid";
  if (action.kind !== "revoke") return null;
  return action.reason === "dispute" ? "disputed" : "refunded";
}

export type PaymentRecord = {
  orderId: string;
  customerId: Id<"customers">;
  amount: SellappAmount | undefined;
  tierKeys: string[];
  fact: PaymentFact;
  /** When it happened at Sell.app (falls back to processing time). */
  at: number;
  now: number;
};

export async function recordPayment(ctx: MutationCtx, record: PaymentRecord): Promise<void> {
  const { amount, at } = record;
  const currency = amount?.currency ?? UNKNOWN_CURRENCY;
  const cents = amount?.cents ?? 0;
  let row: Doc<"payments"> | null = await ctx.db
    .query("payments")
    .withIndex("by_order", (q) => q.eq("orderId", record.orderId))
    .unique();
  if (row === null) {
    // A refund or dispute seen first still means the money came in once.
    const id = await ctx.db.insert("payments", {
      orderId: record.orderId,
      customerId: record.customerId,
      ...(amount === undefined ? {} : { amountCents: amount.cents, currency: amount.currency }),
      tierKeys: record.tierKeys,
      paidAt: at,
      updatedAt: record.now,
    });
    await addRevenue(ctx, monthKeyOf(at), currency, { grossCents: cents, payments: 1 });
    row = await ctx.db.get("payments", id);
    if (row === null) throw new Error("payment vanished after insert");
  } else if (row.tierKeys.length === 0 && record.tierKeys.length > 0) {
    await ctx.db.patch("payments", row._id, { tierKeys: record.tierKeys, updatedAt: record.now });
  }
  const rowCurrency = row.currency ?? UNKNOWN_CURRENCY;
  if (record.fact === "refunded" && row.refundedAt === undefined) {
    await ctx.db.patch("payments", row._id, { refundedAt: at, updatedAt: record.now });
    await addRevenue(ctx, monthKeyOf(at), rowCurrency, {
      refundedCents: row.amountCents ?? 0,
      refunds: 1,
    });
  }
  if (record.fact === "disputed" && row.disputedAt === undefined) {
    await ctx.db.patch("payments", row._id, { disputedAt: at, updatedAt: record.now });
    await addRevenue(ctx, monthKeyOf(at), rowCurrency, { disputes: 1 });
  }
}

type RevenueDelta = Partial<
  Pick<Doc<"revenueMonths">, "grossCents" | "refundedCents" | "payments" | "refunds" | "disputes">
>;

async function addRevenue(
  ctx: MutationCtx,
  month: string,
  currency: string,
  delta: RevenueDelta,
): Promise<void> {
  const existing = await ctx.db
    .query("revenueMonths")
    .withIndex("by_month_and_currency", (q) => q.eq("month", month).eq("currency", currency))
    .unique();
  const base = existing ?? {
    grossCents: 0,
    refundedCents: 0,
    payments: 0,
    refunds: 0,
    disputes: 0,
  };
  const next = {
    grossCents: base.grossCents + (delta.grossCents ?? 0),
    refundedCents: base.refundedCents + (delta.refundedCents ?? 0),
    payments: base.payments + (delta.payments ?? 0),
    refunds: base.refunds + (delta.refunds ?? 0),
    disputes: base.disputes + (delta.disputes ?? 0),
  };
  if (existing === null) await ctx.db.insert("revenueMonths", { month, currency, ...next });
  else await ctx.db.patch("revenueMonths", existing._id, next);
}
