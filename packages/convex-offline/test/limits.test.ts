// Convex's per-transaction limits, each exceeded by one, fail with Convex's text through the real
// clients; the figures are Convex's (documents read 32,000, bytes read 16 MiB, index ranges 4,096,
// writes 16,000, bytes written 16 MiB, scheduled functions 1,000).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend, startBackend } from "../src/backend.js";
import { silentLogger } from "../src/log.js";
import { httpClient, failureMessage } from "./helpers.js";

const APP_DIR = join(dirname(fileURLToPath(import.meta.url)), "concurrency-app", "convex");
const limits = {
  insertMany: makeFunctionReference<"mutation", { kind: string; count: number; bytes: number }>(
    "limits:insertMany",
  ),
  readAll: makeFunctionReference<"query", { kind: string }, number>("limits:readAll"),
  manyRanges: makeFunctionReference<"query", { ranges: number }, number>("limits:manyRanges"),
  scheduleMany: makeFunctionReference<"mutation", { count: number }>("limits:scheduleMany"),
  insertBody: makeFunctionReference<"mutation", { bytes: number }>("limits:insertBody"),
  insertNested: makeFunctionReference<"mutation", { depth: number }>("limits:insertNested"),
};
const HELP =
  "Consider using smaller limits in your queries, paginating your queries, or using indexed queries with a selective index range expressions.";
const KIB = 1024;

let backend: Backend;
let client: ConvexHttpClient;

beforeAll(async () => {
  backend = await startBackend({
    functionsDir: APP_DIR,
    port: 0,
    sitePort: 0,
    dataDir: null,
    logger: silentLogger,
  });
  client = httpClient(backend);
});

afterAll(async () => {
  await backend?.close();
});

describe("transaction limits", () => {
  it("documents read: 32,000", async () => {
    for (let i = 0; i < 4; i++) {
      await client.mutation(limits.insertMany, { kind: "small", count: 8000, bytes: 1 });
    }
    expect(await client.query(limits.readAll, { kind: "small" })).toBe(32_000);
    await client.mutation(limits.insertMany, { kind: "small", count: 1, bytes: 1 });
    expect(await failureMessage(client.query(limits.readAll, { kind: "small" }))).toContain(
      `Too many documents read in a single function execution (limit: 32000). ${HELP}`,
    );
  }, 120_000);

  it("bytes read: 16 MiB", async () => {
    for (let i = 0; i < 2; i++) {
      await client.mutation(limits.insertMany, { kind: "big", count: 9, bytes: 1000 * KIB });
    }
    expect(await failureMessage(client.query(limits.readAll, { kind: "big" }))).toContain(
      `Too many bytes read in a single function execution (limit: 16777216 bytes). ${HELP}`,
    );
  }, 60_000);

  it("index ranges: 4,096", async () => {
    expect(await client.query(limits.manyRanges, { ranges: 4096 })).toBe(4096);
    expect(await failureMessage(client.query(limits.manyRanges, { ranges: 4097 }))).toContain(
      `Too many reads in a single function execution (limit: 4096). ${HELP}`,
    );
  }, 60_000);

  it("documents written: 16,000, and nothing of the failed mutation commits", async () => {
    expect(
      await failureMessage(
        client.mutation(limits.insertMany, { kind: "many", count: 16_001, bytes: 1 }),
      ),
    ).toContain("Too many writes in a single function execution (limit: 16000)");
    expect(await client.query(limits.readAll, { kind: "many" })).toBe(0);
  }, 60_000);

  it("bytes written: 16 MiB", async () => {
    expect(
      await failureMessage(
        client.mutation(limits.insertMany, { kind: "huge", count: 17, bytes: 1000 * KIB }),
      ),
    ).toContain("Too many bytes written in a single function execution (limit: 16 MiB)");
  }, 60_000);

  it("functions scheduled by one mutation: 1,000", async () => {
    expect(await failureMessage(client.mutation(limits.scheduleMany, { count: 1001 }))).toContain(
      "Too many functions scheduled by this mutation (limit: 1000)",
    );
  }, 60_000);

  it("document size: 1 MiB", async () => {
    await client.mutation(limits.insertBody, { bytes: 1000 * KIB });
    expect(
      await failureMessage(client.mutation(limits.insertBody, { bytes: 1100 * KIB })),
    ).toContain("Value is too large (1.07 MiB > maximum size 1 MiB)");
  });

  it("document nesting: 16 levels", async () => {
    await client.mutation(limits.insertNested, { depth: 16 });
    expect(await failureMessage(client.mutation(limits.insertNested, { depth: 17 }))).toContain(
      "Document is too nested (nested 17 levels deep > maximum nesting 16)",
    );
  });
});
