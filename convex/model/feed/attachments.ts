import { v, type Infer } from "convex/values";
import type { Doc, Id } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";
import { type AttachmentLinkScope, attachmentLinkUrl } from "./attachmentLinks";

/** Image types the dashboard may show inline. Never SVG or HTML: they can carry script. */
export const INLINE_IMAGE_TYPES: ReadonlySet<string> = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
]);

/** Larger images are offered as downloads instead of being loaded into the feed. */
export const MAX_INLINE_IMAGE_BYTES = 8 * 1024 * 1024;

export const vAttachmentView = v.object({
  id: v.id("attachments"),
  filename: v.string(),
  contentType: v.string(),
  size: v.number(),
  width: v.optional(v.number()),
  height: v.optional(v.number()),
  /**
   * A signed link to `GET /attachment` that expires within minutes (model/feed/attachmentLinks.ts),
   * never a storage URL; null when the file was rejected at ingest.
   */
  url: v.union(v.string(), v.null()),
  display: v.union(v.literal("inline"), v.literal("download"), v.literal("unavailable")),
});

export type AttachmentView = Infer<typeof vAttachmentView>;

export function attachmentDisplay(
  attachment: Pick<Doc<"attachments">, "contentType" | "size" | "status">,
  hasUrl: boolean,
): AttachmentView["display"] {
  if (attachment.status !== "stored" || !hasUrl) return "unavailable";
  return isInlineImage(attachment) ? "inline" : "download";
}

/** Whether the file may be shown in a page: an allow-listed raster image under the size cap. */
export function isInlineImage(attachment: Pick<Doc<"attachments">, "contentType" | "size">) {
  return (
    INLINE_IMAGE_TYPES.has(baseContentType(attachment.contentType)) &&
    attachment.size <= MAX_INLINE_IMAGE_BYTES
  );
}

/** "image/PNG; charset=x" → "image/png". */
export function baseContentType(contentType: string): string {
  return contentType.split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * Resolves attachment ids to views with signed links minted in `scope` (the caller ran the
 * access gate for its tier). A signal carries a handful at most.
 */
export async function loadAttachments(
  ctx: QueryCtx,
  ids: Id<"attachments">[],
  scope: AttachmentLinkScope,
): Promise<AttachmentView[]> {
  const views: AttachmentView[] = [];
  for (const id of ids.slice(0, 20)) {
    const attachment = await ctx.db.get("attachments", id);
    if (attachment === null) continue;
    const url =
      attachment.status === "stored" && attachment.storageId !== undefined
        ? await attachmentLinkUrl(attachment._id, scope)
        : null;
    views.push({
      id: attachment._id,
      filename: attachment.filename,
      contentType: attachment.contentType,
      size: attachment.size,
      ...(attachment.width === undefined ? {} : { width: attachment.width }),
      ...(attachment.height === undefined ? {} : { height: attachment.height }),
      url,
      display: attachmentDisplay(attachment, url !== null),
    });
  }
  return views;
}
