import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  // The component has a table of this name too.
  ticks: defineTable({ label: v.string() }),
});
