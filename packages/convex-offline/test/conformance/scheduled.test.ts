// `_scheduled_functions` documents as Convex keeps them: every finished job (succeeded, failed or
// canceled) carries completedTime; a failed one its error; canceling a finished job changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend } from "../../src/backend.js";
import { eventually, httpClient } from "../helpers.js";
import { api } from "./app/convex/_generated/api.js";
import { MODULE_FORMATS } from "./materialize.js";
import { serveApp } from "./serve.js";

describe.each(MODULE_FORMATS)("scheduled functions of a %s app", (format) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await serveApp(format);
  });
  afterAll(async () => {
    await backend?.close();
  });

  const settled = async (id: string) => {
    const client = httpClient(backend);
    return await eventually(
      () => client.query(api.jobs.job, { id: id as never }),
      (job) => job !== null && job.state.kind !== "pending" && job.state.kind !== "inProgress",
    );
  };

  it("stamps completedTime on a job that succeeded", async () => {
    const before = Date.now();
    const id = await httpClient(backend).mutation(api.jobs.schedule, { fail: false });
    const job = await settled(id);
    expect(job?.state).toEqual({ kind: "success" });
    expect(job?.completedTime).toBeGreaterThanOrEqual(before);
    expect(job?.completedTime).toBeLessThanOrEqual(Date.now());
  });

  it("stamps completedTime and the error on a job that failed", async () => {
    const id = await httpClient(backend).mutation(api.jobs.schedule, { fail: true });
    const job = await settled(id);
    const state = job?.state;
    expect(state?.kind).toBe("failed");
    expect(state?.kind === "failed" ? state.error : null).toContain("scheduled failure");
    expect(job?.completedTime).toEqual(expect.any(Number));
  });

  it("stamps completedTime on a canceled job, and never cancels a finished one", async () => {
    const client = httpClient(backend);
    const pending = await client.mutation(api.jobs.scheduleLater, {});
    await client.mutation(api.jobs.cancel, { id: pending });
    const canceled = await client.query(api.jobs.job, { id: pending });
    expect(canceled?.state).toEqual({ kind: "canceled" });
    expect(canceled?.completedTime).toEqual(expect.any(Number));

    const done = await client.mutation(api.jobs.schedule, { fail: false });
    const finished = await settled(done);
    await client.mutation(api.jobs.cancel, { id: done });
    expect(await client.query(api.jobs.job, { id: done })).toEqual(finished);
  });
});
