import { PARSER_VERSION } from "@g3/signals";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { MAX_RUN_FAILURES, RUN_LEASE_MS } from "./model/parsing/reparseRun";
import { auditByAction } from "./test.audit";
import {
  CONFIDENT,
  SHAKY,
  deliveriesOf,
  markMirrored,
  post,
  setupParsing,
  signalDoc,
  type TestConvex,
} from "./test.parsing";
import { expectCode } from "./test.roles";

beforeEach(() => {
  vi.useFakeTimers({ now: 1_800_000_000_000 });
});

const OLD_VERSION = "signals/0.9.0";

/** Makes a stored reading look like an older parser's: another version, and maybe other levels. */
async function storeOldReading(
  t: TestConvex,
  signalId: Id<"signals">,
  levels: { targets?: number[]; errors?: string[] } = {},
) {
  await t.run(async (ctx) => {
    const signal = await ctx.db.get("signals", signalId);
    if (signal === null) throw new Error("no signal");
    await ctx.db.patch("signals", signalId, {
      parsed: {
        ...signal.parsed,
        parserVersion: OLD_VERSION,
        ...(levels.targets === undefined ? {} : { targets: levels.targets }),
        ...(levels.errors === undefined ? {} : { errors: levels.errors }),
      },
    });
  });
}

async function runs(t: TestConvex) {
  return t.run((ctx) => ctx.db.query("reparseRuns").collect());
}

async function onlyRun(t: TestConvex) {
  const all = await runs(t);
  expect(all).toHaveLength(1);
  const [run] = all;
  if (run === undefined) throw new Error("no run");
  return run;
}

/** Cancels the scheduled drivers: as if the process running them died. */
async function killDrivers(t: TestConvex) {
  await t.run(async (ctx) => {
    const scheduled = await ctx.db.system.query("_scheduled_functions").collect();
    for (const job of scheduled) {
      if (job.state.kind === "pending") await ctx.scheduler.cancel(job._id);
    }
  });
}

async function finishScheduled(t: TestConvex) {
  await t.finishAllScheduledFunctions(() => vi.runAllTimers());
}

describe("re-parse on a new parser version", () => {
  test("the deploy-time check starts one run per version; it re-parses every stored signal", async () => {
    const { t } = await setupParsing();
    const ids = [];
    for (let index = 0; index < 5; index += 1) {
      const { signalId } = await post(t, CONFIDENT);
      await storeOldReading(t, signalId, { targets: [43000] });
      ids.push(signalId);
    }
    expect(await t.mutation(internal.reparse.ensureCurrent, {})).toBe("started");
    await finishScheduled(t);
    const run = await onlyRun(t);
    expect(run).toMatchObject({
      parserVersion: PARSER_VERSION,
      status: "done",
      phase: "reparsing",
      total: 5,
      processed: 5,
      changed: 5,
      startedBy: "deploy_check",
    });
    for (const id of ids) {
      const doc = await signalDoc(t, id);
      expect(doc.parsed.parserVersion).toBe(PARSER_VERSION);
      expect(doc.parsed.targets).toEqual([43000, 44000, 45500]);
    }
    // Already current: the next checks leave it alone.
    expect(await t.mutation(internal.reparse.ensureCurrent, {})).toBe("current");
    expect(await runs(t)).toHaveLength(1);
  });

  test("goes in batches, each advancing the cursor and the progress", async () => {
    const { t, admin } = await setupParsing();
    for (let index = 0; index < 5; index += 1) {
      const { signalId } = await post(t, CONFIDENT);
      await storeOldReading(t, signalId, { errors: ["old"] });
    }
    await t.mutation(internal.reparse.ensureCurrent, {});
    await killDrivers(t); // step by hand instead
    const { _id: runId } = await onlyRun(t);
    expect(await t.mutation(internal.reparse.step, { runId, batchSize: 2 })).toBe("more");
    let status = await admin.query(api.reparse.status, {});
    expect(status.parserVersion).toBe(PARSER_VERSION);
    expect(status.run).toMatchObject({ phase: "reparsing", total: 5, processed: 0 });
    const seen = [];
    for (;;) {
      const next = await t.mutation(internal.reparse.step, { runId, batchSize: 2 });
      status = await admin.query(api.reparse.status, {});
      seen.push(status.run?.processed);
      if (next === "finished") break;
    }
    expect(seen).toEqual([2, 4, 5]);
    expect(status.run).toMatchObject({ status: "done", total: 5, processed: 5, changed: 5 });
    expect(status.run?.finishedAt).toBeTypeOf("number");
  });

  test("resumes from its cursor after the driver died, re-parsing no batch twice", async () => {
    const { t } = await setupParsing();
    for (let index = 0; index < 7; index += 1) {
      const { signalId } = await post(t, CONFIDENT);
      await storeOldReading(t, signalId, { targets: [43000] });
    }
    await t.mutation(internal.reparse.ensureCurrent, {});
    await killDrivers(t);
    const { _id: runId } = await onlyRun(t);
    await t.mutation(internal.reparse.step, { runId, batchSize: 3 }); // count
    await t.mutation(internal.reparse.step, { runId, batchSize: 3 }); // 3 re-parsed, then it dies
    expect(await t.mutation(internal.reparse.ensureCurrent, {})).toBe("current"); // lease alive
    vi.advanceTimersByTime(RUN_LEASE_MS + 1);
    expect(await t.mutation(internal.reparse.ensureCurrent, {})).toBe("resumed");
    await finishScheduled(t);
    expect(await onlyRun(t)).toMatchObject({ status: "done", total: 7, processed: 7, changed: 7 });
  });

  test("a failing batch is kept as the last error, retried, and after a few stops for an admin", async () => {
    const { t, admin } = await setupParsing();
    await post(t, CONFIDENT);
    await t.mutation(internal.reparse.ensureCurrent, {});
    await killDrivers(t);
    const { _id: runId } = await onlyRun(t);
    for (let attempt = 1; attempt <= MAX_RUN_FAILURES; attempt += 1) {
      await t.mutation(internal.reparse.recordFailure, { runId, message: `boom ${attempt}` });
    }
    const failed = (await admin.query(api.reparse.status, {})).run;
    expect(failed).toMatchObject({ status: "failed", lastError: `boom ${MAX_RUN_FAILURES}` });
    vi.advanceTimersByTime(RUN_LEASE_MS + 1);
    expect(await t.mutation(internal.reparse.ensureCurrent, {})).toBe("current"); // waits
    expect(await admin.mutation(api.reparse.start, {})).toEqual({ runId, outcome: "resumed" });
    await finishScheduled(t);
    expect((await admin.query(api.reparse.status, {})).run).toMatchObject({
      status: "done",
      failures: 0,
      processed: 1,
      lastError: `boom ${MAX_RUN_FAILURES}`,
    });
    expect(await auditByAction(t, "parser.reparse")).toHaveLength(1);
    // Done: the button starts a fresh run.
    expect((await admin.mutation(api.reparse.start, {})).outcome).toBe("started");
    expect(await runs(t)).toHaveLength(2);
  });

  test("only admins see the progress or start a run", async () => {
    const { anonymous, noAccess, withAccess } = await setupParsing();
    for (const [caller, code] of [
      [anonymous, "UNAUTHENTICATED"],
      [noAccess, "FORBIDDEN"],
      [withAccess, "FORBIDDEN"],
    ] as const) {
      await expectCode(caller.query(api.reparse.status, {}), code);
      await expectCode(caller.mutation(api.reparse.start, {}), code);
    }
  });
});

