"use client";

import { api } from "@convex/_generated/api";
import { usePaginatedQuery } from "convex/react";
import { formatTime } from "@/lib/format";

/**
 * The audit entries about one thing (an import, a Sell.app run), newest first, loaded when the
 * admin opens it: what a run changed, and who started, paused or took it over.
 */
export function AuditTrail({ targetType, targetId }: { targetType: string; targetId: string }) {
  const { results, status, loadMore } = usePaginatedQuery(
    api.audit.forTarget,
    { targetType, targetId },
    { initialNumItems: 20 },
  );
  if (status === "LoadingFirstPage") return <p className="text-sm text-zinc-400">Loading…</p>;
  if (results.length === 0) return <p className="text-sm text-zinc-400">No audit entries.</p>;
  return (
    <div className="flex flex-col gap-1">
      <ul className="flex flex-col gap-1 text-xs text-zinc-300" data-testid="audit-trail">
        {results.map((entry) => (
          <li key={entry._id} id={`audit-${entry._id}`} className="font-mono">
            <span className="text-zinc-500">{formatTime(entry._creationTime)}</span>{" "}
            <span className="text-emerald-300">{entry.action}</span>
            {entry.reason === undefined ? null : <> · {entry.reason}</>}
            {entry.details === undefined ? null : (
              <span className="break-all text-zinc-400"> · {entry.details}</span>
            )}
          </li>
        ))}
      </ul>
      {status === "CanLoadMore" ? (
        <button
          type="button"
          className="self-start text-xs text-emerald-300 underline"
          onClick={() => loadMore(50)}
        >
          More entries
        </button>
      ) : null}
    </div>
  );
}
