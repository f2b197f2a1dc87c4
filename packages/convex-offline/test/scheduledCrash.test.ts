// A scheduled mutation runs exactly once even when the backend dies while it runs, as Convex
// promises ("scheduled mutations are guaranteed to execute exactly once"). What a SIGKILL leaves
// on disk is a prefix of the commit log (each commit is appended before it is reported), so the
// test cuts the log of a real run just before the mutation's commit and starts a backend on it.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { api } from "./fixture-app/convex/_generated/api.js";
import { eventually, httpClient, startFixture, tempDataDir } from "./helpers.js";

type LogLine = { w: [string, { state?: { kind?: string }; detail?: string } | null][] };

const parse = (line: string) => JSON.parse(line) as LogLine;
const writesEvent = (line: string, detail: string) =>
  parse(line).w.some(([, doc]) => doc?.detail === detail);
const jobStates = (line: string, jobId: string) =>
  parse(line).w.flatMap(([id, doc]) => (id === jobId && doc?.state?.kind ? [doc.state.kind] : []));

describe("a scheduled mutation interrupted by a crash", () => {
  it("commits with its job's success, so a crash mid-run leaves it pending and the restart runs it once", async () => {
    const dataDir = tempDataDir();
    const crashedDir = tempDataDir();
    const first = await startFixture({ dataDir });
    let lines: string[];
    let jobId: string;
    try {
      const http = httpClient(first);
      jobId = await http.mutation(api.jobs.start, { tag: "crash", depth: 0, delayMs: 0 });
      await eventually(
        () => http.query(api.jobs.scheduled, {}),
        (jobs) => jobs[0]?.state === "success",
      );
      lines = readFileSync(join(dataDir, "commits.jsonl"), "utf8").split("\n").filter(Boolean);
      // The files as a crash would leave them (close() folds the log into the snapshot).
      cpSync(dataDir, crashedDir, { recursive: true });
    } finally {
      await first.close();
    }
    const effect = lines.findIndex((line) => writesEvent(line, "crash:0"));
    expect(effect).toBeGreaterThan(0);

    // The crash: every commit before the mutation's own is on disk, and nothing after it.
    writeFileSync(join(crashedDir, "commits.jsonl"), `${lines.slice(0, effect).join("\n")}\n`);
    const second = await startFixture({ dataDir: crashedDir });
    try {
      const http = httpClient(second);
      const fired = await eventually(
        () => http.query(api.jobs.events, { kind: "job" }),
        (events) => events.length > 0,
        8_000,
      ).catch(() => []);
      expect(fired, "the interrupted mutation never ran after the restart").toEqual(["crash:0"]);
      expect(await http.query(api.jobs.scheduled, {})).toEqual([
        { name: "jobs:step", state: "success" },
      ]);
    } finally {
      await second.close();
    }

    // Why: the commit that writes the mutation's effect also marks its job done, and no earlier
    // commit showed the job running (a crash there would leave a job that cannot be re-run).
    expect(jobStates(lines[effect] ?? "", jobId)).toEqual(["success"]);
    expect(lines.slice(0, effect).flatMap((line) => jobStates(line, jobId))).toEqual(["pending"]);
  });
});
