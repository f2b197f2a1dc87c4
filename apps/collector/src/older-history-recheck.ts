import type { DiscordMessages } from "./discord-messages.js";
import type { IngestApi } from "./ingest-api.js";
import type { Ingestor } from "./ingestor.js";
import type { Logger } from "./logger.js";
import { recheckSince, type RecheckLimits } from "./recheck.js";

/** Each slice is one exclusive turn of the channel: live events wait at most one slice. */
export const SLICE_MS = 7 * 24 * 60 * 60 * 1000;

export type OlderHistoryResult = {
  /** Oldest stored message's post time (the pass's start), when there was anything to compare. */
  from?: number;
  compared: number;
  tombstoned: number;
  upserted: number;
  /** Set when `maxMessages` stopped the pass: messages posted before this time were not compared. */
  truncatedBefore?: number;
};

/**
 * The catch-up's third part: the channel's stored messages posted before the recheck span
 * (`until`) compared with Discord, so an edit or a delete made during an outage reaches us however
 * old the message is. The recheck (`recheck.ts`) covers the recent span inside the catch-up; this
 * pass goes back from it to the oldest stored message in slices of a week, newest first, each as
 * its own exclusive turn of the channel (`runExclusive`) so live events pass between slices. It
 * reads at most `limits.maxMessages` stored messages in all; a channel with more stops there and
 * says so. Discord is read from the oldest stored message of each slice, 100 messages a request.
 */
export async function recheckOlderHistory(args: {
  channelId: string;
  until: number;
  limits: RecheckLimits;
  api: IngestApi;
  ingestor: Ingestor;
  discord: DiscordMessages;
  runExclusive: <T>(task: () => Promise<T>) => Promise<T>;
  isStopping: () => boolean;
}): Promise<OlderHistoryResult> {
  const totals: OlderHistoryResult = { compared: 0, tombstoned: 0, upserted: 0 };
  const first = await args.api.storedMessagesSince(args.channelId, 0, null, 1);
  const oldest = first.page[0]?.sourceAt;
  if (oldest === undefined || oldest >= args.until) return totals;
  totals.from = oldest;
  let end = args.until;
  while (end > oldest && !args.isStopping()) {
    const since = Math.max(oldest, end - SLICE_MS);
    const budget = args.limits.maxMessages - totals.compared;
    if (budget <= 0) {
      totals.truncatedBefore = end;
      break;
    }
    const slice = await args.runExclusive(() =>
      recheckSince({
        channelId: args.channelId,
        since,
        until: end,
        limits: { ...args.limits, maxMessages: budget },
        api: args.api,
        ingestor: args.ingestor,
        discord: args.discord,
        isStopping: args.isStopping,
      }),
    );
    totals.compared += slice.compared;
    totals.tombstoned += slice.tombstoned;
    totals.upserted += slice.upserted;
    if (slice.truncatedAt !== undefined) {
      // The slice was read oldest first and cut: the rest of it, and everything older, is unread.
      totals.truncatedBefore = end;
      break;
    }
    end = since;
  }
  return totals;
}

/** Logs a pass's outcome: a truncated one as a warning naming the setting. */
export function logOlderHistoryRecheck(
  logger: Logger,
  channelId: string,
  result: OlderHistoryResult,
  ms: number,
): void {
  const fields = {
    event: "backfill.older_history_rechecked",
    channelId,
    ...(result.from === undefined ? {} : { from: new Date(result.from).toISOString() }),
    compared: result.compared,
    tombstoned: result.tombstoned,
    rechecked: result.upserted,
    ms,
  };
  if (result.truncatedBefore === undefined) {
    logger.info(fields, "older history compared with Discord");
    return;
  }
  logger.warn(
    { ...fields, truncatedBefore: new Date(result.truncatedBefore).toISOString() },
    "older-history recheck hit BACKFILL_RECHECK_MAX_MESSAGES; older messages were not compared",
  );
}
