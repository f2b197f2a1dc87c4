"use client";

import { api } from "@convex/_generated/api";
import { useConvex } from "convex/react";
import { useCallback, useState } from "react";
import { formatBytes } from "@/lib/format";
import { linkExpiresSoon } from "@/lib/attachment-link";
import type { AttachmentData } from "./types";

/** One attachment; asks the access gate for a fresh signed link when the one it has fails. */
export function AttachmentItem({ attachment }: { attachment: AttachmentData }) {
  const convex = useConvex();
  const [url, setUrl] = useState(attachment.url);
  const [refreshed, setRefreshed] = useState(false);
  const fresh = useCallback(async () => {
    setRefreshed(true);
    const link = await convex.query(api.attachments.link, { attachmentId: attachment.id });
    setUrl(link?.url ?? null);
    return link?.url ?? null;
  }, [convex, attachment.id]);

  if (url === null || attachment.display === "unavailable") {
    return <span className="text-sm text-zinc-500">{attachment.filename} — not available</span>;
  }
  if (attachment.display === "inline") {
    return (
      <a href={url} target="_blank" rel="noopener noreferrer">
        <img
          src={url}
          alt={`Attachment ${attachment.filename}`}
          loading="lazy"
          referrerPolicy="no-referrer"
          width={attachment.width}
          height={attachment.height}
          // Once: a link that still fails after a fresh one is gone for good (no loop).
          onError={refreshed ? undefined : () => void fresh()}
          className="max-h-96 w-auto max-w-full rounded-lg border border-zinc-800"
        />
      </a>
    );
  }
  return (
    <a
      href={url}
      download={attachment.filename}
      rel="noopener noreferrer"
      onClick={(event) => {
        if (!linkExpiresSoon(url, Date.now())) return;
        event.preventDefault();
        void fresh().then((next) => {
          if (next !== null) window.location.assign(next);
        });
      }}
      className="inline-flex items-center gap-2 rounded-md border border-zinc-700 px-3 py-1.5 text-sm text-sky-300 hover:bg-zinc-800"
    >
      Download {attachment.filename}{" "}
      <span className="text-zinc-500">({formatBytes(attachment.size)})</span>
    </a>
  );
}
