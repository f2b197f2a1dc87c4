import type { Doc } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { hoistedFields } from "../ingest/ingestParse";
import { requeueMirrorRender } from "../mirror/mirrorRerender";
import { mirrorSummary } from "../mirror/mirrorSummary";
import { shownParse } from "./parseStatus";

/** The parse-related fields of a signal that corrections and re-parses rewrite. */
export type ParseStatePatch = Partial<
  Pick<Doc<"signals">, "parsed" | "correction" | "correctedAt" | "reviewReason" | "reviewSince">
>;

/**
 * Writes a new parse state (the parser's reading, the correction, the review fields) with the
 * indexed pair/side/kind of the reading customers will see, and sends the mirrored messages back
 * to the mirror only when the summary they show changes (so a change the mirror does not render
 * costs Discord nothing). The raw text is never touched. Returns how many deliveries were queued.
 */
export async function writeParseState(
  ctx: MutationCtx,
  signal: Doc<"signals">,
  patch: ParseStatePatch,
): Promise<number> {
  // Keys present with `undefined` clear a field, as ctx.db.patch does.
  const next = { ...signal, ...patch };
  await ctx.db.patch("signals", signal._id, { ...patch, ...hoistedFields(shownParse(next)) });
  if (signal.deletedAt !== undefined) return 0; // its mirrored messages are gone
  if (mirrorSummary(signal) === mirrorSummary(next)) return 0;
  return requeueMirrorRender(ctx, signal._id);
}
