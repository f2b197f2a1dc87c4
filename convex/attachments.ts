import { v } from "convex/values";
import { z } from "zod";
import { internal } from "./_generated/api";
import { httpAction, internalQuery } from "./_generated/server";
import { hasAccess } from "./model/payments/access";
import { attachmentResponseHeaders } from "./model/feed/attachmentResponse";
import {
  attachmentLinkScope,
  attachmentLinkUrl,
  checkAttachmentLink,
} from "./model/feed/attachmentLinks";
import { currentPassEpoch } from "./model/feed/livePassEpoch";
import { viewerQuery } from "./functions";

/**
 * A fresh link to one attachment, after the access gate: the dashboard asks when a link it got
 * with a card has expired (a lazy image scrolled into view late, a download clicked later). An
 * attachment the viewer can't read gets null, like one that does not exist.
 */
export const link = viewerQuery({
  args: { attachmentId: v.id("attachments") },
  returns: v.union(v.null(), v.object({ url: v.string(), expiresAt: v.number() })),
  handler: async (ctx, { attachmentId }) => {
    const { viewer } = ctx;
    if (viewer === null) return null;
    const attachment = await ctx.db.get("attachments", attachmentId);
    if (attachment?.status !== "stored") return null;
    const signal = await ctx.db
      .query("signals")
      .withIndex("by_source_message", (q) => q.eq("sourceMessageId", attachment.sourceMessageId))
      .unique();
    const now = Date.now();
    if (signal === null || !(await hasAccess(ctx, viewer._id, signal.tierKey, now))) return null;
    const scope = await attachmentLinkScope(ctx, signal.tierKey, now);
    return { url: await attachmentLinkUrl(attachmentId, scope), expiresAt: scope.expiresAt };
  },
});

/** What `GET /attachment` serves for a verified link, or null (gone, other tier, old epoch). */
export const fileForLink = internalQuery({
  args: { attachmentId: v.string(), tierKey: v.string(), epoch: v.number() },
  returns: v.union(
    v.null(),
    v.object({
      storageId: v.id("_storage"),
      contentType: v.string(),
      filename: v.string(),
      size: v.number(),
    }),
  ),
  handler: async (ctx, { attachmentId, tierKey, epoch }) => {
    const id = ctx.db.normalizeId("attachments", attachmentId);
    const attachment = id === null ? null : await ctx.db.get("attachments", id);
    if (attachment?.status !== "stored" || attachment.storageId === undefined) return null;
    // A revocation in the tier since the link was minted kills it, like the live passes.
    if (epoch !== (await currentPassEpoch(ctx, tierKey))) return null;
    const signal = await ctx.db
      .query("signals")
      .withIndex("by_source_message", (q) => q.eq("sourceMessageId", attachment.sourceMessageId))
      .unique();
    if (signal?.tierKey !== tierKey) return null;
    return {
      storageId: attachment.storageId,
      contentType: attachment.contentType,
      filename: attachment.filename,
      size: attachment.size,
    };
  },
});

const linkParams = z.object({
  id: z.string().min(1).max(64),
  tier: z.string().min(1).max(64),
  epoch: z.coerce.number().int().nonnegative(),
  exp: z.coerce.number().int().positive(),
  sig: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * GET /attachment?id&tier&epoch&exp&sig — the only way customers download attachments. 200 with
 * safe headers (model/feed/attachmentResponse.ts) · 404 for a bad, forged or revoked link or a file
 * that is gone (no difference shown) · 410 for an expired one (the dashboard asks for a new link).
 */
export const serveAttachment = httpAction(async (ctx, request) => {
  const parsed = linkParams.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return notFound();
  const { id, tier, epoch, exp, sig } = parsed.data;
  const now = Date.now();
  const link = { attachmentId: id, tierKey: tier, epoch, expiresAt: exp, signature: sig };
  const check = await checkAttachmentLink(link, now);
  if (check === "invalid") return notFound();
  if (check === "expired") return plain(410, "This link expired; reload the page.");
  const file = await ctx.runQuery(internal.attachments.fileForLink, {
    attachmentId: id,
    tierKey: tier,
    epoch,
  });
  const blob = file === null ? null : await ctx.storage.get(file.storageId);
  if (file === null || blob === null) return notFound();
  return new Response(blob, {
    status: 200,
    headers: {
      ...attachmentResponseHeaders(file, (exp - now) / 1000),
      "Content-Length": String(blob.size),
    },
  });
});

function notFound(): Response {
  return plain(404, "Not found.");
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
