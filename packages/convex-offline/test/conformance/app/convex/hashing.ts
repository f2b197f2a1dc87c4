"use node";
// A Node.js action: only a "use node" module may import Node built-ins.
import { createHash } from "node:crypto";
import { v } from "convex/values";
import { action } from "./_generated/server";
import legacyDigest from "./legacy/digest.cjs";

export const sha256 = action({
  args: { text: v.string() },
  returns: v.string(),
  handler: (_ctx, { text }) => Promise.resolve(createHash("sha256").update(text).digest("hex")),
});

/** Through a CommonJS module that require()s a Node built-in. */
export const md5 = action({
  args: { text: v.string() },
  returns: v.string(),
  handler: (_ctx, { text }) => Promise.resolve(legacyDigest.md5(text)),
});
