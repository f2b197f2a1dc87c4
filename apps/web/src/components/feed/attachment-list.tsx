import { formatBytes } from "@/lib/format";
import type { AttachmentData } from "./types";

/**
 * Images the server marked "inline" (png/jpeg/gif/webp under the size cap) are shown; anything
 * else — SVG and HTML included — is only ever a download link, never rendered in the page.
 */
export function AttachmentList({ attachments }: { attachments: AttachmentData[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="flex flex-col gap-2">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          {attachment.display === "inline" && attachment.url !== null ? (
            <a href={attachment.url} target="_blank" rel="noopener noreferrer">
              <img
                src={attachment.url}
                alt={`Attachment ${attachment.filename}`}
                loading="lazy"
                referrerPolicy="no-referrer"
                width={attachment.width}
                height={attachment.height}
                className="max-h-96 w-auto max-w-full rounded-lg border border-zinc-800"
              />
            </a>
          ) : attachment.display === "download" && attachment.url !== null ? (
            <a
              href={attachment.url}
              download={attachment.filename}
              rel="noopener noreferrer"
              className="inline-flex items-center gap-2 rounded-md border border-zinc-700 px-3 py-1.5 text-sm text-sky-300 hover:bg-zinc-800"
            >
              Download {attachment.filename}{" "}
              <span className="text-zinc-500">({formatBytes(attachment.size)})</span>
            </a>
          ) : (
            <span className="text-sm text-zinc-500">{attachment.filename} — not available</span>
          )}
        </li>
      ))}
    </ul>
  );
}
