import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import type { IncomingMessage } from "./ingestValidators";
import type { ParsedContent } from "./ingestParse";

/** A signal's history is read whole to place a late copy; longer histories are left as they are. */
const MAX_HISTORY = 200;
/** Deliveries of one signal (one per mapping of its channel). */
const MAX_DELIVERIES = 50;

/**
 * Files a copy of a message that is older than the stored version (an earlier edited_timestamp,
 * or the unedited original) into the signal's history at its place, if the history lacks it.
 *
 * Why: with more than one collector (each receives every gateway event) and with backfills that
 * read the current state, a newer copy can be stored before an older one arrives — e.g. a
 * backfill stores a just-edited message while the other collector's create of the original is
 * still on its way. The current content stays the newest; the history gains the version it
 * would otherwise lose, so it does not depend on which collector was first.
 *
 * Versions stay dense and ordered by time: the late copy takes the version after the ones older
 * than it, and every later revision, the signal and its mirror deliveries (target, synced and
 * in-flight create versions) move up by one, so a delivery keeps pointing at the same content.
 * Returns the signal's version afterwards, or null when the copy was already in the history.
 */
export async function fileEarlierCopy(
  ctx: MutationCtx,
  existing: Doc<"signals">,
  message: IncomingMessage,
  copy: { parsed: ParsedContent["parsed"]; attachmentIds: Id<"attachments">[] },
): Promise<number | null> {
  const at = message.editedAt ?? message.sourceAt;
  const history = await ctx.db
    .query("signalRevisions")
    .withIndex("by_signal_and_version", (q) => q.eq("signalId", existing._id))
    .take(MAX_HISTORY + 1);
  if (history.length > MAX_HISTORY) return null;
  if (history.some((revision) => revision.at === at || revision.content === message.content)) {
    return null; // already known (a replay), or the same text at another time: nothing to add
  }
  const later = history.filter((revision) => revision.at > at);
  const first = later[0];
  if (first === undefined) return null; // not older than anything stored
  const version = first.version;
  // Highest first, so two revisions never share a version, even for a moment.
  for (const revision of [...later].reverse()) {
    await ctx.db.patch("signalRevisions", revision._id, {
      version: revision.version + 1,
      ...(revision.change === "create" ? { change: "edit" as const } : {}),
    });
  }
  await ctx.db.insert("signalRevisions", {
    signalId: existing._id,
    version,
    content: message.content,
    parsed: copy.parsed,
    attachmentIds: copy.attachmentIds,
    at,
    change: version === 1 ? "create" : "edit",
  });
  await shiftDeliveryVersions(ctx, existing._id, version);
  const current = existing.version + 1;
  await ctx.db.patch("signals", existing._id, { version: current });
  return current;
}

/** Moves every version number ≥ `from` of the signal's deliveries up by one. */
async function shiftDeliveryVersions(
  ctx: MutationCtx,
  signalId: Id<"signals">,
  from: number,
): Promise<void> {
  const shift = (version: number) => (version >= from ? version + 1 : version);
  const deliveries = await ctx.db
    .query("mirrorDeliveries")
    .withIndex("by_signal_and_mapping", (q) => q.eq("signalId", signalId))
    .take(MAX_DELIVERIES);
  for (const delivery of deliveries) {
    await ctx.db.patch("mirrorDeliveries", delivery._id, {
      targetVersion: shift(delivery.targetVersion),
      syncedVersion: shift(delivery.syncedVersion),
      ...(delivery.sendingVersion === undefined
        ? {}
        : { sendingVersion: shift(delivery.sendingVersion) }),
    });
  }
}
