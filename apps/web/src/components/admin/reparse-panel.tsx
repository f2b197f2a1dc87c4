"use client";

import { api } from "@convex/_generated/api";
import { useMutation, useQuery } from "convex/react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormNotice } from "@/components/ui/form-notice";
import { formatTime } from "@/lib/format";
import { useMutationState } from "./use-mutation-state";

/**
 * The background re-parse of stored signals with the deployed parser: progress (counted total,
 * done, changed), the last error, and a button that starts one (or resumes a stopped one). A new
 * parser version starts one on its own within 5 minutes of the deploy.
 */
export function ReparsePanel() {
  const status = useQuery(api.reparse.status, {});
  const start = useMutation(api.reparse.start);
  const { pending, error, notice, run } = useMutationState();
  if (status === undefined) return <p className="text-zinc-400">Loading…</p>;
  const latest = status.run;
  const percent =
    latest === null || latest.total === 0
      ? latest?.status === "done"
        ? 100
        : 0
      : Math.round((latest.processed / latest.total) * 100);
  return (
    <section
      aria-labelledby="reparse-title"
      data-testid="reparse-panel"
      className="flex flex-col gap-3 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4"
    >
      <h2 id="reparse-title" className="text-lg font-semibold text-white">
        Re-parse stored signals
      </h2>
      <p className="text-sm text-zinc-300">
        Deployed parser: <span className="font-mono text-emerald-300">{status.parserVersion}</span>
      </p>
      {latest === null ? (
        <p className="text-sm text-zinc-400">No run for this version yet.</p>
      ) : (
        <div className="flex flex-col gap-2 text-sm text-zinc-300">
          <p data-testid="reparse-status">
            {latest.status === "done"
              ? "Done"
              : latest.status === "failed"
                ? "Stopped after repeated errors"
                : latest.phase === "counting"
                  ? "Counting signals…"
                  : "Re-parsing…"}{" "}
            ·{" "}
            <span data-testid="reparse-progress">
              {latest.processed} / {latest.total}
            </span>{" "}
            signals · {latest.changed} changed · {latest.flaggedCorrections} corrections flagged ·{" "}
            {latest.mirrorRequeued} mirrored messages updated · started{" "}
            {formatTime(latest.startedAt)} (
            {latest.startedBy === "admin" ? "by an admin" : "on deploy"})
          </p>
          <progress
            className="h-2 w-full"
            max={100}
            value={percent}
            aria-label="Re-parse progress"
          />
          {latest.lastError === undefined ? null : (
            <p className="text-rose-300">
              Last error ({formatTime(latest.lastErrorAt ?? latest.updatedAt)}): {latest.lastError}
            </p>
          )}
        </div>
      )}
      <div>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => void run(() => start({}), "Asked to re-parse: progress shows above.")}
        >
          {latest === null || latest.status === "done"
            ? "Re-parse all signals"
            : "Resume the re-parse"}
        </Button>
      </div>
      <FormError message={error} />
      <FormNotice message={notice} />
    </section>
  );
}
