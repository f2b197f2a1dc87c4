import { v } from "convex/values";
import { query } from "./_generated/server";

/** Reads a deployment env var (test-only; real apps should not expose env values). */
export const envValue = query({
  args: { name: v.string() },
  handler: (_ctx, { name }) => process.env[name] ?? null,
});
