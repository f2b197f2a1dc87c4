import { actionFor, parseSellappBody, sourceOf } from "@g3/payments";
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { writeAudit } from "../shared/audit";
import { upsertCustomerFromEvent } from "./customers";
import { paymentFactFor, recordPayment } from "./paymentLedger";
import { rederiveSource } from "./sellappSources";

/**
 * Applies one stored, verified webhook event: customer bookkeeping, then a re-derivation of the
 * event's source (order or subscription). Throws on anything that needs a human (unmapped product,
 * missing tier); the caller runs this in a sub-transaction so a throw rolls every write back and the
 * event is marked failed with the error, for automatic retry and admin replay.
 */
export type ApplyOutcome = { status: "processed" | "ignored"; note?: string };

export async function applyWebhookEvent(
  ctx: MutationCtx,
  doc: Doc<"webhookEvents">,
  now: number,
): Promise<ApplyOutcome> {
  // Only verified requests are processed, and they always keep their body.
  if (doc.rawBody === undefined) throw new Error(`event ${doc._id} has no stored body`);
  const parsed = parseSellappBody(doc.rawBody);
  if (!parsed.ok) throw new Error(`stored event no longer parses: ${parsed.reason}`);
  const event = parsed.event;
  const action = actionFor(event);
  const source = sourceOf(event);
  if (action.kind === "ignore" && (event.shape === "other" || source === undefined)) {
    return { status: "ignored", note: event.known ? "no access change" : "unknown event type" };
  }
  if (action.kind === "ignore") {
    // A known order event without an access meaning (order.created, charge.review, …).
    return { status: "ignored", note: `${event.eventType} carries no access change` };
  }

  const customer = await upsertCustomerFromEvent(ctx, event.customer, now);

  if (action.kind === "flag_partial_payment") {
    await flagCustomer(ctx, customer, "partial_payment", doc._id, event.orderId);
    return { status: "processed", note: "partial payment: no access granted, customer flagged" };
  }
  if (action.kind === "revoke" && action.reason === "dispute" && customer.disputed !== true) {
    await ctx.db.patch("customers", customer._id, { disputed: true });
    await writeAudit(ctx, {
      actorType: "webhook",
      action: "customer.dispute",
      targetType: "customer",
      targetId: customer._id,
      details: { eventId: doc._id, orderId: event.orderId ?? null },
    });
  }
  if (source === undefined)
    return { status: "ignored", note: "event names no order or subscription" };
  const result = await rederiveSource(ctx, source, customer, { type: "webhook" }, now);
  const fact = paymentFactFor(action);
  if (fact !== null && event.orderId !== undefined && event.shape !== "subscription") {
    // The payment history and revenue rollup; rolled back with the rest if anything throws.
    await recordPayment(ctx, {
      orderId: event.orderId,
      customerId: customer._id,
      amount: event.amount,
      tierKeys: result.tiers,
      fact,
      at: event.occurredAt ?? now,
      now,
    });
  }
  return {
    status: "processed",
    note: `${source.source} ${source.sourceId}: tiers [${result.tiers.join(", ")}], ${result.changed} change(s)`,
  };
}

async function flagCustomer(
  ctx: MutationCtx,
  customer: Doc<"customers">,
  flag: string,
  eventId: Id<"webhookEvents">,
  orderId: string | undefined,
): Promise<void> {
  const flags = customer.flags ?? [];
  if (flags.includes(flag)) return;
  await ctx.db.patch("customers", customer._id, { flags: [...flags, flag] });
  await writeAudit(ctx, {
    actorType: "webhook",
    action: "customer.flag",
    targetType: "customer",
    targetId: customer._id,
    reason: flag,
    details: { eventId, orderId: orderId ?? null },
  });
}
