import { checkDrift } from "./drift.js";
import { contentHash } from "./render.js";

/** One mapping's latest deliveries, as `mirror.driftWindow` returns them (newest first). */
export type DriftWindowMapping = {
  mappingId: string;
  customerChannelId: string;
  rows: {
    deliveryId: string;
    signalId: string;
    live: boolean;
    customerMessageId?: string;
    updateNoteMessageId?: string;
    contentHash?: string;
    synced: boolean;
  }[];
};

/** A message of the customer channel's recent history. */
export type ChannelMessage = { id: string; authorId: string; content: string };

export type DriftSummary = {
  windowSignals: number;
  windowMessages: number;
  missing: number;
  duplicates: number;
  stale: number;
  orphans: number;
  examples: { missing: string[]; duplicates: string[]; stale: string[]; orphans: string[] };
};

export const DRIFT_EXAMPLES = 5;

/**
 * Runs the pure drift checker over one mapping's recent window. Keys are signal ids: a message is
 * the signal's when a delivery recorded its id, or (a duplicate, e.g. a re-post after a crash) when
 * it is this bot's and shows the same content as a live signal's last render. Then:
 * - missing: a live signal whose message is not in the channel (never posted, or deleted by a
 *   moderator);
 * - duplicates: a signal shown by more than one message;
 * - stale: the message does not show the signal's current version yet (queue behind or failed);
 * - orphans: a bot message no delivery accounts for, or one of a deleted signal.
 *
 * `history` is the channel's latest messages; when it is a full page (`fullPage`), recorded
 * messages older than its oldest are out of sight and not judged. `knownElsewhere` are message
 * ids recorded on deliveries outside the window (older signals), which are not orphans.
 */
export function summarizeDrift(args: {
  mapping: DriftWindowMapping;
  history: readonly ChannelMessage[];
  botUserId: string;
  fullPage: boolean;
  knownElsewhere: ReadonlySet<string>;
}): DriftSummary {
  const { mapping, history } = args;
  const oldest = args.fullPage ? minSnowflake(history.map((message) => message.id)) : undefined;
  const inSight = (messageId: string | undefined) =>
    messageId === undefined || oldest === undefined || BigInt(messageId) >= oldest;
  const rows = mapping.rows.filter((row) => inSight(row.customerMessageId));
  const recorded = new Map<string, string>();
  const notes = new Set<string>();
  const byHash = new Map<string, string>();
  for (const row of mapping.rows) {
    if (row.customerMessageId !== undefined) recorded.set(row.customerMessageId, row.signalId);
    if (row.updateNoteMessageId !== undefined) notes.add(row.updateNoteMessageId);
    if (row.live && row.contentHash !== undefined && !byHash.has(row.contentHash)) {
      byHash.set(row.contentHash, row.signalId);
    }
  }
  const expected = rows
    .filter((row) => row.live)
    .map((row) => ({
      key: row.signalId,
      content:
        row.synced && row.contentHash !== undefined ? row.contentHash : `behind:${row.signalId}`,
    }));
  const actual = history
    .filter(
      (message) =>
        message.authorId === args.botUserId &&
        !notes.has(message.id) &&
        (recorded.has(message.id) || !args.knownElsewhere.has(message.id)),
    )
    .map((message) => ({ id: message.id, content: contentHash(message.content) }));
  const report = checkDrift(expected, actual, {
    keyOf: () => undefined,
    keyOfMessage: (message) => recorded.get(message.id) ?? byHash.get(message.content),
  });
  return {
    windowSignals: rows.length,
    windowMessages: actual.length,
    missing: report.missing.length,
    duplicates: report.duplicates.length,
    stale: report.stale.length,
    orphans: report.unexpected.length,
    examples: {
      missing: report.missing.slice(0, DRIFT_EXAMPLES).map((item) => item.key),
      duplicates: report.duplicates
        .flatMap((item) => item.ids.filter((id) => recorded.get(id) !== item.key))
        .slice(0, DRIFT_EXAMPLES),
      stale: report.stale.slice(0, DRIFT_EXAMPLES).map((item) => item.key),
      orphans: report.unexpected.slice(0, DRIFT_EXAMPLES).map((item) => item.id),
    },
  };
}

function minSnowflake(ids: readonly string[]): bigint | undefined {
  let min: bigint | undefined;
  for (const id of ids) {
    const value = BigInt(id);
    if (min === undefined || value < min) min = value;
  }
  return min;
}
