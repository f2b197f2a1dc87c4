"use client";

import dynamic from "next/dynamic";
import type { AttachmentData } from "./types";

// The item needs the Convex client (fresh links); loading it only for a card that has attachments
// keeps the client out of pages that draw a card without any — the landing page's sample signal.
const AttachmentItem = dynamic(() =>
  import("./attachment-item").then((module) => module.AttachmentItem),
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
