"use node";
// A Node.js action: only a "use node" module may import Node built-ins.
import { createHash } from "node:crypto";
import { v } from "convex/values";
import { action } from "./_generated/server";

export const sha256 = action({
  args: { text: v.string() },
  returns: v.string(),
  handler: (_ctx, { text }) => Promise.resolve(createHash("sha256").update(text).digest("hex")),
});
