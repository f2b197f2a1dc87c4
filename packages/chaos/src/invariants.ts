// The soak's invariants as pure functions of what the harness sent (its model) and what it
// observed after the settle period (Convex, the customer guild). No I/O here, so each rule is
// unit-tested against hand-made states, including the legal ones that must not be flagged.

export type InvariantName = "messages" | "paid_role" | "payments" | "acknowledged_writes";

export type Violation = {
  invariant: InvariantName;
  kind: string;
  /** The source message, customer, webhook event… the violation is about. */
  id: string;
  expected: string;
  found: string;
  /** When the harness last changed the subject (epoch ms), to line it up with the fault log. */
  at?: number;
};

export type InvariantResult = {
  invariant: InvariantName;
  checked: number;
  counts: Record<string, number>;
  violations: Violation[];
};

/** A source message as the soak left it. Content always carries its tag, e.g. `[ck-12]`. */
export type SourceMessage = {
  id: string;
  tag: string;
  content: string;
  attachments: string[];
  deleted: "no" | "single" | "bulk";
  lastChangeAt: number;
};

export type StoredSignalView = { content: string; deleted: boolean } | null;
export type CustomerMessage = { id: string; content: string; attachments: string[] };

const TAG = /\[ck-\d+\]/;
export const tagOf = (content: string): string | undefined => TAG.exec(content)?.[0];

const short = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);
const sameFiles = (a: string[], b: string[]) =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/**
 * Every source message = one signal with the latest content (or a tombstone) = exactly one
 * customer message with that content (or none). A message deleted at the source may have no
 * signal at all (posted and deleted while no collector listened) or a tombstone; bulk and single
 * deletes are the same to the check. Customer messages are matched by tag, independently of the
 * mirror's own bookkeeping, so a duplicate the mirror does not know about is still found.
 */
export function checkMessages(
  source: readonly SourceMessage[],
  signals: ReadonlyMap<string, StoredSignalView>,
  customer: readonly CustomerMessage[],
): InvariantResult {
  const violations: Violation[] = [];
  const byTag = new Map<string, CustomerMessage[]>();
  const knownTags = new Set(source.map((m) => m.tag));
  for (const message of customer) {
    const tag = tagOf(message.content);
    if (tag === undefined || !knownTags.has(tag)) {
      violations.push({
        invariant: "messages",
        kind: "mirror_orphan",
        id: message.id,
        expected: "no customer message without a source message",
        found: short(message.content),
      });
      continue;
    }
    byTag.set(tag, [...(byTag.get(tag) ?? []), message]);
  }
  const counts = { live: 0, deleted: 0, bulk_deleted: 0, tombstones: 0, never_ingested: 0 };
  for (const message of source) {
    const v = (kind: string, expected: string, found: string) =>
      violations.push({
        invariant: "messages",
        kind,
        id: message.id,
        expected,
        found,
        at: message.lastChangeAt,
      });
    const signal = signals.get(message.id) ?? null;
    const mirrored = byTag.get(message.tag) ?? [];
    if (message.deleted !== "no") {
      counts.deleted += 1;
      if (message.deleted === "bulk") counts.bulk_deleted += 1;
      if (signal === null) counts.never_ingested += 1;
      else if (signal.deleted) counts.tombstones += 1;
      else v("signal_not_tombstoned", "a tombstone or no signal", `live: ${short(signal.content)}`);
      if (mirrored.length > 0) {
        v(
          "mirror_not_deleted",
          "no customer message",
          `${mirrored.length}: ${mirrored.map((m) => m.id).join(", ")}`,
        );
      }
      continue;
    }
    counts.live += 1;
    if (signal === null) v("signal_missing", short(message.content), "no signal");
    else if (signal.deleted) v("signal_tombstoned", short(message.content), "a tombstone");
    else if (signal.content !== message.content)
      v("signal_stale", short(message.content), short(signal.content));
    if (mirrored.length === 0) {
      v("mirror_missing", short(message.content), "no customer message");
    } else if (mirrored.length > 1) {
      v(
        "mirror_duplicate",
        "exactly one customer message",
        `${mirrored.length}: ${mirrored.map((m) => m.id).join(", ")}`,
      );
    } else {
      const only = mirrored[0];
      if (only !== undefined && only.content !== message.content) {
        v("mirror_stale", short(message.content), `${only.id}: ${short(only.content)}`);
      } else if (only !== undefined && !sameFiles(only.attachments, message.attachments)) {
        v(
          "mirror_attachments",
          message.attachments.join(", ") || "no files",
          `${only.id}: ${only.attachments.join(", ") || "no files"}`,
        );
      }
    }
  }
  return { invariant: "messages", checked: source.length, counts, violations };
}

export type CustomerRoleView = {
  id: string;
  discordUserId: string;
  /** Linked in Convex (discordLink:mine), after the settle period. */
  linked: boolean;
  /** What the payment history implies. */
  paying: boolean;
};

