import { v, type Infer } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { vParsedSignal, vSide, vSignalKind } from "../tables/signals";
import type { AttachmentLinkScope } from "./attachmentLinks";
import { loadAttachments, vAttachmentView } from "./attachments";
import { parseStatusOf, shownParse } from "./parseStatus";

/** How far the card's levels can be trusted (model/parseStatus.ts explains each). */
export const vParseStatus = v.union(
  v.literal("parser"),
  v.literal("low_confidence"),
  v.literal("corrected"),
  v.literal("edited_after_correction"),
);

/** What the feed shows for one signal: its current version, structured, plus the raw text. */
export const vSignalCard = v.object({
  id: v.id("signals"),
  tierKey: v.string(),
  kind: vSignalKind,
  pair: v.optional(v.string()),
  side: v.optional(vSide),
  /** The reading customers see: an admin's correction when there is one, else the parser's. */
  parsed: vParsedSignal,
  parseStatus: vParseStatus,
  content: v.string(),
  authorName: v.string(),
  sourceChannelId: v.string(),
  version: v.number(),
  postedAt: v.number(),
  createdAt: v.number(),
  committedAt: v.number(),
  editedAt: v.optional(v.number()),
  deletedAt: v.optional(v.number()),
  parentSignalId: v.optional(v.id("signals")),
  attachments: v.array(vAttachmentView),
});

export type SignalCard = Infer<typeof vSignalCard>;

/** `links` is the scope attachment links are minted in (the caller ran the gate for the tier). */
export async function toSignalCard(
  ctx: QueryCtx,
  signal: Doc<"signals">,
  links: AttachmentLinkScope,
): Promise<SignalCard> {
  return {
    id: signal._id,
    tierKey: signal.tierKey,
    kind: signal.kind,
    ...(signal.pair === undefined ? {} : { pair: signal.pair }),
    ...(signal.side === undefined ? {} : { side: signal.side }),
    parsed: shownParse(signal),
    parseStatus: parseStatusOf(signal),
    content: signal.content,
    authorName: signal.authorName,
    sourceChannelId: signal.sourceChannelId,
    version: signal.version,
    postedAt: signal.sourceAt,
    createdAt: signal._creationTime,
    committedAt: signal.committedAt,
    ...(signal.editedAt === undefined ? {} : { editedAt: signal.editedAt }),
    ...(signal.deletedAt === undefined ? {} : { deletedAt: signal.deletedAt }),
    ...(signal.parentSignalId === undefined ? {} : { parentSignalId: signal.parentSignalId }),
    attachments: await loadAttachments(ctx, signal.attachmentIds, links),
  };
}
