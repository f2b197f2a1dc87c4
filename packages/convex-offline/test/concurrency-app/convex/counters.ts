// Read-modify-write of one counter, with awaits between the read and the write so that other
// clients' mutations interleave (optimistic concurrency has to catch the lost update).
import {
  type GenericDataModel,
  type GenericDatabaseReader,
  mutationGeneric,
  queryGeneric,
} from "convex/server";
import { type GenericId, v } from "convex/values";
import { yieldTurns } from "./turns";

// Bump handler runs per counter, seen by readThenOutwait (a test-only rendezvous: module state
// is shared by every function of this app in the one backend process).
const bumpsStarted = new Map<string, number>();

type Reader = GenericDatabaseReader<GenericDataModel>;

async function counter(db: Reader, name: string) {
  const row = await db
    .query("counters")
    .withIndex("by_name", (q) => q.eq("name", name))
    .unique();
  if (row === null) throw new Error(`no counter ${name}`);
  return row as unknown as { _id: GenericId<"counters">; value: number };
}

export const create = mutationGeneric({
  args: { name: v.string() },
  handler: async (ctx, { name }) => await ctx.db.insert("counters", { name, value: 0 }),
});

export const get = queryGeneric({
  args: { name: v.string() },
  handler: async (ctx, { name }) => (await counter(ctx.db as Reader, name)).value,
});

export const increment = mutationGeneric({
  args: { name: v.string(), turns: v.number() },
  handler: async (ctx, { name, turns }) => {
    const row = await counter(ctx.db as Reader, name);
    await yieldTurns(turns);
    await ctx.db.patch(row._id, { value: row.value + 1 });
    return row.value + 1;
  },
});

export const bump = mutationGeneric({
  args: { name: v.string() },
  handler: async (ctx, { name }) => {
    bumpsStarted.set(name, (bumpsStarted.get(name) ?? 0) + 1);
    const row = await counter(ctx.db as Reader, name);
    await ctx.db.patch(row._id, { value: row.value + 1 });
  },
});

/**
 * Reads the counter, then waits until two more `bump` runs have started: the first of them has
 * committed by then (a client sends its next bump only after the previous one's response), so
 * every attempt of this mutation read a document that changed before it could commit.
 */
export const readThenOutwait = mutationGeneric({
  args: { name: v.string() },
  handler: async (ctx, { name }) => {
    const row = await counter(ctx.db as Reader, name);
    const start = bumpsStarted.get(name) ?? 0;
    const deadline = Date.now() + 20_000;
    while ((bumpsStarted.get(name) ?? 0) < start + 2) {
      if (Date.now() > deadline) throw new Error("no bump arrived");
      await yieldTurns(1);
    }
    await ctx.db.patch(row._id, { value: row.value + 100 });
  },
});
