import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import type { AttachmentInput } from "./ingestValidators";
import { appError } from "../shared/errors";

/**
 * Upserts the attachment rows of one message version, deduped by Discord attachment id, and returns
 * their ids in message order.
 * - A file already stored stays stored; a second upload of the same file (a replayed event whose
 *   attachment was downloaded again) is deleted from storage, so no blob is orphaned.
 * - A rejected row turns into a stored one when a later attempt succeeds.
 */
export async function upsertAttachments(
  ctx: MutationCtx,
  sourceMessageId: string,
  inputs: AttachmentInput[],
): Promise<Id<"attachments">[]> {
  const ids: Id<"attachments">[] = [];
  for (const input of inputs) {
    ids.push(await upsertAttachment(ctx, sourceMessageId, input));
  }
  return ids;
}

async function upsertAttachment(
  ctx: MutationCtx,
  sourceMessageId: string,
  input: AttachmentInput,
): Promise<Id<"attachments">> {
  const existing = await findAttachment(ctx, input.discordAttachmentId);
  if (existing !== null && existing.sourceMessageId !== sourceMessageId) {
    throw appError(
      "BAD_REQUEST",
      `Attachment ${input.discordAttachmentId} already belongs to message ${existing.sourceMessageId}.`,
    );
  }

  if (input.status === "rejected") {
    if (existing === null) {
      return ctx.db.insert("attachments", {
        discordAttachmentId: input.discordAttachmentId,
        sourceMessageId,
        status: "rejected",
        rejectReason: input.reason,
        filename: input.filename,
        contentType: input.contentType,
        size: input.size,
      });
    }
    if (existing.status === "rejected" && existing.rejectReason !== input.reason) {
      await ctx.db.patch("attachments", existing._id, { rejectReason: input.reason });
    }
    return existing._id;
  }

  if (existing === null) {
    return ctx.db.insert("attachments", {
      discordAttachmentId: input.discordAttachmentId,
      sourceMessageId,
      status: "stored",
      storageId: input.storageId,
      filename: input.filename,
      contentType: input.contentType,
      size: input.size,
      ...(input.width === undefined ? {} : { width: input.width }),
      ...(input.height === undefined ? {} : { height: input.height }),
      sha256: input.sha256,
    });
  }
  if (existing.status === "stored") {
    if (existing.storageId !== input.storageId) await ctx.storage.delete(input.storageId);
    return existing._id;
  }
  await ctx.db.patch("attachments", existing._id, {
    status: "stored",
    rejectReason: undefined,
    storageId: input.storageId,
    filename: input.filename,
    contentType: input.contentType,
    size: input.size,
    width: input.width,
    height: input.height,
    sha256: input.sha256,
  });
  return existing._id;
}

export async function findAttachment(
  ctx: QueryCtx,
  discordAttachmentId: string,
): Promise<Doc<"attachments"> | null> {
  return ctx.db
    .query("attachments")
    .withIndex("by_discord_attachment", (q) => q.eq("discordAttachmentId", discordAttachmentId))
    .unique();
}
