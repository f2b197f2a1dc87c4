"use client";

import { api } from "@convex/_generated/api";
import type { FunctionReturnType } from "convex/server";
import { useMutation, useQuery } from "convex/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormNotice } from "@/components/ui/form-notice";
import { formatTime } from "@/lib/format";
import { AuditTrail } from "./audit-trail";
import { useMutationState } from "./use-mutation-state";

type ImportRow = FunctionReturnType<typeof api.historyImports.list>[number];

/**
 * Imports of a mapped channel's whole Discord history: request one, watch it live (the list is a
 * subscription, so the bar moves with every page the collector commits), pause, resume or cancel.
 */
export function HistoryImportsPanel() {
  const imports = useQuery(api.historyImports.list, {});
  const mappings = useQuery(api.channelMappings.list, {});
  const request = useMutation(api.historyImports.request);
  const [channelId, setChannelId] = useState("");
  const { pending, error, notice, run } = useMutationState();
  if (imports === undefined || mappings === undefined) {
    return <p className="text-zinc-400">Loading…</p>;
  }
  const channels = new Map<string, string>();
  for (const mapping of mappings) {
    if (mapping.enabled && !channels.has(mapping.sourceChannelId)) {
      channels.set(mapping.sourceChannelId, mapping.label);
    }
  }
  return (
    <div className="flex flex-col gap-6">
      <form
        className="flex flex-wrap items-end gap-3 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (channelId === "") return;
          void run(
            () => request({ sourceChannelId: channelId }),
            "Import queued: a collector picks it up within seconds.",
          );
        }}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="import-channel" className="text-sm text-zinc-300">
            Source channel
          </label>
          <select
            id="import-channel"
            value={channelId}
            onChange={(event) => setChannelId(event.target.value)}
            className="rounded-md border border-zinc-700 bg-zinc-950 px-3 py-2 text-sm text-white"
          >
            <option value="">Choose a mapped channel…</option>
            {[...channels.entries()].map(([id, label]) => (
              <option key={id} value={id}>
                {label} ({id})
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={pending || channelId === ""}>
          Import its whole history
        </Button>
        <p className="w-full text-xs text-zinc-400">
          Reads the channel back to its first message, 100 at a time within Discord&apos;s rate
          limits, through the same path as live messages: what is stored already is left as it is,
          deleted messages stay deleted. Imported messages are not posted to the customer guild.
        </p>
        <FormError message={error} />
        <FormNotice message={notice} />
      </form>
      {imports.length === 0 ? (
        <p className="text-zinc-400">No imports yet.</p>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="history-imports">
          {imports.map((row) => (
            <ImportItem key={row._id} row={row} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ImportItem({ row }: { row: ImportRow }) {
  const pause = useMutation(api.historyImports.pause);
  const resume = useMutation(api.historyImports.resume);
  const cancel = useMutation(api.historyImports.cancel);
  const { pending, error, run } = useMutationState();
  const percent = Math.round(row.progress.fraction * 100);
  const { perSecond, etaMs, reachedAt } = row.progress;
  const active = row.state === "queued" || row.state === "running" || row.state === "paused";
  return (
    <li
      className="flex flex-col gap-2 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4 text-sm text-zinc-300"
      data-testid="history-import"
      data-state={row.state}
    >
      <div className="flex flex-wrap items-baseline gap-x-3">
        <span className="font-semibold text-white">{row.channelLabel ?? "Unmapped channel"}</span>
        <span className="font-mono text-xs text-zinc-500">{row.sourceChannelId}</span>
        <span className="rounded bg-zinc-800 px-2 py-0.5 text-xs uppercase" data-testid="state">
          {row.state}
        </span>
      </div>
      <progress
        className="h-2 w-full"
        max={100}
        value={percent}
        aria-label={`Import progress ${percent}%`}
      />
      <p data-testid="import-counts">
        {percent}% of the channel&apos;s lifetime · {row.pages} pages · {row.imported} imported ·{" "}
        {row.skipped} already stored or skipped · {row.failed} failed
        {perSecond === undefined ? null : <> · {perSecond.toFixed(1)} messages/s</>}
        {etaMs === undefined || row.state !== "running" ? null : (
          <> · about {Math.max(1, Math.round(etaMs / 60_000))} min left</>
        )}
        {reachedAt === undefined ? null : (
          <> · back to {new Date(reachedAt).toISOString().slice(0, 10)}</>
        )}
      </p>
      <p className="text-xs text-zinc-400">
        Requested {formatTime(row._creationTime)} by {row.requestedByEmail ?? "an operator"}
        {row.startedAt === undefined ? null : <> · started {formatTime(row.startedAt)}</>}
        {row.finishedAt === undefined ? null : <> · finished {formatTime(row.finishedAt)}</>}
        {row.leaseOwner === undefined ? null : <> · run by {row.leaseOwner}</>}
      </p>
      {row.error === undefined ? null : <p className="text-rose-300">{row.error}</p>}
      {active ? (
        <div className="flex gap-2">
          {row.state === "paused" ? (
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() => void run(() => resume({ importId: row._id }), "Resumed.")}
            >
              Resume
            </Button>
          ) : (
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() => void run(() => pause({ importId: row._id }), "Paused.")}
            >
              Pause
            </Button>
          )}
          <Button
            variant="danger"
            disabled={pending}
            onClick={() => void run(() => cancel({ importId: row._id }), "Cancelled.")}
          >
            Cancel
          </Button>
        </div>
      ) : null}
      <FormError message={error} />
      <details>
        <summary className="cursor-pointer text-xs text-zinc-400">Audit entries</summary>
        <AuditTrail targetType="historyImport" targetId={row._id} />
      </details>
    </li>
  );
}
