import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  counters: defineTable({ name: v.string(), value: v.number() }).index("by_name", ["name"]),
  accounts: defineTable({ name: v.string(), balance: v.number() }).index("by_name", ["name"]),
  marks: defineTable({ lane: v.string() }),
  blobs: defineTable({ kind: v.string(), body: v.string() }).index("by_kind", ["kind"]),
  nested: defineTable({ body: v.any() }),
});
