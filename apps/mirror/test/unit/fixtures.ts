import type { DriftWindowMapping } from "../../src/drift-summary.js";
import { contentHash } from "../../src/render.js";
import type { ClaimedDelivery } from "../../src/work-types.js";

type Id<T extends string> = string & { __tableName: T };
const id = <T extends string>(value: string) => value as Id<T>;

/** A claimed delivery as Convex returns it, with overridable parts. */
export function claimedDelivery(overrides: Partial<ClaimedDelivery> = {}): ClaimedDelivery {
  return {
    deliveryId: id<"mirrorDeliveries">("d1"),
    nonce: "abc123",
    customerChannelId: "2000000000000000010",
    syncedVersion: 0,
    version: 1,
    leaseExpiresAt: 0,
    signal: {
      signalId: id<"signals">("s1"),
      sourceMessageId: "1300000000000000001",
      content: "BTC/USDT LONG\nEntry 42000\nTP 43000\nSL 41000 @everyone",
      kind: "signal",
      parsed: {
        kind: "signal",
        symbol: { raw: "BTC/USDT", base: "BTC", quote: "USDT" },
        side: "long",
        entries: [42000],
        targets: [43000],
        stopLoss: 41000,
        confidence: 0.95,
        errors: [],
        parserVersion: "test",
      },
      summary: "LONG BTC/USDT · entry 42000 · 1 target · SL 41000",
      authorName: "analyst",
      sourceAt: 0,
      deleted: false,
    },
    attachments: [],
    omittedAttachments: [],
    ...overrides,
  };
}

export function attachment(name: string, size: number, sha = "s") {
  return {
    attachmentId: id<"attachments">(`att-${name}`),
    filename: name,
    contentType: "image/png",
    size,
    url: `http://127.0.0.1:3211/api/storage/${name}`,
    sha256: sha,
  } as ClaimedDelivery["attachments"][number];
}

type DriftRow = DriftWindowMapping["rows"][number];

/**
 * One mirrored signal as the drift check reads it: live and synced unless told; `content` is
 * the text it was last rendered with (stored as its hash, as Convex keeps it).
 */
export function driftRow(
  signalId: string,
  fields: Partial<DriftRow> & { content?: string } = {},
): DriftRow {
  const { content, ...rest } = fields;
  return {
    deliveryId: `d-${signalId}`,
    signalId,
    live: true,
    synced: true,
    ...(content === undefined ? {} : { contentHash: contentHash(content) }),
    ...rest,
  };
}

/** One channel mapping's window of mirrored signals. */
export const driftWindow = (rows: DriftWindowMapping["rows"]): DriftWindowMapping => ({
  mappingId: "m1",
  customerChannelId: "c1",
  rows,
});
