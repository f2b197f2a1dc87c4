// Optimistic concurrency control through the real clients: transactions run side by side, a
// commit whose reads changed meanwhile is retried (and fails with Convex's text when it never
// stops conflicting), and every query result comes from one snapshot.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ConvexClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { type GenericId } from "convex/values";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend, startBackend } from "../src/backend.js";
import { silentLogger } from "../src/log.js";
import { httpClient, wsClient } from "./helpers.js";

const APP_DIR = join(dirname(fileURLToPath(import.meta.url)), "concurrency-app", "convex");

const counters = {
  create: makeFunctionReference<"mutation", { name: string }, string>("counters:create"),
  get: makeFunctionReference<"query", { name: string }, number>("counters:get"),
  increment: makeFunctionReference<"mutation", { name: string; turns: number }, number>(
    "counters:increment",
  ),
  bump: makeFunctionReference<"mutation", { name: string }, null>("counters:bump"),
  readThenOutwait: makeFunctionReference<"mutation", { name: string }, null>(
    "counters:readThenOutwait",
  ),
};
const marks = {
  waitForRelease: makeFunctionReference<"mutation", { lane: string }, null>("marks:waitForRelease"),
  release: makeFunctionReference<"mutation", { lane: string }, null>("marks:release"),
};
type AccountId = GenericId<"accounts">;
const accounts = {
  open: makeFunctionReference<"mutation", { name: string; balance: number }, AccountId>(
    "accounts:open",
  ),
  transfer: makeFunctionReference<
    "mutation",
    { from: AccountId; to: AccountId; amount: number },
    null
  >("accounts:transfer"),
  total: makeFunctionReference<"query", { a: AccountId; b: AccountId; turns: number }, number>(
    "accounts:total",
  ),
};

// The client puts "[CONVEX M(<path>)] " before the server's message.
const OCC_TEXT =
  /^Documents read from or written to the "counters" table changed while this mutation was being run and on every subsequent retry\. A call to "counters:bump" changed the document with ID "[^"]+"\. See https:\/\/docs\.convex\.dev\/error#1$/;

let backend: Backend;
const clients: ConvexClient[] = [];

function client(): ConvexClient {
  const created = wsClient(backend);
  clients.push(created);
  return created;
}

beforeAll(async () => {
  backend = await startBackend({
    functionsDir: APP_DIR,
    port: 0,
    sitePort: 0,
    dataDir: null,
    logger: silentLogger,
  });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await backend?.close();
});

describe("optimistic concurrency", () => {
  it("never commits an increment made on a stale read: the count equals the acknowledged increments", async () => {
    const writers = Array.from({ length: 5 }, () => client());
    await writers[0]?.mutation(counters.create, { name: "shared" });
    const outcomes = await Promise.allSettled(
      writers.flatMap((writer) =>
        Array.from({ length: 6 }, () =>
          writer.mutation(counters.increment, { name: "shared", turns: 3 }),
        ),
      ),
    );
    const acknowledged = outcomes.filter((outcome) => outcome.status === "fulfilled").length;
    for (const outcome of outcomes) {
      // Under heavy contention an increment may exhaust its retries; it must then say so.
      if (outcome.status === "rejected") expect(String(outcome.reason)).toMatch(/changed while/);
    }
    expect(acknowledged).toBeGreaterThan(0);
    expect(await httpClient(backend).query(counters.get, { name: "shared" })).toBe(acknowledged);
  });

  it("runs mutations that touch nothing in common side by side", async () => {
    const [waiter, releaser] = [client(), client()];
    const started = Date.now();
    // waitForRelease is still running (awaiting) when release arrives. With one transaction at a
    // time, release would wait for it and waitForRelease would give up after 10 s.
    await Promise.all([
      waiter.mutation(marks.waitForRelease, { lane: "side-by-side" }),
      releaser.mutation(marks.release, { lane: "side-by-side" }),
    ]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("fails a mutation that conflicts on every retry with Convex's text", async () => {
    const [victim, bumper] = [client(), client()];
    await victim.mutation(counters.create, { name: "contended" });
    let settled = false;
    const attempt = victim.mutation(counters.readThenOutwait, { name: "contended" }).then(
      () => null,
      (error: unknown) => error,
    );
    void attempt.finally(() => {
      settled = true;
    });
    let bumps = 0;
    while (!settled) {
      await bumper.mutation(counters.bump, { name: "contended" });
      bumps += 1;
    }
    const error = await attempt;
    expect(error).toBeInstanceOf(Error);
    // The backend's own error: under the request ID line, without "Uncaught".
    const [header, text] = (error as Error).message.split("\n");
    expect(header).toMatch(
      /^\[CONVEX M\(counters:readThenOutwait\)\] \[Request ID: [0-9a-f]{16}\] Server Error$/,
    );
    expect(text).toMatch(OCC_TEXT);
    // Five attempts (the first and four retries), each outwaited by at least two bumps; none of
    // the victim's +100 writes was committed.
    expect(bumps).toBeGreaterThanOrEqual(10);
    expect(await httpClient(backend).query(counters.get, { name: "contended" })).toBe(bumps);
  }, 30_000);

  it("answers every query from one snapshot while writers commit between its reads", async () => {
    const writer = client();
    const a = await writer.mutation(accounts.open, { name: "a", balance: 500 });
    const b = await writer.mutation(accounts.open, { name: "b", balance: 500 });
    let stop = false;
    const transfers = (async () => {
      let n = 0;
      while (!stop) {
        await writer.mutation(accounts.transfer, { from: a, to: b, amount: 1 });
        n += 1;
      }
      return n;
    })();
    const reader = httpClient(backend);
    const totals: number[] = [];
    for (let i = 0; i < 40; i++)
      totals.push(await reader.query(accounts.total, { a, b, turns: 5 }));
    stop = true;
    expect(await transfers).toBeGreaterThan(0);
    expect(new Set(totals)).toEqual(new Set([1000]));
  }, 30_000);
});
