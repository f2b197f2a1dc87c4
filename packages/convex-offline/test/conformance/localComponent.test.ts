// A local component (convex/counter, with its own convex.config.ts, schema and functions) that
// schedules its own jobs: its table is apart from the app's table of the same name, its data
// survives a restart, and a job it scheduled that was still pending when the backend stopped
// runs in the component after the restart.
import { afterAll, describe, expect, it } from "vitest";
import { type Backend, startBackend } from "../../src/backend.js";
import { silentLogger } from "../../src/log.js";
import { eventually, httpClient, tempDataDir } from "../helpers.js";
import { api } from "./local-component-app/convex/_generated/api.js";
import { MODULE_FORMATS, materializeApp } from "./materialize.js";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const SOURCE = fileURLToPath(new URL("./local-component-app/convex", import.meta.url));

describe.each(MODULE_FORMATS)("a local component in a %s app", (format) => {
  const functionsDir = materializeApp(format, `local-component-${format}`, undefined, SOURCE);
  const dataDir = tempDataDir();
  const serve = (): Promise<Backend> =>
    startBackend({ functionsDir, port: 0, sitePort: 0, dataDir, logger: silentLogger });
  const running: Backend[] = [];
  afterAll(async () => {
    for (const backend of running) await backend.close();
  });

  it("runs the jobs it schedules, in its own tables, and again after a restart", async () => {
    const first = await serve();
    running.push(first);
    const http = httpClient(first);
    await http.mutation(api.ticks.later, { label: "soon", delayMs: 0 });
    await eventually(
      () => http.query(api.ticks.componentLabels, {}),
      (labels) => labels.includes("soon"),
      20_000,
    );
    expect(await http.query(api.ticks.ownLabels, {})).toEqual([]);

    // Still pending when the first process stops, so only the restarted one can run it.
    await http.mutation(api.ticks.later, { label: "after restart", delayMs: 4000 });
    await first.close();
    running.pop();

    const second = await serve();
    running.push(second);
    const again = httpClient(second);
    expect(await again.query(api.ticks.componentLabels, {})).toEqual(["soon"]);
    const labels = await eventually(
      () => again.query(api.ticks.componentLabels, {}),
      (found) => found.includes("after restart"),
      30_000,
    );
    expect(labels).toEqual(["soon", "after restart"]);
    expect(await again.query(api.ticks.ownLabels, {})).toEqual([]);
  }, 90_000);

  it("logs a transaction that writes the app and the component as one commit", async () => {
    const backend = await serve();
    running.push(backend);
    const log = join(dataDir, "commits.jsonl");
    const before = readFileSync(log, "utf8").split("\n").filter(Boolean).length;
    await httpClient(backend).mutation(api.ticks.both, { label: "together" });
    const added = readFileSync(log, "utf8").split("\n").filter(Boolean).slice(before);
    // One record: the app's tick and the job the component scheduled, under one timestamp.
    expect(added).toHaveLength(1);
    const { w } = JSON.parse(added[0] ?? "{}") as { w: [string, unknown][] };
    const ids = w.map(([id]) => id);
    expect(ids.some((id) => id.endsWith("ticks") && !id.includes("~"))).toBe(true);
    expect(ids.some((id) => id.endsWith("counter~_scheduled_functions"))).toBe(true);
  });
});
