import type { MutationCtx } from "../../_generated/server";
import { optionalEnv } from "../shared/env";

/**
 * Records the two ingest hops of a live create. Backfilled messages are skipped (their
 * source_to_received is downtime, not latency). Sampling is deterministic by message id:
 * LATENCY_SAMPLE_EVERY=N keeps 1 message in N (default 1 = all; signals are low volume).
 * The table is bounded by the retention cron that prunes `latencySamples` by age.
 */
export async function recordIngestLatency(
  ctx: MutationCtx,
  sample: { messageId: string; sourceAt: number; receivedAt: number; committedAt: number },
): Promise<void> {
  if (!isSampled(sample.messageId)) return;
  const at = sample.committedAt;
  await ctx.db.insert("latencySamples", {
    hop: "source_to_received",
    ms: Math.max(0, sample.receivedAt - sample.sourceAt),
    at,
  });
  await ctx.db.insert("latencySamples", {
    hop: "received_to_committed",
    ms: Math.max(0, sample.committedAt - sample.receivedAt),
    at,
  });
}

function isSampled(messageId: string): boolean {
  const every = Number.parseInt(optionalEnv("LATENCY_SAMPLE_EVERY") ?? "1", 10);
  if (!Number.isFinite(every) || every <= 1) return true;
  return BigInt(messageId) % BigInt(every) === 0n;
}
