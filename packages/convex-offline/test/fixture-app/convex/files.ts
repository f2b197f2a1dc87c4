import { v } from "convex/values";
import { action, mutation, query } from "./_generated/server";

export const uploadUrl = mutation({
  args: {},
  handler: async (ctx) => await ctx.storage.generateUploadUrl(),
});

export const save = mutation({
  args: { storageId: v.id("_storage") },
  handler: async (ctx, { storageId }) => await ctx.db.insert("uploads", { storageId }),
});

export const url = query({
  args: { storageId: v.id("_storage") },
  handler: async (ctx, { storageId }) => await ctx.storage.getUrl(storageId),
});

export const metadata = query({
  args: { storageId: v.id("_storage") },
  handler: async (ctx, { storageId }) => {
    const doc = await ctx.db.system.get(storageId);
    return doc === null ? null : { size: doc.size, contentType: doc.contentType ?? null };
  },
});

export const storeText = action({
  args: { text: v.string() },
  handler: async (ctx, { text }) => {
    const storageId = await ctx.storage.store(new Blob([text], { type: "text/plain" }));
    const blob = await ctx.storage.get(storageId);
    return { storageId, roundTrip: blob === null ? null : await blob.text() };
  },
});
