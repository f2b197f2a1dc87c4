"use client";

import { api } from "@convex/_generated/api";
import { usePaginatedQuery } from "convex/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { formatTime } from "@/lib/format";

export function AuditLog() {
  const [action, setAction] = useState("");
  const { results, status, loadMore } = usePaginatedQuery(
    api.audit.list,
    action.trim() ? { action: action.trim() } : {},
    { initialNumItems: 30 },
  );
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-action" className="text-sm text-zinc-300">
          Action (exact, e.g. channelMapping.update)
        </label>
        <input
          id="audit-action"
          className="rounded-md border border-zinc-700 bg-zinc-900 px-3 py-2 text-sm"
          value={action}
          onChange={(event) => setAction(event.target.value)}
        />
      </div>
      {status === "LoadingFirstPage" ? <p className="text-zinc-400">Loading…</p> : null}
      <ol className="flex flex-col gap-2" aria-label="Audit entries, newest first">
        {results.map((entry) => (
          <li
            key={entry._id}
            data-testid="audit-entry"
            className="rounded-lg border border-zinc-800 bg-zinc-900/60 p-3 text-sm"
          >
            <p className="flex flex-wrap gap-2">
              <span className="font-mono text-emerald-300">{entry.action}</span>
              <span className="text-zinc-400">
                by {entry.actorEmail ?? entry.actorType} · {formatTime(entry._creationTime)}
              </span>
            </p>
            <p className="break-all text-zinc-300">
              {entry.targetType} {entry.targetId}
            </p>
            {entry.reason ? <p className="text-zinc-300">Reason: {entry.reason}</p> : null}
            {entry.details ? (
              <details>
                <summary className="cursor-pointer text-sky-300">Details</summary>
                <pre className="mt-1 whitespace-pre-wrap break-all font-mono text-xs text-zinc-400">
                  {entry.details}
                </pre>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      {status === "CanLoadMore" ? (
        <Button variant="secondary" onClick={() => loadMore(30)}>
          Load older entries
        </Button>
      ) : null}
    </div>
  );
}
