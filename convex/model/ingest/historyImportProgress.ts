import type { Doc } from "../../_generated/dataModel";

/** Discord's epoch (2015-01-01): snowflakes count milliseconds from it. */
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** When a snowflake was minted (ms). A channel's own id is its creation time. */
export function timeOfSnowflake(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH_MS);
}

export type ImportProgress = {
  /** Share of the channel's lifetime covered, newest first (Discord does not say how many messages a channel holds). */
  fraction: number;
  /** Messages read per second while running, over the import's whole run. */
  perSecond?: number;
  /** Estimated ms left at that pace, from the share of time covered. */
  etaMs?: number;
  /** The post time of the oldest message imported so far. */
  reachedAt?: number;
};

/**
 * Progress of a history import for the console. The import pages back from the newest message to
 * the channel's creation, so the time span covered is known exactly while the message count is
 * not: the bar shows time covered, and the ETA assumes posting was as dense before as after.
 */
export function importProgress(job: Doc<"historyImports">): ImportProgress {
  if (job.state === "done") return { fraction: 1 };
  if (job.cursor === undefined || job.newestMessageId === undefined) return { fraction: 0 };
  const start = timeOfSnowflake(job.sourceChannelId);
  const newest = timeOfSnowflake(job.newestMessageId);
  const reachedAt = timeOfSnowflake(job.cursor);
  const span = newest - start;
  const fraction = span <= 0 ? 1 : Math.min(1, Math.max(0, (newest - reachedAt) / span));
  const read = job.imported + job.skipped + job.failed;
  const elapsed =
    job.startedAt === undefined || job.lastPageAt === undefined
      ? 0
      : job.lastPageAt - job.startedAt;
  if (elapsed <= 0 || read === 0) return { fraction, reachedAt };
  const perSecond = (read * 1000) / elapsed;
  const etaMs = fraction > 0 ? Math.round((elapsed * (1 - fraction)) / fraction) : undefined;
  return { fraction, perSecond, reachedAt, ...(etaMs === undefined ? {} : { etaMs }) };
}
