// The soak's checks catch real faults: the same scenario runs on the shipped bots and on bots
// with one repair turned off through their own settings. The shipped build converges; the broken
// one must be reported by the messages invariant — otherwise a clean soak would prove nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { adminClient } from "@g3/convex-offline";
import { DEMO_IDS, snowflakeFrom } from "@g3/discord-emulator";
import { describe, expect, it } from "vitest";
import { collectorDrained } from "../src/faults.js";
import type { InvariantResult, SourceMessage } from "../src/invariants.js";
import { observeMessages } from "../src/observe.js";
import { startChaosStack, type BotKind } from "../src/stack.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DAY_MS = 24 * 60 * 60_000;
/** How long the scenario gives the system to converge after the faults (shipped: ~10–20 s). */
const SETTLE_MS = 60_000;

type Outcome = {
  converged: boolean;
  result: InvariantResult;
  /** The day-old signal's and the fresh signal's source message ids. */
  ids: { old: string; fresh: string };
};

/**
 * Starts a one-instance stack with an old signal already in the source channel (posted a day
 * ago), then: a collector outage during which that old signal is edited, and a moderator who
 * deletes a mirrored message in the customer channel. Returns the messages invariant once it
 * holds, or as it stands after SETTLE_MS.
 */
async function scenario(
  botEnv: Partial<Record<BotKind, Record<string, string>>>,
): Promise<Outcome> {
  const workDir = mkdtempSync(join(tmpdir(), "g3-chaos-scenario-"));
  const old: SourceMessage = {
    id: snowflakeFrom({ timestampMs: Date.now() - DAY_MS }),
    tag: "[ck-1]",
    content: "[ck-1] BTC/USDT LONG entry 1000 TP 1100 SL 900",
    attachments: [],
    deleted: "no",
    lastChangeAt: Date.now(),
  };
  const stack = await startChaosStack({
    root,
    workDir,
    instances: 1,
    customers: [],
    say: () => undefined,
    botEnv,
    sourceHistory: [{ id: old.id, content: old.content }],
  });
  let keep = true;
  try {
    const admin = adminClient(stack.backendUrl, stack.adminKey);
    const control = stack.emulator.control;
    const source: SourceMessage[] = [old];
    const holds = async (deadline: number): Promise<Omit<Outcome, "ids">> => {
      for (;;) {
        const result = await observeMessages(admin, control, source);
        if (result.violations.length === 0) return { converged: true, result };
        if (Date.now() >= deadline) return { converged: false, result };
        await sleep(1_000);
      }
    };
    const fresh = "[ck-2] ETH/USDT SHORT entry 2000 TP 1900 SL 2100";
    const sent = await control.postMessage(DEMO_IDS.sourceVipSignals, {
      authorId: DEMO_IDS.analystUser,
      content: fresh,
    });
    source.push({ ...old, id: sent.id, tag: "[ck-2]", content: fresh });
    // Both signals ingested and mirrored before any fault.
    const before = await holds(Date.now() + 90_000);
    expect(before.result.violations, "the stack never mirrored the two signals").toEqual([]);

    // Fault 1: every collector is down while the analyst edits the day-old signal.
    const collector = stack.bots.find((bot) => bot.kind === "collector");
    if (collector === undefined) throw new Error("no collector");
    await collector.process.kill();
    const edited = "[ck-1] BTC/USDT LONG entry 1000 TP 1250 SL 950";
    await control.editMessage(DEMO_IDS.sourceVipSignals, old.id, { content: edited });
    old.content = edited;
    old.lastChangeAt = Date.now();
    await collector.process.start();
    const health = collector.process.spec.readyUrl ?? "";
    expect(await collectorDrained(health), "the collector never caught up").toBe(true);

    // Fault 2: a moderator deletes the mirrored copy of the fresh signal.
    const copy = (await control.messages(DEMO_IDS.customerVipSignals)).find((m) =>
      m.content.startsWith("[ck-2]"),
    );
    if (copy === undefined) throw new Error("the fresh signal was never mirrored");
    await control.deleteMessage(DEMO_IDS.customerVipSignals, copy.id);

    const after = await holds(Date.now() + SETTLE_MS);
    keep = false;
    return { ...after, ids: { old: old.id, fresh: sent.id } };
  } finally {
    await stack.close();
    if (!keep) rmSync(workDir, { recursive: true, force: true });
  }
}

const kinds = (outcome: Outcome) =>
  outcome.result.violations.map((v) => `${v.kind}:${v.id}`).sort();

describe("the soak's checks catch real faults", () => {
  it("the shipped bots repair an outage edit of an old signal and a moderator's delete", async () => {
    const outcome = await scenario({ mirror: { MIRROR_DRIFT_CHECK_MINUTES: "0.1" } });
    expect(kinds(outcome)).toEqual([]);
    expect(outcome.converged).toBe(true);
  }, 360_000);

  it("bots with the recheck window and the drift repair turned off are reported", async () => {
    const outcome = await scenario({
      // Catch-up then rechecks only from the outage on, and not the older history: the day-old
      // edit is never seen.
      collector: { BACKFILL_RECHECK_DAYS: "0", BACKFILL_RECHECK_OLDER_HISTORY: "false" },
      // The drift check (and its repair) runs at start and then once a day.
      mirror: { MIRROR_DRIFT_CHECK_MINUTES: "1440" },
    });
    expect(outcome.converged).toBe(false);
    const { old, fresh } = outcome.ids;
    // The edit is lost in Convex and so in the customer channel; the deleted copy stays gone.
    expect(kinds(outcome)).toEqual([
      `mirror_missing:${fresh}`,
      `mirror_stale:${old}`,
      `signal_stale:${old}`,
    ]);
  }, 360_000);
});
