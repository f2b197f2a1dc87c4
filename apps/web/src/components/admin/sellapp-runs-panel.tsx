"use client";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import type { FunctionReturnType } from "convex/server";
import { useMutation, usePaginatedQuery, useQuery } from "convex/react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormNotice } from "@/components/ui/form-notice";
import { formatTime } from "@/lib/format";
import { AuditTrail } from "./audit-trail";
import { CsvImportForm } from "./csv-import-form";
import { useMutationState } from "./use-mutation-state";

type Run = FunctionReturnType<typeof api.sellappSync.runs>[number];

const KIND_LABEL: Record<Run["kind"], string> = {
  reconcile: "Reconciliation",
  import: "Customer import (API)",
  csv: "Customer import (CSV)",
};

/**
 * Sell.app reconciliation and customer-import runs (docs/cutover.md): start one (from the API, or
 * from an uploaded order export), and for each run what it read, stored and changed — the
 * per-customer changes and the audit entries it wrote.
 */
export function SellappRunsPanel() {
  const runs = useQuery(api.sellappSync.runs, {});
  const startImport = useMutation(api.sellappSync.startImport);
  const startReconcile = useMutation(api.sellappSync.startReconcile);
  const { pending, error, notice, run } = useMutationState();
  if (runs === undefined) return <p className="text-zinc-400">Loading…</p>;
  const started = "Started: the run appears below and updates live.";
  return (
    <div className="flex flex-col gap-6">
      <section className="flex flex-col gap-3 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4">
        <p className="text-sm text-zinc-300">
          A dry run does everything and rolls it back: it reports exactly what the real run would
          change. Reconciliation runs every hour on its own when an API key is set.
        </p>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => void run(() => startImport({ dryRun: true }), started)}
          >
            Dry-run the customer import
          </Button>
          <Button
            disabled={pending}
            onClick={() => void run(() => startImport({ dryRun: false }), started)}
          >
            Import customers
          </Button>
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => void run(() => startReconcile({ dryRun: false }), started)}
          >
            Reconcile now
          </Button>
        </div>
        <FormError message={error} />
        <FormNotice message={notice} />
      </section>
      <CsvImportForm runs={runs} />
      {runs.length === 0 ? (
        <p className="text-zinc-400">No runs yet.</p>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="sellapp-runs">
          {runs.map((item) => (
            <RunItem key={item._id} run={item} />
          ))}
        </ul>
      )}
    </div>
  );
}

function RunItem({ run }: { run: Run }) {
  return (
    <li
      className="flex flex-col gap-2 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4 text-sm text-zinc-300"
      data-testid="sellapp-run"
      data-status={run.status}
    >
      <div className="flex flex-wrap items-baseline gap-x-3">
        <span className="font-semibold text-white">{KIND_LABEL[run.kind]}</span>
        {run.dryRun ? <span className="rounded bg-amber-900/60 px-2 text-xs">dry run</span> : null}
        <span className="rounded bg-zinc-800 px-2 py-0.5 text-xs uppercase">{run.status}</span>
        <span className="text-xs text-zinc-400">
          {formatTime(run.startedAt)}
          {run.finishedAt === undefined ? null : <> → {formatTime(run.finishedAt)}</>} ·{" "}
          {run.requestedBy === undefined ? "scheduled" : "by an admin"}
        </span>
      </div>
      <p data-testid="run-counts">
        {run.ordersSeen} orders and {run.subscriptionsSeen} subscriptions read · {run.eventsStored}{" "}
        events stored · {run.eventsKnown} already known ·{" "}
        <strong className="text-white">{run.changes} changes</strong> · {run.failures} failures
      </p>
      {run.unmappedProducts.length === 0 ? null : (
        <p className="text-amber-300">
          Products mapped to no tier (their orders grant nothing): {run.unmappedProducts.join(", ")}
        </p>
      )}
      {run.rowErrors === undefined ? null : (
        <ul className="list-inside list-disc text-xs text-amber-300">
          {run.rowErrors.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {run.error === undefined ? null : <p className="text-rose-300">{run.error}</p>}
      {run.changes === 0 ? null : (
        <details>
          <summary className="cursor-pointer text-xs text-zinc-400">
            What {run.dryRun ? "it would change" : "it changed"}
          </summary>
          <RunChanges runId={run._id} />
        </details>
      )}
      <details>
        <summary className="cursor-pointer text-xs text-zinc-400">Audit entries</summary>
        <AuditTrail targetType="sellappSyncRun" targetId={run._id} />
      </details>
    </li>
  );
}

function RunChanges({ runId }: { runId: Id<"sellappSyncRuns"> }) {
  const { results, status, loadMore } = usePaginatedQuery(
    api.sellappSync.runChanges,
    { runId },
    { initialNumItems: 50 },
  );
  if (status === "LoadingFirstPage") return <p className="text-xs text-zinc-400">Loading…</p>;
  return (
    <div className="flex flex-col gap-1">
      <table className="w-full text-left text-xs" data-testid="run-changes">
        <thead className="text-zinc-500">
          <tr>
            <th className="py-1 pr-2">Email</th>
            <th className="py-1 pr-2">Source</th>
            <th className="py-1 pr-2">Tier</th>
            <th className="py-1 pr-2">From → to</th>
            <th className="py-1 pr-2">Until</th>
            <th className="py-1">Note</th>
          </tr>
        </thead>
        <tbody>
          {results.map((change) => (
            <tr key={change._id} className="border-t border-zinc-800">
              <td className="py-1 pr-2">
                {change.email}
                {change.pending ? <span className="text-amber-300"> (pending sign-up)</span> : null}
              </td>
              <td className="py-1 pr-2 font-mono">
                {change.source} {change.sourceId}
              </td>
              <td className="py-1 pr-2">{change.tierKey ?? "—"}</td>
              <td className="py-1 pr-2">
                {change.from ?? "none"} → {change.to ?? "none"}
              </td>
              <td className="py-1 pr-2">
                {change.accessUntil === undefined
                  ? "—"
                  : new Date(change.accessUntil).toISOString().slice(0, 10)}
              </td>
              <td className="py-1">{change.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {status === "CanLoadMore" ? (
        <button
          type="button"
          className="self-start text-xs text-emerald-300 underline"
          onClick={() => loadMore(100)}
        >
          More changes
        </button>
      ) : null}
    </div>
  );
}
