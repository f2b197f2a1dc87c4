import type { ChannelMessage, DriftWindowMapping } from "./drift-summary.js";
import { contentHash } from "./render.js";

/** A synced delivery whose customer message is gone or shows something else, as the check saw it. */
export type DriftRepair = {
  deliveryId: string;
  customerMessageId: string;
  contentHash: string;
  problem: "missing" | "changed";
};

/**
 * The deliveries a drift check can repair (pure): live signals whose delivery is synced and
 * recorded a customer message in sight of the history read, where that message is not in the
 * channel any more (a moderator deleted it) or shows content other than the last render (someone
 * edited it). Rows still in the queue are the worker's; orphans and duplicates are only reported
 * (deleting a bot message no delivery accounts for could delete a create still being recorded).
 *
 * `fullPage`: the history is the channel's latest page, so a recorded message older than its
 * oldest is out of sight and not judged; otherwise the history is the whole channel.
 */
export function driftRepairs(args: {
  mapping: DriftWindowMapping;
  history: readonly ChannelMessage[];
  fullPage: boolean;
}): DriftRepair[] {
  const byId = new Map(args.history.map((message) => [message.id, message]));
  let oldest: bigint | undefined;
  if (args.fullPage) {
    for (const message of args.history) {
      const id = BigInt(message.id);
      if (oldest === undefined || id < oldest) oldest = id;
    }
  }
  const repairs: DriftRepair[] = [];
  for (const row of args.mapping.rows) {
    const messageId = row.customerMessageId;
    if (!row.live || !row.synced || messageId === undefined || row.contentHash === undefined) {
      continue;
    }
    if (oldest !== undefined && BigInt(messageId) < oldest) continue;
    const shown = byId.get(messageId);
    const problem =
      shown === undefined
        ? "missing"
        : contentHash(shown.content) === row.contentHash
          ? undefined
          : "changed";
    if (problem === undefined) continue;
    repairs.push({
      deliveryId: row.deliveryId,
      customerMessageId: messageId,
      contentHash: row.contentHash,
      problem,
    });
  }
  return repairs;
}
