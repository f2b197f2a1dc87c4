"use client";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import { useQuery } from "convex/react";

/**
 * One event: headers and the payload as stored — the whole body of a signed request, or only the
 * excerpt and hash kept of an unverified one.
 */
export function WebhookDetail({ id }: { id: Id<"webhookEvents"> }) {
  const detail = useQuery(api.webhookAdmin.get, { id });
  if (detail === undefined) return <p className="text-sm text-zinc-400">Loading…</p>;
  if (detail === null) return <p className="text-sm text-zinc-400">This event no longer exists.</p>;
  const stored = detail.rawBody ?? detail.bodyExcerpt ?? "";
  let pretty = stored;
  try {
    pretty = JSON.stringify(JSON.parse(stored), null, 2);
  } catch {
    // Not JSON (that may be why it was rejected, or it is an excerpt): show it as received.
  }
  return (
    <div className="flex flex-col gap-2 text-sm">
      {detail.dedupeKey ? (
        <p className="text-zinc-400">
          Dedupe key: <span className="font-mono">{detail.dedupeKey}</span>
        </p>
      ) : null}
      <p className="text-zinc-400">Headers</p>
      <pre className="overflow-x-auto rounded bg-zinc-950 p-2 font-mono text-xs text-zinc-300">
        {JSON.stringify(detail.headers, null, 2)}
      </pre>
      <p className="text-zinc-400">
        {detail.rawBody === undefined
          ? `Unverified: first ${new TextEncoder().encode(stored).length} of ${detail.event.bodyBytes} bytes kept` +
            (detail.bodySha256 === undefined ? "" : ` · SHA-256 ${detail.bodySha256}`)
          : `Raw payload (${detail.event.bodyBytes} bytes)`}
      </p>
      <pre
        data-testid="webhook-raw"
        className="max-h-96 overflow-auto rounded bg-zinc-950 p-2 font-mono text-xs text-zinc-300"
      >
        {pretty}
      </pre>
    </div>
  );
}
