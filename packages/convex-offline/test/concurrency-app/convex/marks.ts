// Two mutations that touch nothing in common: `waitForRelease` holds its transaction open until
// `release` has run (a test-only rendezvous in module state). With one global transaction lock
// `release` could never run meanwhile; with optimistic concurrency both commit.
import { mutationGeneric } from "convex/server";
import { v } from "convex/values";
import { yieldTurns } from "./turns";

const released = new Set<string>();

export const waitForRelease = mutationGeneric({
  args: { lane: v.string() },
  handler: async (ctx, { lane }) => {
    const deadline = Date.now() + 10_000;
    while (!released.has(lane)) {
      if (Date.now() > deadline) throw new Error(`${lane} was never released`);
      await yieldTurns(1);
    }
    await ctx.db.insert("marks", { lane: `${lane}:waited` });
  },
});

export const release = mutationGeneric({
  args: { lane: v.string() },
  handler: async (ctx, { lane }) => {
    released.add(lane);
    await ctx.db.insert("marks", { lane: `${lane}:released` });
  },
});
