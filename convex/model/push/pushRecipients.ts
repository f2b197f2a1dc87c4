// Who gets a signal's push, decided at send time: filters, quiet hours, and the access gate
// for every subscriber, so a member who lapsed since subscribing receives nothing.
import type { Doc, Id } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";
import { hasAccess } from "../payments/access";
import { matchesPushFilters } from "./pushMatching";
import { isQuietAt } from "./pushQuietHours";

export type PushTarget = {
  id: Id<"pushSubscriptions">;
  endpoint: string;
  p256dh: string;
  auth: string;
};

export function toTarget(row: Doc<"pushSubscriptions">): PushTarget {
  return { id: row._id, endpoint: row.endpoint, p256dh: row.p256dh, auth: row.auth };
}

/** The rows of `rows` that should get `signal` now. Access is read once per user. */
export async function selectRecipients(
  ctx: QueryCtx,
  signal: Doc<"signals">,
  rows: readonly Doc<"pushSubscriptions">[],
  now: number,
): Promise<PushTarget[]> {
  const access = new Map<Id<"users">, boolean>();
  const targets: PushTarget[] = [];
  for (const row of rows) {
    if (!matchesPushFilters(row.filters, signal)) continue;
    if (isQuietAt(row.quietHours, now)) continue;
    let allowed = access.get(row.userId);
    if (allowed === undefined) {
      allowed = await hasAccess(ctx, row.userId, signal.tierKey, now);
      access.set(row.userId, allowed);
    }
    if (allowed) targets.push(toTarget(row));
  }
  return targets;
}
