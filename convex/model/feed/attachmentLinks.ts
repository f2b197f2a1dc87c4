import type { Id } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";
import { constantTimeEqual } from "../shared/constantTime";
import { derivedHmacHex } from "../shared/derivedHmac";
import { requireEnv } from "../shared/env";
import { currentPassEpoch } from "./livePassEpoch";

/**
 * Customers never get a storage URL (Convex's are permanent and served from the backend's
 * origin). They get a link to our HTTP action `GET /attachment` (convex/attachments.ts) that
 * carries an HMAC over the attachment, its tier, the tier's live pass epoch and an expiry. Only
 * code that ran the access gate mints one (the feed queries, `attachments.link`, or `feed.live`
 * with a valid pass), a revocation in the tier (epoch bump) kills every outstanding link at
 * once, and each link expires within minutes anyway.
 */
export const ATTACHMENT_LINK_WINDOW_MS = 5 * 60_000;

/** The scope a link is minted in: the tier the viewer may read, its current epoch, the expiry. */
export type AttachmentLinkScope = { tierKey: string; epoch: number; expiresAt: number };

export type AttachmentLinkParams = AttachmentLinkScope & {
  attachmentId: string;
  signature: string;
};

/**
 * Expiry of a link minted at `at`: the end of the next 5-minute window (5 to 10 minutes). The
 * same for everyone in a window, so the shared live head stays one evaluation for all viewers.
 */
export function attachmentLinkExpiry(at: number): number {
  return (Math.floor(at / ATTACHMENT_LINK_WINDOW_MS) + 2) * ATTACHMENT_LINK_WINDOW_MS;
}

/** The scope for a viewer the gate let read `tierKey`, at `now`. */
export async function attachmentLinkScope(
  ctx: QueryCtx,
  tierKey: string,
  now: number,
): Promise<AttachmentLinkScope> {
  return {
    tierKey,
    epoch: await currentPassEpoch(ctx, tierKey),
    expiresAt: attachmentLinkExpiry(now),
  };
}

export async function attachmentLinkUrl(
  attachmentId: Id<"attachments">,
  scope: AttachmentLinkScope,
): Promise<string> {
  const url = new URL("/attachment", requireEnv("CONVEX_SITE_URL"));
  url.searchParams.set("id", attachmentId);
  url.searchParams.set("tier", scope.tierKey);
  url.searchParams.set("epoch", String(scope.epoch));
  url.searchParams.set("exp", String(scope.expiresAt));
  url.searchParams.set("sig", await sign({ ...scope, attachmentId }));
  return url.toString();
}

/** Signature (constant time) and expiry; the epoch is checked against the database after. */
export async function checkAttachmentLink(
  link: AttachmentLinkParams,
  now: number,
): Promise<"valid" | "expired" | "invalid"> {
  if (!constantTimeEqual(await sign(link), link.signature)) return "invalid";
  return now < link.expiresAt ? "valid" : "expired";
}

function sign(link: AttachmentLinkScope & { attachmentId: string }): Promise<string> {
  return derivedHmacHex(
    "g3 attachment link key",
    `attachment-link/v1\n${link.attachmentId}\n${link.tierKey}\n${link.epoch}\n${link.expiresAt}`,
  );
}