describe("re-parse and corrections", () => {
  test("never overwrites a correction; a new reading that differs is kept beside it, flagged", async () => {
    const { t, admin, withAccess } = await setupParsing();
    const { signalId } = await post(t, SHAKY);
    const fixed = {
      kind: "signal" as const,
      base: "ETH",
      quote: "USDT",
      side: "long" as const,
      entries: [2350],
      targets: [2420],
      stopLoss: 2300,
    };
    await admin.mutation(api.parseReview.correct, { signalId, expectedVersion: 1, fields: fixed });
    const corrected = await signalDoc(t, signalId);

    // A new parser version that reads the text as before: the correction stands, nothing to review.
    await storeOldReading(t, signalId);
    await t.mutation(internal.reparse.ensureCurrent, {});
    await finishScheduled(t);
    let doc = await signalDoc(t, signalId);
    expect(doc.correction).toEqual(corrected.correction);
    expect(doc.parsed.parserVersion).toBe(PARSER_VERSION);
    expect(doc.reviewReason).toBeUndefined();

    // One whose reading changed (the old parser had read other targets) and still differs from
    // the correction: the correction stays shown, the new reading is stored beside it, flagged.
    await storeOldReading(t, signalId, { targets: [2390] });
    await admin.mutation(api.reparse.start, {});
    await finishScheduled(t);
    doc = await signalDoc(t, signalId);
    expect(doc.correction).toEqual(corrected.correction);
    expect(doc.parsed).toMatchObject({ parserVersion: PARSER_VERSION, targets: [2400] });
    expect(doc.reviewReason).toBe("parser_disagrees");
    const page = await withAccess.query(api.feed.list, {
      paginationOpts: { numItems: 5, cursor: null },
    });
    expect(page.page[0]).toMatchObject({ parseStatus: "corrected", parsed: { targets: [2420] } });
    const open = await admin.query(api.parseReview.list, {
      view: "open",
      paginationOpts: { numItems: 5, cursor: null },
    });
    expect(open.page).toMatchObject([
      { id: signalId, reviewReason: "parser_disagrees", parser: { targets: [2400] } },
    ]);
    const latest = (await admin.query(api.reparse.status, {})).run;
    expect(latest).toMatchObject({ status: "done", flaggedCorrections: 1, mirrorRequeued: 0 });
  });

  test("updates the mirror only when the summary it shows changes", async () => {
    const { t } = await setupParsing();
    const misread = await post(t, CONFIDENT);
    const sameSummary = await post(t, CONFIDENT);
    await markMirrored(t, misread.signalId);
    await markMirrored(t, sameSummary.signalId);
    await storeOldReading(t, misread.signalId, { targets: [43000] }); // "1 target" before
    await storeOldReading(t, sameSummary.signalId, { errors: ["an old parser's doubt"] });
    await t.mutation(internal.reparse.ensureCurrent, {});
    await finishScheduled(t);
    expect(await onlyRun(t)).toMatchObject({ changed: 2, mirrorRequeued: 1 });
    expect((await deliveriesOf(t, misread.signalId)).map((row) => row.status)).toEqual(["pending"]);
    expect((await deliveriesOf(t, sameSummary.signalId)).map((row) => row.status)).toEqual([
      "done",
    ]);
  });
});
