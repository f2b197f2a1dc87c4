import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  // The rate limiter component has a table of this name too: each must see only its own rows.
  rateLimits: defineTable({ note: v.string() }),
  scores: defineTable({ player: v.string(), points: v.number() }),
  items: defineTable({ n: v.number(), migrated: v.optional(v.boolean()) }).index("by_n", ["n"]),
});
