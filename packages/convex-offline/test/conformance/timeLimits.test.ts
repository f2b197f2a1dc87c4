// The execution time limit (src/engine/timeLimits.ts), through the real clients: a runaway query,
// a runaway mutation (whose write never commits) and an action past its limit fail with Convex's
// text, under limits set low for the test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend } from "../../src/backend.js";
import { httpClient, wsClient, failureMessage } from "../helpers.js";
import { api } from "./app/convex/_generated/api.js";
import { serveApp } from "./serve.js";

const TIMED_OUT =
  /^\[Request ID: [0-9a-f]{16}\] Server Error\nFunction execution timed out \(maximum duration: 1\.5s\)\n$/;

describe("execution time limits", () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await serveApp("module", {
      timeLimits: { queryMutationMs: 1500, actionMs: 1500 },
    });
  });
  afterAll(async () => {
    await backend?.close();
  });

  it("stops a query that keeps calling into Convex", async () => {
    expect(await failureMessage(httpClient(backend).query(api.runaway.spin, {}))).toMatch(
      TIMED_OUT,
    );
  });

  it("stops a mutation, and what it wrote never commits", async () => {
    const client = wsClient(backend);
    try {
      const message = await failureMessage(
        client.mutation(api.runaway.writeThenSpin, { channel: "runaway" }),
      );
      expect(message).toMatch(
        /^\[CONVEX M\(runaway:writeThenSpin\)\] \[Request ID: [0-9a-f]{16}\] Server Error\nFunction execution timed out \(maximum duration: 1\.5s\)\n\n {2}Called by client$/,
      );
    } finally {
      await client.close();
    }
    expect(await httpClient(backend).query(api.messages.list, { channel: "runaway" })).toEqual([]);
  });

  it("stops an action that waits past its limit", async () => {
    const started = Date.now();
    const message = await failureMessage(
      httpClient(backend).action(api.runaway.sleepThenWrite, { channel: "late", ms: 5_000 }),
    );
    expect(message).toMatch(TIMED_OUT);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("lets a function finish within its limit", async () => {
    await httpClient(backend).action(api.runaway.sleepThenWrite, { channel: "quick", ms: 10 });
    expect(await httpClient(backend).query(api.messages.list, { channel: "quick" })).toHaveLength(
      1,
    );
  });
});
