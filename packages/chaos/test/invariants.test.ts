import { describe, expect, it } from "vitest";
import {
  checkAcknowledgedWrites,
  checkMessages,
  checkPaidRole,
  checkPayments,
  type SourceMessage,
} from "../src/invariants.js";

const msg = (id: string, n: number, over: Partial<SourceMessage> = {}): SourceMessage => ({
  id,
  tag: `[ck-${n}]`,
  content: `[ck-${n}] BTC LONG`,
  attachments: [],
  deleted: "no",
  lastChangeAt: 1,
  ...over,
});

describe("checkMessages", () => {
  it("accepts tombstones, never-ingested deletes and bulk deletes with no customer message", () => {
    const source = [
      msg("1", 1),
      msg("2", 2, { deleted: "single" }),
      msg("3", 3, { deleted: "bulk" }),
      msg("4", 4, { deleted: "bulk" }),
    ];
    const signals = new Map([
      ["1", { content: "[ck-1] BTC LONG", deleted: false }],
      ["2", { content: "[ck-2] BTC LONG", deleted: true }],
      ["3", { content: "[ck-3] BTC LONG", deleted: true }],
      ["4", null],
    ]);
    const result = checkMessages(source, signals, [
      { id: "c1", content: "[ck-1] BTC LONG", attachments: [] },
    ]);
    expect(result.violations).toEqual([]);
    expect(result.counts).toMatchObject({
      live: 1,
      deleted: 3,
      bulk_deleted: 2,
      tombstones: 2,
      never_ingested: 1,
    });
  });

  it("flags a stale signal, a duplicate, a stale mirror, a surviving mirror of a delete and an orphan", () => {
    const source = [
      msg("1", 1, { content: "[ck-1] edited" }),
      msg("2", 2),
      msg("3", 3, { content: "[ck-3] edited" }),
      msg("4", 4, { deleted: "bulk" }),
    ];
    const signals = new Map([
      ["1", { content: "[ck-1] BTC LONG", deleted: false }],
      ["2", { content: "[ck-2] BTC LONG", deleted: false }],
      ["3", { content: "[ck-3] edited", deleted: false }],
      ["4", { content: "[ck-4] BTC LONG", deleted: false }],
    ]);
    const result = checkMessages(source, signals, [
      { id: "c1", content: "[ck-1] edited", attachments: [] },
      { id: "c2a", content: "[ck-2] BTC LONG", attachments: [] },
      { id: "c2b", content: "[ck-2] BTC LONG", attachments: [] },
      { id: "c3", content: "[ck-3] BTC LONG", attachments: [] },
      { id: "c4", content: "[ck-4] BTC LONG", attachments: [] },
      { id: "c9", content: "no tag at all", attachments: [] },
    ]);
    expect(result.violations.map((v) => `${v.kind}:${v.id}`).sort()).toEqual([
      "mirror_duplicate:2",
      "mirror_not_deleted:4",
      "mirror_orphan:c9",
      "mirror_stale:3",
      "signal_not_tombstoned:4",
      "signal_stale:1",
    ]);
  });

  it("flags a missing signal, a missing mirror and different attachments", () => {
    const result = checkMessages(
      [msg("1", 1), msg("2", 2, { attachments: ["chart.png"] })],
      new Map([["2", { content: "[ck-2] BTC LONG", deleted: false }]]),
      [{ id: "c2", content: "[ck-2] BTC LONG", attachments: [] }],
    );
    expect(result.violations.map((v) => `${v.kind}:${v.id}`).sort()).toEqual([
      "mirror_attachments:2",
      "mirror_missing:1",
      "signal_missing:1",
    ]);
  });
});

describe("checkPaidRole", () => {
  it("wants the role exactly on paying, linked customers", () => {
    const customers = [
      { id: "a", discordUserId: "10", linked: true, paying: true },
      { id: "b", discordUserId: "11", linked: false, paying: true },
      { id: "c", discordUserId: "12", linked: true, paying: false },
      { id: "d", discordUserId: "13", linked: true, paying: true },
    ];
    expect(checkPaidRole(customers, new Set(["10", "13"])).violations).toEqual([]);
    const bad = checkPaidRole(customers, new Set(["10", "11", "12", "99"]));
    expect(bad.violations.map((v) => `${v.kind}:${v.id}`).sort()).toEqual([
      "role_extra:b (discord 11)",
      "role_extra:c (discord 12)",
      "role_extra:discord 99",
      "role_missing:d (discord 13)",
    ]);
  });
});

describe("checkPayments and checkAcknowledgedWrites", () => {
  const acked = [
    { seq: 1, customer: "customer-0", kind: "order.completed", ackedId: "e1" },
    { seq: 2, customer: "customer-0", kind: "order.completed", ackedId: "e2" },
    { seq: 3, customer: "customer-1", kind: "order.disputed", ackedId: "e3" },
  ];

  it("accepts a redelivery stored as a duplicate and matching access", () => {
    const stored = new Map([
      ["e1", { status: "processed", dedupeKey: "k1" }],
      ["e2", { status: "duplicate", duplicateOf: "e1", dedupeKey: "k1" }],
      ["e3", { status: "processed", dedupeKey: "k3" }],
    ]);
    const access = [
      {
        customer: "customer-0",
        expected: { hasAccess: true, status: "active" },
        found: { hasAccess: true, status: "active" },
      },
    ];
    expect(checkPayments(acked, stored, access).violations).toEqual([]);
    expect(checkAcknowledgedWrites(acked, stored, [], 1).violations).toEqual([]);
  });

  it("flags a twice-applied key, an unprocessed event, wrong access and a lost event", () => {
    const stored = new Map([
      ["e1", { status: "processed", dedupeKey: "k1" }],
      ["e2", { status: "processed", dedupeKey: "k1" }],
      ["e3", null],
    ]);
    const withStuck = [
      ...acked,
      { seq: 4, customer: "customer-1", kind: "order.completed", ackedId: "e4" },
    ];
    stored.set("e4", { status: "received", dedupeKey: "k4" });
    const access = [
      {
        customer: "customer-1",
        expected: { hasAccess: false, status: "revoked" },
        found: { hasAccess: true, status: "active" },
      },
    ];
    expect(
      checkPayments(withStuck, stored, access)
        .violations.map((v) => v.kind)
        .sort(),
    ).toEqual(["entitlement_mismatch", "webhook_applied_twice", "webhook_not_applied"]);
    expect(checkAcknowledgedWrites(withStuck, stored, [], 1).violations.map((v) => v.kind)).toEqual(
      ["webhook_lost"],
    );
  });

  it("checks an acknowledged link unless a later attempt went unanswered", () => {
    const last = { customer: "customer-2", linked: true, ackedAt: 5 };
    expect(
      checkAcknowledgedWrites(
        [],
        new Map(),
        [{ last, ambiguousAfter: false, linkedNow: false }],
        0,
      ).violations.map((v) => v.kind),
    ).toEqual(["link_lost"]);
    expect(
      checkAcknowledgedWrites([], new Map(), [{ last, ambiguousAfter: true, linkedNow: false }], 0)
        .violations,
    ).toEqual([]);
  });
});
