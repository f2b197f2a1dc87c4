import { authTables } from "@convex-dev/auth/server";
import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  ...authTables,
  messages: defineTable({ channel: v.string(), author: v.string(), body: v.string() }).index(
    "by_channel",
    ["channel"],
  ),
  items: defineTable({ n: v.number() }).index("by_n", ["n"]),
  values: defineTable({ big: v.int64(), bytes: v.bytes() }),
  events: defineTable({ kind: v.string(), detail: v.string() }).index("by_kind", ["kind"]),
  uploads: defineTable({ storageId: v.id("_storage") }),
  points: defineTable({ a: v.any(), b: v.number() }).index("by_a_b", ["a", "b"]),
});
