"use client";

import { lazy } from "react";
import type { AttachmentData } from "./types";

// The item needs the Convex client (fresh links); loading it only for a card that has attachments
// keeps the client out of pages that draw a card without any — the landing page's sample signal.
// React's lazy, not next/dynamic: the feed's first page is rendered on the server, and for a
// server-rendered next/dynamic component Next writes a <link rel="preload"> for its chunk with no
// CSP nonce, which the nonce policy blocks (a violation on every feed with an attachment). Here
// the server still renders the item into the HTML, and the browser fetches its chunk through
// webpack's runtime, which 'strict-dynamic' allows. No Suspense of its own, as with next/dynamic
// before: a new card waits for its attachment's code and appears whole.
const AttachmentItem = lazy(() =>
  import("./attachment-item").then((module) => ({ default: module.AttachmentItem })),
);

/**
 * Images the server marked "inline" (png/jpeg/gif/webp under the size cap) are shown; anything
 * else — SVG and HTML included — is only ever a download link, never rendered in the page.
 * Links are signed and expire within minutes (the server never hands out storage URLs), so an
 * image that failed to load or a download clicked late asks the access gate for a fresh link.
 */
export function AttachmentList({ attachments }: { attachments: AttachmentData[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="flex flex-col gap-2">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <AttachmentItem attachment={attachment} />
        </li>
      ))}
    </ul>
  );
}
