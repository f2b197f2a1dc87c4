import { adminClient } from "@g3/convex-offline";
import { DEMO_IDS, type ControlClient } from "@g3/discord-emulator";
import { refs } from "./convex-refs.js";
import { userClient } from "./customers.js";
import {
  checkAcknowledgedWrites,
  checkMessages,
  checkPaidRole,
  checkPayments,
  type AckedDelivery,
  type InvariantResult,
  type SourceMessage,
  type StoredEventView,
  type StoredSignalView,
} from "./invariants.js";
import { PAID_ROLE_ID } from "./customers.js";
import { mapLimit } from "./map-limit.js";
import { expectedAccess } from "./payments.js";
import type { Workload } from "./workload.js";

/**
 * The messages invariant over what Convex (admin key) and the customer channel (the emulator's
 * control API) show now for the given source messages.
 */
export async function observeMessages(
  admin: ReturnType<typeof adminClient>,
  control: ControlClient,
  source: readonly SourceMessage[],
): Promise<InvariantResult> {
  const signals = new Map<string, StoredSignalView>();
  await mapLimit(source, 6, async (message) => {
    const found = await admin.query(refs.inspectMessage, { messageId: message.id });
    signals.set(
      message.id,
      found === null
        ? null
        : { content: found.signal.content, deleted: found.signal.deletedAt !== undefined },
    );
  });
  const customerMessages = (await control.messages(DEMO_IDS.customerVipSignals)).map((m) => ({
    id: m.id,
    content: m.content,
    attachments: m.attachments.map((a) => a.filename),
  }));
  return checkMessages(source, signals, customerMessages);
}

/**
 * Reads what the system shows now — Convex through its admin key and the customers' own
 * sessions, the customer guild through the emulator's control API — and checks the invariants.
 */
export async function observeAndCheck(args: {
  backendUrl: string;
  adminKey: string;
  adminToken: string;
  control: ControlClient;
  workload: Workload;
  backendKills: number;
}): Promise<InvariantResult[]> {
  const { workload, control } = args;
  const messages = await observeMessages(
    adminClient(args.backendUrl, args.adminKey),
    control,
    workload.messages,
  );

  const members = await control.members(DEMO_IDS.customerGuild);
  const holders = new Set(
    members
      .filter((m) => m.roles.includes(PAID_ROLE_ID))
      .flatMap((m) => (m.user ? [m.user.id] : [])),
  );
  const now = Date.now();
  const perCustomer = await mapLimit(workload.customers, 4, async (customer) => {
    const client = userClient(args.backendUrl, customer.account.token);
    const link = await client.query(refs.linkMine, {});
    const mine = await client.query(refs.entitlementsMine, {});
    const vip = mine?.tiers.find((tier) => tier.tierKey === "vip");
    const expected = await expectedAccess(customer.deliveries, now);
    return { customer, linkedNow: link !== null, vip, expected };
  });
  const paidRole = checkPaidRole(
    perCustomer.map(({ customer, linkedNow, expected }) => ({
      id: `customer-${customer.identity.index}`,
      discordUserId: customer.identity.discordUserId,
      linked: linkedNow,
      paying: expected.hasAccess,
    })),
    holders,
  );

  const acked: AckedDelivery[] = workload.deliveries.flatMap((d) =>
    d.ackedId === undefined
      ? []
      : [{ seq: d.seq, customer: `customer-${d.customer}`, kind: d.kind, ackedId: d.ackedId }],
  );
  const adminUser = userClient(args.backendUrl, args.adminToken);
  const stored = new Map<string, StoredEventView>();
  await mapLimit([...new Set(acked.map((d) => d.ackedId))], 6, async (id) => {
    const view = await adminUser.query(refs.webhookGet, { id });
    stored.set(
      id,
      view === null
        ? null
        : {
            status: view.event.status,
            ...(view.event.duplicateOf === undefined
              ? {}
              : { duplicateOf: view.event.duplicateOf }),
            ...(view.dedupeKey === undefined ? {} : { dedupeKey: view.dedupeKey }),
          },
    );
  });
  const payments = checkPayments(
    acked,
    stored,
    perCustomer.map(({ customer, vip, expected }) => ({
      customer: `customer-${customer.identity.index}`,
      expected: {
        hasAccess: expected.hasAccess,
        ...(expected.status ? { status: expected.status } : {}),
      },
      found: { hasAccess: vip?.hasAccess ?? false, ...(vip?.status ? { status: vip.status } : {}) },
    })),
  );
  const writes = checkAcknowledgedWrites(
    acked,
    stored,
    perCustomer.map(({ customer, linkedNow }) => ({
      last: customer.lastLink,
      ambiguousAfter: customer.ambiguousAfter,
      linkedNow,
    })),
    args.backendKills,
  );
  return [messages, paidRole, payments, writes];
}
