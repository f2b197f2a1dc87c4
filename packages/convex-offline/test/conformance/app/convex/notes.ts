import { v } from "convex/values";
import { mutation } from "./_generated/server";

export const add = mutation({
  args: { text: v.string() },
  handler: (ctx, { text }) => ctx.db.insert("notes", { text }),
});
