"use client";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import { useQuery } from "convex/react";
import { formatTime } from "@/lib/format";
import { LockedPanel } from "./locked-panel";
import { SignalCard } from "./signal-card";
import { SignalLevels } from "./signal-levels";

const CHANGE_LABELS = { create: "Posted", edit: "Edited", delete: "Deleted" } as const;

/** One signal and every version it has had, oldest first: edits can't hide a bad call. */
export function SignalHistory({ signalId }: { signalId: Id<"signals"> }) {
  const result = useQuery(api.feed.signal, { signalId });
  if (result === undefined) return <p className="text-zinc-400">Loading…</p>;
  if (result.locked) return <LockedPanel purchaseUrl={result.purchaseUrl} />;
  if (!result.found) return <p className="text-zinc-300">This signal does not exist.</p>;
  return (
    <div className="flex flex-col gap-6">
      <SignalCard signal={result.signal} isNew={false} />
      <section aria-labelledby="history-title" className="flex flex-col gap-3">
        <h2 id="history-title" className="text-lg font-semibold text-white">
          Edit history
        </h2>
        <ol className="flex flex-col gap-3 border-l border-zinc-700 pl-4">
          {result.revisions.map((revision) => (
            <li key={revision.version} className="flex flex-col gap-2">
              <p className="text-sm text-zinc-300">
                <strong className="text-white">v{revision.version}</strong> ·{" "}
                {CHANGE_LABELS[revision.change]} ·{" "}
                <time dateTime={new Date(revision.at).toISOString()}>
                  {formatTime(revision.at)}
                </time>
              </p>
              <SignalLevels parsed={revision.parsed} />
              <pre className="whitespace-pre-wrap break-words rounded-md bg-zinc-950 p-3 font-mono text-sm text-zinc-200">
                {revision.content}
              </pre>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
