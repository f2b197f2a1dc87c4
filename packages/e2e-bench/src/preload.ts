import { DEMO_IDS } from "@g3/discord-emulator";
import type { AdminClient } from "./admin-client.js";
import { refs } from "./convex-api.js";

const BATCH = 5000;

/**
 * Brings the stored history of the benchmark tier up to `target` signals with the guarded
 * internal bulk insert (`syntheticSignals:insertBatch`, admin key, ALLOW_SYNTHETIC_SIGNALS=true):
 * parsed signals in the mapped source channel, no revisions and no mirror work.
 */
export async function preloadSignals(
  admin: AdminClient,
  current: number,
  target: number,
  progress: (done: number) => void,
): Promise<number> {
  let stored = current;
  while (stored < target) {
    const count = Math.min(BATCH, target - stored);
    await admin.mutation(refs.insertSyntheticSignals, {
      tierKey: "vip",
      sourceGuildId: DEMO_IDS.sourceGuild,
      sourceChannelId: DEMO_IDS.sourceVipSignals,
      firstIndex: stored,
      count,
    });
    stored += count;
    progress(stored);
  }
  return stored;
}
