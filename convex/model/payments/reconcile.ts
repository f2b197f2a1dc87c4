import { sourceOf } from "@g3/payments";
import type { Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import type { EntitlementActor } from "./entitlements";
import {
  rederiveSource,
  type SourceRef,
  storedEventsOfSource,
  TRUSTED_VERIFICATIONS,
} from "./sellappSources";
import { parseSellappBody } from "@g3/payments";

const MAX_EVENTS_PER_CUSTOMER = 500;

export type ReconcileResult = {
  sources: number;
  changed: number;
  failures: { source: string; error: string }[];
};

/**
 * Re-derives every Sell.app-sourced entitlement of one customer from all their stored events: the
 * sources named by their events (by email) and by their existing entitlement rows. A source that
 * cannot be derived (e.g. an unmapped product) is reported, not thrown, so one bad source does not
 * block the rest.
 */
export async function reconcileCustomer(
  ctx: MutationCtx,
  customerId: Id<"customers">,
  actor: EntitlementActor,
  now: number,
): Promise<ReconcileResult> {
  const customer = await ctx.db.get("customers", customerId);
  if (customer === null) throw new Error(`customer ${customerId} not found`);
  const refs = new Map<string, SourceRef>();
  const events = await ctx.db
    .query("webhookEvents")
    .withIndex("by_customer_email", (q) => q.eq("customerEmail", customer.email))
    .take(MAX_EVENTS_PER_CUSTOMER);
  for (const doc of events) {
    if (
      !TRUSTED_VERIFICATIONS.has(doc.verification) ||
      doc.status === "rejected" ||
      doc.status === "duplicate"
    )
      continue;
    if (doc.rawBody === undefined) continue; // only unverified requests lack a body
    const parsed = parseSellappBody(doc.rawBody);
    if (!parsed.ok) continue;
    const ref = sourceOf(parsed.event);
    if (ref !== undefined) refs.set(`${ref.source}:${ref.sourceId}`, ref);
  }
  const rows = await ctx.db
    .query("entitlements")
    .withIndex("by_customer", (q) => q.eq("customerId", customerId))
    .take(200);
  for (const row of rows) {
    if (row.source === "manual") continue;
    refs.set(`${row.source}:${row.sourceId}`, { source: row.source, sourceId: row.sourceId });
  }
  let changed = 0;
  const failures: ReconcileResult["failures"] = [];
  for (const [name, ref] of refs) {
    if ((await storedEventsOfSource(ctx, ref)).length === 0) continue;
    try {
      changed += (await rederiveSource(ctx, ref, customer, actor, now)).changed;
    } catch (error) {
      failures.push({
        source: name,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { sources: refs.size, changed, failures };
}
