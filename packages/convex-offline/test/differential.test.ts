// Differential test: the indexed store must answer index-range queries and pagination exactly
// like stock convex-test (which scans and sorts with Convex's own compareValues), over mixed
// value types. Our engine runs first: both engines install the process-wide `Convex` global.
import { convexTest } from "convex-test";
import type { GenericSchema, SchemaDefinition } from "convex/server";
import { type Value, convexToJson } from "convex/values";
import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine/engine.js";
import { loadModules } from "../src/engine/modules.js";
import { DocumentStore } from "../src/storage/documentStore.js";
import { memoryFileStore } from "../src/storage/fileStore.js";
import { FIXTURE_DIR } from "./helpers.js";

// A deterministic PRNG so failures reproduce.
function rng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const POOL: Value[] = [
  null,
  -5n,
  0n,
  7n,
  -1e9,
  -2.5,
  0,
  1,
  3.25,
  1e12,
  false,
  true,
  "",
  "A",
  "a",
  "ab",
  "b",
  "é",
  "😀",
  "\uffff",
  new Uint8Array([1, 2]).buffer,
  new Uint8Array([1]).buffer,
  [],
  [1],
  [1, "x"],
  ["a"],
  {},
  { k: 1 },
  { k: 2, z: null },
];

type Bound = { op: "gt" | "gte" | "lt" | "lte"; value: Value };
type Query = {
  eqA?: { value: Value };
  lower?: Bound;
  upper?: Bound;
  order: "asc" | "desc";
  take?: number;
};

function makeQueries(random: () => number, count: number): Query[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const queries: Query[] = [];
  for (let i = 0; i < count; i++) {
    const query: Query = { order: random() < 0.5 ? "asc" : "desc" };
    const onB = random() < 0.4;
    if (onB) query.eqA = { value: pick(POOL) };
    const value = (): Value => (onB ? Math.floor(random() * 22) - 1 : pick(POOL));
    if (random() < 0.6) query.lower = { op: random() < 0.5 ? "gt" : "gte", value: value() };
    if (random() < 0.6) query.upper = { op: random() < 0.5 ? "lt" : "lte", value: value() };
    if (random() < 0.3) query.take = Math.floor(random() * 10);
    queries.push(query);
  }
  return queries;
}

type Runner = {
  mutation(path: string, args: Record<string, Value>): Promise<unknown>;
  query(path: string, args: Record<string, Value>): Promise<unknown>;
};

async function answers(
  runner: Runner,
  points: { a: Value; b: number }[],
  queries: Query[],
): Promise<string[]> {
  for (let i = 0; i < points.length; i += 100)
    await runner.mutation("points:insertMany", { points: points.slice(i, i + 100) });
  const out: string[] = [];
  for (const query of queries) {
    out.push(JSON.stringify(convexToJson((await runner.query("points:range", query)) as Value)));
    const pages: unknown[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 200; guard++) {
      const { take: _take, ...rangeArgs } = query;
      const result = (await runner.query("points:page", {
        ...rangeArgs,
        paginationOpts: { numItems: 7, cursor },
      })) as { page: Value[]; isDone: boolean; continueCursor: string };
      pages.push(result.page);
      if (result.isDone) break;
      cursor = result.continueCursor;
    }
    out.push(JSON.stringify(convexToJson(pages as Value)));
  }
  return out;
}

describe("indexed store vs stock convex-test", () => {
  it("returns identical rows and pages for random index ranges over mixed types", async () => {
    const random = rng(42);
    const points = Array.from({ length: 400 }, () => ({
      a: POOL[Math.floor(random() * POOL.length)] as Value,
      b: Math.floor(random() * 20),
    }));
    const queries = makeQueries(random, 150);

    const engine = await Engine.load({
      functionsDir: FIXTURE_DIR,
      store: new DocumentStore(),
      files: memoryFileStore(),
      clock: Engine.initialClock(),
      onCommit: () => {},
      urls: { uploadUrl: () => "", storageUrl: () => "" },
    });
    const ours = await answers(
      {
        mutation: (path, args) => engine.runMutation(path, args, null),
        query: (path, args) => engine.runQuery(path, args, null),
      },
      points,
      queries,
    );
    await engine.close();

    const modules = await loadModules(FIXTURE_DIR);
    const schema = (await modules.importModule("schema")).default as SchemaDefinition<
      GenericSchema,
      boolean
    >;
    const stock = convexTest(schema, modules.map) as unknown as {
      mutationFromPath(
        p: { udfPath: string; componentPath: string },
        a: Record<string, Value>,
      ): Promise<unknown>;
      queryFromPath(
        p: { udfPath: string; componentPath: string },
        a: Record<string, Value>,
      ): Promise<unknown>;
    };
    const theirs = await answers(
      {
        mutation: (udfPath, args) => stock.mutationFromPath({ udfPath, componentPath: "" }, args),
        query: (udfPath, args) => stock.queryFromPath({ udfPath, componentPath: "" }, args),
      },
      points,
      queries,
    );
    await modules.dispose();

    expect(ours.length).toBe(queries.length * 2);
    // The ranges are not trivially empty.
    expect(ours.filter((answer) => answer !== "[]" && answer !== "[[]]").length).toBeGreaterThan(
      150,
    );
    for (let i = 0; i < ours.length; i++) {
      expect([JSON.stringify(convexToJson(queries[Math.floor(i / 2)] as Value)), ours[i]]).toEqual([
        JSON.stringify(convexToJson(queries[Math.floor(i / 2)] as Value)),
        theirs[i],
      ]);
    }
  });
});
