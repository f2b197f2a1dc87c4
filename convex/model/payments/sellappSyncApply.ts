import { parseSellappBody, sellappDedupeKey, type SellappEvent, sourceOf } from "@g3/payments";
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { entitlementGrantsAccess } from "./access";
import { normalizeEmail } from "./customers";
import { processStoredEvent } from "../../webhookEvents";

/**
 * Feeds orders and subscriptions read from Sell.app (API or order export) into the webhook path:
 * each becomes a stored event with the dedupe key its webhook would have had, so a state a webhook
 * already delivered is recognised and stored nothing, and a missed one is stored and processed
 * exactly like a delivery (processStoredEvent → rederiveSource → writeEntitlement). One source
 * (an order, or a subscription with its orders) is always applied whole, in one call.
 */

export type SyncOrigin = "api" | "import";

export type SourceChange = {
  email: string;
  source: "order" | "subscription";
  sourceId: string;
  tierKey?: string;
  from?: string;
  to?: string;
  accessUntil?: number;
  pending: boolean;
  note: string;
};

export type SourceBatchResult = {
  stored: number;
  known: number;
  failures: string[];
  unmapped: string[];
  changes: SourceChange[];
};

type Row = Doc<"entitlements">;

async function rowsOf(ctx: MutationCtx, source: "order" | "subscription", sourceId: string) {
  return ctx.db
    .query("entitlements")
    .withIndex("by_source", (q) => q.eq("source", source).eq("sourceId", sourceId))
    .take(20);
}

function describe(before: Row | undefined, after: Row, now: number, subject: string): string {
  const had = before !== undefined && entitlementGrantsAccess(before, now);
  const has = entitlementGrantsAccess(after, now);
  const state = after.reason === undefined ? after.status : `${after.status}, ${after.reason}`;
  if (!had && has) return `webhook missed for ${subject}: access granted`;
  if (had && !has) return `webhook missed for ${subject}: access removed (${state})`;
  if (!had) return `webhook missed for ${subject}: no access (${state})`;
  if ((after.accessUntil ?? Infinity) > (before.accessUntil ?? Infinity)) {
    return `webhook missed for ${subject}: access extended`;
  }
  return `webhook missed for ${subject}: ${before.status} → ${state}`;
}

const UNMAPPED = /^no tier mapped for product (.+?) —/;

/** Applies whole sources; returns what was stored and what changed. */
export async function applySyncSources(
  ctx: MutationCtx,
  sources: readonly { rawBodies: readonly string[] }[],
  origin: SyncOrigin,
  now: number,
): Promise<SourceBatchResult> {
  const result: SourceBatchResult = {
    stored: 0,
    known: 0,
    failures: [],
    unmapped: [],
    changes: [],
  };
  for (const { rawBodies } of sources) {
    const parsed: { rawBody: string; event: SellappEvent }[] = [];
    for (const rawBody of rawBodies) {
      const outcome = parseSellappBody(rawBody);
      if (!outcome.ok) {
        result.failures.push(`unreadable ${origin} object: ${outcome.reason}`);
        continue;
      }
      parsed.push({ rawBody, event: outcome.event });
    }
    const first = parsed[0]?.event;
    const ref = first === undefined ? undefined : sourceOf(first);
    if (first === undefined || ref === undefined) continue;
    const subject = `${ref.source} ${ref.sourceId}`;
    const before = await rowsOf(ctx, ref.source, ref.sourceId);

    const storedIds: Id<"webhookEvents">[] = [];
    for (const { rawBody, event } of parsed) {
      const dedupeKey = await sellappDedupeKey(event, rawBody);
      const existing = await ctx.db
        .query("webhookEvents")
        .withIndex("by_dedupe_key", (q) => q.eq("dedupeKey", dedupeKey))
        .first();
      if (existing !== null) {
        result.known++;
        continue;
      }
      storedIds.push(
        await ctx.db.insert("webhookEvents", {
          provider: "sellapp",
          eventType: event.eventType,
          dedupeKey,
          rawBody,
          bodyBytes: rawBody.length,
          headers: {},
          verification: origin,
          status: "received",
          attempts: 0,
          receivedAt: now,
          ...(event.orderId === undefined ? {} : { orderId: event.orderId }),
          ...(event.subscriptionId === undefined ? {} : { subscriptionId: event.subscriptionId }),
          ...(event.customer.email === undefined ? {} : { customerEmail: event.customer.email }),
        }),
      );
    }
    result.stored += storedIds.length;
    for (const id of storedIds) {
      const processed = await processStoredEvent(ctx, id, false);
      if (processed.status !== "failed") continue;
      const error = processed.error ?? "failed";
      const unmapped = UNMAPPED.exec(error)?.[1];
      if (unmapped !== undefined && !result.unmapped.includes(unmapped)) {
        result.unmapped.push(unmapped);
      }
      result.failures.push(`${subject}: ${error}`);
    }
    if (storedIds.length === 0) continue;

    const after = await rowsOf(ctx, ref.source, ref.sourceId);
    const email = normalizeEmail(first.customer.email ?? "");
    for (const row of after) {
      const previous = before.find((candidate) => candidate._id === row._id);
      if (
        previous !== undefined &&
        previous.status === row.status &&
        previous.accessUntil === row.accessUntil &&
        previous.graceUntil === row.graceUntil
      ) {
        continue;
      }
      const customer = await ctx.db.get("customers", row.customerId);
      result.changes.push({
        email: customer?.email ?? email,
        source: ref.source,
        sourceId: ref.sourceId,
        tierKey: row.tierKey,
        ...(previous === undefined ? {} : { from: previous.status }),
        to: row.status,
        ...(row.accessUntil === undefined ? {} : { accessUntil: row.accessUntil }),
        pending: row.userId === undefined,
        note: describe(previous, row, now, subject),
      });
    }
  }
  return result;
}
