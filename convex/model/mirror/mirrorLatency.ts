import type { Infer } from "convex/values";
import type { MutationCtx } from "../../_generated/server";
import type { vLatencyHop } from "../../tables/operations";
import { optionalEnv } from "../shared/env";

/**
 * Records one mirror latency sample. Deterministic sampling by source message id with the same
 * LATENCY_SAMPLE_EVERY knob as ingest (default 1 = every signal), so the hops of one signal are
 * either all sampled or none. The retention cron bounds the table by age.
 */
export async function recordMirrorLatency(
  ctx: MutationCtx,
  sample: { hop: Infer<typeof vLatencyHop>; sourceMessageId: string; ms: number; at: number },
): Promise<void> {
  if (!isSampled(sample.sourceMessageId)) return;
  await ctx.db.insert("latencySamples", {
    hop: sample.hop,
    ms: Math.max(0, Math.round(sample.ms)),
    at: sample.at,
  });
}

function isSampled(sourceMessageId: string): boolean {
  const every = Number.parseInt(optionalEnv("LATENCY_SAMPLE_EVERY") ?? "1", 10);
  if (!Number.isFinite(every) || every <= 1) return true;
  if (!/^\d+$/.test(sourceMessageId)) return true;
  return BigInt(sourceMessageId) % BigInt(every) === 0n;
}