/** Every paying, linked customer has the paid role, and nobody else has it. */
export function checkPaidRole(
  customers: readonly CustomerRoleView[],
  holders: ReadonlySet<string>,
): InvariantResult {
  const violations: Violation[] = [];
  const counts = { paying_linked: 0, holders: holders.size, customers: customers.length };
  const expected = new Set<string>();
  for (const customer of customers) {
    if (customer.linked && customer.paying) {
      counts.paying_linked += 1;
      expected.add(customer.discordUserId);
      if (!holders.has(customer.discordUserId)) {
        violations.push({
          invariant: "paid_role",
          kind: "role_missing",
          id: `${customer.id} (discord ${customer.discordUserId})`,
          expected: "paid role (paying and linked)",
          found: "no paid role",
        });
      }
    }
  }
  for (const holder of holders) {
    if (expected.has(holder)) continue;
    const customer = customers.find((c) => c.discordUserId === holder);
    violations.push({
      invariant: "paid_role",
      kind: "role_extra",
      id: customer === undefined ? `discord ${holder}` : `${customer.id} (discord ${holder})`,
      expected: "no paid role",
      found:
        customer === undefined
          ? "holds the paid role, not a soak customer"
          : `holds the paid role (linked ${customer.linked}, paying ${customer.paying})`,
    });
  }
  return { invariant: "paid_role", checked: customers.length, counts, violations };
}

export type AckedDelivery = { seq: number; customer: string; kind: string; ackedId: string };
export type StoredEventView = { status: string; duplicateOf?: string; dedupeKey?: string } | null;
export type AccessView = { hasAccess: boolean; status?: string };

/**
 * Every acknowledged webhook is stored and applied once (processed or ignored; a redelivery is a
 * duplicate pointing at the original, never applied again), and each customer's access equals
 * what the payment reducer derives from the acknowledged history.
 */
export function checkPayments(
  deliveries: readonly AckedDelivery[],
  stored: ReadonlyMap<string, StoredEventView>,
  access: readonly { customer: string; expected: AccessView; found: AccessView }[],
): InvariantResult {
  const violations: Violation[] = [];
  const counts = { acknowledged: deliveries.length, processed: 0, ignored: 0, duplicates: 0 };
  const appliedByKey = new Map<string, Set<string>>();
  for (const delivery of [...new Map(deliveries.map((d) => [d.ackedId, d])).values()]) {
    const row = stored.get(delivery.ackedId) ?? null;
    const v = (kind: string, expected: string, found: string) =>
      violations.push({
        invariant: "payments",
        kind,
        id: `${delivery.ackedId} (#${delivery.seq} ${delivery.kind}, ${delivery.customer})`,
        expected,
        found,
      });
    if (row === null) continue; // lost rows are the acknowledged-writes invariant's finding
    if (row.status === "duplicate") {
      counts.duplicates += 1;
      if (row.duplicateOf === undefined) v("duplicate_without_original", "duplicateOf", "none");
      continue;
    }
    if (row.status === "processed") counts.processed += 1;
    else if (row.status === "ignored") counts.ignored += 1;
    else v("webhook_not_applied", "processed or ignored", row.status);
    if (row.dedupeKey !== undefined) {
      const ids = appliedByKey.get(row.dedupeKey) ?? new Set<string>();
      ids.add(delivery.ackedId);
      appliedByKey.set(row.dedupeKey, ids);
    }
  }
  for (const [key, ids] of appliedByKey) {
    if (ids.size > 1) {
      violations.push({
        invariant: "payments",
        kind: "webhook_applied_twice",
        id: [...ids].join(", "),
        expected: `one applied event for ${key}`,
        found: `${ids.size} applied events`,
      });
    }
  }
  for (const { customer, expected, found } of access) {
    const statusDiffers =
      expected.status !== undefined &&
      found.status !== undefined &&
      expected.status !== found.status;
    if (expected.hasAccess !== found.hasAccess || statusDiffers) {
      violations.push({
        invariant: "payments",
        kind: "entitlement_mismatch",
        id: customer,
        expected: `access ${expected.hasAccess}${expected.status ? ` (${expected.status})` : ""}`,
        found: `access ${found.hasAccess}${found.status ? ` (${found.status})` : ""}`,
      });
    }
  }
  return {
    invariant: "payments",
    checked: deliveries.length + access.length,
    counts,
    violations,
  };
}

export type AckedLink = { customer: string; linked: boolean; ackedAt: number };

/**
 * No acknowledged Convex write is lost across a backend SIGKILL: every webhook answered 200 is
 * still stored, and every acknowledged link/unlink is still the customer's link state (unless a
 * later attempt of that customer went unanswered, which leaves its outcome open).
 */
export function checkAcknowledgedWrites(
  deliveries: readonly AckedDelivery[],
  stored: ReadonlyMap<string, StoredEventView>,
  links: readonly { last: AckedLink | null; ambiguousAfter: boolean; linkedNow: boolean }[],
  backendKills: number,
): InvariantResult {
  const violations: Violation[] = [];
  let checked = 0;
  for (const delivery of deliveries) {
    checked += 1;
    if ((stored.get(delivery.ackedId) ?? null) === null) {
      violations.push({
        invariant: "acknowledged_writes",
        kind: "webhook_lost",
        id: `${delivery.ackedId} (#${delivery.seq} ${delivery.kind}, ${delivery.customer})`,
        expected: "stored (answered 200)",
        found: "no such event",
      });
    }
  }
  for (const { last, ambiguousAfter, linkedNow } of links) {
    if (last === null || ambiguousAfter) continue;
    checked += 1;
    if (last.linked !== linkedNow) {
      violations.push({
        invariant: "acknowledged_writes",
        kind: last.linked ? "link_lost" : "unlink_lost",
        id: last.customer,
        expected: last.linked ? "linked" : "unlinked",
        found: linkedNow ? "linked" : "unlinked",
        at: last.ackedAt,
      });
    }
  }
  return {
    invariant: "acknowledged_writes",
    checked,
    counts: { backend_kills: backendKills, webhooks: deliveries.length },
    violations,
  };
}
